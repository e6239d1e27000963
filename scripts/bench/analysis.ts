// `npm run bench:analysis [-- --sizes 100k,1m,10m --runs 15 --write]`
//
// Generates maps of the given numbers of observations (with the demo data generator) into
// a separate database, then measures, in the same run and alternately, for each filter:
// - app: getMatrix, the exact function the matrix page calls (touchpoints, N, sufficient
//   statistics read from the rollups or the summary rows, figures computed in lib/analysis);
// - summary SQL: the fastest plain SQL computing the same statistics from the summary rows;
// - observations SQL: the fastest plain SQL computing them from the observations themselves.
// Writes the table and the reference queries' plans to docs/benchmarks.md with --write.
//
// Uses BENCH_DATABASE_URL when set, else an embedded PostgreSQL under .data/bench (kept, so
// a second run reuses the generated data).
import { replaceSection } from "./report";
import os from "node:os";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../lib/generated/prisma/client";
import { migrate } from "../../lib/migrate";
import { startEmbeddedDb } from "../lib/embedded-db";
import { EMPTY_FILTER, type AnalysisFilter } from "../../lib/schemas/analysis-filter";
import type { WorkspaceContext } from "../../lib/workspace";
import { ensureBenchMap } from "./bench-map";
import { interviewWhere } from "./reference";

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 && args[index + 1] ? args[index + 1]! : fallback;
};
const parseSize = (text: string) => {
  const match = /^(\d+(?:\.\d+)?)(k|m)?$/i.exec(text.trim());
  if (!match) throw new Error(`Not a size: ${text}`);
  return Math.round(Number(match[1]) * (match[2]?.toLowerCase() === "m" ? 1e6 : match[2] ? 1e3 : 1));
};
const sizes = arg("sizes", "100k,1m,10m").split(",").map((label) => ({ label: label.trim().toLowerCase(), target: parseSize(label) }));
const runs = Number(arg("runs", "15"));
const write = args.includes("--write");
const WARMUP = 3;
const PG_FLAGS = ["-c", "shared_buffers=1GB", "-c", "work_mem=64MB", "-c", "max_parallel_workers_per_gather=2"];

let url = process.env.BENCH_DATABASE_URL;
const embedded = url ? undefined : await startEmbeddedDb({ dir: ".data/bench/pg", port: 54389, database: "cxmap_bench", postgresFlags: PG_FLAGS });
url ??= embedded!.url;
await migrate(url);
// The app's modules read DATABASE_URL when first used; import them only now.
process.env.DATABASE_URL = url;
const { getMapForAnalysis, getMatrix } = await import("../../lib/data/analysis");
const { planSource } = await import("../../lib/data/analysis-source");

const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
const pool = new pg.Pool({ connectionString: url, max: 4 });

type Filter = { name: string; filter: AnalysisFilter };

/** The interview-level part of a filter as plain SQL over a summary table `s` ($1 workspace, $2 map). */
function summaryWhere(filter: AnalysisFilter, params: unknown[]): string {
  return summaryWhereParts(filter, params).join(" AND ");
}

/**
 * The same, split as an index on the tags would use it: `narrow`, the period and one tag test per
 * dimension (through the GIN index; the tags hash the map with the value, so they imply the
 * map); `exact`, the workspace, map and column tests.
 */
function summaryWhereTagged(filter: AnalysisFilter, params: unknown[]): { narrow: string; exact: string } {
  const exact = summaryWhereParts(filter, params);
  const narrow = exact.filter((part) => /^s\.day /.test(part));
  const tag = (dim: string, values: string[], operator: "&&" | "@>") => {
    params.push(values);
    narrow.push(`s.tags ${operator} cx_tags_of($2, '${dim}', $${params.length}::text[])`);
  };
  if (filter.lifecycle.length) tag("lifecycle", filter.lifecycle, "&&");
  if (filter.tier.length) tag("tier", filter.tier, "&&");
  if (filter.segment.length) tag("segment", filter.segment, "&&");
  if (filter.interviewer.length) tag("interviewer", filter.interviewer, "&&");
  if (filter.attr.length) tag("attr", filter.attr, "@>");
  if (!narrow.some((part) => part.startsWith("s.tags"))) narrow.push("s.workspace_id = $1", "s.map_id = $2");
  return { narrow: narrow.join(" AND "), exact: exact.join(" AND ") };
}

function summaryWhereParts(filter: AnalysisFilter, params: unknown[]): string[] {
  const parts = ["s.workspace_id = $1", "s.map_id = $2"];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    parts.push(sql.replace("?", `$${params.length}`));
  };
  if (filter.from) add("s.day >= ?::date", filter.from);
  if (filter.to) add("s.day <= ?::date", filter.to);
  if (filter.lifecycle.length) add("s.lifecycle_stage = ANY(?::text[])", filter.lifecycle);
  if (filter.tier.length) add("s.value_tier = ANY(?::text[])", filter.tier);
  if (filter.segment.length) add("s.segment = ANY(?::text[])", filter.segment);
  if (filter.interviewer.length) add("s.interviewer_id = ANY(?::text[])", filter.interviewer);
  // The benchmark's attribute filters pick one value of each field they restrict: all of them.
  if (filter.attr.length) add("s.options @> ?::text[]", filter.attr);
  return parts;
}

const SUMMARY_STATS = `sum(s.n) AS n, count(*) AS interviews, sum(s.missed) AS missed, sum(s.met) AS met, sum(s.exceeded) AS exceeded,
  sum(s.importance_sum) AS importance_sum, sum(s.importance_sum_sq) AS importance_sum_sq,
  sum(s.missed_importance_sum) AS missed_importance_sum, sum(s.exceeded_importance_sum) AS exceeded_importance_sum`;

const ARRAY_STATS = ["n", "missed", "met", "exceeded", "importance_sum", "importance_sum_sq", "missed_importance_sum", "exceeded_importance_sum"]
  .map((column) => `unnest(s.tp_${column}) AS ${column}`)
  .join(", ");

/**
 * Reference 1: the same statistics summed from the summary rows with plain SQL, in three forms:
 * "scan", the touchpoint rows with plain predicates (through whatever index the planner picks);
 * "per interview", the interviews in the filter, then each one's touchpoint rows through the
 * primary key; "interview arrays", the interviews in the filter found through the tags index,
 * each unnested into its touchpoints from the arrays on its row (the column test outside, so
 * that the planner's estimate lets it hash the touchpoints rather than sort every row). The
 * benchmark times all three during warm-up and measures the fastest.
 */
function summaryReferences(workspaceId: string, mapId: string, filter: AnalysisFilter) {
  const params: unknown[] = [workspaceId, mapId];
  const where = summaryWhere(filter, params);
  const count = { text: `SELECT count(*) FROM analysis_interviews s WHERE ${where}`, params };
  const taggedParams: unknown[] = [workspaceId, mapId];
  const tagged = summaryWhereTagged(filter, taggedParams);
  return {
    scan: [count, { text: `SELECT s.touchpoint_id, ${SUMMARY_STATS} FROM analysis_touchpoints s WHERE ${where} GROUP BY s.touchpoint_id`, params }],
    "per interview": [
      count,
      {
        text: `SELECT s.touchpoint_id, ${SUMMARY_STATS}
  FROM analysis_interviews i
  JOIN LATERAL (SELECT * FROM analysis_touchpoints t WHERE t.interview_id = i.interview_id OFFSET 0) s ON TRUE
  WHERE ${where.replaceAll("s.", "i.")}
  GROUP BY s.touchpoint_id`,
        params,
      },
    ],
    "interview arrays": [
      {
        text: `SELECT count(*) FILTER (WHERE s.kept) FROM (SELECT ${tagged.exact} AS kept FROM analysis_interviews s WHERE ${tagged.narrow} OFFSET 0) s`,
        params: taggedParams,
      },
      {
        text: `SELECT s.touchpoint_id, ${SUMMARY_STATS}
  FROM (SELECT ${tagged.exact} AS kept, unnest(s.touchpoint_ids) AS touchpoint_id, ${ARRAY_STATS}
    FROM analysis_interviews s WHERE ${tagged.narrow} OFFSET 0) s
  WHERE s.kept
  GROUP BY s.touchpoint_id`,
        params: taggedParams,
      },
    ],
  };
}

type SummaryForm = keyof ReturnType<typeof summaryReferences>;
const SUMMARY_FORMS: SummaryForm[] = ["scan", "per interview", "interview arrays"];

/**
 * Reference 2: the same statistics from the observations. The interviews in the filter, then
 * per interview its observations grouped by touchpoint (one index range each), then summed
 * per touchpoint: reach counts interviews without a DISTINCT that would sort every row.
 */
function observationReference(workspaceId: string, mapId: string, filter: AnalysisFilter) {
  const params: unknown[] = [workspaceId, mapId];
  const where = interviewWhere(filter, params);
  return [
    { text: `SELECT count(*) FROM interviews i WHERE ${where}`, params },
    {
      text: `SELECT t.touchpoint_id, sum(t.n) AS n, count(*) AS interviews, sum(t.missed) AS missed, sum(t.met) AS met,
          sum(t.exceeded) AS exceeded, sum(t.importance_sum) AS importance_sum, sum(t.importance_sum_sq) AS importance_sum_sq,
          sum(t.missed_importance_sum) AS missed_importance_sum, sum(t.exceeded_importance_sum) AS exceeded_importance_sum
        FROM interviews i
        CROSS JOIN LATERAL (
          SELECT o.touchpoint_id, count(*) AS n,
            count(*) FILTER (WHERE o.outcome = 'MISSED') AS missed, count(*) FILTER (WHERE o.outcome = 'MET') AS met,
            count(*) FILTER (WHERE o.outcome = 'EXCEEDED') AS exceeded,
            sum(o.importance) AS importance_sum, sum(o.importance * o.importance) AS importance_sum_sq,
            coalesce(sum(o.importance) FILTER (WHERE o.outcome = 'MISSED'), 0) AS missed_importance_sum,
            coalesce(sum(o.importance) FILTER (WHERE o.outcome = 'EXCEEDED'), 0) AS exceeded_importance_sum
          FROM observations o WHERE o.interview_id = i.id GROUP BY o.touchpoint_id
        ) t
        WHERE ${where}
        GROUP BY t.touchpoint_id`,
      params,
    },
  ];
}

/** Runs the queries of a reference concurrently, as the app runs its two, on separate connections. */
async function runReference(queries: { text: string; params: unknown[] }[]) {
  const results = await Promise.all(queries.map((query) => pool.query(query.text, query.params)));
  return results[1]!.rows as { touchpoint_id: string; n: string; interviews: string; missed: string; importance_sum: string }[];
}

async function explain(query: { text: string; params: unknown[] }) {
  const result = await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${query.text}`, query.params);
  return result.rows.map((row) => row["QUERY PLAN"] as string).join("\n");
}

function percentile(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

type Row = {
  size: string;
  observations: number;
  filter: string;
  path: string;
  summaryRows: number;
  inFilter: number;
  app50: number;
  app95: number;
  summary50: number;
  summaryForm: string;
  raw50: number;
};
const results: Row[] = [];
const plans: string[] = [];
let peakHeap = 0;

for (const { label, target } of sizes) {
  const { workspaceId, mapId, observations } = await ensureBenchMap(prisma, (sql) => pool.query(sql), { label, target, seed: 3, dataDir: ".data/bench" });
  const ctx: WorkspaceContext = {
    workspaceId,
    workspaceName: `Benchmark ${label}`,
    userId: "bench",
    userName: "Benchmark",
    userEmail: "bench@example.com",
    role: "MANAGER",
  };
  const map = (await getMapForAnalysis(ctx, mapId))!;
  const interviewer = (await prisma.membership.findFirst({ where: { workspaceId, role: "INTERVIEWER" }, orderBy: { userId: "asc" }, select: { userId: true } }))!.userId;
  const firstOptions = await prisma.attributeOption.findMany({
    where: { workspaceId, position: 0 },
    orderBy: { field: { position: "asc" } },
    select: { id: true, value: true },
    take: 2,
  });
  const [option, otherField] = firstOptions as [(typeof firstOptions)[number], (typeof firstOptions)[number]];
  const base = { ...EMPTY_FILTER };
  const quarter = { from: "2026-08-04", to: "2026-11-01" };
  const filters: Filter[] = [
    { name: "none", filter: base },
    { name: "last 90 days, lifecycle ESTABLISHED", filter: { ...base, ...quarter, lifecycle: ["ESTABLISHED"] } },
    { name: "one interviewer", filter: { ...base, interviewer: [interviewer] } },
    { name: `one attribute value (${option.value})`, filter: { ...base, attr: [option.id] } },
    { name: "one interviewer, last 90 days, ESTABLISHED", filter: { ...base, ...quarter, lifecycle: ["ESTABLISHED"], interviewer: [interviewer] } },
    { name: `${option.value}, lifecycle ESTABLISHED`, filter: { ...base, attr: [option.id], lifecycle: ["ESTABLISHED"] } },
    { name: "segment Students, tier LOW, last 90 days", filter: { ...base, ...quarter, segment: ["Students"], tier: ["LOW"] } },
    { name: `${option.value} and ${otherField.value} (two attribute fields)`, filter: { ...base, attr: [option.id, otherField.id] } },
    {
      name: "segment Students, tier LOW, one interviewer",
      filter: { ...base, segment: ["Students"], tier: ["LOW"], interviewer: [interviewer] },
    },
  ];
  for (const { name, filter } of filters) {
    const plan = await planSource(ctx, filter);
    const summaryForms = summaryReferences(workspaceId, mapId, filter);
    const warmupTimes = new Map<SummaryForm, number>(SUMMARY_FORMS.map((form) => [form, Infinity]));
    let summaryForm: SummaryForm = "scan";
    const raw = observationReference(workspaceId, mapId, filter);
    const app: number[] = [];
    const summaryTimes: number[] = [];
    const rawTimes: number[] = [];
    let inFilter = 0;
    let check: Awaited<ReturnType<typeof runReference>> = [];
    for (let run = 0; run < WARMUP + runs; run++) {
      let started = performance.now();
      const matrix = await getMatrix(ctx, map, filter, "data");
      const appMs = performance.now() - started;
      inFilter = matrix.observations;
      if (run < WARMUP) {
        // Time every form of the summary reference; the fastest is the one measured. After the
        // first warm-up run, a form over three times slower than the best is not run again.
        const best = Math.min(...warmupTimes.values());
        for (const form of SUMMARY_FORMS) {
          if (run > 0 && warmupTimes.get(form)! > 3 * best) continue;
          started = performance.now();
          check = await runReference(summaryForms[form]);
          warmupTimes.set(form, Math.min(warmupTimes.get(form)!, performance.now() - started));
        }
        summaryForm = SUMMARY_FORMS.reduce((best, form) => (warmupTimes.get(form)! < warmupTimes.get(best)! ? form : best));
      }
      started = performance.now();
      check = await runReference(summaryForms[summaryForm]);
      const summaryMs = performance.now() - started;
      // The observations reference is warmed once (its first run, which also checks the answer):
      // at 10M observations each of its runs reads gigabytes, and a second warm-up run of it
      // would add minutes per filter and change nothing it measures.
      if (run > 0 && run < WARMUP) continue;
      started = performance.now();
      const rawRows = await runReference(raw);
      const rawMs = performance.now() - started;
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
      if (run === 0) {
        // The three compute the same statistics: a benchmark of different answers measures nothing.
        const total = (rows: typeof check) => rows.reduce((sum, row) => sum + Number(row.n) * 1e6 + Number(row.interviews), 0);
        if (total(check) !== total(rawRows) || total(check) !== matrix.points.reduce((sum, point) => sum + point.n * 1e6 + point.interviews, 0)) {
          throw new Error(`bench: the references disagree with the app for ${label} / ${name}`);
        }
      }
      if (run >= WARMUP) {
        app.push(appMs);
        summaryTimes.push(summaryMs);
        rawTimes.push(rawMs);
      }
    }
    const summaryRows = Number(
      (await pool.query(`SELECT count(*) FROM analysis_touchpoints s WHERE ${summaryWhere(filter, [workspaceId, mapId])}`, summaryForms.scan[1]!.params)).rows[0].count,
    );
    const row: Row = {
      size: label,
      observations,
      filter: name,
      path: plan.rollup ? `rollup (${plan.rollup.dim})` : "summary rows",
      summaryRows,
      inFilter,
      app50: percentile(app, 0.5),
      app95: percentile(app, 0.95),
      summary50: percentile(summaryTimes, 0.5),
      summaryForm,
      raw50: percentile(rawTimes, 0.5),
    };
    results.push(row);
    console.log(
      `bench: ${label} ${name} [${row.path}]: app p50 ${row.app50.toFixed(1)} ms, summary SQL ${row.summary50.toFixed(1)} ms, observations SQL ${row.raw50.toFixed(1)} ms`,
    );
    if (label === sizes.at(-1)!.label && (name === "none" || name === "one interviewer" || name.includes(", lifecycle ESTABLISHED") || name === "segment Students, tier LOW, one interviewer")) {
      plans.push(`#### ${label}, ${name}: observations SQL\n\n\`\`\`\n${raw[1]!.text.replace(/\n\s+/g, "\n  ")}\n\`\`\`\n\n\`\`\`\n${await explain(raw[1]!)}\n\`\`\``);
      plans.push(`#### ${label}, ${name}: summary SQL (${summaryForm})\n\n\`\`\`\n${summaryForms[summaryForm][1]!.text}\n\`\`\`\n\n\`\`\`\n${await explain(summaryForms[summaryForm][1]!)}\n\`\`\``);
    }
  }
}

const version = (await pool.query("SHOW server_version")).rows[0].server_version as string;
const sizesRows = await pool.query(
  `SELECT (SELECT count(*) FROM analysis_touchpoints)::int AS summary, (SELECT count(*) FROM analysis_day_touchpoints)::int AS rollup,
     (SELECT count(*) FROM observations)::int AS observations`,
);
// p50 under 100 ms at 1M observations and 300 ms at 10M (and below), and within 1.2x of the summary SQL.
const overTarget = results.filter(
  (row) => row.app50 > (row.observations > 2_000_000 ? 300 : 100) || row.app50 > 1.2 * row.summary50,
);
const body = [
  "What the matrix page waits for (`getMatrix` in `lib/data/analysis.ts`: the touchpoint list, N, and each touchpoint's",
  "sufficient statistics, from the per-day rollups when the filter restricts at most two interview dimensions (a single",
  "dimension's rollup, or a pair's), otherwise from the summaries of the interviews in the filter, each row carrying its",
  "touchpoints' statistics as arrays; figures computed by `lib/analysis`), against two references computing",
  "the same statistics over the same rows, run alternately in the same process against the same database after warm-up:",
  "",
  "- **summary SQL**: plain SQL summing the summaries (`analysis_touchpoints`, or the arrays on `analysis_interviews`;",
  "  N from `analysis_interviews`), the fastest in warm-up of three forms: a scan of the touchpoint rows with plain",
  "  predicates; the interviews in the filter and then each one's touchpoint rows through the primary key (\"per",
  "  interview\"); the interviews in the filter found through the tags index, unnested from their arrays (\"interview arrays\");",
  "- **observations SQL**: the fastest plain SQL found for `observations`: the filtered interviews, then per",
  "  interview its observations grouped by touchpoint through the primary key (a LATERAL join), then summed per touchpoint,",
  "  so reach needs no `count(DISTINCT ...)` (which sorts every row, and spilled to disk at 1M). Its plans are below.",
  "",
  "Reproduce with `npm run bench:analysis -- --write` (options: `--sizes 100k,1m,10m --runs 15`). Data: the demo generator",
  "(`prisma/seed/generate-interviews.ts`) over 365 days, about 20 observations per interview, 20,000 respondents, 8",
  "interviewers, one workspace per size in one database; the summary rows lie as submissions write them (by day, each",
  "interview's rows together).",
  "",
  `Run on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? "unknown CPU"}),`,
  `${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, PostgreSQL ${version}`,
  `(${url === process.env.BENCH_DATABASE_URL ? "given database" : `embedded, ${PG_FLAGS.filter((flag) => flag !== "-c").join(", ")}`}),`,
  `${runs} measured runs after ${WARMUP} warm-up runs (one for the observations SQL and for summary forms over three times`,
  `slower than the best); peak Node heap ${(peakHeap / 2 ** 20).toFixed(0)} MiB. Rows in the database`,
  `(all sizes together): ${sizesRows.rows[0].observations.toLocaleString("en")} observations, ${sizesRows.rows[0].summary.toLocaleString("en")} summary rows,`,
  `${sizesRows.rows[0].rollup.toLocaleString("en")} rollup rows.`,
  "",
  "| observations | filter | read from | summary rows kept | observations kept | app p50 (ms) | app p95 (ms) | summary SQL p50 (ms) | summary SQL form | observations SQL p50 (ms) | app / summary SQL | app / observations SQL |",
  "|---:|---|---|---:|---:|---:|---:|---:|---|---:|---:|---:|",
  ...results.map(
    (row) =>
      `| ${row.observations.toLocaleString("en")} | ${row.filter} | ${row.path} | ${row.summaryRows.toLocaleString("en")} | ${row.inFilter.toLocaleString("en")} | ${row.app50.toFixed(1)} | ${row.app95.toFixed(1)} | ${row.summary50.toFixed(1)} | ${row.summaryForm} | ${row.raw50.toFixed(1)} | ${(row.app50 / row.summary50).toFixed(2)} | ${(row.app50 / row.raw50).toFixed(2)} |`,
  ),
  "",
  "Targets: p50 under 100 ms at 1M observations and under 300 ms at 10M under every filter, and within 1.2x of the",
  "summary SQL; a filtered view's time grows with the rows it keeps, not with the map.",
  "",
  overTarget.length === 0
    ? "Every row meets the targets."
    : `Rows over a target: ${overTarget.map((row) => `${row.size} / ${row.filter} (${row.app50.toFixed(1)} ms, ${(row.app50 / row.summary50).toFixed(2)}x the summary SQL)`).join("; ")}.`,
  "",
  "### Plans of the references (largest size)",
  "",
  ...plans.flatMap((plan) => [plan, ""]),
];
if (write) {
  replaceSection("docs/benchmarks.md", "## Priority matrix data path", body);
  console.log("bench: wrote docs/benchmarks.md");
}

await prisma.$disconnect();
await pool.end();
const { db } = await import("../../lib/db");
await db.$disconnect();
await embedded?.stop();
