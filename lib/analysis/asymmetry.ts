/**
 * Three-factor classification by penalty-reward contrast analysis and the impact
 * asymmetry index (Mikulić & Prebežac): is a touchpoint a basic, a performance factor
 * or a delighter?
 */

export type AsymmetryKind = "DELIGHTER" | "BASIC" | "PERFORMANCE";

/** Default asymmetry threshold θ (map setting). */
export const DEFAULT_ASYMMETRY_THRESHOLD = 0.2;
/** Fewer observations than this in any outcome group leaves a touchpoint unclassified. */
export const MIN_ASYMMETRY_GROUP = 5;

/** Overall-feeling scores (1-6) summed over the observations of one outcome group. */
export interface FeelingGroup {
  n: number;
  sum: number;
}

export interface AsymmetryGroups {
  missed: FeelingGroup;
  met: FeelingGroup;
  exceeded: FeelingGroup;
}

export interface AsymmetryResult {
  /** Impact asymmetry in [-1, 1]; null when unclassified. */
  ia: number | null;
  kind: AsymmetryKind | "UNCLASSIFIED";
  /** mean | missed - mean | met; null when either group is empty. */
  penalty: number | null;
  /** mean | exceeded - mean | met; null when either group is empty. */
  reward: number | null;
  /** Mean overall feeling per group; null for an empty group. */
  means: { missed: number | null; met: number | null; exceeded: number | null };
}

function assertTheta(theta: number): void {
  if (!Number.isFinite(theta) || theta < 0) {
    throw new RangeError(`theta must be a finite number ≥ 0, got ${theta}`);
  }
}

/**
 * Impact asymmetry and class from a penalty and a reward:
 *
 *   IA = (|reward| - |penalty|) / (|reward| + |penalty|),  IA = 0 when both are 0
 *   IA > θ → DELIGHTER,  IA < -θ → BASIC,  otherwise PERFORMANCE
 *
 * Boundaries belong to PERFORMANCE (IA = ±θ is not beyond θ).
 */
export function impactAsymmetry(
  penalty: number,
  reward: number,
  theta: number,
): { ia: number; kind: AsymmetryKind } {
  assertTheta(theta);
  if (!Number.isFinite(penalty) || !Number.isFinite(reward)) {
    throw new RangeError(`penalty and reward must be finite, got ${penalty}, ${reward}`);
  }
  const p = Math.abs(penalty);
  const r = Math.abs(reward);
  const ia = p + r === 0 ? 0 : (r - p) / (r + p);
  const kind: AsymmetryKind = ia > theta ? "DELIGHTER" : ia < -theta ? "BASIC" : "PERFORMANCE";
  return { ia, kind };
}

function groupMean(group: FeelingGroup, label: string): number | null {
  if (!Number.isInteger(group.n) || group.n < 0) {
    throw new RangeError(`${label}.n must be a non-negative integer, got ${group.n}`);
  }
  if (!Number.isFinite(group.sum)) {
    throw new RangeError(`${label}.sum must be finite, got ${group.sum}`);
  }
  return group.n === 0 ? null : group.sum / group.n;
}

/**
 * Penalty-reward contrast from per-outcome sums of overall feeling (1-6):
 *
 *   m_o     = sum_o / n_o                      for o in missed, met, exceeded
 *   penalty = m_missed - m_met
 *   reward  = m_exceeded - m_met
 *   then {@link impactAsymmetry}(penalty, reward, θ)
 *
 * Any group with n < 5 → UNCLASSIFIED (ia null). Means, penalty and reward are still
 * reported whenever their groups are non-empty, for display.
 */
export function asymmetryFromGroups(
  groups: AsymmetryGroups,
  theta: number = DEFAULT_ASYMMETRY_THRESHOLD,
): AsymmetryResult {
  assertTheta(theta);
  const means = {
    missed: groupMean(groups.missed, "missed"),
    met: groupMean(groups.met, "met"),
    exceeded: groupMean(groups.exceeded, "exceeded"),
  };
  const penalty = means.missed === null || means.met === null ? null : means.missed - means.met;
  const reward =
    means.exceeded === null || means.met === null ? null : means.exceeded - means.met;
  const enough =
    groups.missed.n >= MIN_ASYMMETRY_GROUP &&
    groups.met.n >= MIN_ASYMMETRY_GROUP &&
    groups.exceeded.n >= MIN_ASYMMETRY_GROUP;
  if (!enough || penalty === null || reward === null) {
    return { ia: null, kind: "UNCLASSIFIED", penalty, reward, means };
  }
  const { ia, kind } = impactAsymmetry(penalty, reward, theta);
  return { ia, kind, penalty, reward, means };
}
