import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/db";
import { actAs, expectNotFound } from "@/tests/support/session";
import { createWorkspaceWithMembers } from "@/tests/factories/workspace";
import { createAttributeField, createRespondent } from "@/tests/factories/respondent";
import {
  createAttributeFieldAction,
  createRespondentAction,
  moveAttributeFieldAction,
  searchRespondentsAction,
  setAttributeFieldArchivedAction,
  setRespondentArchivedAction,
  updateAttributeFieldAction,
  updateRespondentAction,
} from "@/lib/actions/respondents";
import { listAttributeFields } from "@/lib/data/attribute-fields";
import { listRespondents } from "@/lib/data/respondents";
import { RespondentSearchSchema } from "@/lib/schemas/respondent";
import { requireWorkspace } from "@/lib/workspace";

type Members = Awaited<ReturnType<typeof createWorkspaceWithMembers>>;

describe("respondents", () => {
  let home: Members;
  let other: Members;
  let lifestyle: Awaited<ReturnType<typeof createAttributeField>>;
  let foreignField: Awaited<ReturnType<typeof createAttributeField>>;

  beforeAll(async () => {
    home = await createWorkspaceWithMembers(testDb());
    other = await createWorkspaceWithMembers(testDb());
    lifestyle = await createAttributeField(testDb(), {
      workspaceId: home.workspace.id,
      name: "Lifestyle",
      values: ["Busy urban", "Outdoor and active"],
    });
    foreignField = await createAttributeField(testDb(), { workspaceId: other.workspace.id, name: "Lifestyle" });
  });

  it("an interviewer creates a pseudonymous respondent; the code is generated when left empty and audited", async () => {
    actAs(home.byRole.INTERVIEWER);
    const result = await createRespondentAction(home.workspace.id, {
      code: "",
      lifecycleStage: "NEW",
      valueTier: "MEDIUM",
      segment: "  Students ",
      attributes: [{ fieldId: lifestyle.id, optionId: lifestyle.options[1]!.id }],
    });
    expect(result).toMatchObject({ ok: true, data: { code: expect.stringMatching(/^R-[2-9A-Z]{6}$/) } });
    const id = result.ok ? result.data.id : "";
    const stored = await testDb().respondent.findUniqueOrThrow({ where: { id }, include: { attributes: true } });
    expect(stored).toMatchObject({ workspaceId: home.workspace.id, segment: "Students", contactName: null, contactEmail: null });
    expect(stored.attributes).toMatchObject([{ fieldId: lifestyle.id, optionId: lifestyle.options[1]!.id }]);
    const audit = await testDb().auditLog.findFirstOrThrow({ where: { entityId: id } });
    expect(audit).toMatchObject({ action: "respondent.create", actorId: home.byRole.INTERVIEWER.id });
  });

  it("codes are unique per workspace whatever their case, and the clash is reported on the code field", async () => {
    actAs(home.byRole.ANALYST);
    expect((await createRespondentAction(home.workspace.id, { code: "shop-17", lifecycleStage: "LAPSED" })).ok).toBe(true);
    expect(await createRespondentAction(home.workspace.id, { code: "SHOP-17", lifecycleStage: "NEW" })).toEqual({
      ok: false,
      formError: "The code SHOP-17 is already used by another respondent.",
      fieldErrors: { code: ["The code SHOP-17 is already used by another respondent."] },
    });
    expect(await createRespondentAction(home.workspace.id, { code: "bad code!", lifecycleStage: "NEW" })).toMatchObject({
      ok: false,
      fieldErrors: { code: [expect.stringMatching(/letters, digits/)] },
    });
    actAs(other.byRole.ANALYST);
    expect((await createRespondentAction(other.workspace.id, { code: "SHOP-17", lifecycleStage: "NEW" })).ok).toBe(true);
  });

  it("refuses an attribute value of another workspace or field, and writes nothing", async () => {
    actAs(home.byRole.INTERVIEWER);
    const before = await testDb().respondent.count({ where: { workspaceId: home.workspace.id } });
    for (const attributes of [
      [{ fieldId: foreignField.id, optionId: foreignField.options[0]!.id }],
      [{ fieldId: lifestyle.id, optionId: foreignField.options[0]!.id }],
    ]) {
      const result = await createRespondentAction(home.workspace.id, { lifecycleStage: "NEW", attributes });
      expect(result).toMatchObject({ ok: false, fieldErrors: { attributes: [expect.any(String)] } });
    }
    expect(await testDb().respondent.count({ where: { workspaceId: home.workspace.id } })).toBe(before);
  });

  it("finds respondents by code, segment and attribute value", async () => {
    const urban = await createRespondent(testDb(), {
      workspaceId: home.workspace.id,
      code: "FIND-001",
      segment: "Retirees",
      attributes: [{ fieldId: lifestyle.id, optionId: lifestyle.options[0]!.id }],
    });
    await createRespondent(testDb(), { workspaceId: home.workspace.id, code: "FIND-002", segment: "Families" });
    actAs(home.byRole.INTERVIEWER);
    const ctx = await requireWorkspace(home.workspace.id, "respondent.manage");
    const codes = async (filter: Record<string, string>) =>
      (await listRespondents(ctx, RespondentSearchSchema.parse(filter))).rows.map((row) => row.code).sort();
    expect(await codes({ q: "find-" })).toEqual(["FIND-001", "FIND-002"]);
    expect(await codes({ q: "FIND", segment: "retirees" })).toEqual(["FIND-001"]);
    expect(await codes({ q: "FIND", option: lifestyle.options[0]!.id })).toEqual(["FIND-001"]);
    const picked = await searchRespondentsAction(home.workspace.id, { q: "find-001" });
    expect(picked).toMatchObject({ ok: true, data: [{ id: urban.id, code: "FIND-001", segment: "Retirees", attributes: [{ value: "Busy urban" }] }] });
    actAs(other.byRole.INTERVIEWER);
    expect(await searchRespondentsAction(other.workspace.id, { q: "find-001" })).toEqual({ ok: true, data: [] });
  });

  it("edits a respondent, keeps an attribute value archived since, and audits without the contact details", async () => {
    const respondent = await createRespondent(testDb(), {
      workspaceId: home.workspace.id,
      attributes: [{ fieldId: lifestyle.id, optionId: lifestyle.options[0]!.id }],
    });
    await testDb().attributeOption.update({ where: { id: lifestyle.options[0]!.id }, data: { archivedAt: new Date() } });
    // An analyst: an interviewer changes only the contact details of respondents they added or interviewed.
    actAs(home.byRole.ANALYST);
    const result = await updateRespondentAction(home.workspace.id, {
      respondentId: respondent.id,
      code: "edit-01",
      lifecycleStage: "LAPSED",
      valueTier: "LOW",
      segment: "",
      contactName: "Pat Doe",
      contactEmail: "Pat@Example.com",
      attributes: [{ fieldId: lifestyle.id, optionId: lifestyle.options[0]!.id }],
    });
    expect(result).toEqual({ ok: true, data: { respondentId: respondent.id, code: "EDIT-01" } });
    expect(await testDb().respondent.findUniqueOrThrow({ where: { id: respondent.id } })).toMatchObject({
      code: "EDIT-01",
      lifecycleStage: "LAPSED",
      segment: null,
      contactEmail: "pat@example.com",
    });
    const audit = await testDb().auditLog.findFirstOrThrow({ where: { entityId: respondent.id, action: "respondent.update" } });
    expect(JSON.stringify(audit)).not.toMatch(/Pat|pat@example/);
    expect(audit.after).toMatchObject({ contactName: "(given)", contactEmail: "(given)" });
    await testDb().attributeOption.update({ where: { id: lifestyle.options[0]!.id }, data: { archivedAt: null } });
  });

  it("a respondent of another workspace cannot be edited or archived", async () => {
    const foreign = await createRespondent(testDb(), { workspaceId: other.workspace.id, code: "FOREIGN-1" });
    actAs(home.byRole.ADMIN);
    const input = { respondentId: foreign.id, code: "TAKEN", lifecycleStage: "NEW" };
    expect(await updateRespondentAction(home.workspace.id, input)).toEqual({
      ok: false,
      formError: "That respondent was not found in this workspace.",
    });
    expect(await setRespondentArchivedAction(home.workspace.id, { respondentId: foreign.id, archived: true })).toMatchObject({ ok: false });
    expect(await testDb().respondent.findUniqueOrThrow({ where: { id: foreign.id } })).toMatchObject({ code: "FOREIGN-1", archivedAt: null });
  });

  it("managers and members of other workspaces are refused like a missing page", async () => {
    for (const user of [home.byRole.MANAGER, other.byRole.ADMIN]) {
      actAs(user);
      await expectNotFound(createRespondentAction(home.workspace.id, { lifecycleStage: "NEW" }));
      await expectNotFound(searchRespondentsAction(home.workspace.id, { q: "R" }));
      await expectNotFound(createAttributeFieldAction(home.workspace.id, { name: "Motivation", values: ["Price", "Quality"] }));
    }
  });

  it("archives and restores a respondent, and archived ones leave the default list", async () => {
    const respondent = await createRespondent(testDb(), { workspaceId: home.workspace.id, code: "ARCH-1" });
    actAs(home.byRole.ANALYST);
    expect((await setRespondentArchivedAction(home.workspace.id, { respondentId: respondent.id, archived: true })).ok).toBe(true);
    const ctx = await requireWorkspace(home.workspace.id, "respondent.manage");
    expect((await listRespondents(ctx, RespondentSearchSchema.parse({ q: "ARCH-1" }))).total).toBe(0);
    expect((await listRespondents(ctx, RespondentSearchSchema.parse({ q: "ARCH-1", archived: "1" }))).total).toBe(1);
    expect((await setRespondentArchivedAction(home.workspace.id, { respondentId: respondent.id, archived: false })).ok).toBe(true);
    expect(
      (await testDb().auditLog.findMany({ where: { entityId: respondent.id }, orderBy: { createdAt: "asc" } })).map((entry) => entry.action),
    ).toEqual(["respondent.archive", "respondent.restore"]);
  });
});

describe("respondent attribute fields", () => {
  let home: Members;
  let other: Members;

  beforeAll(async () => {
    home = await createWorkspaceWithMembers(testDb());
    other = await createWorkspaceWithMembers(testDb());
  });

  it("an analyst defines a field with its allowed values; an interviewer may not", async () => {
    actAs(home.byRole.INTERVIEWER);
    await expectNotFound(createAttributeFieldAction(home.workspace.id, { name: "Motivation", values: ["Price", "Quality"] }));
    actAs(home.byRole.ANALYST);
    const result = await createAttributeFieldAction(home.workspace.id, { name: "Motivation", values: ["Price", "Quality", "Service"] });
    expect(result.ok).toBe(true);
    expect(await createAttributeFieldAction(home.workspace.id, { name: "motivation", values: ["A", "B"] })).toMatchObject({
      ok: false,
      fieldErrors: { name: ["There is already an attribute called “motivation”."] },
    });
    expect(await createAttributeFieldAction(home.workspace.id, { name: "Attitude", values: ["Keen", "keen"] })).toMatchObject({
      ok: false,
      fieldErrors: { values: ["Each value may appear only once."] },
    });
    const ctx = await requireWorkspace(home.workspace.id, "respondent.fields");
    expect((await listAttributeFields(ctx)).map((field) => [field.name, field.options.map((option) => option.value)])).toEqual([
      ["Motivation", ["Price", "Quality", "Service"]],
    ]);
    expect(await testDb().auditLog.count({ where: { workspaceId: home.workspace.id, action: "attribute_field.create" } })).toBe(1);
  });

  it("renames, swaps, adds and archives values; a value left out is archived, never deleted", async () => {
    actAs(home.byRole.ADMIN);
    const created = await createAttributeFieldAction(home.workspace.id, { name: "Attitude", values: ["Keen", "Wary", "Indifferent"] });
    const fieldId = created.ok ? created.data.fieldId : "";
    const ctx = await requireWorkspace(home.workspace.id, "respondent.fields");
    const [keen, wary, indifferent] = (await listAttributeFields(ctx)).find((field) => field.id === fieldId)!.options;
    const respondent = await createRespondent(testDb(), {
      workspaceId: home.workspace.id,
      attributes: [{ fieldId, optionId: indifferent!.id }],
    });
    const result = await updateAttributeFieldAction(home.workspace.id, {
      fieldId,
      name: "Attitude to shopping",
      options: [
        { id: wary!.id, value: "Keen" },
        { id: keen!.id, value: "Wary", archived: true },
        { value: "Curious" },
      ],
    });
    expect(result).toEqual({ ok: true, data: { fieldId } });
    const field = (await listAttributeFields(ctx, { includeArchived: true })).find((f) => f.id === fieldId)!;
    expect(field.name).toBe("Attitude to shopping");
    expect(field.options.map((option) => [option.value, option.archived])).toEqual([
      ["Keen", false],
      ["Wary", true],
      ["Curious", false],
      ["Indifferent", true],
    ]);
    expect(await testDb().respondentAttribute.findFirst({ where: { respondentId: respondent.id } })).toMatchObject({ optionId: indifferent!.id });

    const foreign = await createAttributeField(testDb(), { workspaceId: other.workspace.id });
    expect(
      await updateAttributeFieldAction(home.workspace.id, { fieldId, name: "Attitude", options: [{ id: foreign.options[0]!.id, value: "X" }] }),
    ).toMatchObject({ ok: false });
    expect(await updateAttributeFieldAction(home.workspace.id, { fieldId: foreign.id, name: "Mine", options: [{ value: "X" }] })).toEqual({
      ok: false,
      formError: "That attribute was not found in this workspace.",
    });
  });

  it("archives, restores and reorders fields", async () => {
    actAs(home.byRole.ANALYST);
    const ctx = await requireWorkspace(home.workspace.id, "respondent.fields");
    const before = (await listAttributeFields(ctx)).map((field) => field.id);
    const created = await createAttributeFieldAction(home.workspace.id, { name: "Channel preference", values: ["Online", "In store"] });
    const fieldId = created.ok ? created.data.fieldId : "";
    expect((await moveAttributeFieldAction(home.workspace.id, { fieldId, direction: "up" })).ok).toBe(true);
    const order = (await listAttributeFields(ctx)).map((field) => field.id);
    expect(order.indexOf(fieldId)).toBe(before.length - 1);
    expect((await setAttributeFieldArchivedAction(home.workspace.id, { fieldId, archived: true })).ok).toBe(true);
    expect((await listAttributeFields(ctx)).some((field) => field.id === fieldId)).toBe(false);
    expect((await setAttributeFieldArchivedAction(home.workspace.id, { fieldId, archived: false })).ok).toBe(true);
    expect((await listAttributeFields(ctx)).some((field) => field.id === fieldId)).toBe(true);
  });
});
