import { expect } from "vitest";

export type TestUser = { id: string; email: string; name: string };

/** Makes the next server calls run as this user (or signed out with null). */
export function actAs(user: TestUser | null) {
  (globalThis as { __cxmapSessionUser?: TestUser | null }).__cxmapSessionUser = user;
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
