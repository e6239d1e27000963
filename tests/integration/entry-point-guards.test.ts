// Every server action and route handler inside a workspace goes through workspaceAction or
// workspaceRoute, which run the guard before anything else. These tests hold each of them to
// it: a member of another workspace, a role without the permission and a signed-out caller are
// refused before the input is even read, and a refusal changes nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/db";
import { actAs, expectNotFound, expectSignInRedirect } from "@/tests/support/session";
import { createWorkspaceWithMembers } from "@/tests/factories/workspace";
import { createUser } from "@/tests/factories/user";
import { createTestMap } from "@/tests/integration/interview-support";
import { ROLES, can, type Permission, type Role } from "@/lib/permissions";
import * as designerActions from "@/lib/actions/designer";
import * as interviewActions from "@/lib/actions/interviews";
import * as mapActions from "@/lib/actions/maps";
import * as memberActions from "@/lib/actions/members";
import * as respondentActions from "@/lib/actions/respondents";
import * as apiActions from "@/lib/actions/api";
import { PUT as draftRoute } from "@/app/api/w/[workspaceId]/interviews/[interviewId]/draft/route";
import { POST as submissionRoute } from "@/app/api/w/[workspaceId]/interviews/[interviewId]/submission/route";
import { GET as matrixRoute } from "@/app/api/w/[workspaceId]/maps/[mapId]/matrix/route";

type Members = Awaited<ReturnType<typeof createWorkspaceWithMembers>>;
type WorkspaceEntryAction = (workspaceId: string, input: unknown) => Promise<unknown>;

// Each file's actions, and the permissions they may ask for: every action must admit exactly
// the roles of one of them.
const ACTION_FILES: [string, Record<string, unknown>, Permission[]][] = [
  ["designer", designerActions, ["map.design"]],
  ["maps", mapActions, ["map.design"]],
  ["interviews", interviewActions, ["interview.record", "interview.curate"]],
  ["members", memberActions, ["members.manage"]],
  ["respondents", respondentActions, ["respondent.manage", "respondent.fields", "respondent.erase"]],
  ["api", apiActions, ["tokens.manage"]],
];

const ACTIONS = ACTION_FILES.flatMap(([file, exports, permissions]) =>
  Object.entries(exports).map(([name, action]) => ({ name: `${file}.${name}`, action: action as WorkspaceEntryAction, permissions })),
);

function isNotFound(outcome: unknown): boolean {
  return String((outcome as { digest?: unknown } | null)?.digest ?? "").startsWith("NEXT_HTTP_ERROR_FALLBACK;404");
}

function rolesWith(permission: Permission): Role[] {
  return ROLES.filter((role) => can(role, permission));
}

describe("server actions", () => {
  let home: Members;
  let other: Members;

  beforeAll(async () => {
    home = await createWorkspaceWithMembers(testDb());
    other = await createWorkspaceWithMembers(testDb());
  });

  it("are all found in the action files", () => {
    expect(ACTIONS.length).toBeGreaterThan(40);
    for (const { name, action } of ACTIONS) {
      expect(name).toMatch(/Action$/);
      expect(typeof action).toBe("function");
    }
  });

  // null passes no schema: an action that read its input before the guard would answer
  // { ok: false } to a refused caller instead of refusing it.
  it.each(ACTIONS)("$name refuses a signed-out caller, another workspace and roles without its permission, before reading the input", async ({ action, permissions }) => {
    actAs(null);
    await expectSignInRedirect(action(home.workspace.id, null));
    actAs(other.byRole.ADMIN);
    await expectNotFound(action(home.workspace.id, null));

    const admitted: Role[] = [];
    for (const role of ROLES) {
      actAs(home.byRole[role]);
      const outcome = await action(home.workspace.id, null).then(
        (result) => result,
        (error: unknown) => error,
      );
      if (isNotFound(outcome)) continue;
      expect(outcome).toMatchObject({ ok: false, formError: expect.any(String) });
      admitted.push(role);
    }
    expect(permissions.map(rolesWith)).toContainEqual(admitted);
  });

  it("refuses a valid change from another workspace's admin and from roles without the permission, and changes nothing", async () => {
    const input = { name: `Guarded ${crypto.randomUUID()}`, description: "", template: "blank" };
    const maps = () => testDb().journeyMap.count({ where: { name: input.name } });
    for (const user of [other.byRole.ADMIN, home.byRole.MANAGER, home.byRole.INTERVIEWER]) {
      actAs(user);
      await expectNotFound(mapActions.createMapAction(home.workspace.id, input));
    }
    expect(await maps()).toBe(0);
    actAs(home.byRole.ANALYST);
    expect(await mapActions.createMapAction(home.workspace.id, input)).toMatchObject({ ok: true });
    expect(await maps()).toBe(1);
  });

  it("decides each call afresh: a role change, a removal or another user shows on the very next call", async () => {
    const user = await createUser(testDb());
    const membership = await testDb().membership.create({ data: { workspaceId: home.workspace.id, userId: user.id, role: "ANALYST" } });
    const search = () => respondentActions.searchRespondentsAction(home.workspace.id, { q: "" });
    actAs(user);
    expect(await search()).toEqual({ ok: true, data: [] });
    await testDb().membership.update({ where: { id: membership.id }, data: { role: "MANAGER" } });
    await expectNotFound(search());
    await testDb().membership.update({ where: { id: membership.id }, data: { role: "INTERVIEWER" } });
    expect(await search()).toEqual({ ok: true, data: [] });
    await testDb().membership.update({ where: { id: membership.id }, data: { removedAt: new Date() } });
    await expectNotFound(search());
    actAs(home.byRole.ANALYST);
    expect(await search()).toEqual({ ok: true, data: [] });
    actAs(other.byRole.ANALYST);
    await expectNotFound(search());
  });
});

describe("route handlers", () => {
  let home: Members;
  let other: Members;
  let mapId: string;

  beforeAll(async () => {
    home = await createWorkspaceWithMembers(testDb());
    other = await createWorkspaceWithMembers(testDb());
    mapId = (await createTestMap(home.workspace.id)).map.id;
  });

  const interviewId = crypto.randomUUID();

  // Each route with input it must refuse with a 400: a body that is not JSON, a date that does not exist.
  const ROUTES: { name: string; permission: Permission; call: (workspaceId: string) => Promise<Response> }[] = [
    {
      name: "PUT draft",
      permission: "interview.record",
      call: (workspaceId) =>
        draftRoute(new Request(`http://localhost/api/w/${workspaceId}/interviews/${interviewId}/draft`, { method: "PUT", body: "{not json" }), {
          params: Promise.resolve({ workspaceId, interviewId }),
        }),
    },
    {
      name: "POST submission",
      permission: "interview.record",
      call: (workspaceId) =>
        submissionRoute(
          new Request(`http://localhost/api/w/${workspaceId}/interviews/${interviewId}/submission`, { method: "POST", body: "{not json" }),
          { params: Promise.resolve({ workspaceId, interviewId }) },
        ),
    },
    {
      name: "GET matrix",
      permission: "analysis.view",
      call: (workspaceId) =>
        matrixRoute(new Request(`http://localhost/api/w/${workspaceId}/maps/${mapId}/matrix?from=2026-02-30`), {
          params: Promise.resolve({ workspaceId, mapId }),
        }),
    },
  ];

  it.each(ROUTES)("$name answers 401 signed out and 404 to another workspace and roles without its permission, before reading the input", async ({ call, permission }) => {
    actAs(null);
    const signedOut = await call(home.workspace.id);
    expect(signedOut.status).toBe(401);
    expect((await signedOut.json()).error).toMatch(/Sign in/);
    actAs(other.byRole.ADMIN);
    const outsider = await call(home.workspace.id);
    expect(outsider.status).toBe(404);
    expect(await outsider.json()).toEqual({ error: "Not found." });
    for (const role of ROLES) {
      actAs(home.byRole[role]);
      const response = await call(home.workspace.id);
      const body = await response.json();
      if (can(role, permission)) {
        // Admitted, then the input is refused with a 4xx and a message, never a 500.
        expect(response.status, role).toBe(400);
        expect(body.error).toEqual(expect.any(String));
      } else {
        expect(response.status, role).toBe(404);
        expect(body).toEqual({ error: "Not found." });
      }
    }
    actAs(home.byRole.ADMIN);
    expect((await call("no-such-workspace")).status).toBe(404);
  });

  // Regression: a NUL character in a filter value reached PostgreSQL and the matrix route answered 500.
  it("answers an address or query holding a NUL character with a 4xx, never a 500", async () => {
    actAs(home.byRole.MANAGER);
    const nulMap = await matrixRoute(new Request(`http://localhost/api/w/${home.workspace.id}/maps/x%00/matrix`), {
      params: Promise.resolve({ workspaceId: home.workspace.id, mapId: "x\0" }),
    });
    expect(nulMap.status).toBe(404);
    const nulQuery = await matrixRoute(new Request(`http://localhost/api/w/${home.workspace.id}/maps/${mapId}/matrix?segment=a%00b`), {
      params: Promise.resolve({ workspaceId: home.workspace.id, mapId }),
    });
    expect(nulQuery.status).toBe(400);
    expect((await nulQuery.json()).error).toMatch(/NUL character/);
    const missingMap = await matrixRoute(new Request(`http://localhost/api/w/${home.workspace.id}/maps/no-such-map/matrix`), {
      params: Promise.resolve({ workspaceId: home.workspace.id, mapId: "no-such-map" }),
    });
    expect(missingMap.status).toBe(404);
    expect(await missingMap.json()).toEqual({ error: "Not found." });
  });

  it("decides each request afresh: a role change shows on the very next request", async () => {
    const user = await createUser(testDb());
    const membership = await testDb().membership.create({ data: { workspaceId: home.workspace.id, userId: user.id, role: "MANAGER" } });
    const matrix = () =>
      matrixRoute(new Request(`http://localhost/api/w/${home.workspace.id}/maps/${mapId}/matrix`), {
        params: Promise.resolve({ workspaceId: home.workspace.id, mapId }),
      });
    actAs(user);
    expect((await matrix()).status).toBe(200);
    await testDb().membership.update({ where: { id: membership.id }, data: { role: "INTERVIEWER" } });
    expect((await matrix()).status).toBe(404);
  });
});
