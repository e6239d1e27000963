// The API's reads of what the map has found (basics and delighters, change alerts, channel
// consistency, trends, the overview) give the figures the screens' data functions give; who may
// read them; 405 for a method an address does not answer; and the webhook event alert.fired,
// queued once per newly fired alert and only for a workspace with a webhook.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/db";
import { actAs } from "@/tests/support/session";
import { createWorkspaceWithMembers } from "@/tests/factories/workspace";
import { createChannel, createExpectation, createMap, createStage, createTouchpoint } from "@/tests/factories/map";
import { createRespondent } from "@/tests/factories/respondent";
import { createInterview, type ObservationInput } from "@/tests/factories/interview";
import { createApiTokenAction, saveWebhookAction } from "@/lib/actions/api";
import { apiRateLimiter } from "@/lib/api";
import { resolveWorkspaceAccess, type WorkspaceContext } from "@/lib/workspace";
import { getMapForAnalysis, getMatrix } from "@/lib/data/analysis";
import { consistencyOf, getChangeAlerts, getOverview } from "@/lib/data/analysis-insight";
import { getTrends } from "@/lib/data/analysis-trends";
import { announceChangeAlerts } from "@/lib/data/alert-webhooks";
import { EMPTY_FILTER, type AnalysisFilter } from "@/lib/schemas/analysis-filter";
import { addDays, todayIso } from "@/lib/analysis/trend";
import type { Role } from "@/lib/permissions";
import type { Feeling, Outcome } from "@/lib/generated/prisma/enums";
import { GET as asymmetryRoute } from "@/app/api/v1/workspaces/[workspaceId]/maps/[mapId]/asymmetry/route";
import { GET as alertsRoute } from "@/app/api/v1/workspaces/[workspaceId]/maps/[mapId]/alerts/route";
import { GET as consistencyRoute } from "@/app/api/v1/workspaces/[workspaceId]/maps/[mapId]/consistency/route";
import { GET as trendsRoute } from "@/app/api/v1/workspaces/[workspaceId]/maps/[mapId]/trends/route";
import { GET as overviewRoute, PUT as overviewPut } from "@/app/api/v1/workspaces/[workspaceId]/maps/[mapId]/overview/route";
import { PUT as matrixPut, DELETE as matrixDelete } from "@/app/api/v1/workspaces/[workspaceId]/maps/[mapId]/matrix/route";
import { GET as voidGet } from "@/app/api/v1/workspaces/[workspaceId]/interviews/[interviewId]/void/route";
import { PATCH as interviewsPatch } from "@/app/api/v1/workspaces/[workspaceId]/interviews/route";

type Members = Awaited<ReturnType<typeof createWorkspaceWithMembers>>;
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Planted = { mapId: string; stageIds: string[]; touchpointIds: string[] };

const TODAY = todayIso();
const FEELINGS: Feeling[] = ["HATE", "DISLIKE", "EH", "LIKE_A_LOT", "LOVE", "IN_LOVE"];

let home: Members;
let other: Members;
let planted: Planted;
let otherPlanted: Planted;
let ctx: WorkspaceContext;
let analystToken: string;

async function tokenFor(members: Members, role: Role) {
  actAs(members.admin);
  const result = await createApiTokenAction(members.workspace.id, { name: `Token ${crypto.randomUUID().slice(0, 6)}`, role });
  actAs(null);
  if (!result.ok) throw new Error(`token refused: ${JSON.stringify(result)}`);
  return result.data.secret;
}

/**
 * A map of three touchpoints (two stages, two channels) with 40 interviews: 20 forty days ago
 * and 20 on `today`. Touchpoint A is met in the first and missed in the second (a WORSENED
 * alert that fires on `today` and not the day before, when its latest window is empty); B and C
 * keep their rates. Overall feelings and segments vary so every figure has something to show.
 */
async function plantMap(members: Members, today: string): Promise<Planted> {
  const db = testDb();
  const workspaceId = members.workspace.id;
  const map = await createMap(db, { workspaceId, minSample: 5, consistencyThreshold: 10, asymmetryThreshold: 0.2 });
  const ids = { workspaceId, mapId: map.id };
  const stages = [await createStage(db, ids), await createStage(db, ids)];
  const channels = [await createChannel(db, ids), await createChannel(db, ids)];
  const cells: [number, number][] = [[0, 0], [0, 1], [1, 0]];
  const tps: { id: string; expectationId: string }[] = [];
  for (const [s, c] of cells) {
    const tp = await createTouchpoint(db, { ...ids, stageId: stages[s]!.id, channelId: channels[c]!.id });
    tps.push({ id: tp.id, expectationId: (await createExpectation(db, { ...ids, touchpointId: tp.id })).id });
  }
  const people = [
    await createRespondent(db, { workspaceId, segment: "Students" }),
    await createRespondent(db, { workspaceId, segment: "Families" }),
  ];
  for (let k = 0; k < 40; k++) {
    const recent = k >= 20;
    const outcomes: Outcome[] = [
      recent ? "MISSED" : k % 4 === 0 ? "EXCEEDED" : "MET",
      (["MISSED", "MET", "EXCEEDED"] as const)[k % 3]!,
      k % 5 === 0 ? "MET" : "EXCEEDED",
    ];
    const observations: ObservationInput[] = tps.map((tp, index) => ({
      touchpointId: tp.id,
      expectationId: tp.expectationId,
      outcome: outcomes[index]!,
      importance: 1 + ((k + index) % 5),
    }));
    await createInterview(db, {
      workspaceId,
      mapId: map.id,
      interviewerId: members.interviewer.id,
      respondentId: people[k % 2]!.id,
      conductedOn: recent ? today : addDays(today, -40),
      status: "SUBMITTED",
      overallFeeling: FEELINGS[(k * 7) % 6]!,
      observations,
    });
  }
  return { mapId: map.id, stageIds: stages.map((stage) => stage.id), touchpointIds: tps.map((tp) => tp.id) };
}

function call(handler: Handler, params: Record<string, string>, { token = analystToken, method = "GET", query = "" } = {}) {
  const request = new Request(`http://localhost/api/v1/workspaces/${params.workspaceId}/x${query ? `?${query}` : ""}`, {
    method,
    headers: { Authorization: `Bearer ${token}` },
  });
  return handler(request, { params: Promise.resolve(params) });
}

async function json(response: Response) {
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

/** What the data function returned, as it travels in JSON. */
const asJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

beforeAll(async () => {
  home = await createWorkspaceWithMembers(testDb());
  other = await createWorkspaceWithMembers(testDb());
  planted = await plantMap(home, TODAY);
  otherPlanted = await plantMap(other, TODAY);
  ctx = (await resolveWorkspaceAccess(home.analyst.id, home.workspace.id, "analysis.view"))!;
  analystToken = await tokenFor(home, "ANALYST");
}, 120_000);

beforeEach(() => {
  actAs(null);
  apiRateLimiter.reset();
  apiRateLimiter.limit = 10_000;
});

describe("the API's reads of the map's findings", () => {
  const filters = (): [string, string, Partial<AnalysisFilter>][] => [
    ["no filter", "", {}],
    ["a segment", "segment=Students", { segment: ["Students"] }],
    ["a stage and a period", `stage=${planted.stageIds[0]}&from=${addDays(TODAY, -50)}`, { stage: [planted.stageIds[0]!], from: addDays(TODAY, -50) }],
  ];

  it("basics and delighters equal the matrix's classes, IA, penalty, reward and group sizes under each filter", async () => {
    const map = (await getMapForAnalysis(ctx, planted.mapId))!;
    for (const [label, query, filter] of filters()) {
      const body = await json(await call(asymmetryRoute, { workspaceId: home.workspace.id, mapId: planted.mapId }, { query }));
      const matrix = await getMatrix(ctx, map, { ...EMPTY_FILTER, ...filter }, "data");
      expect(body.interviews, label).toBe(matrix.interviews);
      expect(body.theta).toBe(0.2);
      const touchpoints = body.touchpoints as { touchpointId: string; kind: string; ia: number | null; penalty: number | null; reward: number | null; groups: unknown; n: number }[];
      expect(touchpoints.map((tp) => tp.touchpointId), label).toEqual(matrix.points.map((point) => point.id));
      for (const [index, point] of matrix.points.entries()) {
        expect(touchpoints[index], label).toMatchObject(
          asJson({ kind: point.asymmetry.kind, ia: point.asymmetry.ia, penalty: point.asymmetry.penalty, reward: point.asymmetry.reward, groups: point.asymmetry.groups, n: point.n }) as object,
        );
      }
    }
    // Something is classified: the figures are not all empty.
    const whole = await json(await call(asymmetryRoute, { workspaceId: home.workspace.id, mapId: planted.mapId }));
    expect((whole.touchpoints as { groups: { met: number } }[]).some((tp) => tp.groups.met > 0)).toBe(true);
  });

  it("change alerts equal getChangeAlerts, and touchpoint A worsened in the latest window", async () => {
    for (const [label, query, filter] of filters()) {
      const body = await json(await call(alertsRoute, { workspaceId: home.workspace.id, mapId: planted.mapId }, { query: [query, `to=${TODAY}`].filter(Boolean).join("&") }));
      expect(body, label).toEqual(asJson(await getChangeAlerts(ctx, planted.mapId, { ...EMPTY_FILTER, ...filter, to: TODAY })));
    }
    const body = (await json(await call(alertsRoute, { workspaceId: home.workspace.id, mapId: planted.mapId }))) as { alerts: { touchpointId: string; status: string; latest: unknown; previous: unknown }[] };
    expect(body.alerts).toEqual([expect.objectContaining({ touchpointId: planted.touchpointIds[0], status: "WORSENED", latest: { n: 20, missed: 20 }, previous: { n: 20, missed: 0 } })]);
  });

  it("channel consistency equals consistencyOf the matrix under each filter", async () => {
    const map = (await getMapForAnalysis(ctx, planted.mapId))!;
    for (const [label, query, filter] of filters()) {
      const body = await json(await call(consistencyRoute, { workspaceId: home.workspace.id, mapId: planted.mapId }, { query }));
      const matrix = await getMatrix(ctx, map, { ...EMPTY_FILTER, ...filter }, "data");
      expect(body, label).toEqual(asJson({ interviews: matrix.interviews, minSample: 5, threshold: 10, stages: consistencyOf(matrix) }));
    }
  });

  it("trends equal getTrends for the map and the touchpoint asked for, by day, week and month", async () => {
    const map = (await getMapForAnalysis(ctx, planted.mapId))!;
    const tp = planted.touchpointIds[0]!;
    for (const [label, query, filter] of filters()) {
      for (const by of ["day", "week", "month"] as const) {
        const body = await json(await call(trendsRoute, { workspaceId: home.workspace.id, mapId: planted.mapId }, { query: [query, `by=${by}`, `touchpoint=${tp}`].filter(Boolean).join("&") }));
        const trends = await getTrends(ctx, map, { ...EMPTY_FILTER, ...filter }, by);
        expect(body, `${label} by ${by}`).toEqual(asJson({ bucket: by, interviews: trends.interviews, map: trends.map, touchpoint: trends.touchpoints.find((item) => item.id === tp) }));
      }
    }
    // Without a touchpoint, the map's weekly series only; the map's days are the two planted.
    const weekly = await json(await call(trendsRoute, { workspaceId: home.workspace.id, mapId: planted.mapId }));
    expect(weekly.bucket).toBe("week");
    expect(weekly.touchpoint).toBeNull();
    const daily = await json(await call(trendsRoute, { workspaceId: home.workspace.id, mapId: planted.mapId }, { query: "by=day" }));
    expect((daily.map as { n: number }[]).map((point) => point.n)).toEqual([60, 60]);
    // A touchpoint the stage filter leaves out: named, with no buckets.
    const left = await json(await call(trendsRoute, { workspaceId: home.workspace.id, mapId: planted.mapId }, { query: `stage=${planted.stageIds[1]}&touchpoint=${tp}` }));
    expect(left.touchpoint).toMatchObject({ id: tp, points: [], n: 0 });
  });

  it("the overview equals getOverview without the whole matrix", async () => {
    const map = (await getMapForAnalysis(ctx, planted.mapId))!;
    const body = await json(await call(overviewRoute, { workspaceId: home.workspace.id, mapId: planted.mapId }));
    const { matrix, ...overview } = await getOverview(ctx, map);
    expect(body).toEqual(asJson({ map: matrix.map, interviews: matrix.interviews, observations: matrix.observations, ...overview }));
    expect(body.interviews).toBe(40);
    expect(body).not.toHaveProperty("matrix");
  });

  it("refuses a role without analysis.view, another workspace's token and map, a foreign touchpoint and bad parameters", async () => {
    const interviewerToken = await tokenFor(home, "INTERVIEWER");
    const otherToken = await tokenFor(other, "ADMIN");
    const params = { workspaceId: home.workspace.id, mapId: planted.mapId };
    const errorOf = async (response: Response) => ({ status: response.status, ...((await response.json()) as { error: { code: string } }).error });
    for (const route of [asymmetryRoute, alertsRoute, consistencyRoute, trendsRoute, overviewRoute]) {
      expect(await errorOf(await call(route, params, { token: interviewerToken }))).toMatchObject({ status: 403, code: "forbidden" });
      expect(await errorOf(await call(route, params, { token: otherToken }))).toMatchObject({ status: 404, code: "not_found" });
      expect(await errorOf(await call(route, { ...params, mapId: otherPlanted.mapId }))).toMatchObject({ status: 404, code: "not_found" });
      expect(await errorOf(await call(route, params, { query: "from=2026-02-30" }))).toMatchObject({ status: 400, code: "bad_request" });
    }
    expect(await errorOf(await call(trendsRoute, params, { query: `touchpoint=${otherPlanted.touchpointIds[0]}` }))).toMatchObject({ status: 404 });
    expect(await errorOf(await call(trendsRoute, params, { query: "by=year" }))).toMatchObject({ status: 400, message: "by must be day, week or month." });
    expect(await errorOf(await call(overviewRoute, params, { query: "segment=Students" }))).toMatchObject({ status: 400 });
  });
});

describe("a method an address does not answer", () => {
  it("gets a 405 in the API's error shape with the Allow header", async () => {
    const params = { workspaceId: home.workspace.id, mapId: planted.mapId };
    const cases: [Handler, string, string][] = [
      [matrixPut as Handler, "PUT", "GET, HEAD, OPTIONS"],
      [matrixDelete as Handler, "DELETE", "GET, HEAD, OPTIONS"],
      [overviewPut as Handler, "PUT", "GET, HEAD, OPTIONS"],
      [voidGet as Handler, "GET", "POST, OPTIONS"],
      [interviewsPatch as Handler, "PATCH", "GET, POST, HEAD, OPTIONS"],
    ];
    for (const [handler, method, allow] of cases) {
      const response = await call(handler, params, { method });
      expect(response.status, method).toBe(405);
      expect(response.headers.get("allow")).toBe(allow);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error).toEqual({ code: "method_not_allowed", message: expect.stringContaining(`does not answer ${method}`) });
    }
  });
});

describe("the webhook event alert.fired", () => {
  const deliveries = (workspaceId: string) => testDb().webhookDelivery.findMany({ where: { workspaceId, event: "alert.fired" }, select: { payload: true } });

  it("is queued once per newly fired alert, not again on the next check, nor the day after", async () => {
    const hooked = await createWorkspaceWithMembers(testDb());
    const hookedMap = await plantMap(hooked, TODAY);
    actAs(hooked.admin);
    expect(await saveWebhookAction(hooked.workspace.id, { url: "https://hooks.example.com/cxmap" })).toMatchObject({ ok: true });
    actAs(null);

    // The day before, the latest window is empty: nothing fires.
    expect(await announceChangeAlerts({ today: addDays(TODAY, -1), workspaceId: hooked.workspace.id })).toBe(0);
    expect(await announceChangeAlerts({ today: TODAY, workspaceId: hooked.workspace.id })).toBe(1);
    const queued = await deliveries(hooked.workspace.id);
    expect(queued).toHaveLength(1);
    expect(queued[0]!.payload).toMatchObject({
      mapId: hookedMap.mapId,
      touchpointId: hookedMap.touchpointIds[0],
      status: "WORSENED",
      metric: "missRate",
      windowEnd: TODAY,
      latest: { n: 20, missed: 20, rate: 1 },
      previous: { n: 20, missed: 0, rate: 0 },
      delta: 100,
    });
    // The next check, the same day: already announced.
    expect(await announceChangeAlerts({ today: TODAY, workspaceId: hooked.workspace.id })).toBe(0);
    // The day after, it still fires but is no newly fired alert.
    expect(await announceChangeAlerts({ today: addDays(TODAY, 1), workspaceId: hooked.workspace.id })).toBe(0);
    expect(await deliveries(hooked.workspace.id)).toHaveLength(1);
    expect(await testDb().announcedAlert.count({ where: { workspaceId: hooked.workspace.id } })).toBe(1);
  });

  it("queues nothing for a workspace without a webhook, nor for a map that is not active", async () => {
    // home has the same planted alert and no webhook.
    expect(await announceChangeAlerts({ today: TODAY, workspaceId: home.workspace.id })).toBe(0);
    expect(await deliveries(home.workspace.id)).toHaveLength(0);
    expect(await testDb().announcedAlert.count({ where: { workspaceId: home.workspace.id } })).toBe(0);
    // A map that is not active is not checked either.
    const paused = await createWorkspaceWithMembers(testDb());
    const pausedMap = await plantMap(paused, TODAY);
    await testDb().journeyMap.update({ where: { id: pausedMap.mapId }, data: { status: "ARCHIVED" } });
    actAs(paused.admin);
    expect(await saveWebhookAction(paused.workspace.id, { url: "https://hooks.example.com/paused" })).toMatchObject({ ok: true });
    actAs(null);
    expect(await announceChangeAlerts({ today: TODAY, workspaceId: paused.workspace.id })).toBe(0);
    expect(await deliveries(paused.workspace.id)).toHaveLength(0);
  });
});
