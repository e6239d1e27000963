// Who the embedded PostgreSQL runs as, and where it can reach its files.
//
// PostgreSQL refuses to run as root. When cxmap is started as root, the server runs as the
// unprivileged "postgres" account, which may not be able to enter the project folder: a clone
// under a home folder with mode 700 (/root/cxmap) is the common case. Then the binaries are
// copied to, and the cluster kept in, a folder that account can reach (/var/lib/cxmap unless
// CXMAP_PG_RUNTIME_DIR names another), and start-up says where.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { userInfo } from "node:os";
import path from "node:path";

export type Account = { uid: number; gid: number; name: string };

/** A start-up failure whose message is one line that says what to do. */
export class StartupError extends Error {}

const runtimeDir = () => process.env.CXMAP_PG_RUNTIME_DIR ?? "/var/lib/cxmap";

function idsOf(name: string): Account | null {
  const uid = spawnSync("id", ["-u", name], { encoding: "utf8" });
  const gid = spawnSync("id", ["-g", name], { encoding: "utf8" });
  if (uid.status !== 0 || gid.status !== 0) return null;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()), name };
}

/**
 * The account the server runs as: none (the current user) unless we are root, then
 * "postgres", created when the system has none.
 */
export function serverAccount(): Account | null {
  if (userInfo().uid !== 0) return null;
  const existing = idsOf("postgres");
  if (existing) return existing;
  const group = spawnSync("groupadd", ["-f", "postgres"], { encoding: "utf8" });
  const user = spawnSync("useradd", ["-g", "postgres", "-M", "-s", "/usr/sbin/nologin", "postgres"], { encoding: "utf8" });
  const created = idsOf("postgres");
  if (!created) {
    const reason = (user.stderr || group.stderr || user.error?.message || "").trim().split("\n")[0];
    throw new StartupError(
      `PostgreSQL cannot run as root and no "postgres" user could be created (${reason || "useradd failed"}). Create one (useradd postgres) or run cxmap as a normal user.`,
    );
  }
  return created;
}

/** Whether `account` can enter `dir` (every folder on the way included) and, with `write`, create files in it. */
export function canReach(account: Account | null, dir: string, write = false): boolean {
  if (!account) return true;
  const test = spawnSync("test", ["-x", dir, "-a", "-r", dir, ...(write ? ["-a", "-w", dir] : [])], {
    uid: account.uid,
    gid: account.gid,
  });
  return test.status === 0;
}

function ensureRuntimeDir(account: Account, what: string): string {
  const RUNTIME_DIR = runtimeDir();
  try {
    mkdirSync(RUNTIME_DIR, { recursive: true });
    chmodSync(RUNTIME_DIR, 0o755);
  } catch (error) {
    throw new StartupError(
      `${what} is not reachable by the "${account.name}" user PostgreSQL runs as, and ${RUNTIME_DIR} could not be created to hold it instead (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Set CXMAP_PG_RUNTIME_DIR to a folder that user can reach, or run cxmap as a normal user.`,
    );
  }
  if (!canReach(account, RUNTIME_DIR)) {
    throw new StartupError(
      `${what} is not reachable by the "${account.name}" user PostgreSQL runs as, and neither is ${RUNTIME_DIR}. Set CXMAP_PG_RUNTIME_DIR to a folder that user can reach, or run cxmap as a normal user.`,
    );
  }
  return RUNTIME_DIR;
}

/**
 * The folder of the PostgreSQL binaries (bin/, lib/, share/) that `account` can run: the
 * package's own, or a copy of it in the runtime folder, made once per version.
 */
export function reachableBinaries(account: Account | null, nativeDir: string, version: string): { dir: string; copied: boolean } {
  if (canReach(account, path.join(nativeDir, "bin")) || !account) return { dir: nativeDir, copied: false };
  const root = ensureRuntimeDir(account, `The PostgreSQL binaries in ${nativeDir}`);
  const target = path.join(root, `postgres-${version}`);
  if (!existsSync(path.join(target, ".complete"))) {
    const partial = `${target}.partial-${process.pid}`;
    rmSync(partial, { recursive: true, force: true });
    cpSync(nativeDir, partial, { recursive: true, verbatimSymlinks: true });
    writeFileSync(path.join(partial, ".complete"), version);
    rmSync(target, { recursive: true, force: true });
    renameSync(partial, target);
  }
  return { dir: target, copied: true };
}

/**
 * The folder the cluster lives in: `requested` when `account` can reach its parent, otherwise
 * a folder in the runtime folder named after `requested`, so the same project finds its data
 * again on the next start.
 */
export function reachableDataDir(account: Account | null, requested: string): { dir: string; moved: boolean } {
  const parent = path.dirname(requested);
  mkdirSync(parent, { recursive: true });
  // The folder that holds the cluster (.data) is cxmap's own: let the server's account enter it.
  if (account) chmodSync(parent, 0o755);
  if (!account || canReach(account, parent)) return { dir: requested, moved: false };
  const root = ensureRuntimeDir(account, `The data folder ${requested}`);
  const key = createHash("sha256").update(requested).digest("hex").slice(0, 16);
  const clusters = path.join(root, "clusters");
  mkdirSync(clusters, { recursive: true });
  chmodSync(clusters, 0o755);
  return { dir: path.join(clusters, key), moved: true };
}

/** Creates `dir` for the server's account (PostgreSQL wants its data folder private: 700). */
export function prepareDataDir(account: Account | null, dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (account) chownSync(dir, account.uid, account.gid);
  chmodSync(dir, 0o700);
}
