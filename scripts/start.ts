// `npm start` (production build) and `npm run dev`: brings cxmap up in one command.
// Without DATABASE_URL it starts an embedded PostgreSQL (data in .data/), migrates it and
// loads the demo data; with DATABASE_URL it checks the database and migrates it.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync, readdirSync } from "node:fs";
import path from "node:path";
import net from "node:net";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { startEmbeddedDb, type EmbeddedDb } from "./lib/embedded-db";
import { migrate } from "../lib/migrate";

const dev = process.argv.includes("--dev");
const dataDir = process.env.CXMAP_DATA_DIR ?? ".data";
let stopping = false;
/** Every way start-up can fail ends here: one line on stderr, exit code 1. */
const fail = (message: string): never => {
  // Stopped (Ctrl-C) while starting: what failed because of it is not news.
  if (stopping) process.exit(0);
  console.error(`cxmap: ${message.replace(/\s*\n\s*/g, " ").trim()}`);
  process.exit(1);
};
// Anything not foreseen below still ends in one line rather than a stack trace.
process.on("uncaughtException", (error) => fail(`start-up failed: ${error.message}`));
process.on("unhandledRejection", (reason) => fail(`start-up failed: ${reason instanceof Error ? reason.message : String(reason)}`));

const port = Number(process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`PORT=${process.env.PORT} is not a port number (1-65535).`);

/** Whether something already listens on `port` (checked before the database and the build). */
function portTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => resolve(error.code === "EADDRINUSE"));
    probe.once("listening", () => probe.close(() => resolve(false)));
    probe.listen(port);
  });
}
if (await portTaken(port)) fail(`port ${port} is already in use (another cxmap or another app). Stop it, or start on another port: PORT=${port + 1} npm start`);

async function checkDatabase(url: string) {
  let parsed: URL;
  try {
    parsed = new URL(url);
    if (!/^postgres(ql)?:$/.test(parsed.protocol)) throw new Error("not a postgresql:// address");
  } catch {
    return fail("DATABASE_URL is not a PostgreSQL connection string (postgresql://user:password@host:5432/database).");
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    const where = `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
    fail(`cannot reach the database at ${where} (${(error as Error).message}). Check DATABASE_URL and that PostgreSQL is running.`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A secret for signing sessions, kept in the data folder so sessions survive restarts. */
function localSecret(): string {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "nextauth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** The latest change to the given folders (walked) and files, such as proxy.ts at the root. */
function newestSourceChange(paths: string[]): number {
  let newest = 0;
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    if (!statSync(dir).isDirectory()) {
      newest = Math.max(newest, statSync(dir).mtimeMs);
      return;
    }
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "generated" && entry.name !== "node_modules") walk(full);
      } else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  paths.forEach(walk);
  return newest;
}

/** Builds when there is no production build, or the source changed since the last one. */
function buildIfNeeded() {
  const buildId = path.join(process.env.CXMAP_DIST_DIR || ".next", "BUILD_ID");
  const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  const changed = newestSourceChange(["app", "components", "lib", "public", "prisma", "proxy.ts", "instrumentation-client.ts", "next.config.js"]);
  if (builtAt > changed) return;
  console.log("cxmap: building the app (next build)...");
  const result = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: process.env });
  if (result.status !== 0) fail("the build failed; see the output above.");
}

let embedded: EmbeddedDb | undefined;
/** The Next.js server, once started. */
const app: { child?: ChildProcess } = {};
/** Stops the app and the embedded PostgreSQL, at any stage of start-up. */
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  if (app.child && !app.child.killed) app.child.kill("SIGTERM");
  await embedded?.stop().catch(() => undefined);
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void shutdown(0));

let databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  try {
    embedded = await startEmbeddedDb({
      dir: path.join(dataDir, "pg"),
      port: Number(process.env.CXMAP_PG_PORT ?? 54329),
      database: "cxmap",
      fresh: process.env.CXMAP_FRESH_DB === "1",
      log: (line) => console.log(`cxmap: ${line}`),
    });
  } catch (error) {
    fail((error as Error).message);
  }
  databaseUrl = embedded!.url;
  console.log(`cxmap: embedded PostgreSQL running (${embedded!.dataDir})`);
} else {
  await checkDatabase(databaseUrl);
}

try {
  const result = await migrate(databaseUrl);
  if (result.applied.length > 0) console.log(`cxmap: applied migrations ${result.applied.join(", ")}`);
} catch (error) {
  fail((error as Error).message);
}

if (embedded || process.env.CXMAP_SEED_DEMO === "1") {
  const seed = spawnSync("npx", ["tsx", "scripts/seed.ts"], {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
  if (seed.status !== 0) fail("loading the demo data failed; see the output above.");
}

let secret = process.env.NEXTAUTH_SECRET;
if (!secret) {
  if (!embedded && !dev) {
    fail("NEXTAUTH_SECRET is not set. Set it to a long random string (e.g. `openssl rand -base64 32`) to run in production.");
  }
  secret = localSecret();
}

// The server learns each request's connection address through this preload (the sign-in
// limits count failures per client address); see scripts/client-address.mjs.
const clientAddressPreload = `--import=${pathToFileURL(path.resolve("scripts/client-address.mjs")).href}`;

const childEnv = {
  NEXT_TELEMETRY_DISABLED: "1",
  ...process.env,
  NODE_OPTIONS: [process.env.NODE_OPTIONS, clientAddressPreload].filter(Boolean).join(" "),
  DATABASE_URL: databaseUrl,
  NEXTAUTH_SECRET: secret,
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
  PORT: String(port),
};
Object.assign(process.env, childEnv);
if (!dev) buildIfNeeded();

const child = (app.child = spawn("npx", ["next", dev ? "dev" : "start", "-p", String(port)], { stdio: "inherit", env: childEnv }));
console.log(`cxmap: ${dev ? "development server" : "app"} on http://localhost:${port}`);

child.on("exit", (code) => void shutdown(code ?? 0));
