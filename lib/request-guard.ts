// Checks made on every request before Next.js routes it (proxy.ts calls refuseHostileRequest),
// for the cases Next.js itself would answer with a server error:
// - a server action whose body is larger than Next's limit: Next stops reading and answers 500;
//   here the declared size is checked first and the answer is 413 with a message;
// - a server action sent from another site (its Origin is not this host): Next refuses to run
//   it, but with a 500; here it is a 403, and so is any other cross-site write (POST, PUT,
//   PATCH, DELETE) to a route handler;
// - an address whose path holds a NUL character, which no id can contain: 404.
// Plain Web API types only, so it runs in the proxy and in unit tests alike.

/** The largest body a server action accepts; next.config.js gives Next the same limit. */
export const SERVER_ACTION_BODY_LIMIT = 1024 * 1024;

export const REQUEST_GUARD_MESSAGES = {
  tooLarge: "The form is too large to send: a request can carry at most 1 MB. Shorten the text and try again.",
  lengthRequired: "The form was sent without its size (Content-Length), so it cannot be accepted.",
  crossSite: "This request came from another site, so it was refused.",
  notFound: "Not found.",
} as const;

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** A Server Action call: a fetch from the page (Next-Action header), or a form posted before hydration (multipart). */
export function isServerActionRequest(request: Request): boolean {
  if (request.method !== "POST") return false;
  if (request.headers.has("next-action")) return true;
  const path = new URL(request.url).pathname;
  return !path.startsWith("/api/") && (request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data");
}

/** The host the request was sent to, as Next.js reads it (a forwarding proxy's header first). */
function requestHost(request: Request): string | null {
  const forwarded = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  return forwarded || request.headers.get("host");
}

/** The host of the Origin header; "null" for an opaque origin; undefined when there is none. */
function originHost(request: Request): string | undefined {
  const origin = request.headers.get("origin");
  if (origin === null) return undefined;
  if (origin === "null") return "null";
  try {
    return new URL(origin).host;
  } catch {
    return "null";
  }
}

/** The public API's error codes for the refusals made here (its one error shape, lib/api.ts). */
const API_V1_CODES: Record<number, string> = { 403: "forbidden", 404: "not_found", 411: "bad_request", 413: "payload_too_large" };

function refusal(request: Request, status: number, message: string): Response {
  const headers = { "Cache-Control": "no-store" };
  const path = new URL(request.url).pathname;
  if (path.startsWith("/api/v1/")) return Response.json({ error: { code: API_V1_CODES[status] ?? "bad_request", message } }, { status, headers });
  return path.startsWith("/api/")
    ? Response.json({ error: message }, { status, headers })
    : new Response(message, { status, headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" } });
}

/** The answer to a request that must not go further, or null to let it through. */
export function refuseHostileRequest(request: Request): Response | null {
  // The URL parser keeps %00 encoded in the path; a route would decode it into an id.
  if (/%00/i.test(new URL(request.url).pathname)) return refusal(request, 404, REQUEST_GUARD_MESSAGES.notFound);

  if (UNSAFE_METHODS.has(request.method)) {
    // No Origin (a program, not a browser page) carries no one else's cookies by accident; let it through as Next does.
    const origin = originHost(request);
    if (origin !== undefined && origin !== requestHost(request)) return refusal(request, 403, REQUEST_GUARD_MESSAGES.crossSite);
  }

  if (isServerActionRequest(request)) {
    const declared = request.headers.get("content-length");
    // Browsers always declare the size of a form or an action call; a body without it could
    // only be measured by reading it, which is what ends in Next's 500.
    if (declared === null || !/^\d+$/.test(declared.trim())) {
      return request.headers.has("transfer-encoding") ? refusal(request, 411, REQUEST_GUARD_MESSAGES.lengthRequired) : null;
    }
    if (Number(declared) > SERVER_ACTION_BODY_LIMIT) return refusal(request, 413, REQUEST_GUARD_MESSAGES.tooLarge);
  }
  return null;
}
