// The database's own rules for what an import or a submission writes, checked against a real
// PostgreSQL: an observation's expectation must be one of its touchpoint's (one key on the
// pair), an expectation with answers cannot be deleted, and every submitted interview is
// announced to the workspace's webhook once, however many rows one statement inserts.
import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/db";
import { createWorkspaceWithMembers } from "@/tests/factories/workspace";
import { createInterview } from "@/tests/factories/interview";
import { createTestMap, type TestMap } from "./interview-support";
import { sql } from "@/lib/db";

type Members = Awaited<ReturnType<typeof createWorkspaceWithMembers>>;

async function observationCount(mapId: string) {
  const [row] = await sql<{ n: number }>("SELECT count(*)::int AS n FROM observations WHERE map_id = $1", [mapId]);
  return row!.n;
}

describe("observation keys", () => {
  let home: Members;
  let map: TestMap;

  beforeAll(async () => {
    home = await createWorkspaceWithMembers(testDb());
    map = await createTestMap(home.workspace.id, { status: "ACTIVE" });
  }, 60_000);

  it("refuses an observation whose expectation belongs to another touchpoint, and keeps the statement's other rows out", async () => {
    const [first, second] = map.touchpoints;
    const interview = await createInterview(testDb(), { workspaceId: home.workspace.id, mapId: map.map.id, interviewerId: home.interviewer.id });
    const before = await observationCount(map.map.id);
    const insert = sql(
      `INSERT INTO observations (workspace_id, map_id, interview_id, touchpoint_id, expectation_id, outcome, importance)
       VALUES ($1, $2, $3, $4, $5, 'MET', 3), ($1, $2, $3, $4, $6, 'MET', 3)`,
      [home.workspace.id, map.map.id, interview.id, first!.id, first!.expectations[0]!.id, second!.expectations[0]!.id],
    );
    await expect(insert).rejects.toMatchObject({ code: "23503", constraint: "observations_touchpoint_id_expectation_id_fkey" });
    expect(await observationCount(map.map.id)).toBe(before);

    // The same expectation under its own touchpoint is accepted.
    await sql(
      `INSERT INTO observations (workspace_id, map_id, interview_id, touchpoint_id, expectation_id, outcome, importance)
       VALUES ($1, $2, $3, $4, $5, 'MET', 3)`,
      [home.workspace.id, map.map.id, interview.id, second!.id, second!.expectations[0]!.id],
    );
    expect(await observationCount(map.map.id)).toBe(before + 1);
  });

  it("refuses to delete an expectation or a touchpoint that has answers", async () => {
    const [first] = map.touchpoints;
    await createInterview(testDb(), {
      workspaceId: home.workspace.id,
      mapId: map.map.id,
      interviewerId: home.interviewer.id,
      observations: [{ touchpointId: first!.id, expectationId: first!.expectations[1]!.id, outcome: "EXCEEDED" }],
    });
    // 23001: restrict_violation (the keys are ON DELETE RESTRICT).
    await expect(sql("DELETE FROM expectations WHERE id = $1", [first!.expectations[1]!.id])).rejects.toMatchObject({ code: "23001" });
    await expect(sql("DELETE FROM touchpoints WHERE id = $1", [first!.id])).rejects.toMatchObject({ code: "23001" });
    expect(await testDb().expectation.count({ where: { id: first!.expectations[1]!.id } })).toBe(1);
  });
});

describe("the interview.submitted event", () => {
  let home: Members;
  let map: TestMap;

  beforeAll(async () => {
    home = await createWorkspaceWithMembers(testDb());
    map = await createTestMap(home.workspace.id, { status: "ACTIVE" });
    await testDb().webhook.create({ data: { workspaceId: home.workspace.id, url: "http://127.0.0.1:9/hook", secret: "whsec_test", createdById: home.admin.id } });
  }, 60_000);

  async function events() {
    const rows = await testDb().webhookDelivery.findMany({ where: { workspaceId: home.workspace.id, event: "interview.submitted" } });
    return rows.map((row) => (row.payload as { interviewId: string }).interviewId).sort();
  }

  it("is queued once for each submitted interview of a many-row insert, and never for a draft", async () => {
    const ids = Array.from({ length: 5 }, (_, index) => `bulk-${index}-${crypto.randomUUID()}`);
    await sql(
      `INSERT INTO interviews (id, workspace_id, map_id, interviewer_id, conducted_on, mode, status, submitted_at, updated_at)
       SELECT i.id, $1, $2, $3, date '2026-11-20', 'IN_PERSON', CASE WHEN i.n = 5 THEN 'DRAFT' ELSE 'SUBMITTED' END::"InterviewStatus",
              CASE WHEN i.n = 5 THEN NULL ELSE now() END, now()
       FROM unnest($4::text[]) WITH ORDINALITY AS i(id, n)`,
      [home.workspace.id, map.map.id, home.interviewer.id, ids],
    );
    expect(await events()).toEqual(ids.slice(0, 4).sort());
    const [payload] = await sql<{ payload: unknown }>("SELECT payload FROM webhook_deliveries WHERE payload->>'interviewId' = $1", [ids[0]]);
    expect(payload!.payload).toEqual({ interviewId: ids[0], mapId: map.map.id, respondentId: null, conductedOn: "2026-11-20", mode: "IN_PERSON" });

    // The draft, once submitted, is announced; voiding and restoring announces nothing more.
    await sql("UPDATE interviews SET status = 'SUBMITTED', submitted_at = now() WHERE id = $1", [ids[4]]);
    expect(await events()).toEqual([...ids].sort());
    await sql("UPDATE interviews SET status = 'VOID', voided_at = now(), void_reason = 'test' WHERE id = $1", [ids[0]]);
    await sql("UPDATE interviews SET status = 'SUBMITTED', voided_at = NULL, void_reason = NULL WHERE id = $1", [ids[0]]);
    expect(await events()).toEqual([...ids].sort());
  });

  it("is not queued for a workspace whose webhook is disabled", async () => {
    const quiet = await createWorkspaceWithMembers(testDb());
    const quietMap = await createTestMap(quiet.workspace.id, { status: "ACTIVE" });
    await testDb().webhook.create({ data: { workspaceId: quiet.workspace.id, url: "http://127.0.0.1:9/hook", secret: "whsec_test", createdById: quiet.admin.id, disabledAt: new Date() } });
    await createInterview(testDb(), { workspaceId: quiet.workspace.id, mapId: quietMap.map.id, interviewerId: quiet.interviewer.id });
    expect(await testDb().webhookDelivery.count({ where: { workspaceId: quiet.workspace.id } })).toBe(0);
  });
});
