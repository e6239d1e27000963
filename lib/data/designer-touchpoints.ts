import "server-only";
import { UserError } from "@/lib/errors";
import { recordAudit } from "@/lib/data/audit";
import type { WorkspaceContext } from "@/lib/workspace";
import {
  assertTouchpointNameFree,
  cellTouchpoints,
  dataThatKeeps,
  designTransaction,
  lockMap,
  moveInList,
  renumber,
} from "@/lib/data/designer-core";
import type { Tx } from "@/lib/db-errors";
import { laneNotInMap } from "@/lib/data/designer-lanes";
import type {
  CreateTouchpointSchema,
  MoveTouchpointSchema,
  TouchpointRefSchema,
  UpdateTouchpointSchema,
} from "@/lib/schemas/map-design";

export const TOUCHPOINT_NOT_IN_MAP = "That touchpoint is not part of this map. Reload the page to see the map as it is now.";

const FIELDS = ["name", "description", "prompt", "ownerTeam", "momentOfTruth"] as const;

async function findTouchpoint(tx: Tx, ctx: WorkspaceContext, mapId: string, touchpointId: string) {
  const touchpoint = await tx.touchpoint.findFirst({
    where: { id: touchpointId, workspaceId: ctx.workspaceId, mapId },
    select: {
      id: true,
      name: true,
      description: true,
      prompt: true,
      ownerTeam: true,
      momentOfTruth: true,
      stageId: true,
      channelId: true,
      position: true,
      archivedAt: true,
      stage: { select: { name: true, archivedAt: true } },
      channel: { select: { name: true, archivedAt: true } },
    },
  });
  if (!touchpoint) throw new UserError(TOUCHPOINT_NOT_IN_MAP, undefined, 404);
  return touchpoint;
}

/**
 * The target cell's stage and channel, checked against the workspace AND the map: a
 * touchpoint can never be placed in another map's stage, nor in an archived one.
 */
async function findCell(tx: Tx, ctx: WorkspaceContext, mapId: string, stageId: string, channelId: string) {
  const where = { workspaceId: ctx.workspaceId, mapId };
  const stage = await tx.stage.findFirst({ where: { ...where, id: stageId }, select: { id: true, name: true, archivedAt: true } });
  const channel = await tx.channel.findFirst({ where: { ...where, id: channelId }, select: { id: true, name: true, archivedAt: true } });
  if (!stage) throw new UserError(laneNotInMap("stage"), { stageId: [laneNotInMap("stage")] }, 404);
  if (!channel) throw new UserError(laneNotInMap("channel"), { channelId: [laneNotInMap("channel")] }, 404);
  if (stage.archivedAt) throw new UserError(`The stage "${stage.name}" is archived. Restore it first.`, undefined, 409);
  if (channel.archivedAt) throw new UserError(`The channel "${channel.name}" is archived. Restore it first.`, undefined, 409);
  return { stage, channel };
}

export async function createTouchpoint(ctx: WorkspaceContext, input: CreateTouchpointSchema) {
  return designTransaction(async (tx) => {
    await lockMap(tx, ctx, input.mapId);
    const { stage, channel } = await findCell(tx, ctx, input.mapId, input.stageId, input.channelId);
    await assertTouchpointNameFree(tx, ctx, input.mapId, input.name);
    const position = (await cellTouchpoints(tx, ctx, stage.id, channel.id)).length;
    const touchpoint = await tx.touchpoint.create({
      data: {
        workspaceId: ctx.workspaceId,
        mapId: input.mapId,
        stageId: stage.id,
        channelId: channel.id,
        position,
        name: input.name,
        description: input.description,
        prompt: input.prompt,
        ownerTeam: input.ownerTeam,
        momentOfTruth: input.momentOfTruth,
      },
      select: { id: true },
    });
    await recordAudit(tx, ctx, {
      action: "touchpoint.create",
      entityType: "Touchpoint",
      entityId: touchpoint.id,
      after: {
        mapId: input.mapId,
        stage: stage.name,
        channel: channel.name,
        position,
        name: input.name,
        momentOfTruth: input.momentOfTruth,
      },
    });
    return { id: touchpoint.id, name: input.name };
  });
}

/** Records only the fields that changed, before and after, so a rename keeps its history. */
export async function updateTouchpoint(ctx: WorkspaceContext, input: UpdateTouchpointSchema) {
  return designTransaction(async (tx) => {
    await lockMap(tx, ctx, input.mapId);
    const touchpoint = await findTouchpoint(tx, ctx, input.mapId, input.touchpointId);
    const before: Record<string, string | boolean> = {};
    const after: Record<string, string | boolean> = {};
    for (const field of FIELDS) {
      if (touchpoint[field] !== input[field]) {
        before[field] = touchpoint[field];
        after[field] = input[field];
      }
    }
    if (Object.keys(after).length === 0) return { id: touchpoint.id, name: touchpoint.name };
    if ("name" in after) await assertTouchpointNameFree(tx, ctx, input.mapId, input.name, touchpoint.id);
    await tx.touchpoint.updateMany({ where: { id: touchpoint.id, workspaceId: ctx.workspaceId }, data: after });
    await recordAudit(tx, ctx, { action: "touchpoint.update", entityType: "Touchpoint", entityId: touchpoint.id, before, after });
    return { id: touchpoint.id, name: input.name };
  });
}

/** Reorders within a cell or moves to another cell of the same map; both cells stay dense. */
export async function moveTouchpoint(ctx: WorkspaceContext, input: MoveTouchpointSchema) {
  return designTransaction(async (tx) => {
    await lockMap(tx, ctx, input.mapId);
    const touchpoint = await findTouchpoint(tx, ctx, input.mapId, input.touchpointId);
    if (touchpoint.archivedAt) throw new UserError(`"${touchpoint.name}" is archived. Restore it before moving it.`, undefined, 409);
    const { stage, channel } = await findCell(tx, ctx, input.mapId, input.stageId, input.channelId);
    const sameCell = touchpoint.stageId === stage.id && touchpoint.channelId === channel.id;
    let from: number;
    let to: number;
    let count: number;
    if (sameCell) {
      const moved = moveInList(await cellTouchpoints(tx, ctx, stage.id, channel.id), touchpoint.id, input.toIndex);
      await renumber(tx, ctx, "touchpoint", moved.list);
      ({ from, to } = moved);
      count = moved.list.length;
    } else {
      const source = await cellTouchpoints(tx, ctx, touchpoint.stageId, touchpoint.channelId);
      from = source.findIndex((item) => item.id === touchpoint.id);
      const target = await cellTouchpoints(tx, ctx, stage.id, channel.id);
      to = Math.max(0, Math.min(input.toIndex, target.length));
      target.splice(to, 0, { id: touchpoint.id, name: touchpoint.name, position: -1 });
      await tx.touchpoint.updateMany({
        where: { id: touchpoint.id, workspaceId: ctx.workspaceId },
        data: { stageId: stage.id, channelId: channel.id, position: to },
      });
      await renumber(tx, ctx, "touchpoint", source.filter((item) => item.id !== touchpoint.id));
      await renumber(tx, ctx, "touchpoint", target.map((item) => (item.id === touchpoint.id ? { ...item, position: to } : item)));
      count = target.length;
    }
    if (!sameCell || from !== to) {
      await recordAudit(tx, ctx, {
        action: "touchpoint.move",
        entityType: "Touchpoint",
        entityId: touchpoint.id,
        before: { stage: touchpoint.stage.name, channel: touchpoint.channel.name, position: from },
        after: { stage: stage.name, channel: channel.name, position: to },
      });
    }
    return { id: touchpoint.id, name: touchpoint.name, stage: stage.name, channel: channel.name, index: to, count };
  });
}

export async function archiveTouchpoint(ctx: WorkspaceContext, input: TouchpointRefSchema) {
  return designTransaction(async (tx) => {
    await lockMap(tx, ctx, input.mapId);
    const touchpoint = await findTouchpoint(tx, ctx, input.mapId, input.touchpointId);
    if (touchpoint.archivedAt) return { id: touchpoint.id, name: touchpoint.name };
    await tx.touchpoint.updateMany({
      where: { id: touchpoint.id, workspaceId: ctx.workspaceId },
      data: { archivedAt: new Date() },
    });
    await renumber(tx, ctx, "touchpoint", await cellTouchpoints(tx, ctx, touchpoint.stageId, touchpoint.channelId));
    await recordAudit(tx, ctx, {
      action: "touchpoint.archive",
      entityType: "Touchpoint",
      entityId: touchpoint.id,
      before: { name: touchpoint.name, stage: touchpoint.stage.name, channel: touchpoint.channel.name, position: touchpoint.position },
    });
    return { id: touchpoint.id, name: touchpoint.name };
  });
}

/** Comes back at the end of its cell; its stage and channel must be active. */
export async function restoreTouchpoint(ctx: WorkspaceContext, input: TouchpointRefSchema) {
  return designTransaction(async (tx) => {
    await lockMap(tx, ctx, input.mapId);
    const touchpoint = await findTouchpoint(tx, ctx, input.mapId, input.touchpointId);
    if (!touchpoint.archivedAt) return { id: touchpoint.id, name: touchpoint.name };
    if (touchpoint.stage.archivedAt) {
      throw new UserError(`Its stage "${touchpoint.stage.name}" is archived. Restore the stage first.`, undefined, 409);
    }
    if (touchpoint.channel.archivedAt) {
      throw new UserError(`Its channel "${touchpoint.channel.name}" is archived. Restore the channel first.`, undefined, 409);
    }
    const position = (await cellTouchpoints(tx, ctx, touchpoint.stageId, touchpoint.channelId)).length;
    await tx.touchpoint.updateMany({
      where: { id: touchpoint.id, workspaceId: ctx.workspaceId },
      data: { archivedAt: null, position },
    });
    await recordAudit(tx, ctx, {
      action: "touchpoint.restore",
      entityType: "Touchpoint",
      entityId: touchpoint.id,
      after: { name: touchpoint.name, stage: touchpoint.stage.name, channel: touchpoint.channel.name, position },
    });
    return { id: touchpoint.id, name: touchpoint.name };
  });
}

export async function deleteTouchpoint(ctx: WorkspaceContext, input: TouchpointRefSchema) {
  return designTransaction(async (tx) => {
    await lockMap(tx, ctx, input.mapId);
    const touchpoint = await findTouchpoint(tx, ctx, input.mapId, input.touchpointId);
    const expectations = await tx.expectation.findMany({
      where: { workspaceId: ctx.workspaceId, touchpointId: touchpoint.id },
      select: { id: true, text: true },
    });
    const reason = await dataThatKeeps(tx, ctx, input.mapId, {
      touchpointIds: [touchpoint.id],
      expectationIds: expectations.map((expectation) => expectation.id),
    });
    if (reason) {
      throw new UserError(`"${touchpoint.name}" cannot be deleted: ${reason}. Archive it instead; nothing is lost.`, undefined, 409);
    }
    await tx.expectation.deleteMany({ where: { workspaceId: ctx.workspaceId, touchpointId: touchpoint.id } });
    await tx.touchpoint.deleteMany({ where: { id: touchpoint.id, workspaceId: ctx.workspaceId } });
    if (!touchpoint.archivedAt) {
      await renumber(tx, ctx, "touchpoint", await cellTouchpoints(tx, ctx, touchpoint.stageId, touchpoint.channelId));
    }
    await recordAudit(tx, ctx, {
      action: "touchpoint.delete",
      entityType: "Touchpoint",
      entityId: touchpoint.id,
      before: {
        mapId: input.mapId,
        name: touchpoint.name,
        stage: touchpoint.stage.name,
        channel: touchpoint.channel.name,
        description: touchpoint.description,
        prompt: touchpoint.prompt,
        ownerTeam: touchpoint.ownerTeam,
        momentOfTruth: touchpoint.momentOfTruth,
        expectations: expectations.map((expectation) => expectation.text),
      },
    });
    return { id: touchpoint.id, name: touchpoint.name };
  });
}
