import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireWorkspace } from "@/lib/workspace";
import { getFilterOptions, getMapForAnalysis, getMatrix } from "@/lib/data/analysis";
import { filterToSearchParams, hasInterviewFilter, parseAnalysisFilter, parseCrosshairMode } from "@/lib/schemas/analysis-filter";
import { describeFilter } from "@/lib/analysis/filter-summary";
import { can } from "@/lib/permissions";
import { todayIso } from "@/lib/analysis/trend";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkProblems, ViewCounts } from "@/components/matrix/view-summary";
import { FilterBar } from "@/components/matrix/filter-bar";
import { MatrixView } from "@/components/matrix/matrix-view";
import { ExportMenu } from "@/components/matrix/export-menu";
import { buttonClasses } from "@/components/ui/button";

export const metadata: Metadata = { title: "Priority matrix" };

export default async function MatrixPage({ params, searchParams }: PageProps<"/w/[workspaceId]/maps/[mapId]/matrix">) {
  const { workspaceId, mapId } = await params;
  const ctx = await requireWorkspace(workspaceId, "analysis.view");
  const map = await getMapForAnalysis(ctx, mapId);
  if (!map) notFound();

  const query = await searchParams;
  const { filter, problems } = parseAnalysisFilter(query);
  const crosshairMode = parseCrosshairMode(query.crosshair);
  const viewMode = query.view === "diagonal" ? "diagonal" : "matrix";
  const errorBars = query.bars === "1";
  const fullScale = query.scale === "full";
  const allLabels = query.labels === "all";
  const selected = typeof query.tp === "string" ? query.tp : null;
  const [matrix, options] = await Promise.all([getMatrix(ctx, map, filter, crosshairMode), getFilterOptions(ctx, mapId)]);
  const filtered = hasInterviewFilter(filter);
  const filterLine = describeFilter(filter, options);
  // The downloads and the report carry the view's filter (and the matrix its crosshairs).
  const viewQuery = filterToSearchParams(filter);
  if (crosshairMode === "scale") viewQuery.set("crosshair", "scale");
  const reportHref = `/w/${workspaceId}/maps/${mapId}/report${viewQuery.size ? `?${viewQuery.toString()}` : ""}`;

  return (
    <>
      <PageHeader
        title="Priority matrix"
        description="What to fix first: importance against performance for every touchpoint, and the fix list ranked by weighted pain."
        actions={
          <>
            <Link href={reportHref} className={buttonClasses("secondary", "sm")}>
              Printable report
            </Link>
            {can(ctx.role, "data.export") && <ExportMenu base={`/api/w/${workspaceId}/maps/${mapId}/export`} query={viewQuery.toString()} />}
          </>
        }
      />
      <FilterBar filter={filter} options={options} today={todayIso()} />
      <LinkProblems problems={problems} className="mt-3" />
      <ViewCounts className="my-3 text-sm" interviews={matrix.interviews} observations={matrix.observations} filtered={filtered} />
      {matrix.interviews === 0 ? (
        filtered ? (
          <EmptyState
            title="No interviews match this filter"
            description="Nothing was recorded for this combination. Widen the period or remove a filter."
            action={
              <Link href={`/w/${workspaceId}/maps/${mapId}/matrix`} className="underline">
                Clear all filters
              </Link>
            }
          />
        ) : (
          <EmptyState
            title="No interviews yet"
            description="The matrix fills in as interviews on this map are submitted. Make the map active so interviewers can record on it."
          />
        )
      ) : matrix.points.length === 0 ? (
        <EmptyState
          title="No touchpoints in this view"
          description="The stage, channel or moment-of-truth filter leaves no touchpoint. Remove one of them."
        />
      ) : (
        <MatrixView
          matrix={matrix}
          crosshairMode={crosshairMode}
          viewMode={viewMode}
          errorBars={errorBars}
          fullScale={fullScale}
          allLabels={allLabels}
          detailBase={`/w/${workspaceId}/maps/${mapId}/matrix`}
          filterLine={filterLine}
          initialSelected={selected}
        />
      )}
    </>
  );
}
