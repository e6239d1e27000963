import { apiV1Route, methodNotAllowed } from "@/lib/api";
import { UserError } from "@/lib/errors";
import { API_V1_OPERATIONS } from "@/lib/schemas/api-v1";
import { getDesign } from "@/lib/data/designer";
import { MAP_NOT_FOUND } from "@/lib/data/designer-core";

export const GET = apiV1Route(API_V1_OPERATIONS.getMap, async (ctx, { params }) => {
  const design = await getDesign(ctx, params.mapId!);
  if (!design) throw new UserError(MAP_NOT_FOUND, undefined, 404);
  return {
    map: design.map,
    stages: design.stages,
    channels: design.channels,
    touchpoints: design.touchpoints.map(({ hasData: _hasData, ...touchpoint }) => touchpoint),
  };
});

const unsupported = methodNotAllowed("GET");
export { unsupported as POST, unsupported as PUT, unsupported as PATCH, unsupported as DELETE };
