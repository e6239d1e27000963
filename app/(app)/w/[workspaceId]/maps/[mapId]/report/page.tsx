import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireWorkspace } from "@/lib/workspace";
import { getFilterOptions, getMapForAnalysis, getMatrix } from "@/lib/data/analysis";
import { consistencyOf, getChangeAlerts } from "@/lib/data/analysis-insight";
import { getTrends } from "@/lib/data/analysis-trends";
import { getJourneyFeelings } from "@/lib/data/analysis-feelings";
import { failingBasics, workingDelighters } from "@/lib/analysis/insight";
import { filterToSearchParams, parseAnalysisFilter, parseCrosshairMode } from "@/lib/schemas/analysis-filter";
import { describeFilter } from "@/lib/analysis/filter-summary";
import { todayIso } from "@/lib/analysis/trend";
import { plural } from "@/lib/plural";
import { LinkProblems } from "@/components/matrix/view-summary";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { formatNumber, formatSigned } from "@/components/matrix/format";
import { rankingNote } from "@/components/matrix/ranking-note";
import { ReportSection } from "@/components/report/report-section";
import { ReportMatrix } from "@/components/report/report-matrix";
import { ReportFixList } from "@/components/report/report-fix-list";
import { PrintButton } from "@/components/report/print-button";
import { ReportBasics, ReportChanges, ReportConsistency, ReportFeelings, ReportTrends } from "@/components/report/report-insight";

export const metadata: Metadata = { title: "Report" };

/** A section of the report, in the order printed; a view added later appends one. */
type Section = { id: string; title: string; content: ReactNode };

export default async function ReportPage({ params, searchParams }: PageProps<"/w/[workspaceId]/maps/[mapId]/report">) {
  const { workspaceId, mapId } = await params;
  const ctx = await requireWorkspace(workspaceId, "analysis.view");
  const map = await getMapForAnalysis(ctx, mapId);
  if (!map) notFound();
  const query = await searchParams;
  const { filter, problems } = parseAnalysisFilter(query);
  const crosshairMode = parseCrosshairMode(query.crosshair);
  const [matrix, options, changes, trends, feelings] = await Promise.all([
    getMatrix(ctx, map, filter, crosshairMode),
    getFilterOptions(ctx, mapId),
    getChangeAlerts(ctx, mapId, filter),
    getTrends(ctx, map, filter, "week"),
    getJourneyFeelings(ctx, map, filter),
  ]);
  const filterLine = describeFilter(filter, options);
  // Under each chart image: the filter and its N, as on the matrix page.
  const chartFilterLine = `${filterLine} (${plural(matrix.interviews, "interview")})`;
  const matrixQuery = filterToSearchParams(filter);
  if (crosshairMode === "scale") matrixQuery.set("crosshair", "scale");
  const matrixHref = `/w/${workspaceId}/maps/${mapId}/matrix${matrixQuery.size ? `?${matrixQuery.toString()}` : ""}`;
  const hasFigures = matrix.interviews > 0 && matrix.points.some((point) => point.n > 0);
  const detailHref = (id: string) => `/w/${workspaceId}/maps/${mapId}/matrix/${id}${matrixQuery.size ? `?${matrixQuery.toString()}` : ""}`;

  const sections: Section[] = [
    {
      id: "filter",
      title: "What this report covers",
      content: (
        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[12rem_1fr]" data-testid="report-filter">
          <dt className="font-semibold">Filter</dt>
          <dd>{filterLine}</dd>
          <dt className="font-semibold">Interviews (N)</dt>
          <dd>{matrix.interviews.toLocaleString("en")}</dd>
          <dt className="font-semibold">Observations</dt>
          <dd>{matrix.observations.toLocaleString("en")}</dd>
          <dt className="font-semibold">Crosshairs</dt>
          <dd>
            importance {formatNumber(matrix.crosshair.importance, 2)}, performance {formatSigned(matrix.crosshair.performance)} (
            {matrix.crosshair.source === "data" ? `the means of the touchpoints with at least ${plural(map.minSample, "observation")}` : "the scale centre"})
          </dd>
          <dt className="font-semibold">Prepared</dt>
          <dd>{todayIso()}</dd>
        </dl>
      ),
    },
    ...(hasFigures
      ? [
          {
            id: "matrix",
            title: "Priority matrix",
            content: (
              <>
                <ReportMatrix matrix={matrix} filterLine={chartFilterLine} detailBase={`/w/${workspaceId}/maps/${mapId}/matrix`} />
                <p className="text-xs text-fg-muted">
                  Importance (1-5) up, performance (% exceeded − % missed) across, point size by reach. A hollow point has fewer than{" "}
                  {plural(map.minSample, "observation")}; a dashed outline means its 95% interval crosses a crosshair; a ring marks a
                  moment of truth.
                </p>
              </>
            ),
          },
          {
            id: "fix-list",
            title: "Fix list",
            content: (
              <>
                <ReportFixList ranked={matrix.fixList} />
                <p className="text-sm">{rankingNote(matrix.fixList)}</p>
                <p className="text-xs text-fg-muted">
                  Weighted pain: per 100 interviews, the importance of each expectation the touchpoint failed, added up.
                </p>
              </>
            ),
          },
          {
            id: "basics",
            title: "Basics and delighters",
            content: (
              <ReportBasics
                mapName={map.name}
                filterLine={chartFilterLine}
                points={matrix.points}
                failing={failingBasics(matrix.points, matrix.crosshair.performance)}
                working={workingDelighters(matrix.points, matrix.crosshair.performance)}
                theta={map.asymmetryThreshold}
                crosshairPerformance={matrix.crosshair.performance}
                detailHref={detailHref}
              />
            ),
          },
          { id: "changes", title: "What changed in the last four weeks", content: <ReportChanges changes={changes} /> },
          {
            id: "consistency",
            title: "Where the channels disagree",
            content: <ReportConsistency stages={consistencyOf(matrix)} threshold={map.consistencyThreshold} />,
          },
          {
            id: "trends",
            title: "Trends per week",
            content: <ReportTrends mapName={map.name} filterLine={chartFilterLine} trends={trends} minSample={map.minSample} />,
          },
          {
            id: "feelings",
            title: "Emotional curve",
            content: <ReportFeelings mapName={map.name} filterLine={chartFilterLine} feelings={feelings} />,
          },
        ]
      : []),
  ];

  return (
    <article className="report space-y-6" data-testid="report">
      <PageHeader
        title={`Report: ${map.name}`}
        description="The priority matrix, the fix list, basics and delighters, change alerts, channel consistency, weekly trends and the emotional curve, all under the filter below. Print it, or choose “Save as PDF” as the printer, for A4 pages."
        actions={
          <>
            <Link href={matrixHref} className="text-sm underline">
              Back to the matrix
            </Link>
            <PrintButton />
          </>
        }
      />
      <LinkProblems problems={problems} hideInPrint />
      {sections.map((section) => (
        <ReportSection key={section.id} id={section.id} title={section.title}>
          {section.content}
        </ReportSection>
      ))}
      {!hasFigures && (
        <EmptyState
          title="Nothing to report in this view"
          description="No interview in this filter reached a touchpoint shown. Widen the period or remove a filter on the matrix."
        />
      )}
    </article>
  );
}
