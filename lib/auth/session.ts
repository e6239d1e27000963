import "server-only";
import { getServerSession } from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { sql } from "@/lib/db";

export type SessionUser = { id: string; email: string; name: string };

/**
 * The signed-in user, read from the database on every call: a session token alone is
 * never trusted for who someone is now.
 */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions);
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  const [user] = await sql<SessionUser>("SELECT id, email, name FROM users WHERE id = $1", [id]);
  return user ?? null;
}
