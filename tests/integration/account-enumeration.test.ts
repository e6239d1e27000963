// Regression: sign-up and accepting an invitation told whether an email had an account ("An
// account with this email already exists"), even with a made-up invitation link.
import { beforeEach, describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/db";
import { actAs, sessionUserId } from "@/tests/support/session";
import { createUser } from "@/tests/factories/user";
import { createWorkspaceWithMembers } from "@/tests/factories/workspace";
import { acceptInvitationNewUserAction, signUpAction } from "@/lib/actions/auth";
import { createInvitationAction } from "@/lib/actions/members";
import { INVITATION_INVALID } from "@/lib/data/members";
import { verifyPassword } from "@/lib/auth/password";

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

/** What a form submission answers: its redirect (Next's redirect() throws) or its result. */
async function answerOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    return { result: await promise };
  } catch (error) {
    const digest = String((error as { digest?: string }).digest ?? "");
    if (!digest.startsWith("NEXT_REDIRECT")) throw error;
    return { redirect: digest };
  }
}

let known: { id: string; email: string; passwordHash: string };

beforeEach(async () => {
  known = await createUser(testDb(), { password: "the-owners-password" });
  actAs(null);
});

const unknownEmail = () => `nobody-${crypto.randomUUID().slice(0, 8)}@example.com`;

describe("sign-up", () => {
  it("answers an email with an account exactly as a new one, signs nobody in and changes nothing", async () => {
    const fresh = unknownEmail();
    const submit = (email: string) => signUpAction(null, form({ name: "Mallory", email, password: "a-good-long-password", workspaceName: "Probe" }));

    const forKnown = await answerOf(submit(known.email));
    const knownSession = sessionUserId();
    actAs(null);
    const forFresh = await answerOf(submit(fresh));
    const freshSession = sessionUserId();

    expect(forKnown).toEqual(forFresh);
    expect(forKnown).toEqual({ redirect: expect.stringContaining(";/sign-in?from=sign-up;") });
    expect([knownSession, freshSession]).toEqual([null, null]);
    expect(await testDb().session.count({ where: { userId: known.id } })).toBe(0);

    // The existing account is as it was: same password, no workspace added.
    const owner = await testDb().user.findUniqueOrThrow({ where: { id: known.id }, include: { memberships: true } });
    expect(owner.passwordHash).toBe(known.passwordHash);
    expect(await verifyPassword(owner.passwordHash, "the-owners-password")).toBe(true);
    expect(owner.memberships).toEqual([]);
    // The new one exists, with its workspace, and signs in with the password it chose.
    const created = await testDb().user.findUniqueOrThrow({ where: { email: fresh }, include: { memberships: true } });
    expect(created.memberships).toHaveLength(1);
  });

  it("answers a call from code identically too", async () => {
    const input = (email: string) => ({ name: "Mallory", email, password: "a-good-long-password", workspaceName: "Probe" });
    expect(await signUpAction(input(known.email))).toEqual(await signUpAction(input(unknownEmail())));
  });
});

describe("accepting an invitation with a link that cannot be used", () => {
  it("says only that the link is not valid, for known and unknown emails alike", async () => {
    const token = "made-up-token-0123456789abcdef";
    const submit = (email: string) => acceptInvitationNewUserAction({ token, name: "Mallory", email, password: "a-good-long-password" });
    const forKnown = await submit(known.email);
    const forFresh = await submit(unknownEmail());
    expect(forKnown).toEqual({ ok: false, formError: INVITATION_INVALID });
    expect(forFresh).toEqual(forKnown);
    expect(sessionUserId()).toBeNull();
  });

  it("says the same for a form, apart from echoing the email that was typed", async () => {
    const token = "made-up-token-0123456789abcdef";
    const submit = (email: string) => acceptInvitationNewUserAction(null, form({ token, name: "Mallory", email, password: "a-good-long-password" }));
    const fresh = unknownEmail();
    const forKnown = (await submit(known.email)) as { values?: Record<string, string> };
    const forFresh = (await submit(fresh)) as { values?: Record<string, string> };
    expect({ ...forKnown, values: { ...forKnown.values, email: "?" } }).toEqual({ ...forFresh, values: { ...forFresh.values, email: "?" } });
    expect(forKnown).toMatchObject({ ok: false, formError: INVITATION_INVALID });
  });

  it("checks an invitation for one address before anything about accounts", async () => {
    const home = await createWorkspaceWithMembers(testDb());
    actAs(home.byRole.ADMIN);
    const invited = await createInvitationAction(home.workspace.id, { role: "ANALYST", expiresInDays: 7, email: "invitee@example.com" });
    if (!invited.ok) throw new Error(invited.formError);
    actAs(null);
    const result = await acceptInvitationNewUserAction({ token: invited.data.token, name: "Mallory", email: known.email, password: "a-good-long-password" });
    expect(result).toMatchObject({ ok: false, formError: "This invitation is for invitee@example.com. Use that email address." });
  });
});
