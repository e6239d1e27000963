import { NextResponse, type NextRequest } from "next/server";
import { env, trustProxy } from "@/lib/env";
import {
  contentSecurityPolicy,
  createNonce,
  servedOverHttps,
  STRICT_TRANSPORT_SECURITY,
} from "@/lib/http/security-headers";
import { refuseHostileRequest } from "@/lib/request-guard";
import { headersWithRequestedPath } from "@/lib/auth/requested-path";

const development = env.NODE_ENV === "development";

/**
 * Runs before every page and route handler (not static files, see `config`):
 * - hostile requests that Next.js would answer with a server error get their 4xx here
 *   (lib/request-guard.ts);
 * - every response gets a Content-Security-Policy with a nonce of its own, and HSTS over
 *   https. The policy also goes on the request, where Next reads the nonce to put it on the
 *   scripts it renders. The fixed headers come from next.config.js;
 * - the page learns the path and query that were asked for, so that a signed-out visitor
 *   is sent to sign in with the way back (lib/auth/requested-path.ts).
 * Kept to a few header checks, a random nonce and a few header writes: this runs on every
 * interview submission too.
 */
export function proxy(request: NextRequest) {
  const https = servedOverHttps(request.headers.get("x-forwarded-proto"), { siteUrl: env.NEXTAUTH_URL, trustProxy });
  const policy = contentSecurityPolicy(createNonce(), { development, https });

  const refused = refuseHostileRequest(request);
  const requestHeaders = headersWithRequestedPath(request.nextUrl, request.headers);
  requestHeaders.set("content-security-policy", policy);
  const response = refused ?? NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  if (https) response.headers.set("strict-transport-security", STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = {
  // Every path but static files and the workspace JSON routes (the same lists as
  // STATIC_PATH_SOURCES and JSON_ROUTE_SOURCES in lib/http/security-headers.ts, which
  // next.config.js gives fixed policies; lib/api.ts guards those routes itself), and not
  // next/link's prefetches: a prefetch renders no document of its own and takes no input.
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt|api/w/).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
