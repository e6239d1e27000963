"use client";

import dynamic from "next/dynamic";
import type { Matrix } from "@/lib/types/analysis";
import { ChartPlaceholder, MATRIX_CHART_HEIGHT } from "@/components/matrix/chart-placeholder";
import { ChartDownload } from "@/components/charts/chart-download";

const MatrixChart = dynamic(() => import("@/components/matrix/matrix-chart").then((mod) => mod.MatrixChart), {
  ssr: false,
  loading: () => <ChartPlaceholder height={MATRIX_CHART_HEIGHT} label="Loading the chart" />,
});

const noop = () => undefined;

/**
 * The matrix as the report prints it: the quadrant view, its key touchpoints labelled, at a width
 * that fits an A4 page, so that the chart drawn on screen is the chart on paper.
 */
export function ReportMatrix({ matrix, filterLine, detailBase }: { matrix: Matrix; filterLine: string; detailBase: string }) {
  return (
    <div className="report-chart w-full max-w-[680px]" data-testid="report-matrix">
      <ChartDownload title={`Priority matrix: ${matrix.map.name}`} filterLine={filterLine} selector="[data-testid='matrix-svg']">
        <div className="rounded-lg border border-border bg-surface p-2">
          <MatrixChart
            points={matrix.points}
            rankedIds={matrix.fixList.map((point) => point.id)}
            crosshair={matrix.crosshair}
            mode="matrix"
            errorBars={false}
            fullScale={false}
            allLabels={false}
            selectedId={null}
            onSelect={noop}
            detailHref={(id) => `${detailBase}/${id}`}
            height={MATRIX_CHART_HEIGHT}
          />
        </div>
      </ChartDownload>
    </div>
  );
}
