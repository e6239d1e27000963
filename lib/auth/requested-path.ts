import { safeCallbackPath } from "@/lib/auth/callback-path";

/**
 * The request header that carries the path and query a visitor asked for to the server
 * components, which Next.js does not tell the page itself. The proxy sets it on every request
 * it sees (overwriting whatever a client sent under that name), and the sign-in redirect of
 * the guard reads it, so a shared link survives signing in.
 */
export const REQUESTED_PATH_HEADER = "x-cxmap-requested-path";

// Query parameters Next.js adds for its own requests (React Server Component fetches).
const INTERNAL_PARAMS = ["_rsc"];

/** The path and query of `url` as a same-origin callback path, or null when it is not one. */
export function requestedPathOf(url: URL): string | null {
  const search = new URLSearchParams(url.search);
  for (const name of INTERNAL_PARAMS) search.delete(name);
  const query = search.toString();
  const path = safeCallbackPath(`${url.pathname}${query ? `?${query}` : ""}`, "");
  return path || null;
}

/** The request's headers with the requested-path header set (or removed when there is no such path). */
export function headersWithRequestedPath(url: URL, headers: Headers): Headers {
  const next = new Headers(headers);
  const path = requestedPathOf(url);
  if (path) next.set(REQUESTED_PATH_HEADER, path);
  else next.delete(REQUESTED_PATH_HEADER);
  return next;
}

/** The sign-in page, with the requested path as where to go on to when there is one worth keeping. */
export function signInPathFor(requested: string | null | undefined): string {
  const path = safeCallbackPath(requested, "");
  if (!path || path === "/" || path.startsWith("/sign-in")) return "/sign-in";
  return `/sign-in?callbackUrl=${encodeURIComponent(path)}`;
}
