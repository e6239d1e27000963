import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import type { WorkspaceContext } from "@/lib/workspace";
import type { AnalysisFilter } from "@/lib/schemas/analysis-filter";

// Where the analysis reads its sufficient statistics from. Two kinds of tables, both kept
// exact by database triggers (migration 20261201211500_analysis_summaries):
//
// - summaries: one row per submitted interview (analysis_interviews) and per (interview,
//   touchpoint) (analysis_touchpoints), with every interview-level filter dimension;
// - rollups: the same statistics summed per map, day and ONE dimension value
//   (analysis_day_interviews, analysis_day_touchpoints; dim 'all' for no dimension).
//
// A filter on at most one interview-level dimension (any values of it) and a period is
// answered by the rollups: a few rows per day and touchpoint. Any other combination sums
// the summary rows it keeps, found through the day index and the GIN index on `tags`.

/** One interview-level dimension a filter restricts, with the values it keeps (OR). */
type Restriction = {
  dim: "lifecycle" | "tier" | "segment" | "interviewer" | "attr";
  column: "lifecycle_stage" | "value_tier" | "segment" | "interviewer_id" | "options";
  values: string[];
};

export type AnalysisSource = {
  /** The interview-level restrictions of the filter (what a summary or observation query applies). */
  restrictions: Restriction[];
  /** The rollup key that answers the filter, or null: sum the summary rows. */
  rollup: { dim: string; values: string[] } | null;
};

/**
 * The interview-level restrictions of a filter. Attribute options group by their field (OR
 * within a field, AND across fields); option ids that are not this workspace's are ignored.
 */
async function restrictionsOf(ctx: WorkspaceContext, filter: AnalysisFilter): Promise<Restriction[]> {
  const restrictions: Restriction[] = [];
  if (filter.lifecycle.length) restrictions.push({ dim: "lifecycle", column: "lifecycle_stage", values: filter.lifecycle });
  if (filter.tier.length) restrictions.push({ dim: "tier", column: "value_tier", values: filter.tier });
  if (filter.segment.length) restrictions.push({ dim: "segment", column: "segment", values: filter.segment });
  if (filter.interviewer.length) restrictions.push({ dim: "interviewer", column: "interviewer_id", values: filter.interviewer });
  if (filter.attr.length) {
    const options = await db.attributeOption.findMany({
      where: { workspaceId: ctx.workspaceId, id: { in: filter.attr } },
      select: { id: true, fieldId: true },
      orderBy: { id: "asc" },
    });
    const byField = new Map<string, string[]>();
    for (const option of options) byField.set(option.fieldId, [...(byField.get(option.fieldId) ?? []), option.id]);
    for (const values of byField.values()) restrictions.push({ dim: "attr", column: "options", values });
  }
  return restrictions;
}

/** The cheapest source that answers the filter exactly. */
export async function planSource(
  ctx: WorkspaceContext,
  filter: AnalysisFilter,
  force?: "summary",
): Promise<AnalysisSource> {
  const restrictions = await restrictionsOf(ctx, filter);
  if (force === "summary" || restrictions.length > 1) return { restrictions, rollup: null };
  const only = restrictions[0];
  return { restrictions, rollup: only ? { dim: only.dim, values: only.values } : { dim: "all", values: [""] } };
}

function periodCondition(filter: AnalysisFilter): Prisma.Sql[] {
  const parts: Prisma.Sql[] = [];
  if (filter.from) parts.push(Prisma.sql`s.day >= ${filter.from}::date`);
  if (filter.to) parts.push(Prisma.sql`s.day <= ${filter.to}::date`);
  return parts;
}

/**
 * The interview-level filter as a condition on `s`, a summary table (analysis_interviews or
 * analysis_touchpoints: they share the dimension columns). The tag test narrows the rows
 * through the GIN index; the column test keeps the answer exact whatever the hash does.
 */
export function summaryCondition(
  ctx: WorkspaceContext,
  mapId: string,
  filter: AnalysisFilter,
  restrictions: Restriction[],
): Prisma.Sql {
  const parts: Prisma.Sql[] = [
    Prisma.sql`s.workspace_id = ${ctx.workspaceId}`,
    Prisma.sql`s.map_id = ${mapId}`,
    ...periodCondition(filter),
  ];
  for (const { dim, column, values } of restrictions) {
    parts.push(Prisma.sql`s.tags && cx_tags_of(${mapId}, ${dim}, ${values}::text[])`);
    parts.push(
      column === "options"
        ? Prisma.sql`s.options && ${values}::text[]`
        : Prisma.sql`s.${Prisma.raw(column)} = ANY(${values}::text[])`,
    );
  }
  return Prisma.join(parts, " AND ");
}

function rollupCondition(
  ctx: WorkspaceContext,
  mapId: string,
  filter: AnalysisFilter,
  { dim, values }: { dim: string; values: string[] },
): Prisma.Sql {
  return Prisma.join(
    [
      Prisma.sql`s.workspace_id = ${ctx.workspaceId}`,
      Prisma.sql`s.map_id = ${mapId}`,
      Prisma.sql`s.dim = ${dim}`,
      values.length === 1 ? Prisma.sql`s.value = ${values[0]}` : Prisma.sql`s.value = ANY(${values}::text[])`,
      ...periodCondition(filter),
    ],
    " AND ",
  );
}

/** Sufficient statistics of a group of observations (a touchpoint, or a touchpoint in one week). */
export type StatRow = {
  n: number;
  interviews: number;
  missed: number;
  met: number;
  exceeded: number;
  importance_sum: number;
  importance_sum_sq: number;
  missed_importance_sum: number;
  exceeded_importance_sum: number;
  /** Σ and count of the interviews' overall feeling (1-6) per outcome, for the asymmetry. */
  missed_overall_sum: number;
  missed_overall_n: number;
  met_overall_sum: number;
  met_overall_n: number;
  exceeded_overall_sum: number;
  exceeded_overall_n: number;
  feeling_hate: number;
  feeling_dislike: number;
  feeling_eh: number;
  feeling_like_a_lot: number;
  feeling_love: number;
  feeling_in_love: number;
};

// Rollup rows an interview left (voided, moved to another day) stay with zeros: the queries
// below skip groups that sum to no interview, as the summary rows would.
const ROLLUP_SUMS = Prisma.sql`
  sum(s.n)::int AS n, sum(s.interviews)::int AS interviews,
  sum(s.missed)::int AS missed, sum(s.met)::int AS met, sum(s.exceeded)::int AS exceeded,
  sum(s.importance_sum)::float8 AS importance_sum, sum(s.importance_sum_sq)::float8 AS importance_sum_sq,
  sum(s.missed_importance_sum)::float8 AS missed_importance_sum,
  sum(s.exceeded_importance_sum)::float8 AS exceeded_importance_sum,
  sum(s.missed_overall_sum)::float8 AS missed_overall_sum, sum(s.missed_overall_n)::int AS missed_overall_n,
  sum(s.met_overall_sum)::float8 AS met_overall_sum, sum(s.met_overall_n)::int AS met_overall_n,
  sum(s.exceeded_overall_sum)::float8 AS exceeded_overall_sum, sum(s.exceeded_overall_n)::int AS exceeded_overall_n,
  sum(s.feeling_hate)::int AS feeling_hate, sum(s.feeling_dislike)::int AS feeling_dislike, sum(s.feeling_eh)::int AS feeling_eh,
  sum(s.feeling_like_a_lot)::int AS feeling_like_a_lot, sum(s.feeling_love)::int AS feeling_love,
  sum(s.feeling_in_love)::int AS feeling_in_love`;

const SUMMARY_SUMS = Prisma.sql`
  sum(s.n)::int AS n, count(*)::int AS interviews,
  sum(s.missed)::int AS missed, sum(s.met)::int AS met, sum(s.exceeded)::int AS exceeded,
  sum(s.importance_sum)::float8 AS importance_sum, sum(s.importance_sum_sq)::float8 AS importance_sum_sq,
  sum(s.missed_importance_sum)::float8 AS missed_importance_sum,
  sum(s.exceeded_importance_sum)::float8 AS exceeded_importance_sum,
  coalesce(sum(s.missed * s.overall), 0)::float8 AS missed_overall_sum,
  coalesce(sum(s.missed) FILTER (WHERE s.overall IS NOT NULL), 0)::int AS missed_overall_n,
  coalesce(sum(s.met * s.overall), 0)::float8 AS met_overall_sum,
  coalesce(sum(s.met) FILTER (WHERE s.overall IS NOT NULL), 0)::int AS met_overall_n,
  coalesce(sum(s.exceeded * s.overall), 0)::float8 AS exceeded_overall_sum,
  coalesce(sum(s.exceeded) FILTER (WHERE s.overall IS NOT NULL), 0)::int AS exceeded_overall_n,
  sum(s.feeling_hate)::int AS feeling_hate, sum(s.feeling_dislike)::int AS feeling_dislike, sum(s.feeling_eh)::int AS feeling_eh,
  sum(s.feeling_like_a_lot)::int AS feeling_like_a_lot, sum(s.feeling_love)::int AS feeling_love,
  sum(s.feeling_in_love)::int AS feeling_in_love`;

/** N: the interviews in the filter. Touchpoint-level filters never change it. */
export async function countInterviews(
  ctx: WorkspaceContext,
  mapId: string,
  filter: AnalysisFilter,
  source: AnalysisSource,
): Promise<number> {
  const rows =
    source.rollup
      ? await db.$queryRaw<{ interviews: number }[]>`
          SELECT coalesce(sum(s.interviews), 0)::int AS interviews FROM analysis_day_interviews s
          WHERE ${rollupCondition(ctx, mapId, filter, source.rollup)}`
      : await db.$queryRaw<{ interviews: number }[]>`
          SELECT count(*)::int AS interviews FROM analysis_interviews s
          WHERE ${summaryCondition(ctx, mapId, filter, source.restrictions)}`;
  return rows[0]?.interviews ?? 0;
}

/** The statistics of each touchpoint in `touchpointIds` that has observations in the filter. */
export async function sumByTouchpoint(
  ctx: WorkspaceContext,
  mapId: string,
  filter: AnalysisFilter,
  source: AnalysisSource,
  touchpointIds: string[],
): Promise<(StatRow & { touchpoint_id: string })[]> {
  if (touchpointIds.length === 0) return [];
  const touchpoints = Prisma.sql`s.touchpoint_id = ANY(${touchpointIds}::text[])`;
  return source.rollup
    ? db.$queryRaw`
        SELECT s.touchpoint_id, ${ROLLUP_SUMS} FROM analysis_day_touchpoints s
        WHERE ${rollupCondition(ctx, mapId, filter, source.rollup)} AND ${touchpoints}
        GROUP BY s.touchpoint_id
        HAVING sum(s.interviews) > 0`
    : db.$queryRaw`
        SELECT s.touchpoint_id, ${SUMMARY_SUMS} FROM analysis_touchpoints s
        WHERE ${summaryCondition(ctx, mapId, filter, source.restrictions)} AND ${touchpoints}
        GROUP BY s.touchpoint_id`;
}

export type Bucket = "day" | "week" | "month";

/** One touchpoint's statistics per day, week (starting Monday) or month, oldest first. */
export async function sumByPeriod(
  ctx: WorkspaceContext,
  mapId: string,
  filter: AnalysisFilter,
  source: AnalysisSource,
  touchpointId: string,
  bucket: Bucket,
): Promise<(StatRow & { bucket_start: string })[]> {
  const start = Prisma.sql`to_char(date_trunc(${bucket}, s.day), 'YYYY-MM-DD')`;
  return source.rollup
    ? db.$queryRaw`
        SELECT ${start} AS bucket_start, ${ROLLUP_SUMS} FROM analysis_day_touchpoints s
        WHERE ${rollupCondition(ctx, mapId, filter, source.rollup)} AND s.touchpoint_id = ${touchpointId}
        GROUP BY 1 HAVING sum(s.interviews) > 0 ORDER BY 1`
    : db.$queryRaw`
        SELECT ${start} AS bucket_start, ${SUMMARY_SUMS} FROM analysis_touchpoints s
        WHERE ${summaryCondition(ctx, mapId, filter, source.restrictions)} AND s.touchpoint_id = ${touchpointId}
        GROUP BY 1 ORDER BY 1`;
}

/** Observations of submitted interviews per touchpoint of a map (the journey shows them as n). */
export async function countObservationsByTouchpoint(ctx: WorkspaceContext, mapId: string): Promise<Map<string, number>> {
  const rows = await db.$queryRaw<{ touchpoint_id: string; n: number }[]>`
    SELECT touchpoint_id, sum(n)::int AS n FROM analysis_day_touchpoints
    WHERE workspace_id = ${ctx.workspaceId} AND map_id = ${mapId} AND dim = 'all'
    GROUP BY touchpoint_id HAVING sum(n) > 0`;
  return new Map(rows.map((row) => [row.touchpoint_id, row.n]));
}
