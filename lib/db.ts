import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { requireDatabaseUrl } from "@/lib/env";

// One client per process; in development, module reloads would otherwise open a new pool
// on every edit.
const globalForDb = globalThis as unknown as { cxmapDb?: PrismaClient };

function client(): PrismaClient {
  if (!globalForDb.cxmapDb) {
    const adapter = new PrismaPg({ connectionString: requireDatabaseUrl() });
    globalForDb.cxmapDb = new PrismaClient({ adapter });
  }
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
