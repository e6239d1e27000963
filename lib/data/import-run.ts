import "server-only";
import { randomUUID } from "node:crypto";
import { createWriteStream, type WriteStream } from "node:fs";
import { readFile, stat, writeFile } from "node:fs/promises";
import { parse as parseCsv } from "csv-parse/sync";
import { sql, sqlTransaction, type Sql } from "@/lib/db";
import { can, type Role } from "@/lib/permissions";
import type { WorkspaceContext } from "@/lib/workspace";
import { getCaptureJourney } from "@/lib/data/interview-capture";
import { importLimits, listAttributeFieldsForImport, reportPath, uploadPath } from "@/lib/data/imports";
import { fileRecords, CsvSyntaxError } from "@/lib/csv/read";
import { detectSurveyLayout } from "@/lib/csv/survey-layout";
import { InterviewAssembler, type ImportedInterview, type RowProblem } from "@/lib/csv/assemble";
import { ImportMappingSchema, valueKey } from "@/lib/schemas/import";
import { orderedUuid } from "@/lib/ordered-id";

// Running an import: one pass over the file, one transaction. Each record is read through the
// mapping, each interview checked with the capture schema, and the checked interviews written
// in batches with set-based statements (unnest arrays, a few statements per batch). While the
// database writes a batch, the next ones are read and checked, so reading and writing overlap
// (a few batches at most are in memory). If any row is bad, the pass goes on only checking, so
// the report lists every bad row, and the transaction is rolled back: nothing lands. The
// analysis summaries are refreshed once at the end (the triggers are deferred meanwhile),
// never per row or per day.

/** Observations per written batch: large enough for few round trips, small enough to keep memory flat. */
const BATCH_OBSERVATIONS = 5_000;
/** Up to this many new interviews are refreshed one by one; more rebuild the map's summaries at once. */
const REFRESH_ONE_BY_ONE = 5_000;
/** Batches read ahead of the one being written (each up to BATCH_OBSERVATIONS). */
const WRITES_QUEUED = 3;
/** Records read between turns of the event loop (see the reading loop). */
const YIELD_EVERY = 200;
/** The first bad rows kept on the job row; all of them are in the downloadable report. */
const PROBLEMS_KEPT = 100;

class Stop extends Error {
  constructor(readonly status: "FAILED" | "CANCELLED", message: string) {
    super(message);
  }
}

export type RunOptions = {
  /** Called after each written batch (tests use it to stop an import mid-way). */
  onBatch?: (info: { batches: number; connectionPid: number }) => Promise<void> | void;
  /** Stops the import (as a cancel does) when aborted. */
  signal?: AbortSignal;
  /** Observations per written batch (tests write small batches). */
  batchObservations?: number;
};

type Job = { id: string; workspace_id: string; map_id: string; created_by_id: string | null; file_name: string; mapping: unknown };

function csvCell(value: string | number): string {
  const text = String(value);
  // A leading =, +, - or @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const REPORT_HEADER = "line,column,reason\n";

/** One bad row as a line of the downloadable report. */
function reportLine(problem: RowProblem): string {
  return `${problem.line},${csvCell(problem.column)},${csvCell(problem.reason)}\n`;
}

/** Reports up to this size are put in line order when the import ends; larger ones stay as found. */
const REPORT_SORTED_BYTES = 16 * 2 ** 20;

/**
 * Puts the report of bad rows in line order. Reading runs a few batches ahead of writing, and
 * the writer finds some problems (an interviewer's email, an archived respondent), so a
 * problem can be found after one on a later line.
 */
async function sortReport(path: string): Promise<void> {
  if ((await stat(path)).size > REPORT_SORTED_BYTES) return;
  const [, ...records] = parseCsv(await readFile(path, "utf8"), { relax_column_count: true }) as string[][];
  // Array.prototype.sort is stable: problems on one line keep the order they were found in.
  const problems = records.map(([line, column, reason]) => ({ line: Number(line), column: column ?? "", reason: reason ?? "" })).sort((a, b) => a.line - b.line);
  await writeFile(path, REPORT_HEADER + problems.map(reportLine).join(""));
}

/** Runs one claimed job to its end; the job row says how it ended. */
export async function runImportJob(jobId: string, options: RunOptions = {}): Promise<void> {
  const [job] = await sql<Job>("SELECT id, workspace_id, map_id, created_by_id, file_name, mapping FROM import_jobs WHERE id = $1", [jobId]);
  if (!job) return;
  const problems: RowProblem[] = [];
  const badLines = new Set<number>();
  let report: WriteStream | null = null;
  let reported = 0;
  const flushProblems = () => {
    if (reported === problems.length) return;
    report ??= createWriteStream(reportPath(job.workspace_id, job.id));
    if (reported === 0) report.write(REPORT_HEADER);
    for (; reported < problems.length; reported += 1) {
      const problem = problems[reported]!;
      badLines.add(problem.line);
      report.write(reportLine(problem));
    }
    // Only the first ones are needed in memory (for the job row); the rest are in the report.
    if (problems.length > PROBLEMS_KEPT * 2) {
      problems.splice(PROBLEMS_KEPT, problems.length - PROBLEMS_KEPT);
      reported = problems.length;
    }
  };
  let rowsDone = 0;
  let bytesDone = 0;
  let totalProblems = 0;
  try {
    const outcome = await sqlTransaction(async (tx) => {
      const [{ pid }] = (await tx<{ pid: number }>("SELECT pg_backend_pid() AS pid")) as [{ pid: number }];
      await tx("SELECT set_config('cxmap.analysis_deferred', 'on', true)");
      const mapping = ImportMappingSchema.parse(job.mapping);
      const [member] = await sql<{ role: Role; name: string; email: string; workspace_name: string }>(
        `SELECT m.role::text AS role, u.name, u.email, w.name AS workspace_name FROM memberships m JOIN users u ON u.id = m.user_id
         JOIN workspaces w ON w.id = m.workspace_id WHERE m.workspace_id = $1 AND m.user_id = $2 AND m.removed_at IS NULL`,
        [job.workspace_id, job.created_by_id],
      );
      if (!member || !can(member.role, "data.import")) throw new Stop("FAILED", "The member who started this import may no longer import; nothing was imported.");
      const ctx: WorkspaceContext = {
        workspaceId: job.workspace_id,
        workspaceName: member.workspace_name,
        userId: job.created_by_id!,
        userName: member.name,
        userEmail: member.email,
        role: member.role,
      };
      const journey = await getCaptureJourney(ctx, job.map_id);
      if (!journey || journey.map.status === "ARCHIVED") throw new Stop("FAILED", "The map is archived or gone; nothing was imported.");
      const fields = await listAttributeFieldsForImport(job.workspace_id);

      const volunteered = new Map<string, string>();
      for (const row of await tx<{ id: string; touchpoint_id: string; text: string }>(
        `SELECT id, touchpoint_id, text FROM expectations WHERE workspace_id = $1 AND map_id = $2 AND kind = 'VOLUNTEERED'
           AND merged_into_id IS NULL AND archived_at IS NULL ORDER BY created_at`,
        [job.workspace_id, job.map_id],
      )) {
        volunteered.set(`${row.touchpoint_id}\u0000${valueKey(row.text)}`, row.id);
      }
      const interviewers = new Map<string, { id: string; role: Role } | null>();
      const respondents = new Map<string, { id: string; archived: boolean }>();

      const headerRows: string[][] = [];
      let assembler: InterviewAssembler | null = null;
      let pending: ImportedInterview[] = [];
      let pendingObservations = 0;
      let added = 0;
      let skipped = 0;
      let observations = 0;
      // The new interviews' ids, kept only while few enough to refresh one by one.
      let addedIds: string[] | null = [];
      let batches = 0;
      let lastProgress = Date.now();
      let interviewerColumn = "";

      const progress = async (force = false) => {
        if (!force && Date.now() - lastProgress < 500) return;
        lastProgress = Date.now();
        const [state] = await sql<{ cancel_requested: boolean }>(
          "UPDATE import_jobs SET rows_done = $2, bytes_done = $3, heartbeat_at = now() WHERE id = $1 RETURNING cancel_requested",
          [job.id, rowsDone, bytesDone],
        );
        if (state?.cancel_requested || options.signal?.aborted) throw new Stop("CANCELLED", "Stopped before it finished; nothing was imported.");
      };

      // The transaction has one connection, so batches are written one after another, in
      // order; reading waits only when WRITES_QUEUED batches are waiting or being written.
      let writing: Promise<void> = Promise.resolve();
      const queued: Promise<void>[] = [];
      /** Hands the pending interviews to the writer. */
      const queueBatch = async () => {
        const batch = pending;
        pending = [];
        pendingObservations = 0;
        writing = writing.then(() => writeBatch(batch));
        // A failure stops the batches after it and is heard by the wait below or the final one.
        writing.catch(() => undefined);
        queued.push(writing);
        if (queued.length >= WRITES_QUEUED) await queued.shift();
      };

      const writeBatch = async (batch: ImportedInterview[]) => {
        if (batch.length === 0) return;
        // Interviewers by email: members of this workspace whose role records interviews.
        const emails = [...new Set(batch.map((item) => item.interviewerEmail).filter((email): email is string => email !== null && !interviewers.has(email)))];
        if (emails.length > 0) {
          for (const email of emails) interviewers.set(email, null);
          for (const row of await tx<{ id: string; email: string; role: Role }>(
            `SELECT u.id, lower(u.email) AS email, m.role::text AS role FROM users u
             JOIN memberships m ON m.user_id = u.id AND m.workspace_id = $1 AND m.removed_at IS NULL WHERE lower(u.email) = ANY($2::text[])`,
            [job.workspace_id, emails],
          )) {
            interviewers.set(row.email, { id: row.id, role: row.role });
          }
        }
        const good: (ImportedInterview & { interviewerId: string })[] = [];
        for (const item of batch) {
          let interviewerId = ctx.userId;
          if (item.interviewerEmail !== null) {
            const found = interviewers.get(item.interviewerEmail);
            if (!found || !can(found.role, "interview.record")) {
              problems.push({
                line: item.line,
                column: interviewerColumn,
                reason: found
                  ? `${item.interviewerEmail} does not record interviews in this workspace.`
                  : `No member of this workspace has the email ${item.interviewerEmail.slice(0, 120)}.`,
              });
              continue;
            }
            interviewerId = found.id;
          }
          good.push({ ...item, interviewerId });
        }
        totalProblems += problems.length - reported;
        flushProblems();
        if (totalProblems > 0) return; // from the first bad row on, only checking

        // Respondents: the existing ones by code, the others created (with their attributes).
        const fresh = new Map<string, ImportedInterview>();
        for (const item of good) if (!respondents.has(item.respondentCode) && !fresh.has(item.respondentCode)) fresh.set(item.respondentCode, item);
        if (fresh.size > 0) {
          const list = [...fresh.values()];
          const profiles = list.map((item) => (item.submission.respondent?.kind === "new" ? item.submission.respondent.profile : null));
          const inserted = await tx<{ id: string; code: string }>(
            `INSERT INTO respondents (id, workspace_id, code, lifecycle_stage, value_tier, segment, created_by_id, import_id, updated_at)
             SELECT r.id, $1, r.code, r.lifecycle::"LifecycleStage", r.tier::"ValueTier", nullif(r.segment, ''), $2, $3, now()
             FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) AS r(id, code, lifecycle, tier, segment)
             ON CONFLICT (workspace_id, code) DO NOTHING RETURNING id, code`,
            [
              job.workspace_id,
              ctx.userId,
              job.id,
              list.map(() => orderedUuid()),
              list.map((item) => item.respondentCode),
              profiles.map((profile) => profile?.lifecycleStage ?? mapping.defaults.lifecycleStage),
              profiles.map((profile) => profile?.valueTier ?? "UNKNOWN"),
              profiles.map((profile) => profile?.segment ?? ""),
            ],
          );
          const attributes = inserted.flatMap((row) => {
            const item = fresh.get(row.code)!;
            const profile = item.submission.respondent?.kind === "new" ? item.submission.respondent.profile : null;
            return (profile?.attributes ?? []).map((attribute) => ({ respondentId: row.id, ...attribute }));
          });
          if (attributes.length > 0) {
            await tx(
              `INSERT INTO respondent_attributes (workspace_id, respondent_id, field_id, option_id)
               SELECT $1, a.respondent_id, a.field_id, a.option_id FROM unnest($2::text[], $3::text[], $4::text[]) AS a(respondent_id, field_id, option_id)`,
              [job.workspace_id, attributes.map((item) => item.respondentId), attributes.map((item) => item.fieldId), attributes.map((item) => item.optionId)],
            );
          }
          for (const row of inserted) respondents.set(row.code, { id: row.id, archived: false });
          // The codes that were there already (a re-import, or a respondent met before).
          const existing = list.map((item) => item.respondentCode).filter((code) => !respondents.has(code));
          if (existing.length > 0) {
            for (const row of await tx<{ id: string; code: string; archived: boolean }>(
              "SELECT id, code, archived_at IS NOT NULL AS archived FROM respondents WHERE workspace_id = $1 AND code = ANY($2::text[])",
              [job.workspace_id, existing],
            )) {
              respondents.set(row.code, { id: row.id, archived: row.archived });
            }
          }
        }
        const writable = good.filter((item) => {
          const respondent = respondents.get(item.respondentCode);
          if (respondent && !respondent.archived) return true;
          problems.push({ line: item.line, column: "", reason: `Respondent ${item.respondentCode} is archived: restore them first, or use another code.` });
          return false;
        });
        totalProblems += problems.length - reported;
        flushProblems();
        if (totalProblems > 0) return;

        const insertedIds = new Set(
          (
            await tx<{ id: string }>(
              `INSERT INTO interviews (id, workspace_id, map_id, respondent_id, interviewer_id, conducted_on, mode, overall_feeling, notes,
                                      status, submitted_at, updated_at, external_ref, import_id)
               SELECT i.id, $1, $2, i.respondent_id, i.interviewer_id, i.day::date, i.mode::"InterviewMode", i.overall::"Feeling", i.notes,
                      'SUBMITTED', now(), now(), i.ref, $3
               FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])
                 AS i(id, respondent_id, interviewer_id, day, mode, overall, notes, ref)
               ON CONFLICT (workspace_id, external_ref) DO NOTHING RETURNING id`,
              [
                job.workspace_id,
                job.map_id,
                job.id,
                writable.map((item) => item.submission.id),
                writable.map((item) => respondents.get(item.respondentCode)!.id),
                writable.map((item) => item.interviewerId),
                writable.map((item) => item.submission.conductedOn),
                writable.map((item) => item.submission.mode ?? mapping.defaults.mode),
                writable.map((item) => item.submission.overallFeeling),
                writable.map((item) => item.submission.notes),
                writable.map((item) => item.externalRef),
              ],
            )
          ).map((row) => row.id),
        );
        skipped += writable.length - insertedIds.size;

        // Unlisted expectations: reused by their words on the touchpoint, else created once.
        const newExpectations: { id: string; touchpointId: string; text: string }[] = [];
        const rows: { interviewId: string; touchpointId: string; expectationId: string; outcome: string; importance: number; feeling: string | null; comment: string | null }[] = [];
        for (const item of writable) {
          if (!insertedIds.has(item.submission.id)) continue;
          if (addedIds && addedIds.length <= REFRESH_ONE_BY_ONE) addedIds.push(item.submission.id);
          else addedIds = null;
          for (const observation of item.observations) {
            let expectationId = observation.expectationId;
            if (expectationId === null) {
              const key = `${observation.touchpointId}\u0000${valueKey(observation.volunteeredText ?? "")}`;
              expectationId = volunteered.get(key) ?? null;
              if (!expectationId) {
                expectationId = randomUUID();
                volunteered.set(key, expectationId);
                newExpectations.push({ id: expectationId, touchpointId: observation.touchpointId, text: observation.volunteeredText ?? "" });
              }
            }
            rows.push({ interviewId: item.submission.id, ...observation, expectationId });
          }
        }
        if (newExpectations.length > 0) {
          await tx(
            `INSERT INTO expectations (id, workspace_id, map_id, touchpoint_id, text, kind, position, created_by_id, import_id)
             SELECT e.id, $1, $2, e.touchpoint_id, e.text, 'VOLUNTEERED',
               coalesce((SELECT max(x.position) FROM expectations x WHERE x.workspace_id = $1 AND x.touchpoint_id = e.touchpoint_id), -1)
                 + row_number() OVER (PARTITION BY e.touchpoint_id ORDER BY e.number),
               $3, $4
             FROM unnest($5::text[], $6::text[], $7::text[]) WITH ORDINALITY AS e(id, touchpoint_id, text, number)`,
            [job.workspace_id, job.map_id, ctx.userId, job.id, newExpectations.map((e) => e.id), newExpectations.map((e) => e.touchpointId), newExpectations.map((e) => e.text)],
          );
        }
        if (rows.length > 0) {
          await tx(
            `INSERT INTO observations (workspace_id, map_id, interview_id, touchpoint_id, expectation_id, outcome, importance, feeling, comment)
             SELECT $1, $2, o.interview_id, o.touchpoint_id, o.expectation_id, o.outcome::"Outcome", o.importance, o.feeling::"Feeling", o.comment
             FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::int2[], $8::text[], $9::text[])
               AS o(interview_id, touchpoint_id, expectation_id, outcome, importance, feeling, comment)`,
            [
              job.workspace_id,
              job.map_id,
              rows.map((row) => row.interviewId),
              rows.map((row) => row.touchpointId),
              rows.map((row) => row.expectationId),
              rows.map((row) => row.outcome),
              rows.map((row) => row.importance),
              rows.map((row) => row.feeling),
              rows.map((row) => row.comment),
            ],
          );
        }
        added += insertedIds.size;
        observations += rows.length;
        batches += 1;
        if (options.onBatch) {
          await options.onBatch({ batches, connectionPid: pid });
          await progress(true);
        }
      };

      try {
        let dataRows = 0;
        for await (const record of fileRecords(uploadPath(job.workspace_id, job.id), { encoding: mapping.encoding, delimiter: mapping.delimiter })) {
          bytesDone = record.bytes;
          if (headerRows.length < 1 + mapping.extraHeaderRows) {
            headerRows.push(record.fields);
            if (headerRows.length === 1 + mapping.extraHeaderRows) {
              const layout = detectSurveyLayout(headerRows);
              const names = record.fields.map((_, index) => layout.columns[index]?.name ?? headerRows[0]![index] ?? "");
              const width = Math.max(...headerRows.map((row) => row.length));
              const columnNames = Array.from({ length: width }, (_, index) => names[index] ?? headerRows[0]![index] ?? "");
              assembler = new InterviewAssembler(mapping, columnNames, { ...journey, mapId: job.map_id }, fields);
              const interviewerIndex = mapping.columns.find((item) => item.target.kind === "interviewer")?.column;
              interviewerColumn = interviewerIndex === undefined ? "" : columnNames[interviewerIndex]?.trim() || `Column ${interviewerIndex + 1}`;
            }
            continue;
          }
          dataRows += 1;
          // Reading runs on buffered data without leaving the event loop; let the writer's
          // replies in now and then, so the next statement goes out while reading goes on.
          if (dataRows % YIELD_EVERY === 0) await new Promise(setImmediate);
          if (dataRows > importLimits.maxRows) {
            throw new Stop("FAILED", `The file has more than ${importLimits.maxRows.toLocaleString("en")} data rows, the most one import takes (set by CXMAP_IMPORT_MAX_ROWS). Split it into smaller files; nothing was imported.`);
          }
          rowsDone = dataRows;
          for (const done of assembler!.push(record.fields, record.line)) {
            pending.push(done);
            pendingObservations += done.observations.length;
          }
          if (assembler!.problems.length > 0) {
            problems.push(...assembler!.problems.splice(0));
            totalProblems += problems.length - reported;
            flushProblems();
          }
          if (pendingObservations >= (options.batchObservations ?? BATCH_OBSERVATIONS) || (totalProblems > 0 && pending.length > 1000)) await queueBatch();
          await progress();
        }
        if (!assembler) throw new Stop("FAILED", "The file has no data rows under its header; nothing was imported.");
        for (const done of assembler.finish()) pending.push(done);
        problems.push(...assembler.problems.splice(0));
        totalProblems += problems.length - reported;
        flushProblems();
        await queueBatch();
        await writing;
        await progress(true);
      } catch (error) {
        // Nothing may still run on the transaction's connection when this pass ends.
        await writing.catch(() => undefined);
        if (error instanceof CsvSyntaxError) {
          problems.push({ line: error.line, column: "", reason: error.message });
          totalProblems += problems.length - reported;
          flushProblems();
        } else throw error;
      }

      if (totalProblems > 0) {
        throw new Stop("FAILED", `${badLines.size.toLocaleString("en")} ${badLines.size === 1 ? "row has a problem" : "rows have problems"}; nothing was imported. Correct them (or the mapping) and import again.`);
      }

      await tx("SELECT set_config('cxmap.analysis_deferred', 'off', true)");
      if (addedIds === null || addedIds.length > REFRESH_ONE_BY_ONE) {
        await tx("SELECT cx_analysis_rebuild_map($1, $2)", [job.workspace_id, job.map_id]);
      } else {
        for (let start = 0; start < addedIds.length; start += 1000) {
          await tx("SELECT cx_analysis_refresh($1::text[])", [addedIds.slice(start, start + 1000)]);
        }
      }
      await tx(
        `INSERT INTO audit_log (id, workspace_id, actor_id, action, entity_type, entity_id, after)
         VALUES ($1, $2, $3, 'import.run', 'ImportJob', $4, $5::jsonb)`,
        [randomUUID(), job.workspace_id, ctx.userId, job.id, JSON.stringify({ mapId: job.map_id, fileName: job.file_name, interviews: added, observations, skipped })],
      );
      const message =
        skipped > 0
          ? `${skipped.toLocaleString("en")} ${skipped === 1 ? "interview was" : "interviews were"} imported before and left as they were.`
          : null;
      await tx(
        `UPDATE import_jobs SET status = 'SUCCEEDED', rows_done = $2, bytes_done = file_size, interviews_added = $3, interviews_skipped = $4,
           observations_added = $5, message = $6, finished_at = now(), heartbeat_at = now() WHERE id = $1`,
        [job.id, rowsDone, added, skipped, observations, message],
      );
      return { added };
    });
    void outcome;
  } catch (error) {
    const stop = error instanceof Stop ? error : null;
    if (!stop) console.error("cxmap: an import failed:", error);
    flushProblems();
    await new Promise<void>((resolve) => (report ? report.end(resolve) : resolve()));
    if (report) {
      // The report is complete as found; only its order is lost if this fails.
      await sortReport(reportPath(job.workspace_id, job.id)).catch((failure) => console.error("cxmap: the report of bad rows could not be sorted:", failure));
    }
    await sql(
      `UPDATE import_jobs SET status = $2::"ImportStatus", message = $3, bad_rows = $4, problems = $5::jsonb, rows_done = $6,
         finished_at = now(), heartbeat_at = now() WHERE id = $1`,
      [
        job.id,
        stop?.status ?? "FAILED",
        stop?.message ?? "The import stopped because of an error; nothing was imported. Try again, or ask an administrator to look at the server's log.",
        badLines.size,
        // Reading and writing overlap, so a writer's finding can follow a later line's.
        JSON.stringify(problems.slice(0, PROBLEMS_KEPT).sort((a, b) => a.line - b.line)),
        rowsDone,
      ],
    );
    return;
  }
  await new Promise<void>((resolve) => (report ? report.end(resolve) : resolve()));
}

// The worker: one per server process, started when an import is queued or its progress is
// asked for. Jobs are claimed with SKIP LOCKED, so several processes never run the same one.
const worker = globalThis as unknown as { cxmapImportWorker?: Promise<void> | null };

/** Claims and runs queued imports until none is left (at most one at a time per process). */
export function kickImportWorker(): void {
  if (worker.cxmapImportWorker) return;
  worker.cxmapImportWorker = (async () => {
    try {
      await recoverInterruptedImports(sql);
      for (;;) {
        const [job] = await sql<{ id: string }>(
          `UPDATE import_jobs SET status = 'RUNNING', started_at = now(), heartbeat_at = now()
           WHERE id = (SELECT id FROM import_jobs WHERE status = 'QUEUED' ORDER BY created_at FOR UPDATE SKIP LOCKED LIMIT 1)
           RETURNING id`,
        );
        if (!job) break;
        await runImportJob(job.id);
      }
    } catch (error) {
      console.error("cxmap: the import worker stopped:", error);
    } finally {
      worker.cxmapImportWorker = null;
    }
  })();
}

/**
 * An import whose process ended mid-way (a restart, a crash) left nothing, since its
 * transaction went with the connection; its job row is marked failed once its heartbeat is old.
 */
export async function recoverInterruptedImports(run: Sql = sql): Promise<number> {
  const rows = await run(
    `UPDATE import_jobs SET status = 'FAILED', finished_at = now(),
       message = 'The import was interrupted (the server stopped); nothing was imported. Start it again.'
     WHERE status = 'RUNNING' AND heartbeat_at < now() - interval '2 minutes' RETURNING id`,
  );
  return rows.length;
}
