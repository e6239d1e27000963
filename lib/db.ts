import "server-only";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db-errors";
import { requireDatabaseUrl } from "@/lib/env";

// One pool and one Prisma client over it per process; in development, module reloads would
// otherwise open a new pool on every edit.
const globalForDb = globalThis as unknown as { cxmapDb?: PrismaClient; cxmapPool?: pg.Pool };

function poolInstance(): pg.Pool {
  if (!globalForDb.cxmapPool) {
    const pool = new pg.Pool({ connectionString: requireDatabaseUrl(), max: 20 });
    // An idle connection the server closed (a restart, a failover) is dropped from the pool
    // and reported; unhandled, the error would stop the process.
    pool.on("error", (error) => console.error("cxmap: an idle database connection failed:", error.message));
    globalForDb.cxmapPool = pool;
  }
  return globalForDb.cxmapPool;
}

function client(): PrismaClient {
  globalForDb.cxmapDb ??= new PrismaClient({ adapter: new PrismaPg(poolInstance()) });
  return globalForDb.cxmapDb;
}

/**
 * The Prisma client, created on first use so that importing a module (as `next build`
 * does while collecting pages) needs no database.
 */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const value = Reflect.get(client(), property);
    return typeof value === "function" ? value.bind(client()) : value;
  },
});

/**
 * Plain parameterised SQL (`$1`, `$2`...) for the few paths that run on every request or
 * every submission (the workspace guard, the capture journey, submitting an interview):
 * there a Prisma call costs 1-4 ms of CPU where the same query through the pool costs
 * 0.1-0.3 ms. Values are always parameters, never concatenated into the text.
 */
export type Sql = <T = Record<string, unknown>>(text: string, values?: unknown[]) => Promise<T[]>;

/** Runs one statement on the shared pool. */
export const sql: Sql = async (text, values = []) => (await poolInstance().query(text, values)).rows;

/**
 * One statement on the shared pool, its rows as arrays of column values in select order: what
 * the streamed exports read, where building an object per row cost more than the query.
 */
export async function sqlArrays(text: string, values: unknown[] = []): Promise<unknown[][]> {
  return (await poolInstance().query<unknown[]>({ text, values, rowMode: "array" })).rows;
}

/** Runs `work` in one transaction on one pooled connection; rolls back when it throws. */
export async function sqlTransaction<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
  const connection = await poolInstance().connect();
  // A connection the server ends mid-transaction (a restart, pg_terminate_backend) emits an
  // error besides failing the pending query; unheard, that event would stop the process.
  const ended = (error: Error) => console.error("cxmap: a database connection ended during a transaction:", error.message);
  connection.on("error", ended);
  try {
    await connection.query("BEGIN");
    const result = await work(async (text, values = []) => (await connection.query(text, values)).rows);
    await connection.query("COMMIT");
    return result;
  } catch (error) {
    await connection.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    connection.off("error", ended);
    connection.release();
  }
}

/** The same statements inside a Prisma interactive transaction (for code shared by both kinds of callers). */
export function sqlInPrisma(tx: Tx): Sql {
  return (text, values = []) => tx.$queryRawUnsafe(text, ...values);
}
