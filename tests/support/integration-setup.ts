// Runs before every integration test file: points the app's modules at the test database
// and replaces the two pieces that need a live Next.js request (the session cookie and
// the page cache) with test doubles. The database is never mocked.
import { inject, vi } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.NEXTAUTH_SECRET ??= "integration-tests-secret-0123456789";

vi.mock("@/lib/auth/session", () => {
  const user = () => (globalThis as { __cxmapSessionUser?: { id: string } | null }).__cxmapSessionUser ?? null;
  return { getSessionUser: async () => user(), getSessionUserId: async () => user()?.id ?? null };
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
