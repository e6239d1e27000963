import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { sql } from "@/lib/db";
import { getSessionUser, getSessionUserId } from "@/lib/auth/session";
import { can, type Permission, type Role } from "@/lib/permissions";
import { REQUESTED_PATH_HEADER, signInPathFor } from "@/lib/auth/requested-path";

/** Who is acting, in which workspace, with which role. Every data function takes it first. */
export type WorkspaceContext = {
  workspaceId: string;
  workspaceName: string;
  userId: string;
  userName: string;
  userEmail: string;
  role: Role;
};

type Membership = { role: Role; workspaceName: string; userName: string; userEmail: string };

/**
 * The user's current membership of the workspace, read once per render: a map page runs the
 * guard in the workspace layout, the map layout and the page, with different permissions, so
 * the read is keyed by user and workspace only and the permission is checked by the caller.
 * React's cache() only remembers within a server-component render pass; server actions and
 * route handlers are not one, so each of their calls reads the membership afresh.
 */
const readMembership = cache(async function readMembership(userId: string, workspaceId: string): Promise<Membership | null> {
  // Plain SQL: this runs on every request, where a nested Prisma query costs ten times the CPU.
  const [row] = await sql<{ role: Role; workspace_name: string; user_name: string; user_email: string }>(
    `SELECT m.role::text AS role, w.name AS workspace_name, u.name AS user_name, u.email AS user_email
     FROM memberships m
     JOIN workspaces w ON w.id = m.workspace_id AND w.archived_at IS NULL
     JOIN users u ON u.id = m.user_id
     WHERE m.workspace_id = $1 AND m.user_id = $2 AND m.removed_at IS NULL`,
    [workspaceId, userId],
  );
  return row ? { role: row.role, workspaceName: row.workspace_name, userName: row.user_name, userEmail: row.user_email } : null;
});

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
  // An id PostgreSQL cannot even hold (a NUL byte) is simply not found.
  if (typeof workspaceId !== "string" || workspaceId.length === 0 || workspaceId.length > 64 || workspaceId.includes("\0")) return null;
  const membership = await readMembership(userId, workspaceId);
  if (!membership || !can(membership.role, permission)) return null;
  return {
    workspaceId,
    workspaceName: membership.workspaceName,
    userId,
    userName: membership.userName,
    userEmail: membership.userEmail,
    role: membership.role,
  };
}

/**
 * To the sign-in page, keeping the page that was asked for (set by the proxy) as where to go
 * on to afterwards: a shared link to a matrix view opens that view once signed in.
 */
async function redirectToSignIn(): Promise<never> {
  let requested: string | null = null;
  try {
    requested = (await headers()).get(REQUESTED_PATH_HEADER);
  } catch {
    // Called outside a request (a script or a test): no page to come back to.
  }
  redirect(signInPathFor(requested));
}

/**
 * The one guard of every page, server action and route handler inside a workspace.
 * Not signed in: to the sign-in page. Not a member, or the role lacks the permission:
 * the same not-found answer as a workspace that does not exist.
 */
export async function requireWorkspace(workspaceId: string, permission: Permission): Promise<WorkspaceContext> {
  // The membership query reads the user too: one query decides who and what.
  const userId = await getSessionUserId();
  if (!userId) return redirectToSignIn();
  const ctx = await resolveWorkspaceAccess(userId, workspaceId, permission);
  if (!ctx) notFound();
  return ctx;
}

/** For pages outside a workspace that need a signed-in user. */
export async function requireUser() {
  const user = await getSessionUser();
  if (!user) return redirectToSignIn();
  return user;
}
