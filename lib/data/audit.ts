import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { randomUUID } from "node:crypto";
import { db, type Sql } from "@/lib/db";
import type { Tx } from "@/lib/db-errors";
import type { WorkspaceContext } from "@/lib/workspace";

export type AuditEntryInput = {
  action: string;
  entityType: string;
  entityId: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
};

/** Records who changed what, inside the same transaction as the change itself. */
export async function recordAudit(tx: Tx, ctx: Pick<WorkspaceContext, "workspaceId" | "userId">, entry: AuditEntryInput) {
  await tx.auditLog.create({
    data: {
      workspaceId: ctx.workspaceId,
      actorId: ctx.userId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: entry.before,
      after: entry.after,
    },
  });
}

/** The same, for code that writes through plain SQL (see `Sql` in lib/db.ts). */
export async function recordAuditSql(sql: Sql, ctx: Pick<WorkspaceContext, "workspaceId" | "userId">, entry: AuditEntryInput) {
  await sql(
    `INSERT INTO audit_log (id, workspace_id, actor_id, action, entity_type, entity_id, before, after)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb)`,
    [
      randomUUID(),
      ctx.workspaceId,
      ctx.userId,
      entry.action,
      entry.entityType,
      entry.entityId,
      entry.before === undefined ? null : JSON.stringify(entry.before),
      entry.after === undefined ? null : JSON.stringify(entry.after),
    ],
  );
}

export type AuditEntry = {
  id: string;
  action: string;
  entityType: string;
  entityId: string;
  actorName: string | null;
  before: unknown;
  after: unknown;
  createdAt: Date;
};

export async function listAuditEntries(
  ctx: WorkspaceContext,
  { page, pageSize = 50 }: { page: number; pageSize?: number },
): Promise<{ entries: AuditEntry[]; total: number }> {
  const [rows, total] = await Promise.all([
    db.auditLog.findMany({
      where: { workspaceId: ctx.workspaceId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        action: true,
        entityType: true,
        entityId: true,
        before: true,
        after: true,
        createdAt: true,
        actor: { select: { name: true } },
      },
    }),
    db.auditLog.count({ where: { workspaceId: ctx.workspaceId } }),
  ]);
  return {
    entries: rows.map(({ actor, ...row }) => ({ ...row, actorName: actor?.name ?? null })),
    total,
  };
}
