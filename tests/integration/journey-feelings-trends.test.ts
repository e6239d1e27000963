// Feelings along the journey and the trends from PostgreSQL against the same figures computed
// naively, row by row, in the test: under filters answered by the single and pair rollups, by the
// interviews' arrays (three dimensions), and by touchpoint-level filters; void and draft
// interviews and another workspace's data left out; the views refused to an interviewer and to
// another workspace's member.
import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/db";
import { actAs, expectNotFound } from "@/tests/support/session";
import { createWorkspaceWithMembers } from "@/tests/factories/workspace";
import { createChannel, createExpectation, createMap, createStage, createTouchpoint } from "@/tests/factories/map";
import { createAttributeField, createRespondent } from "@/tests/factories/respondent";
import { createInterview, type ObservationInput } from "@/tests/factories/interview";
import { resolveWorkspaceAccess, type WorkspaceContext } from "@/lib/workspace";
import { getMapForAnalysis } from "@/lib/data/analysis";
import { getJourneyFeelings } from "@/lib/data/analysis-feelings";
import { getTrends } from "@/lib/data/analysis-trends";
import { EMPTY_FILTER, type AnalysisFilter } from "@/lib/schemas/analysis-filter";
import { FEELING_STATES, type FeelingState } from "@/lib/analysis/feelings";
import type { TrendBucket } from "@/lib/types/analysis-journey";
import type { Outcome } from "@/lib/generated/prisma/enums";
import TrendsPage from "@/app/(app)/w/[workspaceId]/maps/[mapId]/trends/page";
import JourneyPage from "@/app/(app)/w/[workspaceId]/maps/[mapId]/page";

const OUTCOMES: Outcome[] = ["MISSED", "MET", "EXCEEDED"];

type Respondent = { id: string; lifecycle: string; tier: string; segment: string; options: string[] };
type Row = {
  interviewId: string;
  status: "SUBMITTED" | "DRAFT" | "VOID";
  conductedOn: string;
  interviewerId: string;
  respondent: Respondent;
  touchpointId: string;
  outcome: Outcome;
  feeling: FeelingState | null;
};
type Touchpoint = { id: string; stageId: string; channelId: string; mot: boolean; expectations: string[] };

function lcg(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/** The first day of the bucket holding `day`: itself, the Monday before or on it, the 1st of its month. */
function bucketOf(day: string, bucket: TrendBucket): string {
  if (bucket === "day") return day;
  if (bucket === "month") return `${day.slice(0, 8)}01`;
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
}

function kept(rows: Row[], keep: (row: Row) => boolean, touchpointIds: string[]) {
  return rows.filter((row) => row.status === "SUBMITTED" && keep(row) && touchpointIds.includes(row.touchpointId));
}

function naiveFeelings(rows: Row[], keep: (row: Row) => boolean, touchpointIds: string[]) {
  const inFilter = kept(rows, keep, touchpointIds);
  return touchpointIds.map((id) => {
    const counts = Object.fromEntries(FEELING_STATES.map((state) => [state, 0])) as Record<FeelingState, number>;
    for (const row of inFilter) if (row.touchpointId === id && row.feeling) counts[row.feeling] += 1;
    const total = FEELING_STATES.reduce((sum, state) => sum + counts[state], 0);
    const positive = counts.LIKE_A_LOT + counts.LOVE + counts.IN_LOVE;
    const negative = counts.DISLIKE + counts.HATE;
    return { id, counts, total, net: total ? (100 * positive) / total - (100 * negative) / total : null };
  });
}

function naiveTrend(rows: Row[], bucket: TrendBucket) {
  const buckets = new Map<string, { n: number; missed: number; exceeded: number }>();
  for (const row of rows) {
    const key = bucketOf(row.conductedOn, bucket);
    const sums = buckets.get(key) ?? { n: 0, missed: 0, exceeded: 0 };
    sums.n += 1;
    if (row.outcome === "MISSED") sums.missed += 1;
    if (row.outcome === "EXCEEDED") sums.exceeded += 1;
    buckets.set(key, sums);
  }
  return [...buckets.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([bucketStart, sums]) => ({
      bucketStart,
      ...sums,
      performance: (100 * (sums.exceeded - sums.missed)) / sums.n,
      missRate: sums.missed / sums.n,
    }));
}

describe("feelings along the journey and trends in PostgreSQL", () => {
  let home: Awaited<ReturnType<typeof createWorkspaceWithMembers>>;
  let other: Awaited<ReturnType<typeof createWorkspaceWithMembers>>;
  let ctx: WorkspaceContext;
  let mapId: string;
  let otherMapId: string;
  let rows: Row[];
  let touchpoints: Touchpoint[];
  let options: { lifestyle: string[]; motivation: string[] };

  async function build(workspaceId: string, interviewerIds: string[], seed: number) {
    const db = testDb();
    const map = await createMap(db, { workspaceId, minSample: 5 });
    const stages = [await createStage(db, { workspaceId, mapId: map.id }), await createStage(db, { workspaceId, mapId: map.id })];
    const channels = [await createChannel(db, { workspaceId, mapId: map.id }), await createChannel(db, { workspaceId, mapId: map.id })];
    const tps: Touchpoint[] = [];
    for (const [s, c, mot] of [
      [1, 0, false],
      [0, 1, true],
      [0, 0, false],
      [1, 1, false],
    ] as const) {
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
    for (const [lifecycle, tier, segment, l, m] of [
      ["NEW", "HIGH", "Students", 0, 0],
      ["ESTABLISHED", "LOW", "Families", 1, 0],
      ["ESTABLISHED", "MEDIUM", "Students", 0, 1],
      ["LAPSED", "HIGH", "Professionals", 1, 1],
      ["ESTABLISHED", "LOW", "Students", 0, 0],
    ] as const) {
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
    for (let k = 0; k < 46; k++) {
      const status = k === 44 ? "DRAFT" : k === 45 ? "VOID" : "SUBMITTED";
      const respondent = people[k % people.length]!;
      const interviewerId = interviewerIds[k % interviewerIds.length]!;
      // Three months, several interviews on some days, weeks that cross a month's end.
      const conductedOn = `2026-${String(9 + (k % 3)).padStart(2, "0")}-${String(1 + ((k * 11) % 30)).padStart(2, "0")}`;
      const id = crypto.randomUUID();
      const observations: ObservationInput[] = [];
      for (const [index, tp] of tps.entries()) {
        // The last touchpoint is thin: three interviews reach it, for one expectation each.
        if (status === "SUBMITTED" && (index === 3 ? k % 20 !== 0 : random() < 0.2)) continue;
        for (const expectationId of index === 3 ? tp.expectations.slice(0, 1) : tp.expectations) {
          const outcome = status === "SUBMITTED" ? OUTCOMES[Math.floor(random() * 3)]! : "MISSED";
          const feeling = status !== "SUBMITTED" ? "HATE" : random() < 0.3 ? null : FEELING_STATES[Math.floor(random() * 6)]!;
          observations.push({ touchpointId: tp.id, expectationId, outcome, feeling });
          written.push({ interviewId: id, status, conductedOn, interviewerId, respondent, touchpointId: tp.id, outcome, feeling });
        }
      }
      await createInterview(db, { id, workspaceId, mapId: map.id, interviewerId, respondentId: respondent.id, conductedOn, status, observations });
    }
    return {
      mapId: map.id,
      rows: written,
      touchpoints: tps,
      options: { lifestyle: lifestyle.options.map((o) => o.id), motivation: motivation.options.map((o) => o.id) },
    };
  }

  beforeAll(async () => {
    home = await createWorkspaceWithMembers(testDb());
    other = await createWorkspaceWithMembers(testDb());
    const built = await build(home.workspace.id, [home.byRole.ANALYST.id, home.byRole.INTERVIEWER.id], 5);
    ({ mapId, rows, touchpoints, options } = built);
    otherMapId = (await build(other.workspace.id, [other.byRole.INTERVIEWER.id], 9)).mapId;
    ctx = (await resolveWorkspaceAccess(home.byRole.MANAGER.id, home.workspace.id, "analysis.view"))!;
  });

  // Journey order of the fixture: stage 0 (channel 0, then channel 1), then stage 1.
  const journeyOrder = () => [touchpoints[2]!, touchpoints[1]!, touchpoints[0]!, touchpoints[3]!];

  const filters: [string, () => Partial<AnalysisFilter>, (row: Row) => boolean, (tp: Touchpoint) => boolean][] = [
    ["no filter", () => ({}), () => true, () => true],
    ["a period", () => ({ from: "2026-09-10", to: "2026-10-20" }), (r) => r.conductedOn >= "2026-09-10" && r.conductedOn <= "2026-10-20", () => true],
    ["a lifecycle stage (single rollup)", () => ({ lifecycle: ["ESTABLISHED"] }), (r) => r.respondent.lifecycle === "ESTABLISHED", () => true],
    [
      "lifecycle and tier (pair rollup) in a period",
      () => ({ lifecycle: ["ESTABLISHED", "NEW"], tier: ["LOW", "HIGH"], from: "2026-09-05" }),
      (r) => ["ESTABLISHED", "NEW"].includes(r.respondent.lifecycle) && ["LOW", "HIGH"].includes(r.respondent.tier) && r.conductedOn >= "2026-09-05",
      () => true,
    ],
    [
      "three dimensions (the interviews' arrays)",
      () => ({ lifecycle: ["ESTABLISHED"], segment: ["Students"], attr: [options.lifestyle[0]!] }),
      (r) => r.respondent.lifecycle === "ESTABLISHED" && r.respondent.segment === "Students" && r.respondent.options.includes(options.lifestyle[0]!),
      () => true,
    ],
    ["an interviewer", () => ({ interviewer: [home.byRole.INTERVIEWER.id] }), (r) => r.interviewerId === home.byRole.INTERVIEWER.id, () => true],
    ["moments of truth only", () => ({ mot: true }), () => true, (tp) => tp.mot],
    ["one stage", () => ({ stage: [touchpoints[0]!.stageId] }), () => true, (tp) => tp.stageId === touchpoints[0]!.stageId],
  ];

  for (const [name, filterOf, keep, show] of filters) {
    it(`feelings per touchpoint equal the naive counts: ${name}`, async () => {
      const map = (await getMapForAnalysis(ctx, mapId))!;
      const selected = journeyOrder().filter(show).map((tp) => tp.id);
      const expected = naiveFeelings(rows, keep, selected);
      for (const source of ["auto", "summary"] as const) {
        const got = await getJourneyFeelings(ctx, map, { ...EMPTY_FILTER, ...filterOf() }, source);
        expect(got.points.map((point) => point.id), source).toEqual(selected);
        expect(got.minFeelings).toBe(5);
        expect(got.recorded).toBe(expected.reduce((sum, tp) => sum + tp.total, 0));
        for (const [index, want] of expected.entries()) {
          const point = got.points[index]!;
          expect(point.distribution.states.map((state) => state.count), `${source} ${index}`).toEqual(FEELING_STATES.map((state) => want.counts[state]));
          expect(point.distribution.total).toBe(want.total);
          if (want.net === null) expect(point.distribution.netFeeling).toBeNull();
          else expect(point.distribution.netFeeling).toBeCloseTo(want.net, 9);
          expect(point.enough).toBe(want.total >= 5);
          expect(point.netFeeling === null).toBe(want.total < 5);
        }
      }
    });

    it(`trend buckets of the map and of each touchpoint equal the naive sums per day, week and month: ${name}`, async () => {
      const map = (await getMapForAnalysis(ctx, mapId))!;
      const selected = journeyOrder().filter(show).map((tp) => tp.id);
      const inFilter = kept(rows, keep, selected);
      for (const bucket of ["day", "week", "month"] as const) {
        for (const source of ["auto", "summary"] as const) {
          const got = await getTrends(ctx, map, { ...EMPTY_FILTER, ...filterOf() }, bucket, source);
          const label = `${bucket} ${source}`;
          expect(got.interviews, label).toBe(new Set(rows.filter((r) => r.status === "SUBMITTED" && keep(r)).map((r) => r.interviewId)).size);
          expect(got.map, label).toEqual(naiveTrend(inFilter, bucket).map((point) => expect.objectContaining({ ...point, performance: expect.closeTo(point.performance, 9), missRate: expect.closeTo(point.missRate, 12) })));
          expect(got.touchpoints.map((tp) => tp.id)).toEqual(selected);
          for (const touchpoint of got.touchpoints) {
            const own = inFilter.filter((row) => row.touchpointId === touchpoint.id);
            expect(touchpoint.n).toBe(own.length);
            expect(touchpoint.points.map(({ bucketStart, n, missed, exceeded }) => ({ bucketStart, n, missed, exceeded })), label).toEqual(
              naiveTrend(own, bucket).map(({ bucketStart, n, missed, exceeded }) => ({ bucketStart, n, missed, exceeded })),
            );
          }
        }
      }
    });
  }

  it("the fixture has what the checks need: a thin touchpoint, buckets across months, weeks across a month's end", async () => {
    const map = (await getMapForAnalysis(ctx, mapId))!;
    const feelings = await getJourneyFeelings(ctx, map, EMPTY_FILTER);
    expect(feelings.points.some((point) => !point.enough)).toBe(true);
    expect(feelings.points.some((point) => point.enough)).toBe(true);
    const months = await getTrends(ctx, map, EMPTY_FILTER, "month");
    expect(months.map.map((point) => point.bucketStart)).toEqual(["2026-09-01", "2026-10-01", "2026-11-01"]);
    const weeks = await getTrends(ctx, map, EMPTY_FILTER, "week");
    expect(weeks.map.some((point) => point.bucketStart === "2026-08-31")).toBe(true);
    // A single bucket: one day.
    const day = await getTrends(ctx, map, { ...EMPTY_FILTER, from: "2026-09-01", to: "2026-09-01" }, "month");
    expect(day.map).toHaveLength(1);
    expect(day.map[0]!.bucketStart).toBe("2026-09-01");
  });

  it("a filter that keeps nothing gives empty trends and a curve of gaps", async () => {
    const map = (await getMapForAnalysis(ctx, mapId))!;
    const none = { ...EMPTY_FILTER, from: "2020-01-01", to: "2020-12-31" };
    const trends = await getTrends(ctx, map, none, "week");
    expect(trends.interviews).toBe(0);
    expect(trends.map).toEqual([]);
    expect(trends.touchpoints.every((tp) => tp.n === 0 && tp.points.length === 0)).toBe(true);
    const feelings = await getJourneyFeelings(ctx, map, none);
    expect(feelings.lowest).toBeNull();
    expect(feelings.points.every((point) => point.netFeeling === null && point.distribution.total === 0)).toBe(true);
  });

  it("never reads another workspace's map or data", async () => {
    expect(await getMapForAnalysis(ctx, otherMapId)).toBeNull();
    const map = (await getMapForAnalysis(ctx, mapId))!;
    // Another workspace's map id under this workspace's context finds nothing.
    const foreign = { ...map, id: otherMapId };
    expect((await getTrends(ctx, foreign, EMPTY_FILTER, "week")).map).toEqual([]);
    expect((await getJourneyFeelings(ctx, foreign, EMPTY_FILTER)).points).toEqual([]);
    // Another workspace's interviewer as a filter keeps nothing.
    expect((await getTrends(ctx, map, { ...EMPTY_FILTER, interviewer: [other.byRole.INTERVIEWER.id] }, "week")).interviews).toBe(0);
  });

  it("the trends page and the journey's feelings refuse an interviewer and another workspace's member", async () => {
    const props = (query: Record<string, string> = {}) => ({
      params: Promise.resolve({ workspaceId: home.workspace.id, mapId }),
      searchParams: Promise.resolve(query),
    });
    expect(await resolveWorkspaceAccess(home.byRole.INTERVIEWER.id, home.workspace.id, "analysis.view")).toBeNull();
    expect(await resolveWorkspaceAccess(other.byRole.ADMIN.id, home.workspace.id, "analysis.view")).toBeNull();
    actAs(home.byRole.INTERVIEWER);
    await expectNotFound(TrendsPage(props({ by: "day" })));
    actAs(other.byRole.ADMIN);
    await expectNotFound(TrendsPage(props()));
    await expectNotFound(JourneyPage(props()));
    // The other workspace's own map, asked for under this workspace, is not found either.
    actAs(home.byRole.MANAGER);
    await expectNotFound(TrendsPage({ params: Promise.resolve({ workspaceId: home.workspace.id, mapId: otherMapId }), searchParams: Promise.resolve({}) }));
    const page = await TrendsPage(props({ by: "month" }));
    expect(page).toBeTruthy();
    actAs(null);
  });
});
