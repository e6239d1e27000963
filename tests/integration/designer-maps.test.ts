// Maps as a whole: new from a template, duplicate, details, status, settings and targets,
// delete only without interviews, and the list's progress per segment.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/db";
import { actAs } from "@/tests/support/session";
import { createWorkspaceWithMembers } from "@/tests/factories/workspace";
import { createExpectation, createMap, createMapWithTouchpoints } from "@/tests/factories/map";
import { createInterview } from "@/tests/factories/interview";
import { createRespondent } from "@/tests/factories/respondent";
import {
  createMapAction,
  deleteMapAction,
  duplicateMapAction,
  setMapStatusAction,
  updateMapDetailsAction,
  updateMapSettingsAction,
} from "@/lib/actions/maps";
import { archiveTouchpointAction } from "@/lib/actions/designer";
import { getDesign } from "@/lib/data/designer";
import { getMapSettings } from "@/lib/data/map-settings";
import { listMaps } from "@/lib/data/maps";
import { MAP_TEMPLATES } from "@/lib/templates/maps";
import { resolveWorkspaceAccess } from "@/lib/workspace";

type Members = Awaited<ReturnType<typeof createWorkspaceWithMembers>>;
let home: Members;

beforeAll(async () => {
  home = await createWorkspaceWithMembers(testDb());
});
beforeEach(() => actAs(home.byRole.ANALYST));

async function ctxOf(role: "ANALYST" | "INTERVIEWER" = "ANALYST") {
  return (await resolveWorkspaceAccess(home.byRole[role].id, home.workspace.id, "workspace.view"))!;
}

const unique = (name: string) => `${name} ${crypto.randomUUID().slice(0, 6)}`;

describe("new map", () => {
  for (const template of MAP_TEMPLATES) {
    it(`from the ${template.name} template lays out its whole design, as a draft`, async () => {
      const name = unique(template.name);
      const result = await createMapAction(home.workspace.id, { name, description: "", template: template.id });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const design = await getDesign(await ctxOf(), result.data.id);
      expect(design!.map).toMatchObject({ name, status: "DRAFT", description: template.description });
      expect(design!.stages.map((stage) => stage.name)).toEqual(template.stages);
      expect(design!.channels.map((channel) => channel.name)).toEqual(template.channels);
      expect(design!.touchpoints).toHaveLength(template.touchpoints.length);
      const first = template.touchpoints[0]!;
      const written = design!.touchpoints.find((touchpoint) => touchpoint.name === first.name)!;
      expect(written).toMatchObject({ prompt: first.prompt, ownerTeam: first.ownerTeam, momentOfTruth: first.momentOfTruth });
      expect(written.expectations.map((expectation) => expectation.text)).toEqual(first.expectations);
      // Positions within every cell are dense.
      const cells = new Map<string, number[]>();
      for (const touchpoint of design!.touchpoints) {
        const key = `${touchpoint.stageId}:${touchpoint.channelId}`;
        cells.set(key, [...(cells.get(key) ?? []), touchpoint.position]);
      }
      for (const list of cells.values()) expect(list).toEqual(list.map((_, i) => i));
      const entry = await testDb().auditLog.findFirstOrThrow({ where: { entityId: result.data.id, action: "map.create" } });
      expect(entry.after).toMatchObject({ template: template.id, touchpoints: template.touchpoints.length });
    });
  }

  it("blank, with a clear message for a missing or duplicate name", async () => {
    const name = unique("Broadband support");
    expect((await createMapAction(home.workspace.id, { name, description: "Calls and chats", template: "blank" })).ok).toBe(true);
    expect(await createMapAction(home.workspace.id, { name: name.toUpperCase(), template: "blank" })).toMatchObject({
      ok: false,
      fieldErrors: { name: [expect.stringContaining("There is already a map called")] },
    });
    expect(await createMapAction(home.workspace.id, { name: "", template: "blank" })).toMatchObject({
      ok: false,
      fieldErrors: { name: ["Enter a name for the map."] },
    });
    expect(await createMapAction(home.workspace.id, { name: "X", template: "space-station" })).toMatchObject({
      ok: false,
      fieldErrors: { template: ["Choose how to start: a blank map or a template."] },
    });
  });
});

describe("duplicate", () => {
  it("copies the active design and the settings into a new draft, without interviews, archived or volunteered items", async () => {
    const built = await createMapWithTouchpoints(testDb(), {
      workspaceId: home.workspace.id,
      interviewTarget: 120,
      minSample: 12,
      segmentQuotas: { Students: 40 },
    });
    const [website, , entrance] = built.touchpoints;
    await archiveTouchpointAction(home.workspace.id, { mapId: built.map.id, touchpointId: website!.id });
    await createExpectation(testDb(), {
      workspaceId: home.workspace.id,
      mapId: built.map.id,
      touchpointId: entrance!.id,
      kind: "VOLUNTEERED",
      text: "Free text",
    });
    await createInterview(testDb(), {
      workspaceId: home.workspace.id,
      mapId: built.map.id,
      interviewerId: home.byRole.INTERVIEWER.id,
      observations: [{ touchpointId: entrance!.id, expectationId: entrance!.expectations[0]!.id, outcome: "MET" }],
    });
    const name = unique("Copy");
    const result = await duplicateMapAction(home.workspace.id, { mapId: built.map.id, name });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const copy = await testDb().journeyMap.findUniqueOrThrow({ where: { id: result.data.id }, include: { segmentQuotas: true } });
    expect(copy).toMatchObject({ name, status: "DRAFT", interviewTarget: 120, minSample: 12 });
    expect(copy.segmentQuotas.map(({ segment, target }) => ({ segment, target }))).toEqual([{ segment: "Students", target: 40 }]);
    const design = await getDesign(await ctxOf(), copy.id);
    expect(design!.stages.map((stage) => stage.name)).toEqual(["Discover", "Visit"]);
    expect(design!.touchpoints.map((touchpoint) => touchpoint.name).sort()).toEqual(["Entrance", "Shop window"]);
    expect(design!.touchpoints.find((touchpoint) => touchpoint.name === "Entrance")!.expectations.map((e) => e.text)).toEqual([
      "Entrance expectation A",
      "Entrance expectation B",
    ]);
    expect(design!.volunteered).toBe(0);
    expect(design!.archived).toBe(0);
    expect(await testDb().interview.count({ where: { mapId: copy.id } })).toBe(0);
    // The original is unchanged.
    expect(await testDb().touchpoint.count({ where: { mapId: built.map.id } })).toBe(3);
  });
});

describe("details, status and settings", () => {
  it("renames, describes and sets the status, auditing before and after", async () => {
    const map = await createMap(testDb(), { workspaceId: home.workspace.id, status: "DRAFT" });
    const name = unique("Renamed");
    const result = await updateMapDetailsAction(home.workspace.id, { mapId: map.id, name, description: "Words", status: "ACTIVE" });
    expect(result.ok).toBe(true);
    const entry = await testDb().auditLog.findFirstOrThrow({ where: { entityId: map.id, action: "map.update" } });
    expect(entry.before).toEqual({ name: map.name, description: "", status: "DRAFT" });
    expect(entry.after).toEqual({ name, description: "Words", status: "ACTIVE" });
    expect(await setMapStatusAction(home.workspace.id, { mapId: map.id, status: "ARCHIVED" })).toMatchObject({
      ok: true,
      data: { status: "ARCHIVED" },
    });
    expect(await setMapStatusAction(home.workspace.id, { mapId: map.id, status: "DELETED" })).toMatchObject({
      ok: false,
      fieldErrors: { status: [expect.stringContaining("Draft, Active or Archived")] },
    });
    // An archived map can still be renamed or brought back.
    expect((await setMapStatusAction(home.workspace.id, { mapId: map.id, status: "DRAFT" })).ok).toBe(true);
  });

  it("saves the settings and the per-segment targets, replacing the old targets", async () => {
    const map = await createMap(testDb(), { workspaceId: home.workspace.id, segmentQuotas: { Families: 50, Retirees: 20 } });
    const result = await updateMapSettingsAction(home.workspace.id, {
      mapId: map.id,
      minSample: "25",
      asymmetryThreshold: "0.15",
      consistencyThreshold: "30",
      interviewTarget: "",
      segmentQuotas: [
        { segment: " Students ", target: "60" },
        { segment: "Families", target: "80" },
      ],
    });
    expect(result.ok).toBe(true);
    const settings = await getMapSettings(await ctxOf(), map.id);
    expect(settings).toMatchObject({
      minSample: 25,
      asymmetryThreshold: 0.15,
      consistencyThreshold: 30,
      interviewTarget: null,
      segmentQuotas: [
        { segment: "Families", target: 80 },
        { segment: "Students", target: 60 },
      ],
    });
    const entry = await testDb().auditLog.findFirstOrThrow({ where: { entityId: map.id, action: "map.settings" } });
    expect(entry.before).toMatchObject({ minSample: 30, segmentQuotas: [{ segment: "Families", target: 50 }, { segment: "Retirees", target: 20 }] });
  });

  it("puts each bad setting's message on its field and changes nothing", async () => {
    const map = await createMap(testDb(), { workspaceId: home.workspace.id, interviewTarget: 100 });
    const result = await updateMapSettingsAction(home.workspace.id, {
      mapId: map.id,
      minSample: "0",
      asymmetryThreshold: "1.5",
      consistencyThreshold: "abc",
      interviewTarget: "12.5",
      segmentQuotas: [
        { segment: "Students", target: "10" },
        { segment: "students", target: "-1" },
      ],
    });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: {
        minSample: ["The minimum sample must be at least 1."],
        asymmetryThreshold: ["The asymmetry threshold must be at most 1."],
        consistencyThreshold: ["Enter the consistency threshold as a number."],
        interviewTarget: ["Enter the interview target as a whole number."],
        "segmentQuotas.1.target": ["The segment's target must be at least 1."],
      },
    });
    expect((await testDb().journeyMap.findUniqueOrThrow({ where: { id: map.id } })).interviewTarget).toBe(100);
  });

  it("refuses the same segment value twice", async () => {
    const map = await createMap(testDb(), { workspaceId: home.workspace.id });
    const result = await updateMapSettingsAction(home.workspace.id, {
      mapId: map.id,
      minSample: "30",
      asymmetryThreshold: "0.2",
      consistencyThreshold: "40",
      interviewTarget: "100",
      segmentQuotas: [
        { segment: "Students", target: "10" },
        { segment: "students", target: "20" },
      ],
    });
    expect(result).toMatchObject({ ok: false, fieldErrors: { "segmentQuotas.1.segment": [expect.stringContaining("listed twice")] } });
  });
});

describe("delete", () => {
  it("deletes a map with no interviews, with its whole design", async () => {
    const built = await createMapWithTouchpoints(testDb(), { workspaceId: home.workspace.id, segmentQuotas: { A: 1 } });
    expect((await deleteMapAction(home.workspace.id, { mapId: built.map.id })).ok).toBe(true);
    expect(await testDb().journeyMap.count({ where: { id: built.map.id } })).toBe(0);
    expect(await testDb().touchpoint.count({ where: { mapId: built.map.id } })).toBe(0);
    expect(await testDb().auditLog.count({ where: { entityId: built.map.id, action: "map.delete" } })).toBe(1);
  });

  it("refuses to delete a map with any interview, even a draft", async () => {
    const map = await createMap(testDb(), { workspaceId: home.workspace.id });
    await createInterview(testDb(), {
      workspaceId: home.workspace.id,
      mapId: map.id,
      interviewerId: home.byRole.INTERVIEWER.id,
      status: "DRAFT",
    });
    expect(await deleteMapAction(home.workspace.id, { mapId: map.id })).toMatchObject({
      ok: false,
      formError: expect.stringMatching(/has 1 interview, so it cannot be deleted\. Archive it instead/),
    });
    expect(await testDb().journeyMap.count({ where: { id: map.id } })).toBe(1);
  });
});

describe("maps list", () => {
  it("shows progress overall and per segment value, counting submitted interviews only", async () => {
    const workspace = await createWorkspaceWithMembers(testDb());
    const ids = { workspaceId: workspace.workspace.id };
    const map = await createMap(testDb(), { ...ids, name: "Listed", interviewTarget: 10, segmentQuotas: { Students: 4, Retirees: 3 } });
    const student = await createRespondent(testDb(), { ...ids, segment: "students" });
    const retiree = await createRespondent(testDb(), { ...ids, segment: "Retirees" });
    const interview = (respondentId: string, status: "SUBMITTED" | "DRAFT" | "VOID" = "SUBMITTED") =>
      createInterview(testDb(), { ...ids, mapId: map.id, interviewerId: workspace.byRole.INTERVIEWER.id, respondentId, status });
    await interview(student.id);
    await interview(student.id);
    await interview(retiree.id);
    await interview(retiree.id, "DRAFT");
    await interview(retiree.id, "VOID");
    const ctx = (await resolveWorkspaceAccess(workspace.byRole.MANAGER.id, workspace.workspace.id, "workspace.view"))!;
    const [summary] = await listMaps(ctx);
    expect(summary).toMatchObject({
      name: "Listed",
      interviewTarget: 10,
      submittedInterviews: 3,
      hasInterviews: true,
      segments: [
        { segment: "Retirees", target: 3, submitted: 1 },
        { segment: "Students", target: 4, submitted: 2 },
      ],
    });
  });
});
