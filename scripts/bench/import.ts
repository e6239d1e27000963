// `npm run bench:import [-- --rows 1000000 --write]`
//
// A CSV import of observation rows (long layout, ten observations per interview, a new
// respondent per interview) through the import job the app runs (lib/data/import-run.ts): the
// file streamed through csv-parse, every interview checked with the capture schema, all written
// in one transaction, the analysis summaries brought up to date. Reports the wall time, the
// rows per second and the peak resident memory of the importing process (a child process, as
// the server's worker is one process); then, in the
// same run and database, PostgreSQL's own COPY of the same rows (respondents, interviews,
// observations, from files the server reads) into the same tables, with the same summaries
// rebuilt, as the baseline. Checks that the import stored every row and that the summaries
// equal a recomputation.
//
// Runs its own embedded PostgreSQL (fresh under .data/bench-import).
import { spawnSync } from "node:child_process";
import { chmodSync, createWriteStream, mkdirSync, rmSync } from "node:fs";
import { once } from "node:events";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../lib/generated/prisma/client";
import { migrate } from "../../lib/migrate";
import { startEmbeddedDb } from "../lib/embedded-db";
import { createWorkspace, addMember } from "../../tests/factories/workspace";
import { createUser } from "../../tests/factories/user";
import { createChannel, createExpectation, createMap, createStage, createTouchpoint } from "../../tests/factories/map";
import { replaceSection } from "./report";
import { orderedUuid } from "../../lib/ordered-id";

const { values: options } = parseArgs({
  options: {
    rows: { type: "string", default: "1000000" },
    write: { type: "boolean", default: false },
  },
});
const ROWS = Number(options.rows);
const PER_INTERVIEW = 10;
const INTERVIEWS = Math.ceil(ROWS / PER_INTERVIEW);
const DATA_DIR = path.resolve(".data/bench-import");
// COPY reads its files on the server side, as the postgres user: a folder it can read.
const COPY_DIR = path.join(os.tmpdir(), `cxmap-bench-import-${process.pid}`);
const PG_FLAGS = ["-c", "shared_buffers=512MB", "-c", "max_wal_size=4GB"];

function log(message: string) {
  console.log(`bench:import: ${message}`);
}

rmSync(DATA_DIR, { recursive: true, force: true });
mkdirSync(DATA_DIR, { recursive: true });
process.env.CXMAP_IMPORT_DIR = path.join(DATA_DIR, "imports");
process.env.CXMAP_IMPORT_MAX_ROWS = String(ROWS * 2);
const embedded = await startEmbeddedDb({ dir: `${DATA_DIR}/pg`, port: 54393, database: "cxmap_bench_import", fresh: true, postgresFlags: PG_FLAGS });
await migrate(embedded.url);
process.env.DATABASE_URL = embedded.url;
const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: embedded.url }) });
// The app's modules read DATABASE_URL when first used: import them only now.
const { sql } = await import("../../lib/db");
const { uploadPath } = await import("../../lib/data/imports");
const { findRollupMismatches } = await import("../../lib/data/analysis-verify");

// A workspace with an analyst and a map of 10 touchpoints with 5 expectations each.
const workspace = await createWorkspace(prisma, { name: "Bench import" });
const analyst = await createUser(prisma, { name: "Bench analyst" });
await addMember(prisma, { workspaceId: workspace.id, userId: analyst.id, role: "ANALYST" });
async function benchMap(name: string) {
  const map = await createMap(prisma, { workspaceId: workspace.id, name, status: "ACTIVE" });
  const ids = { workspaceId: workspace.id, mapId: map.id };
  const stage = await createStage(prisma, { ...ids, name: "Visit", position: 0 });
  const channel = await createChannel(prisma, { ...ids, name: "Store", position: 0 });
  const touchpoints: { id: string; name: string; expectations: { id: string; text: string }[] }[] = [];
  for (let t = 0; t < 10; t += 1) {
    const touchpoint = await createTouchpoint(prisma, { ...ids, stageId: stage.id, channelId: channel.id, name: `Touchpoint ${t + 1}`, position: t });
    const expectations = [];
    for (let e = 0; e < 5; e += 1) expectations.push(await createExpectation(prisma, { ...ids, touchpointId: touchpoint.id, text: `Expectation ${t + 1}.${e + 1}`, position: e }));
    touchpoints.push({ id: touchpoint.id, name: touchpoint.name, expectations });
  }
  return { id: map.id, touchpoints };
}
const importMap = await benchMap("Imported");
const copyMap = await benchMap("Copied");

const OUTCOMES = ["Missed expectations", "Met expectations", "Exceeded expectations"];
const OUTCOME_VALUES = ["MISSED", "MET", "EXCEEDED"];
const FEELINGS = ["HATE", "DISLIKE", "EH", "LIKE_A_LOT", "LOVE", "IN_LOVE"];
const day = (interview: number) => `2026-${String(1 + (interview % 11)).padStart(2, "0")}-${String(1 + (interview % 28)).padStart(2, "0")}`;

/** Interview i's observations: two touchpoints, all five expectations of each, values varied. */
function observationsOf(interview: number, map: typeof importMap) {
  const rows = [];
  for (let k = 0; k < PER_INTERVIEW; k += 1) {
    const touchpoint = map.touchpoints[((interview % 5) * 2 + Math.floor(k / 5)) % 10]!;
    const expectation = touchpoint.expectations[k % 5]!;
    const seed = (interview * 31 + k * 7) % 997;
    rows.push({ touchpoint, expectation, outcome: seed % 3, importance: 1 + (seed % 5), feeling: seed % 7 === 6 ? null : FEELINGS[seed % 6]! });
  }
  return rows;
}

async function writeLines(file: string, count: number, line: (index: number) => string, header?: string) {
  const out = createWriteStream(file);
  if (header) out.write(`${header}\n`);
  let chunk = "";
  for (let index = 0; index < count; index += 1) {
    chunk += `${line(index)}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, "drain");
      chunk = "";
    }
  }
  out.end(chunk);
  await once(out, "finish");
}

// The CSV the import reads: one row per observation.
const importId = randomUUID();
mkdirSync(path.dirname(uploadPath(workspace.id, importId)), { recursive: true });
const csvFile = uploadPath(workspace.id, importId);
await writeLines(
  csvFile,
  INTERVIEWS,
  (interview) =>
    observationsOf(interview, importMap)
      .slice(0, Math.min(PER_INTERVIEW, ROWS - interview * PER_INTERVIEW))
      .map((row) => `I-${interview},R-${interview},${day(interview)},${row.touchpoint.name},${row.expectation.text},${OUTCOMES[row.outcome]},${row.importance},${row.feeling ?? ""},`)
      .join("\n"),
  "interview_id,respondent,date,touchpoint,expectation,outcome,importance,feeling,comment",
);
const size = (await import("node:fs")).statSync(csvFile).size;
log(`${ROWS.toLocaleString("en")} rows (${INTERVIEWS.toLocaleString("en")} interviews) in ${(size / 1e6).toFixed(1)} MB`);

const mapping = {
  layout: "long",
  encoding: "utf-8",
  delimiter: ",",
  extraHeaderRows: 0,
  columns: ["interviewId", "respondentCode", "date", "touchpoint", "expectation", "outcome", "importance", "feeling", "comment"].map((kind, column) => ({ column, target: { kind } })),
};
await sql(
  `INSERT INTO import_jobs (id, workspace_id, map_id, created_by_id, file_name, file_size, status, mapping, started_at, heartbeat_at)
   VALUES ($1, $2, $3, $4, 'bench.csv', $5, 'RUNNING', $6::jsonb, now(), now())`,
  [importId, workspace.id, importMap.id, analyst.id, size, JSON.stringify(mapping)],
);

// The import runs in a process of its own, as in the server's worker, which reports its peak RSS.
const child = spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/bench/import-child.ts", importId], {
  env: { ...process.env, DATABASE_URL: embedded.url },
  encoding: "utf8",
  maxBuffer: 16 * 1024 * 1024,
});
if (child.status !== 0) throw new Error(`The importing process failed: ${child.stderr}`);
const measured = JSON.parse(child.stdout.trim().split("\n").pop()!) as { seconds: number; peakRss: number };
const importSeconds = measured.seconds;
const peakRss = measured.peakRss;
const [job] = await sql<{ status: string; message: string | null; interviews_added: number; observations_added: number }>(
  "SELECT status::text AS status, message, interviews_added, observations_added FROM import_jobs WHERE id = $1",
  [importId],
);
log(`import: ${job!.status} in ${importSeconds.toFixed(1)} s, peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB ${job!.message ?? ""}`);
if (job!.status !== "SUCCEEDED") throw new Error(`The import did not succeed: ${job!.message}`);
const [stored] = await sql<{ interviews: number; observations: number }>(
  `SELECT (SELECT count(*)::int FROM interviews WHERE map_id = $1 AND status = 'SUBMITTED') AS interviews,
          (SELECT count(*)::int FROM observations WHERE map_id = $1) AS observations`,
  [importMap.id],
);
const storedOk = stored!.interviews === INTERVIEWS && stored!.observations === ROWS;

// The baseline: COPY of the same rows (for the other map) into the same tables, with the
// summaries rebuilt the same way, in one transaction.
mkdirSync(COPY_DIR, { recursive: true });
chmodSync(COPY_DIR, 0o755);
// The same kind of ids as the import makes (time-ordered UUIDs).
const copyIds = Array.from({ length: INTERVIEWS }, () => orderedUuid());
const respondentIds = Array.from({ length: INTERVIEWS }, () => orderedUuid());
await writeLines(path.join(COPY_DIR, "respondents.csv"), INTERVIEWS, (i) => `${respondentIds[i]},${workspace.id},B-${i},ESTABLISHED,UNKNOWN,${analyst.id},2026-12-01 00:00:00+00`);
await writeLines(
  path.join(COPY_DIR, "interviews.csv"),
  INTERVIEWS,
  (i) => `${copyIds[i]},${workspace.id},${copyMap.id},${respondentIds[i]},${analyst.id},${day(i)},IN_PERSON,SUBMITTED,2026-12-01 00:00:00+00,2026-12-01 00:00:00+00,${copyMap.id}:I-${i}`,
);
await writeLines(path.join(COPY_DIR, "observations.csv"), INTERVIEWS, (i) =>
  observationsOf(i, copyMap)
    .slice(0, Math.min(PER_INTERVIEW, ROWS - i * PER_INTERVIEW))
    .map((row) => `${workspace.id},${copyMap.id},${copyIds[i]},${row.touchpoint.id},${row.expectation.id},${OUTCOME_VALUES[row.outcome]},${row.importance},${row.feeling ?? ""}`)
    .join("\n"),
);
for (const name of ["respondents.csv", "interviews.csv", "observations.csv"]) chmodSync(path.join(COPY_DIR, name), 0o644);
const { sqlTransaction } = await import("../../lib/db");
const copyStart = performance.now();
const copyParts: Record<string, number> = {};
await sqlTransaction(async (tx) => {
  await tx("SELECT set_config('cxmap.analysis_deferred', 'on', true)");
  let mark = performance.now();
  await tx(`COPY respondents (id, workspace_id, code, lifecycle_stage, value_tier, created_by_id, updated_at) FROM '${path.join(COPY_DIR, "respondents.csv")}' WITH (FORMAT csv)`);
  await tx(`COPY interviews (id, workspace_id, map_id, respondent_id, interviewer_id, conducted_on, mode, status, submitted_at, updated_at, external_ref) FROM '${path.join(COPY_DIR, "interviews.csv")}' WITH (FORMAT csv)`);
  await tx(`COPY observations (workspace_id, map_id, interview_id, touchpoint_id, expectation_id, outcome, importance, feeling) FROM '${path.join(COPY_DIR, "observations.csv")}' WITH (FORMAT csv)`);
  copyParts.copy = (performance.now() - mark) / 1000;
  mark = performance.now();
  await tx("SELECT set_config('cxmap.analysis_deferred', 'off', true)");
  await tx("SELECT cx_analysis_rebuild_map($1, $2)", [workspace.id, copyMap.id]);
  copyParts.summaries = (performance.now() - mark) / 1000;
});
const copySeconds = (performance.now() - copyStart) / 1000;
log(`COPY baseline: ${copySeconds.toFixed(1)} s (COPY ${copyParts.copy!.toFixed(1)} s, summaries ${copyParts.summaries!.toFixed(1)} s)`);

const mismatches = await findRollupMismatches(prisma, { workspaceId: workspace.id });
log(`stored: ${stored!.interviews.toLocaleString("en")} interviews, ${stored!.observations.toLocaleString("en")} observations (${storedOk ? "all" : "MISSING ROWS"}); summaries ${mismatches.length === 0 ? "equal a recomputation" : `DIFFER: ${mismatches.join(", ")}`}`);

const ratio = importSeconds / copySeconds;
const pass = (ok: boolean) => (ok ? "pass" : "FAIL");
const rows = [
  `Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench:import\` on ${os.cpus().length} cores (shared with other work), Node ${process.version}, embedded PostgreSQL 18 (${PG_FLAGS.filter((flag) => flag !== "-c").join(", ")}).`,
  `${ROWS.toLocaleString("en")} observation rows in a long CSV (${(size / 1e6).toFixed(0)} MB), ${INTERVIEWS.toLocaleString("en")} interviews of ${PER_INTERVIEW} observations, each with a new respondent, on a map of 10 touchpoints x 5 expectations.`,
  "",
  "| measure | result | target | |",
  "|---|---|---|---|",
  `| import, wall time (parse, check, write, summaries) | ${importSeconds.toFixed(1)} s (${Math.round(ROWS / importSeconds).toLocaleString("en")} rows/s) | < 60 s | ${pass(importSeconds < 60)} |`,
  `| peak RSS of the importing process | ${(peakRss / 2 ** 20).toFixed(0)} MB | < 500 MB | ${pass(peakRss < 500 * 2 ** 20)} |`,
  `| COPY of the same rows into the same tables, summaries rebuilt | ${copySeconds.toFixed(1)} s (COPY ${copyParts.copy!.toFixed(1)} s, summaries ${copyParts.summaries!.toFixed(1)} s) | | |`,
  `| import / COPY | ${ratio.toFixed(2)}x | < 3x | ${pass(ratio < 3)} |`,
  `| rows stored, summaries equal a recomputation | ${storedOk && mismatches.length === 0 ? "yes" : "NO"} | yes | ${pass(storedOk && mismatches.length === 0)} |`,
  "",
  "The import reads the file once: csv-parse streams it, each interview is checked with the capture schema, and batches of",
  "5,000 observations are written with set-based statements while the next batches are read (up to three ahead), all in",
  "one transaction; the analysis summaries are rebuilt once at the end. Both it and the COPY baseline write time-ordered",
  "ids, and pay the same tables: per observation, one key to the interview, one to the (touchpoint, expectation) pair,",
  "and three indexes. Runs of the same code on this shared machine have differed by up to 15%.",
];
console.log(rows.join("\n"));
if (options.write) replaceSection("docs/benchmarks.md", "## CSV import", rows);

rmSync(COPY_DIR, { recursive: true, force: true });
await prisma.$disconnect();
await embedded.stop();
process.exit(0);
