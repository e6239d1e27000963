import type { PrismaClient } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";

/** The app's own Prisma client, connected to the migrated test database. */
export function testDb(): PrismaClient {
  return db;
}
