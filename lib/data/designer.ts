import "server-only";
import { db } from "@/lib/db";
import type { WorkspaceContext } from "@/lib/workspace";
import { ORDER } from "@/lib/data/designer-core";
import type { Design, DesignerHeader } from "@/lib/types/designer";

// What the designer pages read. Plain objects (their types in lib/types/designer.ts), safe to
// hand to client components.

/** Observations (of interviews in any status) per touchpoint and per expectation, in one index-only pass. */
async function observationCounts(ctx: WorkspaceContext, mapId: string) {
  const [byPair, actions] = await Promise.all([
    db.observation.groupBy({
      by: ["touchpointId", "expectationId"],
      where: { workspaceId: ctx.workspaceId, mapId },
      _count: { _all: true },
    }),
    db.action.groupBy({ by: ["touchpointId"], where: { workspaceId: ctx.workspaceId, mapId }, _count: { _all: true } }),
  ]);
  const touchpoint = new Map<string, number>();
  const expectation = new Map<string, number>();
  for (const row of byPair) {
    touchpoint.set(row.touchpointId, (touchpoint.get(row.touchpointId) ?? 0) + row._count._all);
    expectation.set(row.expectationId, (expectation.get(row.expectationId) ?? 0) + row._count._all);
  }
  return { touchpoint, expectation, actions: new Map(actions.map((row) => [row.touchpointId, row._count._all])) };
}

/** Everything the designer grid shows; null when the map is not in this workspace. */
export async function getDesign(ctx: WorkspaceContext, mapId: string): Promise<Design | null> {
  const map = await db.journeyMap.findFirst({
    where: { id: mapId, workspaceId: ctx.workspaceId },
    select: { id: true, name: true, description: true, status: true },
  });
  if (!map) return null;
  const scope = { workspaceId: ctx.workspaceId, mapId };
  const [stages, channels, touchpoints, allTouchpoints, counts, volunteered, archived] = await Promise.all([
    db.stage.findMany({ where: { ...scope, archivedAt: null }, orderBy: ORDER, select: { id: true, name: true, position: true } }),
    db.channel.findMany({ where: { ...scope, archivedAt: null }, orderBy: ORDER, select: { id: true, name: true, position: true } }),
    db.touchpoint.findMany({
      where: { ...scope, archivedAt: null, stage: { archivedAt: null }, channel: { archivedAt: null } },
      orderBy: ORDER,
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
        expectations: {
          where: { kind: "LISTED", archivedAt: null },
          orderBy: ORDER,
          select: { id: true, text: true, position: true },
        },
      },
    }),
    // Archived touchpoints count towards their lane's data, so a lane's delete is offered
    // only when nothing in it, visible or not, holds data.
    db.touchpoint.findMany({ where: scope, select: { id: true, stageId: true, channelId: true } }),
    observationCounts(ctx, mapId),
    db.expectation.count({ where: { ...scope, kind: "VOLUNTEERED", archivedAt: null, mergedIntoId: null } }),
    countArchived(ctx, mapId),
  ]);
  const touchpointHasData = (id: string) => (counts.touchpoint.get(id) ?? 0) > 0 || (counts.actions.get(id) ?? 0) > 0;
  const laneHasData = (key: "stageId" | "channelId", laneId: string) =>
    allTouchpoints.some((touchpoint) => touchpoint[key] === laneId && touchpointHasData(touchpoint.id));
  return {
    map,
    stages: stages.map((stage) => ({ ...stage, hasData: laneHasData("stageId", stage.id) })),
    channels: channels.map((channel) => ({ ...channel, hasData: laneHasData("channelId", channel.id) })),
    touchpoints: touchpoints.map((touchpoint) => ({
      ...touchpoint,
      observations: counts.touchpoint.get(touchpoint.id) ?? 0,
      hasData: touchpointHasData(touchpoint.id),
      expectations: touchpoint.expectations.map((expectation) => ({
        ...expectation,
        observations: counts.expectation.get(expectation.id) ?? 0,
      })),
    })),
    volunteered,
    archived,
  };
}

async function countArchived(ctx: WorkspaceContext, mapId: string) {
  const scope = { workspaceId: ctx.workspaceId, mapId, archivedAt: { not: null } };
  const [stages, channels, touchpoints, expectations] = await Promise.all([
    db.stage.count({ where: scope }),
    db.channel.count({ where: scope }),
    db.touchpoint.count({ where: scope }),
    db.expectation.count({ where: { ...scope, mergedIntoId: null } }),
  ]);
  return stages + channels + touchpoints + expectations;
}

export type ArchivedLane = { id: string; name: string; archivedAt: Date; touchpoints: number; hasData: boolean };
export type ArchivedTouchpoint = {
  id: string;
  name: string;
  stage: string;
  channel: string;
  archivedAt: Date;
  /** Set when its stage or channel is archived: restoring that lane brings it back, not this row. */
  blockedBy: string | null;
  hasData: boolean;
};
export type ArchivedExpectation = {
  id: string;
  text: string;
  kind: "LISTED" | "VOLUNTEERED";
  touchpoint: string;
  touchpointArchived: boolean;
  archivedAt: Date;
  observations: number;
};

export type Archived = {
  stages: ArchivedLane[];
  channels: ArchivedLane[];
  touchpoints: ArchivedTouchpoint[];
  expectations: ArchivedExpectation[];
};

/** The "Archived" view: what can be restored, and what could be deleted for good. */
export async function getArchived(ctx: WorkspaceContext, mapId: string): Promise<Archived> {
  const scope = { workspaceId: ctx.workspaceId, mapId };
  const archived = { ...scope, archivedAt: { not: null } };
  const laneSelect = { id: true, name: true, archivedAt: true } as const;
  const [stages, channels, touchpoints, allTouchpoints, expectations, counts] = await Promise.all([
    db.stage.findMany({ where: archived, orderBy: { archivedAt: "desc" }, select: laneSelect }),
    db.channel.findMany({ where: archived, orderBy: { archivedAt: "desc" }, select: laneSelect }),
    db.touchpoint.findMany({
      where: archived,
      orderBy: { archivedAt: "desc" },
      select: {
        id: true,
        name: true,
        archivedAt: true,
        stage: { select: { name: true, archivedAt: true } },
        channel: { select: { name: true, archivedAt: true } },
      },
    }),
    db.touchpoint.findMany({ where: scope, select: { id: true, stageId: true, channelId: true } }),
    db.expectation.findMany({
      where: { ...archived, mergedIntoId: null },
      orderBy: { archivedAt: "desc" },
      select: { id: true, text: true, kind: true, archivedAt: true, touchpoint: { select: { name: true, archivedAt: true } } },
    }),
    observationCounts(ctx, mapId),
  ]);
  const touchpointHasData = (id: string) => (counts.touchpoint.get(id) ?? 0) > 0 || (counts.actions.get(id) ?? 0) > 0;
  const lane = (key: "stageId" | "channelId") => (row: { id: string; name: string; archivedAt: Date | null }) => {
    const inLane = allTouchpoints.filter((touchpoint) => touchpoint[key] === row.id);
    return {
      id: row.id,
      name: row.name,
      archivedAt: row.archivedAt!,
      touchpoints: inLane.length,
      hasData: inLane.some((touchpoint) => touchpointHasData(touchpoint.id)),
    };
  };
  return {
    stages: stages.map(lane("stageId")),
    channels: channels.map(lane("channelId")),
    touchpoints: touchpoints.map((touchpoint) => ({
      id: touchpoint.id,
      name: touchpoint.name,
      stage: touchpoint.stage.name,
      channel: touchpoint.channel.name,
      archivedAt: touchpoint.archivedAt!,
      blockedBy: touchpoint.stage.archivedAt
        ? `stage "${touchpoint.stage.name}"`
        : touchpoint.channel.archivedAt
          ? `channel "${touchpoint.channel.name}"`
          : null,
      hasData: touchpointHasData(touchpoint.id),
    })),
    expectations: expectations.map((expectation) => ({
      id: expectation.id,
      text: expectation.text,
      kind: expectation.kind,
      touchpoint: expectation.touchpoint.name,
      touchpointArchived: expectation.touchpoint.archivedAt !== null,
      archivedAt: expectation.archivedAt!,
      observations: counts.expectation.get(expectation.id) ?? 0,
    })),
  };
}

export type VolunteeredExpectation = {
  id: string;
  text: string;
  touchpoint: { id: string; name: string; stage: string; channel: string };
  recordedBy: string | null;
  createdAt: Date;
  observations: number;
  missed: number;
  /** The listed expectations of the same touchpoint: where it can be merged. */
  mergeTargets: { id: string; text: string }[];
};

/** Volunteered expectations waiting for an analyst, with how often they were recorded. */
export async function listVolunteered(ctx: WorkspaceContext, mapId: string): Promise<VolunteeredExpectation[]> {
  const rows = await db.expectation.findMany({
    where: { workspaceId: ctx.workspaceId, mapId, kind: "VOLUNTEERED", archivedAt: null, mergedIntoId: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      text: true,
      createdAt: true,
      createdById: true,
      touchpoint: {
        select: {
          id: true,
          name: true,
          stage: { select: { name: true } },
          channel: { select: { name: true } },
          expectations: {
            where: { kind: "LISTED", archivedAt: null },
            orderBy: ORDER,
            select: { id: true, text: true },
          },
        },
      },
    },
  });
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const creatorIds = [...new Set(rows.map((row) => row.createdById).filter((id): id is string => id !== null))];
  const [stats, creators] = await Promise.all([
    db.$queryRaw<{ expectation_id: string; n: number; missed: number }[]>`
      SELECT expectation_id, count(*)::int AS n, count(*) FILTER (WHERE outcome = 'MISSED')::int AS missed
      FROM observations
      WHERE workspace_id = ${ctx.workspaceId} AND map_id = ${mapId} AND expectation_id = ANY(${ids}::text[])
      GROUP BY expectation_id`,
    db.user.findMany({ where: { id: { in: creatorIds } }, select: { id: true, name: true } }),
  ]);
  const statsById = new Map(stats.map((row) => [row.expectation_id, row]));
  const names = new Map(creators.map((user) => [user.id, user.name]));
  return rows.map((row) => ({
    id: row.id,
    text: row.text,
    touchpoint: {
      id: row.touchpoint.id,
      name: row.touchpoint.name,
      stage: row.touchpoint.stage.name,
      channel: row.touchpoint.channel.name,
    },
    recordedBy: row.createdById ? (names.get(row.createdById) ?? null) : null,
    createdAt: row.createdAt,
    observations: statsById.get(row.id)?.n ?? 0,
    missed: statsById.get(row.id)?.missed ?? 0,
    mergeTargets: row.touchpoint.expectations,
  }));
}

/** What every designer page's header shows; null when the map is not in this workspace. */
export async function getDesignerHeader(ctx: WorkspaceContext, mapId: string): Promise<DesignerHeader | null> {
  const map = await db.journeyMap.findFirst({
    where: { id: mapId, workspaceId: ctx.workspaceId },
    select: { id: true, name: true, description: true, status: true },
  });
  if (!map) return null;
  const [volunteered, archived] = await Promise.all([
    db.expectation.count({ where: { workspaceId: ctx.workspaceId, mapId, kind: "VOLUNTEERED", archivedAt: null, mergedIntoId: null } }),
    countArchived(ctx, mapId),
  ]);
  return { map, volunteered, archived };
}
