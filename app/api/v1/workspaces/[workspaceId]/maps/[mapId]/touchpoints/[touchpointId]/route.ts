import { apiV1Route, methodNotAllowed } from "@/lib/api";
import { UserError } from "@/lib/errors";
import { API_V1_OPERATIONS } from "@/lib/schemas/api-v1";
import { getMapForAnalysis, getTouchpointDetail } from "@/lib/data/analysis";

export const GET = apiV1Route(API_V1_OPERATIONS.getTouchpointFigures, async (ctx, { params, query }) => {
  const map = await getMapForAnalysis(ctx, params.mapId!);
  const detail = map ? await getTouchpointDetail(ctx, map.id, params.touchpointId!, query) : null;
  if (!detail) throw new UserError("That touchpoint was not found on this map.", undefined, 404);
  return detail;
});

const unsupported = methodNotAllowed("GET");
export { unsupported as POST, unsupported as PUT, unsupported as PATCH, unsupported as DELETE };
