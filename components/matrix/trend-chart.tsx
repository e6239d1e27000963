"use client";

import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import type { TrendPoint } from "@/lib/analysis/trend";
import { plural } from "@/lib/plural";
import { TREND_CHART_HEIGHT } from "@/components/matrix/chart-placeholder";
import { formatInterval, formatPercent, formatSigned } from "@/components/matrix/format";
import { trendChartData, type TrendDatum, type TrendMetric } from "@/components/matrix/trend-data";

export type { TrendBucket } from "@/lib/types/analysis-journey";
import type { TrendBucket } from "@/lib/types/analysis-journey";

const BUCKET_NAME: Record<TrendBucket, string> = { day: "day", week: "week", month: "month" };
const BUCKET_TITLE: Record<TrendBucket, string> = { day: "", week: "Week of ", month: "Month of " };
const METRIC_NAME: Record<TrendMetric, string> = { performance: "Performance", missRate: "Miss rate", n: "Observations" };

function TrendTooltip({
  active,
  payload,
  minSample,
  bucket,
  metric,
}: {
  active?: boolean;
  payload?: readonly { payload?: unknown }[];
  minSample: number;
  bucket: TrendBucket;
  metric: TrendMetric;
}) {
  const point = active ? (payload?.[0]?.payload as TrendDatum | undefined) : undefined;
  if (!point) return null;
  const format = metric === "missRate" ? (v: number) => formatPercent(v / 100) : (v: number) => formatSigned(v);
  return (
    <div className="rounded-md border border-border bg-surface p-2 text-xs shadow-lg">
      <p className="font-semibold">
        {BUCKET_TITLE[bucket]}
        {bucket === "month" ? point.bucketStart.slice(0, 7) : point.bucketStart}
      </p>
      <p>Performance {formatSigned(point.performance)}</p>
      <p>Miss rate {formatPercent(point.missRate)}</p>
      {point.lower !== null && point.upper !== null && (
        <p className="text-fg-muted">
          {METRIC_NAME[metric]} 95% interval {formatInterval(point.lower, point.upper, format)}
        </p>
      )}
      <p>{plural(point.n, "observation")}</p>
      {point.tooFew !== null && <p className="text-fg-muted">Fewer than {minSample}: too few to read, left off the line.</p>}
    </div>
  );
}

/**
 * A figure by day, week or month: the line and its 95% interval band over the buckets with at
 * least the map's minimum sample; buckets with fewer are hollow grey points off the line. For n,
 * a dashed line marks the minimum sample instead of a band.
 */
export function TrendChart({
  points,
  minSample,
  metric = "performance",
  bucket = "week",
  height = TREND_CHART_HEIGHT,
}: {
  points: TrendPoint[];
  minSample: number;
  metric?: TrendMetric;
  bucket?: TrendBucket;
  height?: number;
}) {
  const data = trendChartData(points, minSample, metric);
  const domain: [number, number | "auto"] = metric === "performance" ? [-100, 100] : metric === "missRate" ? [0, 100] : [0, "auto"];
  const ticks = metric === "performance" ? [-100, -50, 0, 50, 100] : metric === "missRate" ? [0, 25, 50, 75, 100] : undefined;
  return (
    <div
      role="img"
      aria-label={`${METRIC_NAME[metric]} by ${BUCKET_NAME[bucket]}; the table below lists the same values.`}
      data-testid={`trend-chart-${metric}`}
    >
      <ComposedChart responsive style={{ width: "100%", height }} data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid stroke="var(--color-border)" strokeDasharray="2 4" />
        <XAxis dataKey="bucketStart" stroke="var(--color-fg-muted)" fontSize={12} minTickGap={16} />
        <YAxis
          domain={domain}
          ticks={ticks}
          stroke="var(--color-fg-muted)"
          fontSize={12}
          tickFormatter={metric === "missRate" ? (v: number) => `${v}%` : undefined}
          allowDecimals={false}
        />
        {metric === "performance" && <ReferenceLine y={0} stroke="var(--color-fg-muted)" />}
        {metric === "n" && (
          <ReferenceLine y={minSample} stroke="var(--color-fg-muted)" strokeDasharray="4 3" />
        )}
        <Area dataKey="band" stroke="none" fill="var(--color-brand)" fillOpacity={0.15} isAnimationActive={false} connectNulls activeDot={false} />
        <Line
          dataKey="sure"
          stroke="var(--color-brand)"
          strokeWidth={2}
          dot={{ r: data.length > 40 ? 2 : 3, fill: "var(--color-brand)" }}
          isAnimationActive={false}
          connectNulls
        />
        <Line
          dataKey="tooFew"
          stroke="none"
          dot={{ r: 4, fill: "var(--color-surface)", stroke: "var(--color-fg-muted)", strokeWidth: 1.5 }}
          activeDot={{ r: 5, fill: "var(--color-surface)", stroke: "var(--color-fg-muted)" }}
          isAnimationActive={false}
          legendType="none"
        />
        <Tooltip
          content={(props) => (
            <TrendTooltip
              active={props.active}
              payload={props.payload as readonly { payload?: unknown }[] | undefined}
              minSample={minSample}
              bucket={bucket}
              metric={metric}
            />
          )}
        />
      </ComposedChart>
    </div>
  );
}
