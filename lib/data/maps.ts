import "server-only";
import { db } from "@/lib/db";
import type { WorkspaceContext } from "@/lib/workspace";
import { can } from "@/lib/permissions";

export type MapSummary = {
  id: string;
  name: string;
  description: string;
  status: "DRAFT" | "ACTIVE" | "ARCHIVED";
  interviewTarget: number | null;
  submittedInterviews: number;
  touchpoints: number;
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
  const [interviews, touchpoints] = await Promise.all([
    db.interview.groupBy({
      by: ["mapId"],
      where: { workspaceId: ctx.workspaceId, mapId: { in: ids }, status: "SUBMITTED" },
      _count: { _all: true },
    }),
    db.touchpoint.groupBy({
      by: ["mapId"],
      where: { workspaceId: ctx.workspaceId, mapId: { in: ids }, archivedAt: null },
      _count: { _all: true },
    }),
  ]);
  const interviewCount = new Map(interviews.map((row) => [row.mapId, row._count._all]));
  const touchpointCount = new Map(touchpoints.map((row) => [row.mapId, row._count._all]));
  return maps.map((map) => ({
    ...map,
    submittedInterviews: interviewCount.get(map.id) ?? 0,
    touchpoints: touchpointCount.get(map.id) ?? 0,
  }));
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
  const [stages, channels, touchpoints, counts, submittedInterviews] = await Promise.all([
    db.stage.findMany({
      where: { workspaceId: ctx.workspaceId, mapId, archivedAt: null },
      orderBy: { position: "asc" },
      select: { id: true, name: true },
    }),
    db.channel.findMany({
      where: { workspaceId: ctx.workspaceId, mapId, archivedAt: null },
      orderBy: { position: "asc" },
      select: { id: true, name: true },
    }),
    db.touchpoint.findMany({
      where: { workspaceId: ctx.workspaceId, mapId, archivedAt: null },
      orderBy: { position: "asc" },
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
    db.$queryRaw<{ touchpoint_id: string; n: number }[]>`
      SELECT o.touchpoint_id, count(*)::int AS n
      FROM observations o JOIN interviews i ON i.id = o.interview_id
      WHERE o.workspace_id = ${ctx.workspaceId} AND o.map_id = ${mapId} AND i.status = 'SUBMITTED'
      GROUP BY o.touchpoint_id`,
    db.interview.count({ where: { workspaceId: ctx.workspaceId, mapId, status: "SUBMITTED" } }),
  ]);
  const observationCount = new Map(counts.map((row) => [row.touchpoint_id, row.n]));
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
