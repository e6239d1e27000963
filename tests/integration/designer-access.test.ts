// Who may change a map's design: every map and designer action, for every role of the
// workspace and for members of another workspace. A refusal changes nothing.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/db";
import { actAs, expectNotFound } from "@/tests/support/session";
import { createWorkspaceWithMembers } from "@/tests/factories/workspace";
import { createExpectation, createMapWithTouchpoints, createStage } from "@/tests/factories/map";
import type { ActionResult } from "@/lib/action-result";
import {
  createMapAction,
  deleteMapAction,
  duplicateMapAction,
  setMapStatusAction,
  updateMapDetailsAction,
  updateMapSettingsAction,
} from "@/lib/actions/maps";
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

type Members = Awaited<ReturnType<typeof createWorkspaceWithMembers>>;

/** A small draft map (2 stages, 2 channels, 3 touchpoints with 2 expectations each) and one volunteered expectation. */
async function buildFixture(workspaceId: string) {
  const built = await createMapWithTouchpoints(testDb(), { workspaceId, status: "DRAFT" });
  const [website, shopWindow, entrance] = built.touchpoints as [
    (typeof built.touchpoints)[number],
    (typeof built.touchpoints)[number],
    (typeof built.touchpoints)[number],
  ];
  const volunteered = await createExpectation(testDb(), {
    workspaceId,
    mapId: built.map.id,
    touchpointId: entrance.id,
    text: "Someone holds the door",
    kind: "VOLUNTEERED",
  });
  const emptyStage = await createStage(testDb(), { workspaceId, mapId: built.map.id, name: "Leave" });
  return {
    mapId: built.map.id,
    discover: built.stages[0]!,
    visit: built.stages[1]!,
    store: built.channels[0]!,
    web: built.channels[1]!,
    emptyStage,
    website,
    shopWindow,
    entrance,
    volunteered,
  };
}
type Fixture = Awaited<ReturnType<typeof buildFixture>>;

/** Everything a design change could touch in a workspace, to prove a refusal changed nothing. */
async function snapshot(workspaceId: string) {
  const where = { workspaceId };
  const db = testDb();
  return JSON.stringify([
    await db.journeyMap.findMany({ where, orderBy: { id: "asc" } }),
    await db.segmentQuota.findMany({ where, orderBy: { id: "asc" } }),
    await db.stage.findMany({ where, orderBy: { id: "asc" } }),
    await db.channel.findMany({ where, orderBy: { id: "asc" } }),
    await db.touchpoint.findMany({ where, orderBy: { id: "asc" } }),
    await db.expectation.findMany({ where, orderBy: { id: "asc" } }),
    await db.observation.findMany({ where, orderBy: [{ interviewId: "asc" }, { expectationId: "asc" }] }),
    await db.auditLog.count({ where }),
  ]);
}

type Case = {
  name: string;
  call: (workspaceId: string, input: unknown) => Promise<ActionResult<unknown>>;
  input: (f: Fixture) => Record<string, unknown>;
  /** Puts the fixture in the state the action needs (something archived to restore...). */
  prepare?: (f: Fixture) => Promise<void>;
  /** Whether the input names ids of the map (so another workspace's analyst can try them). */
  usesIds?: boolean;
};

const archivedAt = new Date();

const CASES: Case[] = [
  {
    name: "createMapAction",
    call: createMapAction,
    input: () => ({ name: `New map ${crypto.randomUUID().slice(0, 6)}`, description: "", template: "retail-store" }),
    usesIds: false,
  },
  { name: "updateMapDetailsAction", call: updateMapDetailsAction, input: (f) => ({ mapId: f.mapId, name: `Renamed ${f.mapId}`, description: "New words", status: "ACTIVE" }) },
  { name: "setMapStatusAction", call: setMapStatusAction, input: (f) => ({ mapId: f.mapId, status: "ACTIVE" }) },
  {
    name: "updateMapSettingsAction",
    call: updateMapSettingsAction,
    input: (f) => ({
      mapId: f.mapId,
      minSample: "20",
      asymmetryThreshold: "0.25",
      consistencyThreshold: "35",
      interviewTarget: "300",
      segmentQuotas: [{ segment: "Students", target: "100" }],
    }),
  },
  { name: "duplicateMapAction", call: duplicateMapAction, input: (f) => ({ mapId: f.mapId, name: `Copy ${f.mapId}` }) },
  { name: "deleteMapAction", call: deleteMapAction, input: (f) => ({ mapId: f.mapId }) },
  { name: "createLaneAction (stage)", call: createLaneAction, input: (f) => ({ mapId: f.mapId, kind: "stage", name: "Pay" }) },
  { name: "createLaneAction (channel)", call: createLaneAction, input: (f) => ({ mapId: f.mapId, kind: "channel", name: "Phone" }) },
  { name: "renameLaneAction", call: renameLaneAction, input: (f) => ({ mapId: f.mapId, kind: "stage", laneId: f.visit.id, name: "Shop" }) },
  { name: "moveLaneAction", call: moveLaneAction, input: (f) => ({ mapId: f.mapId, kind: "channel", laneId: f.web.id, toIndex: 0 }) },
  { name: "archiveLaneAction", call: archiveLaneAction, input: (f) => ({ mapId: f.mapId, kind: "stage", laneId: f.discover.id }) },
  {
    name: "restoreLaneAction",
    call: restoreLaneAction,
    prepare: async (f) => {
      await testDb().stage.update({ where: { id: f.emptyStage.id }, data: { archivedAt } });
    },
    input: (f) => ({ mapId: f.mapId, kind: "stage", laneId: f.emptyStage.id }),
  },
  { name: "deleteLaneAction", call: deleteLaneAction, input: (f) => ({ mapId: f.mapId, kind: "stage", laneId: f.emptyStage.id }) },
  {
    name: "createTouchpointAction",
    call: createTouchpointAction,
    input: (f) => ({
      mapId: f.mapId,
      stageId: f.visit.id,
      channelId: f.web.id,
      name: "Store locator",
      description: "",
      prompt: "Tell me how you found the store.",
      ownerTeam: "Web",
      momentOfTruth: false,
    }),
  },
  {
    name: "updateTouchpointAction",
    call: updateTouchpointAction,
    input: (f) => ({
      mapId: f.mapId,
      touchpointId: f.entrance.id,
      name: "Front door",
      description: "Walking in",
      prompt: "Tell me about coming in.",
      ownerTeam: "Stores",
      momentOfTruth: true,
    }),
  },
  {
    name: "moveTouchpointAction",
    call: moveTouchpointAction,
    input: (f) => ({ mapId: f.mapId, touchpointId: f.website.id, stageId: f.visit.id, channelId: f.web.id, toIndex: 0 }),
  },
  { name: "archiveTouchpointAction", call: archiveTouchpointAction, input: (f) => ({ mapId: f.mapId, touchpointId: f.website.id }) },
  {
    name: "restoreTouchpointAction",
    call: restoreTouchpointAction,
    prepare: async (f) => {
      await testDb().touchpoint.update({ where: { id: f.website.id }, data: { archivedAt } });
    },
    input: (f) => ({ mapId: f.mapId, touchpointId: f.website.id }),
  },
  { name: "deleteTouchpointAction", call: deleteTouchpointAction, input: (f) => ({ mapId: f.mapId, touchpointId: f.shopWindow.id }) },
  {
    name: "createExpectationAction",
    call: createExpectationAction,
    input: (f) => ({ mapId: f.mapId, touchpointId: f.entrance.id, text: "The floor is dry" }),
  },
  {
    name: "updateExpectationAction",
    call: updateExpectationAction,
    input: (f) => ({ mapId: f.mapId, expectationId: f.entrance.expectations[0]!.id, text: "The door opens easily" }),
  },
  {
    name: "moveExpectationAction",
    call: moveExpectationAction,
    input: (f) => ({ mapId: f.mapId, expectationId: f.entrance.expectations[1]!.id, toIndex: 0 }),
  },
  {
    name: "archiveExpectationAction",
    call: archiveExpectationAction,
    input: (f) => ({ mapId: f.mapId, expectationId: f.entrance.expectations[0]!.id }),
  },
  {
    name: "restoreExpectationAction",
    call: restoreExpectationAction,
    prepare: async (f) => {
      await testDb().expectation.update({ where: { id: f.entrance.expectations[0]!.id }, data: { archivedAt } });
    },
    input: (f) => ({ mapId: f.mapId, expectationId: f.entrance.expectations[0]!.id }),
  },
  {
    name: "deleteExpectationAction",
    call: deleteExpectationAction,
    input: (f) => ({ mapId: f.mapId, expectationId: f.entrance.expectations[0]!.id }),
  },
  {
    name: "promoteExpectationAction",
    call: promoteExpectationAction,
    input: (f) => ({ mapId: f.mapId, expectationId: f.volunteered.id, text: "Someone holds the door for me" }),
  },
  {
    name: "mergeExpectationAction",
    call: mergeExpectationAction,
    input: (f) => ({ mapId: f.mapId, expectationId: f.volunteered.id, intoId: f.entrance.expectations[0]!.id }),
  },
];

describe("map and designer actions: who may use them", () => {
  let home: Members;
  let other: Members;
  let fixture: Fixture;
  let otherFixture: Fixture;

  beforeAll(async () => {
    home = await createWorkspaceWithMembers(testDb());
    other = await createWorkspaceWithMembers(testDb());
  });

  beforeEach(async () => {
    fixture = await buildFixture(home.workspace.id);
    otherFixture = await buildFixture(other.workspace.id);
  });

  for (const testCase of CASES) {
    describe(testCase.name, () => {
      it("is allowed to an analyst and to an admin, and is audited", async () => {
        await testCase.prepare?.(fixture);
        const auditBefore = await testDb().auditLog.count({ where: { workspaceId: home.workspace.id } });
        actAs(home.byRole.ANALYST);
        const result = await testCase.call(home.workspace.id, testCase.input(fixture));
        expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
        const auditAfter = await testDb().auditLog.count({
          where: { workspaceId: home.workspace.id, actorId: home.byRole.ANALYST.id },
        });
        expect(auditAfter).toBeGreaterThan(0);
        expect(await testDb().auditLog.count({ where: { workspaceId: home.workspace.id } })).toBe(auditBefore + 1);

        // An admin may do the same on a fresh map.
        const second = await buildFixture(home.workspace.id);
        await testCase.prepare?.(second);
        actAs(home.byRole.ADMIN);
        expect(await testCase.call(home.workspace.id, testCase.input(second))).toMatchObject({ ok: true });
      });

      it("is refused to a manager and an interviewer, changing nothing", async () => {
        await testCase.prepare?.(fixture);
        const before = await snapshot(home.workspace.id);
        for (const role of ["MANAGER", "INTERVIEWER"] as const) {
          actAs(home.byRole[role]);
          await expectNotFound(testCase.call(home.workspace.id, testCase.input(fixture)));
        }
        expect(await snapshot(home.workspace.id)).toBe(before);
      });

      it("is refused to every member of another workspace, changing nothing", async () => {
        await testCase.prepare?.(fixture);
        const before = await snapshot(home.workspace.id);
        for (const role of ["ADMIN", "ANALYST", "MANAGER", "INTERVIEWER"] as const) {
          actAs(other.byRole[role]);
          await expectNotFound(testCase.call(home.workspace.id, testCase.input(fixture)));
        }
        expect(await snapshot(home.workspace.id)).toBe(before);
      });

      if (testCase.usesIds !== false) {
        it("refuses ids of another workspace's map sent to the analyst's own workspace", async () => {
          await testCase.prepare?.(fixture);
          const before = await snapshot(home.workspace.id);
          const otherBefore = await snapshot(other.workspace.id);
          actAs(other.byRole.ANALYST);
          const result = await testCase.call(other.workspace.id, testCase.input(fixture));
          expect(result.ok).toBe(false);
          expect(await snapshot(home.workspace.id)).toBe(before);
          expect(await snapshot(other.workspace.id)).toBe(otherBefore);
          // The other workspace's own map is untouched, and its ids work there.
          expect(otherFixture.mapId).not.toBe(fixture.mapId);
        });
      }
    });
  }
});
