// Interviews sent from a device's outbox, recorded while the map changed: archived touchpoints
// and expectations keep their answers, a closed map keeps the interview as a draft.
import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/db";
import { actAs } from "@/tests/support/session";
import { createWorkspaceWithMembers } from "@/tests/factories/workspace";
import { createRespondent } from "@/tests/factories/respondent";
import { MAP_NOT_ACTIVE } from "@/lib/data/interview-capture";
import { createTestMap, postSubmission, rowsFor, submissionFor, submitThroughRoute } from "./interview-support";

type Members = Awaited<ReturnType<typeof createWorkspaceWithMembers>>;

describe("an interview recorded before the map changed", () => {
  let home: Members;
  let other: Members;
  let respondentId: string;

  beforeAll(async () => {
    home = await createWorkspaceWithMembers(testDb());
    other = await createWorkspaceWithMembers(testDb());
    respondentId = (await createRespondent(testDb(), { workspaceId: home.workspace.id })).id;
  });

  it("lands when a touchpoint it answers was archived meanwhile, keeps those answers, and says so in one line", async () => {
    const map = await createTestMap(home.workspace.id);
    const input = submissionFor(map, respondentId);
    const first = map.touchpoints[0]!;
    await testDb().touchpoint.update({ where: { id: first.id }, data: { archivedAt: new Date() } });
    actAs(home.byRole.INTERVIEWER);
    const result = await submitThroughRoute(home.workspace.id, { ...input, fromOutbox: true });
    expect(result).toEqual({
      ok: true,
      data: {
        interviewId: input.id,
        alreadySubmitted: false,
        notice: "The map changed while this interview waited: 1 touchpoint it answers was archived since. It was recorded with those answers kept.",
      },
    });
    const observations = await testDb().observation.findMany({ where: { interviewId: input.id }, select: { touchpointId: true } });
    expect(observations.filter((row) => row.touchpointId === first.id)).toHaveLength(2);
    expect(await rowsFor(input.id)).toEqual({ interviews: 1, observations: 3, audits: 1 });
    // Sent again (the answer was lost on the way): still one interview.
    expect(await submitThroughRoute(home.workspace.id, { ...input, fromOutbox: true })).toMatchObject({ ok: true, data: { alreadySubmitted: true } });
    expect(await rowsFor(input.id)).toEqual({ interviews: 1, observations: 3, audits: 1 });
  });

  it("lands when a listed expectation it rates was archived meanwhile; the capture screen, online, is told to look again", async () => {
    const map = await createTestMap(home.workspace.id);
    const input = submissionFor(map, respondentId);
    const archived = map.touchpoints[1]!.expectations[0]!;
    await testDb().expectation.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });
    actAs(home.byRole.INTERVIEWER);
    expect(await submitThroughRoute(home.workspace.id, input)).toMatchObject({ ok: false });
    expect(await rowsFor(input.id)).toEqual({ interviews: 0, observations: 0, audits: 0 });
    const result = await submitThroughRoute(home.workspace.id, { ...input, fromOutbox: true });
    expect(result).toMatchObject({ ok: true, data: { notice: expect.stringContaining("1 expectation it answers was archived since") } });
    expect(await testDb().observation.count({ where: { interviewId: input.id, expectationId: archived.id } })).toBe(1);
  });

  it("is still refused, writing nothing, when it has another problem besides the archived touchpoint", async () => {
    const map = await createTestMap(home.workspace.id);
    const base = submissionFor(map, respondentId);
    await testDb().touchpoint.update({ where: { id: map.touchpoints[0]!.id }, data: { archivedAt: new Date() } });
    // The third touchpoint left unanswered.
    const input = { ...base, answers: base.answers.slice(0, 2) };
    actAs(home.byRole.INTERVIEWER);
    const result = await submitThroughRoute(home.workspace.id, { ...input, fromOutbox: true });
    expect(result.ok).toBe(false);
    expect(await rowsFor(input.id)).toEqual({ interviews: 0, observations: 0, audits: 0 });
  });

  it("does not let a touchpoint of another workspace's map in", async () => {
    const map = await createTestMap(home.workspace.id);
    const foreign = await createTestMap(other.workspace.id);
    const base = submissionFor(map, respondentId);
    const foreignTouchpoint = foreign.touchpoints[0]!;
    const input = {
      ...base,
      answers: [
        ...base.answers,
        {
          touchpointId: foreignTouchpoint.id,
          skipped: false,
          ratings: [{ expectationId: foreignTouchpoint.expectations[0]!.id, outcome: "MET", importance: 4, feeling: null, comment: "" }],
          volunteered: [],
        },
      ],
    };
    actAs(home.byRole.INTERVIEWER);
    expect(await submitThroughRoute(home.workspace.id, { ...input, fromOutbox: true })).toMatchObject({ ok: false, formError: "An answer is for a touchpoint that is not on this map." });
    expect(await rowsFor(input.id)).toEqual({ interviews: 0, observations: 0, audits: 0 });
  });

  it("is kept on the server as the interviewer's draft when the map was archived meanwhile, with one audit entry for analysts", async () => {
    const map = await createTestMap(home.workspace.id);
    const input = { ...submissionFor(map, respondentId), step: 5, savedAt: Date.now() };
    await testDb().journeyMap.update({ where: { id: map.map.id }, data: { status: "ARCHIVED" } });
    actAs(home.byRole.INTERVIEWER);
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const response = await postSubmission(home.workspace.id, { ...input, fromOutbox: true });
      expect(response.status).toBe(409);
      const body = await response.json();
      expect(body.code).toBe("held");
      expect(body.error).toContain("kept on the server as your draft");
    }
    const stored = await testDb().interview.findUniqueOrThrow({ where: { id: input.id }, select: { status: true, interviewerId: true, respondentId: true, draft: true } });
    expect(stored).toMatchObject({ status: "DRAFT", interviewerId: home.byRole.INTERVIEWER.id, respondentId });
    expect((stored.draft as { answers: unknown[] }).answers).toHaveLength(3);
    const audit = await testDb().auditLog.findMany({ where: { entityType: "Interview", entityId: input.id }, select: { action: true } });
    expect(audit.map((entry) => entry.action)).toEqual(["interview.held"]);
    expect(await testDb().observation.count({ where: { interviewId: input.id } })).toBe(0);
  });

  it("is refused as before, writing nothing, when the same submission comes from the capture screen", async () => {
    const map = await createTestMap(home.workspace.id, { status: "ARCHIVED" });
    const input = submissionFor(map, respondentId);
    actAs(home.byRole.INTERVIEWER);
    expect(await submitThroughRoute(home.workspace.id, input)).toEqual({ ok: false, formError: MAP_NOT_ACTIVE });
    expect(await rowsFor(input.id)).toEqual({ interviews: 0, observations: 0, audits: 0 });
  });

  it("refuses a manager and a member of another workspace like a missing page, holding nothing", async () => {
    const map = await createTestMap(home.workspace.id, { status: "ARCHIVED" });
    const input = { ...submissionFor(map, respondentId), fromOutbox: true };
    actAs(home.byRole.MANAGER);
    expect((await postSubmission(home.workspace.id, input)).status).toBe(404);
    actAs(other.byRole.INTERVIEWER);
    expect((await postSubmission(home.workspace.id, input)).status).toBe(404);
    expect(await rowsFor(input.id)).toEqual({ interviews: 0, observations: 0, audits: 0 });
  });

  it("refuses a fromOutbox flag that is not true or false", async () => {
    const map = await createTestMap(home.workspace.id);
    const input = { ...submissionFor(map, respondentId), fromOutbox: "yes" };
    actAs(home.byRole.INTERVIEWER);
    expect((await postSubmission(home.workspace.id, input)).status).toBe(400);
    expect(await rowsFor(input.id)).toEqual({ interviews: 0, observations: 0, audits: 0 });
  });
});
