import { randomBytes } from "node:crypto";
import { defineConfig } from "@playwright/test";
import { embeddedDbUrl } from "./scripts/lib/embedded-db-url";

// End-to-end tests drive Debian's Chromium against a production build of cxmap, served by
// the same start script as `npm start`, on its own fresh embedded database with demo data.
const port = Number(process.env.CXMAP_E2E_PORT ?? 3100);
const pgPort = Number(process.env.CXMAP_E2E_PG_PORT ?? 54349);

// The session secret of this run. The server signs sessions with it and the session fixture
// (tests/e2e/fixtures.ts) encrypts its cookies with it. It is set here, in the runner, before
// the workers start: they inherit it (each worker loads this file again, and `??=` keeps it).
const sessionSecret = (process.env.CXMAP_E2E_NEXTAUTH_SECRET ??= randomBytes(32).toString("base64url"));
// The server's database (scripts/start.ts names it "cxmap"), where fixtures create workspaces.
process.env.CXMAP_E2E_DATABASE_URL = embeddedDbUrl(pgPort, "cxmap");

export default defineConfig({
  testDir: "tests/e2e",
  // Tests that change data do it in a workspace of their own (the `workspace` fixture), and
  // the others only read the demo workspace, so any two tests can run at the same time. Two
  // workers, one per core of the machines here: a test often waits on the server or the
  // browser, and a second one fills those gaps; a third would compete with the server and
  // the browsers for the same two cores. See docs/decisions/2026-12-02-e2e-sessions.md.
  fullyParallel: true,
  workers: Number(process.env.CXMAP_E2E_WORKERS ?? 2),
  retries: 0,
  // Sharing two cores, the longest walk-through (the designer's, a hundred steps and six
  // accessibility scans) takes up to 1.6 minutes on a busy machine; the timeout is there to
  // catch a hang, not to time the app.
  timeout: 180_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    command: "npx tsx scripts/start.ts",
    url: `http://localhost:${port}/sign-in`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(port),
      CXMAP_DATA_DIR: process.env.CXMAP_E2E_DATA_DIR ?? ".data/e2e",
      CXMAP_PG_PORT: String(pgPort),
      CXMAP_FRESH_DB: "1",
      DATABASE_URL: "",
      NEXTAUTH_SECRET: sessionSecret,
    },
  },
});
