import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/db";
import { actAs } from "@/tests/support/session";
import { createWorkspaceWithMembers } from "@/tests/factories/workspace";
import { createRespondent } from "@/tests/factories/respondent";
import { createInterview } from "@/tests/factories/interview";
import { requireWorkspace } from "@/lib/workspace";
import { MAP_NOT_ACTIVE, getInterviewForCapture } from "@/lib/data/interview-capture";
import { PUT as saveDraftRoute } from "@/app/api/w/[workspaceId]/interviews/[interviewId]/draft/route";
import { createTestMap, rowsFor, submissionFor, submitThroughRoute, postSubmission } from "./interview-support";

type Members = Awaited<ReturnType<typeof createWorkspaceWithMembers>>;

describe("submitting an interview", () => {
  let home: Members;
  let other: Members;
  let respondentId: string;

  beforeAll(async () => {
    home = await createWorkspaceWithMembers(testDb());
    other = await createWorkspaceWithMembers(testDb());
    respondentId = (await createRespondent(testDb(), { workspaceId: home.workspace.id, segment: "Students" })).id;
  });

  it("an interviewer submits on an active map: one interview, its observations and an audit entry, in one go", async () => {
    const map = await createTestMap(home.workspace.id);
    const input = submissionFor(map, respondentId);
    actAs(home.byRole.INTERVIEWER);
    const result = await submitThroughRoute(home.workspace.id, input);
    expect(result).toEqual({ ok: true, data: { interviewId: input.id, alreadySubmitted: false } });

    const stored = await testDb().interview.findUniqueOrThrow({ where: { id: input.id }, include: { observations: true } });
    expect(stored).toMatchObject({
      workspaceId: home.workspace.id,
      mapId: map.map.id,
      interviewerId: home.byRole.INTERVIEWER.id,
      respondentId,
      status: "SUBMITTED",
      mode: "IN_PERSON",
      overallFeeling: "LIKE_A_LOT",
      notes: "Regular customer",
      draft: null,
    });
    expect(stored.submittedAt).toBeInstanceOf(Date);
    expect(stored.observations.map((o) => [o.outcome, o.importance, o.feeling, o.comment]).sort()).toEqual(
      [
        ["MISSED", 5, "DISLIKE", "Took ages"],
        ["MET", 3, null, null],
        ["EXCEEDED", 4, "LOVE", null],
      ].sort(),
    );
    const audit = await testDb().auditLog.findMany({ where: { entityType: "Interview", entityId: input.id } });
    expect(audit.map((entry) => [entry.action, entry.actorId])).toEqual([["interview.submit", home.byRole.INTERVIEWER.id]]);
  });

  it.each(["DRAFT", "ARCHIVED"] as const)("refuses a submission on a %s map and writes nothing", async (status) => {
    const map = await createTestMap(home.workspace.id, { status });
    const input = submissionFor(map, respondentId);
    actAs(home.byRole.INTERVIEWER);
    expect(await submitThroughRoute(home.workspace.id, input)).toEqual({ ok: false, formError: MAP_NOT_ACTIVE });
    expect(await rowsFor(input.id)).toEqual({ interviews: 0, observations: 0, audits: 0 });
  });

  it("the same id submitted twice gives one interview", async () => {
    const map = await createTestMap(home.workspace.id);
    const input = submissionFor(map, respondentId);
    actAs(home.byRole.INTERVIEWER);
    expect(await submitThroughRoute(home.workspace.id, input)).toMatchObject({ ok: true, data: { alreadySubmitted: false } });
    expect(await submitThroughRoute(home.workspace.id, input)).toMatchObject({ ok: true, data: { alreadySubmitted: true } });
    expect(await rowsFor(input.id)).toEqual({ interviews: 1, observations: 3, audits: 1 });
  });

  it("the same id submitted five times at once gives one interview", async () => {
    const map = await createTestMap(home.workspace.id);
    const input = submissionFor(map, respondentId, {
      answers: [
        ...submissionFor(map, respondentId).answers.slice(0, 2),
        {
          touchpointId: map.touchpoints[2]!.id,
          skipped: false,
          ratings: [],
          volunteered: [{ key: "v1", text: "A place to sit", outcome: "MISSED", importance: 2 }],
        },
      ],
    });
    actAs(home.byRole.INTERVIEWER);
    const results = await Promise.all(Array.from({ length: 5 }, () => submitThroughRoute(home.workspace.id, input)));
    expect(results.every((result) => result.ok)).toBe(true);
    const fresh = results.filter((result) => result.ok && !result.data.alreadySubmitted);
    expect(fresh).toHaveLength(1);
    expect(await rowsFor(input.id)).toEqual({ interviews: 1, observations: 4, audits: 1 });
    expect(await testDb().expectation.count({ where: { mapId: map.map.id, kind: "VOLUNTEERED" } })).toBe(1);
  });

  it("a retry that arrives after an earlier autosave finds the draft and submits it once", async () => {
    const map = await createTestMap(home.workspace.id);
    const input = submissionFor(map, respondentId);
    actAs(home.byRole.INTERVIEWER);
    const saved = await saveDraftRoute(...draftRequest(home.workspace.id, input.id, { ...input, step: 2, savedAt: Date.now() }));
    expect(saved.status).toBe(200);
    expect(await saved.json()).toEqual({ saved: true, created: true });
    const results = await Promise.all([submitThroughRoute(home.workspace.id, input), submitThroughRoute(home.workspace.id, input)]);
    expect(results.filter((result) => result.ok && !result.data.alreadySubmitted)).toHaveLength(1);
    const stored = await testDb().interview.findUniqueOrThrow({ where: { id: input.id } });
    expect(stored).toMatchObject({ status: "SUBMITTED", draft: null });
    expect(await rowsFor(input.id)).toEqual({ interviews: 1, observations: 3, audits: 2 });
  });

  it("a draft with no saved state (imported or older) resumes from its rows, and its submission does not double them", async () => {
    const map = await createTestMap(home.workspace.id);
    const first = map.touchpoints[0]!;
    const draft = await createInterview(testDb(), {
      workspaceId: home.workspace.id,
      mapId: map.map.id,
      interviewerId: home.byRole.INTERVIEWER.id,
      respondentId,
      status: "DRAFT",
      overallFeeling: null,
      observations: [{ touchpointId: first.id, expectationId: first.expectations[0]!.id, outcome: "MET", importance: 4 }],
    });
    actAs(home.byRole.INTERVIEWER);
    const ctx = await requireWorkspace(home.workspace.id, "interview.record");
    const stored = await getInterviewForCapture(ctx, draft.id);
    expect(stored).toMatchObject({ status: "DRAFT", fromDraft: false });
    expect(stored!.state.respondent).toMatchObject({ kind: "existing", respondentId });
    expect(stored!.state.answers).toEqual([
      {
        touchpointId: first.id,
        skipped: false,
        ratings: [{ expectationId: first.expectations[0]!.id, outcome: "MET", importance: 4, feeling: null, comment: "" }],
        volunteered: [],
      },
    ]);
    expect((await submitThroughRoute(home.workspace.id, submissionFor(map, respondentId, { id: draft.id }))).ok).toBe(true);
    expect(await rowsFor(draft.id)).toEqual({ interviews: 1, observations: 3, audits: 1 });
  });

  it("checks against the journey held in memory, and follows the designer's changes to it at once", async () => {
    const map = await createTestMap(home.workspace.id);
    const version = async () => (await testDb().journeyMap.findUniqueOrThrow({ where: { id: map.map.id } })).journeyVersion;
    actAs(home.byRole.INTERVIEWER);
    expect((await submitThroughRoute(home.workspace.id, submissionFor(map, respondentId))).ok).toBe(true);

    // A listed expectation added after the journey was loaded: the submission that rates it goes through.
    const before = await version();
    const [first] = map.touchpoints;
    const added = await testDb().expectation.create({
      data: { workspaceId: home.workspace.id, mapId: map.map.id, touchpointId: first!.id, text: "A seat while waiting", position: 9 },
    });
    expect(await version()).toBeGreaterThan(before);
    const base = submissionFor(map, respondentId);
    const rateAdded = {
      ...base,
      answers: [
        { ...base.answers[0]!, ratings: [...base.answers[0]!.ratings, { expectationId: added.id, outcome: "MET", importance: 2, feeling: null, comment: "" }] },
        ...base.answers.slice(1),
      ],
    };
    expect(await submitThroughRoute(home.workspace.id, rateAdded)).toEqual({ ok: true, data: { interviewId: rateAdded.id, alreadySubmitted: false } });
    expect((await rowsFor(rateAdded.id)).observations).toBe(4);

    // An expectation archived since: refused with the check's message, nothing written.
    await testDb().expectation.update({ where: { id: added.id }, data: { archivedAt: new Date() } });
    const rateArchived = { ...rateAdded, id: crypto.randomUUID() };
    const refused = await submitThroughRoute(home.workspace.id, rateArchived);
    expect(refused.ok).toBe(false);
    expect(await rowsFor(rateArchived.id)).toEqual({ interviews: 0, observations: 0, audits: 0 });

    // A volunteered expectation is not part of the journey: recording one leaves the version alone.
    const settled = await version();
    const volunteering = {
      ...base,
      id: crypto.randomUUID(),
      answers: [
        { ...base.answers[0]!, volunteered: [{ key: "v-1", text: "Free water", outcome: "EXCEEDED", importance: 3, feeling: null, comment: "" }] },
        ...base.answers.slice(1),
      ],
    };
    expect((await submitThroughRoute(home.workspace.id, volunteering)).ok).toBe(true);
    expect(await version()).toBe(settled);
  });

  it("records a volunteered expectation as a new VOLUNTEERED expectation of that touchpoint", async () => {
    const map = await createTestMap(home.workspace.id);
    const base = submissionFor(map, respondentId);
    const input = {
      ...base,
      answers: [
        {
          ...base.answers[0]!,
          volunteered: [{ key: "v-1", text: "Somewhere to leave the pram", outcome: "MISSED", importance: 4, feeling: "HATE", comment: "" }],
        },
        ...base.answers.slice(1),
      ],
    };
    actAs(home.byRole.INTERVIEWER);
    expect((await submitThroughRoute(home.workspace.id, input)).ok).toBe(true);
    const volunteered = await testDb().expectation.findFirstOrThrow({
      where: { touchpointId: map.touchpoints[0]!.id, kind: "VOLUNTEERED" },
      include: { observations: true },
    });
    expect(volunteered).toMatchObject({
      workspaceId: home.workspace.id,
      mapId: map.map.id,
      text: "Somewhere to leave the pram",
      createdById: home.byRole.INTERVIEWER.id,
    });
    expect(volunteered.observations).toMatchObject([{ interviewId: input.id, outcome: "MISSED", importance: 4, feeling: "HATE" }]);
  });

  it("creates a new respondent together with the interview, with a generated code", async () => {
    const map = await createTestMap(home.workspace.id);
    const input = submissionFor(map, respondentId, {
      respondent: { kind: "new", profile: { code: "", lifecycleStage: "NEW", valueTier: "HIGH", segment: "Families", attributes: [] } },
    });
    actAs(home.byRole.INTERVIEWER);
    expect((await submitThroughRoute(home.workspace.id, input)).ok).toBe(true);
    const stored = await testDb().interview.findUniqueOrThrow({ where: { id: input.id }, include: { respondent: true } });
    expect(stored.respondent).toMatchObject({ workspaceId: home.workspace.id, lifecycleStage: "NEW", valueTier: "HIGH", segment: "Families" });
    expect(stored.respondent!.code).toMatch(/^R-[2-9A-Z]{6}$/);
    // Added by this interviewer: they may see the contact details given later.
    expect(stored.respondent!.createdById).toBe(home.byRole.INTERVIEWER.id);
  });

  it("refuses a new respondent whose code is taken, and writes nothing", async () => {
    const map = await createTestMap(home.workspace.id);
    const taken = await createRespondent(testDb(), { workspaceId: home.workspace.id });
    const input = submissionFor(map, respondentId, {
      respondent: { kind: "new", profile: { code: taken.code.toLowerCase(), lifecycleStage: "NEW" } },
    });
    actAs(home.byRole.INTERVIEWER);
    const result = await submitThroughRoute(home.workspace.id, input);
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { "respondent.profile.code": [`The code ${taken.code.toUpperCase()} is already used by another respondent.`] },
    });
    expect(await rowsFor(input.id)).toEqual({ interviews: 0, observations: 0, audits: 0 });
  });

  describe("ids from elsewhere are refused with nothing written", () => {
    it("a touchpoint of another map of the same workspace", async () => {
      const map = await createTestMap(home.workspace.id);
      const otherMap = await createTestMap(home.workspace.id);
      const base = submissionFor(map, respondentId);
      const foreign = otherMap.touchpoints[0]!;
      const input = {
        ...base,
        answers: [
          ...base.answers,
          {
            touchpointId: foreign.id,
            skipped: false,
            ratings: [{ expectationId: foreign.expectations[0]!.id, outcome: "MET", importance: 3 }],
            volunteered: [],
          },
        ],
      };
      actAs(home.byRole.INTERVIEWER);
      const result = await submitThroughRoute(home.workspace.id, input);
      expect(result).toMatchObject({ ok: false, formError: "An answer is for a touchpoint that is not on this map." });
      expect(await rowsFor(input.id)).toEqual({ interviews: 0, observations: 0, audits: 0 });
    });

    it("an expectation of another map, placed on a touchpoint of this one", async () => {
      const map = await createTestMap(home.workspace.id);
      const otherMap = await createTestMap(home.workspace.id);
      const base = submissionFor(map, respondentId);
      const first = base.answers[0]!;
      const input = {
        ...base,
        answers: [
          { ...first, ratings: [...first.ratings, { expectationId: otherMap.touchpoints[0]!.expectations[0]!.id, outcome: "MET", importance: 2 }] },
          ...base.answers.slice(1),
        ],
      };
      actAs(home.byRole.INTERVIEWER);
      const result = await submitThroughRoute(home.workspace.id, input);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.formError).toMatch(/not on this touchpoint/);
      expect(await rowsFor(input.id)).toEqual({ interviews: 0, observations: 0, audits: 0 });
    });

    it("an expectation of another touchpoint of the same map", async () => {
      const map = await createTestMap(home.workspace.id);
      const base = submissionFor(map, respondentId);
      const first = base.answers[0]!;
      const input = {
        ...base,
        answers: [
          { ...first, ratings: [{ expectationId: map.touchpoints[1]!.expectations[1]!.id, outcome: "MET", importance: 2 }] },
          ...base.answers.slice(1),
        ],
      };
      actAs(home.byRole.INTERVIEWER);
      expect((await submitThroughRoute(home.workspace.id, input)).ok).toBe(false);
      expect(await rowsFor(input.id)).toEqual({ interviews: 0, observations: 0, audits: 0 });
    });

    it("a map, touchpoint, expectation or respondent of another workspace", async () => {
      const map = await createTestMap(home.workspace.id);
      const foreignMap = await createTestMap(other.workspace.id);
      const foreignRespondent = await createRespondent(testDb(), { workspaceId: other.workspace.id });
      actAs(home.byRole.INTERVIEWER);

      const onForeignMap = submissionFor(foreignMap, respondentId);
      expect(await submitThroughRoute(home.workspace.id, onForeignMap)).toEqual({
        ok: false,
        formError: "That map was not found in this workspace.",
      });

      const base = submissionFor(map, respondentId);
      const foreign = foreignMap.touchpoints[0]!;
      const withForeignTouchpoint = {
        ...base,
        answers: [
          ...base.answers,
          { touchpointId: foreign.id, ratings: [{ expectationId: foreign.expectations[0]!.id, outcome: "MET", importance: 1 }] },
        ],
      };
      expect((await submitThroughRoute(home.workspace.id, withForeignTouchpoint)).ok).toBe(false);

      const withForeignRespondent = submissionFor(map, foreignRespondent.id);
      expect(await submitThroughRoute(home.workspace.id, withForeignRespondent)).toMatchObject({
        ok: false,
        formError: "That respondent was not found in this workspace.",
      });

      for (const input of [onForeignMap, withForeignTouchpoint, withForeignRespondent]) {
        expect(await rowsFor(input.id)).toEqual({ interviews: 0, observations: 0, audits: 0 });
      }
    });
  });

  it("an id already used by another interviewer's interview is not taken over", async () => {
    const map = await createTestMap(home.workspace.id);
    const input = submissionFor(map, respondentId);
    actAs(home.byRole.ANALYST);
    expect((await submitThroughRoute(home.workspace.id, input)).ok).toBe(true);
    actAs(home.byRole.INTERVIEWER);
    expect(await submitThroughRoute(home.workspace.id, { ...input, notes: "mine now" })).toEqual({
      ok: false,
      formError: "That interview was not found.",
    });
    expect(await testDb().interview.findUniqueOrThrow({ where: { id: input.id } })).toMatchObject({
      interviewerId: home.byRole.ANALYST.id,
      notes: "Regular customer",
    });
  });

  it("a manager, and a member of another workspace, are refused like a missing page", async () => {
    const map = await createTestMap(home.workspace.id);
    const input = submissionFor(map, respondentId);
    actAs(home.byRole.MANAGER);
    expect((await postSubmission(home.workspace.id, input)).status).toBe(404);
    actAs(other.byRole.INTERVIEWER);
    expect((await postSubmission(home.workspace.id, input)).status).toBe(404);
    expect(await rowsFor(input.id)).toEqual({ interviews: 0, observations: 0, audits: 0 });
  });

  it("bad input gets clear messages and changes nothing", async () => {
    const map = await createTestMap(home.workspace.id);
    const base = submissionFor(map, respondentId);
    const first = base.answers[0]!;
    const input = {
      ...base,
      answers: [{ ...first, ratings: [{ ...first.ratings[0]!, importance: null }] }, ...base.answers.slice(1)],
    };
    actAs(home.byRole.INTERVIEWER);
    const result = await submitThroughRoute(home.workspace.id, input);
    expect(result).toMatchObject({ ok: false, formError: expect.stringMatching(/Choose how much it mattered/) });
    expect(!result.ok && Object.keys(result.fieldErrors ?? {})).toEqual([
      `touchpoints.${first.touchpointId}.expectations.${first.ratings[0]!.expectationId}.importance`,
    ]);
    expect(await submitThroughRoute(home.workspace.id, "not an interview")).toMatchObject({ ok: false });
    // Hostile values get a 4xx with a message, never a 500.
    const nul = await postSubmission(home.workspace.id, { ...base, notes: "before\u0000after" });
    expect(nul.status).toBe(400);
    expect((await nul.json()).error).toMatch(/NUL character/);
    const huge = { ...base, answers: [{ ...first, ratings: [{ ...first.ratings[0]!, importance: 1e300 }] }, ...base.answers.slice(1)] };
    expect((await postSubmission(home.workspace.id, huge)).status).toBe(400);
    expect((await postSubmission(home.workspace.id, { ...base, conductedOn: "0000-01-01" })).status).toBe(400);
    expect(await submitThroughRoute(home.workspace.id, { ...base, id: "not-a-uuid" })).toMatchObject({ ok: false });
    expect(await rowsFor(input.id)).toEqual({ interviews: 0, observations: 0, audits: 0 });
  });
});

function draftRequest(workspaceId: string, interviewId: string, body: unknown, init: RequestInit = {}) {
  return [
    new Request(`http://localhost/api/w/${workspaceId}/interviews/${interviewId}/draft`, {
      method: "PUT",
      body: typeof body === "string" ? body : JSON.stringify(body),
      headers: { "content-type": "application/json" },
      ...init,
    }),
    { params: Promise.resolve({ workspaceId, interviewId }) },
  ] as const;
}

describe("saving drafts", () => {
  let home: Members;
  let other: Members;
  let respondentId: string;

  beforeAll(async () => {
    home = await createWorkspaceWithMembers(testDb());
    other = await createWorkspaceWithMembers(testDb());
    respondentId = (await createRespondent(testDb(), { workspaceId: home.workspace.id })).id;
  });

  function draftOf(map: Awaited<ReturnType<typeof createTestMap>>, savedAt: number, overrides: Record<string, unknown> = {}) {
    return { ...submissionFor(map, respondentId), step: 1, savedAt, ...overrides };
  }

  it("creates the draft once, replaces it on later saves, and ignores a copy older than the stored one", async () => {
    const map = await createTestMap(home.workspace.id);
    const draft = draftOf(map, 1_000, { notes: "first" });
    actAs(home.byRole.INTERVIEWER);
    expect(await (await saveDraftRoute(...draftRequest(home.workspace.id, draft.id, draft))).json()).toEqual({ saved: true, created: true });
    const newer = { ...draft, savedAt: 3_000, notes: "third", step: 3 };
    expect(await (await saveDraftRoute(...draftRequest(home.workspace.id, draft.id, newer))).json()).toEqual({ saved: true, created: false });
    const older = { ...draft, savedAt: 2_000, notes: "second" };
    expect(await (await saveDraftRoute(...draftRequest(home.workspace.id, draft.id, older))).json()).toEqual({ saved: false, reason: "stale" });
    const stored = await testDb().interview.findUniqueOrThrow({ where: { id: draft.id } });
    expect(stored).toMatchObject({ status: "DRAFT", notes: "third", interviewerId: home.byRole.INTERVIEWER.id, respondentId });
    expect(stored.draft).toMatchObject({ step: 3, savedAt: 3_000, notes: "third" });
    expect(await testDb().observation.count({ where: { interviewId: draft.id } })).toBe(0);
    expect((await testDb().auditLog.findMany({ where: { entityId: draft.id } })).map((entry) => entry.action)).toEqual(["interview.draft_start"]);
  });

  it("answers 409 with code 'submitted' once the interview is submitted", async () => {
    const map = await createTestMap(home.workspace.id);
    const draft = draftOf(map, 1_000);
    actAs(home.byRole.INTERVIEWER);
    expect((await submitThroughRoute(home.workspace.id, draft)).ok).toBe(true);
    const response = await saveDraftRoute(...draftRequest(home.workspace.id, draft.id, { ...draft, savedAt: 9_000 }));
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ code: "submitted", error: "This interview has already been submitted." });
  });

  it("answers bad input with a 4xx and a JSON message, and writes nothing", async () => {
    const map = await createTestMap(home.workspace.id);
    const otherMap = await createTestMap(home.workspace.id);
    const draft = draftOf(map, 1_000);
    actAs(home.byRole.INTERVIEWER);
    const cases: [readonly [Request, { params: Promise<{ workspaceId: string; interviewId: string }> }], number, RegExp][] = [
      [draftRequest(home.workspace.id, draft.id, "{not json"), 400, /not valid JSON/],
      [draftRequest(home.workspace.id, draft.id, { ...draft, answers: [{ touchpointId: "x", ratings: [{ expectationId: "y", importance: 8 }] }] }), 400, /1 \(barely noticed\) to 5/],
      [draftRequest(home.workspace.id, crypto.randomUUID(), draft), 400, /does not match/],
      [draftRequest(home.workspace.id, draft.id, { ...draft, mapId: "no-such-map" }), 404, /map was not found/],
      [
        draftRequest(home.workspace.id, draft.id, {
          ...draft,
          answers: [{ touchpointId: otherMap.touchpoints[0]!.id, ratings: [] }],
        }),
        400,
        /not on this map/,
      ],
      [
        draftRequest(home.workspace.id, draft.id, {
          ...draft,
          answers: [{ touchpointId: map.touchpoints[0]!.id, ratings: [{ expectationId: otherMap.touchpoints[0]!.expectations[0]!.id }] }],
        }),
        400,
        /not on Website|not on Shop window|not on Entrance/,
      ],
      [draftRequest(home.workspace.id, draft.id, "x".repeat(600_000)), 413, /too large/],
    ];
    for (const [request, status, message] of cases) {
      const response = await saveDraftRoute(...request);
      expect(response.status, message.source).toBe(status);
      expect((await response.json()).error).toMatch(message);
    }
    expect(await rowsFor(draft.id)).toEqual({ interviews: 0, observations: 0, audits: 0 });
  });

  it("refuses an oversized body by its declared length, and stops reading one that runs past the limit", async () => {
    const map = await createTestMap(home.workspace.id);
    const draft = draftOf(map, 1_000);
    actAs(home.byRole.INTERVIEWER);
    // Declared too large: refused before a byte is read.
    let pulled = 0;
    const endless = () =>
      new ReadableStream<Uint8Array>({
        pull(controller) {
          pulled += 65_536;
          controller.enqueue(new Uint8Array(65_536).fill(0x20));
        },
      });
    const declared = await saveDraftRoute(
      ...draftRequest(home.workspace.id, draft.id, "", {
        body: endless(),
        duplex: "half",
        headers: { "content-type": "application/json", "content-length": "1000000000" },
      } as RequestInit),
    );
    expect(declared.status).toBe(413);
    // Undeclared (chunked) and endless: reading stops at the first chunk past the limit.
    const pulledBefore = pulled;
    const streamed = await saveDraftRoute(
      ...draftRequest(home.workspace.id, draft.id, "", { body: endless(), duplex: "half" } as RequestInit),
    );
    expect(streamed.status).toBe(413);
    expect((await streamed.json()).error).toMatch(/too large/);
    expect(pulled - pulledBefore).toBeLessThan(2_000_000);
    // Bytes that are not UTF-8 are refused as such.
    const latin1 = await saveDraftRoute(
      ...draftRequest(home.workspace.id, draft.id, "", { body: new Uint8Array([0x7b, 0xff, 0x7d]) } as RequestInit),
    );
    expect(latin1.status).toBe(400);
    expect((await latin1.json()).error).toMatch(/UTF-8/);
    expect(await rowsFor(draft.id)).toEqual({ interviews: 0, observations: 0, audits: 0 });
  });

  it("refuses a draft on a map that is not active", async () => {
    const map = await createTestMap(home.workspace.id, { status: "ARCHIVED" });
    const draft = draftOf(map, 1_000);
    actAs(home.byRole.INTERVIEWER);
    const response = await saveDraftRoute(...draftRequest(home.workspace.id, draft.id, draft));
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ error: MAP_NOT_ACTIVE });
    expect(await rowsFor(draft.id)).toEqual({ interviews: 0, observations: 0, audits: 0 });
  });

  it("answers 404 in JSON to another interviewer, another workspace and a manager, and 401 when signed out", async () => {
    const map = await createTestMap(home.workspace.id);
    const draft = draftOf(map, 1_000);
    actAs(home.byRole.INTERVIEWER);
    expect((await saveDraftRoute(...draftRequest(home.workspace.id, draft.id, draft))).status).toBe(200);

    actAs(home.byRole.ANALYST);
    const takeover = await saveDraftRoute(...draftRequest(home.workspace.id, draft.id, { ...draft, savedAt: 5_000, notes: "not mine" }));
    expect(takeover.status).toBe(404);
    for (const user of [home.byRole.MANAGER, other.byRole.INTERVIEWER]) {
      actAs(user);
      const response = await saveDraftRoute(...draftRequest(home.workspace.id, draft.id, { ...draft, savedAt: 6_000 }));
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: "Not found." });
    }
    actAs(null);
    const signedOut = await saveDraftRoute(...draftRequest(home.workspace.id, draft.id, draft));
    expect(signedOut.status).toBe(401);
    expect((await signedOut.json()).error).toMatch(/Sign in again/);
    expect(await testDb().interview.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ notes: "Regular customer" });
  });
});
