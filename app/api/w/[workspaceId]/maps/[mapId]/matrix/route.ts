import { workspaceRoute } from "@/lib/api";
import { UserError } from "@/lib/errors";
import { getMapForAnalysis, getMatrix } from "@/lib/data/analysis";
import { AnalysisFilter, filterFieldErrors, parseCrosshairMode } from "@/lib/schemas/analysis-filter";

/** The matrix and fix list as JSON, under the same filter parameters as the page. */
export const GET = workspaceRoute({
  permission: "analysis.view",
  params: ["mapId"],
  schema: AnalysisFilter,
  invalid: "Some filter parameters are not valid.",
  fieldErrors: filterFieldErrors,
  run: async (ctx, filter, { params, input }) => {
    const { crosshair } = input as { crosshair?: unknown };
    if (crosshair !== undefined && crosshair !== "data" && crosshair !== "scale") {
      throw new UserError("crosshair must be data or scale.", { crosshair: ["Use data or scale."] });
    }
    const map = await getMapForAnalysis(ctx, params.mapId);
    if (!map) throw new UserError("Not found.", undefined, 404);
    return getMatrix(ctx, map, filter, parseCrosshairMode(crosshair));
  },
});
