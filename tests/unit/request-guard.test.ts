// The checks proxy.ts makes before Next.js routes a request: the answers Next itself would give
// as a 500 (an oversized or cross-site server action) are a 413 and a 403 here.
import { describe, expect, it } from "vitest";
import { REQUEST_GUARD_MESSAGES, SERVER_ACTION_BODY_LIMIT, isServerActionRequest, refuseHostileRequest } from "@/lib/request-guard";

const HOST = "cxmap.example:3000";

function request(path: string, { method = "GET", headers = {} }: { method?: string; headers?: Record<string, string> } = {}) {
  return new Request(`http://${HOST}${path}`, { method, headers: { host: HOST, ...headers } });
}

const action = (headers: Record<string, string>) => request("/w/ws1/maps/new", { method: "POST", headers: { "next-action": "abc123", ...headers } });

describe("refuseHostileRequest", () => {
  it("lets an ordinary page, route and same-site action through", () => {
    expect(refuseHostileRequest(request("/w/ws1/respondents?q=abc"))).toBeNull();
    expect(refuseHostileRequest(action({ origin: `http://${HOST}`, "content-length": "120" }))).toBeNull();
    expect(refuseHostileRequest(request("/api/w/ws1/interviews/i1/draft", { method: "PUT", headers: { "content-length": "10" } }))).toBeNull();
  });

  it("answers a server action over the body limit with 413 and a message, and takes one at the limit", async () => {
    const tooLarge = refuseHostileRequest(action({ "content-length": String(SERVER_ACTION_BODY_LIMIT + 1) }))!;
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.text()).toBe(REQUEST_GUARD_MESSAGES.tooLarge);
    expect(refuseHostileRequest(action({ "content-length": String(SERVER_ACTION_BODY_LIMIT) }))).toBeNull();
    const form = request("/sign-up", { method: "POST", headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(10 * 1024 * 1024) } });
    expect(refuseHostileRequest(form)!.status).toBe(413);
  });

  it("answers a streamed server action of unknown size with 411", () => {
    expect(refuseHostileRequest(action({ "transfer-encoding": "chunked" }))!.status).toBe(411);
  });

  it("answers a write from another site with 403: a server action, a route, an opaque origin", async () => {
    const crossSite = refuseHostileRequest(action({ origin: "https://evil.example", "content-length": "10" }))!;
    expect(crossSite.status).toBe(403);
    expect(await crossSite.text()).toBe(REQUEST_GUARD_MESSAGES.crossSite);
    const route = refuseHostileRequest(request("/api/w/ws1/interviews/i1/submission", { method: "POST", headers: { origin: "https://evil.example" } }))!;
    expect(route.status).toBe(403);
    expect(await route.json()).toEqual({ error: REQUEST_GUARD_MESSAGES.crossSite });
    expect(refuseHostileRequest(action({ origin: "null" }))!.status).toBe(403);
    // A read from another site changes nothing: it goes on to the page's own checks.
    expect(refuseHostileRequest(request("/w/ws1", { headers: { origin: "https://evil.example" } }))).toBeNull();
  });

  it("compares the origin with the forwarded host when a proxy in front sets one", () => {
    const forwarded = action({ origin: "https://cxmap.example.com", "x-forwarded-host": "cxmap.example.com", "content-length": "10" });
    expect(refuseHostileRequest(forwarded)).toBeNull();
  });

  it("answers an address whose path holds a NUL character with 404", () => {
    expect(refuseHostileRequest(request("/w/ws1/maps/x%00y"))!.status).toBe(404);
    expect(refuseHostileRequest(request("/api/w/ws1/maps/%00/matrix"))!.status).toBe(404);
  });
});

describe("isServerActionRequest", () => {
  it("knows an action call and a form posted before hydration, and not a route's JSON", () => {
    expect(isServerActionRequest(action({}))).toBe(true);
    expect(isServerActionRequest(request("/sign-up", { method: "POST", headers: { "content-type": "multipart/form-data; boundary=x" } }))).toBe(true);
    expect(isServerActionRequest(request("/api/w/ws1/interviews/i1/submission", { method: "POST", headers: { "content-type": "application/json" } }))).toBe(false);
    expect(isServerActionRequest(request("/w/ws1"))).toBe(false);
  });
});
