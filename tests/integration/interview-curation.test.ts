import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/db";
import { actAs, expectNotFound } from "@/tests/support/session";
import { createWorkspaceWithMembers } from "@/tests/factories/workspace";
import { createRespondent } from "@/tests/factories/respondent";
import { createInterview } from "@/tests/factories/interview";
import {
  discardDraftAction,
  restoreInterviewAction,
  updateInterviewAction,
  voidInterviewAction,
} from "@/lib/actions/interviews";
import { listInterviewFilterOptions, listInterviews } from "@/lib/data/interviews";
import { getJourney, getQuotaProgress } from "@/lib/data/maps";
import { requireWorkspace } from "@/lib/workspace";
import { InterviewListFilterSchema } from "@/lib/schemas/interview";
import { createTestMap, submissionFor, type TestMap, submitThroughRoute } from "./interview-support";

type Members = Awaited<ReturnType<typeof createWorkspaceWithMembers>>;

describe("after submitting", () => {
  let home: Members;
  let other: Members;
  let respondentId: string;

  beforeAll(async () => {
    home = await createWorkspaceWithMembers(testDb());
    other = await createWorkspaceWithMembers(testDb());
    respondentId = (await createRespondent(testDb(), { workspaceId: home.workspace.id, segment: "Students" })).id;
  });

  async function submitted(map: TestMap, as = home.byRole.INTERVIEWER, overrides: Record<string, unknown> = {}) {
    const input = submissionFor(map, respondentId, overrides);
    actAs(as);
    const result = await submitThroughRoute(home.workspace.id, input);
    if (!result.ok) throw new Error(result.formError);
    return input;
  }

  function corrected(input: ReturnType<typeof submissionFor>) {
    const [first, ...rest] = input.answers;
    return {
      ...input,
      notes: "Corrected: she came by bus",
      answers: [{ ...first!, ratings: [{ ...first!.ratings[0]!, outcome: "MET", importance: 2 }] }, ...rest],
    };
  }

  async function snapshot(interviewId: string) {
    const interview = await testDb().interview.findUniqueOrThrow({
      where: { id: interviewId },
      include: { observations: { orderBy: [{ touchpointId: "asc" }, { expectationId: "asc" }] } },
    });
    return { notes: interview.notes, status: interview.status, observations: interview.observations };
  }

  it("an interviewer corrects their own interview within 24 hours, and the change is audited with before and after", async () => {
    const map = await createTestMap(home.workspace.id);
    const input = await submitted(map);
    const result = await updateInterviewAction(home.workspace.id, corrected(input));
    expect(result).toEqual({ ok: true, data: { interviewId: input.id } });
    const stored = await snapshot(input.id);
    expect(stored.notes).toBe("Corrected: she came by bus");
    expect(stored.observations).toHaveLength(2);
    const audit = await testDb().auditLog.findFirstOrThrow({ where: { entityId: input.id, action: "interview.update" } });
    expect(audit.actorId).toBe(home.byRole.INTERVIEWER.id);
    expect(audit.before).toMatchObject({ notes: "Regular customer" });
    expect(audit.after).toMatchObject({ notes: "Corrected: she came by bus" });
    expect((audit.before as { observations: unknown[] }).observations).toHaveLength(3);
    expect((audit.after as { observations: unknown[] }).observations).toHaveLength(2);
  });

  it("an interviewer cannot correct their own interview after 24 hours", async () => {
    const map = await createTestMap(home.workspace.id);
    const input = await submitted(map);
    await testDb().interview.update({ where: { id: input.id }, data: { submittedAt: new Date(Date.now() - 25 * 3600 * 1000) } });
    const before = await snapshot(input.id);
    const result = await updateInterviewAction(home.workspace.id, corrected(input));
    expect(result).toMatchObject({ ok: false, formError: expect.stringMatching(/within 24 hours/) });
    expect(await snapshot(input.id)).toEqual(before);
  });

  it("an interviewer editing another interviewer's interview is refused, and nothing changes", async () => {
    const map = await createTestMap(home.workspace.id);
    const input = await submitted(map, home.byRole.ANALYST);
    const colleague = await testDb().user.create({ data: { email: `${crypto.randomUUID()}@example.test`, name: "Colleague", passwordHash: "x" } });
    await testDb().membership.create({ data: { workspaceId: home.workspace.id, userId: colleague.id, role: "INTERVIEWER" } });
    const before = await snapshot(input.id);
    for (const user of [home.byRole.INTERVIEWER, colleague]) {
      actAs(user);
      expect(await updateInterviewAction(home.workspace.id, corrected(input))).toEqual({ ok: false, formError: "That interview was not found." });
      await expectNotFound(voidInterviewAction(home.workspace.id, { interviewId: input.id, reason: "Not mine to void" }));
    }
    expect(await snapshot(input.id)).toEqual(before);
    expect(await testDb().auditLog.count({ where: { entityId: input.id, action: { not: "interview.submit" } } })).toBe(0);
  });

  it("analysts and admins correct anyone's interview, at any time", async () => {
    const map = await createTestMap(home.workspace.id);
    const input = await submitted(map);
    await testDb().interview.update({ where: { id: input.id }, data: { submittedAt: new Date(Date.now() - 30 * 24 * 3600 * 1000) } });
    for (const role of ["ANALYST", "ADMIN"] as const) {
      actAs(home.byRole[role]);
      expect((await updateInterviewAction(home.workspace.id, { ...corrected(input), notes: `by ${role}` })).ok).toBe(true);
    }
    expect((await snapshot(input.id)).notes).toBe("by ADMIN");
  });

  it("a correction is checked like a submission and refused with nothing changed", async () => {
    const map = await createTestMap(home.workspace.id);
    const otherMap = await createTestMap(home.workspace.id);
    const input = await submitted(map);
    const before = await snapshot(input.id);
    const [first, ...rest] = input.answers;
    const foreignExpectation = { ...input, answers: [{ ...first!, ratings: [{ expectationId: otherMap.touchpoints[0]!.expectations[0]!.id, outcome: "MET", importance: 3 }] }, ...rest] };
    expect((await updateInterviewAction(home.workspace.id, foreignExpectation)).ok).toBe(false);
    const movedToOtherMap = { ...submissionFor(otherMap, respondentId), id: input.id };
    expect(await updateInterviewAction(home.workspace.id, movedToOtherMap)).toEqual({ ok: false, formError: "That interview was not found." });
    expect(await snapshot(input.id)).toEqual(before);
  });

  it("void excludes the interview from analysis, restore brings it back, and both are audited", async () => {
    const map = await createTestMap(home.workspace.id);
    const input = await submitted(map);
    await submitted(map);
    actAs(home.byRole.ANALYST);
    const ctx = await requireWorkspace(home.workspace.id, "map.view");
    const countSubmitted = async () =>
      (
        await testDb().$queryRaw<{ n: number }[]>`
          SELECT count(*)::int AS n FROM observations o JOIN interviews i ON i.id = o.interview_id
          WHERE o.map_id = ${map.map.id} AND i.status = 'SUBMITTED'`
      )[0]!.n;
    const journeyN = async () => {
      const journey = (await getJourney(ctx, map.map.id))!;
      return { interviews: journey.submittedInterviews, observations: journey.touchpoints.reduce((sum, t) => sum + t.observations, 0) };
    };
    expect(await journeyN()).toEqual({ interviews: 2, observations: 6 });
    expect(await countSubmitted()).toBe(6);

    expect(await voidInterviewAction(home.workspace.id, { interviewId: input.id, reason: "Duplicate of a phone interview" })).toEqual({
      ok: true,
      data: { interviewId: input.id },
    });
    expect(await journeyN()).toEqual({ interviews: 1, observations: 3 });
    expect(await countSubmitted()).toBe(3);
    const voided = await testDb().interview.findUniqueOrThrow({ where: { id: input.id }, include: { observations: true } });
    expect(voided).toMatchObject({ status: "VOID", voidReason: "Duplicate of a phone interview" });
    expect(voided.observations).toHaveLength(3);

    expect(await restoreInterviewAction(home.workspace.id, { interviewId: input.id })).toEqual({
      ok: true,
      data: { interviewId: input.id, status: "SUBMITTED" },
    });
    expect(await journeyN()).toEqual({ interviews: 2, observations: 6 });
    expect(await countSubmitted()).toBe(6);
    expect(await testDb().interview.findUniqueOrThrow({ where: { id: input.id } })).toMatchObject({ voidReason: null, voidedAt: null });

    const actions = await testDb().auditLog.findMany({ where: { entityId: input.id }, orderBy: { createdAt: "asc" } });
    expect(actions.map((entry) => [entry.action, entry.actorId])).toEqual([
      ["interview.submit", home.byRole.INTERVIEWER.id],
      ["interview.void", home.byRole.ANALYST.id],
      ["interview.restore", home.byRole.ANALYST.id],
    ]);
  });

  it("void needs a reason, and a void interview cannot be corrected until restored", async () => {
    const map = await createTestMap(home.workspace.id);
    const input = await submitted(map);
    actAs(home.byRole.ADMIN);
    expect(await voidInterviewAction(home.workspace.id, { interviewId: input.id, reason: " " })).toMatchObject({
      ok: false,
      fieldErrors: { reason: [expect.stringMatching(/Say why/)] },
    });
    expect((await voidInterviewAction(home.workspace.id, { interviewId: input.id, reason: "Test call" })).ok).toBe(true);
    expect(await updateInterviewAction(home.workspace.id, corrected(input))).toMatchObject({
      ok: false,
      formError: "Only submitted interviews can be corrected.",
    });
    actAs(home.byRole.INTERVIEWER);
    await expectNotFound(restoreInterviewAction(home.workspace.id, { interviewId: input.id }));
    actAs(home.byRole.MANAGER);
    await expectNotFound(voidInterviewAction(home.workspace.id, { interviewId: input.id, reason: "Managers cannot" }));
    actAs(other.byRole.ADMIN);
    await expectNotFound(voidInterviewAction(home.workspace.id, { interviewId: input.id, reason: "Other workspace" }));
    actAs(other.byRole.ADMIN);
    expect(await voidInterviewAction(other.workspace.id, { interviewId: input.id, reason: "Other workspace" })).toEqual({
      ok: false,
      formError: "That interview was not found.",
    });
  });

  it("an interviewer discards their own draft; it is kept as void and an analyst can restore it as a draft", async () => {
    const map = await createTestMap(home.workspace.id);
    const draft = await createInterview(testDb(), {
      workspaceId: home.workspace.id,
      mapId: map.map.id,
      interviewerId: home.byRole.INTERVIEWER.id,
      status: "DRAFT",
    });
    actAs(home.byRole.ANALYST);
    expect((await discardDraftAction(home.workspace.id, { interviewId: draft.id })).ok).toBe(false);
    actAs(home.byRole.INTERVIEWER);
    expect(await discardDraftAction(home.workspace.id, { interviewId: draft.id })).toEqual({ ok: true, data: { interviewId: draft.id } });
    expect(await testDb().interview.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ status: "VOID" });
    actAs(home.byRole.ANALYST);
    expect(await restoreInterviewAction(home.workspace.id, { interviewId: draft.id })).toMatchObject({ ok: true, data: { status: "DRAFT" } });
  });

  it("an interviewer's list holds only their own interviews; analysts filter by map, status, date and interviewer, a page at a time", async () => {
    const map = await createTestMap(home.workspace.id);
    const otherMap = await createTestMap(home.workspace.id);
    const mine = await submitted(map, home.byRole.INTERVIEWER, { conductedOn: "2026-01-10" });
    await submitted(map, home.byRole.ANALYST, { conductedOn: "2026-01-11" });
    await submitted(otherMap, home.byRole.INTERVIEWER, { conductedOn: "2026-01-12" });
    await createInterview(testDb(), {
      workspaceId: home.workspace.id,
      mapId: map.map.id,
      interviewerId: home.byRole.INTERVIEWER.id,
      status: "DRAFT",
      conductedOn: "2026-01-13",
    });
    const filter = (values: Record<string, string>) => InterviewListFilterSchema.parse(values);

    actAs(home.byRole.INTERVIEWER);
    const interviewer = await requireWorkspace(home.workspace.id, "interview.record");
    const own = await listInterviews(interviewer, filter({ map: map.map.id }));
    expect(own.rows.map((row) => [row.status, row.conductedOn, row.own])).toEqual([
      ["DRAFT", "2026-01-13", true],
      ["SUBMITTED", "2026-01-10", true],
    ]);
    expect(own.rows[1]).toMatchObject({ id: mine.id, canEdit: true, respondent: expect.any(String), segment: "Students" });
    expect((await listInterviews(interviewer, filter({ map: map.map.id, interviewer: home.byRole.ANALYST.id }))).total).toBe(2);

    actAs(home.byRole.ANALYST);
    const analyst = await requireWorkspace(home.workspace.id, "interview.curate");
    expect((await listInterviews(analyst, filter({ map: map.map.id }))).total).toBe(3);
    expect((await listInterviews(analyst, filter({ map: map.map.id, status: "SUBMITTED" }))).total).toBe(2);
    expect((await listInterviews(analyst, filter({ map: map.map.id, interviewer: home.byRole.ANALYST.id }))).total).toBe(1);
    const dated = await listInterviews(analyst, filter({ from: "2026-01-11", to: "2026-01-12" }));
    expect(dated.rows.map((row) => row.conductedOn)).toEqual(["2026-01-12", "2026-01-11"]);
    const page2 = await listInterviews(analyst, filter({ map: map.map.id, page: "2" }), { pageSize: 2 });
    expect(page2).toMatchObject({ total: 3, rows: [{ conductedOn: "2026-01-10" }] });

    const draftMap = await createTestMap(home.workspace.id, { status: "DRAFT" });
    const interviewerMaps = (await listInterviewFilterOptions(interviewer)).maps.map((option) => option.id);
    expect(interviewerMaps).toEqual(expect.arrayContaining([map.map.id, otherMap.map.id]));
    expect(interviewerMaps).not.toContain(draftMap.map.id);
    expect((await listInterviewFilterOptions(analyst)).maps.map((option) => option.id)).toContain(draftMap.map.id);

    actAs(other.byRole.ADMIN);
    const outsider = await requireWorkspace(other.workspace.id, "interview.curate");
    expect((await listInterviews(outsider, filter({ map: map.map.id }))).total).toBe(0);
  });

  it("quota progress counts submitted interviews overall and per segment value", async () => {
    const map = await createTestMap(home.workspace.id, { interviewTarget: 10, segmentQuotas: { Students: 4, Retirees: 3 } });
    const retiree = await createRespondent(testDb(), { workspaceId: home.workspace.id, segment: "Retirees" });
    await submitted(map);
    await submitted(map);
    const voided = await submitted(map, home.byRole.INTERVIEWER, { respondent: { kind: "existing", respondentId: retiree.id } });
    await submitted(map, home.byRole.INTERVIEWER, { respondent: { kind: "existing", respondentId: retiree.id } });
    actAs(home.byRole.ADMIN);
    expect((await voidInterviewAction(home.workspace.id, { interviewId: voided.id, reason: "Wrong person" })).ok).toBe(true);
    const ctx = await requireWorkspace(home.workspace.id, "workspace.view");
    const progress = await getQuotaProgress(ctx, [map.map.id]);
    expect(progress.get(map.map.id)).toEqual({
      target: 10,
      submitted: 3,
      segments: [
        { segment: "Retirees", target: 3, done: 1 },
        { segment: "Students", target: 4, done: 2 },
      ],
    });
  });
});
