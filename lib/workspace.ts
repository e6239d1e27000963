import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { sql } from "@/lib/db";
import { getSessionRef, getSessionUser, type SessionRef, type SessionUser } from "@/lib/auth/session";
import { ACTIVE_SESSION_SQL, STALE_SESSION_SQL, touchSession } from "@/lib/data/sessions";
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
  /** Set when the request came with an API token: the token acts for its creator, with its own role. */
  apiToken?: { id: string; name: string; prefix: string };
};

type Membership = { role: Role; workspaceName: string; userName: string; userEmail: string };

type MembershipRow = { role: Role; workspace_name: string; user_name: string; user_email: string; stale?: boolean };

const MEMBERSHIP_SQL = `SELECT m.role::text AS role, w.name AS workspace_name, u.name AS user_name, u.email AS user_email
     FROM memberships m
     JOIN workspaces w ON w.id = m.workspace_id AND w.archived_at IS NULL
     JOIN users u ON u.id = m.user_id`;

// The membership of a session's user, with the session row joined (by its primary key) and
// whether its "last seen" is due to be written.
const SESSION_MEMBERSHIP_SQL = `${MEMBERSHIP_SQL.replace("SELECT ", `SELECT ${STALE_SESSION_SQL}, `)}
     JOIN sessions s ON s.id = $3 AND s.user_id = m.user_id AND ${ACTIVE_SESSION_SQL}
     WHERE m.workspace_id = $1 AND m.user_id = $2 AND m.removed_at IS NULL`;

function membershipOf(row: MembershipRow | undefined): Membership | null {
  return row ? { role: row.role, workspaceName: row.workspace_name, userName: row.user_name, userEmail: row.user_email } : null;
}

/**
 * The user's current membership of the workspace, read once per render: a map page runs the
 * guard in the workspace layout, the map layout and the page, with different permissions, so
 * the read is keyed by session and workspace only and the permission is checked by the caller.
 * React's cache() only remembers within a server-component render pass; server actions and
 * route handlers are not one, so each of their calls reads the membership afresh.
 *
 * The same query checks that the session is still active (joined by its primary key): one
 * round trip decides who, whether still signed in, and what. "Last seen" is written only when
 * the row says it is older than a few minutes, so a busy session writes it rarely.
 */
const readSessionMembership = cache(async function readSessionMembership(
  userId: string,
  sessionId: string,
  workspaceId: string,
): Promise<Membership | null> {
  // Plain SQL: this runs on every request, where a nested Prisma query costs ten times the CPU.
  const [row] = await sql<MembershipRow>(SESSION_MEMBERSHIP_SQL, [workspaceId, userId, sessionId]);
  if (row?.stale) await touchSession(sessionId);
  return membershipOf(row);
});

/** The membership alone, for code that already knows who acts (scripts, tests of data functions). */
async function readMembership(userId: string, workspaceId: string): Promise<Membership | null> {
  const [row] = await sql<MembershipRow>(`${MEMBERSHIP_SQL} WHERE m.workspace_id = $1 AND m.user_id = $2 AND m.removed_at IS NULL`, [
    workspaceId,
    userId,
  ]);
  return membershipOf(row);
}

function validWorkspaceId(workspaceId: string): boolean {
  // An id PostgreSQL cannot even hold (a NUL byte) is simply not found.
  return typeof workspaceId === "string" && workspaceId.length > 0 && workspaceId.length <= 64 && !workspaceId.includes("\0");
}

function contextOf(userId: string, workspaceId: string, membership: Membership | null, permission: Permission): WorkspaceContext | null {
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
 * The access decision for a user already known (no session involved): the user's current
 * membership of the workspace, if it grants the permission. Null for "no such workspace",
 * "not a member", "removed" and "role lacks the permission" alike. Entry points use
 * resolveSessionAccess, which checks the session too.
 */
export async function resolveWorkspaceAccess(
  userId: string,
  workspaceId: string,
  permission: Permission,
): Promise<WorkspaceContext | null> {
  if (!validWorkspaceId(workspaceId)) return null;
  return contextOf(userId, workspaceId, await readMembership(userId, workspaceId), permission);
}

/**
 * The access decision of a request: as resolveWorkspaceAccess, and null as well when the
 * session has ended (signed out, signed out everywhere, password changed) or expired.
 */
export async function resolveSessionAccess(
  session: SessionRef,
  workspaceId: string,
  permission: Permission,
): Promise<WorkspaceContext | null> {
  if (!validWorkspaceId(workspaceId)) return null;
  const membership = await readSessionMembership(session.userId, session.sessionId, workspaceId);
  return contextOf(session.userId, workspaceId, membership, permission);
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
  // The membership query reads the user and the session too: one query decides who and what.
  const session = await getSessionRef();
  if (!session) return redirectToSignIn();
  const ctx = await resolveSessionAccess(session, workspaceId, permission);
  if (ctx) return ctx;
  // An ended session signs in again; a live one that may not see this gets not-found.
  if (!(await getSessionUser())) return redirectToSignIn();
  notFound();
}

/** For pages outside a workspace that need a signed-in user. */
export async function requireUser() {
  const user = await getSessionUser();
  if (!user) return redirectToSignIn();
  return user;
}

/** For pages and actions about the signed-in person's own account: the user and their session. */
export async function requireSession(): Promise<{ user: SessionUser; session: SessionRef }> {
  const session = await getSessionRef();
  const user = session ? await getSessionUser() : null;
  if (!session || !user) return redirectToSignIn();
  return { user, session };
}
