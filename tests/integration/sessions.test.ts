// Sessions end on the server: a copy of a session cookie made before sign-out, "sign out
// everywhere" or a password change opens nothing afterwards. The session check is the real one
// (tests/support/integration-setup.ts replaces only the cookie).
import { beforeEach, describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/db";
import { actAs, actFrom, expectNotFound, expectSignInRedirect, replaySession, sessionId, sessionUserId } from "@/tests/support/session";
import { createUser, DEFAULT_TEST_PASSWORD } from "@/tests/factories/user";
import { createWorkspaceWithMembers } from "@/tests/factories/workspace";
import {
  createSession,
  endAllSessions,
  endSession,
  listActiveSessions,
  readSessionUser,
} from "@/lib/data/sessions";
import { requireWorkspace } from "@/lib/workspace";
import { createMapAction } from "@/lib/actions/maps";
import { signInAction, signOutAction, signOutEverywhereAction } from "@/lib/actions/auth";
import { changePasswordAction, endSessionAction } from "@/lib/actions/account";
import { authenticate } from "@/lib/data/users";
import { verifyPassword } from "@/lib/auth/password";
import { GET as matrixRoute } from "@/app/api/w/[workspaceId]/maps/[mapId]/matrix/route";

type Members = Awaited<ReturnType<typeof createWorkspaceWithMembers>>;
let home: Members;

beforeEach(async () => {
  home = await createWorkspaceWithMembers(testDb());
  actFrom("198.51.100.50");
});

async function redirectOf(promise: Promise<unknown>): Promise<string | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    const match = /^NEXT_REDIRECT;\w+;([^;]+);/.exec(String((error as { digest?: string }).digest ?? ""));
    if (!match) throw error;
    return match[1]!;
  }
}

function matrix(workspaceId: string) {
  return matrixRoute(new Request(`http://localhost/api/w/${workspaceId}/maps/no-such-map/matrix`), {
    params: Promise.resolve({ workspaceId, mapId: "no-such-map" }),
  });
}

/** What each kind of entry point answers the session the next calls carry. */
async function expectRefusedEverywhere(workspaceId: string) {
  await expectSignInRedirect(requireWorkspace(workspaceId, "workspace.view"));
  await expectSignInRedirect(createMapAction(workspaceId, { name: "Replayed", template: "blank" }));
  const response = await matrix(workspaceId);
  expect(response.status).toBe(401);
  expect(await testDb().journeyMap.count({ where: { workspaceId, name: "Replayed" } })).toBe(0);
}

describe("session rows", () => {
  it("read the user while active, and nothing once ended; rows are kept", async () => {
    const user = await createUser(testDb());
    const id = await createSession(user.id, "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0");
    expect(await readSessionUser({ userId: user.id, sessionId: id })).toEqual({ id: user.id, email: user.email, name: user.name });
    // A session id is only good with its own user.
    const other = await createUser(testDb());
    expect(await readSessionUser({ userId: other.id, sessionId: id })).toBeNull();
    expect(await endSession(other.id, id)).toBe(false);
    expect(await readSessionUser({ userId: user.id, sessionId: id })).not.toBeNull();

    expect(await endSession(user.id, id)).toBe(true);
    expect(await endSession(user.id, id)).toBe(false);
    expect(await readSessionUser({ userId: user.id, sessionId: id })).toBeNull();
    expect(await testDb().session.findUniqueOrThrow({ where: { id } })).toMatchObject({ revokedAt: expect.any(Date) });
  });

  it("expire 30 days after sign-in whatever the token says", async () => {
    const user = await createUser(testDb());
    const id = await createSession(user.id, null);
    await testDb().session.update({ where: { id }, data: { createdAt: new Date(Date.now() - 31 * 24 * 60 * 60 * 1000) } });
    expect(await readSessionUser({ userId: user.id, sessionId: id })).toBeNull();
    expect(await listActiveSessions({ userId: user.id, sessionId: id })).toEqual([]);
  });

  it("list the user's active sessions only, the current one first and marked", async () => {
    const user = await createUser(testDb());
    const here = await createSession(user.id, "here");
    const there = await createSession(user.id, "there");
    // Seen more recently than the current one, still listed after it.
    await testDb().session.update({ where: { id: here }, data: { lastSeenAt: new Date(Date.now() - 60_000) } });
    const ended = await createSession(user.id, "ended");
    await endSession(user.id, ended);
    await createSession((await createUser(testDb())).id, "someone else's");
    const list = await listActiveSessions({ userId: user.id, sessionId: here });
    expect(list.map((row) => [row.id, row.userAgent, row.current])).toEqual([
      [here, "here", true],
      [there, "there", false],
    ]);
    expect(await endAllSessions(user.id)).toBe(2);
    expect(await listActiveSessions({ userId: user.id, sessionId: here })).toEqual([]);
    expect(await testDb().session.count({ where: { userId: user.id } })).toBe(3);
  });

  it("write 'last seen' only when it is a few minutes old, not on every request", async () => {
    actAs(home.byRole.ANALYST);
    await requireWorkspace(home.workspace.id, "workspace.view");
    const id = sessionId()!;
    const fresh = new Date(Date.now() - 60_000);
    await testDb().session.update({ where: { id }, data: { lastSeenAt: fresh } });
    await requireWorkspace(home.workspace.id, "workspace.view");
    expect((await testDb().session.findUniqueOrThrow({ where: { id } })).lastSeenAt).toEqual(fresh);

    const stale = new Date(Date.now() - 10 * 60_000);
    await testDb().session.update({ where: { id }, data: { lastSeenAt: stale } });
    await requireWorkspace(home.workspace.id, "workspace.view");
    const seen = (await testDb().session.findUniqueOrThrow({ where: { id } })).lastSeenAt;
    expect(seen.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });
});

// Regression: sign-out only removed the cookie; a copy of it kept working for 30 days.
describe("a session cookie replayed after the session ended", () => {
  it("is refused by pages, actions and routes after sign-out", async () => {
    const analyst = home.byRole.ANALYST;
    actAs(analyst);
    await requireWorkspace(home.workspace.id, "workspace.view");
    const copied = sessionId()!;
    expect(await redirectOf(signOutAction(null, new FormData()))).toBe("/sign-in");
    expect(sessionUserId()).toBeNull();
    replaySession(analyst, copied);
    await expectRefusedEverywhere(home.workspace.id);
  });

  it("is refused after 'sign out everywhere', on every device", async () => {
    const analyst = home.byRole.ANALYST;
    const laptop = await createSession(analyst.id, "laptop");
    actAs(analyst);
    await requireWorkspace(home.workspace.id, "workspace.view");
    const phone = sessionId()!;
    expect(await redirectOf(signOutEverywhereAction(null, new FormData()))).toBe("/sign-in");
    for (const id of [laptop, phone]) {
      replaySession(analyst, id);
      await expectRefusedEverywhere(home.workspace.id);
    }
    // Another user's sessions are untouched.
    actAs(home.byRole.MANAGER);
    expect(await requireWorkspace(home.workspace.id, "workspace.view")).toMatchObject({ userId: home.byRole.MANAGER.id });
  });

  it("a live session of someone not allowed still gets not-found, not sign-in", async () => {
    actAs(home.byRole.INTERVIEWER);
    await expectNotFound(requireWorkspace(home.workspace.id, "analysis.view"));
    const response = await matrix(home.workspace.id);
    expect(response.status).toBe(404);
  });

  it("removing a member refuses their live session at once", async () => {
    const analyst = home.byRole.ANALYST;
    actAs(analyst);
    await requireWorkspace(home.workspace.id, "workspace.view");
    await testDb().membership.updateMany({ where: { workspaceId: home.workspace.id, userId: analyst.id }, data: { removedAt: new Date() } });
    await expectNotFound(requireWorkspace(home.workspace.id, "workspace.view"));
  });
});

describe("changing the password", () => {
  it("refuses a wrong current password and changes nothing", async () => {
    const analyst = home.byRole.ANALYST;
    const elsewhere = await createSession(analyst.id, "elsewhere");
    actAs(analyst);
    const before = (await testDb().user.findUniqueOrThrow({ where: { id: analyst.id } })).passwordHash;
    expect(await changePasswordAction({ currentPassword: "not-my-password", newPassword: "a-brand-new-password" })).toEqual({
      ok: false,
      formError: "That is not your current password.",
      fieldErrors: { currentPassword: ["That is not your current password."] },
    });
    expect(await changePasswordAction({ currentPassword: DEFAULT_TEST_PASSWORD, newPassword: "short" })).toMatchObject({
      ok: false,
      fieldErrors: { newPassword: ["Use at least 10 characters for the password."] },
    });
    expect((await testDb().user.findUniqueOrThrow({ where: { id: analyst.id } })).passwordHash).toBe(before);
    expect(await readSessionUser({ userId: analyst.id, sessionId: elsewhere })).not.toBeNull();
  });

  it("ends every session, this one's old cookie too, and carries on in a new session", async () => {
    const analyst = home.byRole.ANALYST;
    const elsewhere = await createSession(analyst.id, "elsewhere");
    actAs(analyst);
    await requireWorkspace(home.workspace.id, "workspace.view");
    const copied = sessionId()!;
    expect(await changePasswordAction({ currentPassword: DEFAULT_TEST_PASSWORD, newPassword: "a-brand-new-password" })).toEqual({
      ok: true,
      data: { endedSessions: 2 },
    });
    // This browser goes on, in a new session.
    const renewed = sessionId()!;
    expect(renewed).not.toBe(copied);
    expect(await requireWorkspace(home.workspace.id, "workspace.view")).toMatchObject({ userId: analyst.id });
    // Copies of the old cookies do not.
    for (const id of [copied, elsewhere]) {
      replaySession(analyst, id);
      await expectRefusedEverywhere(home.workspace.id);
    }
    const hash = (await testDb().user.findUniqueOrThrow({ where: { id: analyst.id } })).passwordHash;
    expect(await verifyPassword(hash, "a-brand-new-password")).toBe(true);
    await expect(authenticate(analyst.email, DEFAULT_TEST_PASSWORD, "198.51.100.51")).rejects.toThrow(/incorrect/);
  });

  it("needs a live session", async () => {
    const analyst = home.byRole.ANALYST;
    const ended = await createSession(analyst.id, "ended");
    await endSession(analyst.id, ended);
    replaySession(analyst, ended);
    await expectSignInRedirect(changePasswordAction({ currentPassword: DEFAULT_TEST_PASSWORD, newPassword: "a-brand-new-password" }));
    await expectSignInRedirect(endSessionAction({ sessionId: ended }));
  });
});

describe("ending one session from the account page", () => {
  it("ends the chosen session of one's own, and never another person's", async () => {
    const analyst = home.byRole.ANALYST;
    const manager = home.byRole.MANAGER;
    const laptop = await createSession(analyst.id, "laptop");
    const managers = await createSession(manager.id, "manager's");
    actAs(analyst);
    expect(await endSessionAction({ sessionId: managers })).toEqual({ ok: false, formError: "That session has already ended." });
    expect(await readSessionUser({ userId: manager.id, sessionId: managers })).not.toBeNull();
    expect(await endSessionAction({ sessionId: laptop })).toEqual({ ok: true, data: { sessionId: laptop, next: "/account" } });
    replaySession(analyst, laptop);
    await expectRefusedEverywhere(home.workspace.id);
  });

  it("signs in again afterwards with a new session", async () => {
    const user = await createUser(testDb(), { password: "correct-horse-battery" });
    actAs(null);
    const form = new FormData();
    form.append("email", user.email);
    form.append("password", "correct-horse-battery");
    form.append("callbackUrl", "/");
    expect(await redirectOf(signInAction(null, form))).toBe("/");
    expect(await testDb().session.count({ where: { userId: user.id, revokedAt: null } })).toBe(1);
    expect(await testDb().signInAttempt.findFirstOrThrow({ where: { email: user.email } })).toMatchObject({ clientAddress: "198.51.100.50" });
  });
});
