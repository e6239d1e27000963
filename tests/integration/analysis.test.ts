// The matrix's SQL aggregation against the same figures computed naively, row by row, in
// the test, on a small fixed dataset: every filter dimension, void and draft interviews,
// and another workspace's data.
import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/db";
import { actAs } from "@/tests/support/session";
import { createWorkspaceWithMembers } from "@/tests/factories/workspace";
import { createChannel, createExpectation, createMap, createStage, createTouchpoint } from "@/tests/factories/map";
import { createAttributeField, createRespondent } from "@/tests/factories/respondent";
import { createInterview, type ObservationInput } from "@/tests/factories/interview";
import { resolveWorkspaceAccess, type WorkspaceContext } from "@/lib/workspace";
import { getMapForAnalysis, getMatrix, getTouchpointDetail, listTouchpointComments } from "@/lib/data/analysis";
import type { Matrix } from "@/lib/types/analysis";
import { EMPTY_FILTER, type AnalysisFilter } from "@/lib/schemas/analysis-filter";
import { GET as matrixRoute } from "@/app/api/w/[workspaceId]/maps/[mapId]/matrix/route";
import type { Outcome } from "@/lib/generated/prisma/enums";

const Z = 1.959963984540054;
const OUTCOMES: Outcome[] = ["MISSED", "MET", "EXCEEDED"];
const SCORE: Record<Outcome, number> = { MISSED: -1, MET: 0, EXCEEDED: 1 };

type Row = {
  interviewId: string;
  status: "SUBMITTED" | "DRAFT" | "VOID";
  conductedOn: string;
  interviewerId: string;
  respondent: Respondent;
  touchpointId: string;
  outcome: Outcome;
  importance: number;
};
type Respondent = { id: string; lifecycle: string; tier: string; segment: string; options: string[] };

/** A tiny deterministic generator, so the dataset is fixed. */
function lcg(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function naive(rows: Row[], keepInterview: (row: Row) => boolean, touchpointIds: string[]) {
  const inFilter = rows.filter((row) => row.status === "SUBMITTED" && keepInterview(row));
  const N = new Set(inFilter.map((row) => row.interviewId)).size;
  return {
    N,
    touchpoints: touchpointIds.map((id) => {
      const obs = inFilter.filter((row) => row.touchpointId === id);
      const n = obs.length;
      const count = (outcome: Outcome) => obs.filter((row) => row.outcome === outcome).length;
      const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
      const sd = (values: number[]) => {
        const m = mean(values);
        return Math.sqrt(values.reduce((a, v) => a + (v - m) ** 2, 0) / (values.length - 1));
      };
      const importance = obs.map((row) => row.importance);
      const scores = obs.map((row) => SCORE[row.outcome]);
      const missed = count("MISSED");
      const wilsonLow = (x: number) => {
        const p = x / n;
        const z2 = Z * Z;
        return (p + z2 / (2 * n) - Z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
      };
      return {
        id,
        n,
        interviews: new Set(obs.map((row) => row.interviewId)).size,
        missed,
        exceeded: count("EXCEEDED"),
        importanceMean: n ? mean(importance) : null,
        importanceLower: n > 1 ? mean(importance) - (Z * sd(importance)) / Math.sqrt(n) : null,
        performance: n ? 100 * mean(scores) : null,
        performanceUpper: n > 1 ? 100 * (mean(scores) + (Z * sd(scores)) / Math.sqrt(n)) : null,
        missRateLower: n ? wilsonLow(missed) : null,
        weightedPain: N ? (100 * obs.filter((row) => row.outcome === "MISSED").reduce((a, row) => a + row.importance, 0)) / N : null,
        reach: N ? new Set(obs.map((row) => row.interviewId)).size / N : null,
      };
    }),
  };
}

function expectMatches(matrix: Matrix, expected: ReturnType<typeof naive>) {
  expect(matrix.interviews).toBe(expected.N);
  expect(matrix.points.map((point) => point.id)).toEqual(expected.touchpoints.map((t) => t.id));
  for (const [index, want] of expected.touchpoints.entries()) {
    const got = matrix.points[index]!;
    expect(got.n, got.name).toBe(want.n);
    expect(got.interviews).toBe(want.interviews);
    expect(got.missed).toBe(want.missed);
    expect(got.exceeded).toBe(want.exceeded);
    const close = (a: number | null | undefined, b: number | null) =>
      b === null ? expect(a ?? null).toBeNull() : expect(a).toBeCloseTo(b, 9);
    close(got.importance.mean, want.importanceMean);
    close(got.importance.lower, want.importanceLower);
    close(got.performance.value, want.performance);
    close(got.performance.upper, want.performanceUpper);
    close(got.missRate?.lower, want.missRateLower);
    close(got.weightedPain, want.weightedPain);
    close(got.reach, want.reach);
  }
}

describe("matrix aggregation in PostgreSQL", () => {
  let ctx: WorkspaceContext;
  let mapId: string;
  let otherMapId: string;
  let otherInterviewerId: string;
  let otherOptionId: string;
  let rows: Row[];
  let touchpoints: { id: string; stageId: string; channelId: string; mot: boolean }[];
  let respondents: Respondent[];
  let options: { lifestyle: string[]; motivation: string[] };
  let home: Awaited<ReturnType<typeof createWorkspaceWithMembers>>;

  async function build(workspaceId: string, interviewerIds: string[], seed: number) {
    const db = testDb();
    const map = await createMap(db, { workspaceId, minSample: 5 });
    const stages = [await createStage(db, { workspaceId, mapId: map.id }), await createStage(db, { workspaceId, mapId: map.id })];
    const channels = [await createChannel(db, { workspaceId, mapId: map.id }), await createChannel(db, { workspaceId, mapId: map.id })];
    const cells = [
      [0, 0, false],
      [0, 1, true],
      [1, 0, false],
    ] as const;
    const tps = [];
    for (const [s, c, mot] of cells) {
      const tp = await createTouchpoint(db, { workspaceId, mapId: map.id, stageId: stages[s]!.id, channelId: channels[c]!.id, momentOfTruth: mot });
      const expectations = [
        await createExpectation(db, { workspaceId, mapId: map.id, touchpointId: tp.id }),
        await createExpectation(db, { workspaceId, mapId: map.id, touchpointId: tp.id }),
      ];
      tps.push({ id: tp.id, stageId: tp.stageId, channelId: tp.channelId, mot, expectations: expectations.map((e) => e.id) });
    }
    const lifestyle = await createAttributeField(db, { workspaceId, name: `Lifestyle ${seed}`, values: ["Busy", "Relaxed"] });
    const motivation = await createAttributeField(db, { workspaceId, name: `Motivation ${seed}`, values: ["Price", "Quality"] });
    const people: Respondent[] = [];
    const profiles = [
      ["NEW", "HIGH", "Students", 0, 0],
      ["ESTABLISHED", "LOW", "Families", 1, 0],
      ["ESTABLISHED", "MEDIUM", "Students", 0, 1],
      ["LAPSED", "HIGH", "Professionals", 1, 1],
      ["PROSPECT", "UNKNOWN", "Families", 0, 0],
      ["NEW", "MEDIUM", "Professionals", 1, 1],
    ] as const;
    for (const [lifecycle, tier, segment, l, m] of profiles) {
      const r = await createRespondent(db, {
        workspaceId,
        lifecycleStage: lifecycle,
        valueTier: tier,
        segment,
        attributes: [
          { fieldId: lifestyle.id, optionId: lifestyle.options[l]!.id },
          { fieldId: motivation.id, optionId: motivation.options[m]!.id },
        ],
      });
      people.push({ id: r.id, lifecycle, tier, segment, options: [lifestyle.options[l]!.id, motivation.options[m]!.id] });
    }
    const random = lcg(seed);
    const written: Row[] = [];
    for (let k = 0; k < 34; k++) {
      const status = k === 32 ? "DRAFT" : k === 33 ? "VOID" : "SUBMITTED";
      const respondent = people[k % people.length]!;
      const interviewerId = interviewerIds[k % interviewerIds.length]!;
      const conductedOn = `2026-0${1 + (k % 3)}-${String(1 + ((k * 7) % 28)).padStart(2, "0")}`;
      const id = crypto.randomUUID();
      const observations: ObservationInput[] = [];
      for (const tp of tps) {
        if (random() < 0.25 && status === "SUBMITTED") continue;
        for (const expectationId of tp.expectations) {
          // Draft and void interviews are all misses of importance 5: counting them would show.
          const outcome = status === "SUBMITTED" ? OUTCOMES[Math.floor(random() * 3)]! : "MISSED";
          const importance = status === "SUBMITTED" ? 1 + Math.floor(random() * 5) : 5;
          observations.push({ touchpointId: tp.id, expectationId, outcome, importance, comment: k % 5 === 0 ? `comment ${k}` : null });
          written.push({ interviewId: id, status, conductedOn, interviewerId, respondent, touchpointId: tp.id, outcome, importance });
        }
      }
      await createInterview(db, { id, workspaceId, mapId: map.id, interviewerId, respondentId: respondent.id, conductedOn, status, observations });
    }
    return { mapId: map.id, rows: written, touchpoints: tps, respondents: people, options: { lifestyle: lifestyle.options.map((o) => o.id), motivation: motivation.options.map((o) => o.id) } };
  }

  beforeAll(async () => {
    home = await createWorkspaceWithMembers(testDb());
    const other = await createWorkspaceWithMembers(testDb());
    const built = await build(home.workspace.id, [home.byRole.ANALYST.id, home.byRole.INTERVIEWER.id], 7);
    ({ mapId, rows, touchpoints, respondents, options } = built);
    const otherBuilt = await build(other.workspace.id, [other.byRole.INTERVIEWER.id], 11);
    otherMapId = otherBuilt.mapId;
    otherInterviewerId = other.byRole.INTERVIEWER.id;
    otherOptionId = otherBuilt.options.lifestyle[0]!;
    ctx = (await resolveWorkspaceAccess(home.byRole.MANAGER.id, home.workspace.id, "analysis.view"))!;
  });

  async function matrix(filter: Partial<AnalysisFilter>) {
    const map = (await getMapForAnalysis(ctx, mapId))!;
    return getMatrix(ctx, map, { ...EMPTY_FILTER, ...filter }, "data");
  }
  const allIds = () => touchpoints.map((tp) => tp.id);

  it("equals the naive figures with no filter, leaving out draft and void interviews", async () => {
    const result = await matrix({});
    expectMatches(result, naive(rows, () => true, allIds()));
    expect(result.interviews).toBe(32);
    expect(result.fixList.map((p) => p.weightedPain)).toEqual([...result.points.map((p) => p.weightedPain)].sort((a, b) => b! - a!));
  });

  it("filters by date range", async () => {
    const result = await matrix({ from: "2026-02-01", to: "2026-03-15" });
    expectMatches(result, naive(rows, (row) => row.conductedOn >= "2026-02-01" && row.conductedOn <= "2026-03-15", allIds()));
  });

  it("filters by lifecycle stage, value tier and segment", async () => {
    expectMatches(await matrix({ lifecycle: ["NEW", "LAPSED"] }), naive(rows, (row) => ["NEW", "LAPSED"].includes(row.respondent.lifecycle), allIds()));
    expectMatches(await matrix({ tier: ["HIGH"] }), naive(rows, (row) => row.respondent.tier === "HIGH", allIds()));
    expectMatches(await matrix({ segment: ["Students"] }), naive(rows, (row) => row.respondent.segment === "Students", allIds()));
  });

  it("filters by attribute values: any value within a field, every field", async () => {
    const [busy, relaxed] = options.lifestyle;
    const [price] = options.motivation;
    expectMatches(
      await matrix({ attr: [busy!, relaxed!] }),
      naive(rows, (row) => row.respondent.options.includes(busy!) || row.respondent.options.includes(relaxed!), allIds()),
    );
    expectMatches(
      await matrix({ attr: [busy!, price!] }),
      naive(rows, (row) => row.respondent.options.includes(busy!) && row.respondent.options.includes(price!), allIds()),
    );
    expect(respondents.length).toBe(6);
  });

  it("filters by interviewer", async () => {
    const id = home.byRole.INTERVIEWER.id;
    expectMatches(await matrix({ interviewer: [id] }), naive(rows, (row) => row.interviewerId === id, allIds()));
  });

  it("touchpoint filters (stage, channel, moments of truth) choose touchpoints and keep N", async () => {
    const stageId = touchpoints[0]!.stageId;
    const byStage = touchpoints.filter((tp) => tp.stageId === stageId).map((tp) => tp.id);
    expectMatches(await matrix({ stage: [stageId] }), naive(rows, () => true, byStage));
    const channelId = touchpoints[1]!.channelId;
    expectMatches(await matrix({ channel: [channelId] }), naive(rows, () => true, touchpoints.filter((tp) => tp.channelId === channelId).map((tp) => tp.id)));
    expectMatches(await matrix({ mot: true }), naive(rows, () => true, touchpoints.filter((tp) => tp.mot).map((tp) => tp.id)));
  });

  it("never includes another workspace's data", async () => {
    expect(await getMapForAnalysis(ctx, otherMapId)).toBeNull();
    const none = await matrix({ interviewer: [otherInterviewerId] });
    expect(none.interviews).toBe(0);
    expect(none.points.every((point) => point.n === 0)).toBe(true);
    // A foreign attribute value is ignored rather than leaking or matching.
    expectMatches(await matrix({ attr: [otherOptionId] }), naive(rows, () => true, allIds()));
    expect(await getTouchpointDetail(ctx, otherMapId, touchpoints[0]!.id, EMPTY_FILTER)).toBeNull();
  });

  it("drill-down figures agree with the matrix, and comments page", async () => {
    const detail = (await getTouchpointDetail(ctx, mapId, touchpoints[0]!.id, EMPTY_FILTER))!;
    const point = (await matrix({})).points[0]!;
    expect(detail.figures.n).toBe(point.n);
    expect(detail.expectations.reduce((sum, e) => sum + e.n, 0)).toBe(point.n);
    expect(detail.trend.reduce((sum, week) => sum + week.n, 0)).toBe(point.n);
    const expectedComments = rows.filter((row) => row.status === "SUBMITTED" && row.touchpointId === touchpoints[0]!.id).length;
    const comments = await listTouchpointComments(ctx, mapId, touchpoints[0]!.id, EMPTY_FILTER, { page: 1, pageSize: 2 });
    expect(comments.comments.length).toBeLessThanOrEqual(2);
    expect(comments.total).toBeLessThan(expectedComments);
    expect(comments.total).toBeGreaterThan(0);
  });

  it("the JSON route refuses an interviewer and another workspace's member, and answers bad filters with 400", async () => {
    const url = (query = "") => new Request(`http://localhost/api/w/${home.workspace.id}/maps/${mapId}/matrix${query}`);
    const params = { params: Promise.resolve({ workspaceId: home.workspace.id, mapId }) };
    actAs(home.byRole.INTERVIEWER);
    expect((await matrixRoute(url(), params)).status).toBe(404);
    const other = await createWorkspaceWithMembers(testDb());
    actAs(other.byRole.ADMIN);
    expect((await matrixRoute(url(), params)).status).toBe(404);
    actAs(null);
    expect((await matrixRoute(url(), params)).status).toBe(401);
    actAs(home.byRole.MANAGER);
    const bad = await matrixRoute(url("?from=2026-13-01&lifecycle=SOMETIMES"), params);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: expect.any(String), fieldErrors: { from: expect.any(Array), lifecycle: expect.any(Array) } });
    const ok = await matrixRoute(url("?segment=Students"), params);
    expect(ok.status).toBe(200);
    expect((await ok.json()).interviews).toBe(naive(rows, (row) => row.respondent.segment === "Students", allIds()).N);
  });
});
