import "server-only";
import { db } from "@/lib/db";
import { countObservationsByTouchpoint } from "@/lib/data/analysis-source";
import type { WorkspaceContext } from "@/lib/workspace";
import { can } from "@/lib/permissions";
import { ORDER } from "@/lib/data/designer-core";
import type { Journey, MapSummary } from "@/lib/types/maps";

// What the maps pages read: the list with each map's progress toward its interview targets,
// and one map's header and journey grid. Creating and changing maps is in map-lifecycle.ts,
// their settings in map-settings.ts.

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
