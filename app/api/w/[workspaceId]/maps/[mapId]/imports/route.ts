import { z } from "zod";
import { workspaceRoute, jsonError } from "@/lib/api";
import { importLimits, receiveImportUpload, tooLargeMessage } from "@/lib/data/imports";
import { text } from "@/lib/schemas/text";

// Uploads a CSV file for import: the body is the file itself, streamed to the import's folder.
export const POST = workspaceRoute({
  permission: "data.import",
  params: ["mapId"],
  schema: z.object({ name: text({ what: "the file name", max: 500, messages: { tooLong: "The file name is too long." } }).default("upload.csv") }),
  run: async (ctx, { name }, { request, params }) => {
    const declared = request.headers.get("content-length");
    if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > importLimits.maxBytes) return jsonError(413, tooLargeMessage());
    const { importId } = await receiveImportUpload(ctx, params.mapId, name, request.body);
    return Response.json({ importId }, { status: 201, headers: { "Cache-Control": "no-store" } });
  },
});
