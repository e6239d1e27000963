// Respondents' contact details are personal data: shown only to those who need them (lists,
// search, the respondent page and the interview's picker alike), every response that shows
// them audited without them, and erasable by an admin without losing the interviews.
import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/db";
import { actAs, expectNotFound, type TestUser } from "@/tests/support/session";
import { addMember, createWorkspaceWithMembers } from "@/tests/factories/workspace";
import { createUser } from "@/tests/factories/user";
import { createRespondent } from "@/tests/factories/respondent";
import { createInterview } from "@/tests/factories/interview";
import { createTestMap, type TestMap } from "@/tests/integration/interview-support";
import { createRespondentAction, eraseRespondentAction, searchRespondentsAction, updateRespondentAction } from "@/lib/actions/respondents";
import { getRespondent, listRespondents, searchRespondents } from "@/lib/data/respondents";
import { getMapForAnalysis, getMatrix, getTouchpointDetail } from "@/lib/data/analysis";
import { EMPTY_FILTER } from "@/lib/schemas/analysis-filter";
import { RespondentSearchSchema, type RespondentRow } from "@/lib/schemas/respondent";
import { resolveWorkspaceAccess, type WorkspaceContext } from "@/lib/workspace";

type Members = Awaited<ReturnType<typeof createWorkspaceWithMembers>>;

// Every contact detail the fixtures hold: no audit entry may contain any of them.
const PEOPLE = {
  recorded: { code: "CT-REC", contactName: "Ann Recorded", contactEmail: "ann.recorded@example.com" },
  created: { code: "CT-NEW", contactName: "Ben Created", contactEmail: "ben.created@example.com" },
  unrelated: { code: "CT-OTH", contactName: "Cleo Unrelated", contactEmail: "cleo.unrelated@example.com" },
  drafted: { code: "CT-DRA", contactName: "Dan Drafted", contactEmail: "dan.drafted@example.com" },
  voided: { code: "CT-VOI", contactName: "Eve Voided", contactEmail: "eve.voided@example.com" },
} as const;
type Person = keyof typeof PEOPLE;
const PERSON_OF_CODE = Object.fromEntries(Object.entries(PEOPLE).map(([person, value]) => [value.code, person as Person]));
const SECRETS = new RegExp(Object.values(PEOPLE).flatMap((person) => [person.contactName, person.contactEmail.replace(/\./g, "\\.")]).join("|"), "i");

/** Which respondents' contact details each viewer may see. */
type Viewer = "ADMIN" | "ANALYST" | "MANAGER" | "RECORDER" | "OTHER_INTERVIEWER";
const SEES: Record<Viewer, Person[]> = {
  ADMIN: ["recorded", "created", "unrelated", "drafted", "voided"],
  ANALYST: ["recorded", "created", "unrelated", "drafted", "voided"],
  MANAGER: [],
  // Created by them, or interviewed in a submitted interview; a draft or a void one does not count.
  RECORDER: ["recorded", "created"],
  OTHER_INTERVIEWER: ["unrelated"],
};

describe("respondents' contact details", () => {
  let home: Members;
  let other: Members;
  let otherInterviewer: TestUser;
  let map: TestMap;
  const ids = {} as Record<Person, string>;

  function userOf(viewer: Viewer): TestUser {
    if (viewer === "RECORDER") return home.byRole.INTERVIEWER;
    if (viewer === "OTHER_INTERVIEWER") return otherInterviewer;
    return home.byRole[viewer];
  }

  /** The guard's context for a viewer (a manager's has no respondent permission at all: the data layer must still hide). */
  async function contextOf(viewer: Viewer): Promise<WorkspaceContext> {
    return (await resolveWorkspaceAccess(userOf(viewer).id, home.workspace.id, "workspace.view"))!;
  }

  function contactsOf(rows: RespondentRow[]): Partial<Record<Person, string | null>> {
    return Object.fromEntries(
      rows.filter((row) => PERSON_OF_CODE[row.code]).map((row) => [PERSON_OF_CODE[row.code], row.contact ? row.contact.name : row.contactHidden]),
    );
  }

  function expected(viewer: Viewer, people: Person[] = Object.keys(PEOPLE) as Person[]) {
    return Object.fromEntries(people.map((person) => [person, SEES[viewer].includes(person) ? PEOPLE[person].contactName : "Contact details hidden"]));
  }

  function auditCount(user: TestUser, action: string) {
    return testDb().auditLog.count({ where: { workspaceId: home.workspace.id, actorId: user.id, action } });
  }

  beforeAll(async () => {
    home = await createWorkspaceWithMembers(testDb());
    other = await createWorkspaceWithMembers(testDb());
    otherInterviewer = await createUser(testDb());
    await addMember(testDb(), { workspaceId: home.workspace.id, userId: otherInterviewer.id, role: "INTERVIEWER" });
    map = await createTestMap(home.workspace.id);
    const interviewer = home.byRole.INTERVIEWER;

    // Added by the interviewer through the form, so the creator is recorded the way it is in use.
    actAs(interviewer);
    const created = await createRespondentAction(home.workspace.id, { ...PEOPLE.created, lifecycleStage: "NEW" });
    ids.created = created.ok ? created.data.id : "";
    for (const person of ["recorded", "unrelated", "drafted", "voided"] as const) {
      ids[person] = (await createRespondent(testDb(), { workspaceId: home.workspace.id, segment: "Contact tests", ...PEOPLE[person] })).id;
    }
    const [touchpoint] = map.touchpoints;
    const observations = [
      { touchpointId: touchpoint!.id, expectationId: touchpoint!.expectations[0]!.id, outcome: "MISSED" as const, importance: 5, comment: "Slow" },
      { touchpointId: touchpoint!.id, expectationId: touchpoint!.expectations[1]!.id, outcome: "EXCEEDED" as const, importance: 3 },
    ];
    const interview = (respondent: Person, interviewerId: string, status: "SUBMITTED" | "DRAFT" | "VOID") =>
      createInterview(testDb(), {
        workspaceId: home.workspace.id,
        mapId: map.map.id,
        interviewerId,
        respondentId: ids[respondent],
        status,
        observations: status === "DRAFT" ? [] : observations,
        ...(status === "VOID" ? { voidReason: "Test" } : {}),
      });
    await interview("recorded", interviewer.id, "SUBMITTED");
    await interview("unrelated", otherInterviewer.id, "SUBMITTED");
    await interview("drafted", interviewer.id, "DRAFT");
    await interview("voided", interviewer.id, "VOID");
  });

  describe.each(["ADMIN", "ANALYST", "MANAGER", "RECORDER", "OTHER_INTERVIEWER"] as const)("seen by %s", (viewer) => {
    it("the list shows contact details only where allowed", async () => {
      const ctx = await contextOf(viewer);
      const { rows } = await listRespondents(ctx, RespondentSearchSchema.parse({ q: "CT-" }));
      expect(contactsOf(rows)).toEqual(expected(viewer));
      for (const row of rows) {
        if (!SEES[viewer].includes(PERSON_OF_CODE[row.code]!)) expect(JSON.stringify(row)).not.toMatch(SECRETS);
      }
    });

    it("the search matches a name or email only where the caller may see it", async () => {
      const ctx = await contextOf(viewer);
      for (const person of Object.keys(PEOPLE) as Person[]) {
        const { contactName, contactEmail } = PEOPLE[person];
        const allowed = SEES[viewer].includes(person);
        for (const q of [contactName.split(" ")[1]!.toLowerCase(), contactEmail.toUpperCase()]) {
          const listed = await listRespondents(ctx, RespondentSearchSchema.parse({ q }));
          expect(listed.rows.map((row) => row.id), `${viewer} searching ${q}`).toEqual(allowed ? [ids[person]] : []);
          expect(listed.total).toBe(allowed ? 1 : 0);
          expect((await searchRespondents(ctx, q)).map((row) => row.id)).toEqual(allowed ? [ids[person]] : []);
        }
      }
    });

    it("the respondent page shows contact details only where allowed", async () => {
      const ctx = await contextOf(viewer);
      for (const person of Object.keys(PEOPLE) as Person[]) {
        const detail = (await getRespondent(ctx, ids[person]))!;
        if (SEES[viewer].includes(person)) {
          expect(detail.contact).toEqual({ name: PEOPLE[person].contactName, email: PEOPLE[person].contactEmail });
          expect(detail.contactHidden).toBeNull();
        } else {
          expect(detail.contact).toBeNull();
          expect(detail.contactHidden).toBe("Contact details hidden");
          expect(JSON.stringify(detail)).not.toMatch(SECRETS);
        }
      }
    });

    it("the interview's respondent picker shows contact details only where allowed, or refuses a manager", async () => {
      actAs(userOf(viewer));
      if (viewer === "MANAGER") {
        await expectNotFound(searchRespondentsAction(home.workspace.id, { q: "CT-" }));
        await expectNotFound(searchRespondentsAction(home.workspace.id, { q: "Ann" }));
        return;
      }
      const result = await searchRespondentsAction(home.workspace.id, { q: "CT-" });
      expect(result.ok).toBe(true);
      expect(contactsOf(result.ok ? result.data : [])).toEqual(expected(viewer));
      const byName = await searchRespondentsAction(home.workspace.id, { q: "ann rec" });
      expect(byName).toEqual({ ok: true, data: SEES[viewer].includes("recorded") ? [expect.objectContaining({ id: ids.recorded })] : [] });
    });
  });

  it("another workspace's members find none of these respondents, by code or by name", async () => {
    actAs(other.byRole.ADMIN);
    await expectNotFound(searchRespondentsAction(home.workspace.id, { q: "Ann" }));
    expect(await searchRespondentsAction(other.workspace.id, { q: "Ann" })).toEqual({ ok: true, data: [] });
    expect(await searchRespondentsAction(other.workspace.id, { q: "CT-" })).toEqual({ ok: true, data: [] });
    const ctx = (await resolveWorkspaceAccess(other.byRole.ADMIN.id, other.workspace.id, "respondent.manage"))!;
    expect(await getRespondent(ctx, ids.recorded)).toBeNull();
  });

  describe("audit", () => {
    it("one entry per list or picker response that shows contact details, with the ids and without the details", async () => {
      const user = home.byRole.INTERVIEWER;
      const ctx = await contextOf("RECORDER");
      const before = { list: await auditCount(user, "respondent.contact.list") };
      const { rows } = await listRespondents(ctx, RespondentSearchSchema.parse({ q: "CT-" }));
      await searchRespondents(ctx, "CT-");
      const entries = await testDb().auditLog.findMany({
        where: { workspaceId: home.workspace.id, actorId: user.id, action: "respondent.contact.list" },
        orderBy: { createdAt: "desc" },
        take: 2,
      });
      expect(await auditCount(user, "respondent.contact.list")).toBe(before.list + 2);
      const shownIds = rows.filter((row) => row.contact).map((row) => row.id);
      expect(shownIds.sort()).toEqual([ids.created, ids.recorded].sort());
      expect(entries.map((entry) => entry.entityId).sort()).toEqual(["list", "picker"]);
      for (const entry of entries) {
        expect(entry.entityType).toBe("Respondent");
        expect(((entry.after as { respondentIds: string[] }).respondentIds).slice().sort()).toEqual([ids.created, ids.recorded].sort());
        expect(JSON.stringify(entry)).not.toMatch(SECRETS);
      }
    });

    it("no entry when a response shows no contact details (all hidden, or none given)", async () => {
      const user = otherInterviewer;
      const ctx = await contextOf("OTHER_INTERVIEWER");
      const anonymous = await createRespondent(testDb(), { workspaceId: home.workspace.id, code: "CT-ANON", createdById: user.id });
      const before = [await auditCount(user, "respondent.contact.list"), await auditCount(user, "respondent.contact.view")];
      await listRespondents(ctx, RespondentSearchSchema.parse({ q: "CT-REC" }));
      await searchRespondents(ctx, "CT-REC");
      await getRespondent(ctx, ids.recorded);
      const seen = (await getRespondent(ctx, anonymous.id))!;
      expect(seen.contact).toEqual({ name: null, email: null });
      expect([await auditCount(user, "respondent.contact.list"), await auditCount(user, "respondent.contact.view")]).toEqual(before);
    });

    it("one entry per respondent page that shows contact details", async () => {
      const user = home.byRole.ANALYST;
      const ctx = await contextOf("ANALYST");
      const before = await auditCount(user, "respondent.contact.view");
      await getRespondent(ctx, ids.unrelated);
      await getRespondent(ctx, ids.unrelated);
      expect(await auditCount(user, "respondent.contact.view")).toBe(before + 2);
      const entry = await testDb().auditLog.findFirstOrThrow({
        where: { actorId: user.id, action: "respondent.contact.view" },
        orderBy: { createdAt: "desc" },
      });
      expect(entry).toMatchObject({ workspaceId: home.workspace.id, entityType: "Respondent", entityId: ids.unrelated, after: { code: "CT-OTH" } });
      expect(JSON.stringify(entry)).not.toMatch(SECRETS);
    });
  });

  describe("changing contact details", () => {
    it("an interviewer who may not see them cannot change them; the rest of the profile can be changed and the details stay", async () => {
      actAs(otherInterviewer);
      const input = { respondentId: ids.recorded, code: "CT-REC", lifecycleStage: "LAPSED", segment: "Contact tests" };
      expect(await updateRespondentAction(home.workspace.id, { ...input, contactEmail: "mine@example.com" })).toMatchObject({
        ok: false,
        formError: expect.stringMatching(/may not change this respondent's contact details/),
      });
      expect(await testDb().respondent.findUniqueOrThrow({ where: { id: ids.recorded } })).toMatchObject({
        lifecycleStage: "ESTABLISHED",
        contactEmail: PEOPLE.recorded.contactEmail,
      });
      // Their form has no contact fields: the empty ones keep what is stored.
      expect(await updateRespondentAction(home.workspace.id, input)).toMatchObject({ ok: true });
      expect(await testDb().respondent.findUniqueOrThrow({ where: { id: ids.recorded } })).toMatchObject({
        lifecycleStage: "LAPSED",
        contactName: PEOPLE.recorded.contactName,
        contactEmail: PEOPLE.recorded.contactEmail,
      });
      const audit = await testDb().auditLog.findFirstOrThrow({ where: { entityId: ids.recorded, action: "respondent.update" }, orderBy: { createdAt: "desc" } });
      expect(audit.after).toMatchObject({ contactName: "(given)", contactEmail: "(given)" });
    });

    it("the interviewer who recorded them may change them", async () => {
      actAs(home.byRole.INTERVIEWER);
      const result = await updateRespondentAction(home.workspace.id, {
        respondentId: ids.recorded,
        code: "CT-REC",
        lifecycleStage: "ESTABLISHED",
        segment: "Contact tests",
        contactName: PEOPLE.recorded.contactName,
        contactEmail: PEOPLE.recorded.contactEmail,
      });
      expect(result).toMatchObject({ ok: true });
      expect(await testDb().respondent.findUniqueOrThrow({ where: { id: ids.recorded } })).toMatchObject({ lifecycleStage: "ESTABLISHED" });
    });
  });

  describe("erasure", () => {
    async function figures() {
      const ctx = (await resolveWorkspaceAccess(home.byRole.MANAGER.id, home.workspace.id, "analysis.view"))!;
      const analysisMap = (await getMapForAnalysis(ctx, map.map.id))!;
      const [all, segment, detail] = await Promise.all([
        getMatrix(ctx, analysisMap, EMPTY_FILTER, "data"),
        getMatrix(ctx, analysisMap, { ...EMPTY_FILTER, segment: ["Contact tests"] }, "data"),
        getTouchpointDetail(ctx, map.map.id, map.touchpoints[0]!.id, EMPTY_FILTER),
      ]);
      return { all, segment, detail };
    }

    async function stored(id: string) {
      const [respondent, interviews, observations] = await Promise.all([
        testDb().respondent.findUniqueOrThrow({ where: { id } }),
        testDb().interview.findMany({ where: { respondentId: id }, orderBy: { id: "asc" } }),
        testDb().observation.findMany({ where: { interview: { respondentId: id } }, orderBy: [{ interviewId: "asc" }, { expectationId: "asc" }] }),
      ]);
      return { respondent, interviews, observations };
    }

    it("is refused to another workspace's admin and to every role but admin, and changes nothing", async () => {
      const before = await stored(ids.unrelated);
      const erasures = () => testDb().auditLog.count({ where: { entityId: ids.unrelated, action: "respondent.erase" } });
      for (const user of [other.byRole.ADMIN, home.byRole.ANALYST, home.byRole.MANAGER, home.byRole.INTERVIEWER, otherInterviewer]) {
        actAs(user);
        await expectNotFound(eraseRespondentAction(home.workspace.id, { respondentId: ids.unrelated }));
      }
      // Another workspace's admin naming this respondent in their own workspace: not found there.
      actAs(other.byRole.ADMIN);
      expect(await eraseRespondentAction(other.workspace.id, { respondentId: ids.unrelated })).toEqual({
        ok: false,
        formError: "That respondent was not found in this workspace.",
      });
      expect(await stored(ids.unrelated)).toEqual(before);
      expect(await erasures()).toBe(0);
    });

    it("an admin erases the contact details; the code, interviews, observations and analysis figures stay", async () => {
      const before = await stored(ids.unrelated);
      const analysisBefore = await figures();
      expect(analysisBefore.all.interviews).toBeGreaterThan(0);
      actAs(home.byRole.ADMIN);
      const result = await eraseRespondentAction(home.workspace.id, { respondentId: ids.unrelated });
      expect(result).toMatchObject({ ok: true, data: { respondentId: ids.unrelated } });

      const after = await stored(ids.unrelated);
      expect(after.respondent).toMatchObject({
        code: "CT-OTH",
        segment: "Contact tests",
        lifecycleStage: before.respondent.lifecycleStage,
        contactName: null,
        contactEmail: null,
        erasedById: home.byRole.ADMIN.id,
        archivedAt: null,
      });
      expect(after.respondent.erasedAt).toBeInstanceOf(Date);
      expect(after.interviews).toEqual(before.interviews);
      expect(after.observations).toEqual(before.observations);
      expect(after.observations.length).toBeGreaterThan(0);
      expect(await figures()).toEqual(analysisBefore);

      const audit = await testDb().auditLog.findFirstOrThrow({ where: { entityId: ids.unrelated, action: "respondent.erase" } });
      expect(audit).toMatchObject({ actorId: home.byRole.ADMIN.id, entityType: "Respondent", after: { code: "CT-OTH", cleared: ["contactName", "contactEmail"] } });
      expect(JSON.stringify(audit)).not.toMatch(SECRETS);

      // Gone from every view, for everyone, and the search by the old name finds nothing.
      for (const viewer of ["ADMIN", "OTHER_INTERVIEWER"] as const) {
        const ctx = await contextOf(viewer);
        const detail = (await getRespondent(ctx, ids.unrelated))!;
        expect(detail).toMatchObject({ contact: null, contactHidden: "Personal data erased", erased: true, erasedByName: home.byRole.ADMIN.name });
        expect((await listRespondents(ctx, RespondentSearchSchema.parse({ q: "cleo" }))).total).toBe(0);
        expect(await searchRespondents(ctx, "cleo.unrelated@example.com")).toEqual([]);
        expect((await searchRespondents(ctx, "CT-OTH"))[0]).toMatchObject({ id: ids.unrelated, contact: null, contactHidden: "Personal data erased" });
      }

      // Erasing again changes nothing and records nothing more.
      expect(await eraseRespondentAction(home.workspace.id, { respondentId: ids.unrelated })).toMatchObject({ ok: true });
      expect(await testDb().auditLog.count({ where: { entityId: ids.unrelated, action: "respondent.erase" } })).toBe(1);
    });

    it("an erased respondent cannot be given contact details again; the rest of the profile stays editable", async () => {
      actAs(home.byRole.ADMIN);
      const input = { respondentId: ids.unrelated, code: "CT-OTH", lifecycleStage: "LAPSED", segment: "Contact tests" };
      expect(await updateRespondentAction(home.workspace.id, { ...input, contactName: "Cleo Again" })).toMatchObject({
        ok: false,
        formError: expect.stringMatching(/erased on request: contact details cannot be added again/),
      });
      expect(await testDb().respondent.findUniqueOrThrow({ where: { id: ids.unrelated } })).toMatchObject({ contactName: null, lifecycleStage: "ESTABLISHED" });
      expect(await updateRespondentAction(home.workspace.id, input)).toMatchObject({ ok: true });
      expect(await testDb().respondent.findUniqueOrThrow({ where: { id: ids.unrelated } })).toMatchObject({
        contactName: null,
        contactEmail: null,
        lifecycleStage: "LAPSED",
      });
    });

    it("refuses a bad id with a clear message and changes nothing", async () => {
      actAs(home.byRole.ADMIN);
      expect(await eraseRespondentAction(home.workspace.id, { respondentId: "" })).toMatchObject({ ok: false, fieldErrors: { respondentId: [expect.any(String)] } });
      expect(await eraseRespondentAction(home.workspace.id, { respondentId: "no-such-respondent" })).toEqual({
        ok: false,
        formError: "That respondent was not found in this workspace.",
      });
    });
  });
});
