"use client";

import { useState } from "react";
import dynamic from "next/dynamic";
import { useSearchParams } from "next/navigation";
import type { Matrix } from "@/lib/types/analysis";
import type { CrosshairMode } from "@/lib/analysis/quadrant";
import { plural, pluralForm } from "@/lib/plural";
import type { MatrixViewMode } from "@/components/matrix/matrix-chart";
import { ChartPlaceholder, MATRIX_CHART_HEIGHT } from "@/components/matrix/chart-placeholder";
import { FixListTable } from "@/components/matrix/fix-list-table";
import { formatNumber, formatSigned } from "@/components/matrix/format";
import { rankingNote } from "@/components/matrix/ranking-note";
import { ToggleGroup } from "@/components/ui/toggle-group";
import { CrosshairToggle, useViewParam } from "@/components/matrix/view-params";
import { ChartDownload } from "@/components/charts/chart-download";

// The chart loads after the page, in the browser only (it measures its container, so a server
// render would be an empty box), while a placeholder of the chart's size holds its place.
const MatrixChart = dynamic(() => import("@/components/matrix/matrix-chart").then((mod) => mod.MatrixChart), {
  ssr: false,
  loading: () => <ChartPlaceholder height={MATRIX_CHART_HEIGHT} label="Loading the chart" />,
});

/** A view option kept in the URL; it shows the new state at once, while the page with it loads. */
function Checkbox({ checked, onChange, children }: { checked: boolean; onChange: (checked: boolean) => void; children: string }) {
  // Remounted (by its key) when the URL's value arrives, so this only bridges the wait.
  const [on, setOn] = useState(checked);
  return (
    <label className="flex items-center gap-2 text-sm">
      <input
        type="checkbox"
        className="size-4 accent-brand"
        checked={on}
        onChange={(event) => {
          setOn(event.target.checked);
          onChange(event.target.checked);
        }}
      />
      {children}
    </label>
  );
}

/** The chart and the fix list side by side (stacked on narrow screens), sharing the selected touchpoint. */
export function MatrixView({
  matrix,
  crosshairMode,
  viewMode,
  errorBars,
  fullScale,
  allLabels,
  detailBase,
  initialSelected,
  filterLine,
}: {
  matrix: Matrix;
  crosshairMode: CrosshairMode;
  viewMode: MatrixViewMode;
  errorBars: boolean;
  fullScale: boolean;
  allLabels: boolean;
  detailBase: string;
  initialSelected: string | null;
  /** The filter in words, under the title of a saved chart image. */
  filterLine: string;
}) {
  const searchParams = useSearchParams();
  const { setParam } = useViewParam();
  const [selectedId, setSelectedId] = useState<string | null>(initialSelected);

  const insufficient = matrix.points.filter((point) => point.insufficient && point.n > 0).length;
  const empty = matrix.points.filter((point) => point.n === 0).length;
  const query = searchParams.toString();
  const detailHref = (id: string) => `${detailBase}/${id}${query ? `?${query}` : ""}`;
  const rankedIds = matrix.fixList.map((point) => point.id);
  const diagonal = viewMode === "diagonal";
  const note = rankingNote(matrix.fixList);

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2" data-print="hide">
        <ToggleGroup
          label="View"
          value={viewMode}
          options={[
            { value: "matrix", label: "Quadrants" },
            { value: "diagonal", label: "Diagonal (iso-priority)" },
          ]}
          onChange={(value) => setParam("view", value === "matrix" ? null : value)}
        />
        {!diagonal && <CrosshairToggle value={crosshairMode} setParam={setParam} />}
        <Checkbox key={`labels-${allLabels}`} checked={allLabels} onChange={(on) => setParam("labels", on ? "all" : null)}>
          Label every point
        </Checkbox>
        <Checkbox key={`scale-${fullScale}`} checked={fullScale} onChange={(on) => setParam("scale", on ? "full" : null)}>
          Full scale
        </Checkbox>
        <Checkbox key={`bars-${errorBars}`} checked={errorBars} onChange={(on) => setParam("bars", on ? "1" : null)}>
          Show 95% intervals
        </Checkbox>
      </div>
      <div className="grid gap-6 xl:grid-cols-[minmax(0,9fr)_minmax(0,11fr)]">
        <section aria-labelledby="matrix-chart-heading" className="min-w-0 space-y-2">
          <h2 id="matrix-chart-heading" className="sr-only">
            {diagonal ? "Iso-priority view" : "Importance against performance"}
          </h2>
          <ChartDownload
            title={`${diagonal ? "Iso-priority view" : "Priority matrix"}: ${matrix.map.name}`}
            filterLine={`${filterLine} (${plural(matrix.interviews, "interview")})`}
            selector="[data-testid='matrix-svg']"
          >
            <div className="rounded-lg border border-border bg-surface p-2">
              <MatrixChart
                points={matrix.points}
                rankedIds={rankedIds}
                crosshair={matrix.crosshair}
                mode={viewMode}
                errorBars={errorBars}
                fullScale={fullScale}
                allLabels={allLabels}
                selectedId={selectedId}
                onSelect={setSelectedId}
                detailHref={detailHref}
                height={MATRIX_CHART_HEIGHT}
              />
            </div>
          </ChartDownload>
          {diagonal ? (
            <p className="text-xs text-fg-muted" data-testid="diagonal-summary">
              Importance and performance are both rescaled to 0-100. On the line they are level; the further above it a point
              sits, the more its importance outruns its performance (its gap, in the fix list). Point size shows reach; a hollow
              point has fewer than {plural(matrix.map.minSample, "observation")}; click a point for its details.
            </p>
          ) : (
            <p className="text-xs text-fg-muted" data-testid="crosshair-summary">
              Crosshairs at importance {formatNumber(matrix.crosshair.importance, 2)} and performance{" "}
              {formatSigned(matrix.crosshair.performance)}
              {matrix.crosshair.mode === "data" && matrix.crosshair.source === "scale"
                ? ": no touchpoint has enough data yet for data-centred crosshairs, so the scale centre is used."
                : matrix.crosshair.source === "data"
                  ? `: the means of the ${plural(matrix.crosshair.qualifying, "touchpoint")} with at least ${plural(matrix.map.minSample, "observation")}.`
                  : "."}{" "}
              Point size shows reach; a hollow point has fewer than {plural(matrix.map.minSample, "observation")}; a dashed
              outline means its interval crosses a crosshair; a ring marks a moment of truth. Points drawn on top of each other
              are moved apart, with a line back to their true place. Click a point for its details.
            </p>
          )}
          {(insufficient > 0 || empty > 0) && (
            <p className="rounded-md border border-border bg-surface-muted p-3 text-sm" data-testid="insufficient-notice">
              {insufficient > 0 &&
                `${plural(insufficient, { one: "touchpoint has", other: "touchpoints have" })} fewer than ${plural(matrix.map.minSample, "observation")} in this filter: shown hollow and left out of the crosshair means. `}
              {empty > 0 &&
                `${plural(empty, { one: "touchpoint has", other: "touchpoints have" })} no observations in this filter and ${pluralForm(empty, { one: "is", other: "are" })} not plotted. `}
              Widen the period or the filter, or record more interviews, to place them with confidence.
            </p>
          )}
        </section>
        <section aria-labelledby="fix-list-heading" className="min-w-0">
          <h2 id="fix-list-heading" className="mb-2 text-base font-semibold">
            Fix list
          </h2>
          <FixListTable ranked={matrix.fixList} selectedId={selectedId} onSelect={setSelectedId} detailHref={detailHref} />
          <p className="mt-2 text-sm" data-testid="ranking-note">
            {note}
          </p>
          <dl className="mt-2 space-y-1 text-xs text-fg-muted" data-testid="fix-list-legend">
            <div>
              <dt className="inline font-semibold text-fg">Weighted pain</dt>{" "}
              <dd className="inline" id="legend-weighted-pain">
                per 100 interviews: for every 100 customers interviewed, the importance (1 to 5) of each expectation this
                touchpoint failed, added up. It grows with how many customers go through it, how often it fails them and how
                much that mattered.
              </dd>
            </div>
            <div>
              <dt className="inline font-semibold text-fg">Gap</dt>{" "}
              <dd className="inline" id="legend-gap">
                importance minus performance, both rescaled to 0-100 (the diagonal view). Above 0, importance outruns
                performance.
              </dd>
            </div>
          </dl>
        </section>
      </div>
    </div>
  );
}
