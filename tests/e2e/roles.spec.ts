import { expect, test } from "@playwright/test";
import { DEMO_MAP, DEMO_USERS, DEMO_WORKSPACE, expectAccessible, signIn } from "./support";

const NAV_BY_ROLE = {
  ADMIN: ["Maps", "Interviews", "Respondents", "Audit log", "Members"],
  ANALYST: ["Maps", "Interviews", "Respondents", "Audit log"],
  MANAGER: ["Maps"],
  INTERVIEWER: ["Maps", "Interviews", "Respondents"],
} as const;

for (const [role, email] of Object.entries(DEMO_USERS) as [keyof typeof DEMO_USERS, string][]) {
  test(`${role} signs in and sees what the role may use`, async ({ page }) => {
    await signIn(page, email);
    await expect(page).toHaveURL(new RegExp(`/w/${DEMO_WORKSPACE}$`));
    const nav = page.getByRole("navigation", { name: "Workspace" });
    await expect(nav.getByRole("link")).toHaveText([...NAV_BY_ROLE[role]]);
    await expect(page.getByRole("heading", { name: "Journey maps" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "In-store purchase" })).toBeVisible();
    await expectAccessible(page);

    if (role !== "INTERVIEWER") {
      await page.getByRole("link", { name: "In-store purchase" }).click();
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

test("an interviewer opening analyst pages gets the not-found page", async ({ page }) => {
  await signIn(page, DEMO_USERS.INTERVIEWER);
  for (const path of [`/w/${DEMO_WORKSPACE}/audit`, `/w/${DEMO_WORKSPACE}/maps/${DEMO_MAP}`, `/w/${DEMO_WORKSPACE}/members`]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
  await expectAccessible(page);
});

test("a manager cannot open the members page, and another workspace looks the same as a missing one", async ({ page }) => {
  await signIn(page, DEMO_USERS.MANAGER);
  expect((await page.goto(`/w/${DEMO_WORKSPACE}/members`))?.status()).toBe(404);
  expect((await page.goto(`/w/some-other-workspace`))?.status()).toBe(404);
});

test("signed-out visitors are sent to sign in", async ({ page }) => {
  await page.goto(`/w/${DEMO_WORKSPACE}`);
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expectAccessible(page);
});
