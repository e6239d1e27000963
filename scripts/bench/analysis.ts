// `npm run bench:analysis [-- --sizes 100k,1m,10m --runs 15]`
//
// Generates maps of the given numbers of observations (with the demo data generator) into
// a separate database, then measures, in the same run, the matrix page's data path
// (getMatrix, the exact function the page calls) against one hand-written SQL GROUP BY over
// the same rows computing the same sufficient statistics, with no filter and with a typical
// filter. Writes the table to docs/benchmarks.md.
//
// Uses BENCH_DATABASE_URL when set, else an embedded PostgreSQL under .data/bench (kept, so
// a second run reuses the generated data).
import { writeFileSync } from "node:fs";
import os from "node:os";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../lib/generated/prisma/client";
import { migrate } from "../../lib/migrate";
import { startEmbeddedDb } from "../lib/embedded-db";
import { writeDemoMap, writeDemoRespondents } from "../../prisma/seed/demo";
import { generateInterviews } from "../../prisma/seed/generate-interviews";
import { Random } from "../../prisma/seed/random";
import { EMPTY_FILTER, type AnalysisFilter } from "../../lib/schemas/analysis-filter";
import type { WorkspaceContext } from "../../lib/workspace";

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
const WARMUP = 3;
const OBSERVATIONS_PER_INTERVIEW = 20.3; // the demo generator's average
const PG_FLAGS = ["-c", "shared_buffers=1GB", "-c", "work_mem=64MB", "-c", "max_parallel_workers_per_gather=2"];
const TODAY = new Date(Date.UTC(2026, 10, 1));

let url = process.env.BENCH_DATABASE_URL;
const embedded = url ? undefined : await startEmbeddedDb({ dir: ".data/bench/pg", port: 54389, database: "cxmap_bench", postgresFlags: PG_FLAGS });
url ??= embedded!.url;
await migrate(url);
// The app's modules read DATABASE_URL when first used; import them only now.
process.env.DATABASE_URL = url;
const { getMapForAnalysis, getMatrix } = await import("../../lib/data/analysis");

const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
const pool = new pg.Pool({ connectionString: url, max: 4 });

const interviewers = new Map<string, string>();
const interviewerOf = (workspaceId: string) => interviewers.get(workspaceId)!;

async function ensureWorkspace(label: string, target: number) {
  const workspaceId = `bench-${label}`;
  const mapId = `bench-map-${label}`;
  const existing = await prisma.observation.count({ where: { workspaceId } });
  if (existing >= target * 0.9) return { workspaceId, mapId, observations: existing };
  if (await prisma.workspace.findUnique({ where: { id: workspaceId } })) {
    throw new Error(`Workspace ${workspaceId} is incomplete: delete .data/bench and run again.`);
  }
  console.log(`bench: generating about ${label} observations...`);
  const started = performance.now();
  await prisma.workspace.create({ data: { id: workspaceId, name: `Benchmark ${label}` } });
  const interviewerIds: string[] = [];
  for (let i = 0; i < 8; i++) {
    const user = await prisma.user.create({
      data: { email: `bench-${label}-${i}@example.com`, name: `Interviewer ${i}`, passwordHash: "not-a-login" },
    });
    await prisma.membership.create({ data: { workspaceId, userId: user.id, role: "INTERVIEWER" } });
    interviewerIds.push(user.id);
  }
  const map = await writeDemoMap(prisma, workspaceId, { id: mapId, name: "In-store purchase" });
  const respondentIds = await writeDemoRespondents(prisma, workspaceId, 20_000, new Random(7));
  let last = 0;
  const result = await generateInterviews(prisma, {
    workspaceId,
    mapId: map.map.id,
    interviewerIds,
    respondentIds,
    count: Math.round(target / OBSERVATIONS_PER_INTERVIEW),
    days: 365,
    today: TODAY,
    seed: 3,
    batchSize: 2000,
    skipForeignKeyChecks: true,
    onBatch: ({ observations }) => {
      if (observations - last >= 500_000) {
        last = observations;
        console.log(`bench:   ${observations.toLocaleString("en")} observations`);
      }
    },
  });
  await pool.query("VACUUM ANALYZE interviews");
  await pool.query("VACUUM ANALYZE observations");
  await pool.query("VACUUM ANALYZE respondents");
  console.log(`bench: ${result.observations.toLocaleString("en")} observations in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return { workspaceId, mapId, observations: result.observations };
}

/** The hand-written reference: one GROUP BY computing the same sufficient statistics. */
async function rawScan(workspaceId: string, mapId: string, filter: AnalysisFilter) {
  const from = filter.from ?? "0001-01-01";
  const to = filter.to ?? "9999-12-31";
  const lifecycle = filter.lifecycle.length ? filter.lifecycle : null;
  const interviewer = filter.interviewer.length ? filter.interviewer : null;
  const result = await pool.query(
    `SELECT o.touchpoint_id,
       count(*) AS n, count(DISTINCT o.interview_id) AS interviews,
       count(*) FILTER (WHERE o.outcome = 'MISSED') AS missed,
       count(*) FILTER (WHERE o.outcome = 'MET') AS met,
       count(*) FILTER (WHERE o.outcome = 'EXCEEDED') AS exceeded,
       sum(o.importance) AS importance_sum, sum(o.importance * o.importance) AS importance_sum_sq,
       sum(o.importance) FILTER (WHERE o.outcome = 'MISSED') AS missed_importance_sum,
       sum(o.importance) FILTER (WHERE o.outcome = 'EXCEEDED') AS exceeded_importance_sum
     FROM observations o JOIN interviews i ON i.id = o.interview_id
     LEFT JOIN respondents r ON r.id = i.respondent_id
     WHERE o.workspace_id = $1 AND o.map_id = $2 AND i.status = 'SUBMITTED'
       AND i.conducted_on BETWEEN $3::date AND $4::date
       AND ($5::text[] IS NULL OR r.lifecycle_stage::text = ANY($5::text[]))
       AND ($6::text[] IS NULL OR i.interviewer_id = ANY($6::text[]))
     GROUP BY o.touchpoint_id`,
    [workspaceId, mapId, from, to, lifecycle, interviewer],
  );
  return result.rowCount;
}

function percentile(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

type Row = { size: string; observations: number; filter: string; inFilter: number; app50: number; app95: number; raw50: number; raw95: number };
const results: Row[] = [];
let peakHeap = 0;

for (const { label, target } of sizes) {
  const { workspaceId, mapId, observations } = await ensureWorkspace(label, target);
  const ctx: WorkspaceContext = {
    workspaceId,
    workspaceName: `Benchmark ${label}`,
    userId: "bench",
    userName: "Benchmark",
    userEmail: "bench@example.com",
    role: "MANAGER",
  };
  const map = (await getMapForAnalysis(ctx, mapId))!;
  const someInterviewer = await prisma.membership.findFirst({ where: { workspaceId, role: "INTERVIEWER" }, select: { userId: true } });
  interviewers.set(workspaceId, someInterviewer!.userId);
  const filters: [string, AnalysisFilter][] = [
    ["none", EMPTY_FILTER],
    ["last 90 days, lifecycle ESTABLISHED", { ...EMPTY_FILTER, from: "2026-08-04", to: "2026-11-01", lifecycle: ["ESTABLISHED"] }],
    // Interviewer and attribute filters are not in the rollups: this one measures the scan path.
    ["one interviewer (no rollup)", { ...EMPTY_FILTER, interviewer: [interviewerOf(workspaceId)] }],
  ];
  for (const [name, filter] of filters) {
    const app: number[] = [];
    const raw: number[] = [];
    let inFilter = 0;
    for (let run = 0; run < WARMUP + runs; run++) {
      let started = performance.now();
      const matrix = await getMatrix(ctx, map, filter, "data");
      const appMs = performance.now() - started;
      inFilter = matrix.observations;
      started = performance.now();
      await rawScan(workspaceId, mapId, filter);
      const rawMs = performance.now() - started;
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
      if (run >= WARMUP) {
        app.push(appMs);
        raw.push(rawMs);
      }
    }
    const row = {
      size: label,
      observations,
      filter: name,
      inFilter,
      app50: percentile(app, 0.5),
      app95: percentile(app, 0.95),
      raw50: percentile(raw, 0.5),
      raw95: percentile(raw, 0.95),
    };
    results.push(row);
    console.log(
      `bench: ${label} ${name}: app p50 ${row.app50.toFixed(0)} ms, raw p50 ${row.raw50.toFixed(0)} ms, ratio ${(row.app50 / row.raw50).toFixed(2)}`,
    );
  }
}

const version = (await pool.query("SHOW server_version")).rows[0].server_version as string;
const lines = [
  "# Benchmarks",
  "",
  "## Priority matrix data path",
  "",
  "What the matrix page waits for (`getMatrix` in `lib/data/analysis.ts`: the touchpoint list, N, and the",
  "per-touchpoint sufficient statistics aggregated in PostgreSQL, turned into figures by `lib/analysis`)",
  "against one hand-written SQL `GROUP BY` computing the same sufficient statistics over the same rows.",
  "Both run alternately in the same process against the same database, after warm-up runs.",
  "",
  "Reproduce with `npm run bench:analysis` (options: `--sizes 100k,1m,10m --runs 15`). Data is generated",
  "by the demo generator (`prisma/seed/generate-interviews.ts`) over 365 days, about 20 observations per",
  "interview, one workspace per size in the same database; the typical filter keeps about a quarter of",
  "the year and one lifecycle stage. No filter and the typical filter are answered from the per-day rollups",
  "(`touchpoint_day_stats`, `map_day_interviews`); a filter by interviewer or respondent attribute is not in",
  "the rollups and scans the observations of the filtered interviews, as the raw query does.",
  "",
  `Run on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? "unknown CPU"}),`,
  `${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, PostgreSQL ${version}`,
  `(${url === process.env.BENCH_DATABASE_URL ? "given database" : `embedded, ${PG_FLAGS.filter((flag) => flag !== "-c").join(", ")}`}),`,
  `${runs} measured runs after ${WARMUP} warm-up runs. Peak Node heap during the measurements: ${(peakHeap / 2 ** 20).toFixed(0)} MiB.`,
  "",
  "| observations | filter | observations in filter | app p50 (ms) | app p95 (ms) | raw p50 (ms) | raw p95 (ms) | app / raw (p50) |",
  "|---:|---|---:|---:|---:|---:|---:|---:|",
  ...results.map(
    (row) =>
      `| ${row.observations.toLocaleString("en")} | ${row.filter} | ${row.inFilter.toLocaleString("en")} | ${row.app50.toFixed(0)} | ${row.app95.toFixed(0)} | ${row.raw50.toFixed(0)} | ${row.raw95.toFixed(0)} | ${(row.app50 / row.raw50).toFixed(2)} |`,
  ),
  "",
  "Targets: app within 1.2x of the raw scan at 1M and 10M observations; p50 under 300 ms at 1M.",
  "",
];
writeFileSync("docs/benchmarks.md", lines.join("\n"));
console.log("bench: wrote docs/benchmarks.md");

await prisma.$disconnect();
await pool.end();
const { db } = await import("../../lib/db");
await db.$disconnect();
await embedded?.stop();
