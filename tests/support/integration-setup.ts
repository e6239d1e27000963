// Runs before every integration test file: points the app's modules at the test database
// and replaces the two pieces that need a live Next.js request (the session cookie and
// the page cache) with test doubles. The database is never mocked.
import { inject, vi } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.NEXTAUTH_SECRET ??= "integration-tests-secret-0123456789";

// startSession (the sign-in, sign-up and invitation forms) makes the next calls run as the
// user it signed in, as the session cookie would.
vi.mock("@/lib/auth/session", () => {
  const state = globalThis as { __cxmapSessionUser?: { id: string } | null };
  const user = () => state.__cxmapSessionUser ?? null;
  return {
    getSessionUser: async () => user(),
    getSessionUserId: async () => user()?.id ?? null,
    startSession: async (started: { id: string }) => {
      state.__cxmapSessionUser = started;
    },
  };
});

vi.mock("next/cache", () => ({
  revalidatePath: () => undefined,
  revalidateTag: () => undefined,
  updateTag: () => undefined,
  refresh: () => undefined,
}));

// Work scheduled to run after the response (folding analysis deltas) runs at once here.
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  after: (task: (() => unknown) | Promise<unknown>) => {
    void (typeof task === "function" ? task() : task);
  },
}));
