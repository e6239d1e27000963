// Runs before every integration test file: points the app's modules at the test database
// and replaces the two pieces that need a live Next.js request (the session cookie and
// the page cache) with test doubles. The database is never mocked.
import { inject, vi } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.NEXTAUTH_SECRET ??= "integration-tests-secret-0123456789";

// The session cookie is the one piece replaced: "who the cookie names" is the user of actAs (or
// whoever startSession signed in since), and the session it names is a real row, made on first
// use through lib/data/sessions. Every check of that row (the guard's query, getSessionUser) is
// the real one, so ending the session in a test refuses the calls that follow, as the cookie
// would be refused.
vi.mock("@/lib/auth/session", async () => {
  const sessions = await import("@/lib/data/sessions");
  const state = globalThis as {
    __cxmapSessionUser?: { id: string; email: string; name: string } | null;
    __cxmapSessionId?: string | null;
    __cxmapClientAddress?: string | null;
  };
  const getSessionRef = async () => {
    const user = state.__cxmapSessionUser;
    if (!user) return null;
    // A user that is not in the database (a made-up id) names a session that does not exist.
    state.__cxmapSessionId ??= await sessions.createSession(user.id, "Integration tests").catch(() => "no-such-session");
    return { userId: user.id, sessionId: state.__cxmapSessionId };
  };
  const clearSessionCookie = async () => {
    state.__cxmapSessionUser = null;
    state.__cxmapSessionId = null;
  };
  return {
    getSessionRef,
    getSessionUser: async () => {
      const ref = await getSessionRef();
      return ref ? sessions.readSessionUser(ref) : null;
    },
    startSession: async (started: { id: string; email: string; name: string }) => {
      state.__cxmapSessionUser = started;
      state.__cxmapSessionId = await sessions.createSession(started.id, "Integration tests");
    },
    clearSessionCookie,
    endCurrentSession: async () => {
      const ref = await getSessionRef();
      if (ref) await sessions.endSession(ref.userId, ref.sessionId);
      await clearSessionCookie();
    },
    requestClientAddress: async () => state.__cxmapClientAddress ?? null,
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
