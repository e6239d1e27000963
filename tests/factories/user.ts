import { hashPassword } from "@/lib/auth/password";
import type { DbClient } from "./client";
import { uniqueSuffix } from "./client";

export const DEFAULT_TEST_PASSWORD = "password-123";

export interface CreateUserInput {
  email?: string;
  name?: string;
  /** Plain password, hashed with argon2id (default "password-123"). */
  password?: string;
  /** A ready hash, to skip hashing (bulk seeding); wins over `password`. */
  passwordHash?: string;
}

export async function createUser(db: DbClient, input: CreateUserInput = {}) {
  const suffix = uniqueSuffix();
  const passwordHash = input.passwordHash ?? (await hashPassword(input.password ?? DEFAULT_TEST_PASSWORD));
  return db.user.create({
    data: {
      email: (input.email ?? `user-${suffix}@example.test`).toLowerCase(),
      name: input.name ?? `Test User ${suffix}`,
      passwordHash,
    },
  });
}
