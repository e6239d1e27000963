/**
 * Per-touchpoint figures (reach, importance, performance, miss/exceed rates, weighted
 * pain and delight, gap) from the sufficient statistics the SQL layer aggregates.
 * The same functions serve expectations in the drill-down: only id and name differ.
 */
import { meanInterval, wilson, Z95, type MeanInterval, type RateInterval } from "./stats";

/** Optional descriptive fields copied unchanged from aggregate to figures. */
export interface TouchpointMeta {
  stageId?: string;
  channelId?: string;
  stagePosition?: number;
  channelPosition?: number;
  /** Position of the touchpoint within its (stage, channel) cell. */
  position?: number;
  momentOfTruth?: boolean;
  ownerTeam?: string | null;
}

const META_KEYS = [
  "stageId",
  "channelId",
  "stagePosition",
  "channelPosition",
  "position",
  "momentOfTruth",
  "ownerTeam",
] as const satisfies readonly (keyof TouchpointMeta)[];

/** Sufficient statistics of one touchpoint (or expectation) over the filtered observations. */
export interface TouchpointAggregate extends TouchpointMeta {
  id: string;
  name: string;
  /** Observations. */
  n: number;
  /** Distinct interviews that include the touchpoint. */
  interviews: number;
  missed: number;
  met: number;
  exceeded: number;
  /** Σ importance (1-5) over all observations. */
  importanceSum: number;
  /** Σ importance² over all observations. */
  importanceSumSq: number;
  /** Σ importance over MISSED observations. */
  missedImportanceSum: number;
  /** Σ importance over EXCEEDED observations. */
  exceededImportanceSum: number;
}

/** Performance P in points (-100..+100) with its 95% interval (not clamped to ±100). */
export interface PerformanceInterval {
  value: number | null;
  /** Sample sd of the -1/0/+1 scores (not multiplied by 100). */
  sd: number | null;
  lower: number | null;
  upper: number | null;
}

export interface TouchpointFigures extends TouchpointMeta {
  id: string;
  name: string;
  n: number;
  interviews: number;
  missed: number;
  met: number;
  exceeded: number;
  /** interviews / N; null when N = 0. */
  reach: number | null;
  /** Importance I on the 1-5 scale. */
  importance: MeanInterval;
  performance: PerformanceInterval;
  /** missed / n with Wilson interval; null when n = 0. */
  missRate: RateInterval | null;
  /** exceeded / n with Wilson interval; null when n = 0. */
  exceedRate: RateInterval | null;
  /** 100 · Σ importance | missed / N; null when N = 0. */
  weightedPain: number | null;
  /** 100 · Σ importance | exceeded / N; null when N = 0. */
  weightedDelight: number | null;
  /** I' - P'; null when n = 0. */
  gap: number | null;
}

function assertCount(value: number, label: string): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`${label} must be a non-negative integer, got ${value}`);
  }
}

/**
 * Performance P = %exceeded - %missed = 100 · (exceeded - missed) / n, in points.
 * Written as a single division of integers so every caller (touchpoint, cell, trend
 * bucket) gets the identical, correctly rounded number.
 *
 * @returns null when n = 0.
 */
export function performanceValue(missed: number, exceeded: number, n: number): number | null {
  if (n === 0) return null;
  return (100 * (exceeded - missed)) / n;
}

/**
 * Performance with its 95% interval (normal approximation on the scores).
 * Each observation scores -1 (missed), 0 (met) or +1 (exceeded), so
 *
 *   Σscore = exceeded - missed,  Σscore² = exceeded + missed
 *   s      = sample sd of the scores from those sums (see meanInterval)
 *   P      = 100 · Σscore / n
 *   CI     = P ± 100 · Z95 · s / √n
 *
 * The interval is not clamped to [-100, 100] (docs/analysis.md, "Performance").
 *
 * @returns value null when n = 0; sd, lower, upper null when n < 2.
 */
export function performanceInterval(
  missed: number,
  exceeded: number,
  n: number,
): PerformanceInterval {
  assertCount(missed, "missed");
  assertCount(exceeded, "exceeded");
  assertCount(n, "n");
  if (missed + exceeded > n) {
    throw new RangeError(`missed + exceeded (${missed + exceeded}) exceed n (${n})`);
  }
  const scores = meanInterval(exceeded - missed, exceeded + missed, n);
  const value = performanceValue(missed, exceeded, n);
  if (value === null || scores.sd === null) {
    return { value, sd: null, lower: null, upper: null };
  }
  const half = (100 * Z95 * scores.sd) / Math.sqrt(n);
  return { value, sd: scores.sd, lower: value - half, upper: value + half };
}

/**
 * Iso-priority gap: I' - P' with I' = (I - 1) / 4 · 100 and P' = (P + 100) / 2, both
 * on 0..100. Positive means importance outruns performance (above the diagonal).
 */
export function gapScore(importance: number, performance: number): number {
  const iPrime = ((importance - 1) / 4) * 100;
  const pPrime = (performance + 100) / 2;
  return iPrime - pPrime;
}

/**
 * All figures of one touchpoint.
 *
 *   reach           = interviews / N
 *   importance      = mean ± Z95 · s / √n from importanceSum, importanceSumSq
 *   performance     = see performanceInterval
 *   missRate        = Wilson(missed, n);  exceedRate = Wilson(exceeded, n)
 *   weightedPain    = 100 · missedImportanceSum / N
 *   weightedDelight = 100 · exceededImportanceSum / N
 *   gap             = (I - 1) / 4 · 100 - (P + 100) / 2
 *
 * Nothing is ever NaN: figures that need N > 0 or n > 0 (or n ≥ 2 for intervals) are
 * null otherwise. Metadata fields (stageId, channelId, positions, momentOfTruth,
 * ownerTeam) are copied through when present.
 *
 * @param agg SQL aggregates of the touchpoint under the current filter
 * @param N   interviews in the filter (interview-level filters only)
 * @throws RangeError when counts are not non-negative integers, when
 *   missed + met + exceeded ≠ n, or when interviews > n.
 */
export function touchpointFigures(agg: TouchpointAggregate, N: number): TouchpointFigures {
  assertCount(N, "N");
  assertCount(agg.n, "n");
  assertCount(agg.interviews, "interviews");
  assertCount(agg.met, "met");
  if (agg.missed + agg.met + agg.exceeded !== agg.n) {
    throw new RangeError(
      `missed + met + exceeded (${agg.missed + agg.met + agg.exceeded}) must equal n (${agg.n})`,
    );
  }
  if (agg.interviews > agg.n) {
    throw new RangeError(`interviews (${agg.interviews}) exceed observations (${agg.n})`);
  }
  const importance = meanInterval(agg.importanceSum, agg.importanceSumSq, agg.n);
  const performance = performanceInterval(agg.missed, agg.exceeded, agg.n);
  const figures: TouchpointFigures = {
    id: agg.id,
    name: agg.name,
    n: agg.n,
    interviews: agg.interviews,
    missed: agg.missed,
    met: agg.met,
    exceeded: agg.exceeded,
    reach: N === 0 ? null : agg.interviews / N,
    importance,
    performance,
    missRate: wilson(agg.missed, agg.n),
    exceedRate: wilson(agg.exceeded, agg.n),
    weightedPain: N === 0 ? null : (100 * agg.missedImportanceSum) / N,
    weightedDelight: N === 0 ? null : (100 * agg.exceededImportanceSum) / N,
    gap:
      importance.mean === null || performance.value === null
        ? null
        : gapScore(importance.mean, performance.value),
  };
  for (const key of META_KEYS) {
    if (agg[key] !== undefined) Object.assign(figures, { [key]: agg[key] });
  }
  return figures;
}

/** {@link touchpointFigures} over a list, with the same N for all. */
export function touchpointFiguresList(
  aggregates: readonly TouchpointAggregate[],
  N: number,
): TouchpointFigures[] {
  return aggregates.map((agg) => touchpointFigures(agg, N));
}
