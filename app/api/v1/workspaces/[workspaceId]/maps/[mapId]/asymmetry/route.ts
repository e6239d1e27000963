import { apiV1Route, methodNotAllowed } from "@/lib/api";
import { UserError } from "@/lib/errors";
import { API_V1_OPERATIONS } from "@/lib/schemas/api-v1";
import { getMapForAnalysis, getMatrix } from "@/lib/data/analysis";
import { MAP_NOT_FOUND } from "@/lib/data/designer-core";

export const GET = apiV1Route(API_V1_OPERATIONS.getAsymmetry, async (ctx, { params, query }) => {
  const map = await getMapForAnalysis(ctx, params.mapId!);
  if (!map) throw new UserError(MAP_NOT_FOUND, undefined, 404);
  const matrix = await getMatrix(ctx, map, query, "data");
  return {
    interviews: matrix.interviews,
    observations: matrix.observations,
    theta: map.asymmetryThreshold,
    minSample: map.minSample,
    touchpoints: matrix.points.map((point) => ({
      touchpointId: point.id,
      name: point.name,
      stageName: point.stageName,
      channelName: point.channelName,
      momentOfTruth: point.momentOfTruth,
      n: point.n,
      ...point.asymmetry,
    })),
  };
});

const unsupported = methodNotAllowed("GET");
export { unsupported as POST, unsupported as PUT, unsupported as PATCH, unsupported as DELETE };
