import { describe, expect, it } from "vitest";
import {
  asymmetryFromGroups,
  DEFAULT_ASYMMETRY_THRESHOLD,
  impactAsymmetry,
  MIN_ASYMMETRY_GROUP,
} from "@/lib/analysis/asymmetry";

describe("impactAsymmetry", () => {
  it("classifies a basic (penalty outweighs reward)", () => {
    // IA = (0.25 - 1) / (0.25 + 1) = -0.75 / 1.25 = -0.6 < -0.2
    expect(impactAsymmetry(-1, 0.25, 0.2)).toEqual({ ia: -0.6, kind: "BASIC" });
  });

  it("classifies a delighter (reward outweighs penalty)", () => {
    // IA = (0.75 - 0.25) / (0.75 + 0.25) = 0.5 > 0.2
    expect(impactAsymmetry(-0.25, 0.75, 0.2)).toEqual({ ia: 0.5, kind: "DELIGHTER" });
  });

  it("classifies a performance factor (symmetric)", () => {
    // IA = (0.5 - 0.5) / 1 = 0
    expect(impactAsymmetry(-0.5, 0.5, 0.2)).toEqual({ ia: 0, kind: "PERFORMANCE" });
  });

  it("gives IA 0 when penalty and reward are both 0", () => {
    expect(impactAsymmetry(0, 0, 0.2)).toEqual({ ia: 0, kind: "PERFORMANCE" });
    expect(impactAsymmetry(-0, 0, 0)).toEqual({ ia: 0, kind: "PERFORMANCE" });
  });

  it("takes penalty and reward by absolute value", () => {
    // a "penalty" of +1 (missed felt better than met) weighs like -1
    expect(impactAsymmetry(1, 0.25, 0.2)).toEqual(impactAsymmetry(-1, 0.25, 0.2));
    expect(impactAsymmetry(-1, -0.25, 0.2)).toEqual(impactAsymmetry(-1, 0.25, 0.2));
  });

  it("keeps IA = ±θ in PERFORMANCE", () => {
    // (0.75 - 0.5) / 1.25 = 0.2 exactly in binary floating point
    expect(impactAsymmetry(-0.5, 0.75, 0.2)).toEqual({ ia: 0.2, kind: "PERFORMANCE" });
    expect(impactAsymmetry(-0.75, 0.5, 0.2)).toEqual({ ia: -0.2, kind: "PERFORMANCE" });
  });

  it("reaches ±1 when one side is 0", () => {
    expect(impactAsymmetry(0, 0.3, 0.2)).toEqual({ ia: 1, kind: "DELIGHTER" });
    expect(impactAsymmetry(-0.3, 0, 0.2)).toEqual({ ia: -1, kind: "BASIC" });
  });

  it("with θ = 0 any asymmetry classifies", () => {
    // (0.51 - 0.49) / 1 = 0.02
    expect(impactAsymmetry(-0.49, 0.51, 0).kind).toBe("DELIGHTER");
  });

  it("rejects a bad θ or non-finite inputs", () => {
    expect(() => impactAsymmetry(-1, 1, -0.1)).toThrow(RangeError);
    expect(() => impactAsymmetry(Number.NaN, 1, 0.2)).toThrow(RangeError);
  });
});

describe("asymmetryFromGroups", () => {
  it("derives penalty and reward from group means (basic)", () => {
    // means: missed 15/6 = 2.5, met 40/10 = 4, exceeded 22/5 = 4.4
    // penalty = 2.5 - 4 = -1.5; reward = 4.4 - 4 = 0.4
    // IA = (0.4 - 1.5) / (0.4 + 1.5) = -1.1 / 1.9 = -0.578947368421052631578947
    const r = asymmetryFromGroups(
      { missed: { n: 6, sum: 15 }, met: { n: 10, sum: 40 }, exceeded: { n: 5, sum: 22 } },
      0.2,
    );
    expect(r.kind).toBe("BASIC");
    expect(r.ia).toBeCloseTo(-0.578947368421052631578947, 14);
    expect(r.penalty).toBeCloseTo(-1.5, 15);
    expect(r.reward).toBeCloseTo(0.4, 14);
    expect(r.means).toEqual({ missed: 2.5, met: 4, exceeded: 4.4 });
  });

  it("derives a delighter", () => {
    // means: missed 19/5 = 3.8, met 32/8 = 4, exceeded 39/7 = 5.571428...
    // penalty = -0.2 = -1/5; reward = 39/7 - 4 = 11/7
    // IA = (11/7 - 1/5) / (11/7 + 1/5) = (55 - 7)/35 / ((55 + 7)/35) = 48/62 = 0.774193548387096774
    const r = asymmetryFromGroups(
      { missed: { n: 5, sum: 19 }, met: { n: 8, sum: 32 }, exceeded: { n: 7, sum: 39 } },
      0.2,
    );
    expect(r.kind).toBe("DELIGHTER");
    expect(r.ia).toBeCloseTo(0.774193548387096774, 14);
    expect(r.reward).toBeCloseTo(11 / 7, 14);
  });

  it("derives a performance factor", () => {
    // means: missed 15/5 = 3, met 20/5 = 4, exceeded 25/5 = 5 → penalty -1, reward 1, IA 0
    const r = asymmetryFromGroups({
      missed: { n: 5, sum: 15 },
      met: { n: 5, sum: 20 },
      exceeded: { n: 5, sum: 25 },
    });
    expect(r).toEqual({
      ia: 0,
      kind: "PERFORMANCE",
      penalty: -1,
      reward: 1,
      means: { missed: 3, met: 4, exceeded: 5 },
    });
  });

  it("leaves a touchpoint unclassified when any group has fewer than 5", () => {
    expect(MIN_ASYMMETRY_GROUP).toBe(5);
    for (const small of ["missed", "met", "exceeded"] as const) {
      const groups = {
        missed: { n: 5, sum: 10 },
        met: { n: 5, sum: 20 },
        exceeded: { n: 5, sum: 25 },
        [small]: { n: 4, sum: 16 },
      };
      const r = asymmetryFromGroups(groups, 0.2);
      expect(r.kind).toBe("UNCLASSIFIED");
      expect(r.ia).toBeNull();
      // penalty and reward are still shown when their groups are non-empty
      expect(r.penalty).not.toBeNull();
      expect(r.reward).not.toBeNull();
    }
  });

  it("reports null means, penalty and reward for empty groups", () => {
    const r = asymmetryFromGroups(
      { missed: { n: 0, sum: 0 }, met: { n: 12, sum: 48 }, exceeded: { n: 7, sum: 35 } },
      0.2,
    );
    expect(r).toEqual({
      ia: null,
      kind: "UNCLASSIFIED",
      penalty: null,
      reward: 1,
      means: { missed: null, met: 4, exceeded: 5 },
    });
  });

  it("defaults θ to 0.2", () => {
    expect(DEFAULT_ASYMMETRY_THRESHOLD).toBe(0.2);
    // penalty -0.5, reward 0.75 → IA 0.2: PERFORMANCE at θ 0.2, DELIGHTER at θ 0.1
    const groups = {
      missed: { n: 8, sum: 28 }, // 3.5
      met: { n: 8, sum: 32 }, // 4
      exceeded: { n: 8, sum: 38 }, // 4.75
    };
    expect(asymmetryFromGroups(groups).kind).toBe("PERFORMANCE");
    expect(asymmetryFromGroups(groups, 0.1).kind).toBe("DELIGHTER");
  });

  it("rejects bad groups", () => {
    expect(() =>
      asymmetryFromGroups({
        missed: { n: -1, sum: 0 },
        met: { n: 5, sum: 20 },
        exceeded: { n: 5, sum: 20 },
      }),
    ).toThrow(RangeError);
  });
});
