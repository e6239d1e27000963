/**
 * Importance-versus-performance matrix: crosshairs, quadrants and the uncertain /
 * insufficient flags.
 */
import type { MeanInterval } from "./stats";
import type { PerformanceInterval } from "./touchpoint";

export type Quadrant = "FIX_FIRST" | "KEEP_UP" | "BACK_BURNER" | "OVERKILL";
export type CrosshairMode = "data" | "scale";

/** Default minimum sample per touchpoint (map setting). */
export const DEFAULT_MIN_SAMPLE = 30;

/** Scale centre: importance 3 on 1-5, performance 0 on -100..+100. */
export const SCALE_CROSSHAIR = { importance: 3, performance: 0 } as const;

/** What classification needs from a touchpoint's figures. */
export interface QuadrantPoint {
  id: string;
  n: number;
  importance: Pick<MeanInterval, "mean" | "lower" | "upper">;
  performance: Pick<PerformanceInterval, "value" | "lower" | "upper">;
}

export interface Crosshair {
  importance: number;
  performance: number;
  /** The mode asked for. */
  mode: CrosshairMode;
  /**
   * Where the values come from. Differs from `mode` only when "data" was asked and no
   * touchpoint reaches the minimum sample: then the scale centre is used.
   */
  source: CrosshairMode;
  /** Touchpoints with n ≥ minSample (and values) that entered the data-centred means. */
  qualifying: number;
}

export interface QuadrantClassification {
  id: string;
  /** null only when the touchpoint has no observations (no I or P to place). */
  quadrant: Quadrant | null;
  uncertain: boolean;
  insufficient: boolean;
}

export interface ClassifyOptions {
  minSample: number;
  mode: CrosshairMode;
}

function assertMinSample(minSample: number): void {
  if (!Number.isFinite(minSample) || minSample < 0) {
    throw new RangeError(`minSample must be a finite number ≥ 0, got ${minSample}`);
  }
}

/**
 * Insufficient data: n < minSample. A touchpoint with no observations is always
 * insufficient (it has nothing to plot), even when minSample is 0.
 */
export function isInsufficient(n: number, minSample: number): boolean {
  return n === 0 || n < minSample;
}

/**
 * Data-centred crosshair: the unweighted means, over touchpoints with n ≥ minSample,
 *
 *   cI = (1/k) Σ I_t,   cP = (1/k) Σ P_t
 *
 * where k is the number of qualifying touchpoints.
 *
 * @returns null when no touchpoint qualifies.
 */
export function dataCrosshair(
  points: readonly QuadrantPoint[],
  minSample: number,
): { importance: number; performance: number; qualifying: number } | null {
  assertMinSample(minSample);
  let sumI = 0;
  let sumP = 0;
  let k = 0;
  for (const point of points) {
    if (isInsufficient(point.n, minSample)) continue;
    const i = point.importance.mean;
    const p = point.performance.value;
    if (i === null || p === null) continue;
    sumI += i;
    sumP += p;
    k += 1;
  }
  if (k === 0) return null;
  return { importance: sumI / k, performance: sumP / k, qualifying: k };
}

/**
 * Crosshair for a mode: "scale" → (I 3, P 0); "data" → {@link dataCrosshair}, falling
 * back to the scale centre when no touchpoint qualifies (reported as source "scale").
 */
export function resolveCrosshair(
  points: readonly QuadrantPoint[],
  options: ClassifyOptions,
): Crosshair {
  const data = dataCrosshair(points, options.minSample);
  if (options.mode === "data" && data) {
    return {
      importance: data.importance,
      performance: data.performance,
      mode: "data",
      source: "data",
      qualifying: data.qualifying,
    };
  }
  return {
    ...SCALE_CROSSHAIR,
    mode: options.mode,
    source: "scale",
    qualifying: data?.qualifying ?? 0,
  };
}

/**
 * Quadrant of (I, P) against crosshair (cI, cP), "high" meaning ≥:
 *
 *   I ≥ cI, P < cP → FIX_FIRST      I ≥ cI, P ≥ cP → KEEP_UP
 *   I < cI, P < cP → BACK_BURNER    I < cI, P ≥ cP → OVERKILL
 */
export function quadrantOf(
  importance: number,
  performance: number,
  crosshair: { importance: number; performance: number },
): Quadrant {
  const highI = importance >= crosshair.importance;
  const highP = performance >= crosshair.performance;
  if (highI) return highP ? "KEEP_UP" : "FIX_FIRST";
  return highP ? "OVERKILL" : "BACK_BURNER";
}

/** lower ≤ c ≤ upper; false when the interval is undefined. */
function contains(lower: number | null, upper: number | null, c: number): boolean {
  return lower !== null && upper !== null && lower <= c && c <= upper;
}

/**
 * Classify one touchpoint against a crosshair.
 *
 *   insufficient = n < minSample (or n = 0)
 *   uncertain    = (lowerI ≤ cI ≤ upperI) or (lowerP ≤ cP ≤ upperP)
 *                  or (an interval is undefined, n < 2, and not insufficient)
 *
 * The containment rule applies to insufficient touchpoints too (they are drawn, hollow,
 * and may straddle a line); only the "undefined interval" rule is waived for them, as
 * docs/analysis.md ("Uncertain") says. A touchpoint with n = 0 has no quadrant and is not
 * uncertain.
 */
export function classifyTouchpoint(
  point: QuadrantPoint,
  crosshair: { importance: number; performance: number },
  minSample: number,
): QuadrantClassification {
  assertMinSample(minSample);
  const insufficient = isInsufficient(point.n, minSample);
  const i = point.importance;
  const p = point.performance;
  if (i.mean === null || p.value === null) {
    return { id: point.id, quadrant: null, uncertain: false, insufficient };
  }
  const straddles =
    contains(i.lower, i.upper, crosshair.importance) ||
    contains(p.lower, p.upper, crosshair.performance);
  const undefinedInterval =
    i.lower === null || i.upper === null || p.lower === null || p.upper === null;
  return {
    id: point.id,
    quadrant: quadrantOf(i.mean, p.value, crosshair),
    uncertain: straddles || (undefinedInterval && !insufficient),
    insufficient,
  };
}

/**
 * Crosshair (see {@link resolveCrosshair}) plus {@link classifyTouchpoint} for every
 * touchpoint, in input order.
 */
export function classifyTouchpoints(
  points: readonly QuadrantPoint[],
  options: ClassifyOptions,
): { crosshair: Crosshair; points: QuadrantClassification[] } {
  const crosshair = resolveCrosshair(points, options);
  return {
    crosshair,
    points: points.map((point) => classifyTouchpoint(point, crosshair, options.minSample)),
  };
}
