import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { randomUUID } from "node:crypto";
import { sql, type Sql } from "@/lib/db";
import { AUDIT_KINDS, type AuditKind } from "@/lib/audit/sentence";
import type { AuditEntryView, AuditFilterOptions } from "@/lib/types/audit";
import type { Tx } from "@/lib/db-errors";
import type { WorkspaceContext } from "@/lib/workspace";

export type AuditEntryInput = {
  action: string;
  entityType: string;
  entityId: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
};

type AuditActor = Pick<WorkspaceContext, "workspaceId" | "userId" | "apiToken">;

/** What an entry written through an API token adds to its `after`: which token did it. */
export function viaToken(ctx: AuditActor): { apiToken?: { id: string; name: string; prefix: string } } {
  return ctx.apiToken ? { apiToken: { id: ctx.apiToken.id, name: ctx.apiToken.name, prefix: ctx.apiToken.prefix } } : {};
}

function withToken(ctx: AuditActor, after: unknown): unknown {
  if (!ctx.apiToken) return after;
  return { ...(after && typeof after === "object" && !Array.isArray(after) ? after : after === undefined ? {} : { value: after }), ...viaToken(ctx) };
}

/** Records who changed what, inside the same transaction as the change itself. */
export async function recordAudit(tx: Tx, ctx: AuditActor, entry: AuditEntryInput) {
  await tx.auditLog.create({
    data: {
      workspaceId: ctx.workspaceId,
      actorId: ctx.userId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: entry.before,
      after: withToken(ctx, entry.after) as Prisma.InputJsonValue | undefined,
    },
  });
}

/** The same, for code that writes through plain SQL (see `Sql` in lib/db.ts). */
export async function recordAuditSql(sql: Sql, ctx: AuditActor, entry: AuditEntryInput) {
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
      entry.after === undefined && !ctx.apiToken ? null : JSON.stringify(withToken(ctx, entry.after)),
    ],
  );
}

// The map an entry is about: the map itself, the map of the stage, channel, touchpoint,
// expectation or interview it names, else the map id the entry carries, else (the thing was
// deleted since) the one another entry about the same thing carries: its creation or deletion.
const ENTRY_MAP_ID = `COALESCE(
  CASE a.entity_type
    WHEN 'JourneyMap' THEN a.entity_id
    WHEN 'Stage' THEN (SELECT x.map_id FROM stages x WHERE x.id = a.entity_id AND x.workspace_id = a.workspace_id)
    WHEN 'Channel' THEN (SELECT x.map_id FROM channels x WHERE x.id = a.entity_id AND x.workspace_id = a.workspace_id)
    WHEN 'Touchpoint' THEN (SELECT x.map_id FROM touchpoints x WHERE x.id = a.entity_id AND x.workspace_id = a.workspace_id)
    WHEN 'Expectation' THEN (SELECT x.map_id FROM expectations x WHERE x.id = a.entity_id AND x.workspace_id = a.workspace_id)
    WHEN 'Interview' THEN (SELECT x.map_id FROM interviews x WHERE x.id = a.entity_id AND x.workspace_id = a.workspace_id)
  END,
  a.after->>'mapId', a.before->>'mapId',
  (SELECT COALESCE(b.after->>'mapId', b.before->>'mapId') FROM audit_log b
   WHERE b.workspace_id = a.workspace_id AND b.entity_type = a.entity_type AND b.entity_id = a.entity_id
     AND COALESCE(b.after->>'mapId', b.before->>'mapId') IS NOT NULL
   LIMIT 1))`;

// The thing's name now (a respondent's code for an interview, a member's name for a membership).
const ENTRY_NAME = `CASE a.entity_type
    WHEN 'JourneyMap' THEN (SELECT x.name FROM maps x WHERE x.id = a.entity_id AND x.workspace_id = a.workspace_id)
    WHEN 'Stage' THEN (SELECT x.name FROM stages x WHERE x.id = a.entity_id AND x.workspace_id = a.workspace_id)
    WHEN 'Channel' THEN (SELECT x.name FROM channels x WHERE x.id = a.entity_id AND x.workspace_id = a.workspace_id)
    WHEN 'Touchpoint' THEN (SELECT x.name FROM touchpoints x WHERE x.id = a.entity_id AND x.workspace_id = a.workspace_id)
    WHEN 'Expectation' THEN (SELECT x.text FROM expectations x WHERE x.id = a.entity_id AND x.workspace_id = a.workspace_id)
    WHEN 'Interview' THEN (SELECT r.code FROM interviews x JOIN respondents r ON r.id = x.respondent_id AND r.workspace_id = x.workspace_id
                           WHERE x.id = a.entity_id AND x.workspace_id = a.workspace_id)
    WHEN 'Respondent' THEN (SELECT x.code FROM respondents x WHERE x.id = a.entity_id AND x.workspace_id = a.workspace_id)
    WHEN 'AttributeField' THEN (SELECT x.name FROM attribute_fields x WHERE x.id = a.entity_id AND x.workspace_id = a.workspace_id)
    WHEN 'Membership' THEN (SELECT u.name FROM memberships x JOIN users u ON u.id = x.user_id WHERE x.id = a.entity_id AND x.workspace_id = a.workspace_id)
    WHEN 'Invitation' THEN (SELECT x.email FROM invitations x WHERE x.id = a.entity_id AND x.workspace_id = a.workspace_id)
    WHEN 'Workspace' THEN (SELECT x.name FROM workspaces x WHERE x.id = a.entity_id AND x.id = a.workspace_id)
  END`;

const ENTRY_PARENT_NAME = `CASE a.entity_type
    WHEN 'Expectation' THEN (SELECT t.name FROM expectations x JOIN touchpoints t ON t.id = x.touchpoint_id
                             WHERE x.id = a.entity_id AND x.workspace_id = a.workspace_id)
  END`;

export type AuditQuery = {
  actor?: string;
  kind?: AuditKind;
  map?: string;
  /** First and last day (YYYY-MM-DD, UTC), both included. */
  from?: string;
  to?: string;
  page: number;
  pageSize?: number;
};

/**
 * A page of the workspace's audit log, newest first, filtered by who, what kind, which map and
 * which period, with the names of what each entry is about read now (see lib/audit/sentence.ts
 * for which names the entries themselves keep).
 */
export async function listAuditEntries(ctx: WorkspaceContext, query: AuditQuery): Promise<{ entries: AuditEntryView[]; total: number }> {
  const pageSize = query.pageSize ?? 50;
  const entityTypes = query.kind ? [...AUDIT_KINDS[query.kind].entityTypes] : null;
  const params = [ctx.workspaceId, query.actor ?? null, entityTypes, query.from ?? null, query.to ?? null, query.map ?? null];
  // The cheap filters on the table; the map (derived per entry) on the result.
  const filtered = `
    SELECT a.*, ${ENTRY_MAP_ID} AS map_id
    FROM audit_log a
    WHERE a.workspace_id = $1
      AND ($2::text IS NULL OR a.actor_id = $2)
      AND ($3::text[] IS NULL OR a.entity_type = ANY($3::text[]))
      AND ($4::date IS NULL OR a.created_at >= ($4::date)::timestamp AT TIME ZONE 'UTC')
      AND ($5::date IS NULL OR a.created_at < ($5::date + 1)::timestamp AT TIME ZONE 'UTC')`;
  const [rows, [counted]] = await Promise.all([
    sql<{
      id: string;
      action: string;
      entity_type: string;
      entity_id: string;
      actor_name: string | null;
      name: string | null;
      parent_name: string | null;
      map_id: string | null;
      map_name: string | null;
      before: unknown;
      after: unknown;
      created_at: Date;
    }>(
      `WITH page AS (
         SELECT * FROM (${filtered}) f
         WHERE $6::text IS NULL OR f.map_id = $6
         ORDER BY f.created_at DESC, f.id DESC
         LIMIT $7 OFFSET $8
       )
       SELECT a.id, a.action, a.entity_type, a.entity_id, a.before, a.after, a.created_at, a.map_id,
              u.name AS actor_name, m.name AS map_name,
              ${ENTRY_NAME} AS name, ${ENTRY_PARENT_NAME} AS parent_name
       FROM page a
       LEFT JOIN users u ON u.id = a.actor_id
       LEFT JOIN maps m ON m.id = a.map_id AND m.workspace_id = a.workspace_id
       ORDER BY a.created_at DESC, a.id DESC`,
      [...params, pageSize, (query.page - 1) * pageSize],
    ),
    sql<{ total: number }>(`SELECT count(*)::int AS total FROM (${filtered}) f WHERE $6::text IS NULL OR f.map_id = $6`, params),
  ]);
  return {
    entries: rows.map((row) => ({
      id: row.id,
      action: row.action,
      entityType: row.entity_type,
      entityId: row.entity_id,
      actorName: row.actor_name,
      name: row.name,
      parentName: row.parent_name,
      mapId: row.map_id,
      mapName: row.map_name,
      before: row.before,
      after: row.after,
      createdAt: row.created_at,
    })),
    total: counted?.total ?? 0,
  };
}

/** Who may appear in the log (every member, removed ones too) and the workspace's maps. */
export async function listAuditFilterOptions(ctx: WorkspaceContext): Promise<AuditFilterOptions> {
  const [actors, maps] = await Promise.all([
    sql<{ id: string; name: string }>(
      `SELECT u.id, u.name FROM memberships m JOIN users u ON u.id = m.user_id
       WHERE m.workspace_id = $1 ORDER BY u.name, u.id`,
      [ctx.workspaceId],
    ),
    sql<{ id: string; name: string }>(`SELECT id, name FROM maps WHERE workspace_id = $1 ORDER BY name, id`, [ctx.workspaceId]),
  ]);
  return { actors, maps };
}
