import { describe, expect, it } from "vitest";
import { Z95 } from "@/lib/analysis/stats";
import { touchpointFigures, type TouchpointAggregate } from "@/lib/analysis/touchpoint";
import { classifyTouchpoints } from "@/lib/analysis/quadrant";
import { rankFixList } from "@/lib/analysis/fix-list";
import { asymmetryFromGroups, impactAsymmetry, type AsymmetryGroups } from "@/lib/analysis/asymmetry";
import { FEELING_SCORE, feelingDistribution, type FeelingCounts, type FeelingState } from "@/lib/analysis/feelings";
import { stageConsistency } from "@/lib/analysis/consistency";
import { changeAlert, changeWindows, trendSeries, type TrendRow } from "@/lib/analysis/trend";

// The worked example of docs/analysis.md, section 15: every number the document states.

type Outcome = "MISSED" | "MET" | "EXCEEDED";
type Observation = {
  interview: string;
  touchpoint: "T1" | "T2";
  expectation: string;
  outcome: Outcome;
  importance: number;
  feeling: FeelingState | null;
};

const INTERVIEWS: Record<string, { day: string; overall: FeelingState | null }> = {
  A: { day: "2026-03-01", overall: "LOVE" },
  B: { day: "2026-03-02", overall: "DISLIKE" },
  C: { day: "2026-03-10", overall: "LIKE_A_LOT" },
  D: { day: "2026-03-24", overall: null },
};
const N = Object.keys(INTERVIEWS).length;

const OBSERVATIONS: Observation[] = [
  { interview: "A", touchpoint: "T1", expectation: "door", outcome: "MET", importance: 3, feeling: "LIKE_A_LOT" },
  { interview: "A", touchpoint: "T1", expectation: "greeter", outcome: "EXCEEDED", importance: 4, feeling: "LOVE" },
  { interview: "B", touchpoint: "T1", expectation: "door", outcome: "MISSED", importance: 5, feeling: "HATE" },
  { interview: "B", touchpoint: "T1", expectation: "greeter", outcome: "MET", importance: 2, feeling: null },
  { interview: "C", touchpoint: "T1", expectation: "door", outcome: "MET", importance: 4, feeling: "LIKE_A_LOT" },
  { interview: "C", touchpoint: "T1", expectation: "greeter", outcome: "MISSED", importance: 3, feeling: "DISLIKE" },
  { interview: "D", touchpoint: "T1", expectation: "door", outcome: "MISSED", importance: 4, feeling: null },
  { interview: "B", touchpoint: "T2", expectation: "hours", outcome: "MET", importance: 2, feeling: "EH" },
  { interview: "C", touchpoint: "T2", expectation: "hours", outcome: "EXCEEDED", importance: 3, feeling: "LOVE" },
  { interview: "D", touchpoint: "T2", expectation: "hours", outcome: "EXCEEDED", importance: 2, feeling: "IN_LOVE" },
];

/** What the SQL layer sums for a group of observations. */
function aggregate(id: string, name: string, rows: Observation[]): TouchpointAggregate {
  const importanceOf = (outcome: Outcome) =>
    rows.filter((row) => row.outcome === outcome).reduce((sum, row) => sum + row.importance, 0);
  return {
    id,
    name,
    n: rows.length,
    interviews: new Set(rows.map((row) => row.interview)).size,
    missed: rows.filter((row) => row.outcome === "MISSED").length,
    met: rows.filter((row) => row.outcome === "MET").length,
    exceeded: rows.filter((row) => row.outcome === "EXCEEDED").length,
    importanceSum: rows.reduce((sum, row) => sum + row.importance, 0),
    importanceSumSq: rows.reduce((sum, row) => sum + row.importance * row.importance, 0),
    missedImportanceSum: importanceOf("MISSED"),
    exceededImportanceSum: importanceOf("EXCEEDED"),
  };
}

const t1Rows = OBSERVATIONS.filter((row) => row.touchpoint === "T1");
const t2Rows = OBSERVATIONS.filter((row) => row.touchpoint === "T2");
const t1Agg = aggregate("T1", "Store entrance", t1Rows);
const t2Agg = aggregate("T2", "Store locator", t2Rows);
const t1 = touchpointFigures(t1Agg, N);
const t2 = touchpointFigures(t2Agg, N);

describe("worked example: N, n and sums (step 1)", () => {
  it("counts interviews and observations", () => {
    expect(N).toBe(4);
    expect(OBSERVATIONS).toHaveLength(10);
  });

  it("sums the statistics per touchpoint", () => {
    expect(t1Agg).toMatchObject({
      n: 7,
      interviews: 4,
      missed: 3,
      met: 3,
      exceeded: 1,
      importanceSum: 25,
      importanceSumSq: 95,
      missedImportanceSum: 12,
      exceededImportanceSum: 4,
    });
    expect(t2Agg).toMatchObject({
      n: 3,
      interviews: 3,
      missed: 0,
      met: 1,
      exceeded: 2,
      importanceSum: 7,
      importanceSumSq: 17,
      missedImportanceSum: 0,
      exceededImportanceSum: 5,
    });
  });
});

describe("worked example: touchpoint figures (steps 2-7)", () => {
  it("reach", () => {
    expect(t1.reach).toBe(1);
    expect(t2.reach).toBe(0.75);
  });

  it("importance with its interval", () => {
    expect(t1.importance.mean).toBeCloseTo(25 / 7, 14);
    expect(t1.importance.sd).toBeCloseTo(Math.sqrt(40 / 42), 14);
    expect(t1.importance.upper! - t1.importance.mean!).toBeCloseTo(Z95 * Math.sqrt(20 / 147), 14);
    expect(t1.importance.lower).toBeCloseTo(2.8485, 4);
    expect(t1.importance.upper).toBeCloseTo(4.2944, 4);

    expect(t2.importance.mean).toBeCloseTo(7 / 3, 14);
    expect(t2.importance.upper! - t2.importance.mean!).toBeCloseTo(Z95 / 3, 14);
    expect(t2.importance.lower).toBeCloseTo(1.68, 4);
    expect(t2.importance.upper).toBeCloseTo(2.9867, 4);
  });

  it("performance with its (unclamped) interval", () => {
    expect(t1.performance.value).toBe(-200 / 7);
    expect(t1.performance.value).toBeCloseTo(-28.5714, 4);
    expect(t1.performance.sd).toBeCloseTo(Math.sqrt(4 / 7), 14);
    expect(t1.performance.upper! - t1.performance.value!).toBeCloseTo((200 * Z95) / 7, 11);
    expect(t1.performance.lower).toBeCloseTo(-84.5704, 4);
    expect(t1.performance.upper).toBeCloseTo(27.4275, 4);

    expect(t2.performance.value).toBe(200 / 3);
    expect(t2.performance.upper! - t2.performance.value!).toBeCloseTo((100 * Z95) / 3, 11);
    expect(t2.performance.lower).toBeCloseTo(1.3345, 4);
    expect(t2.performance.upper).toBeCloseTo(131.9988, 4);
  });

  it("miss and exceed rates with Wilson intervals", () => {
    expect(t1.missRate!.rate).toBe(3 / 7);
    expect(t1.missRate!.lower).toBeCloseTo(0.1582, 4);
    expect(t1.missRate!.upper).toBeCloseTo(0.7495, 4);
    expect(t1.exceedRate!.rate).toBe(1 / 7);
    expect(t1.exceedRate!.lower).toBeCloseTo(0.0257, 4);
    expect(t1.exceedRate!.upper).toBeCloseTo(0.5131, 4);

    expect(t2.missRate).toMatchObject({ rate: 0, lower: 0 });
    expect(t2.missRate!.upper).toBeCloseTo(0.5615, 4);
    expect(t2.exceedRate!.rate).toBe(2 / 3);
    expect(t2.exceedRate!.lower).toBeCloseTo(0.2077, 4);
    expect(t2.exceedRate!.upper).toBeCloseTo(0.9385, 4);
  });

  it("weighted pain and delight", () => {
    expect(t1.weightedPain).toBe(300);
    expect(t1.weightedDelight).toBe(100);
    expect(t2.weightedPain).toBe(0);
    expect(t2.weightedDelight).toBe(125);
  });

  it("gap", () => {
    expect(t1.gap).toBeCloseTo(200 / 7, 12);
    expect(t2.gap).toBeCloseTo(-50, 12);
  });
});

describe("worked example: quadrants and fix list (steps 8-9)", () => {
  it("falls back to the scale centre when nothing reaches the default minimum sample", () => {
    const r = classifyTouchpoints([t1, t2], { minSample: 30, mode: "data" });
    expect(r.crosshair).toEqual({
      importance: 3,
      performance: 0,
      mode: "data",
      source: "scale",
      qualifying: 0,
    });
    expect(r.points).toEqual([
      { id: "T1", quadrant: "FIX_FIRST", uncertain: true, insufficient: true },
      { id: "T2", quadrant: "OVERKILL", uncertain: false, insufficient: true },
    ]);
  });

  it("centres on the data with a minimum sample of 3", () => {
    const r = classifyTouchpoints([t1, t2], { minSample: 3, mode: "data" });
    expect(r.crosshair.source).toBe("data");
    expect(r.crosshair.qualifying).toBe(2);
    expect(r.crosshair.importance).toBeCloseTo(62 / 21, 14);
    expect(r.crosshair.performance).toBeCloseTo(400 / 21, 12);
    expect(r.points).toEqual([
      { id: "T1", quadrant: "FIX_FIRST", uncertain: true, insufficient: false },
      { id: "T2", quadrant: "OVERKILL", uncertain: true, insufficient: false },
    ]);
    const scale = classifyTouchpoints([t1, t2], { minSample: 3, mode: "scale" });
    expect(scale.points.map((p) => [p.quadrant, p.uncertain])).toEqual([
      ["FIX_FIRST", true],
      ["OVERKILL", false],
    ]);
  });

  it("ranks the fix list by weighted pain", () => {
    expect(rankFixList([t2, t1]).map((f) => f.name)).toEqual(["Store entrance", "Store locator"]);
  });
});

describe("worked example: expectations of T1 (step 10)", () => {
  const door = touchpointFigures(
    aggregate("door", "door", t1Rows.filter((row) => row.expectation === "door")),
    N,
  );
  const greeter = touchpointFigures(
    aggregate("greeter", "greeter", t1Rows.filter((row) => row.expectation === "greeter")),
    N,
  );

  it("gives the drill-down figures", () => {
    expect(door).toMatchObject({ n: 4, interviews: 4, reach: 1, weightedPain: 225, weightedDelight: 0 });
    expect(door.importance.mean).toBe(4);
    expect(door.performance.value).toBe(-50);
    expect(door.missRate!.rate).toBe(0.5);
    expect(door.missRate!.lower).toBeCloseTo(0.15, 4);
    expect(door.missRate!.upper).toBeCloseTo(0.85, 4);

    expect(greeter).toMatchObject({ n: 3, interviews: 3, reach: 0.75, weightedPain: 75, weightedDelight: 100 });
    expect(greeter.importance.mean).toBe(3);
    expect(greeter.performance.value).toBe(0);
    expect(greeter.missRate!.rate).toBe(1 / 3);
    expect(greeter.missRate!.lower).toBeCloseTo(0.0615, 4);
    expect(greeter.missRate!.upper).toBeCloseTo(0.7923, 4);
  });
});

function feelingCounts(rows: Observation[]): FeelingCounts {
  const counts: FeelingCounts = {};
  for (const row of rows) if (row.feeling) counts[row.feeling] = (counts[row.feeling] ?? 0) + 1;
  return counts;
}

describe("worked example: feelings (step 11)", () => {
  it("T1: five observations with a feeling, net +20", () => {
    const d = feelingDistribution(feelingCounts(t1Rows));
    expect(d.total).toBe(5);
    expect(d.states.map((s) => s.count)).toEqual([1, 1, 0, 2, 1, 0]);
    expect(d.states.map((s) => s.share)).toEqual([0.2, 0.2, 0, 0.4, 0.2, 0]);
    expect(d.netFeeling).toBe(20);
  });

  it("T2: EH is neutral, net +66.67", () => {
    const d = feelingDistribution(feelingCounts(t2Rows));
    expect(d.total).toBe(3);
    expect(d.netFeeling).toBeCloseTo(200 / 3, 12);
  });
});

function asymmetryGroups(rows: Observation[]): AsymmetryGroups {
  const groups: AsymmetryGroups = {
    missed: { n: 0, sum: 0 },
    met: { n: 0, sum: 0 },
    exceeded: { n: 0, sum: 0 },
  };
  for (const row of rows) {
    const overall = INTERVIEWS[row.interview]!.overall;
    if (!overall) continue;
    const group = groups[row.outcome === "MISSED" ? "missed" : row.outcome === "MET" ? "met" : "exceeded"];
    group.n += 1;
    group.sum += FEELING_SCORE[overall];
  }
  return groups;
}

describe("worked example: asymmetry (step 12)", () => {
  it("T1: groups too small, so unclassified; penalty and reward still reported", () => {
    const groups = asymmetryGroups(t1Rows);
    expect(groups).toEqual({
      missed: { n: 2, sum: 6 },
      met: { n: 3, sum: 11 },
      exceeded: { n: 1, sum: 5 },
    });
    const r = asymmetryFromGroups(groups, 0.2);
    expect(r.kind).toBe("UNCLASSIFIED");
    expect(r.ia).toBeNull();
    expect(r.penalty).toBeCloseTo(-2 / 3, 14);
    expect(r.reward).toBeCloseTo(4 / 3, 14);
    expect(r.means.met).toBeCloseTo(11 / 3, 14);
    const standalone = impactAsymmetry(r.penalty!, r.reward!, 0.2);
    expect(standalone.ia).toBeCloseTo(1 / 3, 14);
    expect(standalone.kind).toBe("DELIGHTER");
  });

  it("T2: no missed group, penalty null", () => {
    const r = asymmetryFromGroups(asymmetryGroups(t2Rows), 0.2);
    expect(r).toMatchObject({ kind: "UNCLASSIFIED", ia: null, penalty: null, reward: 2 });
  });
});

describe("worked example: channel consistency (step 13)", () => {
  const cells = [
    { stageId: "visit", channelId: "store", n: t1.n, missed: t1.missed, exceeded: t1.exceeded },
    { stageId: "visit", channelId: "web", n: t2.n, missed: t2.missed, exceeded: t2.exceeded },
  ];

  it("no cell takes part at the default minimum sample", () => {
    const r = stageConsistency("visit", cells, { minSample: 30 });
    expect(r).toMatchObject({ qualifying: 0, spread: null, flagged: false });
  });

  it("flags a spread of 2000/21 with a minimum sample of 3", () => {
    const r = stageConsistency("visit", cells, { minSample: 3 });
    expect(r.spread).toBe(2000 / 21);
    expect(r.spread).toBeCloseTo(95.2381, 4);
    expect(r.flagged).toBe(true);
    expect(r.best?.channelId).toBe("web");
    expect(r.worst?.channelId).toBe("store");
  });
});

/** First day of the week (Monday) of an ISO date, as date_trunc('week', day) gives it. */
function mondayOf(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  return new Date(date.getTime() - sinceMonday * 86_400_000).toISOString().slice(0, 10);
}

describe("worked example: weekly trend of T1 (step 14)", () => {
  it("puts a Sunday in the week that began the Monday before", () => {
    expect(mondayOf("2026-03-01")).toBe("2026-02-23");
    expect(mondayOf("2026-03-02")).toBe("2026-03-02");
    expect(mondayOf("2026-03-10")).toBe("2026-03-09");
    expect(mondayOf("2026-03-24")).toBe("2026-03-23");
  });

  it("computes n, P and miss rate per week, leaving the empty week out", () => {
    const buckets = new Map<string, TrendRow>();
    for (const row of t1Rows) {
      const start = mondayOf(INTERVIEWS[row.interview]!.day);
      const bucket = buckets.get(start) ?? { bucketStart: start, n: 0, missed: 0, exceeded: 0 };
      bucket.n += 1;
      if (row.outcome === "MISSED") bucket.missed += 1;
      if (row.outcome === "EXCEEDED") bucket.exceeded += 1;
      buckets.set(start, bucket);
    }
    expect(
      trendSeries([...buckets.values()]).map((p) => [p.bucketStart, p.n, p.performance, p.missRate]),
    ).toEqual([
      ["2026-02-23", 2, 50, 0],
      ["2026-03-02", 2, -50, 0.5],
      ["2026-03-09", 2, -50, 0.5],
      ["2026-03-23", 1, -100, 1],
    ]);
  });
});

describe("worked example: change alert (step 15)", () => {
  const windows = changeWindows({ endDate: "2026-03-31" });
  const count = (rows: Observation[], window: { start: string; end: string }) => {
    const inside = rows.filter((row) => {
      const day = INTERVIEWS[row.interview]!.day;
      return day >= window.start && day <= window.end;
    });
    return { n: inside.length, missed: inside.filter((row) => row.outcome === "MISSED").length };
  };

  it("uses the latest 28 days and the 28 before", () => {
    expect(windows.latest).toMatchObject({ start: "2026-03-04", end: "2026-03-31" });
    expect(windows.previous).toMatchObject({ start: "2026-02-04", end: "2026-03-03" });
  });

  it("T1: a large change that is not significant stays STABLE", () => {
    const latest = count(t1Rows, windows.latest);
    const previous = count(t1Rows, windows.previous);
    expect(latest).toEqual({ n: 3, missed: 2 });
    expect(previous).toEqual({ n: 4, missed: 1 });
    const r = changeAlert({ latest, previous });
    expect(r.status).toBe("STABLE");
    expect(r.delta).toBeCloseTo(125 / 3, 12);
    expect(r.z).toBeCloseTo((5 / 12) * Math.sqrt(7), 12);
    expect(r.z).toBeCloseTo(1.1024, 4);
    expect(r.p).toBeCloseTo(0.2703, 4);
  });

  it("T2: no misses in either window gives z 0, p 1", () => {
    const r = changeAlert({ latest: count(t2Rows, windows.latest), previous: count(t2Rows, windows.previous) });
    expect(r).toMatchObject({ status: "STABLE", delta: 0, z: 0, p: 1 });
  });
});
