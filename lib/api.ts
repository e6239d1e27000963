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

/**
 * The JSON body of a request, or the 4xx answer to it: too large (413), not JSON (400), or
 * holding a NUL character (400), which PostgreSQL text and jsonb cannot store and would
 * otherwise fail on later. `what` names the body in the messages ("The draft", "The interview").
 */
export async function readJsonBody(
  request: Request,
  { maxBytes, what, tooLarge }: { maxBytes: number; what: string; tooLarge: string },
): Promise<{ body: unknown; response?: never } | { body?: never; response: NextResponse }> {
  const text = await request.text();
  if (text.length > maxBytes) return { response: jsonError(413, tooLarge) };
  if (/\\u0000/i.test(text)) {
    return { response: jsonError(400, `${what} contains a NUL character, which cannot be stored. Remove it and try again.`) };
  }
  try {
    return { body: JSON.parse(text) as unknown };
  } catch {
    return { response: jsonError(400, `${what} is not valid JSON.`) };
  }
}
