/**
 * Feeling states: the six-state scale, its distribution, net feeling and the
 * emotional curve. Feelings are shown as distributions, never as a mean.
 */

/** The six feeling states, from worst to best. */
export const FEELING_STATES = ["HATE", "DISLIKE", "EH", "LIKE_A_LOT", "LOVE", "IN_LOVE"] as const;

export type FeelingState = (typeof FEELING_STATES)[number];

/**
 * Score of each state, 1 (HATE) to 6 (IN_LOVE): its position in {@link FEELING_STATES}
 * plus one. Used only for the overall feeling in the asymmetry analysis.
 */
export const FEELING_SCORE: Readonly<Record<FeelingState, number>> = Object.freeze({
  HATE: 1,
  DISLIKE: 2,
  EH: 3,
  LIKE_A_LOT: 4,
  LOVE: 5,
  IN_LOVE: 6,
});

/** States counted as positive in net feeling. */
export const POSITIVE_FEELINGS: readonly FeelingState[] = ["LIKE_A_LOT", "LOVE", "IN_LOVE"];
/** States counted as negative in net feeling (EH is neutral). */
export const NEGATIVE_FEELINGS: readonly FeelingState[] = ["DISLIKE", "HATE"];

/** Observation counts per state; missing states count 0. */
export type FeelingCounts = Partial<Record<FeelingState, number>>;

export interface FeelingShare {
  state: FeelingState;
  count: number;
  /** count / total as a fraction 0..1; null when total = 0. */
  share: number | null;
}

export interface FeelingDistribution {
  /** Observations with a feeling recorded. */
  total: number;
  /** One entry per state, always all six, in scale order. */
  states: FeelingShare[];
  /** See {@link netFeeling}. */
  netFeeling: number | null;
}

/** Type guard: is the value one of the six feeling states? */
export function isFeelingState(value: unknown): value is FeelingState {
  return typeof value === "string" && (FEELING_STATES as readonly string[]).includes(value);
}

function countOf(counts: FeelingCounts, state: FeelingState): number {
  const count = counts[state] ?? 0;
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`count of ${state} must be a non-negative integer, got ${count}`);
  }
  return count;
}

/**
 * Net feeling in points (-100..+100) over observations with a feeling:
 *
 *   net = 100 · (#LIKE_A_LOT + #LOVE + #IN_LOVE - #DISLIKE - #HATE) / total
 *
 * (= %positive - %negative, computed as one division so it is correctly rounded).
 *
 * @returns null when no observation has a feeling.
 */
export function netFeeling(counts: FeelingCounts): number | null {
  let total = 0;
  for (const state of FEELING_STATES) total += countOf(counts, state);
  if (total === 0) return null;
  let net = 0;
  for (const state of POSITIVE_FEELINGS) net += countOf(counts, state);
  for (const state of NEGATIVE_FEELINGS) net -= countOf(counts, state);
  return (100 * net) / total;
}

/**
 * Distribution over the six states: share_s = count_s / total, with
 * total = Σ count_s over observations with a feeling, plus {@link netFeeling}.
 */
export function feelingDistribution(counts: FeelingCounts): FeelingDistribution {
  let total = 0;
  for (const state of FEELING_STATES) total += countOf(counts, state);
  const states = FEELING_STATES.map((state) => {
    const count = countOf(counts, state);
    return { state, count, share: total === 0 ? null : count / total };
  });
  return { total, states, netFeeling: netFeeling(counts) };
}

/** A point of the emotional curve: where the touchpoint sits in the journey. */
export interface CurvePoint {
  stagePosition: number;
  channelPosition: number;
  /** Position within the (stage, channel) cell. */
  position: number;
  netFeeling: number | null;
}

/**
 * Emotional curve: touchpoints in journey order, sorted by
 * (stagePosition, channelPosition, position) ascending; ties keep input order.
 * Points with no feeling (netFeeling null) are kept, so a chart can show the gap.
 * Returns a new array.
 */
export function emotionalCurve<T extends CurvePoint>(points: readonly T[]): T[] {
  return [...points].sort(
    (a, b) =>
      a.stagePosition - b.stagePosition ||
      a.channelPosition - b.channelPosition ||
      a.position - b.position,
  );
}

/** A touchpoint's feeling counts under a filter, where it sits in the journey. */
export interface TouchpointFeelingCounts {
  stagePosition: number;
  channelPosition: number;
  position: number;
  counts: FeelingCounts;
}

export type TouchpointFeelings<T> = T & {
  distribution: FeelingDistribution;
  /** At least `minFeelings` observations with a feeling: the net feeling is drawn on the curve. */
  enough: boolean;
  /** The point of the curve: net feeling when enough feelings were recorded, else null (a gap). */
  netFeeling: number | null;
};

export interface JourneyFeelings<T> {
  /** Every touchpoint in journey order (see {@link emotionalCurve}). */
  points: TouchpointFeelings<T>[];
  /** Index in `points` of the lowest net feeling among those with enough feelings; null if none. */
  lowest: number | null;
  /** Likewise the highest. */
  highest: number | null;
}

/**
 * The emotional curve with its distributions: each touchpoint's distribution over the six
 * states and net feeling, in journey order. A touchpoint with fewer than `minFeelings`
 * observations with a feeling keeps its distribution (shown as such) but gets no point on the
 * curve (netFeeling null), so the curve shows a gap rather than a figure read from a handful of
 * answers. Ties for lowest or highest go to the first in journey order.
 */
export function journeyFeelings<T extends TouchpointFeelingCounts>(
  touchpoints: readonly T[],
  minFeelings: number,
): JourneyFeelings<T> {
  if (!Number.isInteger(minFeelings) || minFeelings < 1) {
    throw new RangeError(`minFeelings must be a positive integer, got ${minFeelings}`);
  }
  const points = emotionalCurve(
    touchpoints.map((touchpoint) => {
      const distribution = feelingDistribution(touchpoint.counts);
      const enough = distribution.total >= minFeelings;
      return { ...touchpoint, distribution, enough, netFeeling: enough ? distribution.netFeeling : null };
    }),
  );
  let lowest: number | null = null;
  let highest: number | null = null;
  points.forEach((point, index) => {
    if (point.netFeeling === null) return;
    if (lowest === null || point.netFeeling < points[lowest]!.netFeeling!) lowest = index;
    if (highest === null || point.netFeeling > points[highest]!.netFeeling!) highest = index;
  });
  return { points, lowest, highest };
}
