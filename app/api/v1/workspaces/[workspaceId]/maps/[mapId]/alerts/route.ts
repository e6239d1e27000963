import { apiV1Route, methodNotAllowed } from "@/lib/api";
import { UserError } from "@/lib/errors";
import { API_V1_OPERATIONS } from "@/lib/schemas/api-v1";
import { getMapForAnalysis } from "@/lib/data/analysis";
import { getChangeAlerts } from "@/lib/data/analysis-insight";
import { MAP_NOT_FOUND } from "@/lib/data/designer-core";

export const GET = apiV1Route(API_V1_OPERATIONS.getChangeAlerts, async (ctx, { params, query }) => {
  const map = await getMapForAnalysis(ctx, params.mapId!);
  if (!map) throw new UserError(MAP_NOT_FOUND, undefined, 404);
  return getChangeAlerts(ctx, map.id, query);
});

const unsupported = methodNotAllowed("GET");
export { unsupported as POST, unsupported as PUT, unsupported as PATCH, unsupported as DELETE };
