import "server-only";
import { sql } from "@/lib/db";
import type { WorkspaceContext } from "@/lib/workspace";
import { EMPTY_FILTER, type AnalysisFilter } from "@/lib/schemas/analysis-filter";
import { addDays, changeAlert, changeWindows, todayIso, type ChangeWindows } from "@/lib/analysis/trend";
import { channelConsistency } from "@/lib/analysis/consistency";
import { consistencyCells, failingBasics } from "@/lib/analysis/insight";
import { getMatrix, listTouchpointRows, selectTouchpoints } from "@/lib/data/analysis";
import { getQuotaProgress } from "@/lib/data/maps";
import { planSource, sumByTouchpoint } from "@/lib/data/analysis-source";
import type { MapForAnalysis, Matrix } from "@/lib/types/analysis";
import type { ChangeAlertReport, MapOverview, StageConsistencyView, TouchpointChange } from "@/lib/types/insight";

// What the map has found, beyond the matrix: channel consistency per stage, change alerts per
// touchpoint, and the overview that gathers them. Like the matrix, every figure comes from
// sufficient statistics summed in PostgreSQL (the rollups when they answer the filter);
// lib/analysis turns them into figures.

/**
 * Channel consistency of every stage of the matrix's touchpoints: each (stage, channel) cell's
 * P over all its observations, the spread across cells with n ≥ the map's minimum sample, and
 * the flag when it exceeds the map's threshold. Stages in journey order.
 */
export function consistencyOf(matrix: Matrix): StageConsistencyView[] {
  const stageName = new Map(matrix.points.map((point) => [point.stageId!, point.stageName]));
  const channelName = new Map(matrix.points.map((point) => [point.channelId!, point.channelName]));
  const named = <T extends { channelId: string }>(cell: T) => ({ ...cell, channelName: channelName.get(cell.channelId) ?? "" });
  return channelConsistency(consistencyCells(matrix.points), {
    minSample: matrix.map.minSample,
    threshold: matrix.map.consistencyThreshold,
  }).map((stage) => ({
    ...stage,
    stageName: stageName.get(stage.stageId) ?? "",
    cells: stage.cells.map(named),
    best: stage.best && named(stage.best),
    worst: stage.worst && named(stage.worst),
  }));
}

/**
 * Change alerts of every touchpoint the filter selects: the miss rate of the latest 28 days
 * against the 28 days before, both ending at the filter's end date (default today), pooled
 * two-proportion test; flagged when p < 0.05 and the rates differ by at least 5 points. The
 * windows replace the filter's period; every other filter applies. `alerts` holds the flagged
 * touchpoints, worsened before improved, the larger change first.
 */
export async function getChangeAlerts(
  ctx: WorkspaceContext,
  mapId: string,
  filter: AnalysisFilter,
  options: { today?: string } = {},
): Promise<ChangeAlertReport> {
  const windows = changeWindows({ endDate: filter.to ?? null, today: options.today ?? todayIso() });
  const plan = planSource(ctx, filter);
  const inWindow = (window: ChangeWindows["latest"]) =>
    plan.then((source) =>
      sumByTouchpoint(ctx, mapId, { ...filter, from: window.start, to: window.end }, source, ["n", "missed"]),
    );
  const [rows, latest, previous] = await Promise.all([listTouchpointRows(ctx, mapId), inWindow(windows.latest), inWindow(windows.previous)]);
  const latestBy = new Map(latest.map((row) => [row.touchpoint_id, row]));
  const previousBy = new Map(previous.map((row) => [row.touchpoint_id, row]));
  const touchpoints: TouchpointChange[] = selectTouchpoints(rows, filter).map((touchpoint) => {
    const counts = (row: { n: number; missed: number } | undefined) => ({ n: row?.n ?? 0, missed: row?.missed ?? 0 });
    const windowCounts = { latest: counts(latestBy.get(touchpoint.id)), previous: counts(previousBy.get(touchpoint.id)) };
    return {
      touchpointId: touchpoint.id,
      name: touchpoint.name,
      stageName: touchpoint.stageName,
      channelName: touchpoint.channelName,
      ...windowCounts,
      ...changeAlert(windowCounts),
    };
  });
  const alerts = touchpoints
    .filter((touchpoint) => touchpoint.status !== "STABLE")
    .sort(
      (a, b) =>
        (a.status === "WORSENED" ? 0 : 1) - (b.status === "WORSENED" ? 0 : 1) ||
        Math.abs(b.delta!) - Math.abs(a.delta!) ||
        a.name.localeCompare(b.name, "en"),
    );
  return {
    windows: { latest: { start: windows.latest.start, end: windows.latest.end }, previous: { start: windows.previous.start, end: windows.previous.end } },
    touchpoints,
    alerts,
  };
}

/**
 * The alerts of the whole map (no filter) that fire on `today` and did not fire, with the same
 * status, the day before: what a daily notification would announce, once per change.
 */
export async function newlyFiredAlerts(
  ctx: WorkspaceContext,
  mapId: string,
  options: { today?: string } = {},
): Promise<TouchpointChange[]> {
  const today = options.today ?? todayIso();
  const [now, before] = await Promise.all([
    getChangeAlerts(ctx, mapId, EMPTY_FILTER, { today }),
    getChangeAlerts(ctx, mapId, EMPTY_FILTER, { today: addDays(today, -1) }),
  ]);
  const fired = new Set(before.alerts.map((alert) => `${alert.touchpointId} ${alert.status}`));
  return now.alerts.filter((alert) => !fired.has(`${alert.touchpointId} ${alert.status}`));
}

/** First and last day of the map's submitted interviews (null when there are none). */
async function interviewPeriod(ctx: WorkspaceContext, mapId: string): Promise<{ first: string | null; last: string | null }> {
  const [row] = await sql<{ first: string | null; last: string | null }>(
    `SELECT to_char(min(s.day), 'YYYY-MM-DD') AS first, to_char(max(s.day), 'YYYY-MM-DD') AS last
     FROM analysis_interviews s WHERE s.workspace_id = $1 AND s.map_id = $2`,
    [ctx.workspaceId, mapId],
  );
  return { first: row?.first ?? null, last: row?.last ?? null };
}

/** How many fix-list items the overview shows. */
export const OVERVIEW_FIX_LIST_LENGTH = 5;

/**
 * The map overview: progress toward the interview targets, the top of the fix list, the change
 * alerts, the failing basics and the inconsistent stages, over the whole map (no filter).
 */
export async function getOverview(
  ctx: WorkspaceContext,
  map: MapForAnalysis,
  options: { today?: string } = {},
): Promise<MapOverview> {
  const [matrix, changes, progress, period] = await Promise.all([
    getMatrix(ctx, map, EMPTY_FILTER, "data"),
    getChangeAlerts(ctx, map.id, EMPTY_FILTER, options),
    getQuotaProgress(ctx, [map.id]),
    interviewPeriod(ctx, map.id),
  ]);
  return {
    matrix,
    fixList: matrix.fixList.slice(0, OVERVIEW_FIX_LIST_LENGTH),
    failingBasics: failingBasics(matrix.points, matrix.crosshair.performance),
    changes,
    consistency: consistencyOf(matrix),
    progress: progress.get(map.id) ?? { target: null, submitted: 0, segments: [] },
    period,
  };
}
