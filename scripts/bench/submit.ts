// `npm run bench:submit [-- --clients 20 --seconds 60 --build --write]`
//
// Many interviewers submitting on one map on the same day: N clients, each signed in as its
// own interviewer, submit ~20-observation interviews dated today through the same HTTP
// route the capture screen uses, against a production build, for a bounded time. Reports
// throughput per 10 s window, latency percentiles, errors, and the CPU the Node server and
// PostgreSQL spent per interview; then checks the data: every acknowledged interview stored
// exactly once with all its observations, nothing unacknowledged stored, and the analysis
// summaries and rollups equal to a recomputation from the observations.
//
// Runs its own embedded PostgreSQL (fresh under .data/bench-submit) with the demo data and its
// own server on port 3310, built into .next-bench (`--build` rebuilds it).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, readdirSync, rmSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { randomBytes, randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../lib/generated/prisma/client";
import { migrate } from "../../lib/migrate";
import { hashPassword } from "../../lib/auth/password";
import { startEmbeddedDb } from "../lib/embedded-db";
import { DEMO_MAP_ID, DEMO_WORKSPACE_ID, seedDemo } from "../../prisma/seed/demo";
import { findRollupMismatches } from "../../lib/data/analysis-verify";
import { replaceSection } from "./report";

const { values: options } = parseArgs({
  options: {
    clients: { type: "string", default: "20" },
    seconds: { type: "string", default: "60" },
    build: { type: "boolean", default: false },
    write: { type: "boolean", default: false },
    // Also list the statements PostgreSQL spent most time on (pg_stat_statements).
    statements: { type: "boolean", default: false },
    // Write a CPU profile of the server to .data/bench-submit/profile (open it in Chrome's DevTools).
    profile: { type: "boolean", default: false },
  },
});
const CLIENTS = Number(options.clients);
const SECONDS = Number(options.seconds);
const WINDOW_MS = 10_000;
const WARMUP_SECONDS = 20;
const PORT = 3310;
const BASE = `http://127.0.0.1:${PORT}`;
const DIST_DIR = ".next-bench";
const DATA_DIR = ".data/bench-submit";
const PASSWORD = "bench-submit-password";
const PG_FLAGS = [
  "-c",
  "shared_buffers=512MB",
  "-c",
  "max_connections=200",
  ...(options.statements ? ["-c", "shared_preload_libraries=pg_stat_statements", "-c", "pg_stat_statements.track=all"] : []),
];
const TICKS_PER_SECOND = Number(spawnSync("getconf", ["CLK_TCK"]).stdout.toString().trim() || 100);

function log(message: string) {
  console.log(`bench:submit: ${message}`);
}

// CPU of a process and its descendants, from /proc (user + system time, in seconds).
function processTreeCpu(rootPid: number): number {
  const parents = new Map<number, number>();
  const cpu = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parents.set(Number(entry), Number(fields[1]));
      cpu.set(Number(entry), (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  for (const [pid, seconds] of cpu) {
    let current: number | undefined = pid;
    while (current && current !== rootPid && current !== 1) current = parents.get(current);
    if (current === rootPid) total += seconds;
  }
  return total;
}

function percentile(sorted: number[], p: number) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! : NaN;
}

// The database, fresh, with the demo workspace and one interviewer account per client.
rmSync(DATA_DIR, { recursive: true, force: true });
const embedded = await startEmbeddedDb({ dir: `${DATA_DIR}/pg`, port: 54391, database: "cxmap_bench_submit", postgresFlags: PG_FLAGS });
await migrate(embedded.url);
const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: embedded.url }) });
await seedDemo(prisma);
const passwordHash = await hashPassword(PASSWORD);
const interviewers: { email: string }[] = [];
for (let index = 0; index < CLIENTS; index++) {
  const email = `bench-interviewer-${index}@example.com`;
  const user = await prisma.user.create({ data: { email, name: `Bench interviewer ${index}`, passwordHash } });
  await prisma.membership.create({ data: { workspaceId: DEMO_WORKSPACE_ID, userId: user.id, role: "INTERVIEWER" } });
  interviewers.push({ email });
}
const touchpoints = await prisma.touchpoint.findMany({
  where: { mapId: DEMO_MAP_ID, archivedAt: null },
  orderBy: [{ stage: { position: "asc" } }, { channel: { position: "asc" } }, { position: "asc" }],
  select: { id: true, expectations: { where: { archivedAt: null, kind: "LISTED" }, select: { id: true } } },
});
const respondentIds = (await prisma.respondent.findMany({ where: { workspaceId: DEMO_WORKSPACE_ID }, select: { id: true } })).map(
  (row) => row.id,
);
const postmasterPid = Number(readFileSync(path.join(DATA_DIR, "pg", "postmaster.pid"), "utf8").split("\n")[0]);

// The server: a production build of its own, so a developer's .next is left alone.
if (options.build || !existsSync(path.join(DIST_DIR, "BUILD_ID"))) {
  log(`building into ${DIST_DIR}...`);
  const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, CXMAP_DIST_DIR: DIST_DIR } });
  if (build.status !== 0) throw new Error("next build failed");
}
const profileArgs = options.profile ? ["--cpu-prof", `--cpu-prof-dir=${DATA_DIR}/profile`] : [];
const server: ChildProcess = spawn(process.execPath, [...profileArgs, "node_modules/next/dist/bin/next", "start", "-p", String(PORT)], {
  stdio: ["ignore", "ignore", "inherit"],
  env: {
    ...process.env,
    NODE_ENV: "production",
    CXMAP_DIST_DIR: DIST_DIR,
    DATABASE_URL: embedded.url,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
    NEXTAUTH_URL: BASE,
    NEXT_TELEMETRY_DISABLED: "1",
  },
});
for (let attempt = 0; ; attempt++) {
  try {
    if ((await fetch(`${BASE}/sign-in`)).ok) break;
  } catch {
    // Not listening yet.
  }
  if (attempt > 120) throw new Error("the server did not start");
  await new Promise((resolve) => setTimeout(resolve, 500));
}

/** Signs in through next-auth's credentials flow; returns the Cookie header of the session. */
async function signIn(email: string): Promise<string> {
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const [name, ...rest] = pair!.split("=");
      jar.set(name!, rest.join("="));
    }
  };
  keep(csrf);
  const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const response = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password: PASSWORD, callbackUrl: BASE, json: "true" }),
  });
  keep(response);
  if (![...jar.keys()].some((name) => name.includes("session-token"))) throw new Error(`sign-in failed for ${email}: ${response.status}`);
  return cookie();
}

const today = new Date().toISOString().slice(0, 10);
let counter = 0;
/** About 20 observations: 8 touchpoints encountered with all their listed expectations, the rest not. */
function interview() {
  counter += 1;
  const start = counter % touchpoints.length;
  const encountered = new Set(Array.from({ length: 8 }, (_, index) => (start + index * 2) % touchpoints.length));
  return {
    id: randomUUID(),
    mapId: DEMO_MAP_ID,
    respondent: { kind: "existing", respondentId: respondentIds[counter % respondentIds.length]!, code: "" },
    conductedOn: today,
    mode: "IN_PERSON",
    answers: touchpoints.map((touchpoint, index) => ({
      touchpointId: touchpoint.id,
      skipped: !encountered.has(index),
      ratings: encountered.has(index)
        ? touchpoint.expectations.map((expectation, position) => ({
            expectationId: expectation.id,
            outcome: (["MET", "MISSED", "EXCEEDED", "MET"] as const)[(counter + position) % 4],
            importance: 1 + ((counter + index + position) % 5),
            feeling: position === 0 ? "LIKE_A_LOT" : null,
            comment: "",
          }))
        : [],
      volunteered: [],
    })),
    overallFeeling: "LIKE_A_LOT",
    notes: "",
  };
}

const cookies = await Promise.all(interviewers.map((user) => signIn(user.email)));
// Plain node:http with keep-alive: the load generator shares the machine's two cores with
// the server and the database, so it should spend as little of them as it can.
const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
function post(path: string, cookie: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${BASE}${path}`,
      {
        method: "POST",
        agent,
        timeout: 30_000,
        headers: { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body), Cookie: cookie },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
        response.on("error", reject);
      },
    );
    request.on("timeout", () => request.destroy(new Error("timed out after 30 s")));
    request.on("error", reject);
    request.end(body);
  });
}

type Outcome = { id: string; observations: number; startedAt: number; ms: number; status: number; acknowledged: boolean; error?: string };

/** Every client submits back to back until the deadline; returns what each request got. */
async function load(seconds: number): Promise<{ outcomes: Outcome[]; began: number }> {
  const outcomes: Outcome[] = [];
  const began = performance.now();
  const deadline = began + seconds * 1000;
  await Promise.all(
    cookies.map(async (cookie) => {
      while (performance.now() < deadline) {
        const body = interview();
        const observations = body.answers.reduce((sum, answer) => sum + answer.ratings.length, 0);
        const startedAt = performance.now();
        try {
          const response = await post(`/api/w/${DEMO_WORKSPACE_ID}/interviews/${body.id}/submission`, cookie, JSON.stringify(body));
          const answer = JSON.parse(response.text) as { alreadySubmitted?: boolean; error?: string };
          outcomes.push({
            id: body.id,
            observations,
            startedAt: startedAt - began,
            ms: performance.now() - startedAt,
            status: response.status,
            acknowledged: response.status === 200 && answer.alreadySubmitted === false,
            error: answer.error,
          });
        } catch (error) {
          outcomes.push({ id: body.id, observations, startedAt: startedAt - began, ms: performance.now() - startedAt, status: 0, acknowledged: false, error: String(error) });
        }
      }
    }),
  );
  return { outcomes, began };
}

// Warm-up: the same load for a while, so the measurement sees a server whose code is compiled
// and whose connections are open, as on any day after the first minute.
log(`${CLIENTS} interviewers signed in; warming up for ${WARMUP_SECONDS} s...`);
await load(WARMUP_SECONDS);
await new Promise((resolve) => setTimeout(resolve, 2000));
// What is stored for today before the measurement (the demo's and the warm-up's interviews).
const storedBefore = new Set(
  (await prisma.interview.findMany({ where: { workspaceId: DEMO_WORKSPACE_ID, conductedOn: new Date(`${today}T00:00:00Z`) }, select: { id: true } })).map(
    (row) => row.id,
  ),
);

if (options.statements) {
  await prisma.$executeRawUnsafe("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
  await prisma.$executeRawUnsafe("SELECT pg_stat_statements_reset()");
}

const nodeCpuBefore = processTreeCpu(server.pid!);
const pgCpuBefore = processTreeCpu(postmasterPid);
const clientCpuBefore = process.cpuUsage();
log(`${CLIENTS} clients submitting for ${SECONDS} s...`);
const { outcomes, began } = await load(SECONDS);
const elapsed = (performance.now() - began) / 1000;
const nodeCpu = processTreeCpu(server.pid!) - nodeCpuBefore;
const pgCpu = processTreeCpu(postmasterPid) - pgCpuBefore;
const clientCpu = process.cpuUsage(clientCpuBefore);

// The checks.
const acknowledged = outcomes.filter((outcome) => outcome.acknowledged);
const failed = outcomes.filter((outcome) => !outcome.acknowledged);
const storedToday = await prisma.interview.findMany({
  where: { workspaceId: DEMO_WORKSPACE_ID, conductedOn: new Date(`${today}T00:00:00Z`), status: "SUBMITTED", id: { notIn: [...storedBefore] } },
  select: { id: true, _count: { select: { observations: true } } },
});
const stored = new Map(storedToday.map((row) => [row.id, row._count.observations]));
const audits = await prisma.auditLog.groupBy({
  by: ["entityId"],
  where: { workspaceId: DEMO_WORKSPACE_ID, action: "interview.submit", entityId: { in: acknowledged.map((outcome) => outcome.id) } },
  _count: true,
});
const lost = acknowledged.filter((outcome) => stored.get(outcome.id) !== outcome.observations).length;
const duplicated = audits.filter((row) => row._count !== 1).length;
const unacknowledgedStored = failed.filter((outcome) => stored.has(outcome.id)).length;
const extraStored = storedToday.length - acknowledged.length;
const mismatches = await findRollupMismatches(prisma, { workspaceId: DEMO_WORKSPACE_ID });

const latencies = acknowledged.map((outcome) => outcome.ms).sort((a, b) => a - b);
const windows: number[] = [];
for (const outcome of acknowledged) {
  const index = Math.floor((outcome.startedAt + outcome.ms) / WINDOW_MS);
  if (index < Math.floor((SECONDS * 1000) / WINDOW_MS)) windows[index] = (windows[index] ?? 0) + 1;
}
const perWindow = windows.map((count) => count / (WINDOW_MS / 1000));
const result = {
  interviews: acknowledged.length,
  throughput: acknowledged.length / elapsed,
  p50: percentile(latencies, 0.5),
  p95: percentile(latencies, 0.95),
  p99: percentile(latencies, 0.99),
  max: latencies.at(-1) ?? NaN,
  errors: failed.length,
  nodeMsPerInterview: (nodeCpu * 1000) / acknowledged.length,
  pgMsPerInterview: (pgCpu * 1000) / acknowledged.length,
  clientMsPerInterview: ((clientCpu.user + clientCpu.system) / 1000) / acknowledged.length,
  observationsPerInterview: acknowledged.reduce((sum, outcome) => sum + outcome.observations, 0) / Math.max(1, acknowledged.length),
};
log(`${result.interviews} interviews acknowledged in ${elapsed.toFixed(1)} s: ${result.throughput.toFixed(1)} interviews/s`);
log(`per 10 s window: ${perWindow.map((rate) => rate.toFixed(1)).join(", ")} interviews/s`);
log(`latency p50 ${result.p50.toFixed(0)} ms, p95 ${result.p95.toFixed(0)} ms, p99 ${result.p99.toFixed(0)} ms, max ${result.max.toFixed(0)} ms`);
log(`CPU per interview: Node server ${result.nodeMsPerInterview.toFixed(2)} ms, PostgreSQL ${result.pgMsPerInterview.toFixed(2)} ms (load generator ${result.clientMsPerInterview.toFixed(2)} ms)`);
log(`errors ${failed.length}; lost ${lost}; duplicated ${duplicated}; unacknowledged but stored ${unacknowledgedStored}; stored without acknowledgement ${Math.max(0, extraStored)}`);
log(mismatches.length === 0 ? "rollups equal a recomputation" : `ROLLUPS DIFFER: ${JSON.stringify(mismatches)}`);
for (const outcome of failed.slice(0, 5)) log(`  failed: ${outcome.status} ${outcome.error ?? ""}`);

if (options.statements) {
  const tables = await prisma.$queryRawUnsafe<{ relname: string; n_live_tup: number; n_dead_tup: number; autovacuum_count: number; autoanalyze_count: number }[]>(
    `SELECT relname, n_live_tup::int, n_dead_tup::int, autovacuum_count::int, autoanalyze_count::int FROM pg_stat_user_tables
     WHERE n_tup_ins + n_tup_upd + n_tup_del > 1000 ORDER BY relname`,
  );
  for (const row of tables) log(`  ${row.relname}: live ${row.n_live_tup}, dead ${row.n_dead_tup}, autovacuums ${row.autovacuum_count}, autoanalyzes ${row.autoanalyze_count}`);
  const [checkpoints] = await prisma.$queryRawUnsafe<{ timed: number; requested: number }[]>(
    "SELECT num_timed::int AS timed, num_requested::int AS requested FROM pg_stat_checkpointer",
  );
  log(`  checkpoints: ${checkpoints?.timed} timed, ${checkpoints?.requested} requested`);
  const top = await prisma.$queryRawUnsafe<{ calls: number; ms: number; plan_ms: number; query: string }[]>(
    `SELECT calls::int, round((total_exec_time / greatest(calls, 1))::numeric, 3)::float8 AS ms,
       round((total_plan_time / greatest(calls, 1))::numeric, 3)::float8 AS plan_ms, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) AS query
     FROM pg_stat_statements ORDER BY total_exec_time + total_plan_time DESC LIMIT 25`,
  );
  for (const row of top) log(`  ${String(row.calls).padStart(6)} calls ${row.ms.toFixed(3).padStart(8)} ms exec ${row.plan_ms.toFixed(3).padStart(7)} ms plan  ${row.query}`);
}

if (options.write) {
  const version = embedded.url ? ((await prisma.$queryRaw<{ v: string }[]>`SELECT current_setting('server_version') AS v`)[0]?.v ?? "") : "";
  replaceSection("docs/benchmarks.md", "## Interview submission under concurrency", [
    `${CLIENTS} clients, each signed in as its own interviewer, submit interviews of ${result.observationsPerInterview.toFixed(1)}`,
    "observations on the demo map, all dated today, through `POST /api/w/<workspace>/interviews/<id>/submission` (the route the",
    `capture screen uses) of a production build, back to back for ${SECONDS} s. The load generator runs in the same machine.`,
    "",
    `Reproduce with \`npm run bench:submit -- --clients ${CLIENTS} --seconds ${SECONDS} --write\`.`,
    `Run on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? "unknown CPU"}), Node ${process.version},`,
    `PostgreSQL ${version} (embedded, ${PG_FLAGS.filter((flag) => flag !== "-c").join(", ")}, synchronous_commit on).`,
    "",
    "| measure | result | target |",
    "|---|---:|---:|",
    `| interviews acknowledged | ${result.interviews} | |`,
    `| throughput (interviews/s) | ${result.throughput.toFixed(1)} | ≥ 100 |`,
    `| throughput per 10 s window | ${perWindow.map((rate) => rate.toFixed(0)).join(", ")} | flat |`,
    `| latency p50 / p95 / p99 / max (ms) | ${result.p50.toFixed(0)} / ${result.p95.toFixed(0)} / ${result.p99.toFixed(0)} / ${result.max.toFixed(0)} | p99 < 300 |`,
    `| errors | ${failed.length} | 0 |`,
    `| lost / duplicated / stored without acknowledgement | ${lost} / ${duplicated} / ${Math.max(0, extraStored) + unacknowledgedStored} | 0 / 0 / 0 |`,
    `| Node server CPU per interview (ms) | ${result.nodeMsPerInterview.toFixed(2)} | < 5 |`,
    `| PostgreSQL CPU per interview (ms) | ${result.pgMsPerInterview.toFixed(2)} | |`,
    `| load generator CPU per interview (ms) | ${result.clientMsPerInterview.toFixed(2)} | |`,
    `| analysis summaries and rollups equal a recomputation | ${mismatches.length === 0 ? "yes" : "NO"} | yes |`,
    "",
    "On this machine the server, PostgreSQL and the load generator share two cores, so throughput is bounded by",
    "the CPU per interview (the sum of the three rows above). Next.js's own handling of a request is part of the",
    "Node figure: a route that answers 401 without touching the database costs about 1.9 ms of server CPU",
    "(535 requests/s on one core, measured on the same build).",
  ]);
  log("wrote docs/benchmarks.md");
}

server.kill(options.profile ? "SIGINT" : "SIGTERM");
if (options.profile) await new Promise((resolve) => server.once("exit", resolve));
await prisma.$disconnect();
await embedded.stop();
process.exit(failed.length > 0 || lost > 0 || mismatches.length > 0 ? 1 : 0);
