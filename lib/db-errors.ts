// What the data modules share about talking to the database, beside the client itself
// (lib/db.ts): the type of a transaction's client, and how to recognise a clash with a
// unique index.
import type { Prisma } from "@/lib/generated/prisma/client";

/** The client a Prisma interactive transaction hands its callback. */
export type Tx = Prisma.TransactionClient;

/**
 * True for a unique-constraint violation, whichever layer reports it: Prisma (P2002), the
 * plain-SQL paths on the pool (23505), or the driver adapter wrapping PostgreSQL's error.
 */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string }; message?: string } | null;
  return e?.code === "P2002" || e?.code === "23505" || e?.cause?.code === "23505" || /unique constraint/i.test(e?.message ?? "");
}
