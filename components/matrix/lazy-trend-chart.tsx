"use client";

import dynamic from "next/dynamic";
import type { TrendPoint } from "@/lib/analysis/trend";
import type { TrendMetric } from "@/components/matrix/trend-data";
import type { TrendBucket } from "@/components/matrix/trend-chart";
import { ChartPlaceholder, TREND_CHART_HEIGHT } from "@/components/matrix/chart-placeholder";

// As on the matrix: the charting library loads after the page, in the browser only, while a
// placeholder of the chart's size holds its place. (The drill-down page is a server component,
// and `ssr: false` needs a client component around it.)
const TrendChart = dynamic(() => import("@/components/matrix/trend-chart").then((mod) => mod.TrendChart), {
  ssr: false,
  loading: () => <ChartPlaceholder height={TREND_CHART_HEIGHT} label="Loading the chart" />,
});

/** A figure by day, week or month (performance by week unless told), loaded on demand. */
export function LazyTrendChart(props: {
  points: TrendPoint[];
  minSample: number;
  metric?: TrendMetric;
  bucket?: TrendBucket;
}) {
  return <TrendChart {...props} />;
}
