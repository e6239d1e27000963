"use server";

import { revalidatePath } from "next/cache";
import { after } from "next/server";
import type { ActionArgs, ActionResult } from "@/lib/action-result";
import { workspaceAction } from "@/lib/workspace-action";
import { foldAnalysisDeltas } from "@/lib/data/analysis-fold";
import { cancelImport, startImport, undoImport } from "@/lib/data/imports";
import { kickImportWorker } from "@/lib/data/import-run";
import { ImportIdSchema, StartImportSchema } from "@/lib/schemas/import";

/** Starts an uploaded import with its mapping; the worker runs it whether or not the page stays open. */
export async function startImportAction(workspaceId: string, ...args: ActionArgs): Promise<ActionResult<{ importId: string }>> {
  return workspaceAction(workspaceId, args, {
    permission: "data.import",
    schema: StartImportSchema,
    run: async (ctx, data) => {
      const result = await startImport(ctx, data);
      kickImportWorker();
      return result;
    },
  });
}

/** Stops a queued or running import; nothing of it is written. */
export async function cancelImportAction(workspaceId: string, ...args: ActionArgs): Promise<ActionResult<{ importId: string }>> {
  return workspaceAction(workspaceId, args, {
    permission: "data.import",
    schema: ImportIdSchema,
    run: (ctx, { importId }) => cancelImport(ctx, importId),
  });
}

/** Undoes an import within 24 hours: voids the interviews it added. */
export async function undoImportAction(
  workspaceId: string,
  ...args: ActionArgs
): Promise<ActionResult<{ importId: string; interviewsVoided: number }>> {
  return workspaceAction(workspaceId, args, {
    permission: "data.import",
    schema: ImportIdSchema,
    run: (ctx, { importId }) => undoImport(ctx, importId),
    revalidate: () => {
      after(() => foldAnalysisDeltas());
      revalidatePath(`/w/${workspaceId}`, "layout");
    },
  });
}
