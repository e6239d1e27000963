import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { sql } from "@/lib/db";
import type { WorkspaceContext } from "@/lib/workspace";
import { EMPTY_FILTER, type AnalysisFilter } from "@/lib/schemas/analysis-filter";
import { ROLLUP_STATISTICS, SUMMARY_STATISTICS, type RollupStatistic } from "@/lib/data/analysis-statistics";

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
// answered by the rollups: a few rows per day and touchpoint. Three or more sum the statistics
// of the interviews they keep, found through the GIN index on `tags`, each interview's row
// carrying its touchpoints' statistics as arrays.
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
 * The interview-level filter as conditions on `s`, a summary table (analysis_interviews or
 * analysis_touchpoints: they share the dimension columns), in two parts: `narrow`, the period
 * and the tag test, which finds the rows through the GIN index and may keep a few rows too many
 * (two values whose hashes collide); and `exact`, the workspace, the map and the column tests,
 * which drop those. The tags are hashes of the map and a value, so they find the map's rows
 * alone; with the map in `narrow` as well, the planner once walked every interview of a small
 * map through the (workspace, map, day) index instead of the few the tags pointed to.
 */
function summaryConditions(
  ctx: WorkspaceContext,
  mapId: string,
  filter: AnalysisFilter,
  restrictions: Restriction[],
): { narrow: Prisma.Sql; exact: Prisma.Sql } {
  const map = [Prisma.sql`s.workspace_id = ${ctx.workspaceId}`, Prisma.sql`s.map_id = ${mapId}`];
  // Without a restriction there is no tag to find the rows by: the map's index does it.
  const narrow: Prisma.Sql[] = [...periodCondition(filter), ...(restrictions.length === 0 ? map : [])];
  const exact: Prisma.Sql[] = [...map];
  for (const { dim, column, values } of restrictions) {
    narrow.push(Prisma.sql`s.tags && cx_tags_of(${mapId}, ${dim}, ${values}::text[])`);
    exact.push(
      column === "options"
        ? Prisma.sql`s.options && ${values}::text[]`
        : Prisma.sql`s.${Prisma.raw(column)} = ANY(${values}::text[])`,
    );
  }
  return { narrow: Prisma.join(narrow.length ? narrow : [Prisma.sql`TRUE`], " AND "), exact: Prisma.join(exact, " AND ") };
}

/** The interview-level filter as one condition on `s`, a summary table or a change log. */
export function summaryCondition(
  ctx: WorkspaceContext,
  mapId: string,
  filter: AnalysisFilter,
  restrictions: Restriction[],
): Prisma.Sql {
  const { narrow, exact } = summaryConditions(ctx, mapId, filter, restrictions);
  return Prisma.sql`${narrow} AND ${exact}`;
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

/**
 * Sufficient statistics of a group of observations (a touchpoint, or a touchpoint in one week),
 * one number per name in analysis-statistics.ts.
 */
export type StatRow = Record<RollupStatistic, number>;

/** Every statistic: what the drill-down, trends and later views read. */
export const ALL_STATISTICS = ROLLUP_STATISTICS;

/**
 * Each statistic as one row of `kind` contributes it: a rollup row holds it; a summary row
 * (one interview at one touchpoint) counts 1 interview and carries the interview's overall
 * feeling; a change row is a summary row with a sign (+1 added, -1 removed).
 */
function contribution(kind: "rollup" | "summary" | "change", column: RollupStatistic): string {
  if (kind === "rollup") return `s.${column}`;
  const sign = kind === "change" ? "s.sign * " : "";
  if (column === "interviews") return kind === "change" ? "s.sign" : "1";
  const overall = overallOf(column);
  if (overall) {
    return overall.part === "sum"
      ? `${sign}s.${overall.outcome} * coalesce(s.overall, 0)`
      : `CASE WHEN s.overall IS NULL THEN 0 ELSE ${sign}s.${overall.outcome} END`;
  }
  return `${sign}s.${column}`;
}

function overallOf(column: RollupStatistic): { outcome: string; part: string } | null {
  const match = /^(missed|met|exceeded)_overall_(sum|n)$/.exec(column);
  return match ? { outcome: match[1]!, part: match[2]! } : null;
}

// The statistics a query computes: the ones asked for, and always `interviews` (rows whose
// interviews sum to zero are keys an interview left, skipped by every reader).
function withInterviews(statistics: readonly RollupStatistic[]): RollupStatistic[] {
  return statistics.includes("interviews") ? [...statistics] : ["interviews", ...statistics];
}

function rowsOf(kind: "rollup" | "summary" | "change", statistics: readonly RollupStatistic[]): Prisma.Sql {
  return Prisma.raw(statistics.map((column) => `${contribution(kind, column)} AS ${column}`).join(", "));
}

// Sums of the rows above; the ones that can exceed an int (importance sums at scale) as float8.
function sumsOf(statistics: readonly RollupStatistic[]): Prisma.Sql {
  return Prisma.raw(
    statistics.map((column) => `sum(s.${column})::${/_sum(_sq)?$/.test(column) ? "float8" : "int"} AS ${column}`).join(",\n  "),
  );
}

// The arrays of an interview's touchpoint statistics that `statistics` need, one row per
// element (unnest in the select list steps through all the arrays together).
function unnestedFor(statistics: readonly RollupStatistic[]): Prisma.Sql {
  const needed = new Set<string>();
  for (const column of statistics) {
    if (column === "interviews") continue;
    needed.add(overallOf(column)?.outcome ?? column);
  }
  const columns = SUMMARY_STATISTICS.filter((column) => needed.has(column));
  return Prisma.raw(["unnest(s.touchpoint_ids) AS touchpoint_id", ...columns.map((column) => `unnest(s.tp_${column}) AS ${column}`)].join(", "));
}

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
  statistics: readonly RollupStatistic[],
): Prisma.Sql {
  if (!source.rollup) {
    // One row per interview the filter keeps, found through the tags index, each unnested into
    // its touchpoints from the parallel arrays. The column test is computed in the inner query
    // and applied outside it (OFFSET 0 keeps it there): as a WHERE beside the tag test, which
    // it repeats, the planner counted the same restriction twice, expected a few dozen rows
    // where there were tens of thousands, and sorted them rather than hashing 20 groups.
    const { narrow, exact } = summaryConditions(ctx, mapId, filter, source.restrictions);
    return Prisma.sql`
      SELECT ${extra}, ${rowsOf("summary", statistics)}
      FROM (
        SELECT s.day, s.overall, ${exact} AS kept, ${unnestedFor(statistics)}
        FROM analysis_interviews s WHERE ${narrow} OFFSET 0
      ) s
      WHERE s.kept AND ${where}`;
  }
  const changes = summaryCondition(ctx, mapId, filter, source.restrictions);
  const rollup = Prisma.sql`
    SELECT ${extra}, ${rowsOf("rollup", statistics)} FROM analysis_day_touchpoints s
    WHERE ${rollupCondition(ctx, mapId, filter, source.rollup)} AND ${where}
    UNION ALL
    SELECT ${extra}, ${rowsOf("change", statistics)} FROM analysis_touchpoint_changes s
    WHERE ${changes} AND ${where}`;
  return source.rollup.pair
    ? Prisma.sql`${rollup}
        UNION ALL
        SELECT ${extra}, ${rowsOf("change", statistics)} FROM analysis_touchpoint_pair_changes s
        WHERE ${changes} AND ${where}`
    : rollup;
}

/** N from the interview summaries, found and checked as statisticRows finds them. */
function countSummaries(ctx: WorkspaceContext, mapId: string, filter: AnalysisFilter, source: AnalysisSource): Prisma.Sql {
  const { narrow, exact } = summaryConditions(ctx, mapId, filter, source.restrictions);
  return Prisma.sql`
    SELECT (count(*) FILTER (WHERE s.kept))::int AS interviews
    FROM (SELECT ${exact} AS kept FROM analysis_interviews s WHERE ${narrow} OFFSET 0) s`;
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
    : await query<{ interviews: number }>(countSummaries(ctx, mapId, filter, source));
  return rows[0]?.interviews ?? 0;
}

/**
 * The `statistics` of each touchpoint in `touchpointIds` (every touchpoint of the map when
 * omitted) that has observations in the filter.
 */
export async function sumByTouchpoint<S extends RollupStatistic>(
  ctx: WorkspaceContext,
  mapId: string,
  filter: AnalysisFilter,
  source: AnalysisSource,
  statistics: readonly S[],
  touchpointIds?: string[],
): Promise<(Pick<StatRow, S | "interviews"> & { touchpoint_id: string })[]> {
  if (touchpointIds?.length === 0) return [];
  const columns = withInterviews(statistics);
  const which = touchpointIds ? Prisma.sql`s.touchpoint_id = ANY(${touchpointIds}::text[])` : Prisma.sql`TRUE`;
  const rows = statisticRows(ctx, mapId, filter, source, Prisma.sql`s.touchpoint_id`, which, columns);
  // A rollup key an interview left (voided, moved to another day) keeps a row of zeros: skipped.
  return query(
    Prisma.sql`SELECT s.touchpoint_id, ${sumsOf(columns)} FROM (${rows}) s GROUP BY s.touchpoint_id HAVING sum(s.interviews) > 0`,
  );
}

export type Bucket = "day" | "week" | "month";

/** One touchpoint's `statistics` per day, week (starting Monday) or month, oldest first. */
export async function sumByPeriod<S extends RollupStatistic>(
  ctx: WorkspaceContext,
  mapId: string,
  filter: AnalysisFilter,
  source: AnalysisSource,
  statistics: readonly S[],
  touchpointId: string,
  bucket: Bucket,
): Promise<(Pick<StatRow, S | "interviews"> & { bucket_start: string })[]> {
  const columns = withInterviews(statistics);
  const rows = statisticRows(ctx, mapId, filter, source, Prisma.sql`s.day`, Prisma.sql`s.touchpoint_id = ${touchpointId}`, columns);
  return query(Prisma.sql`
    SELECT to_char(date_trunc(${bucket}, s.day), 'YYYY-MM-DD') AS bucket_start, ${sumsOf(columns)}
    FROM (${rows}) s GROUP BY 1 HAVING sum(s.interviews) > 0 ORDER BY 1`);
}

/**
 * The `statistics` per day, week (starting Monday) or month of the touchpoints in
 * `touchpointIds`, in one query: each touchpoint's buckets (`touchpoint_id` set) and the buckets
 * of all of them together (`touchpoint_id` null), oldest first. The trends view reads the map's
 * line and every touchpoint's from this.
 */
export async function sumByPeriodAndTouchpoint<S extends RollupStatistic>(
  ctx: WorkspaceContext,
  mapId: string,
  filter: AnalysisFilter,
  source: AnalysisSource,
  statistics: readonly S[],
  touchpointIds: string[],
  bucket: Bucket,
): Promise<(Pick<StatRow, S | "interviews"> & { touchpoint_id: string | null; bucket_start: string })[]> {
  if (touchpointIds.length === 0) return [];
  const columns = withInterviews(statistics);
  const rows = statisticRows(
    ctx,
    mapId,
    filter,
    source,
    Prisma.sql`s.touchpoint_id, s.day`,
    Prisma.sql`s.touchpoint_id = ANY(${touchpointIds}::text[])`,
    columns,
  );
  // `interviews` of the map-wide buckets counts an interview once per touchpoint it reached; it
  // only tells empty keys apart, as everywhere else.
  return query(Prisma.sql`
    SELECT s.touchpoint_id, s.bucket_start, ${sumsOf(columns)}
    FROM (SELECT s.*, to_char(date_trunc(${bucket}, s.day), 'YYYY-MM-DD') AS bucket_start FROM (${rows}) s) s
    GROUP BY GROUPING SETS ((s.bucket_start), (s.touchpoint_id, s.bucket_start))
    HAVING sum(s.interviews) > 0 ORDER BY s.bucket_start, s.touchpoint_id NULLS FIRST`);
}

/** Observations of submitted interviews per touchpoint of a map (the journey shows them as n). */
export async function countObservationsByTouchpoint(ctx: WorkspaceContext, mapId: string): Promise<Map<string, number>> {
  const rows = await sumByTouchpoint(ctx, mapId, EMPTY_FILTER, { restrictions: [], rollup: ALL_KEY }, ["n"]);
  return new Map(rows.map((row) => [row.touchpoint_id, row.n]));
}
