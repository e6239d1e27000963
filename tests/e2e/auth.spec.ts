import { expect, test } from "@playwright/test";
import { DEMO_USERS, DEMO_WORKSPACE, expectAccessible, formError, signIn } from "./support";

test("a wrong password shows a clear message", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(DEMO_USERS.ANALYST);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(formError(page)).toHaveText("Email or password is incorrect.");
  await expect(page).toHaveURL(/\/sign-in/);
  await expectAccessible(page);
});

test("sign-up creates a user and a workspace, and sign-out ends the session", async ({ page }) => {
  const email = `founder-${Date.now()}@example.com`;
  await page.goto("/sign-up");
  await expectAccessible(page);
  await page.getByLabel("Your name").fill("Fiona Founder");
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill("short");
  await page.getByLabel("Workspace name").fill("Fiona's Flowers");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByText("Use at least 10 characters for the password.")).toBeVisible();

  await page.getByLabel("Password").fill("a-good-long-password");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await page.waitForURL(/\/w\//);
  await expect(page.getByTestId("workspace-name")).toHaveText("Fiona's Flowers");
  await expect(page.getByRole("heading", { name: "No journey maps yet" })).toBeVisible();
  await expect(page.getByTestId("current-role")).toHaveText("Admin");
  await expectAccessible(page);

  await page.getByRole("button", { name: "Fiona Founder" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/\/sign-in/);
  await page.goto(`/w/${DEMO_WORKSPACE}`);
  await expect(page).toHaveURL(/\/sign-in/);
});

test("an invitation link works end to end", async ({ browser, page }) => {
  await signIn(page, DEMO_USERS.ADMIN);
  await page.goto(`/w/${DEMO_WORKSPACE}/members`);
  await page.getByLabel("Role", { exact: true }).selectOption("MANAGER");
  await page.getByRole("button", { name: "Create invitation link" }).click();
  const link = (await page.getByTestId("invitation-link").textContent())!.trim();
  expect(link).toMatch(/\/invite\//);
  await expectAccessible(page);

  const guest = await browser.newContext();
  const invitee = await guest.newPage();
  await invitee.goto(link);
  await expect(invitee.getByRole("heading", { name: "Join Demo Retail Co" })).toBeVisible();
  await expectAccessible(invitee);
  const email = `invitee-${Date.now()}@example.com`;
  await invitee.getByLabel("Your name").fill("Ivan Invitee");
  await invitee.getByLabel("Email").fill(email);
  await invitee.getByLabel("Choose a password").fill("a-good-long-password");
  await invitee.getByRole("button", { name: "Create account and join" }).click();
  await invitee.waitForURL(new RegExp(`/w/${DEMO_WORKSPACE}$`));
  await expect(invitee.getByTestId("current-role")).toHaveText("Manager");

  // The link works once.
  const again = await (await browser.newContext()).newPage();
  await again.goto(link);
  await expect(again.getByRole("heading", { name: "This invitation cannot be used" })).toBeVisible();

  await page.reload();
  await expect(page.getByTestId("member-row").filter({ hasText: email })).toContainText("Ivan Invitee");
  await guest.close();
});
