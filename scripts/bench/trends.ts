// `npm run bench:trends [-- --sizes 1m --runs 15 --port 54389 --write]`
//
// The trends view and the journey's feelings on the maps of `npm run bench:analysis` (the same
// workspaces `bench-<size>` in the same database: whichever runs first generates a size, the other
// reuses it). For each size, measures in one process after warm-up:
// - getTrends, the exact function the trends page calls (the map's line and every touchpoint's,
//   one GROUPING SETS query on the matrix's source), per week and per day, unfiltered and
//   under one filter answered by a rollup;
// - getJourneyFeelings, what the journey page adds for its emotional curve, under the same filters;
// each against the fastest plain SQL computing the same figures from the interviews and their
// observations (the forms timed during warm-up, the fastest measured), run alternately with the
// app, the answers checked equal. Writes the table and the references' plans to
// docs/benchmarks.md with --write.
//
// Uses BENCH_DATABASE_URL when set, else the embedded PostgreSQL under .data/bench.
import { replaceSection } from "./report";
import { interviewWhere, measureAgainstReference, planOf, planSection, runQueries, spills, type Query } from "./reference";
import os from "node:os";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../lib/generated/prisma/client";
import { migrate } from "../../lib/migrate";
import { startEmbeddedDb } from "../lib/embedded-db";
import { EMPTY_FILTER, type AnalysisFilter } from "../../lib/schemas/analysis-filter";
import type { WorkspaceContext } from "../../lib/workspace";
import type { JourneyFeelingsView, Trends } from "../../lib/types/analysis-journey";
import { ensureBenchMap } from "./bench-map";

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
const sizes = arg("sizes", "1m").split(",").map((label) => ({ label: label.trim().toLowerCase(), target: parseSize(label) }));
const runs = Number(arg("runs", "15"));
const write = args.includes("--write");
// The embedded database's port (the default is bench:analysis's, so one can reuse the other's data).
const port = Number(arg("port", "54389"));
const WARMUP = 3;
const PG_FLAGS = ["-c", "shared_buffers=1GB", "-c", "work_mem=64MB", "-c", "max_parallel_workers_per_gather=2"];

let url = process.env.BENCH_DATABASE_URL;
const embedded = url ? undefined : await startEmbeddedDb({ dir: ".data/bench/pg", port, database: "cxmap_bench", postgresFlags: PG_FLAGS });
url ??= embedded!.url;
await migrate(url);
// The app's modules read DATABASE_URL when first used; import them only now.
process.env.DATABASE_URL = url;
const { getMapForAnalysis } = await import("../../lib/data/analysis");
const { getTrends } = await import("../../lib/data/analysis-trends");
const { getJourneyFeelings } = await import("../../lib/data/analysis-feelings");
const { planSource } = await import("../../lib/data/analysis-source");
const pool = new pg.Pool({ connectionString: url, max: 4 });
const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });

/** The first day of the bucket that holds `i.conducted_on`, as a date (weeks start on Monday). */
const BUCKET: Record<"week" | "day", string> = {
  week: "i.conducted_on - (extract(isodow FROM i.conducted_on)::int - 1)",
  day: "i.conducted_on",
};

/**
 * The trend's figures straight from the observations, in three forms: "join", the interviews in
 * the filter joined to their observations (the planner picks the join), grouped by grouping
 * sets; "join, map from touchpoints", the same join grouped by bucket and touchpoint only (an
 * aggregate PostgreSQL can run in parallel, which it cannot with grouping sets), the map's
 * buckets summed from those rows; "per interview", each interview's observations grouped by
 * touchpoint through the primary key (LATERAL), then summed.
 * Both return n, missed, exceeded, performance and miss rate per bucket for the map (touchpoint
 * null) and per touchpoint and bucket, with N alongside.
 */
function trendReferences(workspaceId: string, mapId: string, filter: AnalysisFilter, bucket: "week" | "day"): Record<string, Query[]> {
  const params: unknown[] = [workspaceId, mapId];
  const where = interviewWhere(filter, params);
  const count = { text: `SELECT count(*) FROM interviews i WHERE ${where}`, params };
  const figures = (inner: string) => `SELECT d.touchpoint_id, to_char(d.bucket, 'YYYY-MM-DD') AS bucket_start, d.n, d.missed, d.exceeded,
  100.0 * (d.exceeded - d.missed) / d.n AS performance, d.missed::float8 / d.n AS miss_rate
FROM (
${inner}
) d`;
  return {
    join: [
      count,
      {
        text: figures(`  SELECT ${BUCKET[bucket]} AS bucket, o.touchpoint_id, count(*) AS n,
    count(*) FILTER (WHERE o.outcome = 'MISSED') AS missed, count(*) FILTER (WHERE o.outcome = 'EXCEEDED') AS exceeded
  FROM interviews i JOIN observations o ON o.interview_id = i.id
  WHERE ${where}
  GROUP BY GROUPING SETS ((${BUCKET[bucket]}), (${BUCKET[bucket]}, o.touchpoint_id))`),
        params,
      },
    ],
    "join, map from touchpoints": [
      count,
      {
        text: `WITH t AS (
  SELECT ${BUCKET[bucket]} AS bucket, o.touchpoint_id, count(*) AS n,
    count(*) FILTER (WHERE o.outcome = 'MISSED') AS missed, count(*) FILTER (WHERE o.outcome = 'EXCEEDED') AS exceeded
  FROM interviews i JOIN observations o ON o.interview_id = i.id
  WHERE ${where}
  GROUP BY 1, 2
)
${figures(`  SELECT bucket, touchpoint_id, n, missed, exceeded FROM t
  UNION ALL
  SELECT bucket, NULL, sum(n), sum(missed), sum(exceeded) FROM t GROUP BY bucket`)}`,
        params,
      },
    ],
    "per interview": [
      count,
      {
        text: figures(`  SELECT i.bucket, t.touchpoint_id, sum(t.n) AS n, sum(t.missed) AS missed, sum(t.exceeded) AS exceeded
  FROM (SELECT i.id, ${BUCKET[bucket]} AS bucket FROM interviews i WHERE ${where}) i
  CROSS JOIN LATERAL (
    SELECT o.touchpoint_id, count(*) AS n,
      count(*) FILTER (WHERE o.outcome = 'MISSED') AS missed, count(*) FILTER (WHERE o.outcome = 'EXCEEDED') AS exceeded
    FROM observations o WHERE o.interview_id = i.id GROUP BY o.touchpoint_id
  ) t
  GROUP BY GROUPING SETS ((i.bucket), (i.bucket, t.touchpoint_id))`),
        params,
      },
    ],
  };
}

const FEELINGS = ["HATE", "DISLIKE", "EH", "LIKE_A_LOT", "LOVE", "IN_LOVE"] as const;
const FEELING_COUNTS = FEELINGS.map((feeling) => `count(*) FILTER (WHERE o.feeling = '${feeling}') AS "${feeling}"`).join(",\n    ");

/** The six feeling counts per touchpoint from the observations, in the same two forms. */
function feelingReferences(workspaceId: string, mapId: string, filter: AnalysisFilter): Record<string, Query[]> {
  const params: unknown[] = [workspaceId, mapId];
  const where = interviewWhere(filter, params);
  return {
    join: [
      {
        text: `SELECT o.touchpoint_id,
    ${FEELING_COUNTS}
FROM interviews i JOIN observations o ON o.interview_id = i.id
WHERE ${where}
GROUP BY o.touchpoint_id`,
        params,
      },
    ],
    "per interview": [
      {
        text: `SELECT t.touchpoint_id, ${FEELINGS.map((feeling) => `sum(t."${feeling}") AS "${feeling}"`).join(", ")}
FROM (SELECT i.id FROM interviews i WHERE ${where}) i
CROSS JOIN LATERAL (
  SELECT o.touchpoint_id,
    ${FEELING_COUNTS}
  FROM observations o WHERE o.interview_id = i.id GROUP BY o.touchpoint_id
) t
GROUP BY t.touchpoint_id`,
        params,
      },
    ],
  };
}

/**
 * The form whose median over the warm-up runs is lowest among those whose plan does not spill to
 * disk, with that plan (of its last query, the figures); every form's answer is checked first.
 */
async function fastest(forms: Record<string, Query[]>, check: (results: pg.QueryResult[]) => void) {
  let best: { form: string; ms: number; plan: string } | undefined;
  for (const [form, queries] of Object.entries(forms)) {
    const times: number[] = [];
    for (let i = 0; i < WARMUP; i++) {
      const started = performance.now();
      const results = await runQueries(pool, queries);
      times.push(performance.now() - started);
      if (i === 0) check(results);
    }
    const plan = await planOf(pool, queries[queries.length - 1]!);
    if (spills(plan)) {
      console.log(`bench:   the ${form} form spills to disk; left out`);
      continue;
    }
    const ms = times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
    if (!best || ms < best.ms) best = { form, ms, plan };
  }
  if (!best) throw new Error("bench: every reference form spills to disk");
  return best;
}

const fail = (message: string) => {
  throw new Error(`bench: the reference disagrees with the app: ${message}`);
};
const close = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) < 1e-9);

type TrendRow = { touchpoint_id: string | null; bucket_start: string; n: string; missed: string; exceeded: string; performance: string; miss_rate: number };

/** Every point of the app's trends (the map's and each touchpoint's) equals the reference's row, and no row is left over. */
function checkTrends(trends: Trends, [count, figures]: pg.QueryResult[]) {
  if (Number(count!.rows[0].count) !== trends.interviews) fail(`N ${trends.interviews} against ${count!.rows[0].count}`);
  const rows = new Map((figures!.rows as TrendRow[]).map((row) => [`${row.touchpoint_id ?? "map"} ${row.bucket_start}`, row]));
  const series = [{ key: "map", points: trends.map }, ...trends.touchpoints.map((touchpoint) => ({ key: touchpoint.id, points: touchpoint.points }))];
  let compared = 0;
  for (const { key, points } of series) {
    for (const point of points) {
      const row = rows.get(`${key} ${point.bucketStart}`);
      if (!row) fail(`no reference row for ${key} on ${point.bucketStart}`);
      if (Number(row!.n) !== point.n || Number(row!.missed) !== point.missed || Number(row!.exceeded) !== point.exceeded) {
        fail(`${key} on ${point.bucketStart}: n/missed/exceeded ${point.n}/${point.missed}/${point.exceeded} against ${row!.n}/${row!.missed}/${row!.exceeded}`);
      }
      if (!close(point.performance, Number(row!.performance)) || !close(point.missRate, row!.miss_rate)) {
        fail(`${key} on ${point.bucketStart}: performance ${point.performance} and miss rate ${point.missRate} against ${row!.performance} and ${row!.miss_rate}`);
      }
      compared++;
    }
  }
  if (compared !== rows.size) fail(`${compared} points in the app, ${rows.size} rows in the reference`);
}

/** Every touchpoint's six counts equal the reference's, and the reference has no other touchpoint with feelings. */
function checkFeelings(feelings: JourneyFeelingsView, [figures]: pg.QueryResult[]) {
  const rows = new Map(figures!.rows.map((row: Record<string, string>) => [row.touchpoint_id, row]));
  for (const point of feelings.points) {
    for (const feeling of FEELINGS) {
      const expected = Number(rows.get(point.id)?.[feeling] ?? 0);
      if ((point.counts[feeling] ?? 0) !== expected) fail(`${point.name}, ${feeling}: ${point.counts[feeling]} against ${expected}`);
    }
    rows.delete(point.id);
  }
  for (const [id, row] of rows) {
    if (FEELINGS.some((feeling) => Number(row[feeling]) > 0)) fail(`touchpoint ${id} has feelings in the reference only`);
  }
}

type Row = { observations: number; view: string; filter: string; path: string; points: number; app50: number; app95: number; reference50: number; form: string };
const results: Row[] = [];
const plans: string[] = [];

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
  const filters: { name: string; filter: AnalysisFilter }[] = [
    { name: "none", filter: EMPTY_FILTER },
    { name: "last 90 days, lifecycle ESTABLISHED", filter: { ...EMPTY_FILTER, from: "2026-08-04", to: "2026-11-01", lifecycle: ["ESTABLISHED"] } },
  ];
  const last = label === sizes[sizes.length - 1]!.label;
  for (const { name, filter } of filters) {
    const plan = await planSource(ctx, filter);
    const path = plan.rollup ? `rollup (${plan.rollup.dim})` : "summary rows";
    for (const bucket of ["week", "day"] as const) {
      const forms = trendReferences(workspaceId, mapId, filter, bucket);
      const trends = await getTrends(ctx, map, filter, bucket);
      const { form, plan: formPlan } = await fastest(forms, (results) => checkTrends(trends, results));
      const points = trends.map.length + trends.touchpoints.reduce((sum, touchpoint) => sum + touchpoint.points.length, 0);
      const time = await measureAgainstReference(
        { warmup: WARMUP, runs },
        () => getTrends(ctx, map, filter, bucket),
        () => runQueries(pool, forms[form]!),
        checkTrends,
      );
      results.push({ observations, view: `trends per ${bucket}`, filter: name, path, points, form, ...time });
      console.log(`bench: ${label} trends per ${bucket}, ${name}: app p50 ${time.app50.toFixed(1)} ms, p95 ${time.app95.toFixed(1)} ms; SQL (${form}) p50 ${time.reference50.toFixed(1)} ms (${points} points)`);
      if (last) plans.push(planSection(`${label}, trends per ${bucket}, ${name === "none" ? "no filter" : name}: observations SQL (${form})`, forms[form]![1]!, formPlan));
    }
    const forms = feelingReferences(workspaceId, mapId, filter);
    const feelings = await getJourneyFeelings(ctx, map, filter);
    const { form, plan: formPlan } = await fastest(forms, (results) => checkFeelings(feelings, results));
    const time = await measureAgainstReference(
      { warmup: WARMUP, runs },
      () => getJourneyFeelings(ctx, map, filter),
      () => runQueries(pool, forms[form]!),
      checkFeelings,
    );
    results.push({ observations, view: "journey feelings", filter: name, path, points: feelings.points.length, form, ...time });
    console.log(`bench: ${label} journey feelings, ${name}: app p50 ${time.app50.toFixed(1)} ms, p95 ${time.app95.toFixed(1)} ms; SQL (${form}) p50 ${time.reference50.toFixed(1)} ms`);
    if (last) plans.push(planSection(`${label}, journey feelings, ${name === "none" ? "no filter" : name}: observations SQL (${form})`, forms[form]![0]!, formPlan));
  }
}

const version = (await pool.query("SHOW server_version")).rows[0].server_version as string;
const body = [
  "What the trends page waits for (`getTrends` in `lib/data/analysis-trends.ts`: the touchpoint list, N, and n, missed and",
  "exceeded per bucket for the map and for each touchpoint in one `GROUPING SETS` query on the matrix's source) and what",
  "the journey page adds for the emotional curve (`getJourneyFeelings`: the six feeling counts per touchpoint), on the",
  "maps of `npm run bench:analysis` (the demo generator over 365 days). \"points\" is the number of points drawn: the",
  "map's buckets and every touchpoint's, or the touchpoints of the curve.",
  "",
  "Each is timed against the fastest plain SQL computing the same figures from the interviews and their observations",
  "(N, and n, missed, exceeded, performance and miss rate per bucket for the map and per touchpoint; or the six feeling",
  "counts per touchpoint), run alternately with the app after warm-up in the same process and database. Several forms",
  "are timed during warm-up and the fastest is measured: \"join\", the filtered interviews joined to their observations",
  "with the plan left to the planner; \"join, map from touchpoints\", the same grouped by bucket and touchpoint only",
  "(which PostgreSQL can aggregate in parallel, unlike grouping sets), the map's buckets summed from those rows; and",
  "\"per interview\", each filtered interview's observations grouped by touchpoint through the primary key. The",
  "benchmark stops if any figure of the reference differs from the app's, or if a reference's plan spills to disk.",
  "",
  "Reproduce with `npm run bench:trends -- --write` (options: `--sizes 1m,10m --runs 15 --port 54389`); the data is",
  "generated on the first run, or reused from `bench:analysis`.",
  "",
  `Run on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? "unknown CPU"}),`,
  `Node ${process.version}, PostgreSQL ${version}, ${runs} measured runs after ${WARMUP} warm-up runs, on a machine shared with other work.`,
  "",
  "| observations | view | filter | read from | points | app p50 (ms) | app p95 (ms) | observations SQL p50 (ms) | app / SQL | SQL form |",
  "|---:|---|---|---|---:|---:|---:|---:|---:|---|",
  ...results.map(
    (row) =>
      `| ${row.observations.toLocaleString("en")} | ${row.view} | ${row.filter} | ${row.path} | ${row.points.toLocaleString("en")} | ${row.app50.toFixed(1)} | ${row.app95.toFixed(1)} | ${row.reference50.toFixed(1)} | ${(row.app50 / row.reference50).toFixed(2)} | ${row.form} |`,
  ),
  "",
  "### Plans of the references",
  "",
  ...plans.flatMap((plan) => [plan, ""]),
];
if (write) {
  replaceSection("docs/benchmarks.md", "## Trends and feelings", body);
  console.log("bench: wrote docs/benchmarks.md");
}

await prisma.$disconnect();
await pool.end();
const { db } = await import("../../lib/db");
await db.$disconnect();
await embedded?.stop();
