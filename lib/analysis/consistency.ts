/**
 * Channel consistency: within a stage, does performance differ across channels?
 * Customers expect the same experience online and in person.
 */
import { performanceValue } from "./touchpoint";

/** Default spread (in points of P) above which a stage is flagged. */
export const DEFAULT_CONSISTENCY_THRESHOLD = 40;

/** All observations of the touchpoints of one (stage, channel) cell, aggregated together. */
export interface ConsistencyCell {
  stageId: string;
  channelId: string;
  n: number;
  missed: number;
  exceeded: number;
}

export interface CellPerformance {
  channelId: string;
  n: number;
  /** 100 · (exceeded - missed) / n; null when n = 0. */
  performance: number | null;
  /** n ≥ minSample: takes part in the spread. */
  included: boolean;
}

export interface StageConsistency {
  stageId: string;
  /** Cells of the stage in input order. */
  cells: CellPerformance[];
  /** Cells taking part in the spread. */
  qualifying: number;
  /** max P - min P over qualifying cells; null when fewer than 2 qualify. */
  spread: number | null;
  /** Qualifying cell with the highest / lowest P (first in input order on ties). */
  best: CellPerformance | null;
  worst: CellPerformance | null;
  /** spread > threshold. */
  flagged: boolean;
}

export interface ConsistencyOptions {
  minSample: number;
  threshold?: number;
}

function assertCell(cell: ConsistencyCell): void {
  for (const [label, value] of [
    ["n", cell.n],
    ["missed", cell.missed],
    ["exceeded", cell.exceeded],
  ] as const) {
    if (!Number.isInteger(value) || value < 0) {
      throw new RangeError(`${label} must be a non-negative integer, got ${value}`);
    }
  }
  if (cell.missed + cell.exceeded > cell.n) {
    throw new RangeError(`missed + exceeded exceed n in cell ${cell.stageId}/${cell.channelId}`);
  }
}

/**
 * Sign of P_a - P_b for two cells, exactly: compares (e_a - m_a) · n_b with
 * (e_b - m_b) · n_a in integers, so ties are real ties.
 */
function comparePerformance(a: ConsistencyCell, b: ConsistencyCell): number {
  return Math.sign((a.exceeded - a.missed) * b.n - (b.exceeded - b.missed) * a.n);
}

/**
 * Consistency of one stage across its channel cells.
 *
 *   P_c    = 100 · (exceeded_c - missed_c) / n_c        (all observations of the cell)
 *   spread = max P_c - min P_c over cells with n_c ≥ minSample
 *          = 100 · ((e-m)_max · n_min - (e-m)_min · n_max) / (n_max · n_min)
 *   flagged = spread > threshold (default 40)
 *
 * The spread and the flag are computed from the integer cross-product above, so a
 * spread of exactly 40 is 40 (not 40.00000000000001) and is not flagged.
 */
export function stageConsistency(
  stageId: string,
  cells: readonly ConsistencyCell[],
  options: ConsistencyOptions,
): StageConsistency {
  const threshold = options.threshold ?? DEFAULT_CONSISTENCY_THRESHOLD;
  const rows = cells.map((cell) => {
    assertCell(cell);
    const included = cell.n > 0 && cell.n >= options.minSample;
    const view: CellPerformance = {
      channelId: cell.channelId,
      n: cell.n,
      performance: performanceValue(cell.missed, cell.exceeded, cell.n),
      included,
    };
    return { cell, view };
  });
  const qualifying = rows.filter((row) => row.view.included);
  let best = qualifying[0];
  let worst = qualifying[0];
  for (const row of qualifying) {
    if (best && comparePerformance(row.cell, best.cell) > 0) best = row;
    if (worst && comparePerformance(row.cell, worst.cell) < 0) worst = row;
  }
  let spread: number | null = null;
  let flagged = false;
  if (qualifying.length >= 2 && best && worst) {
    const numerator =
      100 *
      ((best.cell.exceeded - best.cell.missed) * worst.cell.n -
        (worst.cell.exceeded - worst.cell.missed) * best.cell.n);
    const denominator = best.cell.n * worst.cell.n;
    spread = numerator / denominator;
    flagged = numerator > threshold * denominator;
  }
  return {
    stageId,
    cells: rows.map((row) => row.view),
    qualifying: qualifying.length,
    spread,
    best: best ? best.view : null,
    worst: worst ? worst.view : null,
    flagged,
  };
}

/**
 * {@link stageConsistency} for every stage present in `cells`, grouped by stageId, in
 * order of first appearance.
 */
export function channelConsistency(
  cells: readonly ConsistencyCell[],
  options: ConsistencyOptions,
): StageConsistency[] {
  const byStage = new Map<string, ConsistencyCell[]>();
  for (const cell of cells) {
    const list = byStage.get(cell.stageId);
    if (list) list.push(cell);
    else byStage.set(cell.stageId, [cell]);
  }
  return [...byStage].map(([stageId, stageCells]) =>
    stageConsistency(stageId, stageCells, options),
  );
}
