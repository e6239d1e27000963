import "server-only";
import { db } from "@/lib/db";
import type { WorkspaceContext } from "@/lib/workspace";
import { recordAudit } from "@/lib/data/audit";
import { designTransaction, lockMap } from "@/lib/data/designer-core";
import type { MapSettingsSchema } from "@/lib/schemas/map";
import type { MapSettings } from "@/lib/types/maps";

// A map's analysis settings (minimum sample, thresholds) and its interview targets, overall
// and per segment.

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
