import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { getServerSession } from "next-auth";
import { encode } from "next-auth/jwt";
import { hkdfSync } from "node:crypto";
import { jwtDecrypt } from "jose";
import { authOptions } from "@/lib/auth/options";
import { env, secureCookies } from "@/lib/env";
import { sql } from "@/lib/db";

export type SessionUser = { id: string; email: string; name: string };

// next-auth's session cookie (the __Secure- form when the site is served over https).
const SECURE_SESSION_COOKIE = "__Secure-next-auth.session-token";
const SESSION_COOKIE = "next-auth.session-token";
const SESSION_COOKIES = [SECURE_SESSION_COOKIE, SESSION_COOKIE];
const DEFAULT_SESSION_SECONDS = 30 * 24 * 60 * 60;

// The key next-auth encrypts session tokens with (HKDF of the secret, as next-auth/jwt derives
// it), derived once per process rather than on every request.
let sessionKey: { secret: string; key: Uint8Array } | undefined;
function sessionKeyFor(secret: string): Uint8Array {
  if (sessionKey?.secret !== secret) {
    const key = new Uint8Array(hkdfSync("sha256", secret, "", "NextAuth.js Generated Encryption Key", 32));
    sessionKey = { secret, key };
  }
  return sessionKey.key;
}

/** The payload of a next-auth session token, or null when it is not one of ours or has expired. */
async function decodeSessionToken(token: string, secret: string): Promise<{ sub?: unknown } | null> {
  try {
    return (await jwtDecrypt(token, sessionKeyFor(secret), { clockTolerance: 15 })).payload;
  } catch {
    return null;
  }
}

/**
 * The id in the session token. The token is only decrypted and checked here: unlike
 * getServerSession, nothing is re-encrypted or written back, which on every request (every
 * submitted interview) cost more CPU than the request's own work. A token split into several
 * cookies (very large sessions) is left to next-auth.
 *
 * Decoded once per render: the workspace layout, the map layout and the page each run the
 * guard, and share this answer. React's cache() only remembers within a server-component
 * render pass; a server action or route handler is not one, so there every call decodes
 * the cookie again.
 */
export const getSessionUserId = cache(async function getSessionUserId(): Promise<string | null> {
  const jar = await cookies();
  const cookie = SESSION_COOKIES.map((name) => jar.get(name)).find(Boolean);
  if (!cookie) {
    if (jar.getAll().some((entry) => entry.name.includes("next-auth.session-token."))) {
      const session = await getServerSession(authOptions);
      return (session?.user as { id?: string } | undefined)?.id ?? null;
    }
    return null;
  }
  const secret = env.NEXTAUTH_SECRET;
  if (!secret) return null;
  const token = await decodeSessionToken(cookie.value, secret);
  return typeof token?.sub === "string" ? token.sub : null;
});

/**
 * The signed-in user, read from the database on every call: a session token alone is
 * never trusted for who someone is now.
 */
export async function getSessionUser(): Promise<SessionUser | null> {
  const id = await getSessionUserId();
  if (!id) return null;
  const [user] = await sql<SessionUser>("SELECT id, email, name FROM users WHERE id = $1", [id]);
  return user ?? null;
}

/**
 * Signs `user` in: the session cookie that next-auth's credentials sign-in would set (the token
 * its jwt callback makes, encrypted by next-auth's own `encode`, under the cookie name and
 * options next-auth uses), set from a server action. The sign-in, sign-up and invitation forms
 * sign in this way, so they work before the page's JavaScript has loaded; next-auth reads and
 * ends the session as one of its own.
 */
export async function startSession(user: SessionUser): Promise<void> {
  const secret = env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set: sessions cannot be signed.");
  const maxAge = authOptions.session?.maxAge ?? DEFAULT_SESSION_SECONDS;
  const token = await encode({ token: { name: user.name, email: user.email, sub: user.id }, secret, maxAge });
  (await cookies()).set(secureCookies ? SECURE_SESSION_COOKIE : SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: secureCookies,
    expires: new Date(Date.now() + maxAge * 1000),
  });
}
