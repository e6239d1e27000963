"use client";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Badge } from "@/components/ui/badge";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { useToast } from "@/components/ui/toast";
import { bindWorkspace, useActionForm } from "@/components/ui/use-action-form";
import { FormError } from "@/components/auth/form-error";
import { LocalTime } from "@/components/interview/local-time";
import { removeWebhookAction, saveWebhookAction } from "@/lib/actions/api";
import { SaveWebhookSchema } from "@/lib/schemas/api-tokens";
import { WEBHOOK_EVENTS, WEBHOOK_HEADERS } from "@/lib/webhooks/events";
import type { WebhookDeliveryView, WebhookView } from "@/lib/types/api";

const STATUS_LABEL = { PENDING: "Waiting", DELIVERED: "Delivered", FAILED: "Failed" } as const;

/** The workspace's webhook address, its signing secret (shown once) and the delivery log. */
export function WebhookPanel({
  workspaceId,
  webhook,
  deliveries,
}: {
  workspaceId: string;
  webhook: WebhookView | null;
  deliveries: WebhookDeliveryView[];
}) {
  const toast = useToast();
  const form = useActionForm(bindWorkspace(saveWebhookAction, workspaceId), { schema: SaveWebhookSchema });
  const secret = form.result?.ok ? form.result.data.secret : null;

  async function remove() {
    const outcome = await removeWebhookAction(workspaceId, {});
    toast.toast(outcome.ok ? { title: "Webhook removed." } : { title: outcome.formError ?? "The webhook could not be removed.", tone: "error" });
  }

  return (
    <section aria-labelledby="webhook-heading" className="mt-8 rounded-lg border border-border bg-surface p-4">
      <h2 id="webhook-heading" className="text-base font-semibold">
        Webhook
      </h2>
      <p className="mt-1 text-sm text-fg-muted">
        cxmap POSTs a JSON event to this address when {Object.keys(WEBHOOK_EVENTS).length === 1 ? "this happens" : "these happen"}:{" "}
        {Object.entries(WEBHOOK_EVENTS)
          .map(([event, description]) => `${event} (${description.replace(/\.$/, "")})`)
          .join("; ")}
        . Each request carries the header <code>{WEBHOOK_HEADERS.signature}</code>: <code>t=&lt;time&gt;,v1=&lt;HMAC-SHA256 of
        &quot;t.body&quot;&gt;</code> with the secret. A failed delivery is tried again, waiting longer each time.
      </p>
      <form {...form.props} className="mt-4 grid gap-4 sm:grid-cols-4 sm:items-end">
        <div className="sm:col-span-4">
          <FormError message={form.formError} />
        </div>
        <div className="sm:col-span-3">
          <Field label="Address" error={form.error("url")}>
            {(control) => <Input {...control} name="url" type="url" autoComplete="off" defaultValue={form.value("url", webhook?.url ?? "")} />}
          </Field>
        </div>
        <Button type="submit" loading={form.pending}>
          {webhook ? "Save address" : "Add webhook"}
        </Button>
      </form>
      {secret && (
        <div className="mt-4 rounded-md border border-border bg-surface-muted p-3" role="status">
          <p className="text-sm font-medium" id="webhook-secret-label">
            Signing secret, shown only this once:
          </p>
          <code className="mt-2 block break-all text-sm" data-testid="webhook-secret" aria-labelledby="webhook-secret-label">
            {secret}
          </code>
        </div>
      )}
      {webhook && (
        <div className="mt-4">
          <ConfirmButton
            label="Remove webhook"
            title="Remove the webhook?"
            description="No more events are sent. The delivery log stays."
            confirmLabel="Remove webhook"
            onConfirm={remove}
          >
            <p className="text-sm">Events go to {webhook.url} until then.</p>
          </ConfirmButton>
        </div>
      )}
      <div className="mt-6 overflow-x-auto">
        <table className="w-full text-sm">
          <caption className="mb-2 text-left font-medium">Recent deliveries</caption>
          <thead className="bg-surface-muted text-left">
            <tr>
              <th scope="col" className="p-2 font-medium">Event</th>
              <th scope="col" className="p-2 font-medium">Queued</th>
              <th scope="col" className="p-2 font-medium">Status</th>
              <th scope="col" className="p-2 font-medium">Attempts</th>
              <th scope="col" className="p-2 font-medium">Last answer</th>
            </tr>
          </thead>
          <tbody>
            {deliveries.length === 0 && (
              <tr className="border-t border-border">
                <td className="p-2 text-fg-muted" colSpan={5}>
                  No events yet.
                </td>
              </tr>
            )}
            {deliveries.map((delivery) => (
              <tr key={delivery.id} className="border-t border-border">
                <td className="p-2"><code>{delivery.event}</code></td>
                <td className="p-2"><LocalTime iso={delivery.createdAt} /></td>
                <td className="p-2">
                  <Badge>{STATUS_LABEL[delivery.status]}</Badge>
                  {delivery.nextAttemptAt && delivery.attempts > 0 && (
                    <span className="ml-2 text-fg-muted">
                      next try <LocalTime iso={delivery.nextAttemptAt} />
                    </span>
                  )}
                </td>
                <td className="p-2">{delivery.attempts}</td>
                <td className="p-2">{delivery.lastError ?? (delivery.lastStatusCode ? `HTTP ${delivery.lastStatusCode}` : "")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
