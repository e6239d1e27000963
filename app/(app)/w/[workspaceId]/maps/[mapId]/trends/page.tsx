import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireWorkspace } from "@/lib/workspace";
import { getFilterOptions, getMapForAnalysis } from "@/lib/data/analysis";
import { getTrends } from "@/lib/data/analysis-trends";
import { filterToSearchParams, hasInterviewFilter, parseAnalysisFilter } from "@/lib/schemas/analysis-filter";
import { parseTrendBucket } from "@/lib/schemas/trend-bucket";
import { todayIso } from "@/lib/analysis/trend";
import { describeFilter } from "@/lib/analysis/filter-summary";
import { plural } from "@/lib/plural";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkProblems, ViewCounts } from "@/components/matrix/view-summary";
import { FilterBar } from "@/components/matrix/filter-bar";
import { BucketToggle } from "@/components/trends/bucket-toggle";
import { TrendsView } from "@/components/trends/trends-view";

export const metadata: Metadata = { title: "Trends" };

export default async function TrendsPage({ params, searchParams }: PageProps<"/w/[workspaceId]/maps/[mapId]/trends">) {
  const { workspaceId, mapId } = await params;
  const ctx = await requireWorkspace(workspaceId, "analysis.view");
  const map = await getMapForAnalysis(ctx, mapId);
  if (!map) notFound();

  const query = await searchParams;
  const { filter, problems } = parseAnalysisFilter(query);
  const bucket = parseTrendBucket(query.by);
  const [trends, options] = await Promise.all([getTrends(ctx, map, filter, bucket), getFilterOptions(ctx, mapId)]);
  const filtered = hasInterviewFilter(filter);
  const observations = trends.map.reduce((sum, point) => sum + point.n, 0);
  const filterQuery = filterToSearchParams(filter).toString();

  return (
    <>
      <PageHeader
        title="Trends"
        description="How performance, the miss rate and the number of observations move from day to day, week to week or month to month, for the map and for each touchpoint."
      />
      <FilterBar filter={filter} options={options} today={todayIso()} />
      <LinkProblems problems={problems} className="mt-3" />
      <ViewCounts className="my-3 text-sm" interviews={trends.interviews} observations={observations} filtered={filtered} />
      <div className="mb-4">
        <BucketToggle bucket={bucket} />
      </div>
      {trends.interviews === 0 ? (
        <EmptyState
          title={filtered ? "No interviews match this filter" : "No interviews yet"}
          description={
            filtered
              ? "Nothing was recorded for this combination. Widen the period or remove a filter."
              : "The trends fill in as interviews on this map are submitted."
          }
          action={
            filtered ? (
              <Link href={`/w/${workspaceId}/maps/${mapId}/trends`} className="underline">
                Clear all filters
              </Link>
            ) : undefined
          }
        />
      ) : trends.touchpoints.length === 0 ? (
        <EmptyState
          title="No touchpoints in this view"
          description="The stage, channel or moment-of-truth filter leaves no touchpoint. Remove one of them."
        />
      ) : (
        <TrendsView
          trends={trends}
          minSample={map.minSample}
          mapName={map.name}
          filterLine={`${describeFilter(filter, options)} (${plural(trends.interviews, "interview")})`}
          detailHref={(id) => `/w/${workspaceId}/maps/${mapId}/matrix/${id}${filterQuery ? `?${filterQuery}` : ""}`}
        />
      )}
    </>
  );
}
