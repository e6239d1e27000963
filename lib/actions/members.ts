"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction } from "@/lib/errors";
import type { ActionResult } from "@/lib/action-result";
import { requireWorkspace } from "@/lib/workspace";
import { ChangeRoleSchema, CreateInvitationSchema, RemoveMemberSchema } from "@/lib/schemas/auth";
import { changeMemberRole, createInvitation, removeMember, revokeInvitation } from "@/lib/data/members";
import type { Role } from "@/lib/permissions";

const RevokeInvitationSchema = z.object({ invitationId: z.string().min(1).max(64) });

function membersPath(workspaceId: string) {
  return `/w/${workspaceId}/members`;
}

export async function changeMemberRoleAction(
  workspaceId: string,
  input: unknown,
): Promise<ActionResult<{ membershipId: string; role: Role }>> {
  const ctx = await requireWorkspace(workspaceId, "members.manage");
  const result = await runAction(ChangeRoleSchema, input, (data) => changeMemberRole(ctx, data));
  if (result.ok) revalidatePath(membersPath(workspaceId));
  return result;
}

export async function removeMemberAction(workspaceId: string, input: unknown): Promise<ActionResult<{ membershipId: string }>> {
  const ctx = await requireWorkspace(workspaceId, "members.manage");
  const result = await runAction(RemoveMemberSchema, input, (data) => removeMember(ctx, data));
  if (result.ok) revalidatePath(membersPath(workspaceId));
  return result;
}

/** Returns the secret link once; only its hash is stored. */
export async function createInvitationAction(
  workspaceId: string,
  input: unknown,
): Promise<ActionResult<{ token: string; role: Role; email: string | null; expiresAt: string }>> {
  const ctx = await requireWorkspace(workspaceId, "members.manage");
  const result = await runAction(CreateInvitationSchema, input, async (data) => {
    const invitation = await createInvitation(ctx, data);
    return {
      token: invitation.token,
      role: invitation.role,
      email: invitation.email,
      expiresAt: invitation.expiresAt.toISOString(),
    };
  });
  if (result.ok) revalidatePath(membersPath(workspaceId));
  return result;
}

export async function revokeInvitationAction(workspaceId: string, input: unknown): Promise<ActionResult<{ invitationId: string }>> {
  const ctx = await requireWorkspace(workspaceId, "members.manage");
  const result = await runAction(RevokeInvitationSchema, input, (data) => revokeInvitation(ctx, data.invitationId));
  if (result.ok) revalidatePath(membersPath(workspaceId));
  return result;
}
