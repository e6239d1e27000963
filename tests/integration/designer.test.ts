// The designer's rules against a real database: validation, ids checked against the
// workspace and the map, dense order under concurrent edits, archive / restore, no delete
// of anything with data, promoting and merging volunteered expectations, and the audit.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/db";
import { actAs } from "@/tests/support/session";
import { createWorkspaceWithMembers } from "@/tests/factories/workspace";
import {
  createChannel,
  createExpectation,
  createMap,
  createMapWithTouchpoints,
  createStage,
  createTouchpoint,
} from "@/tests/factories/map";
import { createInterview } from "@/tests/factories/interview";
import {
  archiveExpectationAction,
  archiveLaneAction,
  archiveTouchpointAction,
  createExpectationAction,
  createLaneAction,
  createTouchpointAction,
  deleteExpectationAction,
  deleteLaneAction,
  deleteTouchpointAction,
  mergeExpectationAction,
  moveExpectationAction,
  moveLaneAction,
  moveTouchpointAction,
  promoteExpectationAction,
  renameLaneAction,
  restoreExpectationAction,
  restoreLaneAction,
  restoreTouchpointAction,
  updateExpectationAction,
  updateTouchpointAction,
} from "@/lib/actions/designer";
import { getDesign, getArchived, listVolunteered } from "@/lib/data/designer";
import { resolveWorkspaceAccess } from "@/lib/workspace";

type Members = Awaited<ReturnType<typeof createWorkspaceWithMembers>>;

let home: Members;
let other: Members;

beforeAll(async () => {
  home = await createWorkspaceWithMembers(testDb());
  other = await createWorkspaceWithMembers(testDb());
});

beforeEach(() => actAs(home.byRole.ANALYST));

async function smallMap(workspaceId = home.workspace.id) {
  const built = await createMapWithTouchpoints(testDb(), { workspaceId, status: "ACTIVE" });
  return {
    mapId: built.map.id,
    discover: built.stages[0]!,
    visit: built.stages[1]!,
    store: built.channels[0]!,
    web: built.channels[1]!,
    website: built.touchpoints[0]!,
    shopWindow: built.touchpoints[1]!,
    entrance: built.touchpoints[2]!,
  };
}

/** A cell with `count` touchpoints, for ordering tests. */
async function cellWith(count: number) {
  const map = await createMap(testDb(), { workspaceId: home.workspace.id });
  const ids = { workspaceId: home.workspace.id, mapId: map.id };
  const stage = await createStage(testDb(), { ...ids, name: "Buy", position: 0 });
  const channel = await createChannel(testDb(), { ...ids, name: "Store", position: 0 });
  const touchpoints = [];
  for (let i = 0; i < count; i++) {
    touchpoints.push(await createTouchpoint(testDb(), { ...ids, stageId: stage.id, channelId: channel.id, name: `T${i}`, position: i }));
  }
  return { mapId: map.id, stage, channel, touchpoints };
}

async function positions(stageId: string, channelId: string) {
  const rows = await testDb().touchpoint.findMany({
    where: { stageId, channelId, archivedAt: null },
    orderBy: { position: "asc" },
    select: { name: true, position: true },
  });
  return rows;
}

async function observe(mapId: string, touchpointId: string, expectationId: string, status: "SUBMITTED" | "DRAFT" | "VOID" = "SUBMITTED") {
  return createInterview(testDb(), {
    workspaceId: home.workspace.id,
    mapId,
    interviewerId: home.byRole.INTERVIEWER.id,
    status,
    observations: [{ touchpointId, expectationId, outcome: "MISSED", importance: 4 }],
  });
}

async function ctx() {
  return (await resolveWorkspaceAccess(home.byRole.ANALYST.id, home.workspace.id, "map.design"))!;
}

describe("validation", () => {
  it("refuses an empty or overlong name with a message on the field, writing nothing", async () => {
    const map = await smallMap();
    const empty = await createLaneAction(home.workspace.id, { mapId: map.mapId, kind: "stage", name: "   " });
    expect(empty).toMatchObject({ ok: false, fieldErrors: { name: ["Enter a name for the stage."] } });
    const long = await createTouchpointAction(home.workspace.id, {
      mapId: map.mapId,
      stageId: map.visit.id,
      channelId: map.web.id,
      name: "x".repeat(101),
      momentOfTruth: false,
    });
    expect(long).toMatchObject({ ok: false, fieldErrors: { name: ["Use at most 100 characters for a name for the touchpoint."] } });
    const blankExpectation = await createExpectationAction(home.workspace.id, { mapId: map.mapId, touchpointId: map.entrance.id, text: "" });
    expect(blankExpectation).toMatchObject({ ok: false, fieldErrors: { text: ["Enter the expectation."] } });
    expect(await testDb().stage.count({ where: { mapId: map.mapId } })).toBe(2);
    expect(await testDb().touchpoint.count({ where: { mapId: map.mapId } })).toBe(3);
  });

  it("refuses a duplicate name in the same parent, whatever its case, and says so next to the field", async () => {
    const map = await smallMap();
    const stage = await createLaneAction(home.workspace.id, { mapId: map.mapId, kind: "stage", name: "  visit " });
    expect(stage).toMatchObject({
      ok: false,
      fieldErrors: { name: ['There is already a stage called "visit" in this map. Choose another name.'] },
    });
    const touchpoint = await createTouchpointAction(home.workspace.id, {
      mapId: map.mapId,
      stageId: map.visit.id,
      channelId: map.web.id,
      name: "ENTRANCE",
      momentOfTruth: false,
    });
    expect(touchpoint).toMatchObject({ ok: false, fieldErrors: { name: [expect.stringContaining("(Visit, Store)")] } });
    const expectation = await createExpectationAction(home.workspace.id, {
      mapId: map.mapId,
      touchpointId: map.entrance.id,
      text: "entrance expectation a",
    });
    expect(expectation).toMatchObject({ ok: false, fieldErrors: { text: [expect.stringContaining("already lists")] } });
    const rename = await renameLaneAction(home.workspace.id, { mapId: map.mapId, kind: "channel", laneId: map.web.id, name: "Store" });
    expect(rename.ok).toBe(false);
    // The same name in another map, or for another kind of lane, is fine.
    const other = await smallMap();
    expect((await createLaneAction(home.workspace.id, { mapId: other.mapId, kind: "channel", name: "Visit" })).ok).toBe(true);
  });

  it("names an archived namesake and points to restoring it", async () => {
    const map = await smallMap();
    expect((await archiveLaneAction(home.workspace.id, { mapId: map.mapId, kind: "channel", laneId: map.web.id })).ok).toBe(true);
    const again = await createLaneAction(home.workspace.id, { mapId: map.mapId, kind: "channel", name: "Web" });
    expect(again).toMatchObject({ ok: false, formError: expect.stringMatching(/archived channel .*Restore it from Archived/) });
  });

  it("changes nothing on an archived map", async () => {
    const map = await smallMap();
    await testDb().journeyMap.update({ where: { id: map.mapId }, data: { status: "ARCHIVED" } });
    const result = await createLaneAction(home.workspace.id, { mapId: map.mapId, kind: "stage", name: "Later" });
    expect(result).toMatchObject({ ok: false, formError: expect.stringMatching(/archived, so its design is read-only/) });
  });
});

describe("ids from the client are checked against the workspace and the map", () => {
  it("refuses to move a touchpoint into a stage of another map of the same workspace", async () => {
    const map = await smallMap();
    const otherMap = await smallMap();
    const result = await moveTouchpointAction(home.workspace.id, {
      mapId: map.mapId,
      touchpointId: map.website.id,
      stageId: otherMap.visit.id,
      channelId: map.web.id,
      toIndex: 0,
    });
    expect(result).toMatchObject({ ok: false, formError: expect.stringMatching(/That stage is not part of this map/) });
    const after = await testDb().touchpoint.findUniqueOrThrow({ where: { id: map.website.id } });
    expect(after).toMatchObject({ stageId: map.discover.id, channelId: map.web.id, position: 0 });
  });

  it("refuses a stage or channel of another workspace's map", async () => {
    const map = await smallMap();
    const foreign = await smallMap(other.workspace.id);
    const toForeignStage = await moveTouchpointAction(home.workspace.id, {
      mapId: map.mapId,
      touchpointId: map.website.id,
      stageId: foreign.visit.id,
      channelId: map.web.id,
      toIndex: 0,
    });
    expect(toForeignStage.ok).toBe(false);
    const toForeignChannel = await createTouchpointAction(home.workspace.id, {
      mapId: map.mapId,
      stageId: map.visit.id,
      channelId: foreign.web.id,
      name: "Sneaky",
      momentOfTruth: false,
    });
    expect(toForeignChannel).toMatchObject({ ok: false, formError: expect.stringMatching(/That channel is not part of this map/) });
    expect(await testDb().touchpoint.count({ where: { name: "Sneaky" } })).toBe(0);
  });

  it("refuses a touchpoint or expectation named with the wrong map", async () => {
    const map = await smallMap();
    const otherMap = await smallMap();
    const update = await updateTouchpointAction(home.workspace.id, {
      mapId: otherMap.mapId,
      touchpointId: map.entrance.id,
      name: "Hijacked",
      momentOfTruth: false,
    });
    expect(update).toMatchObject({ ok: false, formError: expect.stringMatching(/That touchpoint is not part of this map/) });
    const merge = await mergeExpectationAction(home.workspace.id, {
      mapId: map.mapId,
      expectationId: map.entrance.expectations[0]!.id,
      intoId: otherMap.entrance.expectations[0]!.id,
    });
    expect(merge.ok).toBe(false);
    expect((await testDb().touchpoint.findUniqueOrThrow({ where: { id: map.entrance.id } })).name).toBe("Entrance");
  });

  it("refuses to archive a lane sent with another map's id", async () => {
    const map = await smallMap();
    const otherMap = await smallMap();
    const result = await archiveLaneAction(home.workspace.id, { mapId: otherMap.mapId, kind: "stage", laneId: map.visit.id });
    expect(result.ok).toBe(false);
    expect((await testDb().stage.findUniqueOrThrow({ where: { id: map.visit.id } })).archivedAt).toBeNull();
  });
});

describe("order", () => {
  it("reorders within a cell and moves to another cell, keeping both dense", async () => {
    const cell = await cellWith(4);
    const ids = { workspaceId: home.workspace.id, mapId: cell.mapId };
    const web = await createChannel(testDb(), { ...ids, name: "Web", position: 1 });
    const [t0, , t2] = cell.touchpoints;
    expect(
      await moveTouchpointAction(home.workspace.id, {
        mapId: cell.mapId,
        touchpointId: t0!.id,
        stageId: cell.stage.id,
        channelId: cell.channel.id,
        toIndex: 2,
      }),
    ).toMatchObject({ ok: true, data: { index: 2, count: 4 } });
    expect((await positions(cell.stage.id, cell.channel.id)).map((row) => row.name)).toEqual(["T1", "T2", "T0", "T3"]);
    expect(
      await moveTouchpointAction(home.workspace.id, {
        mapId: cell.mapId,
        touchpointId: t2!.id,
        stageId: cell.stage.id,
        channelId: web.id,
        toIndex: 5,
      }),
    ).toMatchObject({ ok: true, data: { index: 0, count: 1, channel: "Web" } });
    expect(await positions(cell.stage.id, cell.channel.id)).toEqual([
      { name: "T1", position: 0 },
      { name: "T0", position: 1 },
      { name: "T3", position: 2 },
    ]);
    expect(await positions(cell.stage.id, web.id)).toEqual([{ name: "T2", position: 0 }]);
  });

  it("keeps a dense, stable order under many concurrent moves in one cell", async () => {
    const cell = await cellWith(6);
    const moves = Array.from({ length: 24 }, (_, i) => ({
      touchpointId: cell.touchpoints[(i * 5) % 6]!.id,
      toIndex: (i * 7) % 6,
    }));
    const results = await Promise.all(
      moves.map((move) =>
        moveTouchpointAction(home.workspace.id, { mapId: cell.mapId, stageId: cell.stage.id, channelId: cell.channel.id, ...move }),
      ),
    );
    expect(results.every((result) => result.ok)).toBe(true);
    const after = await positions(cell.stage.id, cell.channel.id);
    expect(after.map((row) => row.position)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(new Set(after.map((row) => row.name)).size).toBe(6);
    expect(await testDb().auditLog.count({ where: { workspaceId: home.workspace.id, action: "touchpoint.move", entityId: { in: cell.touchpoints.map((t) => t.id) } } })).toBeLessThanOrEqual(24);
  });

  it("keeps every cell dense when touchpoints move between cells and are added concurrently", async () => {
    const cell = await cellWith(5);
    const ids = { workspaceId: home.workspace.id, mapId: cell.mapId };
    const web = await createChannel(testDb(), { ...ids, name: "Web", position: 1 });
    const work = [
      ...cell.touchpoints.map((touchpoint, i) =>
        moveTouchpointAction(home.workspace.id, {
          mapId: cell.mapId,
          touchpointId: touchpoint.id,
          stageId: cell.stage.id,
          channelId: i % 2 === 0 ? web.id : cell.channel.id,
          toIndex: 0,
        }),
      ),
      ...Array.from({ length: 4 }, (_, i) =>
        createTouchpointAction(home.workspace.id, {
          mapId: cell.mapId,
          stageId: cell.stage.id,
          channelId: i % 2 === 0 ? web.id : cell.channel.id,
          name: `New ${i}`,
          momentOfTruth: false,
        }),
      ),
    ];
    const results = await Promise.all(work);
    expect(results.every((result) => result.ok)).toBe(true);
    for (const channelId of [cell.channel.id, web.id]) {
      const rows = await positions(cell.stage.id, channelId);
      expect(rows.map((row) => row.position)).toEqual(rows.map((_, i) => i));
    }
    expect(await testDb().touchpoint.count({ where: { mapId: cell.mapId } })).toBe(9);
  });

  it("keeps stages dense under concurrent moves, creates and archives", async () => {
    const map = await createMap(testDb(), { workspaceId: home.workspace.id });
    const ids = { workspaceId: home.workspace.id, mapId: map.id };
    const stages = [];
    for (let i = 0; i < 6; i++) stages.push(await createStage(testDb(), { ...ids, name: `S${i}`, position: i }));
    const results = await Promise.all([
      ...stages.map((stage, i) => moveLaneAction(home.workspace.id, { mapId: map.id, kind: "stage", laneId: stage.id, toIndex: 5 - i })),
      createLaneAction(home.workspace.id, { mapId: map.id, kind: "stage", name: "S6" }),
      archiveLaneAction(home.workspace.id, { mapId: map.id, kind: "stage", laneId: stages[2]!.id }),
    ]);
    // A move of the lane being archived may come after the archive: then it is refused.
    expect(results.filter((result) => !result.ok).length).toBeLessThanOrEqual(1);
    const active = await testDb().stage.findMany({ where: { mapId: map.id, archivedAt: null }, orderBy: { position: "asc" } });
    expect(active.map((stage) => stage.position)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(active.map((stage) => stage.name)).not.toContain("S2");
  });

  it("reorders expectations and keeps them dense when one is archived", async () => {
    const map = await smallMap();
    const [a, b] = map.entrance.expectations;
    const c = await createExpectationAction(home.workspace.id, { mapId: map.mapId, touchpointId: map.entrance.id, text: "Third" });
    expect(c.ok).toBe(true);
    expect(await moveExpectationAction(home.workspace.id, { mapId: map.mapId, expectationId: b!.id, toIndex: 0 })).toMatchObject({
      ok: true,
      data: { index: 0, count: 3 },
    });
    await archiveExpectationAction(home.workspace.id, { mapId: map.mapId, expectationId: b!.id });
    const listed = await testDb().expectation.findMany({
      where: { touchpointId: map.entrance.id, archivedAt: null, kind: "LISTED" },
      orderBy: { position: "asc" },
    });
    expect(listed.map((row) => [row.text, row.position])).toEqual([
      [a!.text, 0],
      ["Third", 1],
    ]);
  });
});

describe("archive and restore", () => {
  it("archives a touchpoint out of the grid and restores it at the end of its cell", async () => {
    const cell = await cellWith(3);
    const [t0] = cell.touchpoints;
    expect((await archiveTouchpointAction(home.workspace.id, { mapId: cell.mapId, touchpointId: t0!.id })).ok).toBe(true);
    expect(await positions(cell.stage.id, cell.channel.id)).toEqual([
      { name: "T1", position: 0 },
      { name: "T2", position: 1 },
    ]);
    const design = await getDesign(await ctx(), cell.mapId);
    expect(design!.touchpoints.map((t) => t.name)).toEqual(["T1", "T2"]);
    expect(design!.archived).toBe(1);
    const archived = await getArchived(await ctx(), cell.mapId);
    expect(archived.touchpoints).toMatchObject([{ name: "T0", stage: "Buy", channel: "Store", blockedBy: null }]);
    expect((await restoreTouchpointAction(home.workspace.id, { mapId: cell.mapId, touchpointId: t0!.id })).ok).toBe(true);
    expect((await positions(cell.stage.id, cell.channel.id)).map((row) => row.name)).toEqual(["T1", "T2", "T0"]);
  });

  it("archives a stage with its touchpoints, and restoring it brings back only those", async () => {
    const map = await smallMap();
    // Archived on its own before the stage: it must stay archived when the stage comes back.
    await archiveTouchpointAction(home.workspace.id, { mapId: map.mapId, touchpointId: map.website.id });
    const archived = await archiveLaneAction(home.workspace.id, { mapId: map.mapId, kind: "stage", laneId: map.discover.id });
    expect(archived).toMatchObject({ ok: true, data: { touchpoints: 1 } });
    const design = await getDesign(await ctx(), map.mapId);
    expect(design!.stages.map((stage) => [stage.name, stage.position])).toEqual([["Visit", 0]]);
    expect(design!.touchpoints.map((t) => t.name)).toEqual(["Entrance"]);
    const view = await getArchived(await ctx(), map.mapId);
    expect(view.stages).toMatchObject([{ name: "Discover", touchpoints: 2 }]);
    expect(view.touchpoints.find((t) => t.name === "Shop window")?.blockedBy).toBe('stage "Discover"');
    expect(
      await restoreTouchpointAction(home.workspace.id, { mapId: map.mapId, touchpointId: map.shopWindow.id }),
    ).toMatchObject({ ok: false, formError: expect.stringMatching(/Restore the stage first/) });

    expect(await restoreLaneAction(home.workspace.id, { mapId: map.mapId, kind: "stage", laneId: map.discover.id })).toMatchObject({
      ok: true,
      data: { touchpoints: 1 },
    });
    const restored = await getDesign(await ctx(), map.mapId);
    expect(restored!.stages.map((stage) => stage.name)).toEqual(["Visit", "Discover"]);
    expect(restored!.touchpoints.map((t) => t.name).sort()).toEqual(["Entrance", "Shop window"]);
    expect((await testDb().touchpoint.findUniqueOrThrow({ where: { id: map.website.id } })).archivedAt).not.toBeNull();
  });

  it("keeps an archived expectation's observations and lists it in the archived view", async () => {
    const map = await smallMap();
    const expectation = map.entrance.expectations[0]!;
    await observe(map.mapId, map.entrance.id, expectation.id);
    expect((await archiveExpectationAction(home.workspace.id, { mapId: map.mapId, expectationId: expectation.id })).ok).toBe(true);
    expect(await testDb().observation.count({ where: { expectationId: expectation.id } })).toBe(1);
    const view = await getArchived(await ctx(), map.mapId);
    expect(view.expectations).toMatchObject([{ text: expectation.text, observations: 1, touchpoint: "Entrance" }]);
    expect((await restoreExpectationAction(home.workspace.id, { mapId: map.mapId, expectationId: expectation.id })).ok).toBe(true);
    const design = await getDesign(await ctx(), map.mapId);
    const entrance = design!.touchpoints.find((t) => t.id === map.entrance.id)!;
    expect(entrance.expectations.map((e) => e.text)).toEqual(["Entrance expectation B", "Entrance expectation A"]);
  });
});

describe("nothing with data is deleted", () => {
  it("refuses to delete a touchpoint, expectation or lane with observations, even of a void interview", async () => {
    const map = await smallMap();
    const expectation = map.entrance.expectations[0]!;
    await observe(map.mapId, map.entrance.id, expectation.id, "VOID");
    const attempts = [
      await deleteTouchpointAction(home.workspace.id, { mapId: map.mapId, touchpointId: map.entrance.id }),
      await deleteExpectationAction(home.workspace.id, { mapId: map.mapId, expectationId: expectation.id }),
      await deleteLaneAction(home.workspace.id, { mapId: map.mapId, kind: "stage", laneId: map.visit.id }),
      await deleteLaneAction(home.workspace.id, { mapId: map.mapId, kind: "channel", laneId: map.store.id }),
    ];
    for (const attempt of attempts) {
      expect(attempt).toMatchObject({ ok: false, formError: expect.stringMatching(/1 observation from interviews\. Archive it instead/) });
    }
    expect(await testDb().touchpoint.count({ where: { mapId: map.mapId } })).toBe(3);
    expect(await testDb().stage.count({ where: { mapId: map.mapId } })).toBe(2);
    // The other expectation of the same touchpoint has no data: it may go.
    expect(
      (await deleteExpectationAction(home.workspace.id, { mapId: map.mapId, expectationId: map.entrance.expectations[1]!.id })).ok,
    ).toBe(true);
  });

  it("refuses to delete what a draft interview holds answers for", async () => {
    const map = await smallMap();
    await createInterview(testDb(), {
      workspaceId: home.workspace.id,
      mapId: map.mapId,
      interviewerId: home.byRole.INTERVIEWER.id,
      status: "DRAFT",
      draft: { answers: { [map.website.id]: { [map.website.expectations[0]!.id]: { outcome: "MET" } } } },
    });
    const result = await deleteTouchpointAction(home.workspace.id, { mapId: map.mapId, touchpointId: map.website.id });
    expect(result).toMatchObject({ ok: false, formError: expect.stringMatching(/a draft interview holds answers for it/) });
  });

  it("refuses to delete a touchpoint with an improvement action", async () => {
    const map = await smallMap();
    await testDb().action.create({
      data: {
        workspaceId: home.workspace.id,
        mapId: map.mapId,
        touchpointId: map.shopWindow.id,
        title: "Redo the window",
        createdById: home.byRole.MANAGER.id,
      },
    });
    const result = await deleteTouchpointAction(home.workspace.id, { mapId: map.mapId, touchpointId: map.shopWindow.id });
    expect(result).toMatchObject({ ok: false, formError: expect.stringMatching(/improvement action/) });
  });

  it("deletes a lane with no data together with its touchpoints and expectations, and audits what went", async () => {
    const map = await smallMap();
    const result = await deleteLaneAction(home.workspace.id, { mapId: map.mapId, kind: "stage", laneId: map.discover.id });
    expect(result).toMatchObject({ ok: true, data: { touchpoints: 2 } });
    expect(await testDb().touchpoint.count({ where: { mapId: map.mapId } })).toBe(1);
    expect(await testDb().expectation.count({ where: { touchpointId: map.website.id } })).toBe(0);
    expect((await testDb().stage.findUniqueOrThrow({ where: { id: map.visit.id } })).position).toBe(0);
    const entry = await testDb().auditLog.findFirstOrThrow({ where: { entityId: map.discover.id, action: "stage.delete" } });
    // The map id stays in the entry, so the audit log can still file it under its map.
    expect(entry.before).toEqual({ mapId: map.mapId, name: "Discover", touchpoints: expect.arrayContaining(["Website", "Shop window"]) });
  });
});

describe("volunteered expectations", () => {
  async function withVolunteered() {
    const map = await smallMap();
    const volunteered = await createExpectation(testDb(), {
      workspaceId: home.workspace.id,
      mapId: map.mapId,
      touchpointId: map.entrance.id,
      text: "someone holds the door",
      kind: "VOLUNTEERED",
      createdById: home.byRole.INTERVIEWER.id,
    });
    return { ...map, volunteered };
  }

  it("lists them for review with how often they were recorded and where they can be merged", async () => {
    const map = await withVolunteered();
    await observe(map.mapId, map.entrance.id, map.volunteered.id);
    const list = await listVolunteered(await ctx(), map.mapId);
    expect(list).toMatchObject([
      {
        text: "someone holds the door",
        touchpoint: { name: "Entrance", stage: "Visit", channel: "Store" },
        recordedBy: home.byRole.INTERVIEWER.name,
        observations: 1,
        missed: 1,
        mergeTargets: [{ text: "Entrance expectation A" }, { text: "Entrance expectation B" }],
      },
    ]);
  });

  it("promotes one into the list, with its observations, at the end", async () => {
    const map = await withVolunteered();
    await observe(map.mapId, map.entrance.id, map.volunteered.id);
    await observe(map.mapId, map.entrance.id, map.volunteered.id);
    const result = await promoteExpectationAction(home.workspace.id, {
      mapId: map.mapId,
      expectationId: map.volunteered.id,
      text: "Someone holds the door for me",
    });
    expect(result).toMatchObject({ ok: true, data: { observations: 2 } });
    const row = await testDb().expectation.findUniqueOrThrow({ where: { id: map.volunteered.id } });
    expect(row).toMatchObject({ kind: "LISTED", position: 2, text: "Someone holds the door for me", archivedAt: null });
    expect(await testDb().observation.count({ where: { expectationId: map.volunteered.id } })).toBe(2);
    expect(await listVolunteered(await ctx(), map.mapId)).toEqual([]);
    // Promoted once: a second promotion is refused.
    const again = await promoteExpectationAction(home.workspace.id, { mapId: map.mapId, expectationId: map.volunteered.id, text: "x" });
    expect(again).toMatchObject({ ok: false, formError: expect.stringMatching(/not waiting for review/) });
  });

  it("refuses a promotion whose wording duplicates a listed expectation", async () => {
    const map = await withVolunteered();
    const result = await promoteExpectationAction(home.workspace.id, {
      mapId: map.mapId,
      expectationId: map.volunteered.id,
      text: "Entrance expectation A",
    });
    expect(result).toMatchObject({ ok: false, fieldErrors: { text: [expect.stringContaining("already lists")] } });
    expect((await testDb().expectation.findUniqueOrThrow({ where: { id: map.volunteered.id } })).kind).toBe("VOLUNTEERED");
  });

  it("merges one into a listed expectation: observations move in the same transaction, none is overwritten", async () => {
    const map = await withVolunteered();
    const target = map.entrance.expectations[0]!;
    await observe(map.mapId, map.entrance.id, map.volunteered.id);
    await observe(map.mapId, map.entrance.id, map.volunteered.id);
    // This interview rated both: its rating of the target stays, its volunteered answer is kept apart.
    const both = await createInterview(testDb(), {
      workspaceId: home.workspace.id,
      mapId: map.mapId,
      interviewerId: home.byRole.INTERVIEWER.id,
      observations: [
        { touchpointId: map.entrance.id, expectationId: target.id, outcome: "MET", importance: 2 },
        { touchpointId: map.entrance.id, expectationId: map.volunteered.id, outcome: "MISSED", importance: 5 },
      ],
    });
    const result = await mergeExpectationAction(home.workspace.id, {
      mapId: map.mapId,
      expectationId: map.volunteered.id,
      intoId: target.id,
    });
    expect(result).toEqual({ ok: true, data: { id: map.volunteered.id, into: target.text, moved: 2, kept: 1 } });
    expect(await testDb().observation.count({ where: { expectationId: target.id } })).toBe(3);
    const kept = await testDb().observation.findFirstOrThrow({ where: { interviewId: both.id, expectationId: target.id } });
    expect(kept).toMatchObject({ outcome: "MET", importance: 2 });
    const source = await testDb().expectation.findUniqueOrThrow({ where: { id: map.volunteered.id } });
    expect(source.mergedIntoId).toBe(target.id);
    expect(source.archivedAt).not.toBeNull();
    const entry = await testDb().auditLog.findFirstOrThrow({ where: { entityId: map.volunteered.id, action: "expectation.merge" } });
    expect(entry.after).toMatchObject({ mergedIntoId: target.id, observationsMoved: 2, observationsKept: 1 });
    expect(entry.actorId).toBe(home.byRole.ANALYST.id);
  });

  it("refuses to merge into an expectation of another touchpoint", async () => {
    const map = await withVolunteered();
    const result = await mergeExpectationAction(home.workspace.id, {
      mapId: map.mapId,
      expectationId: map.volunteered.id,
      intoId: map.website.expectations[0]!.id,
    });
    expect(result).toMatchObject({ ok: false, fieldErrors: { intoId: [expect.stringMatching(/same touchpoint/)] } });
  });

  it("dismisses one to the archived view, from where it returns to review", async () => {
    const map = await withVolunteered();
    await archiveExpectationAction(home.workspace.id, { mapId: map.mapId, expectationId: map.volunteered.id });
    expect(await listVolunteered(await ctx(), map.mapId)).toEqual([]);
    expect((await getArchived(await ctx(), map.mapId)).expectations).toMatchObject([{ kind: "VOLUNTEERED" }]);
    await restoreExpectationAction(home.workspace.id, { mapId: map.mapId, expectationId: map.volunteered.id });
    expect(await listVolunteered(await ctx(), map.mapId)).toHaveLength(1);
  });
});

describe("audit", () => {
  it("records who renamed what, before and after, in the same transaction as the change", async () => {
    const map = await smallMap();
    await updateTouchpointAction(home.workspace.id, {
      mapId: map.mapId,
      touchpointId: map.entrance.id,
      name: "Front door",
      description: "",
      prompt: map.entrance.prompt,
      ownerTeam: "",
      momentOfTruth: true,
    });
    await renameLaneAction(home.workspace.id, { mapId: map.mapId, kind: "stage", laneId: map.visit.id, name: "Shop" });
    await updateExpectationAction(home.workspace.id, {
      mapId: map.mapId,
      expectationId: map.entrance.expectations[0]!.id,
      text: "The door opens",
    });
    const entries = await testDb().auditLog.findMany({
      where: { workspaceId: home.workspace.id, entityId: { in: [map.entrance.id, map.visit.id, map.entrance.expectations[0]!.id] } },
      orderBy: { createdAt: "asc" },
    });
    expect(entries.map((entry) => [entry.action, entry.before, entry.after, entry.actorId])).toEqual([
      ["touchpoint.update", { name: "Entrance" }, { name: "Front door" }, home.byRole.ANALYST.id],
      ["stage.rename", { name: "Visit" }, { name: "Shop" }, home.byRole.ANALYST.id],
      ["expectation.update", { text: "Entrance expectation A" }, { text: "The door opens" }, home.byRole.ANALYST.id],
    ]);
    // Only the name changed above; the moment-of-truth flag was already set by the factory.
  });
});
