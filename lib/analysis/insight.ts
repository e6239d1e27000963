/**
 * What the map has found, from figures the SQL layer aggregates: the asymmetry groups of a
 * row of sums, the channel cells of a stage from its touchpoints' counts, and the two lists
 * of the basics-and-delighters view. Pure: no database, no clock.
 */
import { asymmetryFromGroups, type AsymmetryGroups, type AsymmetryResult } from "./asymmetry";
import type { ConsistencyCell } from "./consistency";

/** Σ and count of the interviews' overall feeling (1-6) per outcome, as summed in SQL. */
export interface OverallSums {
  missed_overall_sum: number;
  missed_overall_n: number;
  met_overall_sum: number;
  met_overall_n: number;
  exceeded_overall_sum: number;
  exceeded_overall_n: number;
}

/** The asymmetry groups of one row of sums (no row: no observations, every group empty). */
export function asymmetryGroupsOf(row: OverallSums | undefined): AsymmetryGroups {
  return {
    missed: { n: row?.missed_overall_n ?? 0, sum: row?.missed_overall_sum ?? 0 },
    met: { n: row?.met_overall_n ?? 0, sum: row?.met_overall_sum ?? 0 },
    exceeded: { n: row?.exceeded_overall_n ?? 0, sum: row?.exceeded_overall_sum ?? 0 },
  };
}

/** A touchpoint's class with the sizes of the groups it was computed from. */
export type TouchpointAsymmetry = AsymmetryResult & {
  /** Observations with an overall feeling per outcome group. */
  groups: { missed: number; met: number; exceeded: number };
};

/** {@link asymmetryFromGroups} of a row of sums, with the group sizes kept for display. */
export function touchpointAsymmetry(row: OverallSums | undefined, theta: number): TouchpointAsymmetry {
  const groups = asymmetryGroupsOf(row);
  return {
    ...asymmetryFromGroups(groups, theta),
    groups: { missed: groups.missed.n, met: groups.met.n, exceeded: groups.exceeded.n },
  };
}

/** What summing a touchpoint into its cell needs. */
export interface CellCounts {
  stageId?: string;
  channelId?: string;
  n: number;
  missed: number;
  exceeded: number;
}

/**
 * The (stage, channel) cells of channel consistency from per-touchpoint counts: every
 * observation of a cell's touchpoints together (sums of integer counts, so P of a cell is
 * exactly P over its observations, not a mean of touchpoint P's). Cells come in order of
 * first appearance, so touchpoints in journey order give cells in journey order.
 */
export function consistencyCells(touchpoints: readonly CellCounts[]): ConsistencyCell[] {
  const cells = new Map<string, ConsistencyCell>();
  for (const touchpoint of touchpoints) {
    if (!touchpoint.stageId || !touchpoint.channelId) continue;
    const key = `${touchpoint.stageId}\u0000${touchpoint.channelId}`;
    const cell = cells.get(key) ?? { stageId: touchpoint.stageId, channelId: touchpoint.channelId, n: 0, missed: 0, exceeded: 0 };
    cell.n += touchpoint.n;
    cell.missed += touchpoint.missed;
    cell.exceeded += touchpoint.exceeded;
    cells.set(key, cell);
  }
  return [...cells.values()];
}

/** What the two lists read from a point of the matrix. */
export interface ClassedPoint {
  n: number;
  insufficient: boolean;
  performance: { value: number | null };
  asymmetry: { kind: string };
}

/**
 * Basics that are failing: BASIC touchpoints (with enough observations) whose performance is
 * below the crosshair. Fix these first: missing them hurts, exceeding them earns nothing.
 * Worst performance first.
 */
export function failingBasics<T extends ClassedPoint>(points: readonly T[], crosshairPerformance: number): T[] {
  return points
    .filter(
      (point) =>
        point.asymmetry.kind === "BASIC" &&
        !point.insufficient &&
        point.performance.value !== null &&
        point.performance.value < crosshairPerformance,
    )
    .sort((a, b) => a.performance.value! - b.performance.value!);
}

/**
 * Delighters that work: DELIGHTER touchpoints (with enough observations) at or above the
 * crosshair's performance ("high" includes the crosshair). Keep and advertise them. Best first.
 */
export function workingDelighters<T extends ClassedPoint>(points: readonly T[], crosshairPerformance: number): T[] {
  return points
    .filter(
      (point) =>
        point.asymmetry.kind === "DELIGHTER" &&
        !point.insufficient &&
        point.performance.value !== null &&
        point.performance.value >= crosshairPerformance,
    )
    .sort((a, b) => b.performance.value! - a.performance.value!);
}
