import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { encode } from "next-auth/jwt";
import { hkdfSync } from "node:crypto";
import { jwtDecrypt } from "jose";
import { env, secureCookies } from "@/lib/env";
import { clientAddressFrom } from "@/lib/auth/client-address";
import {
  createSession,
  endSession,
  readSessionUser,
  SESSION_MAX_AGE_SECONDS,
  type SessionRef,
  type SessionUser,
} from "@/lib/data/sessions";

export type { SessionRef, SessionUser };

// next-auth's session cookie (the __Secure- form when the site is served over https).
const SECURE_SESSION_COOKIE = "__Secure-next-auth.session-token";
const SESSION_COOKIE = "next-auth.session-token";
const SESSION_COOKIES = [SECURE_SESSION_COOKIE, SESSION_COOKIE];

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
async function decodeSessionToken(token: string, secret: string): Promise<{ sub?: unknown; sid?: unknown } | null> {
  try {
    return (await jwtDecrypt(token, sessionKeyFor(secret), { clockTolerance: 15 })).payload;
  } catch {
    return null;
  }
}

/** The session cookie's value: whole, or next-auth's numbered chunks of a large token joined in order. */
function sessionCookieValue(jar: Awaited<ReturnType<typeof cookies>>): string | null {
  for (const name of SESSION_COOKIES) {
    const whole = jar.get(name);
    if (whole) return whole.value;
    const chunks = jar
      .getAll()
      .filter((entry) => entry.name.startsWith(`${name}.`) && /^\d+$/.test(entry.name.slice(name.length + 1)))
      .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
    if (chunks.length > 0) return chunks.map((chunk) => chunk.value).join("");
  }
  return null;
}

/** The user and session a token names, when it names both (a token from before sessions had rows names no session). */
export function sessionRefOf(token: { sub?: unknown; sid?: unknown } | null | undefined): SessionRef | null {
  return typeof token?.sub === "string" && typeof token.sid === "string" ? { userId: token.sub, sessionId: token.sid } : null;
}

/**
 * The user and session the request's token names. The token is only decrypted here: unlike
 * getServerSession, nothing is re-encrypted or written back, which on every request (every
 * submitted interview) cost more CPU than the request's own work. Whether the session is still
 * active is decided by the caller's one query (getSessionUser, or the workspace guard's
 * membership query), which joins the session row.
 *
 * Decoded once per render: the workspace layout, the map layout and the page each run the
 * guard, and share this answer. React's cache() only remembers within a server-component
 * render pass; a server action or route handler is not one, so there every call decodes
 * the cookie again.
 */
export const getSessionRef = cache(async function getSessionRef(): Promise<SessionRef | null> {
  const value = sessionCookieValue(await cookies());
  const secret = env.NEXTAUTH_SECRET;
  if (!value || !secret) return null;
  return sessionRefOf(await decodeSessionToken(value, secret));
});

/**
 * The signed-in user, read from the database on every call together with the session row: a
 * token alone is never trusted for who someone is now, nor for whether they are still signed in.
 */
export async function getSessionUser(): Promise<SessionUser | null> {
  const ref = await getSessionRef();
  return ref ? readSessionUser(ref) : null;
}

/** The address of the client that sent the request (see lib/auth/client-address.ts), or null when unknown. */
export async function requestClientAddress(): Promise<string | null> {
  return clientAddressFrom(await headers(), env.CXMAP_TRUST_PROXY);
}

/** The request's User-Agent, which names the device in the list of sessions. */
async function requestUserAgent(): Promise<string | null> {
  return (await headers()).get("user-agent");
}

/**
 * Signs `user` in: a new session row, and the session cookie that next-auth's credentials
 * sign-in would set (the token its jwt callback makes, with the row's id in `sid`, encrypted by
 * next-auth's own `encode`, under the cookie name and options next-auth uses), set from a
 * server action. The sign-in and invitation forms sign in this way, so they work before the
 * page's JavaScript has loaded; next-auth reads and ends the session as one of its own.
 */
export async function startSession(user: SessionUser): Promise<void> {
  const secret = env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set: sessions cannot be signed.");
  const sid = await createSession(user.id, await requestUserAgent());
  const token = await encode({
    token: { name: user.name, email: user.email, sub: user.id, sid },
    secret,
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
  (await cookies()).set(secureCookies ? SECURE_SESSION_COOKIE : SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: secureCookies,
    expires: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000),
  });
}

/** Removes the session cookie (and any chunks of it) from the browser. */
export async function clearSessionCookie(): Promise<void> {
  const jar = await cookies();
  for (const entry of jar.getAll()) {
    if (!SESSION_COOKIES.some((name) => entry.name === name || entry.name.startsWith(`${name}.`))) continue;
    // A __Secure- cookie is only replaced by one that is Secure too.
    jar.set(entry.name, "", { path: "/", httpOnly: true, sameSite: "lax", secure: entry.name.startsWith("__Secure-"), maxAge: 0 });
  }
}

/** Signs out: the request's session row is ended on the server, and its cookie removed. */
export async function endCurrentSession(): Promise<void> {
  const ref = await getSessionRef();
  if (ref) await endSession(ref.userId, ref.sessionId);
  await clearSessionCookie();
}
