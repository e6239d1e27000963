import "server-only";
import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { env } from "@/lib/env";
import { sql, sqlTransaction } from "@/lib/db";
import { UserError } from "@/lib/errors";
import type { WorkspaceContext } from "@/lib/workspace";
import { MAP_NOT_FOUND } from "@/lib/data/designer-core";
import { getCaptureJourney } from "@/lib/data/interview-capture";
import { sampleFile } from "@/lib/csv/read";
import { detectSurveyLayout, type FileColumn } from "@/lib/csv/survey-layout";
import { suggestMapping } from "@/lib/csv/suggest";
import { ImportMappingSchema, type ImportMapping, type StartImportSchema } from "@/lib/schemas/import";

// CSV imports: the uploaded file goes to a folder of its own (streamed, never held in memory),
// a job row keeps its mapping, progress and outcome, and the worker (lib/data/import-run.ts)
// runs it. Every function takes the workspace guard's context; every query is scoped by it.

export const IMPORT_NOT_FOUND = "That import was not found.";
export const UNDO_WINDOW_MS = 24 * 60 * 60 * 1000;

export const importLimits = {
  maxBytes: Math.floor(env.CXMAP_IMPORT_MAX_MB * 1024 * 1024),
  maxMegabytes: env.CXMAP_IMPORT_MAX_MB,
  maxRows: env.CXMAP_IMPORT_MAX_ROWS,
};

export function importFolder(workspaceId: string, importId: string): string {
  return path.resolve(env.CXMAP_IMPORT_DIR, workspaceId, importId);
}
export const uploadPath = (workspaceId: string, importId: string) => path.join(importFolder(workspaceId, importId), "upload.csv");
export const reportPath = (workspaceId: string, importId: string) => path.join(importFolder(workspaceId, importId), "bad-rows.csv");

export function tooLargeMessage(): string {
  return `The file is too large: imports take files up to ${importLimits.maxMegabytes.toLocaleString("en")} MB (set by CXMAP_IMPORT_MAX_MB). Split it into smaller files.`;
}

/** A file name as shown in the history: its last part, printable, at most 200 characters. */
export function cleanFileName(raw: string): string {
  const name = raw.split(/[\\/]/).pop() ?? "";
  const printable = name.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, "").trim().slice(0, 200);
  return printable || "upload.csv";
}

async function mapForImport(ctx: WorkspaceContext, mapId: string) {
  const [map] = await sql<{ id: string; status: string }>("SELECT id, status::text AS status FROM maps WHERE id = $1 AND workspace_id = $2", [mapId, ctx.workspaceId]);
  if (!map) throw new UserError(MAP_NOT_FOUND, undefined, 404);
  if (map.status === "ARCHIVED") throw new UserError("This map is archived: restore it before importing into it.", undefined, 409);
  return map;
}

/**
 * Receives an uploaded file: streams the request body into the import's folder, refusing it
 * (and keeping nothing) once it passes the size limit, and records the import as uploaded.
 */
export async function receiveImportUpload(
  ctx: WorkspaceContext,
  mapId: string,
  fileName: string,
  body: ReadableStream<Uint8Array> | null,
): Promise<{ importId: string }> {
  await mapForImport(ctx, mapId);
  if (!body) throw new UserError("The file is empty: choose a CSV file with a header row and data rows.");
  const importId = randomUUID();
  const folder = importFolder(ctx.workspaceId, importId);
  await mkdir(folder, { recursive: true });
  let size = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size > importLimits.maxBytes) callback(new UserError(tooLargeMessage(), undefined, 413));
      else callback(null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(body as import("node:stream/web").ReadableStream<Uint8Array>), limit, createWriteStream(uploadPath(ctx.workspaceId, importId)));
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    if (error instanceof UserError) throw error;
    throw new UserError("The upload was interrupted. Try again.", undefined, 400);
  }
  if (size === 0) {
    await rm(folder, { recursive: true, force: true });
    throw new UserError("The file is empty: choose a CSV file with a header row and data rows.");
  }
  await sql(
    `INSERT INTO import_jobs (id, workspace_id, map_id, created_by_id, file_name, file_size, status)
     VALUES ($1, $2, $3, $4, $5, $6, 'UPLOADED')`,
    [importId, ctx.workspaceId, mapId, ctx.userId, cleanFileName(fileName), size],
  );
  return { importId };
}

export type { ImportStatus, ImportView, ImportPreview } from "@/lib/types/imports";
import type { ImportStatus, ImportView, ImportPreview } from "@/lib/types/imports";

const IMPORT_COLUMNS = `j.id, j.map_id, j.file_name, j.file_size::float8 AS file_size, j.status::text AS status, u.name AS created_by_name,
  j.created_at, j.started_at, j.finished_at, j.undone_at, j.rows_done, j.bytes_done::float8 AS bytes_done, j.interviews_added,
  j.interviews_skipped, j.observations_added, j.bad_rows, j.problems, j.message, now() AS now`;

type ImportRow = {
  id: string;
  map_id: string;
  file_name: string;
  file_size: number;
  status: ImportStatus;
  created_by_name: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  undone_at: Date | null;
  rows_done: number;
  bytes_done: number;
  interviews_added: number;
  interviews_skipped: number;
  observations_added: number;
  bad_rows: number;
  problems: ImportView["problems"] | null;
  message: string | null;
  now: Date;
};

function toView(row: ImportRow): ImportView {
  const elapsed = row.started_at ? ((row.finished_at ?? row.now).getTime() - row.started_at.getTime()) / 1000 : 0;
  const running = row.status === "RUNNING";
  const rowsPerSecond = row.started_at && elapsed > 0 ? Math.round(row.rows_done / elapsed) : null;
  const bytesPerSecond = elapsed > 0 ? row.bytes_done / elapsed : 0;
  const secondsLeft = running && bytesPerSecond > 0 ? Math.max(0, Math.round((row.file_size - row.bytes_done) / bytesPerSecond)) : null;
  return {
    id: row.id,
    mapId: row.map_id,
    fileName: row.file_name,
    fileSize: row.file_size,
    status: row.status,
    createdByName: row.created_by_name,
    createdAt: row.created_at.toISOString(),
    startedAt: row.started_at?.toISOString() ?? null,
    finishedAt: row.finished_at?.toISOString() ?? null,
    undoneAt: row.undone_at?.toISOString() ?? null,
    rowsDone: row.rows_done,
    bytesDone: row.bytes_done,
    interviewsAdded: row.interviews_added,
    interviewsSkipped: row.interviews_skipped,
    observationsAdded: row.observations_added,
    badRows: row.bad_rows,
    problems: row.problems ?? [],
    message: row.message,
    rowsPerSecond,
    secondsLeft,
    canUndo: row.status === "SUCCEEDED" && row.finished_at !== null && row.now.getTime() - row.finished_at.getTime() < UNDO_WINDOW_MS,
  };
}

export async function getImport(ctx: WorkspaceContext, importId: string): Promise<ImportView | null> {
  const [row] = await sql<ImportRow>(
    `SELECT ${IMPORT_COLUMNS} FROM import_jobs j LEFT JOIN users u ON u.id = j.created_by_id WHERE j.id = $1 AND j.workspace_id = $2`,
    [importId, ctx.workspaceId],
  );
  return row ? toView(row) : null;
}

/** The map's import history, newest first. */
export async function listImports(ctx: WorkspaceContext, mapId: string, limit = 50): Promise<ImportView[]> {
  const rows = await sql<ImportRow>(
    `SELECT ${IMPORT_COLUMNS} FROM import_jobs j LEFT JOIN users u ON u.id = j.created_by_id
     WHERE j.workspace_id = $1 AND j.map_id = $2 AND j.status <> 'UPLOADED' ORDER BY j.created_at DESC LIMIT $3`,
    [ctx.workspaceId, mapId, limit],
  );
  return rows.map(toView);
}

export async function listAttributeFieldsForImport(workspaceId: string) {
  const rows = await sql<{ id: string; name: string; option_id: string | null; value: string | null }>(
    `SELECT f.id, f.name, o.id AS option_id, o.value FROM attribute_fields f
     LEFT JOIN attribute_options o ON o.field_id = f.id AND o.archived_at IS NULL
     WHERE f.workspace_id = $1 AND f.archived_at IS NULL ORDER BY f.position, o.position`,
    [workspaceId],
  );
  const fields = new Map<string, { id: string; name: string; options: { id: string; value: string }[] }>();
  for (const row of rows) {
    const field = fields.get(row.id) ?? { id: row.id, name: row.name, options: [] };
    if (row.option_id && row.value !== null) field.options.push({ id: row.option_id, value: row.value });
    fields.set(row.id, field);
  }
  return [...fields.values()];
}

/** What the mapping step shows: the file's first rows, the columns, and the mapping to start from. */
export async function getImportPreview(ctx: WorkspaceContext, importId: string): Promise<ImportPreview | null> {
  const view = await getImport(ctx, importId);
  if (!view) return null;
  const journey = await getCaptureJourney(ctx, view.mapId);
  if (!journey) return null;
  const attributeFields = await listAttributeFieldsForImport(ctx.workspaceId);
  const sample = await sampleFile(uploadPath(ctx.workspaceId, importId));
  const layout = detectSurveyLayout(sample.records);
  const dataRows = sample.records.slice(1 + layout.extraHeaderRows);
  const width = Math.max(layout.columns.length, ...dataRows.map((row) => row.length));
  const columns: FileColumn[] = Array.from({ length: width }, (_, index) => layout.columns[index] ?? { index, name: `Column ${index + 1}`, question: "" });
  const values = columns.map((column) => [...new Set(dataRows.map((row) => (row[column.index] ?? "").trim()).filter(Boolean))].slice(0, 40));
  const simpleJourney = {
    touchpoints: journey.touchpoints.map((touchpoint) => ({ id: touchpoint.id, name: touchpoint.name, expectations: touchpoint.expectations })),
  };

  const [saved] = await sql<{ mapping: unknown }>("SELECT mapping FROM import_mappings WHERE workspace_id = $1 AND map_id = $2", [ctx.workspaceId, view.mapId]);
  const savedMapping = saved ? ImportMappingSchema.safeParse(saved.mapping) : null;
  const fits = savedMapping?.success && savedMapping.data.columns.every((item) => item.column < width);
  const suggested = suggestMapping(columns, simpleJourney, attributeFields);
  const mapping: ImportMapping =
    fits && savedMapping?.success
      ? { ...savedMapping.data, encoding: sample.encoding, delimiter: sample.delimiter, extraHeaderRows: layout.extraHeaderRows }
      : {
          layout: suggested.layout,
          encoding: sample.encoding,
          delimiter: sample.delimiter,
          extraHeaderRows: layout.extraHeaderRows,
          columns: suggested.columns,
          values: { outcome: {}, importance: {}, feeling: {}, mode: {}, lifecycleStage: {}, valueTier: {} },
          dateOrder: "ymd",
          unknownExpectations: "refuse",
          defaults: { mode: "IN_PERSON", lifecycleStage: "ESTABLISHED" },
        };
  return {
    import: view,
    encoding: sample.encoding,
    delimiter: sample.delimiter,
    tool: layout.tool,
    extraHeaderRows: layout.extraHeaderRows,
    columns,
    rows: dataRows.slice(0, 8),
    values,
    mapping,
    savedMappingUsed: Boolean(fits),
    journey: simpleJourney,
    attributeFields,
  };
}

/**
 * Starts an uploaded import (or one that failed, with a corrected mapping): checks that every
 * id the mapping names is this map's or this workspace's, keeps the mapping for the map's next
 * import, and queues the job for the worker.
 */
export async function startImport(ctx: WorkspaceContext, { importId, mapping }: StartImportSchema): Promise<{ importId: string }> {
  const view = await getImport(ctx, importId);
  if (!view) throw new UserError(IMPORT_NOT_FOUND, undefined, 404);
  if (!["UPLOADED", "FAILED", "CANCELLED"].includes(view.status)) {
    throw new UserError("This import has already run; upload the file again to import it once more.", undefined, 409);
  }
  await mapForImport(ctx, view.mapId);
  try {
    await stat(uploadPath(ctx.workspaceId, importId));
  } catch {
    throw new UserError("The uploaded file is no longer kept: upload it again.", undefined, 409);
  }
  const journey = await getCaptureJourney(ctx, view.mapId);
  if (!journey) throw new UserError(MAP_NOT_FOUND, undefined, 404);
  const fields = await listAttributeFieldsForImport(ctx.workspaceId);
  for (const { target } of mapping.columns) {
    if (target.kind === "attribute" && !fields.some((field) => field.id === target.fieldId)) {
      throw new UserError("A column is mapped to a respondent attribute that is not in this workspace.", { columns: ["Choose the attribute again."] });
    }
    if (target.kind === "measure") {
      const touchpoint = journey.touchpoints.find((item) => item.id === target.touchpointId);
      if (!touchpoint || !touchpoint.expectations.some((item) => item.id === target.expectationId)) {
        throw new UserError("A column is mapped to an expectation that is not on this map.", { columns: ["Choose the expectation again."] });
      }
    }
  }
  await sqlTransaction(async (tx) => {
    const updated = await tx(
      `UPDATE import_jobs SET status = 'QUEUED', mapping = $3::jsonb, rows_done = 0, bytes_done = 0, interviews_added = 0,
         interviews_skipped = 0, observations_added = 0, bad_rows = 0, problems = NULL, message = NULL, cancel_requested = false,
         started_at = NULL, finished_at = NULL, heartbeat_at = NULL, created_by_id = $4
       WHERE id = $1 AND workspace_id = $2 AND status IN ('UPLOADED', 'FAILED', 'CANCELLED') RETURNING id`,
      [importId, ctx.workspaceId, JSON.stringify(mapping), ctx.userId],
    );
    if (updated.length === 0) throw new UserError("This import has already started.", undefined, 409);
    await tx(
      `INSERT INTO import_mappings (workspace_id, map_id, mapping, updated_at) VALUES ($1, $2, $3::jsonb, now())
       ON CONFLICT (workspace_id, map_id) DO UPDATE SET mapping = excluded.mapping, updated_at = now()`,
      [ctx.workspaceId, view.mapId, JSON.stringify(mapping)],
    );
  });
  return { importId };
}

/** Asks a queued or running import to stop; it rolls back and writes nothing. */
export async function cancelImport(ctx: WorkspaceContext, importId: string): Promise<{ importId: string }> {
  const rows = await sql(
    `UPDATE import_jobs SET cancel_requested = true,
       status = CASE WHEN status = 'QUEUED' THEN 'CANCELLED'::"ImportStatus" ELSE status END,
       message = CASE WHEN status = 'QUEUED' THEN 'Stopped before it started; nothing was imported.' ELSE message END,
       finished_at = CASE WHEN status = 'QUEUED' THEN now() ELSE finished_at END
     WHERE id = $1 AND workspace_id = $2 AND status IN ('QUEUED', 'RUNNING') RETURNING id`,
    [importId, ctx.workspaceId],
  );
  if (rows.length === 0) {
    if (!(await getImport(ctx, importId))) throw new UserError(IMPORT_NOT_FOUND, undefined, 404);
    throw new UserError("This import is not running.", undefined, 409);
  }
  return { importId };
}

/**
 * Undoes a successful import within 24 hours: its interviews are made void (never deleted), and
 * the respondents and unlisted expectations it created are archived unless something else uses
 * them. One transaction; the analysis triggers take the interviews out of every figure.
 */
export async function undoImport(ctx: WorkspaceContext, importId: string): Promise<{ importId: string; interviewsVoided: number }> {
  const view = await getImport(ctx, importId);
  if (!view) throw new UserError(IMPORT_NOT_FOUND, undefined, 404);
  if (view.status === "UNDONE") throw new UserError("This import has already been undone.", undefined, 409);
  if (view.status !== "SUCCEEDED") throw new UserError("Only an import that finished can be undone.", undefined, 409);
  if (!view.canUndo) throw new UserError("An import can be undone for 24 hours after it finished; this one is older. Void its interviews one by one instead.", undefined, 409);
  return sqlTransaction(async (tx) => {
    const [job] = await tx<{ status: string }>("SELECT status::text AS status FROM import_jobs WHERE id = $1 AND workspace_id = $2 FOR UPDATE", [importId, ctx.workspaceId]);
    if (job?.status !== "SUCCEEDED") throw new UserError("This import has already been undone.", undefined, 409);
    const voided = await tx<{ id: string }>(
      `UPDATE interviews SET status = 'VOID', voided_at = now(), void_reason = $3, updated_at = now()
       WHERE workspace_id = $1 AND import_id = $2 AND status <> 'VOID' RETURNING id`,
      [ctx.workspaceId, importId, `Import of ${view.fileName} undone`],
    );
    await tx(
      `UPDATE expectations e SET archived_at = now() WHERE e.workspace_id = $1 AND e.import_id = $2 AND e.archived_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM observations o JOIN interviews i ON i.id = o.interview_id
                         WHERE o.expectation_id = e.id AND i.status <> 'VOID')`,
      [ctx.workspaceId, importId],
    );
    await tx(
      `UPDATE respondents r SET archived_at = now(), updated_at = now() WHERE r.workspace_id = $1 AND r.import_id = $2 AND r.archived_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM interviews i WHERE i.respondent_id = r.id AND i.status <> 'VOID')`,
      [ctx.workspaceId, importId],
    );
    await tx("UPDATE import_jobs SET status = 'UNDONE', undone_at = now(), undone_by_id = $3 WHERE id = $1 AND workspace_id = $2", [
      importId,
      ctx.workspaceId,
      ctx.userId,
    ]);
    await tx(
      `INSERT INTO audit_log (id, workspace_id, actor_id, action, entity_type, entity_id, after)
       VALUES ($1, $2, $3, 'import.undo', 'ImportJob', $4, $5::jsonb)`,
      [randomUUID(), ctx.workspaceId, ctx.userId, importId, JSON.stringify({ mapId: view.mapId, fileName: view.fileName, interviews: voided.length })],
    );
    return { importId, interviewsVoided: voided.length };
  });
}
