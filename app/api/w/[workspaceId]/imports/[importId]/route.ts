import { z } from "zod";
import { workspaceRoute } from "@/lib/api";
import { UserError } from "@/lib/errors";
import { getImport, IMPORT_NOT_FOUND } from "@/lib/data/imports";
import { kickImportWorker } from "@/lib/data/import-run";

// An import's progress, polled by its page: rows read, rows per second, time left, outcome.
export const GET = workspaceRoute({
  permission: "data.import",
  params: ["importId"],
  schema: z.object({}),
  run: async (ctx, _data, { params }) => {
    const view = await getImport(ctx, params.importId);
    if (!view) throw new UserError(IMPORT_NOT_FOUND, undefined, 404);
    // A queued job waits for a worker: asking about it starts one in this process if none runs.
    if (view.status === "QUEUED") kickImportWorker();
    return view;
  },
});
