import { expect } from "vitest";

export type TestUser = { id: string; email: string; name: string };

type SessionState = { __cxmapSessionUser?: TestUser | null; __cxmapSessionId?: string | null; __cxmapClientAddress?: string | null };

/** Makes the next server calls run as this user, in a session of their own (or signed out with null). */
export function actAs(user: TestUser | null) {
  const state = globalThis as SessionState;
  state.__cxmapSessionUser = user;
  state.__cxmapSessionId = null;
}

/** The id of the session the next server calls run in (null until one is made, on the first call). */
export function sessionId(): string | null {
  return (globalThis as SessionState).__cxmapSessionId ?? null;
}

/** Makes the next server calls carry a copy of this session's cookie (a replay, say after it ended). */
export function replaySession(user: TestUser, id: string) {
  const state = globalThis as SessionState;
  state.__cxmapSessionUser = user;
  state.__cxmapSessionId = id;
}

/** Makes the next server calls come from this client address (null: unknown). */
export function actFrom(address: string | null) {
  (globalThis as SessionState).__cxmapClientAddress = address;
}

/** Who the next server calls run as: the user of actAs, or whoever startSession signed in since. */
export function sessionUserId(): string | null {
  return (globalThis as { __cxmapSessionUser?: TestUser | null }).__cxmapSessionUser?.id ?? null;
}

function digestOf(error: unknown): string {
  return String((error as { digest?: string })?.digest ?? "");
}

/** The guard's "not found / not yours" answer (Next's notFound()). */
export async function expectNotFound(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, "expected the call to be refused with not-found").not.toBeNull();
  expect(digestOf(error)).toMatch(/NEXT_HTTP_ERROR_FALLBACK;404/);
}

/** The guard's answer to a signed-out caller (a redirect to the sign-in page). */
export async function expectSignInRedirect(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, "expected a redirect to sign-in").not.toBeNull();
  expect(digestOf(error)).toMatch(/NEXT_REDIRECT;.*\/sign-in/);
}
