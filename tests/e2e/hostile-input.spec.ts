// Hostile input against the production server: every search parameter of every page that reads
// one, addresses holding a NUL character, oversized and cross-site server-action calls, and the
// route handlers behind the proxy. Nothing may answer 500 or show the error page; each refusal
// is a 4xx with a message. (Each server action's and route's input, value by value, is in
// tests/integration/hostile-input.test.ts.)
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { expect, test, type TestWorkspaceWithMap } from "./fixtures";

const FILTER_PARAMS = ["from", "to", "channel", "stage", "lifecycle", "tier", "segment", "attr", "interviewer", "mot"];

type Ids = TestWorkspaceWithMap & { touchpointId: string; interviewId: string; foreignMapId: string };

// Every page that reads its search parameters, with the parameters it reads and the answer a
// hostile value gets: the page itself (200: the value is dropped, as a stale bookmark's would
// be), or not found (404) where the parameter names what the page shows.
const PAGES: Record<string, { path: (ids: Ids) => string; params: string[]; status: number }> = {
  "/sign-in": { path: () => "/sign-in", params: ["callbackUrl"], status: 307 },
  "/w/[workspaceId]/respondents": {
    path: (ids) => `/w/${ids.id}/respondents`,
    params: ["q", "segment", "option", "lifecycle", "tier", "archived", "page", "saved"],
    status: 200,
  },
  "/w/[workspaceId]/audit": { path: (ids) => `/w/${ids.id}/audit`, params: ["page"], status: 200 },
  "/w/[workspaceId]/maps/new": { path: (ids) => `/w/${ids.id}/maps/new`, params: ["template"], status: 200 },
  "/w/[workspaceId]/maps/[mapId]": { path: (ids) => `/w/${ids.id}/maps/${ids.map.id}`, params: [...FILTER_PARAMS, "colour", "crosshair"], status: 200 },
  "/w/[workspaceId]/maps/[mapId]/matrix": {
    path: (ids) => `/w/${ids.id}/maps/${ids.map.id}/matrix`,
    params: [...FILTER_PARAMS, "crosshair", "view", "bars", "tp"],
    status: 200,
  },
  "/w/[workspaceId]/maps/[mapId]/asymmetry": {
    path: (ids) => `/w/${ids.id}/maps/${ids.map.id}/asymmetry`,
    params: [...FILTER_PARAMS, "crosshair"],
    status: 200,
  },
  "/w/[workspaceId]/maps/[mapId]/consistency": {
    path: (ids) => `/w/${ids.id}/maps/${ids.map.id}/consistency`,
    params: FILTER_PARAMS,
    status: 200,
  },
  "/w/[workspaceId]/maps/[mapId]/trends": {
    path: (ids) => `/w/${ids.id}/maps/${ids.map.id}/trends`,
    params: [...FILTER_PARAMS, "by"],
    status: 200,
  },
  "/w/[workspaceId]/maps/[mapId]/report": {
    path: (ids) => `/w/${ids.id}/maps/${ids.map.id}/report`,
    params: [...FILTER_PARAMS, "crosshair"],
    status: 200,
  },
  "/w/[workspaceId]/maps/[mapId]/matrix/[touchpointId]": {
    path: (ids) => `/w/${ids.id}/maps/${ids.map.id}/matrix/${ids.touchpointId}`,
    params: [...FILTER_PARAMS, "page"],
    status: 200,
  },
  "/w/[workspaceId]/interviews": { path: (ids) => `/w/${ids.id}/interviews`, params: ["map", "status", "interviewer", "from", "to", "page"], status: 200 },
  "/w/[workspaceId]/interviews/new": { path: (ids) => `/w/${ids.id}/interviews/new`, params: ["map"], status: 200 },
  "/w/[workspaceId]/interviews/[interviewId]": {
    path: (ids) => `/w/${ids.id}/interviews/${ids.interviewId}`,
    params: ["submitted", "already", "saved"],
    status: 200,
  },
  "/w/[workspaceId]/interviews/[interviewId]/capture": {
    path: () => `/w/{workspace}/interviews/${crypto.randomUUID()}/capture`,
    params: ["map"],
    status: 404,
  },
};

/** Hostile values, already encoded for the address (a URL cannot carry a lone surrogate: its UTF-8 bytes stand in). */
const VALUES: [string, string][] = [
  ["a NUL character", "a%00b"],
  ["an encoded lone surrogate", "a%ED%A0%80"],
  ["a right-to-left override", encodeURIComponent("abc\u202Etxt")],
  ["only zero-width characters", encodeURIComponent("\u200B\u200C")],
  ["a 4,000-character value", "x".repeat(4000)],
  ["year 0000", "0000-01-01"],
  ["1e300", "1e300"],
  ["-1", "-1"],
  ["NaN", "NaN"],
];

/** The route of every page.tsx that reads searchParams, as PageProps names it. */
function pagesReadingSearchParams(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (entry === "page.tsx" && /\bsearchParams\b/.test(readFileSync(path, "utf8"))) {
        const route = `/${relative("app", dir).split(sep).filter((segment) => !/^\(.*\)$/.test(segment)).join("/")}`;
        found.push(route);
      }
    }
  };
  walk("app");
  return found.sort();
}

const ERROR_PAGE = /This page could not be shown|Something went wrong/;

async function statusAndBody(response: APIResponse) {
  return { status: response.status(), body: await response.text() };
}

test("every page that reads search parameters is in the hostile-input table", () => {
  expect(Object.keys(PAGES).sort()).toEqual(pagesReadingSearchParams());
});

test("every page's search parameters: hostile values never answer 500 nor show the error page", async ({ context, signIn, workspaceWithMap, db }) => {
  test.setTimeout(300_000);
  await signIn(workspaceWithMap.members.ADMIN);
  const touchpoint = await db.touchpoint.findFirstOrThrow({ where: { workspaceId: workspaceWithMap.id }, select: { id: true } });
  const interview = await db.interview.findFirstOrThrow({ where: { workspaceId: workspaceWithMap.id }, select: { id: true } });
  const foreign = await db.journeyMap.findFirstOrThrow({ where: { workspaceId: { not: workspaceWithMap.id } }, select: { id: true } });
  const ids: Ids = { ...workspaceWithMap, touchpointId: touchpoint.id, interviewId: interview.id, foreignMapId: foreign.id };
  const values: [string, string][] = [...VALUES, ["another workspace's id", foreign.id]];

  const requests = Object.entries(PAGES).flatMap(([route, page]) =>
    page.params.flatMap((param) =>
      values.map(([label, value]) => ({
        label: `${route}?${param}= ${label}`,
        url: `${page.path(ids).replace("{workspace}", ids.id)}?${param}=${value}`,
        expected: page.status,
      })),
    ),
  );
  const failures: string[] = [];
  // A few at a time: the machine's two cores also serve the other tests.
  for (let start = 0; start < requests.length; start += 4) {
    await Promise.all(
      requests.slice(start, start + 4).map(async ({ label, url, expected }) => {
        const { status, body } = await statusAndBody(await context.request.get(url, { maxRedirects: 0 }));
        if (status !== expected || ERROR_PAGE.test(body)) failures.push(`${label}: ${status}${ERROR_PAGE.test(body) ? " (error page)" : ""}`);
      }),
    );
  }
  expect(failures).toEqual([]);
  expect(requests.length).toBeGreaterThan(400);
});

test("an address holding a NUL character is not found, page or route", async ({ context, signIn, workspaceWithMap }) => {
  await signIn(workspaceWithMap.members.ADMIN);
  for (const url of [
    `/w/${workspaceWithMap.id}%00`,
    `/w/${workspaceWithMap.id}/maps/x%00y`,
    `/w/${workspaceWithMap.id}/maps/${workspaceWithMap.map.id}/matrix/%00`,
    `/w/${workspaceWithMap.id}/respondents/%00`,
    `/w/${workspaceWithMap.id}/interviews/%00`,
    `/api/w/${workspaceWithMap.id}/maps/%00/matrix`,
  ]) {
    const response = await context.request.get(url, { maxRedirects: 0 });
    expect(response.status(), url).toBe(404);
  }
});

/** The hidden fields a server-rendered form posts to its server action before hydration, and the action's id. */
async function actionForm(request: APIRequestContext, path: string): Promise<{ fields: Record<string, string>; actionId: string }> {
  const html = await (await request.get(path)).text();
  const fields: Record<string, string> = {};
  for (const [tag] of html.matchAll(/<input[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(tag)?.[1];
    if (!name?.startsWith("$ACTION")) continue;
    const value = /value="([^"]*)"/.exec(tag)?.[1] ?? "";
    fields[name] = value.replaceAll("&quot;", '"').replaceAll("&amp;", "&").replaceAll("&#x27;", "'").replaceAll("&lt;", "<").replaceAll("&gt;", ">");
  }
  const bound = Object.entries(fields).find(([name]) => /^\$ACTION_\d+:0$/.test(name))?.[1];
  const plain = Object.keys(fields).find((name) => name.startsWith("$ACTION_ID_"));
  const actionId = bound ? (JSON.parse(bound) as { id: string }).id : plain!.slice("$ACTION_ID_".length);
  expect(actionId, "the form's server action id").toMatch(/^[0-9a-f]{20,}$/);
  return { fields, actionId };
}

const SIGN_UP = { name: "Hostile Tester", email: "hostile@example.com", password: "a-good-long-password", workspaceName: "Hostile Co" };

test.describe("server actions behind the proxy", () => {
  const MB = 1024 * 1024;

  test("a 1 MB and a 10 MB body get 413 with a message, as a page's call and as a form posted without JavaScript", async ({ request, baseURL }) => {
    const { fields, actionId } = await actionForm(request, "/sign-up");
    const origin = new URL(baseURL!).origin;
    for (const size of [MB, 10 * MB]) {
      const call = await request.post("/sign-up", {
        headers: { "Next-Action": actionId, "Content-Type": "text/plain;charset=UTF-8", Origin: origin },
        data: JSON.stringify([{ ...SIGN_UP, name: "x".repeat(size) }]),
      });
      expect(call.status(), `call of ${size} bytes`).toBe(413);
      expect(await call.text()).toMatch(/too large/);

      const form = await request.post("/sign-up", { headers: { Origin: origin }, multipart: { ...fields, ...SIGN_UP, name: "x".repeat(size) }, maxRedirects: 0 });
      expect(form.status(), `form of ${size} bytes`).toBe(413);
      expect(await form.text()).toMatch(/too large/);
    }
  });

  test("a call from another site gets 403, and the same call from this site is answered", async ({ request, baseURL }) => {
    const { fields, actionId } = await actionForm(request, "/sign-up");
    const hostile = { ...SIGN_UP, email: `cross-site-${crypto.randomUUID().slice(0, 8)}@example.com` };
    for (const origin of ["https://evil.example", "null"]) {
      const call = await request.post("/sign-up", {
        headers: { "Next-Action": actionId, "Content-Type": "text/plain;charset=UTF-8", Origin: origin },
        data: JSON.stringify([hostile]),
      });
      expect(call.status(), origin).toBe(403);
      expect(await call.text()).toMatch(/another site/);
      const form = await request.post("/sign-up", { headers: { Origin: origin }, multipart: { ...fields, ...hostile }, maxRedirects: 0 });
      expect(form.status(), origin).toBe(403);
    }
    // From this site, a NUL character in the name comes back as that field's message, nothing created.
    const sameSite = await request.post("/sign-up", {
      headers: { Origin: new URL(baseURL!).origin },
      multipart: { ...fields, ...hostile, name: "Hostile\u0000Tester" },
      maxRedirects: 0,
    });
    expect(sameSite.status()).toBe(200);
    expect(await sameSite.text()).toContain("Remove the invisible control character U+0000: it cannot be stored.");
  });
});

test.describe("route handlers behind the proxy", () => {
  test("answer hostile requests with a 4xx and a JSON message", async ({ context, signIn, workspaceWithMap, baseURL }) => {
    await signIn(workspaceWithMap.members.INTERVIEWER);
    const interviewId = crypto.randomUUID();
    const draft = `/api/w/${workspaceWithMap.id}/interviews/${interviewId}/draft`;
    const origin = new URL(baseURL!).origin;
    const cases: [string, () => Promise<APIResponse>, number][] = [
      ["malformed JSON", () => context.request.put(draft, { headers: { Origin: origin, "Content-Type": "application/json" }, data: "{not json" }), 400],
      ["an escaped NUL", () => context.request.put(draft, { headers: { Origin: origin, "Content-Type": "application/json" }, data: '{"notes":"\\u0000"}' }), 400],
      [
        "a lone surrogate",
        () => context.request.put(draft, { headers: { Origin: origin, "Content-Type": "application/json" }, data: `{"id":"${interviewId}","mapId":"${workspaceWithMap.map.id}","conductedOn":"2026-01-05","notes":"x\\ud800"}` }),
        400,
      ],
      ["wrong types", () => context.request.put(draft, { headers: { Origin: origin, "Content-Type": "application/json" }, data: '{"id":1,"answers":"all"}' }), 400],
      ["a huge number", () => context.request.put(draft, { headers: { Origin: origin, "Content-Type": "application/json" }, data: `{"id":"${interviewId}","step":1e300}` }), 400],
      ["a 10 MB body", () => context.request.put(draft, { headers: { Origin: origin, "Content-Type": "application/json" }, data: JSON.stringify({ notes: "x".repeat(10 * 1024 * 1024) }) }), 413],
      ["another site", () => context.request.put(draft, { headers: { Origin: "https://evil.example", "Content-Type": "application/json" }, data: "{}" }), 403],
    ];
    const failures: string[] = [];
    for (const [label, send, expected] of cases) {
      const response = await send();
      const body = (await response.json().catch(() => null)) as { error?: unknown } | null;
      if (response.status() !== expected || typeof body?.error !== "string") failures.push(`${label}: ${response.status()} ${JSON.stringify(body)}`);
    }
    expect(failures).toEqual([]);
  });

  test("the matrix answers a year-0000 filter with 400 and the parameter's message", async ({ context, signIn, workspaceWithMap }) => {
    await signIn(workspaceWithMap.members.MANAGER);
    const response = await context.request.get(`/api/w/${workspaceWithMap.id}/maps/${workspaceWithMap.map.id}/matrix?from=0000-01-01&segment=a%00b`);
    expect(response.status()).toBe(400);
    const matrix = await context.request.get(`/api/w/${workspaceWithMap.id}/maps/${workspaceWithMap.map.id}/matrix?from=0000-01-01`);
    expect(matrix.status()).toBe(400);
    expect(await matrix.json()).toMatchObject({ fieldErrors: { from: ["Use a date from 1900 on."] } });
  });
});

test("next-auth's sign-in route refuses hostile credentials without a 500", async ({ request, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const failures: string[] = [];
  for (const [label, email] of [
    ["a NUL character", "a\u0000b@example.com"],
    ["a lone surrogate", "a\uD800@example.com"],
    ["only zero-width characters", "\u200B\u200C"],
    ["a 1 MB email", `${"x".repeat(1024 * 1024)}@example.com`],
  ]) {
    const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await request.post("/api/auth/callback/credentials", {
      headers: { Origin: origin },
      form: { csrfToken, email: email!, password: "whatever-it-is", json: "true" },
      maxRedirects: 0,
    });
    if (response.status() >= 500) failures.push(`${label}: ${response.status()}`);
  }
  expect(failures).toEqual([]);
});
