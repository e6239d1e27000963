import "server-only";
import type { z } from "zod";
import { runAction } from "@/lib/errors";
import type { ActionResult } from "@/lib/action-result";
import type { Permission } from "@/lib/permissions";
import { requireWorkspace, type WorkspaceContext } from "@/lib/workspace";

export type WorkspaceActionSpec<S extends z.ZodType, T> = {
  /** What the caller's role must allow in this workspace. */
  permission: Permission;
  /** The input's schema: its issues come back as field errors. */
  schema: S;
  /** The work, on the guard's context and the parsed input; a UserError it throws becomes a failed result. */
  run: (ctx: WorkspaceContext, data: z.output<S>) => Promise<T>;
  /** Re-renders the pages that show what changed; called only after a success. */
  revalidate?: (data: T, input: z.output<S>) => void;
};

/**
 * The body of every server action inside a workspace, in the one order that keeps it safe:
 * the guard first (signed out: to sign-in; not a member or the role lacks the permission: the
 * same not-found as a missing workspace, before the input is even read), then the schema,
 * then the work, then revalidation. Expected failures come back as a failed ActionResult;
 * anything else goes to the error boundary and the log.
 */
export async function workspaceAction<S extends z.ZodType, T>(
  workspaceId: string,
  input: unknown,
  { permission, schema, run, revalidate }: WorkspaceActionSpec<S, T>,
): Promise<ActionResult<T>> {
  const ctx = await requireWorkspace(workspaceId, permission);
  return runAction(schema, input, async (data) => {
    const result = await run(ctx, data);
    revalidate?.(result, data);
    return result;
  });
}
