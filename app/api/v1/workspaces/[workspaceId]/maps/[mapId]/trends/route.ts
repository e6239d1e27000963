import { apiV1Route, methodNotAllowed } from "@/lib/api";
import { UserError } from "@/lib/errors";
import { API_V1_OPERATIONS } from "@/lib/schemas/api-v1";
import { getMapForAnalysis, listTouchpointRows } from "@/lib/data/analysis";
import { getTrends } from "@/lib/data/analysis-trends";
import { MAP_NOT_FOUND } from "@/lib/data/designer-core";

export const GET = apiV1Route(API_V1_OPERATIONS.getTrends, async (ctx, { params, query }) => {
  const map = await getMapForAnalysis(ctx, params.mapId!);
  if (!map) throw new UserError(MAP_NOT_FOUND, undefined, 404);
  const { by, touchpoint: touchpointId, ...filter } = query;
  const row = touchpointId ? (await listTouchpointRows(ctx, map.id)).find((item) => item.id === touchpointId) : undefined;
  if (touchpointId && !row) throw new UserError("That touchpoint was not found on this map.", undefined, 404);
  const trends = await getTrends(ctx, map, filter, by ?? "week");
  // A touchpoint the filter's stage, channel or moment-of-truth choice leaves out has no buckets.
  const followed = row
    ? (trends.touchpoints.find((item) => item.id === row.id) ??
      { id: row.id, name: row.name, stageName: row.stageName, channelName: row.channelName, momentOfTruth: row.momentOfTruth, points: [], n: 0 })
    : null;
  return { bucket: trends.bucket, interviews: trends.interviews, map: trends.map, touchpoint: followed };
});

const unsupported = methodNotAllowed("GET");
export { unsupported as POST, unsupported as PUT, unsupported as PATCH, unsupported as DELETE };
