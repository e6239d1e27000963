// Basics and delighters, channel consistency and change alerts from PostgreSQL against the
// same figures computed naively, row by row, in the test, under several filters (the rollup,
// pair-rollup and summary paths); then the patterns planted in the demo data, found by the
// functions the screens call; then who may read them.
import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/db";
import { createWorkspaceWithMembers } from "@/tests/factories/workspace";
import { createChannel, createExpectation, createMap, createStage, createTouchpoint } from "@/tests/factories/map";
import { createRespondent } from "@/tests/factories/respondent";
import { createInterview, type ObservationInput } from "@/tests/factories/interview";
import { resolveWorkspaceAccess, type WorkspaceContext } from "@/lib/workspace";
import { getMapForAnalysis, getMatrix, getTouchpointDetail } from "@/lib/data/analysis";
import { consistencyOf, getChangeAlerts, getOverview, newlyFiredAlerts } from "@/lib/data/analysis-insight";
import { EMPTY_FILTER, type AnalysisFilter } from "@/lib/schemas/analysis-filter";
import { addDays } from "@/lib/analysis/trend";
import { failingBasics, workingDelighters } from "@/lib/analysis/insight";
import { DEMO_EMAILS, DEMO_MAP_ID, DEMO_TRUTHS, DEMO_WORKSPACE_ID, seedDemo } from "@/prisma/seed/demo";
import type { Feeling, Outcome } from "@/lib/generated/prisma/enums";

const Z = 1.959963984540054;
const OUTCOMES: Outcome[] = ["MISSED", "MET", "EXCEEDED"];
const FEELINGS: Feeling[] = ["HATE", "DISLIKE", "EH", "LIKE_A_LOT", "LOVE", "IN_LOVE"];
const TODAY = "2026-03-31";
const THETA = 0.2;
const MIN_SAMPLE = 5;
const CONSISTENCY_THRESHOLD = 15;

type Respondent = { id: string; lifecycle: "NEW" | "ESTABLISHED" | "LAPSED"; tier: "HIGH" | "LOW"; segment: string };
type Row = {
  interviewId: string;
  status: "SUBMITTED" | "DRAFT" | "VOID";
  day: string;
  respondent: Respondent;
  /** 1-6, or null: no overall feeling recorded. */
  overall: number | null;
  touchpointId: string;
  outcome: Outcome;
};
type Tp = { id: string; name: string; stageId: string; channelId: string; expectations: string[] };

function lcg(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const submitted = (rows: Row[], keep: (row: Row) => boolean) => rows.filter((row) => row.status === "SUBMITTED" && keep(row));

/** Penalty, reward, IA and class of one touchpoint, straight from the rows. */
function naiveAsymmetry(rows: Row[], touchpointId: string) {
  const group = (outcome: Outcome) => rows.filter((row) => row.touchpointId === touchpointId && row.outcome === outcome && row.overall !== null);
  const mean = (list: Row[]) => (list.length ? list.reduce((sum, row) => sum + row.overall!, 0) / list.length : null);
  const [missed, met, exceeded] = OUTCOMES.map(group) as [Row[], Row[], Row[]];
  const means = { missed: mean(missed), met: mean(met), exceeded: mean(exceeded) };
  const penalty = means.missed !== null && means.met !== null ? means.missed - means.met : null;
  const reward = means.exceeded !== null && means.met !== null ? means.exceeded - means.met : null;
  const enough = missed.length >= 5 && met.length >= 5 && exceeded.length >= 5;
  let ia: number | null = null;
  let kind = "UNCLASSIFIED";
  if (enough && penalty !== null && reward !== null) {
    const p = Math.abs(penalty);
    const r = Math.abs(reward);
    ia = p + r === 0 ? 0 : (r - p) / (r + p);
    kind = ia > THETA ? "DELIGHTER" : ia < -THETA ? "BASIC" : "PERFORMANCE";
  }
  return { groups: { missed: missed.length, met: met.length, exceeded: exceeded.length }, penalty, reward, ia, kind };
}

/** P of every (stage, channel) cell over all its observations, the spread over cells with n ≥ the minimum, and the flag. */
function naiveConsistency(rows: Row[], tps: Tp[]) {
  const stages = [...new Set(tps.map((tp) => tp.stageId))];
  return stages.map((stageId) => {
    const channels = [...new Set(tps.filter((tp) => tp.stageId === stageId).map((tp) => tp.channelId))];
    const cells = channels.map((channelId) => {
      const ids = tps.filter((tp) => tp.stageId === stageId && tp.channelId === channelId).map((tp) => tp.id);
      const obs = rows.filter((row) => ids.includes(row.touchpointId));
      const score = obs.reduce((sum, row) => sum + (row.outcome === "EXCEEDED" ? 1 : row.outcome === "MISSED" ? -1 : 0), 0);
      return { channelId, n: obs.length, performance: obs.length ? (100 * score) / obs.length : null };
    });
    const qualifying = cells.filter((cell) => cell.n >= MIN_SAMPLE);
    const values = qualifying.map((cell) => cell.performance!);
    const spread = qualifying.length >= 2 ? Math.max(...values) - Math.min(...values) : null;
    return {
      stageId,
      cells,
      spread,
      flagged: spread !== null && spread > CONSISTENCY_THRESHOLD,
      best: qualifying.length ? qualifying.find((cell) => cell.performance === Math.max(...values))!.channelId : null,
      worst: qualifying.length ? qualifying.find((cell) => cell.performance === Math.min(...values))!.channelId : null,
    };
  });
}

/** Miss-rate counts of both windows ending at `end`, the pooled z and the status, straight from the rows. */
function naiveChange(rows: Row[], touchpointId: string, end: string) {
  const latestStart = addDays(end, -27);
  const previousStart = addDays(end, -55);
  const previousEnd = addDays(end, -28);
  const count = (from: string, to: string) => {
    const obs = rows.filter((row) => row.touchpointId === touchpointId && row.day >= from && row.day <= to);
    return { n: obs.length, missed: obs.filter((row) => row.outcome === "MISSED").length };
  };
  const latest = count(latestStart, end);
  const previous = count(previousStart, previousEnd);
  if (latest.n === 0 || previous.n === 0) return { latest, previous, z: null, delta: null, status: "STABLE" };
  const r1 = latest.missed / latest.n;
  const r2 = previous.missed / previous.n;
  const pooled = (latest.missed + previous.missed) / (latest.n + previous.n);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / latest.n + 1 / previous.n));
  const z = se === 0 ? 0 : (r1 - r2) / se;
  const delta = 100 * (r1 - r2);
  // p < 0.05 two-sided is |z| > 1.96; the 5 points compared with a little room for rounding.
  const status = Math.abs(z) > Z && Math.abs(delta) >= 5 - 1e-9 ? (delta > 0 ? "WORSENED" : "IMPROVED") : "STABLE";
  return { latest, previous, z, delta, status };
}

describe("basics and delighters, channel consistency and change alerts in PostgreSQL", () => {
  let ctx: WorkspaceContext;
  let home: Awaited<ReturnType<typeof createWorkspaceWithMembers>>;
  let mapId: string;
  let tps: Tp[];
  let rows: Row[];

  beforeAll(async () => {
    const db = testDb();
    home = await createWorkspaceWithMembers(db);
    const workspaceId = home.workspace.id;
    const map = await createMap(db, { workspaceId, minSample: MIN_SAMPLE, asymmetryThreshold: THETA, consistencyThreshold: CONSISTENCY_THRESHOLD });
    mapId = map.id;
    const stages = [await createStage(db, { workspaceId, mapId }), await createStage(db, { workspaceId, mapId })];
    const channels = [await createChannel(db, { workspaceId, mapId }), await createChannel(db, { workspaceId, mapId })];
    // Stage 0 has two touchpoints in one cell (the cell sums them) and one in the other channel.
    const cells = [
      [0, 0],
      [0, 1],
      [0, 1],
      [1, 0],
    ] as const;
    tps = [];
    for (const [s, c] of cells) {
      const tp = await createTouchpoint(db, { workspaceId, mapId, stageId: stages[s]!.id, channelId: channels[c]!.id });
      const expectation = await createExpectation(db, { workspaceId, mapId, touchpointId: tp.id });
      tps.push({ id: tp.id, name: tp.name, stageId: tp.stageId, channelId: tp.channelId, expectations: [expectation.id] });
    }
    const profiles = [
      ["NEW", "HIGH", "Students"],
      ["ESTABLISHED", "LOW", "Families"],
      ["LAPSED", "HIGH", "Students"],
      ["ESTABLISHED", "HIGH", "Professionals"],
    ] as const;
    const people: Respondent[] = [];
    for (const [lifecycle, tier, segment] of profiles) {
      const r = await createRespondent(db, { workspaceId, lifecycleStage: lifecycle, valueTier: tier, segment });
      people.push({ id: r.id, lifecycle, tier, segment });
    }
    const random = lcg(12);
    rows = [];
    for (let k = 0; k < 90; k++) {
      const status = k === 88 ? "DRAFT" : k === 89 ? "VOID" : "SUBMITTED";
      const day = addDays(TODAY, -(k % 60));
      const respondent = people[k % people.length]!;
      // Every seventh interview has no overall feeling: left out of the asymmetry groups.
      const overallIndex = k % 7 === 3 ? null : Math.floor(random() * 6);
      const interviewId = crypto.randomUUID();
      const observations: ObservationInput[] = [];
      for (const [index, tp] of tps.entries()) {
        if (random() < 0.15) continue;
        let outcome: Outcome;
        if (status !== "SUBMITTED") outcome = "MISSED";
        // Touchpoint 0 fails far more often in the latest four weeks: a worsening alert.
        else if (index === 0) outcome = k % 60 < 28 ? (random() < 0.7 ? "MISSED" : "MET") : random() < 0.15 ? "MISSED" : OUTCOMES[1 + Math.floor(random() * 2)]!;
        // Touchpoint 3 (the other stage) is mostly exceeded; touchpoints 1 and 2 at random.
        else if (index === 3) outcome = random() < 0.6 ? "EXCEEDED" : OUTCOMES[Math.floor(random() * 2)]!;
        else outcome = OUTCOMES[Math.floor(random() * 3)]!;
        observations.push({ touchpointId: tp.id, expectationId: tp.expectations[0]!, outcome, importance: 1 + Math.floor(random() * 5) });
        rows.push({ interviewId, status, day, respondent, overall: overallIndex === null ? null : overallIndex + 1, touchpointId: tp.id, outcome });
      }
      await createInterview(db, {
        id: interviewId,
        workspaceId,
        mapId,
        interviewerId: home.byRole.INTERVIEWER.id,
        respondentId: respondent.id,
        conductedOn: day,
        status,
        overallFeeling: overallIndex === null ? null : FEELINGS[overallIndex]!,
        observations,
      });
    }
    ctx = (await resolveWorkspaceAccess(home.byRole.MANAGER.id, workspaceId, "analysis.view"))!;
  }, 60_000);

  const FILTERS: [string, Partial<AnalysisFilter>, (row: Row) => boolean][] = [
    ["no filter", {}, () => true],
    ["a period", { from: addDays(TODAY, -40), to: addDays(TODAY, -5) }, (row) => row.day >= addDays(TODAY, -40) && row.day <= addDays(TODAY, -5)],
    ["a segment (one-dimension rollup)", { segment: ["Students"] }, (row) => row.respondent.segment === "Students"],
    [
      "lifecycle and tier (pair rollup)",
      { lifecycle: ["ESTABLISHED"], tier: ["HIGH"] },
      (row) => row.respondent.lifecycle === "ESTABLISHED" && row.respondent.tier === "HIGH",
    ],
    [
      "three dimensions (summary rows)",
      { lifecycle: ["NEW", "ESTABLISHED"], tier: ["HIGH", "LOW"], segment: ["Students", "Families"] },
      (row) => ["NEW", "ESTABLISHED"].includes(row.respondent.lifecycle) && ["Students", "Families"].includes(row.respondent.segment),
    ],
  ];

  const close = (got: number | null | undefined, want: number | null) =>
    want === null ? expect(got ?? null).toBeNull() : expect(got).toBeCloseTo(want, 9);

  it("asymmetry of every touchpoint equals the naive figures under each filter", async () => {
    const map = (await getMapForAnalysis(ctx, mapId))!;
    let classified = 0;
    for (const [label, filter, keep] of FILTERS) {
      const matrix = await getMatrix(ctx, map, { ...EMPTY_FILTER, ...filter }, "data");
      const kept = submitted(rows, keep);
      for (const point of matrix.points) {
        const want = naiveAsymmetry(kept, point.id);
        expect(point.asymmetry.groups, `${label}: ${point.name}`).toEqual(want.groups);
        close(point.asymmetry.penalty, want.penalty);
        close(point.asymmetry.reward, want.reward);
        close(point.asymmetry.ia, want.ia);
        expect(point.asymmetry.kind, `${label}: ${point.name}`).toBe(want.kind);
        if (want.kind !== "UNCLASSIFIED") classified += 1;
      }
    }
    // The fixture classifies most touchpoints unfiltered and leaves small filters unclassified.
    expect(classified).toBeGreaterThan(4);
    const detail = (await getTouchpointDetail(ctx, mapId, tps[3]!.id, EMPTY_FILTER, THETA))!;
    const want = naiveAsymmetry(submitted(rows, () => true), tps[3]!.id);
    expect(detail.asymmetry.groups).toEqual(want.groups);
    close(detail.asymmetry.ia, want.ia);
  });

  it("channel consistency of every stage equals the naive cells, spread and flag under each filter", async () => {
    const map = (await getMapForAnalysis(ctx, mapId))!;
    let flagged = 0;
    for (const [label, filter, keep] of FILTERS) {
      const stages = consistencyOf(await getMatrix(ctx, map, { ...EMPTY_FILTER, ...filter }, "data"));
      const want = naiveConsistency(submitted(rows, keep), tps);
      expect(stages.map((stage) => stage.stageId)).toEqual(want.map((stage) => stage.stageId));
      for (const [index, stage] of stages.entries()) {
        const expected = want[index]!;
        expect(stage.cells.map((cell) => [cell.channelId, cell.n]), label).toEqual(expected.cells.map((cell) => [cell.channelId, cell.n]));
        stage.cells.forEach((cell, i) => close(cell.performance, expected.cells[i]!.performance));
        close(stage.spread, expected.spread);
        expect(stage.flagged, label).toBe(expected.flagged);
        expect(stage.best?.channelId ?? null).toBe(expected.best);
        expect(stage.worst?.channelId ?? null).toBe(expected.worst);
        if (stage.flagged) flagged += 1;
      }
    }
    expect(flagged).toBeGreaterThan(0);
  });

  it("change alerts of every touchpoint equal the naive windows, z and status, ending today or at the filter's end", async () => {
    for (const [label, filter, keep] of FILTERS) {
      const report = await getChangeAlerts(ctx, mapId, { ...EMPTY_FILTER, ...filter }, { today: TODAY });
      const end = filter.to ?? TODAY;
      expect(report.windows.latest).toEqual({ start: addDays(end, -27), end });
      expect(report.touchpoints.map((tp) => tp.touchpointId)).toEqual(tps.map((tp) => tp.id));
      // The windows replace the filter's period: only the other dimensions filter the rows.
      const kept = submitted(rows, filter.from || filter.to ? () => true : keep);
      for (const change of report.touchpoints) {
        const want = naiveChange(kept, change.touchpointId, end);
        expect(change.latest, label).toEqual(want.latest);
        expect(change.previous, label).toEqual(want.previous);
        close(change.z, want.z);
        close(change.delta, want.delta);
        expect(change.status, `${label}: ${change.name}`).toBe(want.status);
      }
      expect(report.alerts.every((alert) => alert.status !== "STABLE")).toBe(true);
    }
    const unfiltered = await getChangeAlerts(ctx, mapId, EMPTY_FILTER, { today: TODAY });
    expect(unfiltered.alerts[0]).toMatchObject({ touchpointId: tps[0]!.id, status: "WORSENED" });
    // Touchpoint filters choose which touchpoints are listed.
    const byStage = await getChangeAlerts(ctx, mapId, { ...EMPTY_FILTER, stage: [tps[3]!.stageId] }, { today: TODAY });
    expect(byStage.touchpoints.map((tp) => tp.touchpointId)).toEqual([tps[3]!.id]);
  });

  it("newly fired alerts are the ones that fire on the day and did not the day before", async () => {
    let sawNew = false;
    for (let back = 0; back < 30; back++) {
      const day = addDays(TODAY, -back);
      const [fresh, now, before] = await Promise.all([
        newlyFiredAlerts(ctx, mapId, { today: day }),
        getChangeAlerts(ctx, mapId, EMPTY_FILTER, { today: day }),
        getChangeAlerts(ctx, mapId, EMPTY_FILTER, { today: addDays(day, -1) }),
      ]);
      const statusBefore = new Map(before.touchpoints.map((tp) => [tp.touchpointId, tp.status]));
      const want = now.alerts.filter((alert) => statusBefore.get(alert.touchpointId) !== alert.status).map((alert) => alert.touchpointId);
      expect(fresh.map((alert) => alert.touchpointId), day).toEqual(want);
      if (fresh.length > 0) sawNew = true;
    }
    expect(sawNew).toBe(true);
  });

  it("the overview gathers targets, the fix list's top, alerts, failing basics and inconsistent stages of the whole map", async () => {
    const map = (await getMapForAnalysis(ctx, mapId))!;
    const overview = await getOverview(ctx, map, { today: TODAY });
    const matrix = await getMatrix(ctx, map, EMPTY_FILTER, "data");
    expect(overview.fixList.map((point) => point.id)).toEqual(matrix.fixList.slice(0, 5).map((point) => point.id));
    expect(overview.progress.submitted).toBe(new Set(submitted(rows, () => true).map((row) => row.interviewId)).size);
    expect(overview.period).toEqual({
      first: submitted(rows, () => true).reduce((min, row) => (row.day < min ? row.day : min), TODAY),
      last: TODAY,
    });
    expect(overview.changes.alerts.map((alert) => alert.touchpointId)).toContain(tps[0]!.id);
    expect(overview.failingBasics).toEqual(failingBasics(matrix.points, matrix.crosshair.performance));
    expect(overview.consistency).toEqual(consistencyOf(matrix));
  });

  it("another workspace's member and an interviewer are refused; another workspace's map gives nothing", async () => {
    expect(await resolveWorkspaceAccess(home.byRole.INTERVIEWER.id, home.workspace.id, "analysis.view")).toBeNull();
    const other = await createWorkspaceWithMembers(testDb());
    expect(await resolveWorkspaceAccess(other.byRole.ADMIN.id, home.workspace.id, "analysis.view")).toBeNull();
    const foreign = (await resolveWorkspaceAccess(other.byRole.ADMIN.id, other.workspace.id, "analysis.view"))!;
    expect(await getMapForAnalysis(foreign, mapId)).toBeNull();
    const report = await getChangeAlerts(foreign, mapId, EMPTY_FILTER, { today: TODAY });
    expect(report.touchpoints).toEqual([]);
    expect(await newlyFiredAlerts(foreign, mapId, { today: TODAY })).toEqual([]);
  });
});

describe("the demo data's planted patterns, found by the screens' code paths", () => {
  let ctx: WorkspaceContext;

  beforeAll(async () => {
    await seedDemo(testDb());
    const manager = await testDb().user.findUniqueOrThrow({ where: { email: DEMO_EMAILS.manager }, select: { id: true } });
    ctx = (await resolveWorkspaceAccess(manager.id, DEMO_WORKSPACE_ID, "analysis.view"))!;
  }, 120_000);

  it("the basics are BASIC and the delighters DELIGHTER; a basic fails and a delighter works", async () => {
    const map = (await getMapForAnalysis(ctx, DEMO_MAP_ID))!;
    const overview = await getOverview(ctx, map);
    const kind = (name: string) => overview.matrix.points.find((point) => point.name === name)?.asymmetry.kind;
    for (const name of DEMO_TRUTHS.basics) expect(kind(name), name).toBe("BASIC");
    for (const name of DEMO_TRUTHS.delighters) expect(kind(name), name).toBe("DELIGHTER");
    const failing = overview.failingBasics.map((point) => point.name);
    expect(failing.length).toBeGreaterThan(0);
    expect(failing.every((name) => (DEMO_TRUTHS.basics as readonly string[]).includes(name) || kind(name) === "BASIC")).toBe(true);
    const working = workingDelighters(overview.matrix.points, overview.matrix.crosshair.performance).map((point) => point.name);
    expect(working.some((name) => (DEMO_TRUTHS.delighters as readonly string[]).includes(name))).toBe(true);
  });

  it("the worsening touchpoint has a WORSENED alert", async () => {
    const map = (await getMapForAnalysis(ctx, DEMO_MAP_ID))!;
    const overview = await getOverview(ctx, map);
    const alert = overview.changes.alerts.find((item) => item.name === DEMO_TRUTHS.worsening.touchpoint);
    expect(alert?.status).toBe("WORSENED");
    expect(alert!.delta!).toBeGreaterThanOrEqual(DEMO_TRUTHS.worsening.minJumpPoints);
    expect(alert!.p!).toBeLessThan(0.05);
  });

  it("the planted stage is flagged inconsistent, naming its lagging and leading channel, and no other stage is", async () => {
    const map = (await getMapForAnalysis(ctx, DEMO_MAP_ID))!;
    const overview = await getOverview(ctx, map);
    const { stage, channels } = DEMO_TRUTHS.inconsistentStage;
    const flagged = overview.consistency.filter((item) => item.flagged);
    expect(flagged.map((item) => item.stageName)).toEqual([stage]);
    expect([flagged[0]!.worst!.channelName, flagged[0]!.best!.channelName].sort()).toEqual([...channels].sort());
  });
});
