"use server";

import { revalidatePath } from "next/cache";
import type { ActionArgs, ActionResult } from "@/lib/action-result";
import { serverAction } from "@/lib/server-action";
import { ChangePasswordSchema, EndSessionSchema } from "@/lib/schemas/auth";
import { UserError } from "@/lib/errors";
import { changePassword } from "@/lib/data/users";
import { endSession } from "@/lib/data/sessions";
import { clearSessionCookie, requestClientAddress, startSession } from "@/lib/auth/session";
import { requireSession } from "@/lib/workspace";

// The signed-in person's own account. Each action checks the session first (an ended one goes
// to sign in), and acts only on that user's own rows.

/**
 * Changes the password and ends every session of the user, this one too, then signs this
 * browser in again with a new session: a copy of the old cookie is worth nothing afterwards.
 */
export async function changePasswordAction(...args: ActionArgs): Promise<ActionResult<{ endedSessions: number }>> {
  const { user } = await requireSession();
  return serverAction(args, {
    schema: ChangePasswordSchema,
    run: async (data) => {
      const changed = await changePassword(user.id, data, await requestClientAddress());
      await startSession(changed.user);
      return { endedSessions: changed.endedSessions };
    },
    revalidate: () => revalidatePath("/account"),
  });
}

/** Ends one of the user's sessions (another device's, or this one's). */
export async function endSessionAction(...args: ActionArgs): Promise<ActionResult<{ sessionId: string; next: string }>> {
  const { user, session } = await requireSession();
  return serverAction(args, {
    schema: EndSessionSchema,
    run: async ({ sessionId }) => {
      if (!(await endSession(user.id, sessionId))) throw new UserError("That session has already ended.", undefined, 404);
      const current = sessionId === session.sessionId;
      if (current) await clearSessionCookie();
      return { sessionId, next: current ? "/sign-in" : "/account" };
    },
    revalidate: () => revalidatePath("/account"),
    redirectTo: ({ next }) => next,
  });
}
