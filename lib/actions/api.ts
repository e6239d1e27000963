"use server";

import { revalidatePath } from "next/cache";
import type { ActionArgs, ActionResult } from "@/lib/action-result";
import { workspaceAction } from "@/lib/workspace-action";
import { CreateApiTokenSchema, RemoveWebhookSchema, RevokeApiTokenSchema, SaveWebhookSchema } from "@/lib/schemas/api-tokens";
import { createApiToken, revokeApiToken } from "@/lib/data/api-tokens";
import { removeWebhook, saveWebhook } from "@/lib/data/webhooks";
import type { Role } from "@/lib/permissions";

function revalidateApiPage(workspaceId: string) {
  return () => revalidatePath(`/w/${workspaceId}/api`);
}

/** Returns the token's secret once; only its hash is stored. */
export async function createApiTokenAction(
  workspaceId: string,
  ...args: ActionArgs
): Promise<ActionResult<{ id: string; name: string; role: Role; prefix: string; expiresAt: string | null; secret: string }>> {
  return workspaceAction(workspaceId, args, {
    permission: "tokens.manage",
    schema: CreateApiTokenSchema,
    run: (ctx, input) => createApiToken(ctx, input),
    revalidate: revalidateApiPage(workspaceId),
  });
}

export async function revokeApiTokenAction(workspaceId: string, ...args: ActionArgs): Promise<ActionResult<{ tokenId: string }>> {
  return workspaceAction(workspaceId, args, {
    permission: "tokens.manage",
    schema: RevokeApiTokenSchema,
    run: revokeApiToken,
    revalidate: revalidateApiPage(workspaceId),
  });
}

/** Returns the signing secret once, when the webhook is new. */
export async function saveWebhookAction(workspaceId: string, ...args: ActionArgs): Promise<ActionResult<{ url: string; secret: string | null }>> {
  return workspaceAction(workspaceId, args, {
    permission: "tokens.manage",
    schema: SaveWebhookSchema,
    run: saveWebhook,
    revalidate: revalidateApiPage(workspaceId),
  });
}

export async function removeWebhookAction(workspaceId: string, ...args: ActionArgs): Promise<ActionResult<{ removed: boolean }>> {
  return workspaceAction(workspaceId, args, {
    permission: "tokens.manage",
    schema: RemoveWebhookSchema,
    run: (ctx) => removeWebhook(ctx),
    revalidate: revalidateApiPage(workspaceId),
  });
}
