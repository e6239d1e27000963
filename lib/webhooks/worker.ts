import "server-only";
import { env } from "@/lib/env";
import { deliverDueWebhooks } from "@/lib/data/webhooks";
import { announceChangeAlerts } from "@/lib/data/alert-webhooks";

// The background loop of the server process that sends webhook deliveries: started once from
// instrumentation.ts when the server starts, it looks for due deliveries every few seconds. A
// submission only queues its event; nothing here runs on a request's time. Once an hour it also
// queues alert.fired for the change alerts that newly fired (lib/data/alert-webhooks.ts).

const INTERVAL_MS = 5_000;
const ALERT_CHECK_MS = 60 * 60 * 1000;
const state = globalThis as { __cxmapWebhookWorker?: ReturnType<typeof setInterval>; __cxmapAlertCheckAt?: number };

export function startWebhookWorker() {
  if (state.__cxmapWebhookWorker || env.CXMAP_WEBHOOK_WORKER === false || !env.DATABASE_URL) return;
  let running = false;
  state.__cxmapWebhookWorker = setInterval(() => {
    if (running) return;
    running = true;
    // Keep going while there is a backlog, a batch at a time.
    const drain = async () => {
      if (Date.now() >= (state.__cxmapAlertCheckAt ?? 0)) {
        state.__cxmapAlertCheckAt = Date.now() + ALERT_CHECK_MS;
        await announceChangeAlerts().catch((error: unknown) => console.error("Checking change alerts failed:", error));
      }
      while ((await deliverDueWebhooks()) > 0);
    };
    drain()
      .catch((error: unknown) => console.error("Webhook delivery failed:", error))
      .finally(() => {
        running = false;
      });
  }, INTERVAL_MS);
  state.__cxmapWebhookWorker.unref?.();
}
