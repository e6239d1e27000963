import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db-errors";

/** A Prisma client or the client of an interactive transaction: factories and the seed take either. */
export type DbClient = PrismaClient | Tx;

/** A short random suffix that keeps default names and emails unique across tests and runs. */
export function uniqueSuffix(): string {
  return crypto.randomUUID().slice(0, 8);
}
