// Sessions end on the server. A copy of a session cookie taken while it was valid (say from a
// shared computer) opens nothing once its session has ended: pages answer with the sign-in page,
// the JSON routes with 401, server actions with sign-in, and nothing is written.
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expect, test, TEST_PASSWORD, type TestWorkspaceWithMap } from "./fixtures";
import { expectAccessible } from "./support";

/** A new browser context holding a copy of `from`'s cookies: the replayed session. */
async function copyOf(browser: Browser, from: BrowserContext): Promise<BrowserContext> {
  const copy = await browser.newContext();
  await copy.addCookies(await from.cookies());
  return copy;
}

/** Everything `context` asks for is refused as signed out, and nothing is shown. */
async function expectSignedOut(context: BrowserContext, workspace: TestWorkspaceWithMap) {
  const page = await context.newPage();
  await page.goto(`/w/${workspace.id}/maps/${workspace.map.id}/matrix`);
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  const api = await context.request.get(`/api/w/${workspace.id}/maps/${workspace.map.id}/matrix`);
  expect(api.status()).toBe(401);
  expect(await api.json()).toEqual({ error: expect.stringMatching(/Sign in/) });
  // next-auth's own session endpoint agrees.
  expect(await (await context.request.get("/api/auth/session")).json()).toEqual({});
  await page.close();
}

async function openUserMenu(page: Page, name: string) {
  await page.getByRole("button", { name, exact: true }).click();
}

test("a cookie copied before sign-out opens no page, route or action afterwards", async ({ browser, context, page, signIn, workspaceWithMap, db }) => {
  const analyst = workspaceWithMap.members.ANALYST;
  await signIn(analyst);
  await page.goto(`/w/${workspaceWithMap.id}`);
  const replay = await copyOf(browser, context);

  // The copy holds a form open, to send after the session has ended.
  const replayPage = await replay.newPage();
  await replayPage.goto(`/w/${workspaceWithMap.id}/maps/new`);
  await replayPage.getByLabel("Name").fill("Made with a copied cookie");

  await openUserMenu(page, analyst.name);
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await page.waitForURL(/\/sign-in/);

  await replayPage.getByRole("button", { name: "Create map" }).click();
  await replayPage.waitForURL(/\/sign-in/);
  expect(await db.journeyMap.count({ where: { workspaceId: workspaceWithMap.id, name: "Made with a copied cookie" } })).toBe(0);
  await expectSignedOut(replay, workspaceWithMap);
  await replay.close();
});

test("sign out everywhere ends the sessions of every device", async ({ browser, context, page, pageAs, signIn, workspaceWithMap }) => {
  const analyst = workspaceWithMap.members.ANALYST;
  await signIn(analyst);
  const laptop = await pageAs(analyst);
  await laptop.goto(`/w/${workspaceWithMap.id}`);
  await page.goto(`/w/${workspaceWithMap.id}`);
  const replay = await copyOf(browser, context);

  await openUserMenu(page, analyst.name);
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await page.waitForURL(/\/sign-in/);

  await expectSignedOut(laptop.context(), workspaceWithMap);
  await expectSignedOut(replay, workspaceWithMap);
  await replay.close();
});

test("the account page lists the sessions, ends one, and a password change ends the others", async ({ browser, context, page, pageAs, signIn, workspaceWithMap }) => {
  const analyst = workspaceWithMap.members.ANALYST;
  await signIn(analyst);
  const phone = await pageAs(analyst);
  const tablet = await pageAs(analyst);
  await page.goto(`/w/${workspaceWithMap.id}`);
  await openUserMenu(page, analyst.name);
  await page.getByRole("link", { name: "Account and sessions" }).click();
  await page.waitForURL(/\/account$/);
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  const rows = page.getByTestId("session-row");
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: "This device" })).toHaveCount(1);
  await expectAccessible(page);

  // End one other session: the tablet is signed out.
  await rows.filter({ hasNotText: "This device" }).first().getByRole("button", { name: "End session" }).click();
  await expect(rows).toHaveCount(2);
  const ended = [phone, tablet];
  const stillIn: Page[] = [];
  for (const other of ended) {
    const response = await other.context().request.get(`/api/w/${workspaceWithMap.id}/maps/${workspaceWithMap.map.id}/matrix`);
    if (response.status() === 200) stillIn.push(other);
    else expect(response.status()).toBe(401);
  }
  expect(stillIn).toHaveLength(1);

  // A copy of this browser's own cookie, taken before the password changes.
  const replay = await copyOf(browser, context);

  await page.getByLabel("Current password").fill("not-my-password");
  await page.getByLabel("New password").fill("a-brand-new-password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("That is not your current password.").first()).toBeVisible();

  await page.getByLabel("Current password").fill(TEST_PASSWORD);
  await page.getByLabel("New password").fill("a-brand-new-password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Password changed." })).toBeVisible();

  // This browser goes on in a new session; every other one, and the copy, are signed out.
  await page.reload();
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText("This device");
  await page.goto(`/w/${workspaceWithMap.id}/maps/${workspaceWithMap.map.id}/matrix`);
  await expect(page).toHaveURL(new RegExp(`/w/${workspaceWithMap.id}/maps/${workspaceWithMap.map.id}/matrix`));
  await expectSignedOut(stillIn[0]!.context(), workspaceWithMap);
  await expectSignedOut(replay, workspaceWithMap);
  await replay.close();
});
