import "server-only";
import type { Tx } from "@/lib/db-errors";
import type { WorkspaceContext } from "@/lib/workspace";
import { UserError } from "@/lib/errors";
import { recordAudit } from "@/lib/data/audit";
import {
  designTransaction,
  lockMap,
  lockWorkspaceMaps,
  MAP_NOT_FOUND,
  ORDER,
  writeBlueprint,
} from "@/lib/data/designer-core";
import { findTemplate, templateBlueprint, type MapBlueprint } from "@/lib/templates/maps";
import type {
  CreateMapSchema,
  DuplicateMapSchema,
  MapRefSchema,
  SetMapStatusSchema,
  UpdateMapDetailsSchema,
} from "@/lib/schemas/map";

// A map's life as a whole: created (blank, from a template or as a duplicate), renamed,
// made active or archived, deleted while nothing depends on it.

async function assertMapNameFree(tx: Tx, ctx: WorkspaceContext, name: string, exceptId?: string) {
  const existing = await tx.journeyMap.findFirst({
    where: {
      workspaceId: ctx.workspaceId,
      name: { equals: name, mode: "insensitive" },
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    select: { status: true },
  });
  if (existing) {
    const message =
      existing.status === "ARCHIVED"
        ? `An archived map is already called "${name}". Choose another name, or make that map active again.`
        : `There is already a map called "${name}" in this workspace. Choose another name.`;
    throw new UserError(message, { name: [message] }, 409);
  }
}

/** A new map, blank or laid out from a template, in one transaction. Starts as a draft. */
export async function createMap(ctx: WorkspaceContext, input: CreateMapSchema) {
  const template = input.template === "blank" ? undefined : findTemplate(input.template);
  return designTransaction(async (tx) => {
    await lockWorkspaceMaps(tx, ctx);
    await assertMapNameFree(tx, ctx, input.name);
    const map = await tx.journeyMap.create({
      data: {
        workspaceId: ctx.workspaceId,
        name: input.name,
        description: input.description || template?.description || "",
        status: "DRAFT",
      },
      select: { id: true, name: true },
    });
    const written = template ? await writeBlueprint(tx, ctx, map.id, templateBlueprint(template)) : null;
    await recordAudit(tx, ctx, {
      action: "map.create",
      entityType: "JourneyMap",
      entityId: map.id,
      after: { name: map.name, template: template?.id ?? null, ...(written ?? {}) },
    });
    return map;
  });
}

export async function updateMapDetails(ctx: WorkspaceContext, input: UpdateMapDetailsSchema) {
  return designTransaction(async (tx) => {
    await lockWorkspaceMaps(tx, ctx);
    await lockMap(tx, ctx, input.mapId, { editable: false });
    const map = await tx.journeyMap.findFirstOrThrow({
      where: { id: input.mapId, workspaceId: ctx.workspaceId },
      select: { id: true, name: true, description: true, status: true },
    });
    const before: Record<string, string> = {};
    const after: Record<string, string> = {};
    for (const field of ["name", "description", "status"] as const) {
      if (map[field] !== input[field]) {
        before[field] = map[field];
        after[field] = input[field];
      }
    }
    if (Object.keys(after).length === 0) return { id: map.id, name: map.name };
    if ("name" in after) await assertMapNameFree(tx, ctx, input.name, map.id);
    await tx.journeyMap.updateMany({ where: { id: map.id, workspaceId: ctx.workspaceId }, data: after });
    await recordAudit(tx, ctx, { action: "map.update", entityType: "JourneyMap", entityId: map.id, before, after });
    return { id: map.id, name: input.name };
  });
}

export async function setMapStatus(ctx: WorkspaceContext, input: SetMapStatusSchema) {
  return designTransaction(async (tx) => {
    const map = await lockMap(tx, ctx, input.mapId, { editable: false });
    if (map.status === input.status) return { id: map.id, name: map.name, status: map.status };
    await tx.journeyMap.updateMany({ where: { id: map.id, workspaceId: ctx.workspaceId }, data: { status: input.status } });
    await recordAudit(tx, ctx, {
      action: "map.status",
      entityType: "JourneyMap",
      entityId: map.id,
      before: { status: map.status },
      after: { status: input.status },
    });
    return { id: map.id, name: map.name, status: input.status };
  });
}

/** The active design of a map as a blueprint: what a duplicate copies. */
async function blueprintOf(tx: Tx, ctx: WorkspaceContext, mapId: string): Promise<MapBlueprint> {
  const scope = { workspaceId: ctx.workspaceId, mapId, archivedAt: null };
  const stages = await tx.stage.findMany({ where: scope, orderBy: ORDER, select: { id: true, name: true } });
  const channels = await tx.channel.findMany({ where: scope, orderBy: ORDER, select: { id: true, name: true } });
  const touchpoints = await tx.touchpoint.findMany({
    where: { ...scope, stage: { archivedAt: null }, channel: { archivedAt: null } },
    orderBy: ORDER,
    select: {
      name: true,
      description: true,
      prompt: true,
      ownerTeam: true,
      momentOfTruth: true,
      stageId: true,
      channelId: true,
      expectations: { where: { kind: "LISTED", archivedAt: null }, orderBy: ORDER, select: { text: true } },
    },
  });
  const stageIndex = new Map(stages.map((stage, index) => [stage.id, index]));
  const channelIndex = new Map(channels.map((channel, index) => [channel.id, index]));
  return {
    stages: stages.map((stage) => stage.name),
    channels: channels.map((channel) => channel.name),
    touchpoints: touchpoints.map(({ stageId, channelId, expectations, ...touchpoint }) => ({
      ...touchpoint,
      stage: stageIndex.get(stageId)!,
      channel: channelIndex.get(channelId)!,
      expectations: expectations.map((expectation) => expectation.text),
    })),
  };
}

/**
 * A new draft map with the same active design and settings: no interviews, nothing
 * archived, no volunteered expectations (those belong to the interviews of the original).
 */
export async function duplicateMap(ctx: WorkspaceContext, input: DuplicateMapSchema) {
  return designTransaction(async (tx) => {
    await lockWorkspaceMaps(tx, ctx);
    const source = await tx.journeyMap.findFirst({
      where: { id: input.mapId, workspaceId: ctx.workspaceId },
      select: {
        id: true,
        name: true,
        description: true,
        minSample: true,
        asymmetryThreshold: true,
        consistencyThreshold: true,
        interviewTarget: true,
        segmentQuotas: { select: { segment: true, target: true } },
      },
    });
    if (!source) throw new UserError(MAP_NOT_FOUND, undefined, 404);
    await assertMapNameFree(tx, ctx, input.name);
    const { segmentQuotas, id: sourceId, name: _name, ...settings } = source;
    const map = await tx.journeyMap.create({
      data: { ...settings, workspaceId: ctx.workspaceId, name: input.name, status: "DRAFT" },
      select: { id: true, name: true },
    });
    if (segmentQuotas.length > 0) {
      await tx.segmentQuota.createMany({
        data: segmentQuotas.map((quota) => ({ ...quota, workspaceId: ctx.workspaceId, mapId: map.id })),
      });
    }
    const written = await writeBlueprint(tx, ctx, map.id, await blueprintOf(tx, ctx, sourceId));
    await recordAudit(tx, ctx, {
      action: "map.duplicate",
      entityType: "JourneyMap",
      entityId: map.id,
      after: { name: map.name, copiedFrom: sourceId, copiedFromName: source.name, ...written },
    });
    return map;
  });
}

/** Only a map nobody has interviewed on or planned actions for can be deleted. */
export async function deleteMap(ctx: WorkspaceContext, input: MapRefSchema) {
  return designTransaction(async (tx) => {
    const map = await lockMap(tx, ctx, input.mapId, { editable: false });
    const scope = { workspaceId: ctx.workspaceId, mapId: map.id };
    const interviews = await tx.interview.count({ where: scope });
    if (interviews > 0) {
      throw new UserError(
        `"${map.name}" has ${interviews} interview${interviews === 1 ? "" : "s"}, so it cannot be deleted. Archive it instead; nothing is lost.`,
        undefined,
        409,
      );
    }
    const actions = await tx.action.count({ where: scope });
    if (actions > 0) {
      throw new UserError(`"${map.name}" has improvement actions, so it cannot be deleted. Archive it instead.`, undefined, 409);
    }
    const counts = {
      stages: await tx.stage.count({ where: scope }),
      channels: await tx.channel.count({ where: scope }),
      touchpoints: await tx.touchpoint.count({ where: scope }),
    };
    await tx.expectation.deleteMany({ where: scope });
    await tx.touchpoint.deleteMany({ where: scope });
    await tx.stage.deleteMany({ where: scope });
    await tx.channel.deleteMany({ where: scope });
    await tx.segmentQuota.deleteMany({ where: scope });
    await tx.journeyMap.deleteMany({ where: { id: map.id, workspaceId: ctx.workspaceId } });
    await recordAudit(tx, ctx, {
      action: "map.delete",
      entityType: "JourneyMap",
      entityId: map.id,
      before: { name: map.name, status: map.status, ...counts },
    });
    return { id: map.id, name: map.name };
  });
}
