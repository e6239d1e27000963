import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db, sql } from "@/lib/db";
import { UserError } from "@/lib/errors";
import { ROLE_PERMISSIONS, can, type Permission, type Role } from "@/lib/permissions";
import type { WorkspaceContext } from "@/lib/workspace";
import { recordAudit } from "@/lib/data/audit";
import { API_TOKEN_PREFIX, type CreateApiTokenSchema, type RevokeApiTokenSchema } from "@/lib/schemas/api-tokens";
import type { ApiTokenView } from "@/lib/types/api";

// API tokens: a secret made here, shown once, stored only as its sha256. A token acts for the
// admin who made it, with the role it was given; every request re-checks it like a session.

export const TOKEN_NOT_FOUND = "That token was not found in this workspace.";

export function hashApiToken(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** The day after the last valid day, at midnight UTC: a token "valid until 2026-12-31" works all that day. */
function expiryOf(lastDay: string): Date {
  const end = new Date(`${lastDay}T00:00:00.000Z`);
  end.setUTCDate(end.getUTCDate() + 1);
  return end;
}

/** Whether every permission of `role` is also one of `of`. */
export function roleWithin(role: Role, of: Role): boolean {
  return [...ROLE_PERMISSIONS[role]].every((permission) => ROLE_PERMISSIONS[of].has(permission));
}

export async function createApiToken(ctx: WorkspaceContext, input: CreateApiTokenSchema, now = new Date()) {
  if (!roleWithin(input.role, ctx.role)) {
    throw new UserError("A token can do at most what you can do: choose your own role or a smaller one.", { role: ["Choose a role within yours."] });
  }
  const expiresAt = input.expiresOn ? expiryOf(input.expiresOn) : null;
  if (expiresAt && expiresAt <= now) {
    throw new UserError("The last day has already passed: choose today or a later day.", { expiresOn: ["Choose today or a later day."] });
  }
  const secret = `${API_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const prefix = secret.slice(0, API_TOKEN_PREFIX.length + 8);
  const token = await db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: { workspaceId: ctx.workspaceId, name: input.name, role: input.role, tokenHash: hashApiToken(secret), prefix, createdById: ctx.userId, expiresAt },
      select: { id: true, name: true, role: true, prefix: true, expiresAt: true },
    });
    await recordAudit(tx, ctx, {
      action: "token.create",
      entityType: "ApiToken",
      entityId: created.id,
      after: { name: created.name, role: created.role, prefix, expiresAt: expiresAt?.toISOString() ?? null },
    });
    return created;
  });
  return { id: token.id, name: token.name, role: token.role, prefix: token.prefix, expiresAt: token.expiresAt?.toISOString() ?? null, secret };
}

export async function listApiTokens(ctx: WorkspaceContext, now = new Date()): Promise<ApiTokenView[]> {
  const rows = await db.apiToken.findMany({
    where: { workspaceId: ctx.workspaceId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: 200,
    select: {
      id: true,
      name: true,
      role: true,
      prefix: true,
      createdAt: true,
      lastUsedAt: true,
      expiresAt: true,
      revokedAt: true,
      createdBy: { select: { name: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    role: row.role,
    prefix: row.prefix,
    createdBy: row.createdBy.name,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    status: row.revokedAt ? "REVOKED" : row.expiresAt && row.expiresAt <= now ? "EXPIRED" : "ACTIVE",
  }));
}

/** Revoking keeps the row (the list and the audit log still name it); the token stops working at once. */
export async function revokeApiToken(ctx: WorkspaceContext, input: RevokeApiTokenSchema) {
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ id: string; name: string; prefix: string; revoked_at: Date | null }[]>`
      SELECT id, name, prefix, revoked_at FROM api_tokens WHERE id = ${input.tokenId} AND workspace_id = ${ctx.workspaceId} FOR UPDATE`;
    if (!row) throw new UserError(TOKEN_NOT_FOUND, undefined, 404);
    if (row.revoked_at) throw new UserError("This token is already revoked.", undefined, 409);
    await tx.apiToken.update({ where: { id: row.id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, ctx, { action: "token.revoke", entityType: "ApiToken", entityId: row.id, before: { name: row.name, prefix: row.prefix } });
    return { tokenId: row.id };
  });
}

type TokenRow = {
  id: string;
  workspace_id: string;
  name: string;
  prefix: string;
  token_role: Role;
  member_role: Role | null;
  created_by_id: string;
  workspace_name: string;
  user_name: string;
  user_email: string;
  usable: boolean;
  stale: boolean;
};

// One query: the token, its creator's current membership, and whether "last used" is due.
const TOKEN_SQL = `SELECT t.id, t.workspace_id, t.name, t.prefix, t.role::text AS token_role, m.role::text AS member_role,
       t.created_by_id, w.name AS workspace_name, u.name AS user_name, u.email AS user_email,
       (t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now())) AS usable,
       (t.last_used_at IS NULL OR t.last_used_at < now() - interval '1 minute') AS stale
     FROM api_tokens t
     JOIN workspaces w ON w.id = t.workspace_id AND w.archived_at IS NULL
     JOIN users u ON u.id = t.created_by_id
     LEFT JOIN memberships m ON m.workspace_id = t.workspace_id AND m.user_id = t.created_by_id AND m.removed_at IS NULL
     WHERE t.token_hash = $1`;

export type TokenAccess =
  | { ok: true; ctx: WorkspaceContext }
  | { ok: false; status: 401 | 403 | 404; message: string };

export const TOKEN_INVALID = "The token is not valid: it is unknown, revoked or expired.";

/**
 * The access decision of a request with a bearer token, as resolveSessionAccess decides a
 * session's: 401 for a token that does not work at all (unknown, revoked, expired, or its
 * creator is no longer a member), 404 for another workspace than the token's (not found, as for
 * a session), 403 when the token's role lacks the permission. A token whose creator's role no
 * longer covers the token's role is refused too (403): it never does more than its creator may.
 */
export async function resolveTokenAccess(secret: string, workspaceId: string, permission: Permission): Promise<TokenAccess> {
  if (!secret.startsWith(API_TOKEN_PREFIX) || secret.length > 200) return { ok: false, status: 401, message: TOKEN_INVALID };
  const [row] = await sql<TokenRow>(TOKEN_SQL, [hashApiToken(secret)]);
  if (!row || !row.usable || !row.member_role) return { ok: false, status: 401, message: TOKEN_INVALID };
  if (row.workspace_id !== workspaceId) return { ok: false, status: 404, message: "Not found." };
  if (!roleWithin(row.token_role, row.member_role)) {
    return { ok: false, status: 403, message: "The token's creator no longer has the role the token was given: create a new token." };
  }
  if (!can(row.token_role, permission)) {
    return { ok: false, status: 403, message: `The token's role may not do this (it needs the permission ${permission}).` };
  }
  if (row.stale) await sql("UPDATE api_tokens SET last_used_at = now() WHERE id = $1", [row.id]);
  return {
    ok: true,
    ctx: {
      workspaceId,
      workspaceName: row.workspace_name,
      userId: row.created_by_id,
      userName: row.user_name,
      userEmail: row.user_email,
      role: row.token_role,
      apiToken: { id: row.id, name: row.name, prefix: row.prefix },
    },
  };
}
