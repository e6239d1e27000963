import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { z } from "zod";
import { workspaceRoute } from "@/lib/api";
import { UserError } from "@/lib/errors";
import { getImport, IMPORT_NOT_FOUND, reportPath } from "@/lib/data/imports";

// The report of an import's bad rows (line, column, reason) as a CSV download, streamed.
export const GET = workspaceRoute({
  permission: "data.import",
  params: ["importId"],
  schema: z.object({}),
  run: async (ctx, _data, { params }) => {
    const view = await getImport(ctx, params.importId);
    if (!view) throw new UserError(IMPORT_NOT_FOUND, undefined, 404);
    const file = reportPath(ctx.workspaceId, view.id);
    try {
      await stat(file);
    } catch {
      throw new UserError("This import has no bad rows to report.", undefined, 404);
    }
    const name = `${view.fileName.replace(/\.[^.]*$/, "").replace(/[^A-Za-z0-9._-]+/g, "-") || "import"}-bad-rows.csv`;
    return new Response(Readable.toWeb(createReadStream(file)) as ReadableStream, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${name}"`,
        "Cache-Control": "no-store",
      },
    });
  },
});
