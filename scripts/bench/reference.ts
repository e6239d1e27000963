// What the benchmarks that compare an app function with its plain-SQL reference share: the
// filter as SQL on the interviews, the timing of both alternately after warm-up, and the
// reference's plan for docs/benchmarks.md.
import { performance } from "node:perf_hooks";
import type pg from "pg";
import type { AnalysisFilter } from "../../lib/schemas/analysis-filter";

export type Query = { text: string; params: unknown[] };

/** The interview-level filter on `interviews i` as plain SQL ($1 workspace, $2 map). */
export function interviewWhere(filter: AnalysisFilter, params: unknown[]): string {
  const parts = ["i.workspace_id = $1", "i.map_id = $2", "i.status = 'SUBMITTED'"];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    parts.push(sql.replace("?", `$${params.length}`));
  };
  if (filter.from) add("i.conducted_on >= ?::date", filter.from);
  if (filter.to) add("i.conducted_on <= ?::date", filter.to);
  if (filter.interviewer.length) add("i.interviewer_id = ANY(?::text[])", filter.interviewer);
  const respondent: string[] = [];
  const addRespondent = (sql: string, value: unknown) => {
    params.push(value);
    respondent.push(sql.replace("?", `$${params.length}`));
  };
  if (filter.lifecycle.length) addRespondent("r.lifecycle_stage::text = ANY(?::text[])", filter.lifecycle);
  if (filter.tier.length) addRespondent("r.value_tier::text = ANY(?::text[])", filter.tier);
  if (filter.segment.length) addRespondent("r.segment = ANY(?::text[])", filter.segment);
  if (respondent.length) parts.push(`EXISTS (SELECT 1 FROM respondents r WHERE r.id = i.respondent_id AND ${respondent.join(" AND ")})`);
  for (const option of filter.attr) {
    add("EXISTS (SELECT 1 FROM respondent_attributes ra WHERE ra.respondent_id = i.respondent_id AND ra.option_id = ?)", option);
  }
  return parts.join(" AND ");
}

/** Runs the queries concurrently on the pool. */
export const runQueries = (pool: pg.Pool, queries: Query[]) => Promise.all(queries.map((query) => pool.query(query.text, query.params)));

/** The query's EXPLAIN (ANALYZE, BUFFERS) plan as text. */
export async function planOf(pool: pg.Pool, query: Query) {
  const result = await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${query.text}`, query.params);
  return result.rows.map((row) => row["QUERY PLAN"] as string).join("\n");
}

/** Whether a plan sorted, hashed or materialized anything on disk. */
export const spills = (plan: string) => /external (merge|sort)|Disk:|Disk Usage: [1-9]|temp (read|written)=/.test(plan);

/** The query's plan; throws when it spills to disk (a reference never does). */
export async function explain(pool: pg.Pool, query: Query) {
  const plan = await planOf(pool, query);
  if (spills(plan)) throw new Error(`bench: the reference spills to disk:\n${plan}`);
  return plan;
}

/** A plan as a docs/benchmarks.md subsection: the query, then its plan. */
export const planSection = (title: string, query: Query, plan: string) =>
  `#### ${title}\n\n\`\`\`\n${query.text}\n\`\`\`\n\n\`\`\`\n${plan}\n\`\`\``;

export function percentile(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

/**
 * Times `app` and `reference` alternately, `warmup` unmeasured rounds then `runs` measured ones;
 * `check` compares the two answers of the first round (and throws when they disagree).
 */
export async function measureAgainstReference<A, R>(
  options: { warmup: number; runs: number },
  app: () => Promise<A>,
  reference: () => Promise<R>,
  check?: (app: A, reference: R) => void,
) {
  const appTimes: number[] = [];
  const referenceTimes: number[] = [];
  for (let i = 0; i < options.warmup + options.runs; i++) {
    let started = performance.now();
    const a = await app();
    const appMs = performance.now() - started;
    started = performance.now();
    const r = await reference();
    const referenceMs = performance.now() - started;
    if (i === 0) check?.(a, r);
    if (i >= options.warmup) {
      appTimes.push(appMs);
      referenceTimes.push(referenceMs);
    }
  }
  return { app50: percentile(appTimes, 0.5), app95: percentile(appTimes, 0.95), reference50: percentile(referenceTimes, 0.5) };
}
