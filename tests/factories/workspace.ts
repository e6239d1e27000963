import { hashPassword } from "@/lib/auth/password";
import type { User } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import type { DbClient } from "./client";
import { uniqueSuffix } from "./client";
import { createUser, DEFAULT_TEST_PASSWORD } from "./user";

export interface CreateWorkspaceInput {
  id?: string;
  name?: string;
}

export function createWorkspace(db: DbClient, input: CreateWorkspaceInput = {}) {
  return db.workspace.create({
    data: { ...(input.id ? { id: input.id } : {}), name: input.name ?? `Workspace ${uniqueSuffix()}` },
  });
}

export interface AddMemberInput {
  workspaceId: string;
  userId: string;
  role: Role;
  removedAt?: Date | null;
}

export function addMember(db: DbClient, input: AddMemberInput) {
  return db.membership.create({
    data: { workspaceId: input.workspaceId, userId: input.userId, role: input.role, removedAt: input.removedAt ?? null },
  });
}

/**
 * A fresh workspace with one member per role. Every user's password is
 * {@link DEFAULT_TEST_PASSWORD} unless `password` is given.
 */
export async function createWorkspaceWithMembers(db: DbClient, input: CreateWorkspaceInput & { password?: string } = {}) {
  const workspace = await createWorkspace(db, input);
  const password = input.password ?? DEFAULT_TEST_PASSWORD;
  const roles = ["ADMIN", "ANALYST", "MANAGER", "INTERVIEWER"] as const satisfies readonly Role[];
  // Hash in parallel (argon2 is the slow part), insert one after the other: a transaction
  // client runs one query at a time anyway.
  const hashes = await Promise.all(roles.map(() => hashPassword(password)));
  const created = [];
  for (const [index, role] of roles.entries()) {
    const user = await createUser(db, { name: `${role.toLowerCase()} ${uniqueSuffix()}`, passwordHash: hashes[index] });
    await addMember(db, { workspaceId: workspace.id, userId: user.id, role });
    created.push(user);
  }
  const [admin, analyst, manager, interviewer] = created as [User, User, User, User];
  return {
    workspace,
    password,
    admin,
    analyst,
    manager,
    interviewer,
    byRole: { ADMIN: admin, ANALYST: analyst, MANAGER: manager, INTERVIEWER: interviewer } satisfies Record<Role, User>,
  };
}
