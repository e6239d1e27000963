import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { UserError } from "@/lib/errors";
import type { Role } from "@/lib/permissions";
import type { WorkspaceContext } from "@/lib/workspace";
import type { Tx } from "@/lib/db-errors";
import { recordAudit } from "@/lib/data/audit";
import type {
  AcceptInvitationNewUserSchema,
  ChangeRoleSchema,
  CreateInvitationSchema,
  RemoveMemberSchema,
} from "@/lib/schemas/auth";

export const INVITATION_INVALID =
  "This invitation link is not valid: it may have expired, been used already or been revoked. Ask an admin of the workspace for a new one.";

const LAST_ADMIN = "A workspace needs at least one admin. Make someone else an admin first.";

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function listMembers(ctx: WorkspaceContext) {
  const rows = await db.membership.findMany({
    where: { workspaceId: ctx.workspaceId, removedAt: null },
    orderBy: [{ user: { name: "asc" } }],
    select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
  });
  return rows.map((row) => ({
    membershipId: row.id,
    userId: row.user.id,
    name: row.user.name,
    email: row.user.email,
    role: row.role,
    joinedAt: row.createdAt,
  }));
}

/**
 * Locks the workspace's admin memberships for the rest of the transaction, so that two
 * concurrent demotions cannot both see "another admin remains".
 */
async function lockAdminCount(tx: Tx, workspaceId: string): Promise<number> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM memberships
    WHERE workspace_id = ${workspaceId} AND role = 'ADMIN' AND removed_at IS NULL
    FOR UPDATE`;
  return rows.length;
}

async function findMembership(tx: Tx, ctx: WorkspaceContext, membershipId: string) {
  const membership = await tx.membership.findFirst({
    where: { id: membershipId, workspaceId: ctx.workspaceId, removedAt: null },
    select: { id: true, role: true, userId: true },
  });
  if (!membership) throw new UserError("That member was not found in this workspace.", undefined, 404);
  return membership;
}

export async function changeMemberRole(ctx: WorkspaceContext, input: ChangeRoleSchema) {
  return db.$transaction(async (tx) => {
    const admins = await lockAdminCount(tx, ctx.workspaceId);
    const membership = await findMembership(tx, ctx, input.membershipId);
    if (membership.role === input.role) return { membershipId: membership.id, role: membership.role };
    if (membership.role === "ADMIN" && admins <= 1) throw new UserError(LAST_ADMIN);
    await tx.membership.update({ where: { id: membership.id }, data: { role: input.role } });
    await recordAudit(tx, ctx, {
      action: "member.role_change",
      entityType: "Membership",
      entityId: membership.id,
      before: { role: membership.role },
      after: { role: input.role },
    });
    return { membershipId: membership.id, role: input.role };
  });
}

/** Removing keeps the row (marked removed), so their interviews keep their interviewer. */
export async function removeMember(ctx: WorkspaceContext, input: RemoveMemberSchema) {
  return db.$transaction(async (tx) => {
    const admins = await lockAdminCount(tx, ctx.workspaceId);
    const membership = await findMembership(tx, ctx, input.membershipId);
    if (membership.role === "ADMIN" && admins <= 1) throw new UserError(LAST_ADMIN);
    await tx.membership.update({ where: { id: membership.id }, data: { removedAt: new Date() } });
    await recordAudit(tx, ctx, {
      action: "member.remove",
      entityType: "Membership",
      entityId: membership.id,
      before: { userId: membership.userId, role: membership.role },
    });
    return { membershipId: membership.id };
  });
}

export async function createInvitation(ctx: WorkspaceContext, input: CreateInvitationSchema, now = new Date()) {
  const token = randomBytes(32).toString("base64url");
  const invitation = await db.$transaction(async (tx) => {
    const created = await tx.invitation.create({
      data: {
        workspaceId: ctx.workspaceId,
        email: input.email ?? null,
        role: input.role,
        tokenHash: hashToken(token),
        expiresAt: new Date(now.getTime() + input.expiresInDays * 24 * 60 * 60 * 1000),
        createdById: ctx.userId,
      },
      select: { id: true, email: true, role: true, expiresAt: true },
    });
    await recordAudit(tx, ctx, {
      action: "invitation.create",
      entityType: "Invitation",
      entityId: created.id,
      after: { email: created.email, role: created.role, expiresAt: created.expiresAt.toISOString() },
    });
    return created;
  });
  return { ...invitation, token };
}

export async function listInvitations(ctx: WorkspaceContext, now = new Date()) {
  const rows = await db.invitation.findMany({
    where: { workspaceId: ctx.workspaceId },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: {
      id: true,
      email: true,
      role: true,
      expiresAt: true,
      createdAt: true,
      acceptedAt: true,
      revokedAt: true,
      createdBy: { select: { name: true } },
      acceptedBy: { select: { name: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    role: row.role,
    expiresAt: row.expiresAt,
    createdAt: row.createdAt,
    createdBy: row.createdBy.name,
    acceptedBy: row.acceptedBy?.name ?? null,
    status: row.acceptedAt
      ? ("ACCEPTED" as const)
      : row.revokedAt
        ? ("REVOKED" as const)
        : row.expiresAt <= now
          ? ("EXPIRED" as const)
          : ("PENDING" as const),
  }));
}

export async function revokeInvitation(ctx: WorkspaceContext, invitationId: string) {
  return db.$transaction(async (tx) => {
    const result = await tx.invitation.updateMany({
      where: { id: invitationId, workspaceId: ctx.workspaceId, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (result.count === 0) throw new UserError("That invitation is not pending any more.", undefined, 404);
    await recordAudit(tx, ctx, { action: "invitation.revoke", entityType: "Invitation", entityId: invitationId });
    return { invitationId };
  });
}

/** What the invitation page shows before accepting; null when the link cannot be used. */
export async function getInvitationPreview(token: string, now = new Date()) {
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      workspace: { select: { name: true, archivedAt: true } },
      createdBy: { select: { name: true } },
    },
  });
  if (
    !invitation ||
    invitation.acceptedAt ||
    invitation.revokedAt ||
    invitation.expiresAt <= now ||
    invitation.workspace.archivedAt
  ) {
    return null;
  }
  return {
    workspaceName: invitation.workspace.name,
    role: invitation.role as Role,
    email: invitation.email,
    invitedBy: invitation.createdBy.name,
    expiresAt: invitation.expiresAt,
  };
}

/**
 * Consumes the invitation atomically: of two concurrent accepts, one wins. Runs inside the
 * caller's transaction together with the membership it grants.
 */
async function claimInvitation(tx: Tx, token: string, userId: string, now: Date) {
  const rows = await tx.$queryRaw<{ id: string; workspace_id: string; role: Role; email: string | null }[]>`
    UPDATE invitations SET accepted_at = ${now}, accepted_by_id = ${userId}
    WHERE token_hash = ${hashToken(token)} AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > ${now}
      AND EXISTS (SELECT 1 FROM workspaces w WHERE w.id = invitations.workspace_id AND w.archived_at IS NULL)
    RETURNING id, workspace_id, role::text AS role, email`;
  const invitation = rows[0];
  if (!invitation) throw new UserError(INVITATION_INVALID, undefined, 410);
  return invitation;
}

async function joinWorkspace(
  tx: Tx,
  invitation: { id: string; workspace_id: string; role: Role },
  userId: string,
) {
  const existing = await tx.membership.findUnique({
    where: { workspaceId_userId: { workspaceId: invitation.workspace_id, userId } },
    select: { id: true, removedAt: true },
  });
  if (existing && !existing.removedAt) {
    throw new UserError("You are already a member of this workspace.", undefined, 409);
  }
  const membership = existing
    ? await tx.membership.update({
        where: { id: existing.id },
        data: { removedAt: null, role: invitation.role },
        select: { id: true },
      })
    : await tx.membership.create({
        data: { workspaceId: invitation.workspace_id, userId, role: invitation.role },
        select: { id: true },
      });
  await recordAudit(
    tx,
    { workspaceId: invitation.workspace_id, userId },
    {
      action: "invitation.accept",
      entityType: "Membership",
      entityId: membership.id,
      after: { invitationId: invitation.id, role: invitation.role },
    },
  );
  return { workspaceId: invitation.workspace_id, membershipId: membership.id };
}

/** An existing, signed-in user joins with the link. */
export async function acceptInvitationAsUser(token: string, user: { id: string; email: string }, now = new Date()) {
  return db.$transaction(async (tx) => {
    const invitation = await claimInvitation(tx, token, user.id, now);
    if (invitation.email && invitation.email !== user.email) {
      throw new UserError(
        `This invitation is for ${invitation.email}. Sign in with that account, or ask for a new link.`,
        undefined,
        403,
      );
    }
    return joinWorkspace(tx, invitation, user.id);
  });
}

/**
 * A new person accepts: the account and the membership are created together. The invitation is
 * checked (and locked) first, so a link that cannot be used says only that, whatever the email:
 * guessing links tells nothing about which emails have accounts.
 */
export async function acceptInvitationAsNewUser(input: AcceptInvitationNewUserSchema, now = new Date()) {
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const usable = await tx.$queryRaw<{ id: string; email: string | null }[]>`
      SELECT i.id, i.email FROM invitations i JOIN workspaces w ON w.id = i.workspace_id AND w.archived_at IS NULL
      WHERE i.token_hash = ${hashToken(input.token)} AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > ${now}
      FOR UPDATE OF i`;
    if (usable.length === 0) throw new UserError(INVITATION_INVALID, undefined, 410);
    // A link for one address is checked against it before anything is said about accounts.
    const boundTo = usable[0]!.email;
    if (boundTo && boundTo !== input.email) {
      throw new UserError(`This invitation is for ${boundTo}. Use that email address.`, {
        email: [`This invitation is for ${boundTo}. Use that email address.`],
      });
    }
    const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
    if (existing) {
      throw new UserError("An account with this email already exists. Sign in to accept the invitation.", {
        email: ["An account with this email already exists. Sign in to accept the invitation."],
      });
    }
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, passwordHash },
      select: { id: true, email: true },
    });
    const invitation = await claimInvitation(tx, input.token, user.id, now);
    return { userId: user.id, ...(await joinWorkspace(tx, invitation, user.id)) };
  });
}
