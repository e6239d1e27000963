// What the feelings section of the journey and the trends view read (lib/data/analysis-feelings.ts
// and analysis-trends.ts return these), as plain objects their components render.
import type { JourneyFeelings } from "@/lib/analysis/feelings";
import type { TrendPoint } from "@/lib/analysis/trend";
import type { TouchpointRow } from "@/lib/types/analysis";

export type TouchpointFeelingPoint = Pick<
  TouchpointRow,
  "id" | "name" | "stageId" | "stageName" | "channelName" | "stagePosition" | "channelPosition" | "position" | "momentOfTruth"
> & { counts: Partial<Record<string, number>> };

export type JourneyFeelingsView = JourneyFeelings<TouchpointFeelingPoint> & {
  /** Feelings recorded per touchpoint below which it is a gap on the curve (the map's minimum sample). */
  minFeelings: number;
  /** Observations with a feeling over the selected touchpoints. */
  recorded: number;
};

export type TrendBucket = "day" | "week" | "month";

export type TouchpointTrend = Pick<TouchpointRow, "id" | "name" | "stageName" | "channelName" | "momentOfTruth"> & {
  points: TrendPoint[];
  /** Observations over the whole period. */
  n: number;
};

export type Trends = {
  bucket: TrendBucket;
  /** Interviews in the filter (N). */
  interviews: number;
  /** The selected touchpoints together, one point per bucket with observations. */
  map: TrendPoint[];
  /** Each selected touchpoint in journey order, with its own buckets. */
  touchpoints: TouchpointTrend[];
};
