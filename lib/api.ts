import "server-only";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { getSessionRef, getSessionUser } from "@/lib/auth/session";
import { resolveSessionAccess, type WorkspaceContext } from "@/lib/workspace";
import { UserError, zodFieldErrors } from "@/lib/errors";
import { searchParamsToRecord } from "@/lib/schemas/analysis-filter";
import type { Permission } from "@/lib/permissions";
import type { FieldErrors } from "@/lib/action-result";
import { refuseHostileRequest } from "@/lib/request-guard";
import { servedOverHttps, STRICT_TRANSPORT_SECURITY } from "@/lib/http/security-headers";
import { env, trustProxy } from "@/lib/env";

const NO_STORE = { "Cache-Control": "no-store" };

/**
 * The JSON error body every route handler answers with. `code`, when given, names the failure
 * for the client program (the capture screen stops autosaving on "submitted").
 */
export function jsonError(status: number, message: string, fieldErrors?: FieldErrors, code?: string) {
  return NextResponse.json(
    { error: message, ...(code ? { code } : {}), ...(fieldErrors ? { fieldErrors } : {}) },
    { status, headers: NO_STORE },
  );
}

/**
 * The guard of route handlers: the same decision as requireWorkspace, answered in JSON.
 * Signed out: 401 with `signedOut` as the message. Not a member, wrong role or no such
 * workspace: the same 404.
 */
export async function requireWorkspaceApi(
  workspaceId: string,
  permission: Permission,
  signedOut = "Sign in to use this.",
): Promise<{ ctx: WorkspaceContext; response?: never } | { ctx?: never; response: NextResponse }> {
  const session = await getSessionRef();
  if (!session) return { response: jsonError(401, signedOut) };
  const ctx = await resolveSessionAccess(session, workspaceId, permission);
  if (ctx) return { ctx };
  // Refused: a session that has ended is signed out (401), a live one not allowed here 404.
  if (!(await getSessionUser())) return { response: jsonError(401, signedOut) };
  return { response: jsonError(404, "Not found.") };
}

/** How much of a JSON body a route accepts, and how its 4xx answers name it. */
export type JsonBodyLimits = { maxBytes: number; what: string; tooLarge: string };

/**
 * The JSON body of a request, or the 4xx answer to it: too large (413), not JSON (400), or
 * holding a NUL character (400), which PostgreSQL text and jsonb cannot store and would
 * otherwise fail on later. `what` names the body in the messages ("The draft", "The interview").
 * A body is refused by its declared Content-Length before any of it is read, and reading stops
 * at the first chunk past `maxBytes`, so an oversized body never sits in memory.
 */
export async function readJsonBody(
  request: Request,
  { maxBytes, what, tooLarge }: JsonBodyLimits,
): Promise<{ body: unknown; response?: never } | { body?: never; response: NextResponse }> {
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes) {
    return { response: jsonError(413, tooLarge) };
  }
  const bytes = await readAtMost(request, maxBytes);
  if (!bytes) return { response: jsonError(413, tooLarge) };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { response: jsonError(400, `${what} is not valid UTF-8 text.`) };
  }
  if (/\\u0000/i.test(text)) {
    return { response: jsonError(400, `${what} contains a NUL character, which cannot be stored. Remove it and try again.`) };
  }
  try {
    return { body: JSON.parse(text) as unknown };
  } catch {
    return { response: jsonError(400, `${what} is not valid JSON.`) };
  }
}

/** The body's bytes, or null as soon as they pass `maxBytes` (the rest is not read). */
async function readAtMost(request: Request, maxBytes: number): Promise<Uint8Array | null> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The route parameters a wrapped handler receives: always the workspace, plus those it names. */
export type RouteParams<K extends string> = Record<"workspaceId" | K, string>;

/** What a wrapped route's function gets besides the guard's context and the parsed input. */
export type RouteCall<K extends string> = {
  request: Request;
  params: RouteParams<K>;
  /** The input as it arrived, before the schema (for checks that need more than the schema). */
  input: unknown;
};

export type WorkspaceRouteSpec<K extends string, S extends z.ZodType> = {
  /** What the caller's role must allow in the workspace of the address. */
  permission: Permission;
  /** The address's parameters besides workspaceId that the function reads. */
  params?: readonly K[];
  /** The message of the 401 to a signed-out caller. */
  signedOut?: string;
  /** Read the input from the JSON body within these limits; without it, from the query string. */
  body?: JsonBodyLimits;
  schema: S;
  /** The message of the 400 for input the schema refuses; by default its first issue's. */
  invalid?: string;
  /** How the schema's issues are keyed in `fieldErrors`; by default by their full path. */
  fieldErrors?: (error: z.ZodError) => FieldErrors;
  /** The work: its result is answered as JSON (a Response is passed through as it is). */
  run: (ctx: WorkspaceContext, data: z.output<S>, call: RouteCall<K>) => Promise<unknown>;
};

/**
 * Every route handler inside a workspace, in the one order that keeps it safe: the guard
 * first (401 signed out; 404 not a member or the role lacks the permission, before the body is
 * even read), then the input (413 too large; 400 not JSON or refused by the schema, with a
 * message and field errors), then the work. A UserError it throws is answered with its status
 * (404 not found, 409 conflict...), message, field errors and code; anything else is a bug and
 * goes to the error log. Bad input never gets a 500.
 */
export function workspaceRoute<S extends z.ZodType, K extends string = never>(
  spec: WorkspaceRouteSpec<K, S>,
): (request: Request, context: { params: Promise<RouteParams<K>> }) => Promise<Response> {
  return async (request, context) => {
    const response = await answer(request, context);
    // The proxy skips these routes (lib/http/security-headers.ts, JSON_ROUTE_SOURCES): HSTS here.
    if (servedOverHttps(request.headers.get("x-forwarded-proto"), { siteUrl: env.NEXTAUTH_URL, trustProxy })) {
      response.headers.set("strict-transport-security", STRICT_TRANSPORT_SECURITY);
    }
    return response;
  };

  async function answer(request: Request, context: { params: Promise<RouteParams<K>> }): Promise<Response> {
    // The proxy's guard (cross-site writes, a NUL in the path), which these routes skip.
    const refused = refuseHostileRequest(request);
    if (refused) return refused;
    const params = await context.params;
    const guard = await requireWorkspaceApi(params.workspaceId, spec.permission, spec.signedOut);
    if (guard.response) return guard.response;
    // An id PostgreSQL cannot even hold is simply not found, rather than a failed query.
    if (Object.values(params).some((value) => typeof value !== "string" || value.includes("\0"))) return jsonError(404, "Not found.");

    let input: unknown;
    if (spec.body) {
      const read = await readJsonBody(request, spec.body);
      if (read.response) return read.response;
      input = read.body;
    } else {
      const { searchParams } = new URL(request.url);
      if ([...searchParams.values()].some((value) => value.includes("\0"))) {
        return jsonError(400, "A parameter contains a NUL character, which cannot be used. Remove it and try again.");
      }
      input = searchParamsToRecord(searchParams);
    }
    const parsed = spec.schema.safeParse(input);
    if (!parsed.success) {
      const fieldErrors = (spec.fieldErrors ?? zodFieldErrors)(parsed.error);
      return jsonError(400, spec.invalid ?? parsed.error.issues[0]?.message ?? "The request is not valid.", fieldErrors);
    }

    try {
      const result = await spec.run(guard.ctx, parsed.data, { request, params, input });
      // A plain Response: NextResponse.json builds a NextURL and cookie helpers this answer does not use.
      return result instanceof Response ? result : Response.json(result, { headers: NO_STORE });
    } catch (error) {
      if (error instanceof UserError) return jsonError(error.status, error.message, error.fieldErrors, error.code);
      throw error;
    }
  }
}
