import { workspaceRoute } from "@/lib/api";
import { UserError } from "@/lib/errors";
import { AnalysisFilter, filterFieldErrors, parseCrosshairMode } from "@/lib/schemas/analysis-filter";
import {
  EXPORT_KINDS,
  exportMatrix,
  fixListCsv,
  getExportSubject,
  matrixCsv,
  matrixJson,
  streamObservationsCsv,
  streamObservationsJson,
  streamObservationsWideCsv,
  type ExportKind,
  type ExportSubject,
} from "@/lib/data/export";

const CSV = "text/csv; charset=utf-8";
const JSON_TYPE = "application/json; charset=utf-8";

/** A download's name: the map's name in plain letters, what it holds and today's date. */
function fileName(subject: ExportSubject, kind: ExportKind): string {
  const slug = subject.map.name.normalize("NFKD").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-+|-+$/g, "").toLowerCase().slice(0, 60) || "map";
  const [base, extension] = kind.split(".") as [string, string];
  return `${slug}-${base}-${new Date().toISOString().slice(0, 10)}.${extension}`;
}

function download(body: ReadableStream<Uint8Array> | string, type: string, name: string): Response {
  return new Response(body, {
    headers: {
      "Content-Type": type,
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/**
 * A map's exports under the matrix's filter parameters: the observations (long CSV, wide CSV,
 * JSON), the fix list (CSV) and the matrix figures (CSV, JSON). Observations are streamed.
 */
export const GET = workspaceRoute({
  permission: "data.export",
  params: ["mapId", "kind"],
  schema: AnalysisFilter,
  invalid: "Some filter parameters are not valid.",
  fieldErrors: filterFieldErrors,
  run: async (ctx, filter, { params, input }) => {
    const kind = EXPORT_KINDS.find((k) => k === params.kind);
    if (!kind) throw new UserError("Not found.", undefined, 404);
    const { crosshair } = input as { crosshair?: unknown };
    if (crosshair !== undefined && crosshair !== "data" && crosshair !== "scale") {
      throw new UserError("crosshair must be data or scale.", { crosshair: ["Use data or scale."] });
    }
    const subject = await getExportSubject(ctx, params.mapId, filter);
    if (!subject) throw new UserError("Not found.", undefined, 404);
    const name = fileName(subject, kind);
    switch (kind) {
      case "observations.csv":
        return download(await streamObservationsCsv(ctx, subject), CSV, name);
      case "observations-wide.csv":
        return download(await streamObservationsWideCsv(ctx, subject), CSV, name);
      case "observations.json":
        return download(await streamObservationsJson(ctx, subject), JSON_TYPE, name);
      default: {
        const matrix = await exportMatrix(ctx, subject, parseCrosshairMode(crosshair));
        if (kind === "fix-list.csv") return download(fixListCsv(subject, matrix), CSV, name);
        if (kind === "matrix.csv") return download(matrixCsv(subject, matrix), CSV, name);
        return download(matrixJson(subject, matrix), JSON_TYPE, name);
      }
    }
  },
});
