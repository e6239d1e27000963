import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireWorkspace } from "@/lib/workspace";
import { getFilterOptions, getMapForAnalysis, getMatrix } from "@/lib/data/analysis";
import { consistencyOf } from "@/lib/data/analysis-insight";
import { hasInterviewFilter, parseAnalysisFilter } from "@/lib/schemas/analysis-filter";
import { todayIso } from "@/lib/analysis/trend";
import { pluralForm } from "@/lib/plural";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkProblems, ViewCounts } from "@/components/matrix/view-summary";
import { FilterBar } from "@/components/matrix/filter-bar";
import { ConsistencyTable } from "@/components/insight/consistency-table";

export const metadata: Metadata = { title: "Channel consistency" };

export default async function ConsistencyPage({ params, searchParams }: PageProps<"/w/[workspaceId]/maps/[mapId]/consistency">) {
  const { workspaceId, mapId } = await params;
  const ctx = await requireWorkspace(workspaceId, "analysis.view");
  const map = await getMapForAnalysis(ctx, mapId);
  if (!map) notFound();
  const { filter, problems } = parseAnalysisFilter(await searchParams);
  const [matrix, options] = await Promise.all([getMatrix(ctx, map, filter, "data"), getFilterOptions(ctx, mapId)]);
  const stages = consistencyOf(matrix);
  const channelIds = new Set(matrix.points.map((point) => point.channelId));
  const channels = options.channels.filter((channel) => channelIds.has(channel.id));
  const flagged = stages.filter((stage) => stage.flagged).length;

  return (
    <>
      <PageHeader
        title="Channel consistency"
        description="Customers expect the same experience whichever way they come: in the shop, on the web or on the phone. Here is each channel's performance at each stage, side by side."
      />
      <FilterBar filter={filter} options={options} today={todayIso()} />
      <LinkProblems problems={problems} className="mt-3" />
      <ViewCounts className="my-3 text-sm" interviews={matrix.interviews} filtered={hasInterviewFilter(filter)}>
        {matrix.interviews > 0 &&
          (flagged === 0
            ? `No stage's channels differ by more than ${map.consistencyThreshold} points.`
            : `${flagged} ${pluralForm(flagged, "stage")} where the channels differ by more than ${map.consistencyThreshold} points.`)}
      </ViewCounts>
      {matrix.interviews === 0 || stages.length === 0 ? (
        <EmptyState title="Nothing to compare in this view" description="Widen the period or remove a filter." />
      ) : (
        <div className="space-y-3">
          <ConsistencyTable stages={stages} channels={channels} threshold={map.consistencyThreshold} minSample={map.minSample} />
          <p className="max-w-prose text-sm text-fg-muted">
            A cell&apos;s performance is % exceeded − % missed over every observation of the stage&apos;s touchpoints in that channel. Only
            cells with at least {map.minSample} observations (this map&apos;s minimum sample) take part in the spread, the gap between the
            best and the worst channel. The map&apos;s settings hold the threshold.
          </p>
        </div>
      )}
    </>
  );
}
