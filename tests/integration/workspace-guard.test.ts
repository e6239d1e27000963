import { beforeAll, describe, expect, it } from "vitest";
import { requireWorkspace, resolveWorkspaceAccess } from "@/lib/workspace";
import { PERMISSIONS, ROLES, can } from "@/lib/permissions";
import { testDb } from "@/tests/support/db";
import { actAs, expectNotFound, expectSignInRedirect } from "@/tests/support/session";
import { createWorkspaceWithMembers } from "@/tests/factories/workspace";
import { createUser } from "@/tests/factories/user";

type Members = Awaited<ReturnType<typeof createWorkspaceWithMembers>>;

describe("requireWorkspace", () => {
  let home: Members;
  let other: Members;

  beforeAll(async () => {
    home = await createWorkspaceWithMembers(testDb());
    other = await createWorkspaceWithMembers(testDb());
  });

  for (const role of ROLES) {
    it(`grants ${role} exactly the permissions of its role in its own workspace`, async () => {
      const user = home.byRole[role];
      actAs(user);
      for (const permission of PERMISSIONS) {
        if (can(role, permission)) {
          const ctx = await requireWorkspace(home.workspace.id, permission);
          expect(ctx).toMatchObject({ workspaceId: home.workspace.id, userId: user.id, role });
        } else {
          await expectNotFound(requireWorkspace(home.workspace.id, permission));
        }
      }
    });

    it(`refuses ${role} of another workspace, for every permission, like a missing workspace`, async () => {
      actAs(other.byRole[role]);
      for (const permission of PERMISSIONS) {
        await expectNotFound(requireWorkspace(home.workspace.id, permission));
      }
      await expectNotFound(requireWorkspace("no-such-workspace", "workspace.view"));
    });
  }

  it("sends a signed-out caller to sign in", async () => {
    actAs(null);
    await expectSignInRedirect(requireWorkspace(home.workspace.id, "workspace.view"));
  });

  it("refuses a removed member on the next request", async () => {
    const user = await createUser(testDb());
    const membership = await testDb().membership.create({
      data: { workspaceId: home.workspace.id, userId: user.id, role: "ANALYST" },
    });
    expect(await resolveWorkspaceAccess(user.id, home.workspace.id, "map.design")).not.toBeNull();
    await testDb().membership.update({ where: { id: membership.id }, data: { removedAt: new Date() } });
    expect(await resolveWorkspaceAccess(user.id, home.workspace.id, "workspace.view")).toBeNull();
  });
});
