import { apiV1Route, methodNotAllowed } from "@/lib/api";
import { UserError } from "@/lib/errors";
import { API_V1_OPERATIONS } from "@/lib/schemas/api-v1";
import { getMapForAnalysis, getMatrix } from "@/lib/data/analysis";
import { MAP_NOT_FOUND } from "@/lib/data/designer-core";
import { parseCrosshairMode } from "@/lib/schemas/analysis-filter";

export const GET = apiV1Route(API_V1_OPERATIONS.getMatrix, async (ctx, { params, query }) => {
  const map = await getMapForAnalysis(ctx, params.mapId!);
  if (!map) throw new UserError(MAP_NOT_FOUND, undefined, 404);
  return getMatrix(ctx, map, query, parseCrosshairMode(query.crosshair));
});

const unsupported = methodNotAllowed("GET");
export { unsupported as POST, unsupported as PUT, unsupported as PATCH, unsupported as DELETE };
