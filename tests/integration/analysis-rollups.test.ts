// The per-day rollups are kept by database triggers; whatever changes interviews,
// observations or respondents, reading them must give exactly what scanning the
// observations gives.
import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/db";
import { createWorkspaceWithMembers } from "@/tests/factories/workspace";
import { createMapWithTouchpoints } from "@/tests/factories/map";
import { createRespondent } from "@/tests/factories/respondent";
import { createInterview } from "@/tests/factories/interview";
import { resolveWorkspaceAccess, type WorkspaceContext } from "@/lib/workspace";
import { aggregateTouchpoints } from "@/lib/data/analysis";
import { EMPTY_FILTER, type AnalysisFilter } from "@/lib/schemas/analysis-filter";

describe("analysis rollups follow every change", () => {
  let ctx: WorkspaceContext;
  let mapId: string;
  let touchpointIds: string[];
  let expectations: { touchpointId: string; id: string }[];
  let interviewerId: string;
  let respondentId: string;

  async function expectSame(filter: Partial<AnalysisFilter> = {}) {
    const full = { ...EMPTY_FILTER, ...filter };
    const sort = (result: Awaited<ReturnType<typeof aggregateTouchpoints>>) => ({
      ...result,
      rows: [...result.rows].sort((a, b) => a.touchpoint_id.localeCompare(b.touchpoint_id)),
    });
    const fromRollups = sort(await aggregateTouchpoints(ctx, mapId, full, touchpointIds));
    const fromScan = sort(await aggregateTouchpoints(ctx, mapId, full, touchpointIds, "scan"));
    expect(fromRollups).toEqual(fromScan);
    return fromRollups;
  }

  async function interview(day: string, status: "SUBMITTED" | "DRAFT" = "SUBMITTED") {
    return createInterview(testDb(), {
      workspaceId: ctx.workspaceId,
      mapId,
      interviewerId,
      respondentId,
      conductedOn: day,
      status,
      observations: expectations.map((expectation, index) => ({
        touchpointId: expectation.touchpointId,
        expectationId: expectation.id,
        outcome: (["MISSED", "MET", "EXCEEDED"] as const)[index % 3]!,
        importance: 1 + (index % 5),
      })),
    });
  }

  beforeAll(async () => {
    const home = await createWorkspaceWithMembers(testDb());
    ctx = (await resolveWorkspaceAccess(home.byRole.ANALYST.id, home.workspace.id, "analysis.view"))!;
    interviewerId = home.byRole.INTERVIEWER.id;
    const built = await createMapWithTouchpoints(testDb(), { workspaceId: home.workspace.id });
    mapId = built.map.id;
    touchpointIds = built.touchpoints.map((touchpoint) => touchpoint.id);
    expectations = built.touchpoints.flatMap((touchpoint) =>
      touchpoint.expectations.map((expectation) => ({ touchpointId: touchpoint.id, id: expectation.id })),
    );
    respondentId = (await createRespondent(testDb(), { workspaceId: home.workspace.id, segment: "Students", lifecycleStage: "NEW" })).id;
  });

  it("counts submitted interviews, not drafts, and follows submit, void and restore", async () => {
    await interview("2026-05-01");
    await interview("2026-05-02");
    const draft = await interview("2026-05-02", "DRAFT");
    expect((await expectSame()).interviews).toBe(2);

    await testDb().interview.update({ where: { id: draft.id }, data: { status: "SUBMITTED" } });
    expect((await expectSame()).interviews).toBe(3);
    await testDb().interview.update({ where: { id: draft.id }, data: { status: "VOID" } });
    expect((await expectSame()).interviews).toBe(2);
    await testDb().interview.update({ where: { id: draft.id }, data: { status: "SUBMITTED" } });
    expect((await expectSame({ from: "2026-05-02", to: "2026-05-02" })).interviews).toBe(2);
  });

  it("follows a changed date, changed and removed observations, and a respondent's new segment", async () => {
    const moved = await interview("2026-06-01");
    await testDb().interview.update({ where: { id: moved.id }, data: { conductedOn: new Date("2026-06-15T00:00:00Z") } });
    expect((await expectSame({ from: "2026-06-15", to: "2026-06-15" })).interviews).toBe(1);
    expect((await expectSame({ from: "2026-06-01", to: "2026-06-01" })).interviews).toBe(0);

    await testDb().observation.updateMany({ where: { interviewId: moved.id }, data: { outcome: "MISSED", importance: 5 } });
    const after = await expectSame({ from: "2026-06-15", to: "2026-06-15" });
    expect(after.rows.every((row) => row.missed === row.n)).toBe(true);
    await testDb().observation.deleteMany({ where: { interviewId: moved.id, touchpointId: touchpointIds[0]! } });
    await expectSame();

    await testDb().respondent.update({ where: { id: respondentId }, data: { segment: "Professionals", lifecycleStage: "ESTABLISHED" } });
    expect((await expectSame({ segment: ["Students"] })).interviews).toBe(0);
    expect((await expectSame({ segment: ["Professionals"], lifecycle: ["ESTABLISHED"] })).interviews).toBeGreaterThan(0);
  });

  it("stays exact under concurrent submissions on the same day", async () => {
    const before = (await expectSame({ from: "2026-07-01", to: "2026-07-01" })).interviews;
    await Promise.all(Array.from({ length: 6 }, () => testDb().$transaction((tx) => createInterview(tx, {
      workspaceId: ctx.workspaceId,
      mapId,
      interviewerId,
      respondentId,
      conductedOn: "2026-07-01",
      observations: expectations.map((expectation) => ({ touchpointId: expectation.touchpointId, expectationId: expectation.id, outcome: "MET" as const })),
    }))));
    expect((await expectSame({ from: "2026-07-01", to: "2026-07-01" })).interviews).toBe(before + 6);
  });
});
