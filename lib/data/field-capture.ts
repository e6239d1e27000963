import "server-only";
import { db } from "@/lib/db";
import { can } from "@/lib/permissions";
import type { WorkspaceContext } from "@/lib/workspace";
import type { CaptureJourney } from "@/lib/schemas/interview";
import type { AttributeFieldView, RespondentRow } from "@/lib/schemas/respondent";
import { getCaptureJourney, listRecordableMaps } from "@/lib/data/interview-capture";
import { getQuotaProgress, type QuotaProgress } from "@/lib/data/maps";
import { listAttributeFields } from "@/lib/data/attribute-fields";
import { listSegments } from "@/lib/data/respondents";

// What the capture app keeps on the interviewer's device to work without a connection: the
// designs of the maps open for interviews and the respondents to pick from. The page that
// carries it is kept by the service worker; signing out removes it from the device.

/** At most this many respondents go to the device (the most recent first); others are found by search online. */
export const DEVICE_RESPONDENTS = 2000;

export type FieldMap = { id: string; name: string; description: string | null; journey: CaptureJourney; quota: QuotaProgress | null };

export type FieldCaptureData = {
  maps: FieldMap[];
  respondents: RespondentRow[];
  attributeFields: AttributeFieldView[];
  segments: string[];
};

export async function getFieldCaptureData(ctx: WorkspaceContext): Promise<FieldCaptureData> {
  const recordable = await listRecordableMaps(ctx);
  const mayManage = can(ctx.role, "respondent.manage");
  const [journeys, quota, attributeFields, segments, respondents] = await Promise.all([
    Promise.all(recordable.map((map) => getCaptureJourney(ctx, map.id))),
    getQuotaProgress(
      ctx,
      recordable.map((map) => map.id),
    ),
    mayManage ? listAttributeFields(ctx) : Promise.resolve([]),
    listSegments(ctx),
    // Codes and profiles only: no names or emails are put on a device.
    mayManage
      ? db.respondent.findMany({
          where: { workspaceId: ctx.workspaceId, archivedAt: null },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          take: DEVICE_RESPONDENTS,
          select: { id: true, code: true, lifecycleStage: true, valueTier: true, segment: true },
        })
      : Promise.resolve([]),
  ]);
  const maps: FieldMap[] = [];
  recordable.forEach((map, index) => {
    const journey = journeys[index];
    if (journey && journey.map.status === "ACTIVE" && journey.touchpoints.length > 0) {
      maps.push({ id: map.id, name: map.name, description: map.description, journey, quota: quota.get(map.id) ?? null });
    }
  });
  return {
    maps,
    attributeFields,
    segments,
    respondents: respondents.map((row) => ({
      ...row,
      archived: false,
      erased: false,
      attributes: [],
      interviews: 0,
      contact: null,
      contactHidden: null,
    })),
  };
}
