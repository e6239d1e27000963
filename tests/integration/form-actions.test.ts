// Server actions as forms call them: `(previous state, FormData)`, the way useActionState
// calls them, and the way Next.js calls them for a form sent before the page's JavaScript has
// loaded. The guard still comes first; a form's success goes on to the next page; a refused
// form gets back what it sent, without passwords.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/db";
import { actAs, expectNotFound, sessionUserId } from "@/tests/support/session";
import { createUser } from "@/tests/factories/user";
import { createWorkspaceWithMembers } from "@/tests/factories/workspace";
import { createMapAction } from "@/lib/actions/maps";
import { signInAction, signUpAction } from "@/lib/actions/auth";
import { WRONG_CREDENTIALS } from "@/lib/data/users";

type Members = Awaited<ReturnType<typeof createWorkspaceWithMembers>>;
let home: Members;

beforeAll(async () => {
  home = await createWorkspaceWithMembers(testDb());
});
beforeEach(() => actAs(home.byRole.ANALYST));

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

/** The path a call redirected to (Next's redirect() throws), or null when it returned. */
async function redirectOf(promise: Promise<unknown>): Promise<string | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    const digest = String((error as { digest?: string }).digest ?? "");
    const match = /^NEXT_REDIRECT;\w+;([^;]+);/.exec(digest);
    if (!match) throw error;
    return match[1]!;
  }
}

describe("a workspace action submitted by a form", () => {
  it("creates the map from the form's fields and goes on to its designer", async () => {
    const name = `Form map ${crypto.randomUUID().slice(0, 6)}`;
    const next = await redirectOf(createMapAction(home.workspace.id, null, form({ name, description: "", template: "blank" })));
    const map = await testDb().journeyMap.findFirstOrThrow({ where: { workspaceId: home.workspace.id, name } });
    expect(next).toBe(`/w/${home.workspace.id}/maps/${map.id}/design`);
  });

  it("answers a refused form with its field errors and what it sent, and writes nothing", async () => {
    const before = await testDb().journeyMap.count({ where: { workspaceId: home.workspace.id } });
    const result = await createMapAction(home.workspace.id, null, form({ name: "  ", description: "Kept", template: "blank" }));
    expect(result).toEqual({
      ok: false,
      formError: "Some fields need your attention.",
      fieldErrors: { name: ["Enter a name for the map."] },
      values: { name: "  ", description: "Kept", template: "blank" },
    });
    expect(await testDb().journeyMap.count({ where: { workspaceId: home.workspace.id } })).toBe(before);
  });

  it("still gives code that calls it the result, with no redirect", async () => {
    const result = await createMapAction(home.workspace.id, { name: `Called ${crypto.randomUUID().slice(0, 6)}`, template: "blank" });
    expect(result).toMatchObject({ ok: true, data: { id: expect.any(String) } });
  });

  it("runs the guard before reading the form", async () => {
    actAs(home.byRole.INTERVIEWER);
    await expectNotFound(createMapAction(home.workspace.id, null, form({ name: "Not mine", template: "blank" })));
  });
});

describe("the public forms", () => {
  it("sign-up creates the account and its workspace, then sends the person to sign in", async () => {
    actAs(null);
    const email = `form-founder-${crypto.randomUUID().slice(0, 8)}@example.com`;
    const next = await redirectOf(signUpAction(null, form({ name: "Fiona", email, password: "a-good-long-password", workspaceName: "Flowers" })));
    const user = await testDb().user.findUniqueOrThrow({ where: { email }, include: { memberships: true } });
    expect(user.memberships).toMatchObject([{ role: "ADMIN" }]);
    expect(next).toBe("/sign-in?from=sign-up");
    expect(sessionUserId()).toBeNull();
  });

  it("sign-up refused sends back what was typed, but never the password", async () => {
    actAs(null);
    const result = await signUpAction(null, form({ name: "Fiona", email: "fiona@example.com", password: "short", workspaceName: "Flowers" }));
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { password: ["Use at least 10 characters for the password."] },
      values: { name: "Fiona", email: "fiona@example.com", workspaceName: "Flowers" },
    });
    expect(result.ok ? null : result.values).not.toHaveProperty("password");
    expect(sessionUserId()).toBeNull();
  });

  it("sign-in refuses a wrong password with the form's message and signs in with the right one", async () => {
    actAs(null);
    const user = await createUser(testDb(), { password: "correct-horse-battery" });
    expect(await signInAction(null, form({ email: user.email, password: "wrong-password", callbackUrl: "/" }))).toMatchObject({
      ok: false,
      formError: WRONG_CREDENTIALS,
      values: { email: user.email, callbackUrl: "/" },
    });
    expect(sessionUserId()).toBeNull();

    const next = await redirectOf(signInAction(null, form({ email: user.email.toUpperCase(), password: "correct-horse-battery", callbackUrl: `/w/${home.workspace.id}` })));
    expect(next).toBe(`/w/${home.workspace.id}`);
    expect(sessionUserId()).toBe(user.id);
  });

  it("sign-in never sends anyone to another site", async () => {
    actAs(null);
    const user = await createUser(testDb(), { password: "correct-horse-battery" });
    expect(await redirectOf(signInAction(null, form({ email: user.email, password: "correct-horse-battery", callbackUrl: "//evil.example/" })))).toBe("/");
  });
});
