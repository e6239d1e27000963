import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { UserError } from "@/lib/errors";
import { endAllSessions } from "@/lib/data/sessions";
import type { ChangePasswordSchema, SignUpSchema } from "@/lib/schemas/auth";

// Verifying against a fixed hash when the email is unknown keeps the answer time the same,
// so response times do not reveal which emails have accounts.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$Rpj31C4/ohXLwi2of4Zjrw$trjpwZqJ+9LigROLIyWFuO/bh5EBczo38+NoZdRNzM0";

export const WRONG_CREDENTIALS = "Email or password is incorrect.";

function waitMessage(what: string, minutes: number) {
  return `Too many failed sign-in attempts ${what}. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

/** Minutes until the oldest of `failures` (newest first, `limit` of them) leaves the window; 0 when fewer. */
function minutesLeft(failures: { createdAt: Date }[], limit: number, now: Date, windowMs: number): number {
  if (failures.length < limit) return 0;
  const oldestCounted = failures[limit - 1]!.createdAt.getTime();
  return Math.max(1, Math.ceil((oldestCounted + windowMs - now.getTime()) / 60_000));
}

/**
 * Why a sign-in from `clientAddress` for `email` is refused before its password is checked, or
 * null. Two limits, both over failed attempts in the window:
 *
 * - per client address, over every email: an address that failed too often is refused for
 *   every account, right password or not. A success does not reset it (anyone could sign in to
 *   an account of their own to clear it).
 * - per email, since its last success: once an email has failed too often, the addresses that
 *   took part in those failures are refused for it, while any other address still has its
 *   password checked. So the owner, from their own address, still signs in with the right
 *   password while someone else hammers the account; and every further address gets one
 *   guess before it is refused too. Without a known address (a server started without
 *   scripts/start.ts) the email's limit refuses everyone, as a last resort.
 */
async function refusal(email: string, clientAddress: string | null, now: Date): Promise<string | null> {
  const windowMs = env.CXMAP_SIGNIN_WINDOW_MINUTES * 60_000;
  const since = new Date(now.getTime() - windowMs);

  if (clientAddress) {
    const fromAddress = await db.signInAttempt.findMany({
      where: { clientAddress, succeeded: false, createdAt: { gte: since } },
      orderBy: { createdAt: "desc" },
      take: env.CXMAP_SIGNIN_MAX_ATTEMPTS_PER_ADDRESS,
      select: { createdAt: true },
    });
    const minutes = minutesLeft(fromAddress, env.CXMAP_SIGNIN_MAX_ATTEMPTS_PER_ADDRESS, now, windowMs);
    if (minutes > 0) return waitMessage("from your network", minutes);
  }

  const lastSuccess = await db.signInAttempt.findFirst({
    where: { email, succeeded: true, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const counted = { email, succeeded: false, createdAt: { gte: lastSuccess?.createdAt ?? since } };
  const forEmail = await db.signInAttempt.findMany({
    where: counted,
    orderBy: { createdAt: "desc" },
    take: env.CXMAP_SIGNIN_MAX_ATTEMPTS,
    select: { createdAt: true },
  });
  const minutes = minutesLeft(forEmail, env.CXMAP_SIGNIN_MAX_ATTEMPTS, now, windowMs);
  if (minutes === 0) return null;
  const tookPart = clientAddress === null || (await db.signInAttempt.count({ where: { ...counted, clientAddress } })) > 0;
  return tookPart ? waitMessage("for this email", minutes) : null;
}

/**
 * Checks an email and password from a client address (null when unknown). Throws a UserError
 * with the message the sign-in form shows: wrong credentials, or too many failed attempts
 * (see refusal()). Every checked attempt is recorded with its address.
 */
export async function authenticate(email: string, password: string, clientAddress: string | null, now = new Date()) {
  const refused = await refusal(email, clientAddress, now);
  if (refused) throw new UserError(refused, undefined, 429);
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
  const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
  await db.signInAttempt.create({ data: { email, clientAddress, succeeded: Boolean(user && ok), createdAt: now } });
  if (!user || !ok) throw new UserError(WRONG_CREDENTIALS, undefined, 401);
  return { id: user.id, email: user.email, name: user.name };
}

/**
 * Sign-up: a new user and their first workspace, where they are ADMIN. For an email that
 * already has an account nothing is written, and the caller answers exactly as for a new one
 * (the form sends both to sign in), so sign-up does not tell who has an account. The password
 * is hashed either way, so both take the same time; the email's owner signs in as always.
 */
export async function createUserWithWorkspace(input: SignUpSchema): Promise<{ created: boolean }> {
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
    if (existing) return { created: false };
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, passwordHash },
      select: { id: true, email: true, name: true },
    });
    const workspace = await tx.workspace.create({ data: { name: input.workspaceName }, select: { id: true } });
    await tx.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role: "ADMIN" } });
    await tx.auditLog.create({
      data: {
        workspaceId: workspace.id,
        actorId: user.id,
        action: "workspace.create",
        entityType: "Workspace",
        entityId: workspace.id,
        after: { name: input.workspaceName },
      },
    });
    return { created: true };
  });
}

export const WRONG_CURRENT_PASSWORD = "That is not your current password.";

/**
 * Changes the user's password after checking the current one (under the same limits as a
 * sign-in, so a stolen session cannot guess it freely), and ends every session of the user in
 * the same transaction: the caller starts a new one for the browser that made the change.
 */
export async function changePassword(userId: string, input: ChangePasswordSchema, clientAddress: string | null) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true } });
  if (!user) throw new UserError("Sign in again to change your password.", undefined, 401);
  try {
    await authenticate(user.email, input.currentPassword, clientAddress);
  } catch (error) {
    if (error instanceof UserError && error.status === 401) {
      throw new UserError(WRONG_CURRENT_PASSWORD, { currentPassword: [WRONG_CURRENT_PASSWORD] }, 400);
    }
    throw error;
  }
  const passwordHash = await hashPassword(input.newPassword);
  return db.$transaction(async (tx) => {
    const updated = await tx.user.update({ where: { id: userId }, data: { passwordHash }, select: { id: true, email: true, name: true } });
    const ended = await endAllSessions(userId, tx);
    return { user: updated, endedSessions: ended };
  });
}

/** The workspaces a user is an active member of, for the switcher and the landing page. */
export async function listUserWorkspaces(userId: string) {
  const rows = await db.membership.findMany({
    where: { userId, removedAt: null, workspace: { archivedAt: null } },
    orderBy: { workspace: { name: "asc" } },
    select: { role: true, workspace: { select: { id: true, name: true } } },
  });
  return rows.map((row) => ({ id: row.workspace.id, name: row.workspace.name, role: row.role }));
}
