import "server-only";
import { db } from "@/lib/db";
import { countObservationsByTouchpoint } from "@/lib/data/analysis-source";
import type { WorkspaceContext } from "@/lib/workspace";
import { can } from "@/lib/permissions";
import { UserError } from "@/lib/errors";
import { recordAudit } from "@/lib/data/audit";
import {
  designTransaction,
  lockMap,
  lockWorkspaceMaps,
  MAP_NOT_FOUND,
  ORDER,
  writeBlueprint,
  type Tx,
} from "@/lib/data/designer-core";
import { findTemplate, templateBlueprint, type MapBlueprint } from "@/lib/templates/maps";
import type {
  CreateMapSchema,
  DuplicateMapSchema,
  MapRefSchema,
  MapSettingsSchema,
  SetMapStatusSchema,
  UpdateMapDetailsSchema,
} from "@/lib/schemas/map";

export type SegmentProgress = { segment: string; target: number; submitted: number };

export type MapSummary = {
  id: string;
  name: string;
  description: string;
  status: "DRAFT" | "ACTIVE" | "ARCHIVED";
  interviewTarget: number | null;
  submittedInterviews: number;
  touchpoints: number;
  /** Progress per segment value that has its own target. */
  segments: SegmentProgress[];
  /** Any interview at all (drafts and void ones too): such a map can be archived, never deleted. */
  hasInterviews: boolean;
};

/**
 * Maps of the workspace with progress toward each map's interview target. Interviewers
 * see only the ACTIVE maps they can record on.
 */
export async function listMaps(ctx: WorkspaceContext): Promise<MapSummary[]> {
  const onlyActive = !can(ctx.role, "map.view");
  const maps = await db.journeyMap.findMany({
    where: { workspaceId: ctx.workspaceId, ...(onlyActive ? { status: "ACTIVE" } : {}) },
    orderBy: [{ status: "asc" }, { name: "asc" }],
    select: { id: true, name: true, description: true, status: true, interviewTarget: true },
  });
  if (maps.length === 0) return [];
  const ids = maps.map((map) => map.id);
  const [interviews, touchpoints, progress] = await Promise.all([
    db.interview.groupBy({
      by: ["mapId"],
      where: { workspaceId: ctx.workspaceId, mapId: { in: ids } },
      _count: { _all: true },
    }),
    db.touchpoint.groupBy({
      by: ["mapId"],
      where: { workspaceId: ctx.workspaceId, mapId: { in: ids }, archivedAt: null, stage: { archivedAt: null }, channel: { archivedAt: null } },
      _count: { _all: true },
    }),
    getQuotaProgress(ctx, ids),
  ]);
  const anyInterview = new Set(interviews.map((row) => row.mapId));
  const touchpointCount = new Map(touchpoints.map((row) => [row.mapId, row._count._all]));
  return maps.map((map) => {
    const quota = progress.get(map.id);
    return {
      ...map,
      submittedInterviews: quota?.submitted ?? 0,
      touchpoints: touchpointCount.get(map.id) ?? 0,
      hasInterviews: anyInterview.has(map.id),
      segments: (quota?.segments ?? []).map(({ segment, target, done }) => ({ segment, target, submitted: done })),
    };
  });
}

export type QuotaProgress = {
  target: number | null;
  submitted: number;
  segments: { segment: string; target: number; done: number }[];
};

/** Progress of each map toward its interview target, overall and per segment value (SUBMITTED interviews only). */
export async function getQuotaProgress(ctx: WorkspaceContext, mapIds: string[]): Promise<Map<string, QuotaProgress>> {
  const progress = new Map<string, QuotaProgress>();
  if (mapIds.length === 0) return progress;
  const [maps, quotas, counts] = await Promise.all([
    db.journeyMap.findMany({
      where: { workspaceId: ctx.workspaceId, id: { in: mapIds } },
      select: { id: true, interviewTarget: true },
    }),
    db.segmentQuota.findMany({
      where: { workspaceId: ctx.workspaceId, mapId: { in: mapIds } },
      orderBy: [{ segment: "asc" }],
      select: { mapId: true, segment: true, target: true },
    }),
    db.$queryRaw<{ map_id: string; segment: string | null; n: number }[]>`
      SELECT i.map_id, r.segment, count(*)::int AS n
      FROM interviews i LEFT JOIN respondents r ON r.id = i.respondent_id AND r.workspace_id = i.workspace_id
      WHERE i.workspace_id = ${ctx.workspaceId} AND i.map_id = ANY(${mapIds}) AND i.status = 'SUBMITTED'
      GROUP BY i.map_id, r.segment`,
  ]);
  for (const map of maps) progress.set(map.id, { target: map.interviewTarget, submitted: 0, segments: [] });
  for (const count of counts) {
    const entry = progress.get(count.map_id);
    if (entry) entry.submitted += count.n;
  }
  for (const quota of quotas) {
    const done = counts
      .filter((count) => count.map_id === quota.mapId && count.segment?.toLowerCase() === quota.segment.toLowerCase())
      .reduce((sum, count) => sum + count.n, 0);
    progress.get(quota.mapId)?.segments.push({ segment: quota.segment, target: quota.target, done });
  }
  return progress;
}

export type JourneyTouchpoint = {
  id: string;
  name: string;
  stageId: string;
  channelId: string;
  position: number;
  momentOfTruth: boolean;
  ownerTeam: string;
  expectations: number;
  observations: number;
};

export type Journey = {
  map: { id: string; name: string; description: string; status: "DRAFT" | "ACTIVE" | "ARCHIVED"; minSample: number };
  stages: { id: string; name: string }[];
  channels: { id: string; name: string }[];
  touchpoints: JourneyTouchpoint[];
  submittedInterviews: number;
};

/** A map's name and description; null when the map is not in this workspace. */
export async function getMapHeader(ctx: WorkspaceContext, mapId: string) {
  return db.journeyMap.findFirst({
    where: { id: mapId, workspaceId: ctx.workspaceId },
    select: { id: true, name: true, description: true, status: true },
  });
}

/** The read-only journey grid of one map; null when the map is not in this workspace. */
export async function getJourney(ctx: WorkspaceContext, mapId: string): Promise<Journey | null> {
  const map = await db.journeyMap.findFirst({
    where: { id: mapId, workspaceId: ctx.workspaceId },
    select: { id: true, name: true, description: true, status: true, minSample: true },
  });
  if (!map) return null;
  const [stages, channels, touchpoints, observationCount, submittedInterviews] = await Promise.all([
    db.stage.findMany({
      where: { workspaceId: ctx.workspaceId, mapId, archivedAt: null },
      orderBy: ORDER,
      select: { id: true, name: true },
    }),
    db.channel.findMany({
      where: { workspaceId: ctx.workspaceId, mapId, archivedAt: null },
      orderBy: ORDER,
      select: { id: true, name: true },
    }),
    db.touchpoint.findMany({
      where: { workspaceId: ctx.workspaceId, mapId, archivedAt: null, stage: { archivedAt: null }, channel: { archivedAt: null } },
      orderBy: ORDER,
      select: {
        id: true,
        name: true,
        stageId: true,
        channelId: true,
        position: true,
        momentOfTruth: true,
        ownerTeam: true,
        _count: { select: { expectations: { where: { archivedAt: null, kind: "LISTED" } } } },
      },
    }),
    // From the rollups the triggers keep exact: never a scan of the observations.
    countObservationsByTouchpoint(ctx, mapId),
    db.interview.count({ where: { workspaceId: ctx.workspaceId, mapId, status: "SUBMITTED" } }),
  ]);
  return {
    map,
    stages,
    channels,
    touchpoints: touchpoints.map(({ _count, ...touchpoint }) => ({
      ...touchpoint,
      expectations: _count.expectations,
      observations: observationCount.get(touchpoint.id) ?? 0,
    })),
    submittedInterviews,
  };
}

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

export type MapSettings = {
  map: { id: string; name: string; description: string; status: "DRAFT" | "ACTIVE" | "ARCHIVED" };
  minSample: number;
  asymmetryThreshold: number;
  consistencyThreshold: number;
  interviewTarget: number | null;
  segmentQuotas: { segment: string; target: number }[];
  /** Segment values respondents of the workspace already have, to pick from. */
  knownSegments: string[];
};

/** A map's settings; null when the map is not in this workspace. */
export async function getMapSettings(ctx: WorkspaceContext, mapId: string): Promise<MapSettings | null> {
  const map = await db.journeyMap.findFirst({
    where: { id: mapId, workspaceId: ctx.workspaceId },
    select: {
      id: true,
      name: true,
      description: true,
      status: true,
      minSample: true,
      asymmetryThreshold: true,
      consistencyThreshold: true,
      interviewTarget: true,
    },
  });
  if (!map) return null;
  const [quotas, segments] = await Promise.all([
    db.segmentQuota.findMany({
      where: { workspaceId: ctx.workspaceId, mapId },
      orderBy: { segment: "asc" },
      select: { segment: true, target: true },
    }),
    db.respondent.findMany({
      where: { workspaceId: ctx.workspaceId, segment: { not: null }, archivedAt: null },
      distinct: ["segment"],
      orderBy: { segment: "asc" },
      take: 200,
      select: { segment: true },
    }),
  ]);
  const { minSample, asymmetryThreshold, consistencyThreshold, interviewTarget, ...header } = map;
  return {
    map: header,
    minSample,
    asymmetryThreshold,
    consistencyThreshold,
    interviewTarget,
    segmentQuotas: quotas,
    knownSegments: segments.map((row) => row.segment!).filter(Boolean),
  };
}

/** Settings and per-segment targets, written together; the audit keeps both versions. */
export async function updateMapSettings(ctx: WorkspaceContext, input: MapSettingsSchema) {
  return designTransaction(async (tx) => {
    await lockMap(tx, ctx, input.mapId, { editable: false });
    const current = await tx.journeyMap.findFirstOrThrow({
      where: { id: input.mapId, workspaceId: ctx.workspaceId },
      select: { minSample: true, asymmetryThreshold: true, consistencyThreshold: true, interviewTarget: true },
    });
    const quotas = await tx.segmentQuota.findMany({
      where: { workspaceId: ctx.workspaceId, mapId: input.mapId },
      orderBy: { segment: "asc" },
      select: { id: true, segment: true, target: true },
    });
    const settings = {
      minSample: input.minSample,
      asymmetryThreshold: input.asymmetryThreshold,
      consistencyThreshold: input.consistencyThreshold,
      interviewTarget: input.interviewTarget,
    };
    await tx.journeyMap.updateMany({ where: { id: input.mapId, workspaceId: ctx.workspaceId }, data: settings });
    // Quotas are configuration, not collected data: replacing them loses nothing the audit keeps.
    await tx.segmentQuota.deleteMany({ where: { workspaceId: ctx.workspaceId, mapId: input.mapId } });
    if (input.segmentQuotas.length > 0) {
      await tx.segmentQuota.createMany({
        data: input.segmentQuotas.map((quota) => ({
          workspaceId: ctx.workspaceId,
          mapId: input.mapId,
          segment: quota.segment,
          target: quota.target,
        })),
      });
    }
    const sortedQuotas = [...input.segmentQuotas].sort((a, b) => a.segment.localeCompare(b.segment));
    await recordAudit(tx, ctx, {
      action: "map.settings",
      entityType: "JourneyMap",
      entityId: input.mapId,
      before: { ...current, segmentQuotas: quotas.map(({ segment, target }) => ({ segment, target })) },
      after: { ...settings, segmentQuotas: sortedQuotas },
    });
    return { id: input.mapId };
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
