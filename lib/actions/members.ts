"use server";

import { revalidatePath } from "next/cache";
import type { ActionArgs, ActionResult } from "@/lib/action-result";
import { workspaceAction } from "@/lib/workspace-action";
import { ChangeRoleSchema, CreateInvitationSchema, RemoveMemberSchema, RevokeInvitationSchema } from "@/lib/schemas/auth";
import { changeMemberRole, createInvitation, removeMember, revokeInvitation } from "@/lib/data/members";
import type { Role } from "@/lib/permissions";

function revalidateMembers(workspaceId: string) {
  return () => revalidatePath(`/w/${workspaceId}/members`);
}

export async function changeMemberRoleAction(
  workspaceId: string,
  ...args: ActionArgs
): Promise<ActionResult<{ membershipId: string; role: Role }>> {
  return workspaceAction(workspaceId, args, {
    permission: "members.manage",
    schema: ChangeRoleSchema,
    run: changeMemberRole,
    revalidate: revalidateMembers(workspaceId),
  });
}

export async function removeMemberAction(workspaceId: string, ...args: ActionArgs): Promise<ActionResult<{ membershipId: string }>> {
  return workspaceAction(workspaceId, args, {
    permission: "members.manage",
    schema: RemoveMemberSchema,
    run: removeMember,
    revalidate: revalidateMembers(workspaceId),
  });
}

/** Returns the secret link once; only its hash is stored. */
export async function createInvitationAction(
  workspaceId: string,
  ...args: ActionArgs
): Promise<ActionResult<{ token: string; role: Role; email: string | null; expiresAt: string }>> {
  return workspaceAction(workspaceId, args, {
    permission: "members.manage",
    schema: CreateInvitationSchema,
    run: async (ctx, data) => {
      const invitation = await createInvitation(ctx, data);
      return {
        token: invitation.token,
        role: invitation.role,
        email: invitation.email,
        expiresAt: invitation.expiresAt.toISOString(),
      };
    },
    revalidate: revalidateMembers(workspaceId),
  });
}

export async function revokeInvitationAction(workspaceId: string, ...args: ActionArgs): Promise<ActionResult<{ invitationId: string }>> {
  return workspaceAction(workspaceId, args, {
    permission: "members.manage",
    schema: RevokeInvitationSchema,
    run: (ctx, data) => revokeInvitation(ctx, data.invitationId),
    revalidate: revalidateMembers(workspaceId),
  });
}
