// Forms work before the page's JavaScript has loaded (here: with none at all), as plain HTML
// forms posting to their server actions; with JavaScript, they check a field in the browser as
// soon as it is left, and send nothing the schema refuses.
import { expect, test, TEST_PASSWORD } from "./fixtures";
import { expectAccessible, formError } from "./support";

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a member signs in and creates a map", async ({ page, workspace }) => {
    const analyst = workspace.members.ANALYST;
    await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(`/w/${workspace.id}/maps/new`)}`);
    await page.getByLabel("Email").fill(analyst.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(formError(page)).toHaveText("Email or password is incorrect.");
    // The server's page keeps the email as typed; a password is never sent back.
    await expect(page.getByLabel("Email")).toHaveValue(analyst.email);
    await expect(page.getByLabel("Password")).toHaveValue("");

    await page.getByLabel("Password").fill(TEST_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(new RegExp(`/w/${workspace.id}/maps/new$`));
    await expect(page.getByRole("heading", { name: "New journey map" })).toBeVisible();

    // Refused by the server: the error next to its field, the other fields as they were.
    await page.getByLabel("Blank map").check();
    await page.getByLabel("Description").fill("Kept through the refusal");
    await page.getByRole("button", { name: "Create map" }).click();
    await expect(page.getByText("Enter a name for the map.")).toBeVisible();
    await expect(page.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Description")).toHaveValue("Kept through the refusal");
    await expect(page.getByLabel("Blank map")).toBeChecked();

    await page.getByLabel("Name").fill("Made without JavaScript");
    await page.getByRole("button", { name: "Create map" }).click();
    await page.waitForURL(/\/design$/);
    await expect(page.getByRole("heading", { level: 1, name: /Made without JavaScript/ })).toBeVisible();
  });
});

test("with JavaScript, a field's error shows as soon as it is left, and a refused form sends nothing", async ({ page, signIn, workspace }) => {
  await signIn(workspace.members.ANALYST);
  await page.goto(`/w/${workspace.id}/maps/new`);
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") posts.push(request.url());
  });
  const name = page.getByLabel("Name");

  // Leaving the field checks it with the schema the server uses (retried until the page has hydrated).
  await expect(async () => {
    await name.fill("   ");
    await name.press("Tab");
    await expect(page.getByText("Enter a name for the map.")).toBeVisible({ timeout: 500 });
  }).toPass();
  await expect(name).toHaveAttribute("aria-invalid", "true");

  // Submitting keeps the form here, sends nothing and takes the focus back to the field.
  await page.getByRole("button", { name: "Create map" }).click();
  await expect(name).toBeFocused();
  await expect(page.getByText("Enter a name for the map.")).toBeVisible();
  await expectAccessible(page);
  expect(posts).toEqual([]);

  // Fixed, the error goes when the field is left; the form is sent once and opens the designer.
  await name.fill("Checked in the browser");
  await name.press("Tab");
  await expect(page.getByText("Enter a name for the map.")).toBeHidden();
  await expect(name).not.toHaveAttribute("aria-invalid");
  await page.getByRole("button", { name: "Create map" }).click();
  await page.waitForURL(/\/design$/);
  await expect(page.getByRole("heading", { level: 1, name: /Checked in the browser/ })).toBeVisible();
  expect(posts).toHaveLength(1);
});
