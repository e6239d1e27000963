import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env, requireDatabaseUrl } from "@/lib/env";

// One client per process; in development, module reloads would otherwise open a new pool
// on every edit.
const globalForDb = globalThis as unknown as { cxmapDb?: PrismaClient };

function createClient(): PrismaClient {
  const adapter = new PrismaPg({ connectionString: requireDatabaseUrl() });
  return new PrismaClient({ adapter });
}

export const db: PrismaClient = globalForDb.cxmapDb ?? createClient();
if (env.NODE_ENV !== "production") globalForDb.cxmapDb = db;
