import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { notFound } from "next/navigation";
import { requireWorkspace, type WorkspaceContext } from "@/lib/workspace";
import { getJourney, getMapHeader } from "@/lib/data/maps";
import type { Journey as JourneyData } from "@/lib/types/maps";
import { getFilterOptions, getMapForAnalysis, getMatrix } from "@/lib/data/analysis";
import { consistencyOf } from "@/lib/data/analysis-insight";
import { consistencySentence } from "@/components/insight/consistency-table";
import {
  filterToSearchParams,
  hasInterviewFilter,
  parseAnalysisFilter,
  parseCrosshairMode,
  type SearchParams,
} from "@/lib/schemas/analysis-filter";
import { todayIso } from "@/lib/analysis/trend";
import { describeFilter } from "@/lib/analysis/filter-summary";
import { can } from "@/lib/permissions";
import { MAP_STATUS_LABELS } from "@/lib/schemas/map";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Spinner } from "@/components/ui/spinner";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { JourneyGrid, type StageMarker } from "@/components/journey/journey-grid";
import { ColourControls } from "@/components/journey/colour-controls";
import { ColourLegend } from "@/components/journey/colour-legend";
import { journeyHighlights, parseColourMode } from "@/components/journey/colouring";
import { LinkProblems, ViewCounts } from "@/components/matrix/view-summary";
import { FilterBar } from "@/components/matrix/filter-bar";
import { plural } from "@/lib/plural";
import { getJourneyFeelings } from "@/lib/data/analysis-feelings";
import { FeelingsSection } from "@/components/journey/feelings-section";

export const metadata: Metadata = { title: "Journey" };

// Access and existence are decided before anything streams, so a refusal is a real 404;
// the grid, which aggregates observations, streams in behind a loading state.
export default async function JourneyPage({ params, searchParams }: PageProps<"/w/[workspaceId]/maps/[mapId]">) {
  const { workspaceId, mapId } = await params;
  const ctx = await requireWorkspace(workspaceId, "map.view");
  const map = await getMapHeader(ctx, mapId);
  if (!map) notFound();
  const designHref = can(ctx.role, "map.design") ? `/w/${workspaceId}/maps/${mapId}/design` : null;
  const query = await searchParams;
  return (
    <>
      <PageHeader
        className="mb-6"
        title={
          <span className="flex flex-wrap items-center gap-3">
            {map.name}
            <Badge>{MAP_STATUS_LABELS[map.status]}</Badge>
          </span>
        }
        description={map.description || undefined}
        actions={
          designHref ? (
            <Link href={designHref} className={buttonClasses("secondary")}>
              Design map
            </Link>
          ) : undefined
        }
      />
      <Suspense fallback={<Spinner label="Loading the journey" />}>
        <Journey ctx={ctx} mapId={mapId} designHref={designHref} query={query} />
      </Suspense>
    </>
  );
}

async function Journey({
  ctx,
  mapId,
  designHref,
  query,
}: {
  ctx: WorkspaceContext;
  mapId: string;
  designHref: string | null;
  query: SearchParams;
}) {
  const journey = await getJourney(ctx, mapId);
  if (!journey) notFound();
  if (journey.touchpoints.length === 0) {
    return (
      <EmptyState
        title="This map has no touchpoints yet"
        description={
          designHref
            ? "Lay out the journey: its stages as columns, the channels customers use as rows, and the touchpoints where they meet you, with what they expect at each."
            : "An analyst lays out the stages, channels and touchpoints where customers meet the company, and what they expect at each. The journey appears here once they have."
        }
        action={
          designHref ? (
            <Link href={designHref} className={buttonClasses("primary")}>
              Design this map
            </Link>
          ) : undefined
        }
      />
    );
  }
  if (!can(ctx.role, "analysis.view") || journey.submittedInterviews === 0) {
    return (
      <>
        <JourneySummary journey={journey}>
          {journey.submittedInterviews === 0
            ? "No interviews submitted yet: the cards are coloured by performance once there are. Each card shows n, the observations recorded at that touchpoint."
            : `${plural(journey.submittedInterviews, "submitted interview")}. Each card shows n, the observations recorded at that touchpoint.`}
        </JourneySummary>
        <JourneyGrid journey={journey} />
      </>
    );
  }

  const { filter, problems } = parseAnalysisFilter(query);
  const colour = parseColourMode(query.colour);
  const crosshairMode = parseCrosshairMode(query.crosshair);
  const analysisMap = await getMapForAnalysis(ctx, mapId);
  if (!analysisMap) notFound();
  // The grid always shows every touchpoint; stage, channel and moment-of-truth filters only
  // decide which are coloured (and which enter the data-centred crosshairs).
  const [matrix, options, feelings] = await Promise.all([
    getMatrix(ctx, analysisMap, filter, crosshairMode),
    getFilterOptions(ctx, mapId),
    getJourneyFeelings(ctx, analysisMap, filter),
  ]);
  const filterQuery = filterToSearchParams(filter).toString();
  const highlights = journeyHighlights(
    journey.touchpoints.map((touchpoint) => touchpoint.id),
    matrix.points,
    colour,
    analysisMap.minSample,
  );
  const filtered = hasInterviewFilter(filter);
  // Stages whose channels disagree get a marker on their header, linking to the comparison.
  const stageMarkers: Record<string, StageMarker> = {};
  for (const stage of consistencyOf(matrix)) {
    if (!stage.flagged) continue;
    stageMarkers[stage.stageId] = {
      label: "Channels disagree",
      description: `${consistencySentence(stage)}.`,
      href: `/w/${ctx.workspaceId}/maps/${mapId}/consistency${filterQuery ? `?${filterQuery}` : ""}#stage-${stage.stageId}`,
    };
  }
  return (
    <div className="space-y-4">
      <FilterBar filter={filter} options={options} today={todayIso()} />
      <LinkProblems problems={problems} />
      <div className="text-sm">
        <ViewCounts interviews={matrix.interviews} observations={matrix.observations} filtered={filtered} />
        <p className="text-fg-muted">
          Each card shows n, its observations in this view, and its reach, the share of these interviews that went through it.
        </p>
      </div>
      <ColourControls colour={colour} crosshair={crosshairMode} />
      {matrix.interviews === 0 ? (
        <p role="status" className="rounded-md border border-border bg-surface-muted p-3 text-sm">
          No interviews match this filter, so no card is coloured. Widen the period or remove a filter.
        </p>
      ) : (
        <ColourLegend colour={colour} minSample={analysisMap.minSample} crosshair={matrix.crosshair} />
      )}
      <JourneySummary journey={journey} />
      <JourneyGrid
        journey={journey}
        highlights={matrix.interviews === 0 ? undefined : highlights}
        stageMarkers={matrix.interviews === 0 ? undefined : stageMarkers}
      />
      {matrix.interviews > 0 && (
        <FeelingsSection
          feelings={feelings}
          mapName={analysisMap.name}
          filterLine={`${describeFilter(filter, options)} (${plural(matrix.interviews, "interview")})`}
          detailHref={(id) => `/w/${ctx.workspaceId}/maps/${mapId}/matrix/${id}${filterQuery ? `?${filterQuery}` : ""}`}
        />
      )}
    </div>
  );
}

function JourneySummary({ journey, children }: { journey: JourneyData; children?: React.ReactNode }) {
  const moments = journey.touchpoints.filter((touchpoint) => touchpoint.momentOfTruth).length;
  if (!children && moments === 0) return null;
  return (
    <div className="mb-4 flex flex-col gap-1 text-sm text-fg-muted sm:flex-row sm:flex-wrap sm:gap-x-6">
      {children && <p>{children}</p>}
      {moments > 0 && (
        <p className="flex items-center gap-2">
          <span aria-hidden="true" className="inline-block h-4 w-1 rounded-sm bg-moment-of-truth" />
          {moments} moment{moments === 1 ? "" : "s"} of truth: high emotional stakes for the customer.
        </p>
      )}
    </div>
  );
}
