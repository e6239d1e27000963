import "server-only";
import { randomBytes } from "node:crypto";
import { db, sql as poolSql, type Sql } from "@/lib/db";
import { env } from "@/lib/env";
import { UserError } from "@/lib/errors";
import type { WorkspaceContext } from "@/lib/workspace";
import { recordAudit } from "@/lib/data/audit";
import type { SaveWebhookSchema } from "@/lib/schemas/api-tokens";
import type { WebhookDeliveryView, WebhookView } from "@/lib/types/api";
import { WEBHOOK_HEADERS, type WebhookEvent } from "@/lib/webhooks/events";
import { signWebhookBody } from "@/lib/webhooks/signature";

// Webhooks out: one address per workspace. An event is a row of webhook_deliveries, written
// in the transaction of what it reports (so it exists exactly when that was committed, and
// adds one insert to it); the server's background worker (lib/webhooks/worker.ts) sends the
// rows that are due, signed, and retries failures with a doubling wait up to a limit.

/**
 * Queues an event for the workspace's webhook, inside the caller's transaction (`sql` is the
 * transaction's); nothing when the workspace has no webhook. The analysis code calls this when
 * a change alert fires: `enqueueWebhookEvent(tx, workspaceId, "alert.fired", { ... })`.
 */
export async function enqueueWebhookEvent(sql: Sql, workspaceId: string, event: WebhookEvent, data: Record<string, unknown>) {
  await sql("SELECT cx_enqueue_webhook_event($1, $2, $3::jsonb)", [workspaceId, event, JSON.stringify(data)]);
}

export async function getWebhook(ctx: WorkspaceContext): Promise<WebhookView | null> {
  const row = await db.webhook.findFirst({
    where: { workspaceId: ctx.workspaceId, disabledAt: null },
    select: { url: true, createdAt: true, updatedAt: true },
  });
  return row ? { url: row.url, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() } : null;
}

/**
 * Sets the workspace's webhook address. A new webhook (or one set again after it was removed)
 * gets a new signing secret, returned this once; changing the address keeps the secret.
 */
export async function saveWebhook(ctx: WorkspaceContext, input: SaveWebhookSchema): Promise<{ url: string; secret: string | null }> {
  return db.$transaction(async (tx) => {
    const existing = await tx.webhook.findUnique({ where: { workspaceId: ctx.workspaceId }, select: { id: true, url: true, disabledAt: true } });
    const secret = !existing || existing.disabledAt ? `whsec_${randomBytes(24).toString("base64url")}` : null;
    const saved = existing
      ? await tx.webhook.update({
          where: { id: existing.id },
          data: { url: input.url, disabledAt: null, ...(secret ? { secret } : {}) },
          select: { id: true },
        })
      : await tx.webhook.create({ data: { workspaceId: ctx.workspaceId, url: input.url, secret: secret!, createdById: ctx.userId }, select: { id: true } });
    await recordAudit(tx, ctx, {
      action: "webhook.save",
      entityType: "Webhook",
      entityId: saved.id,
      before: existing && !existing.disabledAt ? { url: existing.url } : undefined,
      after: { url: input.url, newSecret: secret !== null },
    });
    return { url: input.url, secret };
  });
}

/** Stops sending events: the webhook is disabled (its deliveries stay in the log); events still queued are not sent. */
export async function removeWebhook(ctx: WorkspaceContext) {
  return db.$transaction(async (tx) => {
    const existing = await tx.webhook.findFirst({ where: { workspaceId: ctx.workspaceId, disabledAt: null }, select: { id: true, url: true } });
    if (!existing) throw new UserError("This workspace has no webhook.", undefined, 404);
    await tx.webhook.update({ where: { id: existing.id }, data: { disabledAt: new Date() } });
    await recordAudit(tx, ctx, { action: "webhook.remove", entityType: "Webhook", entityId: existing.id, before: { url: existing.url } });
    return { removed: true };
  });
}

export async function listWebhookDeliveries(ctx: WorkspaceContext, limit = 50): Promise<WebhookDeliveryView[]> {
  const rows = await db.webhookDelivery.findMany({
    where: { workspaceId: ctx.workspaceId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: limit,
    select: {
      id: true,
      event: true,
      status: true,
      attempts: true,
      lastStatusCode: true,
      lastError: true,
      createdAt: true,
      lastAttemptAt: true,
      nextAttemptAt: true,
      deliveredAt: true,
    },
  });
  return rows.map((row) => ({
    id: row.id,
    event: row.event,
    status: row.status,
    attempts: row.attempts,
    lastStatusCode: row.lastStatusCode,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
    nextAttemptAt: row.status === "PENDING" ? row.nextAttemptAt.toISOString() : null,
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
  }));
}

type DueRow = {
  id: string;
  workspace_id: string;
  event: string;
  payload: unknown;
  attempts: number;
  created_at: Date;
  url: string;
  secret: string;
  disabled: boolean;
};

export type DeliveryOptions = {
  /** At most this many deliveries in one run. */
  limit?: number;
  /** Tries before a delivery is given up (CXMAP_WEBHOOK_MAX_ATTEMPTS). */
  maxAttempts?: number;
  /** The wait after the first failure, doubled after each further one (CXMAP_WEBHOOK_RETRY_SECONDS). */
  retrySeconds?: number;
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Only this workspace's deliveries (tests, and a delivery asked for from the page). */
  workspaceId?: string;
};

/** The wait before attempt `attempts + 1`, after `attempts` failed ones: retrySeconds, then doubling. */
export function retryDelaySeconds(attempts: number, retrySeconds: number): number {
  return retrySeconds * 2 ** Math.max(0, attempts - 1);
}

/**
 * Sends the deliveries that are due, one request each, and records what came of it. Rows are
 * claimed with SKIP LOCKED and leased for a while, so two server processes never send the same
 * delivery at once; a process that dies mid-send leaves it to be retried when the lease ends.
 * Returns how many were attempted.
 */
export async function deliverDueWebhooks(options: DeliveryOptions = {}): Promise<number> {
  const {
    limit = 20,
    maxAttempts = env.CXMAP_WEBHOOK_MAX_ATTEMPTS,
    retrySeconds = env.CXMAP_WEBHOOK_RETRY_SECONDS,
    timeoutMs = 10_000,
    fetch: send = fetch,
    workspaceId = null,
  } = options;
  const due = await poolSql<DueRow>(
    `UPDATE webhook_deliveries d SET next_attempt_at = now() + interval '5 minutes'
     FROM (SELECT id FROM webhook_deliveries
           WHERE status = 'PENDING' AND next_attempt_at <= now() AND ($2::text IS NULL OR workspace_id = $2)
           ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED) due, webhooks w
     WHERE d.id = due.id AND w.id = d.webhook_id
     RETURNING d.id, d.workspace_id, d.event, d.payload, d.attempts, d.created_at, w.url, w.secret, w.disabled_at IS NOT NULL AS disabled`,
    [limit, workspaceId],
  );
  await Promise.all(
    due.map(async (row) => {
      if (row.disabled) {
        await poolSql(
          `UPDATE webhook_deliveries SET status = 'FAILED', last_error = 'The webhook was removed before this event was sent.' WHERE id = $1`,
          [row.id],
        );
        return;
      }
      const body = JSON.stringify({
        id: row.id,
        event: row.event,
        workspaceId: row.workspace_id,
        occurredAt: row.created_at.toISOString(),
        data: row.payload,
      });
      let status: number | null = null;
      let error: string | null = null;
      try {
        const response = await send(row.url, {
          method: "POST",
          redirect: "manual",
          signal: AbortSignal.timeout(timeoutMs),
          headers: {
            "Content-Type": "application/json",
            "User-Agent": "cxmap-webhooks/1",
            [WEBHOOK_HEADERS.event]: row.event,
            [WEBHOOK_HEADERS.delivery]: row.id,
            [WEBHOOK_HEADERS.signature]: signWebhookBody(row.secret, body, Math.floor(Date.now() / 1000)),
          },
          body,
        });
        status = response.status;
        await response.body?.cancel().catch(() => undefined);
        if (status < 200 || status >= 300) error = `The address answered ${status}.`;
      } catch (cause) {
        error = `The address could not be reached: ${cause instanceof Error ? cause.message : String(cause)}`.slice(0, 500);
      }
      const attempts = row.attempts + 1;
      if (!error) {
        await poolSql(
          `UPDATE webhook_deliveries SET status = 'DELIVERED', attempts = $2, last_attempt_at = now(), delivered_at = now(),
             last_status_code = $3, last_error = NULL WHERE id = $1`,
          [row.id, attempts, status],
        );
      } else {
        const giveUp = attempts >= maxAttempts;
        await poolSql(
          `UPDATE webhook_deliveries SET status = $2::"WebhookDeliveryStatus", attempts = $3, last_attempt_at = now(),
             next_attempt_at = now() + make_interval(secs => $4), last_status_code = $5, last_error = $6 WHERE id = $1`,
          [row.id, giveUp ? "FAILED" : "PENDING", attempts, giveUp ? 0 : retryDelaySeconds(attempts, retrySeconds), status, error],
        );
      }
    }),
  );
  return due.length;
}
