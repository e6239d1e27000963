import { expect, test } from "./fixtures";
import { expectAccessible } from "./support";

test("an admin creates an API token, copies it once, uses it from a program, and revoking it stops it", async ({
  context,
  page,
  playwright,
  baseURL,
  signIn,
  workspaceWithMap: workspace,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  await signIn(workspace.members.ADMIN);
  await page.goto(`/w/${workspace.id}`);
  await page.getByRole("link", { name: "API", exact: true }).click();
  await expect(page.getByRole("heading", { name: "API tokens" })).toBeVisible();

  await page.getByLabel("Name").fill("Survey tool");
  await page.getByLabel("Role", { exact: true }).selectOption("ANALYST");
  await page.getByRole("button", { name: "Create token" }).click();
  const shown = page.getByTestId("token-secret");
  await expect(shown).toHaveText(/^cxm_/);
  const secret = (await shown.textContent())!.trim();
  await page.getByRole("button", { name: "Copy token" }).click();
  await expect(page.getByText("Token copied.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  await expectAccessible(page);

  // A program, with no cookies, only the token.
  const program = await playwright.request.newContext({ baseURL });
  const maps = await program.get(`/api/v1/workspaces/${workspace.id}/maps`, { headers: { Authorization: `Bearer ${secret}` } });
  expect(maps.status()).toBe(200);
  expect(((await maps.json()) as { maps: { id: string }[] }).maps.map((map) => map.id)).toContain(workspace.map.id);
  const interviews = await program.get(`/api/v1/workspaces/${workspace.id}/interviews?limit=2`, { headers: { Authorization: `Bearer ${secret}` } });
  expect(interviews.status()).toBe(200);
  expect(((await interviews.json()) as { interviews: unknown[]; nextCursor: string | null }).interviews).toHaveLength(2);

  // Shown once: after a reload the page lists the token by its first characters, with its last use.
  await page.reload();
  await expect(page.getByTestId("token-secret")).toHaveCount(0);
  await expect(page.getByText(secret)).toHaveCount(0);
  const row = page.getByRole("row", { name: /Survey tool/ });
  await expect(row.getByText(`${secret.slice(0, 12)}…`)).toBeVisible();
  await expect(row.getByRole("cell", { name: "Never" })).toHaveCount(1); // expires never; used already

  await row.getByRole("button", { name: "Revoke" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke token" }).click();
  await expect(page.getByText("Token Survey tool revoked.")).toBeVisible();
  await expect(row.getByText("Revoked")).toBeVisible();

  const refused = await program.get(`/api/v1/workspaces/${workspace.id}/maps`, { headers: { Authorization: `Bearer ${secret}` } });
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toMatchObject({ error: { code: "unauthorized", message: expect.any(String) } });
  await program.dispose();
});

test("the API is described at /api/v1/openapi.json and on a readable page", async ({ page, request, signIn, workspace }) => {
  const document = await request.get("/api/v1/openapi.json");
  expect(document.status()).toBe(200);
  expect(await document.json()).toMatchObject({ openapi: "3.1.0", paths: { "/workspaces/{workspaceId}/interviews": { post: { operationId: "submitInterview" } } } });

  await signIn(workspace.members.ADMIN);
  await page.goto(`/w/${workspace.id}/api`);
  await page.getByRole("link", { name: "Read the API documentation" }).click();
  await expect(page.getByRole("heading", { name: "Submit an interview" })).toBeVisible();
  await expect(page.getByText(`/api/v1/workspaces/{workspaceId}/interviews`).first()).toBeVisible();
  await expectAccessible(page);
});

test("only admins see the API page", async ({ page, signIn, workspace }) => {
  await signIn(workspace.members.ANALYST);
  await page.goto(`/w/${workspace.id}`);
  await expect(page.getByRole("link", { name: "API", exact: true })).toHaveCount(0);
  const response = await page.goto(`/w/${workspace.id}/api`);
  expect(response?.status()).toBe(404);
});
