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
import { FixedWindowLimiter } from "@/lib/rate-limit";
import { resolveTokenAccess } from "@/lib/data/api-tokens";
import { API_ERROR_CODES, type ApiOperation } from "@/lib/schemas/api-v1";

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
  limits: JsonBodyLimits,
): Promise<{ body: unknown; response?: never } | { body?: never; response: NextResponse }> {
  const read = await readJson(request, limits);
  return "failure" in read ? { response: jsonError(read.failure.status, read.failure.message) } : { body: read.body };
}

/** readJsonBody's work, with the refusal as a status and message for the caller to answer in its own shape. */
async function readJson(
  request: Request,
  { maxBytes, what, tooLarge }: JsonBodyLimits,
): Promise<{ body: unknown } | { failure: { status: 400 | 413; message: string } }> {
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes) {
    return { failure: { status: 413, message: tooLarge } };
  }
  const bytes = await readAtMost(request, maxBytes);
  if (!bytes) return { failure: { status: 413, message: tooLarge } };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { failure: { status: 400, message: `${what} is not valid UTF-8 text.` } };
  }
  if (/\\u0000/i.test(text)) {
    return { failure: { status: 400, message: `${what} contains a NUL character, which cannot be stored. Remove it and try again.` } };
  }
  try {
    return { body: JSON.parse(text) as unknown };
  } catch {
    return { failure: { status: 400, message: `${what} is not valid JSON.` } };
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

// ---------------------------------------------------------------------------------------
// /api/v1: the public REST API. The same order as workspaceRoute (guard, input, work), with a
// bearer token or the browser session, a per-token rate limit, and one error shape:
// `{ error: { code, message, fieldErrors? } }`.
// ---------------------------------------------------------------------------------------

/** Requests per minute per token (CXMAP_API_RATE_LIMIT); one limiter per server process. */
export const apiRateLimiter = new FixedWindowLimiter(env.CXMAP_API_RATE_LIMIT);

/** The API's error answer. */
export function apiError(
  status: keyof typeof API_ERROR_CODES,
  message: string,
  { fieldErrors, code, headers }: { fieldErrors?: FieldErrors; code?: string; headers?: Record<string, string> } = {},
): Response {
  return Response.json(
    { error: { code: code ?? API_ERROR_CODES[status], message, ...(fieldErrors ? { fieldErrors } : {}) } },
    { status, headers: { ...NO_STORE, ...headers } },
  );
}

function apiErrorFor(status: number, message: string, options: { fieldErrors?: FieldErrors; code?: string } = {}): Response {
  const known = (status in API_ERROR_CODES ? status : 400) as keyof typeof API_ERROR_CODES;
  return apiError(known, message, options);
}

const BEARER_CHALLENGE = { "WWW-Authenticate": 'Bearer realm="cxmap"' };

/** The guard of an API request: a bearer token when one is sent, else the browser session. */
async function resolveApiAccess(request: Request, workspaceId: string, permission: Permission): Promise<{ ctx: WorkspaceContext } | { response: Response }> {
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) return { response: apiError(401, "Send the token as `Authorization: Bearer <token>`.", { headers: BEARER_CHALLENGE }) };
    const access = await resolveTokenAccess(match[1]!, workspaceId, permission);
    if (!access.ok) return { response: apiError(access.status, access.message, access.status === 401 ? { headers: BEARER_CHALLENGE } : {}) };
    const wait = apiRateLimiter.take(access.ctx.apiToken!.id);
    if (wait !== null) {
      return { response: apiError(429, `Too many requests with this token. Try again in ${wait} seconds.`, { headers: { "Retry-After": String(wait) } }) };
    }
    return { ctx: access.ctx };
  }
  const session = await getSessionRef();
  if (!session) return { response: apiError(401, "Send an API token as `Authorization: Bearer <token>`, or sign in.", { headers: BEARER_CHALLENGE }) };
  const ctx = await resolveSessionAccess(session, workspaceId, permission);
  if (ctx) return { ctx };
  if (!(await getSessionUser())) return { response: apiError(401, "Your session has ended. Sign in again.") };
  // A member whose role lacks the permission hears so; anyone else, not found.
  if (await resolveSessionAccess(session, workspaceId, "workspace.view")) {
    return { response: apiError(403, `Your role may not do this (it needs the permission ${permission}).`) };
  }
  return { response: apiError(404, "Not found.") };
}

/** What an API route's function gets: the parsed query or body, the address's parameters and the request. */
export type ApiCall<Q, B> = { query: Q; body: B; params: Record<string, string>; request: Request };

/** An API answer with a status other than 200 (a 201 for something created). */
export function created(data: unknown, status = 201): Response {
  return Response.json(data, { status, headers: NO_STORE });
}

const API_BODY_LIMIT = 512 * 1024;

/**
 * Every /api/v1 route handler, from its operation in lib/schemas/api-v1.ts (the same one the
 * OpenAPI document is generated from): guard (401 no valid token or session; 404 another
 * workspace; 403 the role lacks the permission; 429 over the token's rate limit), the input
 * (400 a malformed query or body; 413 too large; 415 not JSON; 422 a body the schema refuses),
 * then the work. A UserError keeps its status (a 400 about the body is a 422). Bad input never
 * gets a 500.
 */
export function apiV1Route<O extends ApiOperation, T>(
  operation: O,
  run: (
    ctx: WorkspaceContext,
    call: ApiCall<O["query"] extends z.ZodType ? z.output<O["query"]> : undefined, O["body"] extends z.ZodType ? z.output<O["body"]> : undefined>,
  ) => Promise<T>,
): (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response> {
  return async (request, context) => {
    const response = await answer(request, context);
    if (servedOverHttps(request.headers.get("x-forwarded-proto"), { siteUrl: env.NEXTAUTH_URL, trustProxy })) {
      response.headers.set("strict-transport-security", STRICT_TRANSPORT_SECURITY);
    }
    return response;
  };

  async function answer(request: Request, context: { params: Promise<Record<string, string>> }): Promise<Response> {
    // Answered in the API's error shape already (lib/request-guard.ts).
    const refused = refuseHostileRequest(request);
    if (refused) return refused;
    const params = await context.params;
    // An id PostgreSQL cannot even hold is simply not found, rather than a failed query.
    if (Object.values(params).some((value) => typeof value !== "string" || value.includes("\0") || value.length > 200)) {
      return apiError(404, "Not found.");
    }
    const guard = await resolveApiAccess(request, params.workspaceId ?? "", operation.permission);
    if ("response" in guard) return guard.response;

    let query: unknown = undefined;
    let body: unknown = undefined;
    if (operation.query) {
      const { searchParams } = new URL(request.url);
      if ([...searchParams.entries()].some(([key, value]) => key.includes("\0") || value.includes("\0"))) {
        return apiError(400, "A parameter contains a NUL character, which cannot be used.");
      }
      const parsed = operation.query.safeParse(searchParamsToRecord(searchParams));
      if (!parsed.success) return apiError(400, parsed.error.issues[0]?.message ?? "Some parameters are not valid.", { fieldErrors: zodFieldErrors(parsed.error) });
      query = parsed.data;
    }
    if (operation.body) {
      const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
      if (type !== "application/json" && !/^application\/[a-z0-9.+-]+\+json$/.test(type)) {
        return apiError(415, "Send the body as JSON, with `Content-Type: application/json`.");
      }
      const read = await readJson(request, { maxBytes: API_BODY_LIMIT, what: "The body", tooLarge: "The body is too large: send at most 512 KB." });
      if ("failure" in read) return apiError(read.failure.status, read.failure.message);
      const parsed = operation.body.safeParse(read.body);
      if (!parsed.success) {
        const fieldErrors = zodFieldErrors(parsed.error);
        const count = parsed.error.issues.length;
        const first = parsed.error.issues[0]?.message ?? "The body is not valid.";
        return apiError(422, count === 1 ? first : `${count} fields need attention. First: ${first}`, { fieldErrors });
      }
      // The raw body is kept alongside: some checks (an interview against its map) need more than the schema.
      body = { parsed: parsed.data, raw: read.body };
    }

    try {
      const call = {
        query,
        body: body === undefined ? undefined : (body as { parsed: unknown }).parsed,
        raw: body === undefined ? undefined : (body as { raw: unknown }).raw,
        params,
        request,
      } as unknown as Parameters<typeof run>[1];
      const result = await run(guard.ctx, call);
      return result instanceof Response ? result : Response.json(result, { headers: NO_STORE });
    } catch (error) {
      if (error instanceof UserError) {
        const status = error.status === 400 && operation.body ? 422 : error.status;
        return apiErrorFor(status, error.message, { fieldErrors: error.fieldErrors, code: error.code });
      }
      throw error;
    }
  }
}

/**
 * The handler for the methods an /api/v1 address does not answer (a route file exports it as
 * POST, PUT, PATCH or DELETE, whichever it has no operation for): a 405 in the API's error
 * shape with the Allow header, rather than Next's empty answer.
 */
export function methodNotAllowed(...allowed: ("GET" | "POST")[]): (request: Request) => Promise<Response> {
  const allow = [...allowed, ...(allowed.includes("GET") ? ["HEAD"] : []), "OPTIONS"].join(", ");
  return async (request) =>
    apiError(405, `This address does not answer ${request.method}. It answers ${allowed.join(" and ")}.`, { headers: { Allow: allow } });
}

/** The body as it arrived, before the schema (see apiV1Route). */
export function rawBody(call: object): unknown {
  return (call as { raw?: unknown }).raw;
}
