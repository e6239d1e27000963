// The security headers of every cxmap response, as pure functions of their inputs: no
// environment, no framework. proxy.ts adds the per-request Content-Security-Policy (with a
// fresh script nonce) and HSTS; next.config.js sets the headers that never change, for
// every path, static files included. docs/decisions/2026-12-02-security-headers.md says why
// each one is what it is.

/** A header as next.config.js `headers()` takes it. */
export type HeaderEntry = { key: string; value: string };

export type PolicyOptions = {
  /** `next dev`: React rebuilds server error stacks with eval, and dev CSS arrives as un-nonced <style> tags. */
  development: boolean;
  /** The site is served over https, so any http URL left in a page is upgraded rather than loaded in the clear. */
  https: boolean;
};

/** A fresh nonce: 16 random bytes, base64 (24 characters). */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * The Content-Security-Policy of a page (and of every other response the proxy sees).
 *
 * Scripts run only with this response's nonce; 'strict-dynamic' lets those scripts load
 * Next's other chunks. Next finds the nonce by reading this same header on the request (the
 * first `script-src` directive, so none may come before it) and puts it on its own scripts.
 *
 * Styles: <style> and stylesheet elements need the nonce or this origin, but style
 * attributes are allowed (style-src-attr 'unsafe-inline'): server-rendered markup carries
 * them (recharts' chart containers and SVG, progress bars sized by a percentage), a nonce
 * cannot apply to an attribute, and an attribute can neither run script nor load anything
 * from another origin under default-src 'self'.
 *
 * The service worker (/sw.js) and the web app manifest come from this origin: worker-src
 * would otherwise fall back to script-src, where 'strict-dynamic' ignores 'self' and a
 * worker script cannot carry a nonce, so registering the worker would be refused.
 */
export function contentSecurityPolicy(nonce: string, { development, https }: PolicyOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    development ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    development ? "style-src-elem 'self' 'unsafe-inline'" : `style-src-elem 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/**
 * The policy of static files (scripts, stylesheets, the icon, robots.txt), which the proxy
 * does not see: they run nothing and embed nothing, and an SVG opened on its own keeps its
 * inline styles but runs no script.
 */
export const STATIC_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

/**
 * Browser features cxmap never uses, denied to the page and to anything it could embed. Only
 * names Chromium recognises: it logs an unknown one as an error on every page.
 */
export const DENIED_FEATURES = [
  "accelerometer",
  "autoplay",
  "browsing-topics",
  "camera",
  "display-capture",
  "encrypted-media",
  "fullscreen",
  "geolocation",
  "gyroscope",
  "hid",
  "idle-detection",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "picture-in-picture",
  "publickey-credentials-get",
  "screen-wake-lock",
  "serial",
  "usb",
  "xr-spatial-tracking",
] as const;

/** One year, this host and its subdomains; joining browsers' preload lists is left to whoever runs cxmap. */
export const STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

/** The headers that are the same on every response, whatever it is and however it is served. */
export const SECURITY_HEADERS: readonly HeaderEntry[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: DENIED_FEATURES.map((feature) => `${feature}=()`).join(", ") },
  // Old browsers that ignore CSP's frame-ancestors.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
];

/**
 * Paths the proxy skips (its matcher in proxy.ts lists the same ones): Next's build output,
 * its image optimizer, the icons and robots.txt. They get STATIC_CONTENT_SECURITY_POLICY
 * from next.config.js instead of a per-request one.
 */
export const STATIC_PATH_SOURCES = ["/_next/static/:path*", "/_next/image", "/favicon.ico", "/icon.svg", "/robots.txt"] as const;

/**
 * The workspace JSON routes (interview drafts and submissions, the matrix), which the proxy
 * skips too: their answers are JSON, never a document that runs a script, so a fixed policy
 * that allows nothing serves them. Skipping the proxy there saves about 1.3 ms of server CPU on
 * every interview submitted (docs/benchmarks.md). The route wrapper (lib/api.ts) makes the
 * proxy's other checks itself: the hostile-request guard and HSTS over https.
 */
export const JSON_ROUTE_SOURCES = ["/api/w/:path*"] as const;
export const JSON_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** next.config.js `headers()`: the fixed headers everywhere, and the static policy where the proxy does not run. */
export function nextConfigHeaders(): { source: string; headers: HeaderEntry[] }[] {
  return [
    { source: "/:path*", headers: [...SECURITY_HEADERS] },
    ...STATIC_PATH_SOURCES.map((source) => ({
      source,
      headers: [{ key: "Content-Security-Policy", value: STATIC_CONTENT_SECURITY_POLICY }],
    })),
    ...JSON_ROUTE_SOURCES.map((source) => ({
      source,
      headers: [{ key: "Content-Security-Policy", value: JSON_CONTENT_SECURITY_POLICY }],
    })),
  ];
}

export type TransportOptions = {
  /** NEXTAUTH_URL, the site's public address. */
  siteUrl: string | undefined;
  /** Whether a reverse proxy in front of cxmap sets X-Forwarded-Proto and clients cannot. */
  trustProxy: boolean;
};

/** Whether a URL is an https one. */
export function isHttpsUrl(url: string | undefined): boolean {
  return url?.toLowerCase().startsWith("https://") ?? false;
}

/**
 * Whether this request reached cxmap over https: the site's address says so, or a trusted
 * reverse proxy says the client's connection was https (the first X-Forwarded-Proto entry is
 * the hop nearest the client). Browsers ignore HSTS received over plain http, but sending it
 * only over https keeps a local http run from ever telling a browser otherwise.
 */
export function servedOverHttps(forwardedProto: string | null, { siteUrl, trustProxy }: TransportOptions): boolean {
  if (isHttpsUrl(siteUrl)) return true;
  if (!trustProxy || !forwardedProto) return false;
  const [nearestClient = ""] = forwardedProto.split(",", 1);
  return nearestClient.trim().toLowerCase() === "https";
}
