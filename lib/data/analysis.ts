import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db, sql } from "@/lib/db";
import type { WorkspaceContext } from "@/lib/workspace";
import type { AnalysisFilter } from "@/lib/schemas/analysis-filter";
import { touchpointFigures, type TouchpointAggregate } from "@/lib/analysis/touchpoint";
import { classifyTouchpoints, type CrosshairMode } from "@/lib/analysis/quadrant";
import { rankFixList } from "@/lib/analysis/fix-list";
import { touchpointAsymmetry } from "@/lib/analysis/insight";
import { DEFAULT_ASYMMETRY_THRESHOLD } from "@/lib/analysis/asymmetry";
import { MATRIX_ASYMMETRY_STATISTICS, MATRIX_STATISTICS } from "@/lib/data/analysis-statistics";
import {
  ALL_STATISTICS,
  countInterviews,
  planSource,
  sumByPeriod,
  sumByTouchpoint,
  summaryCondition,
  type StatRow,
} from "@/lib/data/analysis-source";
import type {
  FilterOptions,
  MapForAnalysis,
  Matrix,
  MatrixPoint,
  TouchpointComment,
  TouchpointDetail,
  TouchpointRow,
} from "@/lib/types/analysis";

// Every figure of the matrix is computed from sufficient statistics aggregated in
// PostgreSQL (counts, sums and sums of squares per touchpoint, read from the summaries and
// rollups of lib/data/analysis-source.ts); lib/analysis turns them into figures.
// Observations never travel to Node.

/** The map's analysis settings; null when the map is not in this workspace. */
export async function getMapForAnalysis(ctx: WorkspaceContext, mapId: string): Promise<MapForAnalysis | null> {
  return db.journeyMap.findFirst({
    where: { id: mapId, workspaceId: ctx.workspaceId },
    select: { id: true, name: true, minSample: true, asymmetryThreshold: true, consistencyThreshold: true },
  });
}

/**
 * Live touchpoints of the map in journey order (stage, channel, position), with their cell.
 * Plain SQL: every analysis view starts here, and a nested Prisma query costs more CPU than
 * the rollup read that follows it.
 */
export async function listTouchpointRows(ctx: WorkspaceContext, mapId: string): Promise<TouchpointRow[]> {
  return sql<TouchpointRow>(
    `SELECT t.id, t.name, t.stage_id AS "stageId", t.channel_id AS "channelId", s.name AS "stageName", c.name AS "channelName",
       s.position AS "stagePosition", c.position AS "channelPosition", t.position, t.moment_of_truth AS "momentOfTruth",
       t.owner_team AS "ownerTeam"
     FROM touchpoints t
     JOIN stages s ON s.id = t.stage_id AND s.archived_at IS NULL
     JOIN channels c ON c.id = t.channel_id AND c.archived_at IS NULL
     WHERE t.workspace_id = $1 AND t.map_id = $2 AND t.archived_at IS NULL
     ORDER BY s.position, c.position, t.position, t.id`,
    [ctx.workspaceId, mapId],
  );
}

/** Touchpoint-level filters choose which touchpoints are shown; they never change N. */
export function selectTouchpoints(rows: TouchpointRow[], filter: AnalysisFilter): TouchpointRow[] {
  return rows.filter(
    (row) =>
      (filter.stage.length === 0 || filter.stage.includes(row.stageId)) &&
      (filter.channel.length === 0 || filter.channel.includes(row.channelId)) &&
      (!filter.mot || row.momentOfTruth),
  );
}

/** Sufficient statistics per expectation, scanned from the observations (the drill-down's table). */
const OBSERVATION_STATS = Prisma.sql`
  count(*)::int AS n,
  count(DISTINCT o.interview_id)::int AS interviews,
  count(*) FILTER (WHERE o.outcome = 'MISSED')::int AS missed,
  count(*) FILTER (WHERE o.outcome = 'MET')::int AS met,
  count(*) FILTER (WHERE o.outcome = 'EXCEEDED')::int AS exceeded,
  sum(o.importance)::float8 AS importance_sum,
  sum(o.importance * o.importance)::float8 AS importance_sum_sq,
  coalesce(sum(o.importance) FILTER (WHERE o.outcome = 'MISSED'), 0)::float8 AS missed_importance_sum,
  coalesce(sum(o.importance) FILTER (WHERE o.outcome = 'EXCEEDED'), 0)::float8 AS exceeded_importance_sum`;

type AggregateRow = Pick<StatRow, (typeof MATRIX_STATISTICS)[number]>;

/**
 * N (interviews in the filter), the observations in the filter, and the sufficient
 * statistics of each selected touchpoint, from the rollups when they answer the filter and
 * from the summary rows otherwise (`source: "summary"` forces the latter; tests compare them).
 */
export async function aggregateTouchpoints(
  ctx: WorkspaceContext,
  mapId: string,
  filter: AnalysisFilter,
  touchpointIds: string[],
  source: "auto" | "summary" = "auto",
): Promise<{ interviews: number; observations: number; rows: (StatRow & { touchpoint_id: string })[] }> {
  const plan = await planSource(ctx, filter, source === "summary" ? "summary" : undefined);
  const [interviews, rows] = await Promise.all([
    countInterviews(ctx, mapId, filter, plan),
    sumByTouchpoint(ctx, mapId, filter, plan, ALL_STATISTICS, touchpointIds),
  ]);
  const observations = rows.reduce((sum, row) => sum + row.n, 0);
  return { interviews, observations, rows };
}

/** A SQL row of sufficient statistics (or none: no observations) as the analysis module's input. */
function toAggregate(id: string, name: string, row: AggregateRow | undefined): TouchpointAggregate {
  return {
    id,
    name,
    n: row?.n ?? 0,
    interviews: row?.interviews ?? 0,
    missed: row?.missed ?? 0,
    met: row?.met ?? 0,
    exceeded: row?.exceeded ?? 0,
    importanceSum: row?.importance_sum ?? 0,
    importanceSumSq: row?.importance_sum_sq ?? 0,
    missedImportanceSum: row?.missed_importance_sum ?? 0,
    exceededImportanceSum: row?.exceeded_importance_sum ?? 0,
  };
}

/** The importance-versus-performance matrix and fix list: what the matrix page shows. */
export async function getMatrix(
  ctx: WorkspaceContext,
  map: MapForAnalysis,
  filter: AnalysisFilter,
  crosshairMode: CrosshairMode,
): Promise<Matrix> {
  // The touchpoint list, N and every touchpoint's statistics at once (three queries in
  // parallel); the stage, channel and moment-of-truth filters then pick the touchpoints.
  const plan = planSource(ctx, filter);
  const [touchpointRows, interviews, rows] = await Promise.all([
    listTouchpointRows(ctx, map.id),
    plan.then((source) => countInterviews(ctx, map.id, filter, source)),
    plan.then((source) => sumByTouchpoint(ctx, map.id, filter, source, MATRIX_ASYMMETRY_STATISTICS)),
  ]);
  const touchpoints = selectTouchpoints(touchpointRows, filter);
  const byId = new Map(rows.map((row) => [row.touchpoint_id, row]));
  const observations = touchpoints.reduce((sum, touchpoint) => sum + (byId.get(touchpoint.id)?.n ?? 0), 0);
  const figures = touchpoints.map((touchpoint) => {
    const row = byId.get(touchpoint.id);
    const aggregate: TouchpointAggregate = {
      stageId: touchpoint.stageId,
      channelId: touchpoint.channelId,
      stagePosition: touchpoint.stagePosition,
      channelPosition: touchpoint.channelPosition,
      position: touchpoint.position,
      momentOfTruth: touchpoint.momentOfTruth,
      ownerTeam: touchpoint.ownerTeam,
      ...toAggregate(touchpoint.id, touchpoint.name, row),
    };
    return { figures: touchpointFigures(aggregate, interviews), touchpoint };
  });
  const { crosshair, points: classes } = classifyTouchpoints(
    figures.map((item) => item.figures),
    { minSample: map.minSample, mode: crosshairMode },
  );
  const points: MatrixPoint[] = figures.map(({ figures: figure, touchpoint }, index) => ({
    ...figure,
    ...classes[index]!,
    asymmetry: touchpointAsymmetry(byId.get(touchpoint.id), map.asymmetryThreshold),
    stageName: touchpoint.stageName,
    channelName: touchpoint.channelName,
    ownerTeam: touchpoint.ownerTeam,
    momentOfTruth: touchpoint.momentOfTruth,
  }));
  return { map, interviews, observations, crosshair, points, fixList: rankFixList(points) };
}

/** What the filter bar offers: the map's stages and channels, and the workspace's respondent dimensions. */
export async function getFilterOptions(ctx: WorkspaceContext, mapId: string): Promise<FilterOptions> {
  const [stages, channels, segments, fields, interviewers] = await Promise.all([
    db.stage.findMany({
      where: { workspaceId: ctx.workspaceId, mapId, archivedAt: null },
      orderBy: { position: "asc" },
      select: { id: true, name: true },
    }),
    db.channel.findMany({
      where: { workspaceId: ctx.workspaceId, mapId, archivedAt: null },
      orderBy: { position: "asc" },
      select: { id: true, name: true },
    }),
    db.respondent.findMany({
      where: { workspaceId: ctx.workspaceId, segment: { not: null } },
      distinct: ["segment"],
      orderBy: { segment: "asc" },
      select: { segment: true },
    }),
    db.attributeField.findMany({
      where: { workspaceId: ctx.workspaceId, archivedAt: null },
      orderBy: { position: "asc" },
      select: {
        id: true,
        name: true,
        options: { where: { archivedAt: null }, orderBy: { position: "asc" }, select: { id: true, value: true } },
      },
    }),
    db.$queryRaw<{ id: string; name: string }[]>`
      SELECT u.id, u.name FROM users u
      WHERE EXISTS (SELECT 1 FROM interviews i WHERE i.workspace_id = ${ctx.workspaceId} AND i.map_id = ${mapId}
                    AND i.interviewer_id = u.id AND i.status = 'SUBMITTED')
      ORDER BY u.name`,
  ]);
  return {
    stages,
    channels,
    segments: segments.map((row) => row.segment!).filter(Boolean),
    attributes: fields,
    interviewers,
  };
}

const FEELING_COLUMNS = [
  ["HATE", "feeling_hate"],
  ["DISLIKE", "feeling_dislike"],
  ["EH", "feeling_eh"],
  ["LIKE_A_LOT", "feeling_like_a_lot"],
  ["LOVE", "feeling_love"],
  ["IN_LOVE", "feeling_in_love"],
] as const satisfies readonly (readonly [string, keyof StatRow])[];

/** One touchpoint under the filter: its figures, each expectation's, feelings and weekly trend. */
export async function getTouchpointDetail(
  ctx: WorkspaceContext,
  mapId: string,
  touchpointId: string,
  filter: AnalysisFilter,
  asymmetryThreshold: number = DEFAULT_ASYMMETRY_THRESHOLD,
): Promise<TouchpointDetail | null> {
  const touchpoint = (await listTouchpointRows(ctx, mapId)).find((row) => row.id === touchpointId);
  if (!touchpoint) return null;
  const extra = await db.touchpoint.findFirst({
    where: { id: touchpointId, workspaceId: ctx.workspaceId },
    select: { description: true, prompt: true },
  });
  const plan = await planSource(ctx, filter);
  const condition = summaryCondition(ctx, mapId, filter, plan.restrictions);
  const [N, totals, trendRows, expectationRows, expectationList] = await Promise.all([
    countInterviews(ctx, mapId, filter, plan),
    sumByTouchpoint(ctx, mapId, filter, plan, ALL_STATISTICS, [touchpointId]),
    sumByPeriod(ctx, mapId, filter, plan, ["n", "missed", "exceeded"], touchpointId, "week"),
    // The one table that needs the observations themselves: figures per expectation.
    db.$queryRaw<(AggregateRow & { expectation_id: string })[]>`
      SELECT o.expectation_id, ${OBSERVATION_STATS}
      FROM observations o JOIN analysis_interviews s ON s.interview_id = o.interview_id
      WHERE o.workspace_id = ${ctx.workspaceId} AND o.map_id = ${mapId} AND o.touchpoint_id = ${touchpointId} AND ${condition}
      GROUP BY o.expectation_id`,
    db.expectation.findMany({
      where: { workspaceId: ctx.workspaceId, touchpointId, archivedAt: null, mergedIntoId: null },
      orderBy: [{ kind: "asc" }, { position: "asc" }],
      select: { id: true, text: true, kind: true },
    }),
  ]);
  const total = totals[0];
  const feelings: Partial<Record<string, number>> = {};
  for (const [state, column] of FEELING_COLUMNS) {
    if (total && total[column] > 0) feelings[state] = total[column];
  }
  const byExpectation = new Map(expectationRows.map((row) => [row.expectation_id, row]));
  return {
    touchpoint: { ...touchpoint, description: extra?.description ?? "", prompt: extra?.prompt ?? "" },
    interviews: N,
    figures: touchpointFigures(toAggregate(touchpoint.id, touchpoint.name, total), N),
    expectations: expectationList.map((expectation) => ({
      ...touchpointFigures(toAggregate(expectation.id, expectation.text, byExpectation.get(expectation.id)), N),
      kind: expectation.kind,
    })),
    feelings,
    asymmetry: touchpointAsymmetry(total, asymmetryThreshold),
    trend: trendRows.map((row) => ({ bucketStart: row.bucket_start, n: row.n, missed: row.missed, exceeded: row.exceeded })),
  };
}

/** Comments at a touchpoint under the filter, newest first, a page at a time. */
export async function listTouchpointComments(
  ctx: WorkspaceContext,
  mapId: string,
  touchpointId: string,
  filter: AnalysisFilter,
  { page, pageSize = 20 }: { page: number; pageSize?: number },
): Promise<{ comments: TouchpointComment[]; total: number }> {
  const plan = await planSource(ctx, filter);
  const condition = summaryCondition(ctx, mapId, filter, plan.restrictions);
  const where = Prisma.sql`o.workspace_id = ${ctx.workspaceId} AND o.map_id = ${mapId} AND o.touchpoint_id = ${touchpointId}
    AND o.comment IS NOT NULL AND o.comment <> '' AND ${condition}`;
  const [rows, total] = await Promise.all([
    db.$queryRaw<
      { comment: string; outcome: TouchpointComment["outcome"]; importance: number; feeling: string | null; expectation: string; conducted_on: string }[]
    >`
      SELECT o.comment, o.outcome::text AS outcome, o.importance::int AS importance, o.feeling::text AS feeling,
        e.text AS expectation, to_char(s.day, 'YYYY-MM-DD') AS conducted_on
      FROM observations o
      JOIN analysis_interviews s ON s.interview_id = o.interview_id
      JOIN expectations e ON e.id = o.expectation_id
      WHERE ${where}
      ORDER BY s.day DESC, o.interview_id, o.expectation_id
      LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    db.$queryRaw<{ total: number }[]>`
      SELECT count(*)::int AS total FROM observations o JOIN analysis_interviews s ON s.interview_id = o.interview_id WHERE ${where}`,
  ]);
  return {
    comments: rows.map(({ conducted_on, ...row }) => ({ ...row, conductedOn: conducted_on })),
    total: total[0]?.total ?? 0,
  };
}
