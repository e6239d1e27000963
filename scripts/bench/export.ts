// `npm run bench:export [-- --size 1m --runs 3 --port 54391 --write]`
//
// Generates a map of about the given number of observations (with the demo data generator) into
// a separate database, then measures, in the same run and alternately:
// - app: the long CSV export of the observations, the exact stream the export route answers
//   with (getExportSubject and streamObservationsCsv of lib/data/export.ts), read to its end;
// - COPY: PostgreSQL's `COPY (SELECT ...) TO STDOUT (FORMAT csv)` of the same rows, with the same
//   columns, joins and order, read to its end over the same driver.
// Target: the app streams at a rate within 3x of COPY. Also reports the process's peak RSS during
// the app's export, which stays flat when the export is streamed rather than held.
//
// Uses BENCH_DATABASE_URL when set, else an embedded PostgreSQL under .data/bench/export-pg
// (kept, so a second run reuses the generated data).
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
const label = arg("size", "1m").toLowerCase();
const target = parseSize(label);
const runs = Number(arg("runs", "3"));
const port = Number(arg("port", "54391"));
const write = args.includes("--write");

let url = process.env.BENCH_DATABASE_URL;
const embedded = url
  ? undefined
  : await startEmbeddedDb({ dir: ".data/bench/export-pg", port, database: "cxmap_bench_export", postgresFlags: ["-c", "shared_buffers=512MB", "-c", "work_mem=64MB"] });
url ??= embedded!.url;
await migrate(url);
// The app's modules read DATABASE_URL when first used; import them only now.
process.env.DATABASE_URL = url;
const { getExportSubject, streamObservationsCsv } = await import("../../lib/data/export");

const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
const client = new pg.Client({ connectionString: url });
await client.connect();

/**
 * `COPY ... TO STDOUT` read through the driver's protocol handler: a query object the client
 * runs in its queue, counting the bytes of each CopyData message and keeping none of them.
 */
function copyOut(text: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let bytes = 0;
    let failed: Error | null = null;
    const submittable = {
      text,
      submit(connection: { query: (text: string) => void }) {
        connection.query(text);
      },
      handleCopyData(message: { chunk: Buffer }) {
        bytes += message.chunk.length;
      },
      handleCommandComplete() {},
      handleRowDescription() {},
      handleDataRow() {},
      handleEmptyQuery() {},
      handleCopyInResponse() {},
      handlePortalSuspended() {},
      handleError(error: Error) {
        failed = error;
      },
      handleReadyForQuery() {
        if (failed) reject(failed);
        else resolve(bytes);
      },
    };
    (client as unknown as { query: (q: unknown) => void }).query(submittable);
  });
}

/**
 * The export's rows as one COPY statement (no parameters in COPY: the bench's own values, quoted).
 * Written for PostgreSQL's fastest plan rather than the app's shape: the interviews in the filter
 * once (a materialised CTE, hashed), the observations scanned and hash-joined to them, and no
 * ORDER BY (the app's order, by interview and journey, would add an on-disk sort of every row).
 * A plain join let the planner walk 1M index lookups per joined table, several times slower.
 */
function copyStatement(workspaceId: string, mapId: string, filter: AnalysisFilter): string {
  const q = (value: string) => client.escapeLiteral(value);
  const where = [`s.workspace_id = ${q(workspaceId)}`, `s.map_id = ${q(mapId)}`];
  if (filter.from) where.push(`s.day >= ${q(filter.from)}::date`);
  if (filter.to) where.push(`s.day <= ${q(filter.to)}::date`);
  if (filter.lifecycle.length) where.push(`s.lifecycle_stage IN (${filter.lifecycle.map(q).join(", ")})`);
  return `COPY (
    WITH kept AS MATERIALIZED (
      SELECT s.interview_id, to_char(i.conducted_on, 'YYYY-MM-DD') AS day, u.name AS interviewer, r.code, r.lifecycle_stage,
        r.value_tier, r.segment, i.mode, i.overall_feeling
      FROM analysis_interviews s
      JOIN interviews i ON i.id = s.interview_id
      JOIN users u ON u.id = i.interviewer_id
      LEFT JOIN respondents r ON r.id = i.respondent_id
      WHERE ${where.join(" AND ")}
    )
    SELECT k.interview_id, k.day, k.interviewer, k.code, k.lifecycle_stage, k.value_tier, k.segment, k.mode, k.overall_feeling,
      st.name, ch.name, t.name, e.text, e.kind, o.outcome, o.importance, o.feeling, o.comment
    FROM observations o
    JOIN kept k ON k.interview_id = o.interview_id
    JOIN touchpoints t ON t.id = o.touchpoint_id AND t.archived_at IS NULL
    JOIN stages st ON st.id = t.stage_id AND st.archived_at IS NULL
    JOIN channels ch ON ch.id = t.channel_id AND ch.archived_at IS NULL
    JOIN expectations e ON e.id = o.expectation_id
    WHERE o.workspace_id = ${q(workspaceId)} AND o.map_id = ${q(mapId)}
  ) TO STDOUT WITH (FORMAT csv, HEADER)`;
}

/** Reads a stream to its end, counting bytes and rows, sampling the process's RSS as it goes. */
async function drain(stream: ReadableStream<Uint8Array>): Promise<{ bytes: number; newlines: number; peakRss: number; peakHeap: number }> {
  const reader = stream.getReader();
  let bytes = 0;
  let newlines = 0;
  let peakRss = process.memoryUsage.rss();
  let peakHeap = process.memoryUsage().heapUsed;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    for (let i = 0; i < value.length; i++) if (value[i] === 10) newlines++;
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }
  return { bytes, newlines, peakRss, peakHeap };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const { workspaceId, mapId, observations } = await ensureBenchMap(prisma, (sql) => client.query(sql), { label, target, seed: 5, prefix: "bench-export", workspaceName: `Export benchmark ${label}`, dataDir: ".data/bench/export-pg" });
const ctx: WorkspaceContext = {
  workspaceId,
  workspaceName: `Export benchmark ${label}`,
  userId: "bench",
  userName: "Benchmark",
  userEmail: "bench@example.com",
  role: "MANAGER",
};
// The whole map: the 1M rows the target is about. (A filtered export reads fewer pages the same way;
// the COPY reference of a filtered export got plans far slower than its own rows warrant.)
const filters: { name: string; filter: AnalysisFilter }[] = [{ name: "none", filter: EMPTY_FILTER }];

type Row = { filter: string; rows: number; appMs: number; copyMs: number; appBytes: number; copyBytes: number; peakRss: number; peakHeap: number };
const results: Row[] = [];
const rssBefore = process.memoryUsage.rss();
for (const { name, filter } of filters) {
  const app: number[] = [];
  const copy: number[] = [];
  let rows = 0;
  let appBytes = 0;
  let copyBytes = 0;
  let peakRss = 0;
  let peakHeap = 0;
  const statement = copyStatement(workspaceId, mapId, filter);
  for (let run = 0; run < runs + 1; run++) {
    let started = performance.now();
    const subject = (await getExportSubject(ctx, mapId, filter))!;
    const drained = await drain(await streamObservationsCsv(ctx, subject));
    const appMs = performance.now() - started;
    started = performance.now();
    copyBytes = await copyOut(statement);
    const copyMs = performance.now() - started;
    // Two lines of head (the filter, the column names); a comment with a line break adds a line.
    rows = drained.newlines - 2;
    appBytes = drained.bytes;
    peakRss = Math.max(peakRss, drained.peakRss);
    peakHeap = Math.max(peakHeap, drained.peakHeap);
    if (run === 0) continue; // warm-up
    app.push(appMs);
    copy.push(copyMs);
  }
  const row = { filter: name, rows, appMs: median(app), copyMs: median(copy), appBytes, copyBytes, peakRss, peakHeap };
  results.push(row);
  console.log(
    `bench: ${name}: ${rows.toLocaleString("en")} rows; app ${row.appMs.toFixed(0)} ms (${((rows / row.appMs) * 1000).toFixed(0)} rows/s), COPY ${row.copyMs.toFixed(0)} ms, ratio ${(row.appMs / row.copyMs).toFixed(2)}; peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB, peak heap ${(peakHeap / 2 ** 20).toFixed(0)} MiB`,
  );
}

const version = (await client.query("SHOW server_version")).rows[0].server_version as string;
const over = results.filter((row) => row.appMs > 3 * row.copyMs);
const body = [
  "The long CSV export of a map's observations (`streamObservationsCsv` in `lib/data/export.ts`, what",
  "`/api/w/<workspace>/maps/<map>/export/observations.csv` streams: a page of 1,000 interviews at a time by keyset,",
  "two queries per page, the next page read while one is written, rows formatted and guarded in Node, in interview and",
  "journey order), read to its end, against PostgreSQL's `COPY (SELECT ...) TO STDOUT (FORMAT csv)` of the same rows and",
  "columns, read to its end through the same driver, written for PostgreSQL's fastest plan (no ORDER BY; see the script).",
  "Alternated in one process against the same database, median of",
  `${runs} runs after one warm-up. Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "unknown"}), Node ${process.version},`,
  `PostgreSQL ${version}; ${observations.toLocaleString("en")} observations generated on the map. Peak RSS and peak V8`,
  `heap in use are the whole process's during the app's exports (RSS ${(rssBefore / 2 ** 20).toFixed(0)} MiB before the first); both include`,
  "garbage V8 has not collected yet. The two cores are shared with other work, so absolute times vary from run to run;",
  "both sides of the ratio run alternately under the same load.",
  "",
  "| filter | rows | app (ms) | app rows/s | app MB | COPY (ms) | COPY rows/s | COPY MB | app / COPY | peak RSS (MiB) | peak heap (MiB) |",
  "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ...results.map(
    (row) =>
      `| ${row.filter} | ${row.rows.toLocaleString("en")} | ${row.appMs.toFixed(0)} | ${Math.round((row.rows / row.appMs) * 1000).toLocaleString("en")} | ${(row.appBytes / 1e6).toFixed(1)} | ${row.copyMs.toFixed(0)} | ${Math.round((row.rows / row.copyMs) * 1000).toLocaleString("en")} | ${(row.copyBytes / 1e6).toFixed(1)} | ${(row.appMs / row.copyMs).toFixed(2)} | ${(row.peakRss / 2 ** 20).toFixed(0)} | ${(row.peakHeap / 2 ** 20).toFixed(0)} |`,
  ),
  "",
  "Target: the app within 3x of COPY for 1M rows.",
  over.length === 0 ? "Every row meets it." : `Over the target: ${over.map((row) => row.filter).join(", ")}.`,
];
if (write) {
  replaceSection("docs/benchmarks.md", "## Observations export", body);
  console.log("bench: wrote docs/benchmarks.md");
}

await prisma.$disconnect();
await client.end();
const { db } = await import("../../lib/db");
await db.$disconnect();
await embedded?.stop();
