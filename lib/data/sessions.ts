import "server-only";
import { randomBytes } from "node:crypto";
import { db, sql } from "@/lib/db";
import type { Tx } from "@/lib/db-errors";

/** How long a session lasts at most from its sign-in: its token's lifetime too. */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/** "Last seen" is written at most this often per session, never on every request. */
export const LAST_SEEN_EVERY_MINUTES = 5;

/** What a session token names: whose session, and which one. */
export type SessionRef = { userId: string; sessionId: string };

export type SessionUser = { id: string; email: string; name: string };

/** One of a user's active sessions, for the account page. */
export type SessionSummary = {
  id: string;
  userAgent: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  current: boolean;
};

/**
 * The SQL condition of an active session row `s` (an alias every query here uses): not ended,
 * and younger than a token can be. Kept as one string so the guard's query and these functions
 * cannot disagree about what "active" means.
 */
export const ACTIVE_SESSION_SQL = `s.revoked_at IS NULL AND s.created_at > now() - interval '${SESSION_MAX_AGE_SECONDS} seconds'`;

/** Whether the row's "last seen" is old enough to be written again, as a column `stale`. */
export const STALE_SESSION_SQL = `(s.last_seen_at < now() - interval '${LAST_SEEN_EVERY_MINUTES} minutes') AS stale`;

const MAX_USER_AGENT = 512;

/** A new session row for a sign-in; its id goes into the session token. */
export async function createSession(userId: string, userAgent: string | null, client: Tx = db): Promise<string> {
  // 192 random bits: the id is also what a revocation names, so it must not be guessable.
  const id = randomBytes(24).toString("base64url");
  await client.session.create({
    data: { id, userId, userAgent: userAgent ? userAgent.slice(0, MAX_USER_AGENT) : null },
    select: { id: true },
  });
  return id;
}

/**
 * Writes "last seen" for a session whose read showed it stale. The condition repeats the
 * staleness test, so concurrent requests of one session write it once.
 */
export async function touchSession(sessionId: string): Promise<void> {
  await sql(
    `UPDATE sessions SET last_seen_at = now()
     WHERE id = $1 AND revoked_at IS NULL AND last_seen_at < now() - interval '${LAST_SEEN_EVERY_MINUTES} minutes'`,
    [sessionId],
  );
}

/**
 * The user of an active session, in one query (the user row joined with the session row), or
 * null when the session has ended, expired or is not this user's.
 */
export async function readSessionUser(ref: SessionRef): Promise<SessionUser | null> {
  const [row] = await sql<SessionUser & { stale: boolean }>(
    `SELECT u.id, u.email, u.name, ${STALE_SESSION_SQL}
     FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.id = $1 AND s.user_id = $2 AND ${ACTIVE_SESSION_SQL}`,
    [ref.sessionId, ref.userId],
  );
  if (!row) return null;
  if (row.stale) await touchSession(ref.sessionId);
  return { id: row.id, email: row.email, name: row.name };
}

/** The user's active sessions: the current one first, then the most recently seen. */
export async function listActiveSessions(ref: SessionRef): Promise<SessionSummary[]> {
  const rows = await sql<{ id: string; user_agent: string | null; created_at: Date; last_seen_at: Date }>(
    `SELECT s.id, s.user_agent, s.created_at, s.last_seen_at FROM sessions s
     WHERE s.user_id = $1 AND ${ACTIVE_SESSION_SQL}
     ORDER BY s.id = $2 DESC, s.last_seen_at DESC, s.created_at DESC
     LIMIT 100`,
    [ref.userId, ref.sessionId],
  );
  return rows.map((row) => ({
    id: row.id,
    userAgent: row.user_agent,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    current: row.id === ref.sessionId,
  }));
}

/** Ends one of the user's own sessions; false when it is not theirs or already ended. */
export async function endSession(userId: string, sessionId: string, client: Tx = db): Promise<boolean> {
  const result = await client.session.updateMany({
    where: { id: sessionId, userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return result.count > 0;
}

/** Ends every session of the user (sign out everywhere, a password change); returns how many. */
export async function endAllSessions(userId: string, client: Tx = db): Promise<number> {
  const result = await client.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
  return result.count;
}
