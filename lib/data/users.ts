import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { UserError } from "@/lib/errors";
import type { SignUpSchema } from "@/lib/schemas/auth";

// Verifying against a fixed hash when the email is unknown keeps the answer time the same,
// so response times do not reveal which emails have accounts.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$Rpj31C4/ohXLwi2of4Zjrw$trjpwZqJ+9LigROLIyWFuO/bh5EBczo38+NoZdRNzM0";

export const WRONG_CREDENTIALS = "Email or password is incorrect.";

/** Minutes until the oldest counted failure leaves the window, or 0 when not limited. */
async function lockedForMinutes(email: string, now: Date): Promise<number> {
  const windowMs = env.CXMAP_SIGNIN_WINDOW_MINUTES * 60_000;
  const since = new Date(now.getTime() - windowMs);
  const lastSuccess = await db.signInAttempt.findFirst({
    where: { email, succeeded: true, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const failures = await db.signInAttempt.findMany({
    where: { email, succeeded: false, createdAt: { gte: lastSuccess?.createdAt ?? since } },
    orderBy: { createdAt: "desc" },
    take: env.CXMAP_SIGNIN_MAX_ATTEMPTS,
    select: { createdAt: true },
  });
  if (failures.length < env.CXMAP_SIGNIN_MAX_ATTEMPTS) return 0;
  const oldestCounted = failures[failures.length - 1]!.createdAt.getTime();
  return Math.max(1, Math.ceil((oldestCounted + windowMs - now.getTime()) / 60_000));
}

/**
 * Checks an email and password. Throws a UserError with the message the sign-in form
 * shows: wrong credentials, or too many failed attempts for this email.
 */
export async function authenticate(email: string, password: string, now = new Date()) {
  const minutes = await lockedForMinutes(email, now);
  if (minutes > 0) {
    throw new UserError(
      `Too many failed sign-in attempts for this email. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      undefined,
      429,
    );
  }
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
  const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
  await db.signInAttempt.create({ data: { email, succeeded: Boolean(user && ok) } });
  if (!user || !ok) throw new UserError(WRONG_CREDENTIALS, undefined, 401);
  return { id: user.id, email: user.email, name: user.name };
}

/** Sign-up: a new user and their first workspace, where they are ADMIN. */
export async function createUserWithWorkspace(input: SignUpSchema) {
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
    if (existing) {
      throw new UserError("An account with this email already exists. Sign in instead.", {
        email: ["An account with this email already exists. Sign in instead."],
      });
    }
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
    return { user, workspaceId: workspace.id };
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
