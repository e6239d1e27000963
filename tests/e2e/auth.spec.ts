import { addSessionCookie, createTestSession, expect, expectSignedInAs, test, TEST_PASSWORD } from "./fixtures";
import { DEMO_WORKSPACE, expectAccessible, formError } from "./support";

// The one test that signs in through the form (every other test starts with a session from
// the `signIn` fixture), by keyboard, as someone without a mouse does.
test("a member signs in with the form, by keyboard, and lands in their workspace", async ({ page, workspace }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").focus();
  await page.keyboard.type(workspace.members.ANALYST.email);
  await page.keyboard.press("Tab");
  await page.keyboard.type(TEST_PASSWORD);
  await page.keyboard.press("Enter");
  await page.waitForURL(new RegExp(`/w/${workspace.id}$`));
  await expect(page.getByTestId("workspace-name")).toHaveText(workspace.name);
  await expect(page.getByTestId("current-role")).toHaveText("Analyst");
});

test("a wrong password shows a clear message", async ({ page, workspace }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(workspace.members.ANALYST.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(formError(page)).toHaveText("Email or password is incorrect.");
  await expect(page).toHaveURL(/\/sign-in/);
  await expectAccessible(page);
});

test("sign-up creates a user and a workspace, sign-in opens it, and sign-out ends the session", async ({ page }) => {
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
  // Sign-up answers every email alike, so it does not sign in: the new account signs in next.
  await page.waitForURL(/\/sign-in\?from=sign-up/);
  await expect(page.getByText("Sign in with the email and password you just entered")).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a-good-long-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/w\//);
  await expect(page.getByTestId("workspace-name")).toHaveText("Fiona's Flowers");
  await expect(page.getByRole("heading", { name: "No journey maps yet" })).toBeVisible();
  await expect(page.getByTestId("current-role")).toHaveText("Admin");
  await expectAccessible(page);

  await page.getByRole("button", { name: "Fiona Founder" }).click();
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await page.waitForURL(/\/sign-in/);
  await page.goto(`/w/${DEMO_WORKSPACE}`);
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a session cookie made with another secret is refused, and the session fixture says so", async ({ baseURL, context, db, demoUsers, page }) => {
  await addSessionCookie(context, baseURL!, demoUsers.ADMIN, await createTestSession(db, demoUsers.ADMIN), "not-the-server-secret-0123456789");
  await page.goto(`/w/${DEMO_WORKSPACE}`);
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(expectSignedInAs(context, baseURL!, demoUsers.ADMIN)).rejects.toThrow(/did not accept the test session of admin@example\.com/);
});

test("an invitation link works end to end", async ({ browser, page, signIn, workspace }) => {
  await signIn(workspace.members.ADMIN);
  await page.goto(`/w/${workspace.id}/members`);
  await page.getByLabel("Role", { exact: true }).selectOption("MANAGER");
  await page.getByRole("button", { name: "Create invitation link" }).click();
  const link = (await page.getByTestId("invitation-link").textContent())!.trim();
  expect(link).toMatch(/\/invite\//);
  await expectAccessible(page);

  const guest = await browser.newContext();
  const invitee = await guest.newPage();
  await invitee.goto(link);
  await expect(invitee.getByRole("heading", { name: `Join ${workspace.name}` })).toBeVisible();
  await expectAccessible(invitee);
  const email = `invitee-${Date.now()}@example.com`;
  await invitee.getByLabel("Your name").fill("Ivan Invitee");
  await invitee.getByLabel("Email").fill(email);
  await invitee.getByLabel("Choose a password").fill("a-good-long-password");
  await invitee.getByRole("button", { name: "Create account and join" }).click();
  await invitee.waitForURL(new RegExp(`/w/${workspace.id}$`));
  await expect(invitee.getByTestId("current-role")).toHaveText("Manager");

  // The link works once.
  const again = await (await browser.newContext()).newPage();
  await again.goto(link);
  await expect(again.getByRole("heading", { name: "This invitation cannot be used" })).toBeVisible();

  await page.reload();
  await expect(page.getByTestId("member-row").filter({ hasText: email })).toContainText("Ivan Invitee");
  await guest.close();
});
