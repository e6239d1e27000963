import type { Metadata } from "next";
import Link from "next/link";
import { requireWorkspace } from "@/lib/workspace";
import { listApiTokens } from "@/lib/data/api-tokens";
import { getWebhook, listWebhookDeliveries } from "@/lib/data/webhooks";
import { PageHeader } from "@/components/ui/page-header";
import { ApiTokensPanel } from "@/components/api/api-tokens-panel";
import { WebhookPanel } from "@/components/api/webhook-panel";

export const metadata: Metadata = { title: "API" };

export default async function ApiPage({ params }: PageProps<"/w/[workspaceId]/api">) {
  const { workspaceId } = await params;
  const ctx = await requireWorkspace(workspaceId, "tokens.manage");
  const [tokens, webhook, deliveries] = await Promise.all([listApiTokens(ctx), getWebhook(ctx), listWebhookDeliveries(ctx)]);
  return (
    <>
      <PageHeader
        title="API"
        description="Tokens for other systems to submit interviews and read figures, and the webhook that tells them what happened."
      />
      <p className="mb-6 text-sm">
        <Link href={`/w/${workspaceId}/api/docs`} className="underline">
          Read the API documentation
        </Link>{" "}
        or fetch its OpenAPI description at <code>/api/v1/openapi.json</code>. This workspace&apos;s id is <code>{workspaceId}</code>.
      </p>
      <ApiTokensPanel workspaceId={workspaceId} tokens={tokens} />
      <WebhookPanel workspaceId={workspaceId} webhook={webhook} deliveries={deliveries} />
    </>
  );
}
