// The events a workspace's webhook is told about. Pure, so the API page lists them too. Each
// is queued with enqueueWebhookEvent (lib/data/webhooks.ts) in the transaction of what it
// reports; interview.submitted is queued by the database itself (a trigger on interviews), so
// every way of submitting announces it; alert.fired is queued by the hourly check of
// lib/data/alert-webhooks.ts.
export const WEBHOOK_EVENTS = {
  "interview.submitted": "An interview was submitted, from the capture screen, the API or an import.",
  "alert.fired": "A change alert newly fired on an active map: a touchpoint's miss rate over the latest 28 days moved significantly from the 28 days before.",
} as const;

export type WebhookEvent = keyof typeof WEBHOOK_EVENTS;

/** The headers of a delivery: which event, which delivery (the same on every retry), and the signature. */
export const WEBHOOK_HEADERS = {
  event: "X-Cxmap-Event",
  delivery: "X-Cxmap-Delivery",
  signature: "X-Cxmap-Signature",
} as const;
