import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { verifyWebhookSignature } from "@/lib/webhooks/signature";
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

  const nowhere = await request.get(`/api/v1/workspaces/${workspace.id}/nothing-here`);
  expect(nowhere.status()).toBe(404);
  expect(await nowhere.json()).toMatchObject({ error: { code: "not_found" } });

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

test("a webhook hears of an interview submitted through the API, signed, and the page logs the delivery", async ({
  page,
  playwright,
  baseURL,
  signIn,
  workspaceWithMap: workspace,
}) => {
  const received: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
  const receiver = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      received.push({ headers: request.headers, body });
      response.end("ok");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  try {
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/cxmap`;
    await signIn(workspace.members.ADMIN);
    await page.goto(`/w/${workspace.id}/api`);
    await page.getByLabel("Address").fill(url);
    await page.getByRole("button", { name: "Add webhook" }).click();
    await expect(page.getByTestId("webhook-secret")).toHaveText(/^whsec_/);
    const webhookSecret = (await page.getByTestId("webhook-secret").textContent())!.trim();

    await page.getByLabel("Name").fill("Survey tool");
    await page.getByLabel("Role", { exact: true }).selectOption("ANALYST");
    await page.getByRole("button", { name: "Create token" }).click();
    const token = (await page.getByTestId("token-secret").textContent())!.trim();

    const program = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
    const design = (await (await program.get(`/api/v1/workspaces/${workspace.id}/maps/${workspace.map.id}`)).json()) as {
      touchpoints: { id: string; expectations: { id: string }[] }[];
    };
    const [first, ...rest] = design.touchpoints;
    const interviewId = crypto.randomUUID();
    const submitted = await program.post(`/api/v1/workspaces/${workspace.id}/interviews`, {
      data: {
        id: interviewId,
        mapId: workspace.map.id,
        conductedOn: new Date().toISOString().slice(0, 10),
        mode: "PHONE",
        respondent: { kind: "new", profile: { lifecycleStage: "NEW" } },
        answers: [
          { touchpointId: first!.id, ratings: [{ expectationId: first!.expectations[0]!.id, outcome: "MET", importance: 4 }] },
          ...rest.map((touchpoint) => ({ touchpointId: touchpoint.id, skipped: true })),
        ],
      },
    });
    expect(submitted.status(), await submitted.text()).toBe(201);
    await program.dispose();

    // The server's background sender delivers it within seconds.
    await expect.poll(() => received.length, { timeout: 30_000 }).toBe(1);
    const [delivery] = received;
    expect(delivery!.headers["x-cxmap-event"]).toBe("interview.submitted");
    expect(verifyWebhookSignature(webhookSecret, delivery!.body, String(delivery!.headers["x-cxmap-signature"]))).toBe(true);
    expect(JSON.parse(delivery!.body)).toMatchObject({ event: "interview.submitted", workspaceId: workspace.id, data: { interviewId } });

    await expect
      .poll(async () => {
        await page.reload();
        return page.getByRole("table", { name: "Recent deliveries" }).getByText("Delivered").count();
      }, { timeout: 15_000 })
      .toBe(1);
    await expectAccessible(page);
  } finally {
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  }
});

test("the API answers hostile requests through the production server with a 4xx in its error shape", async ({ context, baseURL, signIn, workspace }) => {
  // The browser session: the same routes, the same refusals.
  await signIn(workspace.members.ADMIN);
  const origin = new URL(baseURL!).origin;
  const respondents = `/api/v1/workspaces/${workspace.id}/respondents`;
  const json = { Origin: origin, "Content-Type": "application/json" };
  // Bodies as bytes: Playwright would send a string as a JSON string.
  const cases: [string, () => ReturnType<typeof context.request.get>, number, string][] = [
    ["malformed JSON", () => context.request.post(respondents, { headers: json, data: Buffer.from("{not json") }), 400, "bad_request"],
    ["an escaped NUL", () => context.request.post(respondents, { headers: json, data: Buffer.from('{"lifecycleStage":"NEW","segment":"\\u0000"}') }), 400, "bad_request"],
    ["a lone surrogate", () => context.request.post(respondents, { headers: json, data: Buffer.from('{"lifecycleStage":"NEW","segment":"x\\ud800"}') }), 422, "invalid"],
    ["wrong types", () => context.request.post(respondents, { headers: json, data: Buffer.from('{"lifecycleStage":1e300,"attributes":"all"}') }), 422, "invalid"],
    ["a 10 MB body", () => context.request.post(respondents, { headers: json, data: Buffer.from(JSON.stringify({ segment: "x".repeat(10 * 1024 * 1024) })) }), 413, "payload_too_large"],
    ["a form", () => context.request.post(respondents, { headers: { Origin: origin, "Content-Type": "application/x-www-form-urlencoded" }, data: Buffer.from("code=A") }), 415, "unsupported_media_type"],
    ["another site", () => context.request.post(respondents, { headers: { ...json, Origin: "https://evil.example" }, data: Buffer.from('{"lifecycleStage":"NEW"}') }), 403, "forbidden"],
    ["a NUL in the address", () => context.request.get(`/api/v1/workspaces/${workspace.id}/maps/%00`), 404, "not_found"],
    ["a huge limit", () => context.request.get(`/api/v1/workspaces/${workspace.id}/interviews?limit=1e300`), 400, "bad_request"],
    ["a bad token", () => context.request.get(`/api/v1/workspaces/${workspace.id}/maps`, { headers: { Authorization: "Bearer cxm_nope" } }), 401, "unauthorized"],
    ["a method the address does not answer", () => context.request.put(respondents, { headers: json, data: Buffer.from('{"lifecycleStage":"NEW"}') }), 405, "method_not_allowed"],
  ];
  const failures: string[] = [];
  for (const [label, send, status, code] of cases) {
    const response = await send();
    const body = (await response.json().catch(() => null)) as { error?: { code?: unknown; message?: unknown } } | null;
    if (response.status() !== status || body?.error?.code !== code || typeof body.error.message !== "string") {
      failures.push(`${label}: ${response.status()} ${JSON.stringify(body)?.slice(0, 200)}`);
    }
  }
  expect(failures).toEqual([]);
  // The 405 names what the address does answer.
  const deleted = await context.request.delete(`/api/v1/workspaces/${workspace.id}/maps`, { headers: { Origin: origin } });
  expect(deleted.status()).toBe(405);
  expect(deleted.headers()["allow"]).toBe("GET, HEAD, OPTIONS");
  // Nothing was created by any of them.
  const list = await context.request.get(`${respondents}?code=A`);
  expect(await list.json()).toEqual({ respondents: [] });
});
