"use server";

import { signupEnabled } from "@/lib/env";
import { UserError } from "@/lib/errors";
import type { ActionArgs, ActionResult } from "@/lib/action-result";
import { serverAction } from "@/lib/server-action";
import {
  AcceptInvitationNewUserSchema,
  AcceptInvitationSignedInSchema,
  NoInputSchema,
  SignInFormSchema,
  SignUpSchema,
} from "@/lib/schemas/auth";
import { authenticate, createUserWithWorkspace } from "@/lib/data/users";
import { acceptInvitationAsNewUser, acceptInvitationAsUser } from "@/lib/data/members";
import { endAllSessions } from "@/lib/data/sessions";
import { clearSessionCookie, endCurrentSession, getSessionRef, getSessionUser, requestClientAddress, startSession } from "@/lib/auth/session";

// The public forms sign in on the server (startSession) and go on with a redirect, so they
// work before the page's JavaScript has loaded: no client-side next-auth call is needed.

/** Where sign-up sends everyone, whether the email was new or not (see signUpAction). */
const AFTER_SIGN_UP = "/sign-in?from=sign-up";

/** Checks the credentials (with the failed-attempt limits) and signs in; a form goes on to its callback page. */
export async function signInAction(...args: ActionArgs): Promise<ActionResult<{ next: string }>> {
  return serverAction(args, {
    schema: SignInFormSchema,
    run: async ({ email, password, callbackUrl }) => {
      await startSession(await authenticate(email, password, await requestClientAddress()));
      return { next: callbackUrl };
    },
    redirectTo: ({ next }) => next,
  });
}

/**
 * Creates the account and its first workspace, then sends the person to sign in. An email that
 * already has an account gets the very same answer and changes nothing, so sign-up never tells
 * whether an email has an account (there is no email to send the owner instead).
 */
export async function signUpAction(...args: ActionArgs): Promise<ActionResult<{ next: string }>> {
  return serverAction(args, {
    schema: SignUpSchema,
    run: async (data) => {
      if (!signupEnabled) throw new UserError("Sign-up is switched off here. Ask an admin for an invitation.", undefined, 403);
      await createUserWithWorkspace(data);
      return { next: AFTER_SIGN_UP };
    },
    redirectTo: ({ next }) => next,
  });
}

/** A new person accepts an invitation: their account, the membership, and a session. */
export async function acceptInvitationNewUserAction(...args: ActionArgs): Promise<ActionResult<{ workspaceId: string }>> {
  return serverAction(args, {
    schema: AcceptInvitationNewUserSchema,
    run: async (data) => {
      const { userId, workspaceId } = await acceptInvitationAsNewUser(data);
      await startSession({ id: userId, email: data.email, name: data.name });
      return { workspaceId };
    },
    redirectTo: ({ workspaceId }) => `/w/${workspaceId}`,
  });
}

export async function acceptInvitationAction(...args: ActionArgs): Promise<ActionResult<{ workspaceId: string }>> {
  return serverAction(args, {
    schema: AcceptInvitationSignedInSchema,
    run: async (data) => {
      const user = await getSessionUser();
      if (!user) throw new UserError("Sign in first, then open the invitation link again.", undefined, 401);
      const { workspaceId } = await acceptInvitationAsUser(data.token, user);
      return { workspaceId };
    },
    redirectTo: ({ workspaceId }) => `/w/${workspaceId}`,
  });
}

/** Signs out: this browser's session ends on the server, not only its cookie. */
export async function signOutAction(...args: ActionArgs): Promise<ActionResult<{ next: string }>> {
  return serverAction(args, {
    schema: NoInputSchema,
    run: async () => {
      await endCurrentSession();
      return { next: "/sign-in" };
    },
    redirectTo: ({ next }) => next,
  });
}

/** Ends every session of the signed-in user, on every device, this one included. */
export async function signOutEverywhereAction(...args: ActionArgs): Promise<ActionResult<{ next: string; ended: number }>> {
  return serverAction(args, {
    schema: NoInputSchema,
    run: async () => {
      // Only a live session may end the others: a replayed, ended one just loses its cookie.
      const ref = await getSessionRef();
      const user = ref ? await getSessionUser() : null;
      const ended = user ? await endAllSessions(user.id) : 0;
      await clearSessionCookie();
      return { next: "/sign-in", ended };
    },
    redirectTo: ({ next }) => next,
  });
}
