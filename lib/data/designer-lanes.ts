import "server-only";
import { UserError } from "@/lib/errors";
import { recordAudit } from "@/lib/data/audit";
import type { WorkspaceContext } from "@/lib/workspace";
import {
  activeLanes,
  assertLaneNameFree,
  dataThatKeeps,
  designTransaction,
  lockMap,
  moveInList,
  neighbourNames,
  ORDER,
  renumber,
} from "@/lib/data/designer-core";
import type { Tx } from "@/lib/db-errors";
import {
  LANE_LABELS,
  type CreateLaneSchema,
  type LaneKind,
  type LaneRefSchema,
  type MoveLaneSchema,
  type RenameLaneSchema,
} from "@/lib/schemas/map-design";

// Stages (columns) and channels (rows) behave alike; "lane" is either.

const ENTITY = { stage: "Stage", channel: "Channel" } as const;

export function laneNotInMap(kind: LaneKind) {
  return `That ${LANE_LABELS[kind].one} is not part of this map. Reload the page to see the map as it is now.`;
}

async function findLane(tx: Tx, ctx: WorkspaceContext, kind: LaneKind, mapId: string, laneId: string) {
  const args = {
    where: { id: laneId, workspaceId: ctx.workspaceId, mapId },
    select: { id: true, name: true, position: true, archivedAt: true },
  };
  const lane = kind === "stage" ? await tx.stage.findFirst(args) : await tx.channel.findFirst(args);
  if (!lane) throw new UserError(laneNotInMap(kind), undefined, 404);
  return lane;
}

function laneWhere(kind: LaneKind, laneId: string) {
  return kind === "stage" ? { stageId: laneId } : { channelId: laneId };
}

export async function createLane(ctx: WorkspaceContext, input: CreateLaneSchema) {
  return designTransaction(async (tx) => {
    await lockMap(tx, ctx, input.mapId);
    await assertLaneNameFree(tx, ctx, input.kind, input.mapId, input.name);
    const position = (await activeLanes(tx, ctx, input.kind, input.mapId)).length;
    const data = { workspaceId: ctx.workspaceId, mapId: input.mapId, name: input.name, position };
    const lane =
      input.kind === "stage"
        ? await tx.stage.create({ data, select: { id: true } })
        : await tx.channel.create({ data, select: { id: true } });
    await recordAudit(tx, ctx, {
      action: `${input.kind}.create`,
      entityType: ENTITY[input.kind],
      entityId: lane.id,
      after: { mapId: input.mapId, name: input.name, position },
    });
    return { id: lane.id, name: input.name };
  });
}

export async function renameLane(ctx: WorkspaceContext, input: RenameLaneSchema) {
  return designTransaction(async (tx) => {
    await lockMap(tx, ctx, input.mapId);
    const lane = await findLane(tx, ctx, input.kind, input.mapId, input.laneId);
    if (lane.name === input.name) return { id: lane.id, name: lane.name };
    await assertLaneNameFree(tx, ctx, input.kind, input.mapId, input.name, lane.id);
    const where = { id: lane.id, workspaceId: ctx.workspaceId };
    if (input.kind === "stage") await tx.stage.updateMany({ where, data: { name: input.name } });
    else await tx.channel.updateMany({ where, data: { name: input.name } });
    await recordAudit(tx, ctx, {
      action: `${input.kind}.rename`,
      entityType: ENTITY[input.kind],
      entityId: lane.id,
      before: { name: lane.name },
      after: { name: input.name },
    });
    return { id: lane.id, name: input.name };
  });
}

export async function moveLane(ctx: WorkspaceContext, input: MoveLaneSchema) {
  return designTransaction(async (tx) => {
    await lockMap(tx, ctx, input.mapId);
    const lane = await findLane(tx, ctx, input.kind, input.mapId, input.laneId);
    if (lane.archivedAt) throw new UserError(`"${lane.name}" is archived. Restore it before moving it.`, undefined, 409);
    const lanes = await activeLanes(tx, ctx, input.kind, input.mapId);
    const moved = moveInList(lanes, lane.id, input.toIndex);
    await renumber(tx, ctx, input.kind, moved.list);
    if (moved.from !== moved.to) {
      await recordAudit(tx, ctx, {
        action: `${input.kind}.move`,
        entityType: ENTITY[input.kind],
        entityId: lane.id,
        before: { name: lane.name, position: moved.from },
        after: { position: moved.to, ...neighbourNames(moved.list, moved.to, (item) => item.name) },
      });
    }
    return { id: lane.id, name: lane.name, index: moved.to, count: moved.list.length };
  });
}

/**
 * Archives the lane with its touchpoints, stamping them with the lane's own time: a
 * restore brings back exactly the touchpoints that went with it, not those archived
 * one by one before.
 */
export async function archiveLane(ctx: WorkspaceContext, input: LaneRefSchema) {
  return designTransaction(async (tx) => {
    await lockMap(tx, ctx, input.mapId);
    const lane = await findLane(tx, ctx, input.kind, input.mapId, input.laneId);
    if (lane.archivedAt) return { id: lane.id, name: lane.name, touchpoints: 0 };
    const now = new Date();
    const where = { id: lane.id, workspaceId: ctx.workspaceId };
    if (input.kind === "stage") await tx.stage.updateMany({ where, data: { archivedAt: now } });
    else await tx.channel.updateMany({ where, data: { archivedAt: now } });
    const touchpoints = await tx.touchpoint.updateMany({
      where: { workspaceId: ctx.workspaceId, mapId: input.mapId, archivedAt: null, ...laneWhere(input.kind, lane.id) },
      data: { archivedAt: now },
    });
    await renumber(tx, ctx, input.kind, await activeLanes(tx, ctx, input.kind, input.mapId));
    await recordAudit(tx, ctx, {
      action: `${input.kind}.archive`,
      entityType: ENTITY[input.kind],
      entityId: lane.id,
      before: { name: lane.name, position: lane.position },
      after: { touchpointsArchived: touchpoints.count },
    });
    return { id: lane.id, name: lane.name, touchpoints: touchpoints.count };
  });
}

export async function restoreLane(ctx: WorkspaceContext, input: LaneRefSchema) {
  return designTransaction(async (tx) => {
    await lockMap(tx, ctx, input.mapId);
    const lane = await findLane(tx, ctx, input.kind, input.mapId, input.laneId);
    if (!lane.archivedAt) return { id: lane.id, name: lane.name, touchpoints: 0 };
    const position = (await activeLanes(tx, ctx, input.kind, input.mapId)).length;
    const where = { id: lane.id, workspaceId: ctx.workspaceId };
    if (input.kind === "stage") await tx.stage.updateMany({ where, data: { archivedAt: null, position } });
    else await tx.channel.updateMany({ where, data: { archivedAt: null, position } });
    // Only the touchpoints archived together with the lane, and only where the crossing
    // lane is active too (a touchpoint needs both its stage and its channel).
    const crossing = input.kind === "stage" ? { channel: { archivedAt: null } } : { stage: { archivedAt: null } };
    const restored = await tx.touchpoint.updateMany({
      where: {
        workspaceId: ctx.workspaceId,
        mapId: input.mapId,
        archivedAt: lane.archivedAt,
        ...laneWhere(input.kind, lane.id),
        ...crossing,
      },
      data: { archivedAt: null },
    });
    await renumberCellsOf(tx, ctx, input.kind, input.mapId, lane.id);
    await recordAudit(tx, ctx, {
      action: `${input.kind}.restore`,
      entityType: ENTITY[input.kind],
      entityId: lane.id,
      after: { name: lane.name, position, touchpointsRestored: restored.count },
    });
    return { id: lane.id, name: lane.name, touchpoints: restored.count };
  });
}

/** Closes gaps left in a lane's cells by touchpoints that stayed archived. */
async function renumberCellsOf(tx: Tx, ctx: WorkspaceContext, kind: LaneKind, mapId: string, laneId: string) {
  const touchpoints = await tx.touchpoint.findMany({
    where: { workspaceId: ctx.workspaceId, mapId, archivedAt: null, ...laneWhere(kind, laneId) },
    orderBy: ORDER,
    select: { id: true, position: true, stageId: true, channelId: true },
  });
  const cells = new Map<string, typeof touchpoints>();
  for (const touchpoint of touchpoints) {
    const key = `${touchpoint.stageId}:${touchpoint.channelId}`;
    cells.set(key, [...(cells.get(key) ?? []), touchpoint]);
  }
  for (const cell of cells.values()) await renumber(tx, ctx, "touchpoint", cell);
}

/** Only a lane whose touchpoints (archived ones too) hold no data can be deleted, with them. */
export async function deleteLane(ctx: WorkspaceContext, input: LaneRefSchema) {
  return designTransaction(async (tx) => {
    await lockMap(tx, ctx, input.mapId);
    const lane = await findLane(tx, ctx, input.kind, input.mapId, input.laneId);
    const touchpoints = await tx.touchpoint.findMany({
      where: { workspaceId: ctx.workspaceId, mapId: input.mapId, ...laneWhere(input.kind, lane.id) },
      select: { id: true, name: true, expectations: { select: { id: true } } },
    });
    const touchpointIds = touchpoints.map((touchpoint) => touchpoint.id);
    const expectationIds = touchpoints.flatMap((touchpoint) => touchpoint.expectations.map((expectation) => expectation.id));
    const reason = await dataThatKeeps(tx, ctx, input.mapId, { touchpointIds, expectationIds });
    if (reason) {
      throw new UserError(`"${lane.name}" cannot be deleted: ${reason}. Archive it instead; nothing is lost.`, undefined, 409);
    }
    await tx.expectation.deleteMany({ where: { workspaceId: ctx.workspaceId, touchpointId: { in: touchpointIds } } });
    await tx.touchpoint.deleteMany({ where: { workspaceId: ctx.workspaceId, id: { in: touchpointIds } } });
    const where = { id: lane.id, workspaceId: ctx.workspaceId };
    if (input.kind === "stage") await tx.stage.deleteMany({ where });
    else await tx.channel.deleteMany({ where });
    if (!lane.archivedAt) await renumber(tx, ctx, input.kind, await activeLanes(tx, ctx, input.kind, input.mapId));
    await recordAudit(tx, ctx, {
      action: `${input.kind}.delete`,
      entityType: ENTITY[input.kind],
      entityId: lane.id,
      before: { mapId: input.mapId, name: lane.name, touchpoints: touchpoints.map((touchpoint) => touchpoint.name) },
    });
    return { id: lane.id, name: lane.name, touchpoints: touchpoints.length };
  });
}
