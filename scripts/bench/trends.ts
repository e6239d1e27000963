// `npm run bench:trends [-- --sizes 1m --runs 15 --write]`
//
// The trends view and the journey's feelings on the maps of `npm run bench:analysis` (the same
// workspaces `bench-<size>` in the same database: whichever runs first generates a size, the other
// reuses it). For each size, measures in one process after warm-up:
// - getTrends, the exact function the trends page calls (the map's line and every touchpoint's,
//   one GROUPING SETS query on the matrix's source), per week and per day, unfiltered and
//   under one filter answered by a rollup;
// - getJourneyFeelings, what the journey page adds for its emotional curve, under the same filters.
// Writes the table to docs/benchmarks.md with --write.
//
// Uses BENCH_DATABASE_URL when set, else the embedded PostgreSQL under .data/bench.
import { replaceSection } from "./report";
import os from "node:os";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../lib/generated/prisma/client";
import { migrate } from "../../lib/migrate";
import { writeDemoMap, writeDemoRespondents } from "../../prisma/seed/demo";
import { generateInterviews } from "../../prisma/seed/generate-interviews";
import { Random } from "../../prisma/seed/random";
import { startEmbeddedDb } from "../lib/embedded-db";
import { EMPTY_FILTER, type AnalysisFilter } from "../../lib/schemas/analysis-filter";
import type { WorkspaceContext } from "../../lib/workspace";
import type { TrendBucket } from "../../lib/types/analysis-journey";

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
const WARMUP = 3;
const OBSERVATIONS_PER_INTERVIEW = 20.3; // the demo generator's average
const TODAY = new Date(Date.UTC(2026, 10, 1));
const PG_FLAGS = ["-c", "shared_buffers=1GB", "-c", "work_mem=64MB", "-c", "max_parallel_workers_per_gather=2"];

let url = process.env.BENCH_DATABASE_URL;
const embedded = url ? undefined : await startEmbeddedDb({ dir: ".data/bench/pg", port: 54389, database: "cxmap_bench", postgresFlags: PG_FLAGS });
url ??= embedded!.url;
await migrate(url);
// The app's modules read DATABASE_URL when first used; import them only now.
process.env.DATABASE_URL = url;
const { getMapForAnalysis } = await import("../../lib/data/analysis");
const { getTrends } = await import("../../lib/data/analysis-trends");
const { getJourneyFeelings } = await import("../../lib/data/analysis-feelings");
const { planSource } = await import("../../lib/data/analysis-source");
const pool = new pg.Pool({ connectionString: url, max: 2 });
const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });

/** The map of about `target` observations, generated as bench:analysis generates it when missing. */
async function ensureWorkspace(label: string, target: number) {
  const workspaceId = `bench-${label}`;
  const mapId = `bench-map-${label}`;
  const existing = await prisma.observation.count({ where: { workspaceId } });
  if (existing >= target * 0.9) return { workspaceId, mapId, observations: existing };
  if (await prisma.workspace.findUnique({ where: { id: workspaceId } })) {
    throw new Error(`Workspace ${workspaceId} is incomplete: delete .data/bench and run again.`);
  }
  console.log(`bench: generating about ${label} observations...`);
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
  });
  for (const table of ["interviews", "observations", "respondents", "respondent_attributes", "analysis_interviews", "analysis_touchpoints", "analysis_day_interviews", "analysis_day_touchpoints"]) {
    await pool.query(`VACUUM ANALYZE ${table}`);
  }
  return { workspaceId, mapId, observations: result.observations };
}

function percentile(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

async function measure(run: () => Promise<unknown>) {
  const times: number[] = [];
  for (let index = 0; index < WARMUP + runs; index++) {
    const started = performance.now();
    await run();
    if (index >= WARMUP) times.push(performance.now() - started);
  }
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
}

type Row = { observations: number; view: string; filter: string; path: string; points: number; p50: number; p95: number };
const results: Row[] = [];

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
  const filters: { name: string; filter: AnalysisFilter }[] = [
    { name: "none", filter: EMPTY_FILTER },
    { name: "last 90 days, lifecycle ESTABLISHED", filter: { ...EMPTY_FILTER, from: "2026-08-04", to: "2026-11-01", lifecycle: ["ESTABLISHED"] } },
  ];
  for (const { name, filter } of filters) {
    const plan = await planSource(ctx, filter);
    const path = plan.rollup ? `rollup (${plan.rollup.dim})` : "summary rows";
    for (const bucket of ["week", "day"] as TrendBucket[]) {
      const trends = await getTrends(ctx, map, filter, bucket);
      const points = trends.map.length + trends.touchpoints.reduce((sum, touchpoint) => sum + touchpoint.points.length, 0);
      const time = await measure(() => getTrends(ctx, map, filter, bucket));
      results.push({ observations, view: `trends per ${bucket}`, filter: name, path, points, ...time });
      console.log(`bench: ${label} trends per ${bucket}, ${name}: p50 ${time.p50.toFixed(1)} ms, p95 ${time.p95.toFixed(1)} ms (${points} points)`);
    }
    const feelings = await getJourneyFeelings(ctx, map, filter);
    const time = await measure(() => getJourneyFeelings(ctx, map, filter));
    results.push({ observations, view: "journey feelings", filter: name, path, points: feelings.points.length, ...time });
    console.log(`bench: ${label} journey feelings, ${name}: p50 ${time.p50.toFixed(1)} ms, p95 ${time.p95.toFixed(1)} ms`);
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
  "Reproduce with `npm run bench:trends -- --write` (options: `--sizes 1m,10m --runs 15`); the data is generated on the",
  "first run, or reused from `bench:analysis`.",
  "",
  `Run on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? "unknown CPU"}),`,
  `Node ${process.version}, PostgreSQL ${version}, ${runs} measured runs after ${WARMUP} warm-up runs.`,
  "",
  "| observations | view | filter | read from | points | p50 (ms) | p95 (ms) |",
  "|---:|---|---|---|---:|---:|---:|",
  ...results.map(
    (row) =>
      `| ${row.observations.toLocaleString("en")} | ${row.view} | ${row.filter} | ${row.path} | ${row.points.toLocaleString("en")} | ${row.p50.toFixed(1)} | ${row.p95.toFixed(1)} |`,
  ),
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
