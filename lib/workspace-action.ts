import "server-only";
import type { z } from "zod";
import type { ActionArgs, ActionResult } from "@/lib/action-result";
import type { Permission } from "@/lib/permissions";
import { serverAction } from "@/lib/server-action";
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
  /** The page a form goes on to after a success (see ServerActionSpec.redirectTo). */
  redirectTo?: (data: T, input: z.output<S>) => string;
};

/**
 * The body of every server action inside a workspace, in the one order that keeps it safe:
 * the guard first (signed out: to sign-in; not a member or the role lacks the permission: the
 * same not-found as a missing workspace, before the input is even read), then the schema,
 * then the work, then revalidation. Expected failures come back as a failed ActionResult;
 * anything else goes to the error boundary and the log.
 *
 * `args` are the action's own arguments after the workspace id: an input when code calls it,
 * or (previous state, FormData) when it is a form's action through useActionState, so
 * `useActionForm(createMapAction.bind(null, workspaceId), ...)` works before hydration too.
 */
export async function workspaceAction<S extends z.ZodType, T>(
  workspaceId: string,
  args: ActionArgs,
  { permission, run, ...spec }: WorkspaceActionSpec<S, T>,
): Promise<ActionResult<T>> {
  const ctx = await requireWorkspace(workspaceId, permission);
  return serverAction(args, { ...spec, run: (data) => run(ctx, data) });
}
