import { NextResponse } from "next/server";
import { jsonError, requireWorkspaceApi } from "@/lib/api";
import { getMapForAnalysis, getMatrix } from "@/lib/data/analysis";
import { AnalysisFilter, filterFieldErrors, parseCrosshairMode, searchParamsToRecord } from "@/lib/schemas/analysis-filter";

/** The matrix and fix list as JSON, under the same filter parameters as the page. */
export async function GET(request: Request, { params }: RouteContext<"/api/w/[workspaceId]/maps/[mapId]/matrix">) {
  const { workspaceId, mapId } = await params;
  const guard = await requireWorkspaceApi(workspaceId, "analysis.view");
  if (guard.response) return guard.response;
  const { crosshair, ...filterParams } = searchParamsToRecord(new URL(request.url).searchParams);
  const parsed = AnalysisFilter.safeParse(filterParams);
  if (!parsed.success) {
    return jsonError(400, "Some filter parameters are not valid.", filterFieldErrors(parsed.error));
  }
  if (crosshair !== undefined && crosshair !== "data" && crosshair !== "scale") {
    return jsonError(400, "crosshair must be data or scale.", { crosshair: ["Use data or scale."] });
  }
  const map = await getMapForAnalysis(guard.ctx, mapId);
  if (!map) return jsonError(404, "Not found.");
  const matrix = await getMatrix(guard.ctx, map, parsed.data, parseCrosshairMode(crosshair));
  return NextResponse.json(matrix);
}
