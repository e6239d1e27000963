// Read-only tests on the demo workspace, one person per role.
import type { Role } from "@/lib/permissions";
import { expect, test } from "./fixtures";
import { DEMO_MAP, DEMO_USERS, DEMO_WORKSPACE, expectAccessible } from "./support";

const NAV_BY_ROLE = {
  ADMIN: ["Maps", "Interviews", "Respondents", "Audit log", "Members", "API"],
  ANALYST: ["Maps", "Interviews", "Respondents", "Audit log"],
  MANAGER: ["Maps"],
  INTERVIEWER: ["Maps", "Interviews", "Respondents"],
} as const;

for (const role of Object.keys(DEMO_USERS) as Role[]) {
  test(`${role} lands in the workspace and sees what the role may use`, async ({ demoUsers, page, signIn }) => {
    await signIn(demoUsers[role]);
    await page.goto("/");
    await expect(page).toHaveURL(new RegExp(`/w/${DEMO_WORKSPACE}$`));
    const nav = page.getByRole("navigation", { name: "Workspace" });
    await expect(nav.getByRole("link")).toHaveText([...NAV_BY_ROLE[role]]);
    await expect(page.getByRole("heading", { name: "Journey maps" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "In-store purchase" })).toBeVisible();
    await expectAccessible(page);

    if (role !== "INTERVIEWER") {
      // Those who read the analysis land on the map's overview; the journey is the next tab.
      await page.getByRole("link", { name: "In-store purchase", exact: true }).click();
      await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
      await expectAccessible(page);
      await page.getByRole("navigation", { name: "Map views" }).getByRole("link", { name: "Journey" }).click();
      await expect(page.getByRole("table", { name: /Touchpoints of In-store purchase/ })).toBeVisible();
      await expect(page.getByTestId("journey-touchpoint").first()).toBeVisible();
      await expectAccessible(page);
    }
    if (role === "ADMIN" || role === "ANALYST") {
      await nav.getByRole("link", { name: "Audit log" }).click();
      await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
      await expectAccessible(page);
    }
    if (role === "ADMIN") {
      await nav.getByRole("link", { name: "Members" }).click();
      for (const demoEmail of Object.values(DEMO_USERS)) {
        await expect(page.getByTestId("member-row").filter({ hasText: demoEmail })).toBeVisible();
      }
      await expectAccessible(page);
    }
  });
}

test("an interviewer opening analyst pages gets the not-found page", async ({ demoUsers, page, signIn }) => {
  await signIn(demoUsers.INTERVIEWER);
  for (const path of [`/w/${DEMO_WORKSPACE}/audit`, `/w/${DEMO_WORKSPACE}/maps/${DEMO_MAP}`, `/w/${DEMO_WORKSPACE}/members`]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
  await expectAccessible(page);
});

test("a manager cannot open the members page, and another workspace looks the same as a missing one", async ({ demoUsers, page, signIn, workspace }) => {
  await signIn(demoUsers.MANAGER);
  expect((await page.goto(`/w/${DEMO_WORKSPACE}/members`))?.status()).toBe(404);
  expect((await page.goto(`/w/${workspace.id}`))?.status()).toBe(404);
  expect((await page.goto(`/w/some-other-workspace`))?.status()).toBe(404);
});

test("a page number no list has opens the first page instead of an error", async ({ demoUsers, page, signIn }) => {
  await signIn(demoUsers.ANALYST);
  for (const [path, heading] of [
    [`/w/${DEMO_WORKSPACE}/audit?page=1e300`, "Audit log"],
    [`/w/${DEMO_WORKSPACE}/interviews?page=1e300`, "Interviews"],
    [`/w/${DEMO_WORKSPACE}/respondents?page=-1`, "Respondents"],
  ] as const) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.getByRole("heading", { name: heading, exact: true })).toBeVisible();
  }
});

test("a new capture under an interview id another workspace holds opens like any new one", async ({ db, demoUsers, page, signIn, workspaceWithMap }) => {
  // Looking the id up across workspaces would tell that it exists there; the capture page only
  // looks in its own workspace (saving under that id is then refused as not found).
  const foreign = await db.interview.findFirstOrThrow({ where: { workspaceId: workspaceWithMap.id }, select: { id: true } });
  await signIn(demoUsers.INTERVIEWER);
  for (const id of [crypto.randomUUID(), foreign.id]) {
    const response = await page.goto(`/w/${DEMO_WORKSPACE}/interviews/${id}/capture?map=${DEMO_MAP}`);
    expect(response?.status(), id).toBe(200);
  }
});

test("signed-out visitors are sent to sign in", async ({ page }) => {
  await page.goto(`/w/${DEMO_WORKSPACE}`);
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expectAccessible(page);
});
