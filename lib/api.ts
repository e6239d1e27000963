import "server-only";
import { NextResponse } from "next/server";
import { getSessionUserId } from "@/lib/auth/session";
import { resolveWorkspaceAccess, type WorkspaceContext } from "@/lib/workspace";
import type { Permission } from "@/lib/permissions";
import type { FieldErrors } from "@/lib/action-result";

/** The JSON error body every route handler answers with. */
export function jsonError(status: number, message: string, fieldErrors?: FieldErrors) {
  return NextResponse.json({ error: message, ...(fieldErrors ? { fieldErrors } : {}) }, { status, headers: { "Cache-Control": "no-store" } });
}

/**
 * The guard of route handlers: the same decision as requireWorkspace, answered in JSON.
 * Signed out: 401. Not a member, wrong role or no such workspace: the same 404.
 */
export async function requireWorkspaceApi(
  workspaceId: string,
  permission: Permission,
): Promise<{ ctx: WorkspaceContext; response?: never } | { ctx?: never; response: NextResponse }> {
  const userId = await getSessionUserId();
  if (!userId) return { response: jsonError(401, "Sign in to use this.") };
  const ctx = await resolveWorkspaceAccess(userId, workspaceId, permission);
  if (!ctx) return { response: jsonError(404, "Not found.") };
  return { ctx };
}
