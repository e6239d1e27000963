"use server";

import { signupEnabled } from "@/lib/env";
import { runAction } from "@/lib/errors";
import { UserError } from "@/lib/errors";
import type { ActionResult } from "@/lib/action-result";
import { AcceptInvitationNewUserSchema, AcceptInvitationSignedInSchema, SignUpSchema } from "@/lib/schemas/auth";
import { createUserWithWorkspace } from "@/lib/data/users";
import { acceptInvitationAsNewUser, acceptInvitationAsUser } from "@/lib/data/members";
import { getSessionUser } from "@/lib/auth/session";

/** Creates the account and its first workspace; the form then signs in with the password. */
export async function signUpAction(input: unknown): Promise<ActionResult<{ workspaceId: string }>> {
  return runAction(SignUpSchema, input, async (data) => {
    if (!signupEnabled) throw new UserError("Sign-up is switched off here. Ask an admin for an invitation.", undefined, 403);
    const { workspaceId } = await createUserWithWorkspace(data);
    return { workspaceId };
  });
}

export async function acceptInvitationNewUserAction(input: unknown): Promise<ActionResult<{ workspaceId: string }>> {
  return runAction(AcceptInvitationNewUserSchema, input, async (data) => {
    const { workspaceId } = await acceptInvitationAsNewUser(data);
    return { workspaceId };
  });
}

export async function acceptInvitationAction(input: unknown): Promise<ActionResult<{ workspaceId: string }>> {
  return runAction(AcceptInvitationSignedInSchema, input, async (data) => {
    const user = await getSessionUser();
    if (!user) throw new UserError("Sign in first, then open the invitation link again.", undefined, 401);
    const { workspaceId } = await acceptInvitationAsUser(data.token, user);
    return { workspaceId };
  });
}
