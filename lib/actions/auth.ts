"use server";

import { signupEnabled } from "@/lib/env";
import { UserError } from "@/lib/errors";
import type { ActionArgs, ActionResult } from "@/lib/action-result";
import { serverAction } from "@/lib/server-action";
import {
  AcceptInvitationNewUserSchema,
  AcceptInvitationSignedInSchema,
  SignInFormSchema,
  SignUpSchema,
} from "@/lib/schemas/auth";
import { authenticate, createUserWithWorkspace } from "@/lib/data/users";
import { acceptInvitationAsNewUser, acceptInvitationAsUser } from "@/lib/data/members";
import { getSessionUser, startSession } from "@/lib/auth/session";

// The public forms sign in on the server (startSession) and go on with a redirect, so they
// work before the page's JavaScript has loaded: no client-side next-auth call is needed.

/** Checks the credentials (with the failed-attempt limit) and signs in; a form goes on to its callback page. */
export async function signInAction(...args: ActionArgs): Promise<ActionResult<{ next: string }>> {
  return serverAction(args, {
    schema: SignInFormSchema,
    run: async ({ email, password, callbackUrl }) => {
      await startSession(await authenticate(email, password));
      return { next: callbackUrl };
    },
    redirectTo: ({ next }) => next,
  });
}

/** Creates the account and its first workspace and signs the new user in. */
export async function signUpAction(...args: ActionArgs): Promise<ActionResult<{ workspaceId: string }>> {
  return serverAction(args, {
    schema: SignUpSchema,
    run: async (data) => {
      if (!signupEnabled) throw new UserError("Sign-up is switched off here. Ask an admin for an invitation.", undefined, 403);
      const { user, workspaceId } = await createUserWithWorkspace(data);
      await startSession(user);
      return { workspaceId };
    },
    redirectTo: ({ workspaceId }) => `/w/${workspaceId}`,
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
