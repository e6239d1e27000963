// CSV imports against a real PostgreSQL: a bad row writes nothing and is reported, the same file
// twice imports once, another workspace's touchpoints and interviewers are refused, an import
// stopped mid-way leaves nothing, undo voids exactly what the import added, and only analysts
// and admins of the workspace may import.
import { readFile } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/db";
import { actAs, expectNotFound } from "@/tests/support/session";
import { createWorkspaceWithMembers } from "@/tests/factories/workspace";
import { createRespondent } from "@/tests/factories/respondent";
import { createTestMap, submissionFor, submitThroughRoute, type TestMap } from "./interview-support";
import { sql } from "@/lib/db";
import { requireWorkspace } from "@/lib/workspace";
import { cancelImportAction, startImportAction, undoImportAction } from "@/lib/actions/imports";
import { getImport, reportPath, startImport } from "@/lib/data/imports";
import { runImportJob } from "@/lib/data/import-run";
import { findRollupMismatches } from "@/lib/data/analysis-verify";
import { ImportMappingSchema, type ImportMappingInput } from "@/lib/schemas/import";
import { POST as uploadRoute } from "@/app/api/w/[workspaceId]/maps/[mapId]/imports/route";
import { GET as importRoute } from "@/app/api/w/[workspaceId]/imports/[importId]/route";
import { GET as reportRoute } from "@/app/api/w/[workspaceId]/imports/[importId]/report/route";

type Members = Awaited<ReturnType<typeof createWorkspaceWithMembers>>;

const HEADER = "interview_id,respondent,date,interviewer,touchpoint,expectation,outcome,importance,feeling,comment";
const LONG_MAPPING: ImportMappingInput = {
  layout: "long",
  encoding: "utf-8",
  delimiter: ",",
  extraHeaderRows: 0,
  columns: ["interviewId", "respondentCode", "date", "interviewer", "touchpoint", "expectation", "outcome", "importance", "feeling", "comment"].map(
    (kind, column) => ({ column, target: { kind } }),
  ) as ImportMappingInput["columns"],
};

/** A long CSV: `count` interviews, each rating both expectations of the map's first touchpoint. */
function longCsv(map: TestMap, count: number, { prefix = "I", interviewer = "" } = {}) {
  const [first] = map.touchpoints;
  const lines = [HEADER];
  for (let index = 1; index <= count; index += 1) {
    for (const [position, expectation] of first!.expectations.entries()) {
      lines.push(`${prefix}-${index},R-${prefix}-${index},2026-11-${10 + (index % 10)},${interviewer},${first!.name},${expectation.text},${position === 0 ? "Exceeded expectations" : "Missed"},${position === 0 ? "Very important" : "3"},Loved it,`);
    }
  }
  return `${lines.join("\n")}\n`;
}

async function upload(workspaceId: string, mapId: string, csv: string, name = "interviews.csv") {
  const request = new Request(`http://localhost/api/w/${workspaceId}/maps/${mapId}/imports?name=${encodeURIComponent(name)}`, {
    method: "POST",
    headers: { "Content-Type": "text/csv" },
    body: csv,
  });
  return uploadRoute(request, { params: Promise.resolve({ workspaceId, mapId }) });
}

async function uploaded(workspaceId: string, mapId: string, csv: string) {
  const response = await upload(workspaceId, mapId, csv);
  expect(response.status).toBe(201);
  return ((await response.json()) as { importId: string }).importId;
}

async function finished(workspaceId: string, importId: string) {
  const ctx = await requireWorkspace(workspaceId, "data.import");
  for (let attempt = 0; attempt < 300; attempt += 1) {
    const view = await getImport(ctx, importId);
    if (view && view.status !== "QUEUED" && view.status !== "RUNNING") return view;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("The import did not finish.");
}

/** Uploads and imports through the action, as the mapping step does, and waits for the worker. */
async function importCsv(members: Members, map: TestMap, csv: string, mapping: ImportMappingInput = LONG_MAPPING) {
  actAs(members.analyst);
  const importId = await uploaded(members.workspace.id, map.map.id, csv);
  const result = await startImportAction(members.workspace.id, { importId, mapping: JSON.stringify(mapping) });
  expect(result).toEqual({ ok: true, data: { importId } });
  return finished(members.workspace.id, importId);
}

async function counts(workspaceId: string) {
  const [row] = await sql<{ interviews: number; observations: number; respondents: number; expectations: number; submitted: number }>(
    `SELECT (SELECT count(*)::int FROM interviews WHERE workspace_id = $1) AS interviews,
            (SELECT count(*)::int FROM interviews WHERE workspace_id = $1 AND status = 'SUBMITTED') AS submitted,
            (SELECT count(*)::int FROM observations WHERE workspace_id = $1) AS observations,
            (SELECT count(*)::int FROM respondents WHERE workspace_id = $1) AS respondents,
            (SELECT count(*)::int FROM expectations WHERE workspace_id = $1) AS expectations`,
    [workspaceId],
  );
  return row!;
}

describe("CSV import", () => {
  let home: Members;
  let other: Members;
  let otherMap: TestMap;

  beforeAll(async () => {
    home = await createWorkspaceWithMembers(testDb());
    other = await createWorkspaceWithMembers(testDb());
    otherMap = await createTestMap(other.workspace.id);
  }, 60_000);

  it("imports a long file whole, with the interviewers named by email, and the analysis agrees", async () => {
    const map = await createTestMap(home.workspace.id);
    const view = await importCsv(home, map, longCsv(map, 5, { prefix: "A", interviewer: home.interviewer.email }));
    expect(view).toMatchObject({ status: "SUCCEEDED", rowsDone: 10, interviewsAdded: 5, observationsAdded: 10, badRows: 0 });
    const interviews = await testDb().interview.findMany({ where: { mapId: map.map.id }, include: { observations: true } });
    expect(interviews).toHaveLength(5);
    expect(new Set(interviews.map((item) => item.interviewerId))).toEqual(new Set([home.interviewer.id]));
    expect(interviews.every((item) => item.status === "SUBMITTED" && item.importId === view.id && item.observations.length === 2)).toBe(true);
    const outcomes = interviews.flatMap((item) => item.observations.map((observation) => `${observation.outcome}/${observation.importance}/${observation.feeling}`));
    expect(outcomes.sort()).toEqual([...Array(5).fill("EXCEEDED/5/LOVE"), ...Array(5).fill("MISSED/3/LOVE")].sort());
    expect(await findRollupMismatches(testDb(), { workspaceId: home.workspace.id })).toEqual([]);
    const [summary] = await sql<{ n: number }>("SELECT count(*)::int AS n FROM analysis_interviews WHERE map_id = $1", [map.map.id]);
    expect(summary!.n).toBe(5);
    const audit = await testDb().auditLog.findFirstOrThrow({ where: { entityId: view.id, action: "import.run" } });
    expect(audit.after).toMatchObject({ interviews: 5, observations: 10 });
    // The mapping is kept for the map's next import.
    const saved = await testDb().importMapping.findUniqueOrThrow({ where: { workspaceId_mapId: { workspaceId: home.workspace.id, mapId: map.map.id } } });
    expect(ImportMappingSchema.parse(saved.mapping).layout).toBe("long");
  });

  it("imports the same file twice once, and overlapping rows add only what is new", async () => {
    const map = await createTestMap(home.workspace.id);
    const first = await importCsv(home, map, longCsv(map, 4, { prefix: "B" }));
    expect(first).toMatchObject({ status: "SUCCEEDED", interviewsAdded: 4 });
    const before = await counts(home.workspace.id);
    const again = await importCsv(home, map, longCsv(map, 4, { prefix: "B" }));
    expect(again).toMatchObject({ status: "SUCCEEDED", interviewsAdded: 0, interviewsSkipped: 4, observationsAdded: 0 });
    expect(await counts(home.workspace.id)).toEqual(before);
    const overlapping = await importCsv(home, map, longCsv(map, 6, { prefix: "B" }));
    expect(overlapping).toMatchObject({ status: "SUCCEEDED", interviewsAdded: 2, interviewsSkipped: 4, observationsAdded: 4 });
    expect(await testDb().interview.count({ where: { mapId: map.map.id } })).toBe(6);
  });

  it("writes nothing when one row is bad, and reports every bad row with line, column and reason", async () => {
    const map = await createTestMap(home.workspace.id);
    const lines = longCsv(map, 3, { prefix: "C" }).trimEnd().split("\n");
    lines[3] = lines[3]!.replace("Exceeded expectations", "Purple");
    lines[6] = lines[6]!.replace(",3,", ",9,");
    const before = await counts(home.workspace.id);
    const view = await importCsv(home, map, `${lines.join("\n")}\n`);
    expect(view.status).toBe("FAILED");
    expect(view.badRows).toBe(2);
    expect(view.message).toBe("2 rows have problems; nothing was imported. Correct them (or the mapping) and import again.");
    expect(view.problems).toEqual([
      { line: 4, column: "outcome", reason: "“Purple” is not an outcome (missed, met or exceeded): map this value in the values step." },
      { line: 7, column: "importance", reason: "“9” is not an importance from 1 to 5: map this value in the values step." },
    ]);
    expect(await counts(home.workspace.id)).toEqual(before);
    const report = await reportRoute(new Request(`http://localhost/api/w/${home.workspace.id}/imports/${view.id}/report`), {
      params: Promise.resolve({ workspaceId: home.workspace.id, importId: view.id }),
    });
    expect(report.status).toBe(200);
    expect(report.headers.get("content-disposition")).toContain("attachment");
    const text = await report.text();
    expect(text).toBe(
      [
        "line,column,reason",
        '4,outcome,"“Purple” is not an outcome (missed, met or exceeded): map this value in the values step."',
        "7,importance,“9” is not an importance from 1 to 5: map this value in the values step.",
        "",
      ].join("\n"),
    );
    expect(await readFile(reportPath(home.workspace.id, view.id), "utf8")).toBe(text);
  });

  it("refuses rows naming another workspace's touchpoint or interviewer, and writes nothing", async () => {
    const map = await createTestMap(home.workspace.id);
    const before = await counts(home.workspace.id);
    const foreignTouchpoint = otherMap.touchpoints[0]!;
    const lines = longCsv(map, 2, { prefix: "D" }).trimEnd().split("\n");
    lines[1] = lines[1]!.replace(`,${map.touchpoints[0]!.name},`, `,${foreignTouchpoint.id},`);
    const byId = await importCsv(home, map, `${lines.join("\n")}\n`);
    expect(byId.status).toBe("FAILED");
    expect(byId.problems).toEqual([{ line: 2, column: "touchpoint", reason: `“${foreignTouchpoint.id}” is not a touchpoint of this map.` }]);

    const byEmail = await importCsv(home, map, longCsv(map, 2, { prefix: "E", interviewer: other.interviewer.email }));
    expect(byEmail.status).toBe("FAILED");
    expect(byEmail.problems.map((problem) => problem.reason)).toEqual([
      `No member of this workspace has the email ${other.interviewer.email}.`,
      `No member of this workspace has the email ${other.interviewer.email}.`,
    ]);
    const byManager = await importCsv(home, map, longCsv(map, 1, { prefix: "F", interviewer: home.manager.email }));
    expect(byManager.problems.map((problem) => problem.reason)).toEqual([`${home.manager.email} does not record interviews in this workspace.`]);
    expect(await counts(home.workspace.id)).toEqual(before);
  });

  async function queued(map: TestMap, csv: string) {
    actAs(home.analyst);
    const importId = await uploaded(home.workspace.id, map.map.id, csv);
    const ctx = await requireWorkspace(home.workspace.id, "data.import");
    await startImport(ctx, { importId, mapping: ImportMappingSchema.parse(LONG_MAPPING) });
    // Claimed here, as the worker claims it, to run it with a hook.
    await sql("UPDATE import_jobs SET status = 'RUNNING', started_at = now(), heartbeat_at = now() WHERE id = $1", [importId]);
    return importId;
  }

  it("leaves nothing when the database connection of a running import is killed mid-way", async () => {
    const map = await createTestMap(home.workspace.id);
    const before = await counts(home.workspace.id);
    const importId = await queued(map, longCsv(map, 20, { prefix: "G" }));
    let written = 0;
    await runImportJob(importId, {
      batchObservations: 4,
      onBatch: async ({ batches, connectionPid }) => {
        if (batches < 3) return;
        // Rows of three batches are in the transaction, not committed: kill its connection.
        const [row] = await sql<{ n: number }>("SELECT count(*)::int AS n FROM interviews WHERE map_id = $1", [map.map.id]);
        written = row!.n;
        await sql("SELECT pg_terminate_backend($1)", [connectionPid]);
      },
    });
    expect(written).toBe(0); // not visible outside the transaction
    const view = await finished(home.workspace.id, importId);
    expect(view.status).toBe("FAILED");
    expect(await counts(home.workspace.id)).toEqual(before);
  });

  it("leaves nothing when a running import is stopped by the user mid-way", async () => {
    const map = await createTestMap(home.workspace.id);
    const before = await counts(home.workspace.id);
    const importId = await queued(map, longCsv(map, 20, { prefix: "H" }));
    await runImportJob(importId, {
      batchObservations: 4,
      onBatch: async ({ batches }) => {
        if (batches === 2) expect(await cancelImportAction(home.workspace.id, { importId })).toEqual({ ok: true, data: { importId } });
      },
    });
    const view = await finished(home.workspace.id, importId);
    expect(view).toMatchObject({ status: "CANCELLED", message: "Stopped before it finished; nothing was imported." });
    expect(await counts(home.workspace.id)).toEqual(before);
  });

  it("reads ahead of the writer: many small batches land whole, and problems found by either come out in line order", async () => {
    const map = await createTestMap(home.workspace.id);
    const good = await queued(map, longCsv(map, 25, { prefix: "K", interviewer: home.interviewer.email }));
    await runImportJob(good, { batchObservations: 2 });
    expect(await finished(home.workspace.id, good)).toMatchObject({ status: "SUCCEEDED", interviewsAdded: 25, observationsAdded: 50 });
    expect(await findRollupMismatches(testDb(), { workspaceId: home.workspace.id })).toEqual([]);

    // Line 2's interviewer is found unknown by the writer, after the reader has found line 6's
    // bad outcome (three batches are read before the reader waits for the first to be written).
    const before = await counts(home.workspace.id);
    const lines = longCsv(map, 6, { prefix: "L", interviewer: home.interviewer.email }).trimEnd().split("\n");
    for (const index of [1, 2]) lines[index] = lines[index]!.replace(home.interviewer.email, "nobody@example.com");
    lines[5] = lines[5]!.replace("Exceeded expectations", "Purple");
    const bad = await queued(map, `${lines.join("\n")}\n`);
    await runImportJob(bad, { batchObservations: 2 });
    const view = await finished(home.workspace.id, bad);
    expect(view.status).toBe("FAILED");
    expect(view.problems.map((problem) => problem.line)).toEqual([2, 6]);
    const report = await readFile(reportPath(home.workspace.id, bad), "utf8");
    expect(report.trimEnd().split("\n").map((line) => line.split(",")[0])).toEqual(["line", "2", "6"]);
    expect(await counts(home.workspace.id)).toEqual(before);
  });

  it("undo voids exactly the interviews the import added, within 24 hours, once", async () => {
    const map = await createTestMap(home.workspace.id);
    const respondent = await createRespondent(testDb(), { workspaceId: home.workspace.id });
    actAs(home.interviewer);
    const captured = submissionFor(map, respondent.id);
    expect((await submitThroughRoute(home.workspace.id, captured)).ok).toBe(true);
    const mapping = { ...LONG_MAPPING, unknownExpectations: "volunteer" as const };
    const lines = longCsv(map, 3, { prefix: "U" }).trimEnd().split("\n");
    lines.splice(3, 0, `U-1,R-U-1,2026-11-11,,${map.touchpoints[1]!.name},Warm welcome,Met,2,,`);
    const view = await importCsv(home, map, `${lines.join("\n")}\n`, mapping);
    expect(view).toMatchObject({ status: "SUCCEEDED", interviewsAdded: 3, observationsAdded: 7, canUndo: true });
    const volunteered = await testDb().expectation.findFirstOrThrow({ where: { mapId: map.map.id, text: "Warm welcome" } });
    expect(volunteered).toMatchObject({ kind: "VOLUNTEERED", importId: view.id });

    actAs(home.manager);
    await expectNotFound(undoImportAction(home.workspace.id, { importId: view.id }));
    actAs(home.analyst);
    expect(await undoImportAction(home.workspace.id, { importId: view.id })).toEqual({ ok: true, data: { importId: view.id, interviewsVoided: 3 } });
    const interviews = await testDb().interview.findMany({ where: { mapId: map.map.id }, include: { observations: true } });
    expect(interviews.filter((item) => item.status === "VOID").map((item) => item.importId)).toEqual([view.id, view.id, view.id]);
    expect(interviews.filter((item) => item.status === "SUBMITTED").map((item) => item.id)).toEqual([captured.id]);
    // Void, never deleted: the observations are all still there.
    expect(interviews.reduce((sum, item) => sum + item.observations.length, 0)).toBe(7 + 3);
    expect((await testDb().expectation.findUniqueOrThrow({ where: { id: volunteered.id } })).archivedAt).not.toBeNull();
    expect(await testDb().respondent.count({ where: { importId: view.id, archivedAt: null } })).toBe(0);
    expect((await testDb().respondent.findUniqueOrThrow({ where: { id: respondent.id } })).archivedAt).toBeNull();
    expect(await findRollupMismatches(testDb(), { workspaceId: home.workspace.id })).toEqual([]);
    const [summary] = await sql<{ n: number }>("SELECT count(*)::int AS n FROM analysis_interviews WHERE map_id = $1", [map.map.id]);
    expect(summary!.n).toBe(1);
    expect(await undoImportAction(home.workspace.id, { importId: view.id })).toMatchObject({ ok: false, formError: "This import has already been undone." });

    // Older than 24 hours: refused.
    const later = await importCsv(home, map, longCsv(map, 1, { prefix: "V" }));
    await sql("UPDATE import_jobs SET finished_at = now() - interval '25 hours' WHERE id = $1", [later.id]);
    const refused = await undoImportAction(home.workspace.id, { importId: later.id });
    expect(refused).toMatchObject({ ok: false });
    expect((refused as { formError: string }).formError).toMatch(/24 hours/);
    expect(await testDb().interview.count({ where: { importId: later.id, status: "SUBMITTED" } })).toBe(1);
  });

  it("refuses another workspace's members and the roles that may not import, on every entry point", async () => {
    const map = await createTestMap(home.workspace.id);
    actAs(home.analyst);
    const importId = await uploaded(home.workspace.id, map.map.id, longCsv(map, 1, { prefix: "W" }));
    const mapping = JSON.stringify(LONG_MAPPING);
    for (const user of [other.admin, home.manager, home.interviewer]) {
      actAs(user);
      expect((await upload(home.workspace.id, map.map.id, longCsv(map, 1))).status).toBe(404);
      const params = { params: Promise.resolve({ workspaceId: home.workspace.id, importId }) };
      expect((await importRoute(new Request(`http://localhost/api/w/${home.workspace.id}/imports/${importId}`), params)).status).toBe(404);
      expect((await reportRoute(new Request(`http://localhost/api/w/${home.workspace.id}/imports/${importId}/report`), params)).status).toBe(404);
      await expectNotFound(startImportAction(home.workspace.id, { importId, mapping }));
      await expectNotFound(cancelImportAction(home.workspace.id, { importId }));
      await expectNotFound(undoImportAction(home.workspace.id, { importId }));
    }
    // Another workspace's admin, in their own workspace, cannot reach this import either.
    actAs(other.admin);
    expect(await startImportAction(other.workspace.id, { importId, mapping })).toMatchObject({ ok: false, formError: "That import was not found." });
    expect((await upload(other.workspace.id, map.map.id, longCsv(map, 1))).status).toBe(404);
    expect((await testDb().importJob.findUniqueOrThrow({ where: { id: importId } })).status).toBe("UPLOADED");
    // An admin of this workspace may.
    actAs(home.admin);
    expect(await startImportAction(home.workspace.id, { importId, mapping })).toEqual({ ok: true, data: { importId } });
    expect(await finished(home.workspace.id, importId)).toMatchObject({ status: "SUCCEEDED", interviewsAdded: 1 });
  });

  it("refuses a file over the size limit with a message that says so", async () => {
    const map = await createTestMap(home.workspace.id);
    actAs(home.analyst);
    const request = new Request(`http://localhost/api/w/${home.workspace.id}/maps/${map.map.id}/imports?name=big.csv`, {
      method: "POST",
      headers: { "Content-Type": "text/csv", "Content-Length": String(10 * 1024 * 1024 * 1024) },
      body: "a,b\n",
    });
    const response = await uploadRoute(request, { params: Promise.resolve({ workspaceId: home.workspace.id, mapId: map.map.id }) });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: string }).error).toMatch(/too large: imports take files up to 500 MB \(set by CXMAP_IMPORT_MAX_MB\)/);
  });
});
