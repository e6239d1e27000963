"use client";

import { useState } from "react";
import dynamic from "next/dynamic";
import { useSearchParams } from "next/navigation";
import type { Matrix } from "@/lib/types/analysis";
import type { CrosshairMode } from "@/lib/analysis/quadrant";
import type { MatrixViewMode } from "@/components/matrix/matrix-chart";
import { ChartPlaceholder, MATRIX_CHART_HEIGHT } from "@/components/matrix/chart-placeholder";
import { FixListTable } from "@/components/matrix/fix-list-table";
import { formatNumber, formatSigned } from "@/components/matrix/format";
import { ToggleGroup } from "@/components/ui/toggle-group";
import { CrosshairToggle, useViewParam } from "@/components/matrix/view-params";

// The charting library is most of this page's JavaScript: it loads after the page, in the
// browser only (it measures its container, so a server render would be an empty box), while a
// placeholder of the chart's size holds its place.
const MatrixChart = dynamic(() => import("@/components/matrix/matrix-chart").then((mod) => mod.MatrixChart), {
  ssr: false,
  loading: () => <ChartPlaceholder height={MATRIX_CHART_HEIGHT} label="Loading the chart" />,
});

/** The chart and the fix list side by side, sharing the selected touchpoint. */
export function MatrixView({
  matrix,
  crosshairMode,
  viewMode,
  errorBars,
  detailBase,
  initialSelected,
}: {
  matrix: Matrix;
  crosshairMode: CrosshairMode;
  viewMode: MatrixViewMode;
  errorBars: boolean;
  detailBase: string;
  initialSelected: string | null;
}) {
  const searchParams = useSearchParams();
  const { setParam } = useViewParam();
  const [selectedId, setSelectedId] = useState<string | null>(initialSelected);

  const insufficient = matrix.points.filter((point) => point.insufficient && point.n > 0).length;
  const empty = matrix.points.filter((point) => point.n === 0).length;
  const query = searchParams.toString();

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3" data-print="hide">
        <CrosshairToggle value={crosshairMode} setParam={setParam} />
        <ToggleGroup
          label="View"
          value={viewMode}
          options={[
            { value: "matrix", label: "Quadrants" },
            { value: "diagonal", label: "Diagonal (iso-priority)" },
          ]}
          onChange={(value) => setParam("view", value === "matrix" ? null : value)}
        />
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            className="size-4 accent-brand"
            checked={errorBars}
            onChange={(event) => setParam("bars", event.target.checked ? "1" : null)}
          />
          Show 95% intervals
        </label>
      </div>
      <p className="text-sm text-fg-muted" data-testid="crosshair-summary">
        Crosshairs at importance {formatNumber(matrix.crosshair.importance, 2)} and performance{" "}
        {formatSigned(matrix.crosshair.performance)}
        {matrix.crosshair.mode === "data" && matrix.crosshair.source === "scale"
          ? ": no touchpoint has enough data yet for data-centred crosshairs, so the scale centre is used."
          : matrix.crosshair.source === "data"
            ? `: the means of the ${matrix.crosshair.qualifying} touchpoints with at least ${matrix.map.minSample} observations.`
            : "."}{" "}
        Point size shows reach; a hollow point has fewer than {matrix.map.minSample} observations; a dashed outline means its
        interval crosses a crosshair; a ring marks a moment of truth.
      </p>
      {(insufficient > 0 || empty > 0) && (
        <p className="rounded-md border border-border bg-surface-muted p-3 text-sm" data-testid="insufficient-notice">
          {insufficient > 0 &&
            `${insufficient} touchpoint${insufficient === 1 ? " has" : "s have"} fewer than ${matrix.map.minSample} observations in this filter: shown hollow and left out of the crosshair means. `}
          {empty > 0 && `${empty} touchpoint${empty === 1 ? " has" : "s have"} no observations in this filter and ${empty === 1 ? "is" : "are"} not plotted. `}
          Widen the period or the filter, or record more interviews, to place them with confidence.
        </p>
      )}
      <div className="grid gap-6 2xl:grid-cols-[minmax(0,5fr)_minmax(0,6fr)]">
        <div className="min-w-0 rounded-lg border border-border bg-surface p-2">
          <MatrixChart
            points={matrix.points}
            crosshair={matrix.crosshair}
            mode={viewMode}
            errorBars={errorBars}
            selectedId={selectedId}
            onSelect={setSelectedId}
          />
        </div>
        <div className="min-w-0">
          <h2 className="mb-2 text-base font-semibold">Fix list</h2>
          <FixListTable
            ranked={matrix.fixList}
            selectedId={selectedId}
            onSelect={setSelectedId}
            detailHref={(id) => `${detailBase}/${id}${query ? `?${query}` : ""}`}
          />
        </div>
      </div>
    </div>
  );
}
