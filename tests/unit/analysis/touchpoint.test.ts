import { describe, expect, it } from "vitest";
import { Z95 } from "@/lib/analysis/stats";
import {
  gapScore,
  performanceInterval,
  performanceValue,
  touchpointFigures,
  touchpointFiguresList,
  type TouchpointAggregate,
} from "@/lib/analysis/touchpoint";

/** Fails when any number anywhere in the value is NaN or infinite. */
function expectNoNaN(value: unknown, path = "root"): void {
  if (typeof value === "number") {
    expect(Number.isFinite(value), `${path} = ${value}`).toBe(true);
  } else if (value && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) expectNoNaN(child, `${path}.${key}`);
  }
}

function aggregate(overrides: Partial<TouchpointAggregate>): TouchpointAggregate {
  return {
    id: "t",
    name: "Touchpoint",
    n: 0,
    interviews: 0,
    missed: 0,
    met: 0,
    exceeded: 0,
    importanceSum: 0,
    importanceSumSq: 0,
    missedImportanceSum: 0,
    exceededImportanceSum: 0,
    ...overrides,
  };
}

/*
 * Worked example, 10 observations from 8 of the N = 40 interviews in the filter:
 *   missed   (3): importance 5, 4, 4       Σ = 13, Σ² = 25 + 16 + 16 = 57
 *   met      (5): importance 3, 3, 2, 4, 3 Σ = 15, Σ² = 9 + 9 + 4 + 16 + 9 = 47
 *   exceeded (2): importance 4, 5          Σ = 9,  Σ² = 16 + 25 = 41
 *   importanceSum = 37, importanceSumSq = 145
 */
const worked = aggregate({
  id: "door",
  name: "Door opens easily",
  n: 10,
  interviews: 8,
  missed: 3,
  met: 5,
  exceeded: 2,
  importanceSum: 37,
  importanceSumSq: 145,
  missedImportanceSum: 13,
  exceededImportanceSum: 9,
});

describe("touchpointFigures: worked example", () => {
  const f = touchpointFigures(worked, 40);

  it("computes reach = interviews / N", () => {
    // 8 / 40 = 0.2
    expect(f.reach).toBe(0.2);
  });

  it("computes importance with its interval", () => {
    // I = 37 / 10 = 3.7
    // s² = (10 × 145 - 37²) / (10 × 9) = (1450 - 1369) / 90 = 81 / 90 = 0.9
    // s = √0.9 = 0.9486832980505138
    // half = z s / √10 = z √(0.9 / 10) = z × 0.3 = 0.5879891953620162
    // CI = [3.1120108046379838, 4.2879891953620162]
    expect(f.importance.mean).toBeCloseTo(3.7, 15);
    expect(f.importance.sd).toBeCloseTo(0.9486832980505138, 15);
    expect(f.importance.lower).toBeCloseTo(3.1120108046379838, 14);
    expect(f.importance.upper).toBeCloseTo(4.2879891953620162, 14);
  });

  it("computes performance with its interval", () => {
    // scores: -1 × 3, 0 × 5, +1 × 2 → Σ = 2 - 3 = -1, Σ² = 2 + 3 = 5
    // P = 100 × (-1) / 10 = -10
    // s² = (10 × 5 - (-1)²) / 90 = 49 / 90, s = 7 / √90 = 0.737864787372621844
    // half = 100 z s / √10 = 100 z × 7 / 30 = 45.732492972601260
    // CI = [-55.732492972601260, 35.732492972601260]
    expect(f.performance.value).toBe(-10);
    expect(f.performance.sd).toBeCloseTo(0.737864787372621844, 15);
    expect(f.performance.lower).toBeCloseTo(-55.73249297260126, 11);
    expect(f.performance.upper).toBeCloseTo(35.73249297260126, 11);
    expect(f.performance.upper! - f.performance.value!).toBeCloseTo((100 * Z95 * 7) / 30, 11);
  });

  it("computes miss and exceed rates with Wilson intervals", () => {
    // miss 3/10: [0.10779126740630103392, 0.60322185253885464789] (see stats tests)
    expect(f.missRate!.rate).toBe(0.3);
    expect(f.missRate!.lower).toBeCloseTo(0.10779126740630103392, 15);
    expect(f.missRate!.upper).toBeCloseTo(0.60322185253885464789, 15);
    // exceed 2/10: centre = (0.2 + 0.19207294103470625) / 1.3841458820694125
    //   = 0.28325983995886676136, half = 0.2265776885044914986
    expect(f.exceedRate!.rate).toBe(0.2);
    expect(f.exceedRate!.lower).toBeCloseTo(0.056682151454375262761, 15);
    expect(f.exceedRate!.upper).toBeCloseTo(0.50983752846335825995, 15);
  });

  it("computes weighted pain and delight per 100 interviews", () => {
    // pain = 100 × 13 / 40 = 32.5; delight = 100 × 9 / 40 = 22.5
    expect(f.weightedPain).toBe(32.5);
    expect(f.weightedDelight).toBe(22.5);
  });

  it("computes the gap", () => {
    // I' = (3.7 - 1) / 4 × 100 = 67.5; P' = (-10 + 100) / 2 = 45; gap = 22.5
    expect(f.gap).toBeCloseTo(22.5, 12);
  });

  it("copies counts and identity", () => {
    expect(f).toMatchObject({
      id: "door",
      name: "Door opens easily",
      n: 10,
      interviews: 8,
      missed: 3,
      met: 5,
      exceeded: 2,
    });
  });
});

describe("touchpointFigures: edge cases", () => {
  it("leaves intervals undefined for one observation", () => {
    // one MET observation of importance 4, in 1 of 5 interviews
    const f = touchpointFigures(
      aggregate({ n: 1, interviews: 1, met: 1, importanceSum: 4, importanceSumSq: 16 }),
      5,
    );
    expect(f.importance).toEqual({ mean: 4, sd: null, lower: null, upper: null });
    expect(f.performance).toEqual({ value: 0, sd: null, lower: null, upper: null });
    // Wilson 0 of 1: [0, z²/(1 + z²)] = [0, 0.79345068562276257264]
    expect(f.missRate!.lower).toBe(0);
    expect(f.missRate!.upper).toBeCloseTo(0.79345068562276257264, 15);
    // I' = 75, P' = 50
    expect(f.gap).toBe(25);
    expectNoNaN(f);
  });

  it("gives P = 0 with a zero-width interval when all are met", () => {
    // 5 × MET, importance 3 each: Σ = 15, Σ² = 45
    const f = touchpointFigures(
      aggregate({ n: 5, interviews: 5, met: 5, importanceSum: 15, importanceSumSq: 45 }),
      10,
    );
    expect(f.performance).toEqual({ value: 0, sd: 0, lower: 0, upper: 0 });
    expect(f.weightedPain).toBe(0);
    expect(f.weightedDelight).toBe(0);
    // miss 0/5 and exceed 0/5: upper = z²/(5 + z²) = 0.43448246478317476108
    expect(f.missRate).toEqual({ rate: 0, lower: 0, upper: f.exceedRate!.upper });
    expect(f.missRate!.upper).toBeCloseTo(0.43448246478317476108, 15);
  });

  it("gives P = -100 with a zero-width interval when all are missed", () => {
    // 4 × MISSED, importance 5, 5, 4, 2: Σ = 16, Σ² = 25 + 25 + 16 + 4 = 70
    const f = touchpointFigures(
      aggregate({
        n: 4,
        interviews: 4,
        missed: 4,
        importanceSum: 16,
        importanceSumSq: 70,
        missedImportanceSum: 16,
      }),
      8,
    );
    expect(f.performance).toEqual({ value: -100, sd: 0, lower: -100, upper: -100 });
    // Wilson 4 of 4: [4 / (4 + z²), 1] = [0.51010916354540269829, 1]
    expect(f.missRate!.rate).toBe(1);
    expect(f.missRate!.upper).toBe(1);
    expect(f.missRate!.lower).toBeCloseTo(0.51010916354540269829, 15);
    // pain = 100 × 16 / 8 = 200 (more than 100 is possible: several expectations per interview)
    expect(f.weightedPain).toBe(200);
    // I = 4: I' = 75; P' = 0; gap = 75
    expect(f.gap).toBe(75);
  });

  it("gives a zero-width importance interval when importance never varies", () => {
    // 6 observations, all importance 4: Σ = 24, Σ² = 96; 6 × 96 - 24² = 0
    const f = touchpointFigures(
      aggregate({
        n: 6,
        interviews: 3,
        met: 3,
        exceeded: 3,
        importanceSum: 24,
        importanceSumSq: 96,
        exceededImportanceSum: 12,
      }),
      3,
    );
    expect(f.importance).toEqual({ mean: 4, sd: 0, lower: 4, upper: 4 });
    // P = 100 × 3 / 6 = 50; scores Σ = 3, Σ² = 3: s² = (18 - 9) / 30 = 0.3
    // half = 100 z √0.3 / √6 = 100 z √0.05 = 43.826127028829076
    expect(f.performance.value).toBe(50);
    expect(f.performance.upper!).toBeCloseTo(93.826127028829076, 11);
    expect(f.performance.lower!).toBeCloseTo(6.173872971170924, 11);
    expect(f.reach).toBe(1);
    expect(f.weightedDelight).toBe(400);
  });

  it("returns nulls, never NaN, for n = 0", () => {
    const f = touchpointFigures(aggregate({}), 12);
    expect(f.reach).toBe(0);
    expect(f.importance).toEqual({ mean: null, sd: null, lower: null, upper: null });
    expect(f.performance).toEqual({ value: null, sd: null, lower: null, upper: null });
    expect(f.missRate).toBeNull();
    expect(f.exceedRate).toBeNull();
    expect(f.weightedPain).toBe(0);
    expect(f.gap).toBeNull();
    expectNoNaN(f);
  });

  it("returns nulls, never NaN, for N = 0", () => {
    const f = touchpointFigures(aggregate({}), 0);
    expect(f.reach).toBeNull();
    expect(f.weightedPain).toBeNull();
    expect(f.weightedDelight).toBeNull();
    expectNoNaN(f);
  });

  it("copies metadata through when present and only then", () => {
    const f = touchpointFigures(
      aggregate({
        stageId: "s1",
        channelId: "c1",
        stagePosition: 2,
        channelPosition: 0,
        position: 1,
        momentOfTruth: false,
        ownerTeam: null,
      }),
      1,
    );
    expect(f).toMatchObject({
      stageId: "s1",
      channelId: "c1",
      stagePosition: 2,
      channelPosition: 0,
      position: 1,
      momentOfTruth: false,
      ownerTeam: null,
    });
    expect("stageId" in touchpointFigures(aggregate({}), 1)).toBe(false);
  });

  it("rejects inconsistent aggregates", () => {
    expect(() => touchpointFigures(aggregate({ n: 3, missed: 1, met: 1 }), 5)).toThrow(
      RangeError,
    );
    expect(() =>
      touchpointFigures(aggregate({ n: 1, met: 1, interviews: 2, importanceSum: 3 }), 5),
    ).toThrow(RangeError);
    expect(() => touchpointFigures(aggregate({}), -1)).toThrow(RangeError);
    expect(() => touchpointFigures(aggregate({}), 2.5)).toThrow(RangeError);
  });

  it("maps a list with one N", () => {
    const list = touchpointFiguresList([worked, aggregate({ id: "x" })], 40);
    expect(list.map((f) => f.id)).toEqual(["door", "x"]);
    expect(list[0]!.weightedPain).toBe(32.5);
  });
});

describe("performance helpers", () => {
  it("performanceValue = 100 (exceeded - missed) / n", () => {
    // 100 × (7 - 2) / 30 = 16.666...
    expect(performanceValue(2, 7, 30)).toBe(500 / 30);
    expect(performanceValue(0, 0, 0)).toBeNull();
  });

  it("performanceInterval matches the formula on a 5-observation example", () => {
    // outcomes: missed, met, met, exceeded, exceeded → scores -1, 0, 0, 1, 1
    // Σ = 1, Σ² = 3, mean = 0.2, s² = (5 × 3 - 1) / 20 = 0.7, s = 0.8366600265340756
    // half = 100 × z × s / √5
    //      = 100 × 1.959963984540054 × 0.8366600265340756 / 2.2360679774997897
    //      = 73.335137205651801038; P = 100 × 1 / 5 = 20
    // CI = [-53.335137205651801038, 93.335137205651801038]
    const r = performanceInterval(1, 2, 5);
    expect(r.value).toBe(20);
    expect(r.sd).toBeCloseTo(0.836660026534075547978, 15);
    expect(r.lower).toBeCloseTo(-53.335137205651801038, 11);
    expect(r.upper).toBeCloseTo(93.335137205651801038, 11);
  });

  it("does not clamp the interval to ±100", () => {
    // 2 of 3 exceeded, 1 met: P = 66.67, wide interval beyond +100
    expect(performanceInterval(0, 2, 3).upper!).toBeGreaterThan(100);
  });

  it("rejects missed + exceeded > n", () => {
    expect(() => performanceInterval(2, 2, 3)).toThrow(RangeError);
  });

  it("gapScore: I' - P'", () => {
    // I = 5 → I' = 100; P = -100 → P' = 0: gap 100 (top of the diagonal view)
    expect(gapScore(5, -100)).toBe(100);
    // I = 1, P = 100: gap -100
    expect(gapScore(1, 100)).toBe(-100);
    // I = 3 → 50; P = 0 → 50: on the diagonal
    expect(gapScore(3, 0)).toBe(0);
  });
});
