import { afterEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { unstable_doesMiddlewareMatch, unstable_getResponseFromNextConfig } from "next/experimental/testing/server";
import { getScriptNonceFromHeader } from "next/dist/server/app-render/get-script-nonce-from-header";
import {
  contentSecurityPolicy,
  createNonce,
  SECURITY_HEADERS,
  servedOverHttps,
  STATIC_CONTENT_SECURITY_POLICY,
  JSON_CONTENT_SECURITY_POLICY,
  STRICT_TRANSPORT_SECURITY,
} from "@/lib/http/security-headers";

/** The directives of a policy, by name. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((directive) => {
      const [name = "", ...sources] = directive.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

/** proxy.ts and lib/env.ts as a server started with these variables would load them. */
async function loadWithEnv<T>(path: string, variables: Record<string, string | undefined>): Promise<T> {
  for (const [name, value] of Object.entries(variables)) vi.stubEnv(name, value);
  vi.resetModules();
  return (await import(/* @vite-ignore */ path)) as T;
}

type ProxyModule = typeof import("@/proxy");

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("createNonce", () => {
  it("is 16 random bytes in base64, new each time", () => {
    const nonces = new Set(Array.from({ length: 50 }, createNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) {
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(Buffer.from(nonce, "base64")).toHaveLength(16);
    }
  });
});

describe("contentSecurityPolicy", () => {
  const nonce = "AAECAwQFBgcICQoLDA0ODw==";

  it("in production, runs only scripts with the nonce, never eval, and forbids framing, plugins, other bases and form targets", () => {
    const policy = directives(contentSecurityPolicy(nonce, { development: false, https: false }));
    expect(policy.get("script-src")).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
    expect(policy.get("style-src-elem")).toEqual(["'self'", `'nonce-${nonce}'`]);
    expect(policy.get("style-src")).toEqual(["'self'", `'nonce-${nonce}'`]);
    expect(policy.get("style-src-attr")).toEqual(["'unsafe-inline'"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    // The offline capture app: its service worker and manifest, from this origin only.
    expect(policy.get("worker-src")).toEqual(["'self'"]);
    expect(policy.get("manifest-src")).toEqual(["'self'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
    expect([...policy.values()].flat()).not.toContain("'unsafe-eval'");
  });

  it("carries the nonce where Next looks for it when it renders the page's scripts", () => {
    expect(getScriptNonceFromHeader(contentSecurityPolicy(nonce, { development: false, https: false }))).toBe(nonce);
    expect(getScriptNonceFromHeader(contentSecurityPolicy(nonce, { development: true, https: true }))).toBe(nonce);
  });

  it("allows eval and un-nonced <style> only in development", () => {
    const policy = directives(contentSecurityPolicy(nonce, { development: true, https: false }));
    expect(policy.get("script-src")).toContain("'unsafe-eval'");
    expect(policy.get("style-src-elem")).toContain("'unsafe-inline'");
  });

  it("upgrades insecure requests on an https site", () => {
    expect(directives(contentSecurityPolicy(nonce, { development: false, https: true })).has("upgrade-insecure-requests")).toBe(true);
  });
});

describe("servedOverHttps", () => {
  it("follows the site's address", () => {
    expect(servedOverHttps(null, { siteUrl: "https://cx.example", trustProxy: false })).toBe(true);
    expect(servedOverHttps(null, { siteUrl: "HTTPS://cx.example", trustProxy: false })).toBe(true);
    expect(servedOverHttps(null, { siteUrl: "http://localhost:3000", trustProxy: false })).toBe(false);
    expect(servedOverHttps(null, { siteUrl: undefined, trustProxy: false })).toBe(false);
  });

  it("believes X-Forwarded-Proto only from a trusted proxy, reading the hop nearest the client", () => {
    const http = { siteUrl: "http://localhost:3000" };
    expect(servedOverHttps("https", { ...http, trustProxy: false })).toBe(false);
    expect(servedOverHttps("https", { ...http, trustProxy: true })).toBe(true);
    expect(servedOverHttps("https, http", { ...http, trustProxy: true })).toBe(true);
    expect(servedOverHttps("http, https", { ...http, trustProxy: true })).toBe(false);
    expect(servedOverHttps("http", { ...http, trustProxy: true })).toBe(false);
    expect(servedOverHttps(null, { ...http, trustProxy: true })).toBe(false);
  });
});

describe("proxy.ts", () => {
  it("gives each response, and the request Next renders, the same policy with a fresh nonce; no HSTS over http", async () => {
    const { proxy } = await loadWithEnv<ProxyModule>("@/proxy", { NODE_ENV: "production", NEXTAUTH_URL: "http://localhost:3000" });
    const first = proxy(new NextRequest("http://localhost:3000/sign-in"));
    const second = proxy(new NextRequest("http://localhost:3000/sign-in"));
    const policy = first.headers.get("content-security-policy") ?? "";
    expect(getScriptNonceFromHeader(policy)).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
    expect(getScriptNonceFromHeader(second.headers.get("content-security-policy") ?? "")).not.toBe(getScriptNonceFromHeader(policy));
    expect(policy).not.toContain("unsafe-eval");
    expect(first.headers.get("strict-transport-security")).toBeNull();
    // A client cannot claim https for itself when no trusted proxy is configured.
    const claimed = proxy(new NextRequest("http://localhost:3000/sign-in", { headers: { "x-forwarded-proto": "https" } }));
    expect(claimed.headers.get("strict-transport-security")).toBeNull();
  });

  it("sends HSTS when NEXTAUTH_URL is https", async () => {
    const { proxy } = await loadWithEnv<ProxyModule>("@/proxy", { NODE_ENV: "production", NEXTAUTH_URL: "https://cx.example" });
    const response = proxy(new NextRequest("https://cx.example/w/1"));
    expect(response.headers.get("strict-transport-security")).toBe(STRICT_TRANSPORT_SECURITY);
    expect(response.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
  });

  it("sends HSTS for an https request forwarded by a trusted proxy", async () => {
    const { proxy } = await loadWithEnv<ProxyModule>("@/proxy", {
      NODE_ENV: "production",
      NEXTAUTH_URL: "http://cx.internal:3000",
      CXMAP_TRUST_PROXY: "true",
    });
    const https = proxy(new NextRequest("http://cx.internal:3000/w/1", { headers: { "x-forwarded-proto": "https" } }));
    expect(https.headers.get("strict-transport-security")).toBe(STRICT_TRANSPORT_SECURITY);
    const http = proxy(new NextRequest("http://cx.internal:3000/w/1", { headers: { "x-forwarded-proto": "http" } }));
    expect(http.headers.get("strict-transport-security")).toBeNull();
  });

  it("allows eval under next dev only", async () => {
    const { proxy } = await loadWithEnv<ProxyModule>("@/proxy", { NODE_ENV: "development" });
    expect(proxy(new NextRequest("http://localhost:3000/")).headers.get("content-security-policy")).toContain("'unsafe-eval'");
  });
});

describe("the proxy's matcher and next.config.js", () => {
  const pages = ["/", "/sign-in", "/w/abc/maps/def/matrix", "/no-such-page", "/api/auth/session"];
  // The workspace JSON routes guard themselves (lib/api.ts) and get a fixed policy.
  const jsonRoutes = ["/api/w/abc/interviews/def/submission", "/api/w/abc/maps/def/matrix"];
  const staticFiles = ["/_next/static/chunks/main.js", "/_next/static/css/app.css", "/_next/image", "/favicon.ico", "/icon.svg", "/robots.txt"];

  it("runs the proxy on pages and route handlers, not on static files nor prefetches", async () => {
    const { config } = await loadWithEnv<ProxyModule>("@/proxy", {});
    for (const path of pages) expect(unstable_doesMiddlewareMatch({ config, url: path }), path).toBe(true);
    for (const path of [...staticFiles, ...jsonRoutes]) expect(unstable_doesMiddlewareMatch({ config, url: path }), path).toBe(false);
    expect(unstable_doesMiddlewareMatch({ config, url: "/sign-in", headers: { "next-router-prefetch": "1" } })).toBe(false);
  });

  it("gives every response the fixed headers, and the static policy exactly where the proxy does not run", async () => {
    const { default: nextConfig } = await loadWithEnv<{ default: import("next").NextConfig }>("@/next.config.js", {});
    for (const path of [...pages, ...staticFiles, ...jsonRoutes]) {
      const response = await unstable_getResponseFromNextConfig({ url: `http://localhost:3000${path}`, nextConfig });
      for (const { key, value } of SECURITY_HEADERS) expect(response.headers.get(key), `${key} on ${path}`).toBe(value);
      const policy = response.headers.get("content-security-policy");
      // A page must not get a second, nonce-less policy: the browser would enforce both.
      expect(policy, path).toBe(staticFiles.includes(path) ? STATIC_CONTENT_SECURITY_POLICY : jsonRoutes.includes(path) ? JSON_CONTENT_SECURITY_POLICY : null);
    }
  });

  it("denies the browser features cxmap does not use and keeps the page out of frames", () => {
    const byName = new Map(SECURITY_HEADERS.map(({ key, value }) => [key, value]));
    const permissions = byName.get("Permissions-Policy") ?? "";
    for (const feature of ["camera", "microphone", "geolocation", "payment", "usb"]) expect(permissions).toContain(`${feature}=()`);
    expect(byName.get("X-Frame-Options")).toBe("DENY");
    expect(byName.get("X-Content-Type-Options")).toBe("nosniff");
    expect(byName.get("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
  });
});

describe("cookies", () => {
  it("are Secure, for next-auth as for startSession, exactly when NEXTAUTH_URL is https", async () => {
    type Env = typeof import("@/lib/env");
    type Options = typeof import("@/lib/auth/options");
    expect((await loadWithEnv<Env>("@/lib/env", { NEXTAUTH_URL: "https://cx.example" })).secureCookies).toBe(true);
    expect((await loadWithEnv<Options>("@/lib/auth/options", { NEXTAUTH_URL: "https://cx.example" })).authOptions.useSecureCookies).toBe(true);
    expect((await loadWithEnv<Env>("@/lib/env", { NEXTAUTH_URL: "http://localhost:3000" })).secureCookies).toBe(false);
    expect((await loadWithEnv<Options>("@/lib/auth/options", { NEXTAUTH_URL: "http://localhost:3000" })).authOptions.useSecureCookies).toBe(false);
  });
});
