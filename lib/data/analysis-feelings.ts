import "server-only";
import type { WorkspaceContext } from "@/lib/workspace";
import type { AnalysisFilter } from "@/lib/schemas/analysis-filter";
import { journeyFeelings, type FeelingState } from "@/lib/analysis/feelings";
import { listTouchpointRows, selectTouchpoints } from "@/lib/data/analysis";
import { planSource, sumByTouchpoint } from "@/lib/data/analysis-source";
import type { MapForAnalysis } from "@/lib/types/analysis";
import type { JourneyFeelingsView } from "@/lib/types/analysis-journey";

// Feelings along the journey: the feeling counts per touchpoint come from the same source as
// the matrix (rollups when they answer the filter, the interviews' arrays otherwise), so the
// journey's unfiltered and typical filtered views never scan observations.

const FEELING_STATISTICS = ["feeling_hate", "feeling_dislike", "feeling_eh", "feeling_like_a_lot", "feeling_love", "feeling_in_love"] as const;
const STATE_OF: Record<(typeof FEELING_STATISTICS)[number], FeelingState> = {
  feeling_hate: "HATE",
  feeling_dislike: "DISLIKE",
  feeling_eh: "EH",
  feeling_like_a_lot: "LIKE_A_LOT",
  feeling_love: "LOVE",
  feeling_in_love: "IN_LOVE",
};

/**
 * Each selected touchpoint's feelings under the filter, in journey order, with the emotional
 * curve's points: a touchpoint with fewer feelings recorded than the map's minimum sample is a gap.
 */
export async function getJourneyFeelings(
  ctx: WorkspaceContext,
  map: MapForAnalysis,
  filter: AnalysisFilter,
  source: "auto" | "summary" = "auto",
): Promise<JourneyFeelingsView> {
  const [touchpointRows, rows] = await Promise.all([
    listTouchpointRows(ctx, map.id),
    planSource(ctx, filter, source === "summary" ? "summary" : undefined).then((source) => sumByTouchpoint(ctx, map.id, filter, source, FEELING_STATISTICS)),
  ]);
  const byId = new Map(rows.map((row) => [row.touchpoint_id, row]));
  const touchpoints = selectTouchpoints(touchpointRows, filter).map((touchpoint) => {
    const row = byId.get(touchpoint.id);
    const counts: Partial<Record<FeelingState, number>> = {};
    for (const column of FEELING_STATISTICS) counts[STATE_OF[column]] = row?.[column] ?? 0;
    return {
      id: touchpoint.id,
      name: touchpoint.name,
      stageId: touchpoint.stageId,
      stageName: touchpoint.stageName,
      channelName: touchpoint.channelName,
      stagePosition: touchpoint.stagePosition,
      channelPosition: touchpoint.channelPosition,
      position: touchpoint.position,
      momentOfTruth: touchpoint.momentOfTruth,
      counts,
    };
  });
  const curve = journeyFeelings(touchpoints, map.minSample);
  return {
    ...curve,
    minFeelings: map.minSample,
    recorded: curve.points.reduce((sum, point) => sum + point.distribution.total, 0),
  };
}
