import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { sql } from "@/lib/db";
import type { WorkspaceContext } from "@/lib/workspace";
import { EMPTY_FILTER, type AnalysisFilter } from "@/lib/schemas/analysis-filter";
import { ROLLUP_STATISTICS } from "@/lib/data/analysis-statistics";

// Where the analysis reads its sufficient statistics from. Two kinds of tables, both kept
// exact by database triggers (migration 20261201211500_analysis_summaries):
//
// - summaries: one row per submitted interview (analysis_interviews) and per (interview,
//   touchpoint) (analysis_touchpoints), with every interview-level filter dimension;
// - rollups: the same statistics summed per map, day and one dimension value, or one value
//   of each of two dimensions (analysis_day_interviews, analysis_day_touchpoints; dim 'all'
//   for none, 'lifecycle*interviewer' for a pair; migration 20261202000000_analysis_pair_rollups).
//
// A filter on at most two interview-level dimensions (any values of each) and a period is
// answered by the rollups: a few rows per day and touchpoint. Three or more sum the summary
// rows of the interviews they keep, found through the GIN index on `tags`.
//
// Writers never touch the rollups: they append changes to a log that a fold moves into the
// single-dimension rollups every second or so and then, through a second log, into the pair
// rollups every ten seconds or so. A reader adds the changes still in the logs.

/** One interview-level dimension a filter restricts, with the values it keeps (OR). */
type Dimension = "lifecycle" | "tier" | "segment" | "interviewer" | "attr";
type Restriction = {
  dim: Dimension;
  column: "lifecycle_stage" | "value_tier" | "segment" | "interviewer_id" | "options";
  values: string[];
};

export type AnalysisSource = {
  /** The interview-level restrictions of the filter (what a summary or observation query applies). */
  restrictions: Restriction[];
  /** The rollup key that answers the filter, or null: sum the summary rows. */
  rollup: RollupKey | null;
};

/** Rollup rows to sum: one dimension (or 'all', or a pair 'a*b') and the values it keeps. */
type RollupKey = { dim: string; values: string[]; pair: boolean };

// The order of the dimensions in a pair key, as cx_dim_pairs() writes them.
const PAIR_ORDER: Dimension[] = ["lifecycle", "tier", "segment", "interviewer", "attr"];
const PAIR_VALUE_SEPARATOR = "\u001f";

/**
 * The pair key of two restrictions: every combination of their values, each written as the
 * database writes it (two attribute options in byte order, which is how both sort ASCII ids).
 */
export function pairKey(first: Restriction, second: Restriction): RollupKey {
  const [a, b] = [first, second].sort((x, y) => PAIR_ORDER.indexOf(x.dim) - PAIR_ORDER.indexOf(y.dim)) as [
    Restriction,
    Restriction,
  ];
  const values: string[] = [];
  for (const va of a.values) {
    for (const vb of b.values) {
      const ordered = a.dim === "attr" && b.dim === "attr" && vb < va ? [vb, va] : [va, vb];
      values.push(ordered.join(PAIR_VALUE_SEPARATOR));
    }
  }
  return { dim: `${a.dim}*${b.dim}`, values, pair: true };
}

/**
 * A query built with Prisma.sql, run on the pool directly: the analysis reads run on every view
 * and filter change, and Prisma's raw-query path cost more CPU than the queries themselves.
 * Every column is cast to int, float8 or text, which pg returns as numbers and strings.
 */
function query<T>(statement: Prisma.Sql): Promise<T[]> {
  return sql<T>(statement.text, statement.values);
}

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
    const options = await sql<{ id: string; field_id: string }>(
      "SELECT id, field_id FROM attribute_options WHERE workspace_id = $1 AND id = ANY($2::text[]) ORDER BY id",
      [ctx.workspaceId, filter.attr],
    );
    const byField = new Map<string, string[]>();
    for (const option of options) byField.set(option.field_id, [...(byField.get(option.field_id) ?? []), option.id]);
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
  if (force === "summary" || restrictions.length > 2) return { restrictions, rollup: null };
  const [first, second] = restrictions;
  if (first && second) return { restrictions, rollup: pairKey(first, second) };
  return {
    restrictions,
    rollup: first ? { dim: first.dim, values: first.values, pair: false } : ALL_KEY,
  };
}

const ALL_KEY: RollupKey = { dim: "all", values: [""], pair: false };

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
  { dim, values }: RollupKey,
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

const STATISTICS = ROLLUP_STATISTICS satisfies readonly (keyof StatRow)[];

/**
 * Each statistic as one row of `kind` contributes it: a rollup row holds it; a summary row
 * (one interview at one touchpoint) counts 1 interview and carries the interview's overall
 * feeling; a change row is a summary row with a sign (+1 added, -1 removed).
 */
function contribution(kind: "rollup" | "summary" | "change", column: (typeof STATISTICS)[number]): string {
  if (kind === "rollup") return `s.${column}`;
  const sign = kind === "change" ? "s.sign * " : "";
  if (column === "interviews") return kind === "change" ? "s.sign" : "1";
  const overall = /^(missed|met|exceeded)_overall_(sum|n)$/.exec(column);
  if (overall) {
    return overall[2] === "sum"
      ? `${sign}s.${overall[1]} * coalesce(s.overall, 0)`
      : `CASE WHEN s.overall IS NULL THEN 0 ELSE ${sign}s.${overall[1]} END`;
  }
  return `${sign}s.${column}`;
}

function rowsOf(kind: "rollup" | "summary" | "change"): Prisma.Sql {
  return Prisma.raw(STATISTICS.map((column) => `${contribution(kind, column)} AS ${column}`).join(", "));
}

// Sums of the rows above; the ones that can exceed an int (importance sums at scale) as float8.
const SUMS = Prisma.raw(
  STATISTICS.map((column) => `sum(s.${column})::${/_sum(_sq)?$/.test(column) ? "float8" : "int"} AS ${column}`).join(",\n  "),
);

/**
 * The rows that hold the statistics of the filter, each as the contributions above: for the
 * rollup path the rollup rows of its key plus the changes not folded yet (found, like summary
 * rows, by their dimension columns); otherwise the summary rows. `extra` selects more columns
 * of every row (touchpoint, day) and `where` restricts them (touchpoints).
 */
function statisticRows(
  ctx: WorkspaceContext,
  mapId: string,
  filter: AnalysisFilter,
  source: AnalysisSource,
  extra: Prisma.Sql,
  where: Prisma.Sql,
): Prisma.Sql {
  const changes = summaryCondition(ctx, mapId, filter, source.restrictions);
  if (!source.rollup) {
    // The interviews first (one row each, found through their own tags index), then each one's
    // rows through the primary key: an interview's rows are written together, so they share a
    // page or two, and the time follows the interviews the filter keeps. The OFFSET 0 keeps
    // the lookup per interview whatever the planner's estimates.
    return Prisma.sql`
      SELECT ${extra}, ${rowsOf("summary")}
      FROM (SELECT s.interview_id FROM analysis_interviews s WHERE ${changes}) i
      CROSS JOIN LATERAL (
        SELECT * FROM analysis_touchpoints s WHERE s.interview_id = i.interview_id AND ${where} OFFSET 0
      ) s`;
  }
  const rollup = Prisma.sql`
    SELECT ${extra}, ${rowsOf("rollup")} FROM analysis_day_touchpoints s
    WHERE ${rollupCondition(ctx, mapId, filter, source.rollup)} AND ${where}
    UNION ALL
    SELECT ${extra}, ${rowsOf("change")} FROM analysis_touchpoint_changes s
    WHERE ${changes} AND ${where}`;
  return source.rollup.pair
    ? Prisma.sql`${rollup}
        UNION ALL
        SELECT ${extra}, ${rowsOf("change")} FROM analysis_touchpoint_pair_changes s
        WHERE ${changes} AND ${where}`
    : rollup;
}

/** N: the interviews in the filter. Touchpoint-level filters never change it. */
export async function countInterviews(
  ctx: WorkspaceContext,
  mapId: string,
  filter: AnalysisFilter,
  source: AnalysisSource,
): Promise<number> {
  const changes = summaryCondition(ctx, mapId, filter, source.restrictions);
  const pairChanges = source.rollup?.pair
    ? Prisma.sql`UNION ALL SELECT s.sign FROM analysis_interview_pair_changes s WHERE ${changes}`
    : Prisma.empty;
  const rows = source.rollup
    ? await query<{ interviews: number }>(Prisma.sql`
        SELECT coalesce(sum(x.interviews), 0)::int AS interviews FROM (
          SELECT s.interviews FROM analysis_day_interviews s WHERE ${rollupCondition(ctx, mapId, filter, source.rollup)}
          UNION ALL
          SELECT s.sign FROM analysis_interview_changes s WHERE ${changes}
          ${pairChanges}
        ) x`)
    : await query<{ interviews: number }>(Prisma.sql`SELECT count(*)::int AS interviews FROM analysis_interviews s WHERE ${changes}`);
  return rows[0]?.interviews ?? 0;
}

/**
 * The statistics of each touchpoint in `touchpointIds` (every touchpoint of the map when
 * omitted) that has observations in the filter.
 */
export async function sumByTouchpoint(
  ctx: WorkspaceContext,
  mapId: string,
  filter: AnalysisFilter,
  source: AnalysisSource,
  touchpointIds?: string[],
): Promise<(StatRow & { touchpoint_id: string })[]> {
  if (touchpointIds?.length === 0) return [];
  const which = touchpointIds ? Prisma.sql`s.touchpoint_id = ANY(${touchpointIds}::text[])` : Prisma.sql`TRUE`;
  const rows = statisticRows(ctx, mapId, filter, source, Prisma.sql`s.touchpoint_id`, which);
  // A rollup key an interview left (voided, moved to another day) keeps a row of zeros: skipped.
  return query(Prisma.sql`SELECT s.touchpoint_id, ${SUMS} FROM (${rows}) s GROUP BY s.touchpoint_id HAVING sum(s.interviews) > 0`);
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
  const rows = statisticRows(ctx, mapId, filter, source, Prisma.sql`s.day`, Prisma.sql`s.touchpoint_id = ${touchpointId}`);
  return query(Prisma.sql`
    SELECT to_char(date_trunc(${bucket}, s.day), 'YYYY-MM-DD') AS bucket_start, ${SUMS}
    FROM (${rows}) s GROUP BY 1 HAVING sum(s.interviews) > 0 ORDER BY 1`);
}

/** Observations of submitted interviews per touchpoint of a map (the journey shows them as n). */
export async function countObservationsByTouchpoint(ctx: WorkspaceContext, mapId: string): Promise<Map<string, number>> {
  const rows = await sumByTouchpoint(
    ctx,
    mapId,
    EMPTY_FILTER,
    { restrictions: [], rollup: ALL_KEY },
  );
  return new Map(rows.map((row) => [row.touchpoint_id, row.n]));
}
