import { defineConfig } from "@playwright/test";

// End-to-end tests drive Debian's Chromium against a production build of cxmap, served by
// the same start script as `npm start`, on its own fresh embedded database with demo data.
const port = Number(process.env.CXMAP_E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
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
      CXMAP_PG_PORT: process.env.CXMAP_E2E_PG_PORT ?? "54349",
      CXMAP_FRESH_DB: "1",
      DATABASE_URL: "",
      // Sign-in limits are exercised by the integration tests; the browser tests sign in often.
      CXMAP_SIGNIN_MAX_ATTEMPTS: "50",
    },
  },
});
