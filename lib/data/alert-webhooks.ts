import "server-only";
import { sql, sqlTransaction } from "@/lib/db";
import type { WorkspaceContext } from "@/lib/workspace";
import { newlyFiredAlerts } from "@/lib/data/analysis-insight";
import { enqueueWebhookEvent } from "@/lib/data/webhooks";
import { todayIso } from "@/lib/analysis/trend";

// The event alert.fired: the background webhook loop (lib/webhooks/worker.ts) asks, at most once
// an hour, which change alerts of each active map newly fire today (lib/data/analysis-insight.ts,
// newlyFiredAlerts: over the whole map, firing today and not yesterday with the same direction),
// and queues one event per alert for the workspace's webhook. announced_alerts remembers what was
// announced (map, touchpoint, direction, last day of the window), so later checks on the same
// day, or on another server process, announce nothing again.

type WatchedMap = { map_id: string; map_name: string; workspace_id: string; workspace_name: string; created_by_id: string };

/**
 * The context the check reads a workspace's analysis with: no request and no member behind it,
 * so it acts for the webhook's creator with a role that sees every interview; it only ever reads
 * the figures of the maps of that one workspace.
 */
function systemContext(map: WatchedMap): WorkspaceContext {
  return { workspaceId: map.workspace_id, workspaceName: map.workspace_name, userId: map.created_by_id, userName: "cxmap", userEmail: "", role: "ADMIN" };
}

/**
 * Queues alert.fired for every change alert that newly fires on `today` on an active map of a
 * workspace with a webhook, once per alert. Returns how many events were queued.
 */
export async function announceChangeAlerts(options: { today?: string; workspaceId?: string } = {}): Promise<number> {
  const today = options.today ?? todayIso();
  const maps = await sql<WatchedMap>(
    `SELECT m.id AS map_id, m.name AS map_name, m.workspace_id, ws.name AS workspace_name, w.created_by_id
     FROM maps m
     JOIN webhooks w ON w.workspace_id = m.workspace_id AND w.disabled_at IS NULL
     JOIN workspaces ws ON ws.id = m.workspace_id
     WHERE m.status = 'ACTIVE' AND ($1::text IS NULL OR m.workspace_id = $1)
     ORDER BY m.workspace_id, m.id`,
    [options.workspaceId ?? null],
  );
  let queued = 0;
  for (const map of maps) {
    const fired = await newlyFiredAlerts(systemContext(map), map.map_id, { today });
    if (fired.length === 0) continue;
    queued += await sqlTransaction(async (tx) => {
      let count = 0;
      for (const alert of fired) {
        const inserted = await tx(
          `INSERT INTO announced_alerts (map_id, touchpoint_id, direction, window_end, workspace_id)
           VALUES ($1, $2, $3, $4::date, $5) ON CONFLICT DO NOTHING RETURNING map_id`,
          [map.map_id, alert.touchpointId, alert.status, today, map.workspace_id],
        );
        if (inserted.length === 0) continue;
        await enqueueWebhookEvent(tx, map.workspace_id, "alert.fired", {
          mapId: map.map_id,
          mapName: map.map_name,
          touchpointId: alert.touchpointId,
          touchpointName: alert.name,
          stageName: alert.stageName,
          channelName: alert.channelName,
          status: alert.status,
          metric: "missRate",
          windowEnd: today,
          latest: { ...alert.latest, rate: alert.latestRate },
          previous: { ...alert.previous, rate: alert.previousRate },
          delta: alert.delta,
          z: alert.z,
          p: alert.p,
        });
        count += 1;
      }
      return count;
    });
  }
  return queued;
}
