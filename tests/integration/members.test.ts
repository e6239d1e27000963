import { beforeEach, describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/db";
import { actAs, expectNotFound, sessionUserId } from "@/tests/support/session";
import { createWorkspaceWithMembers } from "@/tests/factories/workspace";
import { createUser } from "@/tests/factories/user";
import {
  changeMemberRoleAction,
  createInvitationAction,
  removeMemberAction,
  revokeInvitationAction,
} from "@/lib/actions/members";
import { acceptInvitationAction, acceptInvitationNewUserAction } from "@/lib/actions/auth";
import { INVITATION_INVALID } from "@/lib/data/members";
import { ROLES } from "@/lib/permissions";

type Members = Awaited<ReturnType<typeof createWorkspaceWithMembers>>;

async function invite(home: Members, input: Record<string, unknown> = {}) {
  actAs(home.byRole.ADMIN);
  const result = await createInvitationAction(home.workspace.id, { role: "ANALYST", expiresInDays: 7, ...input });
  if (!result.ok) throw new Error(result.formError);
  return result.data.token;
}

describe("members and invitations", () => {
  let home: Members;
  let other: Members;

  beforeEach(async () => {
    home = await createWorkspaceWithMembers(testDb());
    other = await createWorkspaceWithMembers(testDb());
  });

  it("a new person accepts an invitation, becomes a member with its role and is signed in", async () => {
    const token = await invite(home, { role: "MANAGER" });
    actAs(null);
    const result = await acceptInvitationNewUserAction({
      token,
      name: "Nora New",
      email: "Nora.New@Example.com",
      password: "a-long-password",
    });
    expect(result).toEqual({ ok: true, data: { workspaceId: home.workspace.id } });
    const user = await testDb().user.findUniqueOrThrow({ where: { email: "nora.new@example.com" } });
    const membership = await testDb().membership.findUniqueOrThrow({
      where: { workspaceId_userId: { workspaceId: home.workspace.id, userId: user.id } },
    });
    expect(membership.role).toBe("MANAGER");
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(sessionUserId()).toBe(user.id);
  });

  it("an existing user joins with the link while signed in", async () => {
    const token = await invite(home, { role: "INTERVIEWER" });
    const outsider = await createUser(testDb());
    actAs(outsider);
    const result = await acceptInvitationAction({ token });
    expect(result).toEqual({ ok: true, data: { workspaceId: home.workspace.id } });
  });

  it("refuses a reused invitation and writes nothing", async () => {
    const token = await invite(home);
    actAs(await createUser(testDb()));
    expect((await acceptInvitationAction({ token })).ok).toBe(true);
    const second = await createUser(testDb());
    actAs(second);
    expect(await acceptInvitationAction({ token })).toEqual({ ok: false, formError: INVITATION_INVALID });
    expect(await testDb().membership.count({ where: { userId: second.id } })).toBe(0);
  });

  it("refuses an expired invitation, and a new account is not created", async () => {
    const token = await invite(home);
    await testDb().invitation.updateMany({
      where: { workspaceId: home.workspace.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    actAs(null);
    const result = await acceptInvitationNewUserAction({
      token,
      name: "Late Larry",
      email: "late.larry@example.com",
      password: "a-long-password",
    });
    expect(result).toEqual({ ok: false, formError: INVITATION_INVALID });
    expect(await testDb().user.count({ where: { email: "late.larry@example.com" } })).toBe(0);
  });

  it("refuses a revoked invitation", async () => {
    const token = await invite(home);
    const invitation = await testDb().invitation.findFirstOrThrow({ where: { workspaceId: home.workspace.id } });
    expect((await revokeInvitationAction(home.workspace.id, { invitationId: invitation.id })).ok).toBe(true);
    actAs(await createUser(testDb()));
    expect(await acceptInvitationAction({ token })).toEqual({ ok: false, formError: INVITATION_INVALID });
  });

  it("an invitation addressed to one email cannot be used by another account", async () => {
    const token = await invite(home, { email: "only.this@example.com" });
    actAs(await createUser(testDb()));
    const result = await acceptInvitationAction({ token });
    expect(result.ok).toBe(false);
    expect(await testDb().invitation.count({ where: { workspaceId: home.workspace.id, acceptedAt: { not: null } } })).toBe(0);
  });

  it("refuses removing or demoting the last admin", async () => {
    actAs(home.byRole.ADMIN);
    const adminMembership = await testDb().membership.findFirstOrThrow({
      where: { workspaceId: home.workspace.id, userId: home.byRole.ADMIN.id },
    });
    const removal = await removeMemberAction(home.workspace.id, { membershipId: adminMembership.id });
    expect(removal).toMatchObject({ ok: false, formError: expect.stringMatching(/at least one admin/) });
    const demotion = await changeMemberRoleAction(home.workspace.id, { membershipId: adminMembership.id, role: "ANALYST" });
    expect(demotion).toMatchObject({ ok: false, formError: expect.stringMatching(/at least one admin/) });
    const after = await testDb().membership.findUniqueOrThrow({ where: { id: adminMembership.id } });
    expect(after).toMatchObject({ role: "ADMIN", removedAt: null });
  });

  it("two admins demoting each other at once leave one admin", async () => {
    const second = await createUser(testDb());
    const secondMembership = await testDb().membership.create({
      data: { workspaceId: home.workspace.id, userId: second.id, role: "ADMIN" },
    });
    const firstMembership = await testDb().membership.findFirstOrThrow({
      where: { workspaceId: home.workspace.id, userId: home.byRole.ADMIN.id },
    });
    actAs(home.byRole.ADMIN);
    const results = await Promise.all([
      changeMemberRoleAction(home.workspace.id, { membershipId: secondMembership.id, role: "ANALYST" }),
      changeMemberRoleAction(home.workspace.id, { membershipId: firstMembership.id, role: "ANALYST" }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(await testDb().membership.count({ where: { workspaceId: home.workspace.id, role: "ADMIN", removedAt: null } })).toBe(1);
  });

  it("removes a member (kept as removed) and audits it", async () => {
    actAs(home.byRole.ADMIN);
    const membership = await testDb().membership.findFirstOrThrow({
      where: { workspaceId: home.workspace.id, userId: home.byRole.ANALYST.id },
    });
    expect((await removeMemberAction(home.workspace.id, { membershipId: membership.id })).ok).toBe(true);
    const after = await testDb().membership.findUniqueOrThrow({ where: { id: membership.id } });
    expect(after.removedAt).not.toBeNull();
    expect(await testDb().auditLog.count({ where: { entityId: membership.id, action: "member.remove" } })).toBe(1);
  });

  it("refuses every member action to roles without members.manage and to other workspaces' admins", async () => {
    const membership = await testDb().membership.findFirstOrThrow({
      where: { workspaceId: home.workspace.id, userId: home.byRole.INTERVIEWER.id },
    });
    const callers = [...ROLES.filter((role) => role !== "ADMIN").map((role) => home.byRole[role]), other.byRole.ADMIN];
    for (const caller of callers) {
      actAs(caller);
      await expectNotFound(changeMemberRoleAction(home.workspace.id, { membershipId: membership.id, role: "ADMIN" }));
      await expectNotFound(removeMemberAction(home.workspace.id, { membershipId: membership.id }));
      await expectNotFound(createInvitationAction(home.workspace.id, { role: "ADMIN", expiresInDays: 7 }));
      await expectNotFound(revokeInvitationAction(home.workspace.id, { invitationId: "x" }));
    }
    expect((await testDb().membership.findUniqueOrThrow({ where: { id: membership.id } })).role).toBe("INTERVIEWER");
  });

  it("an admin cannot act on a membership of another workspace through their own", async () => {
    const foreign = await testDb().membership.findFirstOrThrow({
      where: { workspaceId: other.workspace.id, userId: other.byRole.ANALYST.id },
    });
    actAs(home.byRole.ADMIN);
    const result = await removeMemberAction(home.workspace.id, { membershipId: foreign.id });
    expect(result.ok).toBe(false);
    expect((await testDb().membership.findUniqueOrThrow({ where: { id: foreign.id } })).removedAt).toBeNull();
  });

  it("bad input gets a clear message and changes nothing", async () => {
    actAs(home.byRole.ADMIN);
    const result = await createInvitationAction(home.workspace.id, { role: "OWNER", expiresInDays: 90 });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.fieldErrors?.role?.[0]).toMatch(/Choose a role/);
      expect(result.fieldErrors?.expiresInDays?.[0]).toMatch(/at most 30 days/);
    }
    expect(await testDb().invitation.count({ where: { workspaceId: home.workspace.id } })).toBe(0);
  });
});
