// The audit log as it is read: entries name what they are about (resolved now, or kept in the
// entry when the thing is gone or was renamed), and filter by who, what kind, which map and
// which period, scoped to the workspace.
import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/db";
import { actAs } from "@/tests/support/session";
import { createWorkspaceWithMembers } from "@/tests/factories/workspace";
import { createMap, createStage } from "@/tests/factories/map";
import { createLaneAction, deleteLaneAction, moveLaneAction, renameLaneAction } from "@/lib/actions/designer";
import { changeMemberRoleAction } from "@/lib/actions/members";
import { listAuditEntries, listAuditFilterOptions } from "@/lib/data/audit";
import { auditSentence } from "@/lib/audit/sentence";
import { resolveWorkspaceAccess, type WorkspaceContext } from "@/lib/workspace";

type Members = Awaited<ReturnType<typeof createWorkspaceWithMembers>>;

let home: Members;
let other: Members;
let ctx: WorkspaceContext;
let storeMap: string;
let webMap: string;

beforeAll(async () => {
  home = await createWorkspaceWithMembers(testDb());
  other = await createWorkspaceWithMembers(testDb());
  ctx = (await resolveWorkspaceAccess(home.admin.id, home.workspace.id, "audit.view"))!;
  const ids = { workspaceId: home.workspace.id };
  storeMap = (await createMap(testDb(), { ...ids, name: "Store" })).id;
  webMap = (await createMap(testDb(), { ...ids, name: "Web" })).id;
  for (const [index, name] of ["Discover", "Visit", "Buy"].entries()) {
    await createStage(testDb(), { ...ids, mapId: storeMap, name, position: index });
  }
  await createStage(testDb(), { ...ids, mapId: webMap, name: "Browse", position: 0 });
  // Another workspace's entries never show.
  actAs(other.analyst);
  const foreignMap = await createMap(testDb(), { workspaceId: other.workspace.id, name: "Foreign" });
  await createLaneAction(other.workspace.id, { mapId: foreignMap.id, kind: "stage", name: "Elsewhere" });
});

async function sentences(query: Parameters<typeof listAuditEntries>[1]) {
  const { entries, total } = await listAuditEntries(ctx, query);
  return { sentences: entries.map((entry) => auditSentence(entry)), total, entries };
}

describe("reading the audit log", () => {
  it("names the stage, its new neighbour and the member, and keeps the names a deleted stage had", async () => {
    actAs(home.analyst);
    const stages = await testDb().stage.findMany({ where: { mapId: storeMap }, orderBy: { position: "asc" } });
    const buy = stages.find((stage) => stage.name === "Buy")!;
    expect((await moveLaneAction(home.workspace.id, { mapId: storeMap, kind: "stage", laneId: buy.id, toIndex: 1 })).ok).toBe(true);
    const created = await createLaneAction(home.workspace.id, { mapId: storeMap, kind: "stage", name: "Temp" });
    expect(created.ok).toBe(true);
    const tempId = (created as { data: { id: string } }).data.id;
    expect((await renameLaneAction(home.workspace.id, { mapId: storeMap, kind: "stage", laneId: tempId, name: "Scratch" })).ok).toBe(true);
    expect((await deleteLaneAction(home.workspace.id, { mapId: storeMap, kind: "stage", laneId: tempId })).ok).toBe(true);
    actAs(home.admin);
    const membership = await testDb().membership.findFirstOrThrow({ where: { workspaceId: home.workspace.id, userId: home.manager.id } });
    expect((await changeMemberRoleAction(home.workspace.id, { membershipId: membership.id, role: "INTERVIEWER" })).ok).toBe(true);

    const { sentences: all, total } = await sentences({ page: 1 });
    expect(total).toBe(5);
    expect(all).toEqual([
      `${home.admin.name} made ${home.manager.name} an Interviewer (was a Manager).`,
      `${home.analyst.name} deleted stage Scratch in map Store.`,
      `${home.analyst.name} renamed stage Temp to Scratch in map Store.`,
      `${home.analyst.name} added stage Temp in map Store.`,
      `${home.analyst.name} moved stage Buy before Visit in map Store.`,
    ]);
  });

  it("filters by who, kind, map and period, and pages", async () => {
    expect((await sentences({ page: 1, actor: home.admin.id })).total).toBe(1);
    expect((await sentences({ page: 1, kind: "members" })).sentences).toEqual([`${home.admin.name} made ${home.manager.name} an Interviewer (was a Manager).`]);
    // The deleted stage's entries stay on its map through the map id they carry.
    const onStore = await sentences({ page: 1, map: storeMap });
    expect(onStore.total).toBe(4);
    expect(onStore.entries.every((entry) => entry.mapId === storeMap && entry.mapName === "Store")).toBe(true);
    expect((await sentences({ page: 1, map: webMap })).total).toBe(0);
    const today = new Date().toISOString().slice(0, 10);
    expect((await sentences({ page: 1, from: today, to: today })).total).toBe(5);
    expect((await sentences({ page: 1, to: "2000-01-01" })).total).toBe(0);
    expect((await sentences({ page: 1, from: "2999-01-01" })).total).toBe(0);
    const paged = await sentences({ page: 2, pageSize: 2 });
    expect(paged.total).toBe(5);
    expect(paged.sentences).toHaveLength(2);
    expect(paged.sentences[0]).toMatch(/renamed stage Temp to Scratch/);
    // An id from another workspace finds nothing here.
    expect((await sentences({ page: 1, actor: other.analyst.id })).total).toBe(0);
  });

  it("offers the workspace's members and maps as filter choices, and no one else's", async () => {
    const options = await listAuditFilterOptions(ctx);
    expect(options.maps.map((map) => map.name)).toEqual(["Store", "Web"]);
    expect(options.actors.map((actor) => actor.id).sort()).toEqual([home.admin.id, home.analyst.id, home.manager.id, home.interviewer.id].sort());
  });
});
