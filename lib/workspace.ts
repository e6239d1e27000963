import "server-only";
import { notFound, redirect } from "next/navigation";
import { db } from "@/lib/db";
import { getSessionUser } from "@/lib/auth/session";
import { can, type Permission, type Role } from "@/lib/permissions";

/** Who is acting, in which workspace, with which role. Every data function takes it first. */
export type WorkspaceContext = {
  workspaceId: string;
  workspaceName: string;
  userId: string;
  userName: string;
  userEmail: string;
  role: Role;
};

/**
 * The access decision itself, without the request: the user's current membership of the
 * workspace, if it grants the permission. Null for "no such workspace", "not a member",
 * "removed" and "role lacks the permission" alike.
 */
export async function resolveWorkspaceAccess(
  userId: string,
  workspaceId: string,
  permission: Permission,
): Promise<WorkspaceContext | null> {
  if (typeof workspaceId !== "string" || workspaceId.length === 0 || workspaceId.length > 64) return null;
  const membership = await db.membership.findFirst({
    where: { workspaceId, userId, removedAt: null, workspace: { archivedAt: null } },
    select: {
      role: true,
      workspace: { select: { id: true, name: true } },
      user: { select: { id: true, name: true, email: true } },
    },
  });
  if (!membership || !can(membership.role, permission)) return null;
  return {
    workspaceId: membership.workspace.id,
    workspaceName: membership.workspace.name,
    userId: membership.user.id,
    userName: membership.user.name,
    userEmail: membership.user.email,
    role: membership.role,
  };
}

/**
 * The one guard of every page, server action and route handler inside a workspace.
 * Not signed in: to the sign-in page. Not a member, or the role lacks the permission:
 * the same not-found answer as a workspace that does not exist.
 */
export async function requireWorkspace(workspaceId: string, permission: Permission): Promise<WorkspaceContext> {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  const ctx = await resolveWorkspaceAccess(user.id, workspaceId, permission);
  if (!ctx) notFound();
  return ctx;
}

/** For pages outside a workspace that need a signed-in user. */
export async function requireUser() {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  return user;
}
