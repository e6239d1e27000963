// The public API with tokens: who may use it (tokens revoked, expired, of another workspace, of a
// role without the permission are refused; the session works too), idempotent submission, the
// rate limit, cursor pagination, and the webhook events an interview submission queues.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/db";
import { actAs } from "@/tests/support/session";
import { createWorkspaceWithMembers } from "@/tests/factories/workspace";
import { createRespondent } from "@/tests/factories/respondent";
import { createTestMap, postSubmission, submissionFor, type TestMap } from "@/tests/integration/interview-support";
import { createApiTokenAction, removeWebhookAction, revokeApiTokenAction, saveWebhookAction } from "@/lib/actions/api";
import { apiRateLimiter } from "@/lib/api";
import { deliverDueWebhooks, enqueueWebhookEvent, retryDelaySeconds } from "@/lib/data/webhooks";
import { sql } from "@/lib/db";
import { verifyWebhookSignature } from "@/lib/webhooks/signature";
import { hashApiToken } from "@/lib/data/api-tokens";
import type { Role } from "@/lib/permissions";
import { GET as listMapsRoute } from "@/app/api/v1/workspaces/[workspaceId]/maps/route";
import { GET as mapRoute } from "@/app/api/v1/workspaces/[workspaceId]/maps/[mapId]/route";
import { GET as matrixRoute } from "@/app/api/v1/workspaces/[workspaceId]/maps/[mapId]/matrix/route";
import { GET as fixListRoute } from "@/app/api/v1/workspaces/[workspaceId]/maps/[mapId]/fix-list/route";
import { GET as touchpointRoute } from "@/app/api/v1/workspaces/[workspaceId]/maps/[mapId]/touchpoints/[touchpointId]/route";
import { GET as listInterviewsRoute, POST as submitRoute } from "@/app/api/v1/workspaces/[workspaceId]/interviews/route";
import { GET as interviewRoute } from "@/app/api/v1/workspaces/[workspaceId]/interviews/[interviewId]/route";
import { POST as voidRoute } from "@/app/api/v1/workspaces/[workspaceId]/interviews/[interviewId]/void/route";
import { GET as unknownAddress, POST as unknownAddressPost } from "@/app/api/v1/[...path]/route";
import { GET as findRespondentsRoute, POST as createRespondentRoute } from "@/app/api/v1/workspaces/[workspaceId]/respondents/route";

type Members = Awaited<ReturnType<typeof createWorkspaceWithMembers>>;
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

let home: Members;
let other: Members;
let map: TestMap;
let respondentId: string;

async function tokenFor(workspaceId: string, admin: Members["admin"], role: Role, extra: Record<string, unknown> = {}) {
  actAs(admin);
  const result = await createApiTokenAction(workspaceId, { name: `Token ${crypto.randomUUID().slice(0, 6)}`, role, ...extra });
  if (!result.ok) throw new Error(`token refused: ${JSON.stringify(result)}`);
  actAs(null);
  return result.data;
}

function call(
  handler: Handler,
  params: Record<string, string>,
  { token, method = "GET", query = "", body }: { token?: string; method?: string; query?: string; body?: unknown } = {},
) {
  const request = new Request(`http://localhost/api/v1/workspaces/${params.workspaceId}/x${query ? `?${query}` : ""}`, {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { "Content-Type": "application/json" } : {}) },
    ...(body !== undefined ? { body: typeof body === "string" ? body : JSON.stringify(body) } : {}),
  });
  return handler(request, { params: Promise.resolve(params) });
}

async function errorOf(response: Response) {
  const body = (await response.json()) as { error: { code: string; message: string; fieldErrors?: Record<string, string[]> } };
  return { status: response.status, ...body.error };
}

beforeAll(async () => {
  home = await createWorkspaceWithMembers(testDb());
  other = await createWorkspaceWithMembers(testDb());
  map = await createTestMap(home.workspace.id, { status: "ACTIVE" });
  respondentId = (await createRespondent(testDb(), { workspaceId: home.workspace.id })).id;
});

beforeEach(() => {
  actAs(null);
  apiRateLimiter.reset();
  apiRateLimiter.limit = 1_000;
});

describe("API tokens", () => {
  it("are made by admins only, shown once, stored hashed with a recognisable prefix, and listed with their last use", async () => {
    for (const user of [home.analyst, home.manager, home.interviewer, other.admin]) {
      actAs(user);
      await expect(createApiTokenAction(home.workspace.id, { name: "Nope", role: "INTERVIEWER" })).rejects.toMatchObject({
        digest: expect.stringMatching(/NEXT_HTTP_ERROR_FALLBACK;404/),
      });
    }
    const token = await tokenFor(home.workspace.id, home.admin, "MANAGER");
    expect(token.secret).toMatch(/^cxm_[A-Za-z0-9_-]{43}$/);
    expect(token.prefix).toBe(token.secret.slice(0, 12));
    const row = await testDb().apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(row.tokenHash).toBe(hashApiToken(token.secret));
    expect(JSON.stringify(row)).not.toContain(token.secret);
    expect(row.lastUsedAt).toBeNull();
    const audit = await testDb().auditLog.findFirstOrThrow({ where: { entityId: token.id, action: "token.create" } });
    expect(JSON.stringify(audit)).not.toContain(token.secret);

    const response = await call(listMapsRoute, { workspaceId: home.workspace.id }, { token: token.secret });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { maps: { id: string }[] }).maps.map((item) => item.id)).toContain(map.map.id);
    expect((await testDb().apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt).not.toBeNull();
  });

  it("refuses an expiry day in the past and a role beyond the creator's", async () => {
    actAs(home.admin);
    expect(await createApiTokenAction(home.workspace.id, { name: "Old", role: "ANALYST", expiresOn: "2020-01-01" })).toMatchObject({
      ok: false,
      fieldErrors: { expiresOn: [expect.any(String)] },
    });
  });

  it("refuses a revoked token, an expired one, another workspace's, and a role without the permission", async () => {
    const params = { workspaceId: home.workspace.id, mapId: map.map.id };
    const revoked = await tokenFor(home.workspace.id, home.admin, "ANALYST");
    expect((await call(matrixRoute, params, { token: revoked.secret })).status).toBe(200);
    actAs(home.admin);
    expect(await revokeApiTokenAction(home.workspace.id, { tokenId: revoked.id })).toMatchObject({ ok: true });
    actAs(null);
    expect(await errorOf(await call(matrixRoute, params, { token: revoked.secret }))).toMatchObject({ status: 401, code: "unauthorized" });

    const expired = await tokenFor(home.workspace.id, home.admin, "ANALYST");
    expect((await call(matrixRoute, params, { token: expired.secret })).status).toBe(200);
    await testDb().apiToken.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await errorOf(await call(matrixRoute, params, { token: expired.secret }))).toMatchObject({ status: 401, code: "unauthorized" });

    // Another workspace's token: that workspace's things and this one's alike are not found.
    const foreign = await tokenFor(other.workspace.id, other.admin, "ADMIN");
    expect(await errorOf(await call(matrixRoute, params, { token: foreign.secret }))).toMatchObject({ status: 404, code: "not_found" });
    expect(await errorOf(await call(listMapsRoute, { workspaceId: home.workspace.id }, { token: foreign.secret }))).toMatchObject({ status: 404 });

    // An interviewer's token may record but not read the figures nor void.
    const interviewer = await tokenFor(home.workspace.id, home.admin, "INTERVIEWER");
    expect(await errorOf(await call(matrixRoute, params, { token: interviewer.secret }))).toMatchObject({ status: 403, code: "forbidden" });
    const submitted = submissionFor(map, respondentId);
    expect((await call(submitRoute, { workspaceId: home.workspace.id }, { token: interviewer.secret, method: "POST", body: submitted })).status).toBe(201);
    expect(
      await errorOf(await call(voidRoute, { workspaceId: home.workspace.id, interviewId: submitted.id }, { token: interviewer.secret, method: "POST", body: { reason: "Twice" } })),
    ).toMatchObject({ status: 403 });
    expect((await testDb().interview.findUniqueOrThrow({ where: { id: submitted.id } })).status).toBe("SUBMITTED");

    // A manager's token reads figures but records nothing.
    const manager = await tokenFor(home.workspace.id, home.admin, "MANAGER");
    const refused = submissionFor(map, respondentId);
    expect(await errorOf(await call(submitRoute, { workspaceId: home.workspace.id }, { token: manager.secret, method: "POST", body: refused }))).toMatchObject({ status: 403 });
    expect(await testDb().interview.count({ where: { id: refused.id } })).toBe(0);

    // No token, a malformed header, an unknown token.
    expect(await errorOf(await call(listMapsRoute, { workspaceId: home.workspace.id }))).toMatchObject({ status: 401 });
    expect((await call(listMapsRoute, { workspaceId: home.workspace.id }, { token: "cxm_not-a-real-token" })).headers.get("www-authenticate")).toContain("Bearer");
  });

  it("stops working when its creator leaves the workspace or no longer holds its role", async () => {
    const creator = await testDb().user.create({ data: { email: `creator-${crypto.randomUUID()}@example.com`, name: "Creator", passwordHash: "x" } });
    const membership = await testDb().membership.create({ data: { workspaceId: home.workspace.id, userId: creator.id, role: "ADMIN" } });
    const token = await tokenFor(home.workspace.id, creator, "ANALYST");
    const params = { workspaceId: home.workspace.id, mapId: map.map.id };
    expect((await call(matrixRoute, params, { token: token.secret })).status).toBe(200);
    await testDb().membership.update({ where: { id: membership.id }, data: { role: "MANAGER" } });
    expect(await errorOf(await call(matrixRoute, params, { token: token.secret }))).toMatchObject({ status: 403 });
    await testDb().membership.update({ where: { id: membership.id }, data: { role: "ADMIN", removedAt: new Date() } });
    expect(await errorOf(await call(matrixRoute, params, { token: token.secret }))).toMatchObject({ status: 401 });
  });

  it("writes through a token are audited with the token", async () => {
    const token = await tokenFor(home.workspace.id, home.admin, "ANALYST");
    const response = await call(createRespondentRoute, { workspaceId: home.workspace.id }, { token: token.secret, method: "POST", body: { lifecycleStage: "NEW" } });
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    const audit = await testDb().auditLog.findFirstOrThrow({ where: { entityId: id, action: "respondent.create" } });
    expect(audit.actorId).toBe(home.admin.id);
    expect(audit.after).toMatchObject({ apiToken: { id: token.id, name: token.name, prefix: token.prefix } });

    const submitted = submissionFor(map, respondentId);
    expect((await call(submitRoute, { workspaceId: home.workspace.id }, { token: token.secret, method: "POST", body: submitted })).status).toBe(201);
    const submitAudit = await testDb().auditLog.findFirstOrThrow({ where: { entityId: submitted.id, action: "interview.submit" } });
    expect(submitAudit.after).toMatchObject({ apiToken: { id: token.id } });
  });

  it("answers 429 with Retry-After past the token's rate limit, per token", async () => {
    apiRateLimiter.limit = 3;
    const token = await tokenFor(home.workspace.id, home.admin, "MANAGER");
    const second = await tokenFor(home.workspace.id, home.admin, "MANAGER");
    const params = { workspaceId: home.workspace.id };
    for (let i = 0; i < 3; i += 1) expect((await call(listMapsRoute, params, { token: token.secret })).status).toBe(200);
    const limited = await call(listMapsRoute, params, { token: token.secret });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect(await errorOf(limited)).toMatchObject({ code: "rate_limited" });
    expect((await call(listMapsRoute, params, { token: second.secret })).status).toBe(200);
  });
});

describe("addresses that are no operation", () => {
  it("answer 404 in the error shape", async () => {
    for (const answer of [unknownAddress(), unknownAddressPost()]) {
      expect(answer.status).toBe(404);
      expect(await answer.json()).toMatchObject({ error: { code: "not_found", message: expect.stringContaining("openapi.json") } });
    }
  });
});

describe("the browser session", () => {
  it("works on the same routes, with the same refusals as the app", async () => {
    actAs(home.manager);
    expect((await call(matrixRoute, { workspaceId: home.workspace.id, mapId: map.map.id })).status).toBe(200);
    expect(await errorOf(await call(submitRoute, { workspaceId: home.workspace.id }, { method: "POST", body: submissionFor(map, respondentId) }))).toMatchObject({ status: 403 });
    actAs(other.admin);
    expect(await errorOf(await call(matrixRoute, { workspaceId: home.workspace.id, mapId: map.map.id }))).toMatchObject({ status: 404 });
  });
});

describe("interviews", () => {
  let token: string;
  beforeAll(async () => {
    token = (await tokenFor(home.workspace.id, home.admin, "ANALYST")).secret;
  });

  it("a submission is idempotent on its id: the same body again is one interview, another body a 409", async () => {
    const body = submissionFor(map, respondentId);
    const params = { workspaceId: home.workspace.id };
    const first = await call(submitRoute, params, { token, method: "POST", body });
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ interviewId: body.id, alreadySubmitted: false });
    // The same body, keys in another order: the same interview.
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const again = await call(submitRoute, params, { token, method: "POST", body: reordered });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ interviewId: body.id, alreadySubmitted: true });
    const counts = async () => ({
      interviews: await testDb().interview.count({ where: { id: body.id } }),
      observations: await testDb().observation.count({ where: { interviewId: body.id } }),
      audits: await testDb().auditLog.count({ where: { entityId: body.id } }),
    });
    const before = await counts();
    expect(before).toEqual({ interviews: 1, observations: 3, audits: 1 });
    const conflict = await call(submitRoute, params, { token, method: "POST", body: { ...body, notes: "Something else" } });
    expect(await errorOf(conflict)).toMatchObject({ status: 409, code: "conflict", fieldErrors: { id: [expect.any(String)] } });
    expect(await counts()).toEqual(before);
    expect((await testDb().interview.findUniqueOrThrow({ where: { id: body.id } })).notes).toBe("Regular customer");
  });

  it("a refused submission leaves its id free for the corrected one; an id used by the capture screen is a 409", async () => {
    const params = { workspaceId: home.workspace.id };
    const body = submissionFor(map, respondentId);
    const invalid = { ...body, answers: [] };
    expect(await errorOf(await call(submitRoute, params, { token, method: "POST", body: invalid }))).toMatchObject({ status: 422, code: "invalid" });
    expect((await call(submitRoute, params, { token, method: "POST", body })).status).toBe(201);

    actAs(home.analyst);
    const captured = submissionFor(map, respondentId);
    expect((await postSubmission(home.workspace.id, captured)).status).toBe(200);
    actAs(null);
    expect(await errorOf(await call(submitRoute, params, { token, method: "POST", body: captured }))).toMatchObject({ status: 409 });
  });

  it("lists with filters a page at a time by cursor, reads one, and voids one", async () => {
    const params = { workspaceId: home.workspace.id };
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const body = submissionFor(map, respondentId, { conductedOn: "2026-03-0" + (i + 1) });
      expect((await call(submitRoute, params, { token, method: "POST", body })).status).toBe(201);
      ids.push(body.id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = new URLSearchParams({ from: "2026-03-01", to: "2026-03-05", limit: "2", map: map.map.id, ...(cursor ? { cursor } : {}) }).toString();
      const response = await call(listInterviewsRoute, params, { token, query });
      expect(response.status).toBe(200);
      const page = (await response.json()) as { interviews: { id: string; status: string }[]; nextCursor: string | null };
      expect(page.interviews.length).toBeLessThanOrEqual(2);
      seen.push(...page.interviews.map((row) => row.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());

    const one = await call(interviewRoute, { ...params, interviewId: ids[0]! }, { token });
    expect(one.status).toBe(200);
    expect(await one.json()).toMatchObject({ id: ids[0], status: "SUBMITTED", conductedOn: "2026-03-01" });

    const voided = await call(voidRoute, { ...params, interviewId: ids[0]! }, { token, method: "POST", body: { reason: "Recorded twice" } });
    expect(voided.status).toBe(200);
    expect((await testDb().interview.findUniqueOrThrow({ where: { id: ids[0] } })).status).toBe("VOID");
    expect(await errorOf(await call(voidRoute, { ...params, interviewId: ids[0]! }, { token, method: "POST", body: { reason: "Again" } }))).toMatchObject({ status: 409 });
    const voids = await call(listInterviewsRoute, params, { token, query: `status=VOID&from=2026-03-01&to=2026-03-05` });
    expect(((await voids.json()) as { interviews: { id: string }[] }).interviews.map((row) => row.id)).toEqual([ids[0]]);
  });
});

describe("maps, respondents and figures", () => {
  it("read the design, find and create respondents, and give the matrix, fix list and touchpoint figures under the page's filters", async () => {
    const token = (await tokenFor(home.workspace.id, home.admin, "ANALYST")).secret;
    const params = { workspaceId: home.workspace.id, mapId: map.map.id };
    const design = (await (await call(mapRoute, params, { token })).json()) as { touchpoints: { id: string; expectations: unknown[] }[]; stages: unknown[] };
    expect(design.touchpoints.map((touchpoint) => touchpoint.id)).toEqual(expect.arrayContaining(map.touchpoints.map((touchpoint) => touchpoint.id)));
    expect(design.touchpoints[0]!.expectations.length).toBeGreaterThan(0);

    const created = await call(createRespondentRoute, { workspaceId: home.workspace.id }, { token, method: "POST", body: { code: "api-77", lifecycleStage: "NEW" } });
    expect(created.status).toBe(201);
    const found = (await (await call(findRespondentsRoute, { workspaceId: home.workspace.id }, { token, query: "code=API-77" })).json()) as { respondents: { code: string }[] };
    expect(found.respondents.map((row) => row.code)).toEqual(["API-77"]);
    expect(await errorOf(await call(createRespondentRoute, { workspaceId: home.workspace.id }, { token, method: "POST", body: { code: "API-77", lifecycleStage: "NEW" } }))).toMatchObject({ status: 409 });

    const matrix = (await (await call(matrixRoute, params, { token, query: "from=2026-03-01&to=2026-03-05" })).json()) as { interviews: number; points: unknown[]; fixList: unknown[] };
    expect(matrix.interviews).toBe(4);
    expect(matrix.points.length).toBe(map.touchpoints.length);
    const fixList = (await (await call(fixListRoute, params, { token, query: "from=2026-03-01&to=2026-03-05" })).json()) as { interviews: number; fixList: unknown[] };
    expect(fixList).toEqual({ interviews: 4, fixList: matrix.fixList });
    const figures = await call(touchpointRoute, { ...params, touchpointId: map.touchpoints[0]!.id }, { token, query: "from=2026-03-01&to=2026-03-05" });
    expect(figures.status).toBe(200);
    expect(await figures.json()).toMatchObject({ interviews: 4, touchpoint: { id: map.touchpoints[0]!.id } });
    expect(await errorOf(await call(matrixRoute, params, { token, query: "from=2026-02-30" }))).toMatchObject({ status: 400, fieldErrors: { from: [expect.any(String)] } });
  });
});

describe("webhooks", () => {
  type Received = { headers: IncomingMessage["headers"]; body: string };
  let received: Received[] = [];
  let answer = 200;
  let server: ReturnType<typeof createServer>;
  let url: string;

  beforeAll(async () => {
    server = createServer((request: IncomingMessage, response: ServerResponse) => {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
      request.on("end", () => {
        received.push({ headers: request.headers, body });
        response.statusCode = answer;
        response.end("ok");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("an interview submitted by any way queues an event, delivered signed with the workspace's secret", async () => {
    const hooked = await createWorkspaceWithMembers(testDb());
    const hookedMap = await createTestMap(hooked.workspace.id, { status: "ACTIVE" });
    const hookedRespondent = await createRespondent(testDb(), { workspaceId: hooked.workspace.id });
    for (const user of [hooked.analyst, other.admin]) {
      actAs(user);
      await expect(saveWebhookAction(hooked.workspace.id, { url })).rejects.toMatchObject({ digest: expect.stringMatching(/404/) });
    }
    actAs(hooked.admin);
    const saved = await saveWebhookAction(hooked.workspace.id, { url });
    if (!saved.ok || !saved.data.secret) throw new Error("webhook refused");
    const secret = saved.data.secret;

    // From the capture screen's route, and from the API.
    actAs(hooked.interviewer);
    const captured = submissionFor(hookedMap, hookedRespondent.id);
    expect((await postSubmission(hooked.workspace.id, captured)).status).toBe(200);
    const token = (await tokenFor(hooked.workspace.id, hooked.admin, "INTERVIEWER")).secret;
    const viaApi = submissionFor(hookedMap, hookedRespondent.id);
    expect((await call(submitRoute, { workspaceId: hooked.workspace.id }, { token, method: "POST", body: viaApi })).status).toBe(201);
    // A retry of the same submission is not a second event.
    expect((await call(submitRoute, { workspaceId: hooked.workspace.id }, { token, method: "POST", body: viaApi })).status).toBe(200);

    const queued = await testDb().webhookDelivery.findMany({ where: { workspaceId: hooked.workspace.id }, orderBy: { createdAt: "asc" } });
    expect(queued.map((row) => [row.event, (row.payload as { interviewId: string }).interviewId, row.status])).toEqual([
      ["interview.submitted", captured.id, "PENDING"],
      ["interview.submitted", viaApi.id, "PENDING"],
    ]);

    received = [];
    answer = 200;
    expect(await deliverDueWebhooks({ workspaceId: hooked.workspace.id })).toBe(2);
    expect(received).toHaveLength(2);
    for (const delivery of received) {
      expect(delivery.headers["x-cxmap-event"]).toBe("interview.submitted");
      expect(verifyWebhookSignature(secret, delivery.body, String(delivery.headers["x-cxmap-signature"]))).toBe(true);
      expect(verifyWebhookSignature("whsec_wrong", delivery.body, String(delivery.headers["x-cxmap-signature"]))).toBe(false);
      expect(verifyWebhookSignature(secret, delivery.body.replace("interview", "Interview"), String(delivery.headers["x-cxmap-signature"]))).toBe(false);
      const event = JSON.parse(delivery.body) as { id: string; event: string; workspaceId: string; data: { interviewId: string; mapId: string } };
      expect(event).toMatchObject({ event: "interview.submitted", workspaceId: hooked.workspace.id, data: { mapId: hookedMap.map.id } });
      expect(event.id).toBe(delivery.headers["x-cxmap-delivery"]);
    }
    expect(received.map((delivery) => (JSON.parse(delivery.body) as { data: { interviewId: string } }).data.interviewId).sort()).toEqual([captured.id, viaApi.id].sort());
    const delivered = await testDb().webhookDelivery.findMany({ where: { workspaceId: hooked.workspace.id } });
    expect(delivered.map((row) => [row.status, row.attempts, row.lastStatusCode])).toEqual([
      ["DELIVERED", 1, 200],
      ["DELIVERED", 1, 200],
    ]);
    // Delivered once: a second run sends nothing.
    expect(await deliverDueWebhooks({ workspaceId: hooked.workspace.id })).toBe(0);

    // Removing the webhook stops the events; the log stays.
    actAs(hooked.admin);
    expect(await removeWebhookAction(hooked.workspace.id, {})).toMatchObject({ ok: true });
    actAs(hooked.interviewer);
    expect((await postSubmission(hooked.workspace.id, submissionFor(hookedMap, hookedRespondent.id))).status).toBe(200);
    expect(await testDb().webhookDelivery.count({ where: { workspaceId: hooked.workspace.id } })).toBe(2);
  });

  it("retries a failing address with a doubling wait, and stops after the limit", async () => {
    const hooked = await createWorkspaceWithMembers(testDb());
    actAs(hooked.admin);
    const saved = await saveWebhookAction(hooked.workspace.id, { url });
    expect(saved.ok).toBe(true);
    // The analysis code's way in: an event queued in its own transaction.
    await enqueueWebhookEvent(sql, hooked.workspace.id, "alert.fired", { touchpointId: "t1", metric: "missedRate" });
    const row = () => testDb().webhookDelivery.findFirstOrThrow({ where: { workspaceId: hooked.workspace.id } });

    received = [];
    answer = 500;
    expect(await deliverDueWebhooks({ workspaceId: hooked.workspace.id, maxAttempts: 3, retrySeconds: 60 })).toBe(1);
    let state = await row();
    expect([state.status, state.attempts, state.lastStatusCode]).toEqual(["PENDING", 1, 500]);
    const wait = (state.nextAttemptAt.getTime() - state.lastAttemptAt!.getTime()) / 1000;
    expect(wait).toBeGreaterThan(55);
    expect(wait).toBeLessThan(65);
    // Not due yet: nothing is sent.
    expect(await deliverDueWebhooks({ workspaceId: hooked.workspace.id, maxAttempts: 3, retrySeconds: 60 })).toBe(0);
    expect(retryDelaySeconds(1, 60)).toBe(60);
    expect(retryDelaySeconds(2, 60)).toBe(120);
    expect(retryDelaySeconds(3, 60)).toBe(240);

    for (let attempt = 2; attempt <= 5; attempt += 1) {
      await sql("UPDATE webhook_deliveries SET next_attempt_at = now() WHERE workspace_id = $1 AND status = 'PENDING'", [hooked.workspace.id]);
      await deliverDueWebhooks({ workspaceId: hooked.workspace.id, maxAttempts: 3, retrySeconds: 60 });
    }
    state = await row();
    expect([state.status, state.attempts, state.lastStatusCode]).toEqual(["FAILED", 3, 500]);
    expect(received).toHaveLength(3);
    expect(new Set(received.map((delivery) => delivery.headers["x-cxmap-delivery"])).size).toBe(1);
    expect(JSON.parse(received[0]!.body)).toMatchObject({ event: "alert.fired", data: { touchpointId: "t1" } });
  });

  it("refuses an address that is not http(s) and lets only admins of the workspace set it", async () => {
    actAs(home.admin);
    for (const bad of ["ftp://example.com/x", "javascript:alert(1)", "https://user:pw@example.com/", "not a url"]) {
      expect(await saveWebhookAction(home.workspace.id, { url: bad })).toMatchObject({ ok: false, fieldErrors: { url: [expect.any(String)] } });
    }
    expect(await testDb().webhook.count({ where: { workspaceId: home.workspace.id } })).toBe(0);
  });
});
