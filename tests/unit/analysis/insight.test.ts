import { describe, expect, it } from "vitest";
import { consistencyCells, failingBasics, touchpointAsymmetry, workingDelighters, type OverallSums } from "@/lib/analysis/insight";
import { channelConsistency } from "@/lib/analysis/consistency";

/** A row of sums as SQL returns it: per outcome, Σ overall feeling (1-6) and its count. */
function sums(missed: [number, number], met: [number, number], exceeded: [number, number]): OverallSums {
  return {
    missed_overall_n: missed[0],
    missed_overall_sum: missed[1],
    met_overall_n: met[0],
    met_overall_sum: met[1],
    exceeded_overall_n: exceeded[0],
    exceeded_overall_sum: exceeded[1],
  };
}

describe("touchpointAsymmetry: SQL sums to penalty, reward, IA and class", () => {
  it("a basic: missing hurts, exceeding earns little", () => {
    // means 20/10 = 2, 40/10 = 4, 21/5 = 4.2; penalty -2, reward 0.2; IA = (0.2 - 2) / 2.2 = -0.8181…
    const result = touchpointAsymmetry(sums([10, 20], [10, 40], [5, 21]), 0.2);
    expect(result.kind).toBe("BASIC");
    expect(result.penalty).toBeCloseTo(-2, 12);
    expect(result.reward).toBeCloseTo(0.2, 12);
    expect(result.ia).toBeCloseTo(-1.8 / 2.2, 12);
    expect(result.groups).toEqual({ missed: 10, met: 10, exceeded: 5 });
  });

  it("a delighter: exceeding lifts, missing barely hurts", () => {
    // means 3.9, 4, 5; penalty -0.1, reward 1; IA = 0.9 / 1.1
    const result = touchpointAsymmetry(sums([10, 39], [10, 40], [8, 40]), 0.2);
    expect(result.kind).toBe("DELIGHTER");
    expect(result.ia).toBeCloseTo(0.9 / 1.1, 12);
  });

  it("a group below 5 leaves it unclassified, with penalty and reward still shown", () => {
    const result = touchpointAsymmetry(sums([10, 20], [10, 40], [4, 24]), 0.2);
    expect(result.kind).toBe("UNCLASSIFIED");
    expect(result.ia).toBeNull();
    expect(result.penalty).toBeCloseTo(-2, 12);
    expect(result.reward).toBeCloseTo(2, 12);
    expect(result.groups.exceeded).toBe(4);
  });

  it("penalty and reward both 0: IA 0, a performance factor", () => {
    const result = touchpointAsymmetry(sums([5, 20], [7, 28], [6, 24]), 0.2);
    expect(result).toMatchObject({ kind: "PERFORMANCE", ia: 0, penalty: 0, reward: 0 });
  });

  it("a negative reward enters IA by its absolute value", () => {
    // means 3, 4, 3.5; penalty -1, reward -0.5; IA = (0.5 - 1) / 1.5 = -1/3
    const row = sums([5, 15], [5, 20], [6, 21]);
    const result = touchpointAsymmetry(row, 0.2);
    expect(result.reward).toBeCloseTo(-0.5, 12);
    expect(result.ia).toBeCloseTo(-1 / 3, 12);
    expect(result.kind).toBe("BASIC");
    // The map's θ decides: with θ = 0.4 the same figures are a performance factor.
    expect(touchpointAsymmetry(row, 0.4).kind).toBe("PERFORMANCE");
  });

  it("no overall feelings at all (or no row): every group empty, unclassified, nothing invented", () => {
    for (const row of [sums([0, 0], [0, 0], [0, 0]), undefined]) {
      const result = touchpointAsymmetry(row, 0.2);
      expect(result).toMatchObject({ kind: "UNCLASSIFIED", ia: null, penalty: null, reward: null });
      expect(result.means).toEqual({ missed: null, met: null, exceeded: null });
      expect(result.groups).toEqual({ missed: 0, met: 0, exceeded: 0 });
    }
  });
});

describe("consistencyCells: touchpoint counts summed into (stage, channel) cells", () => {
  it("sums every observation of a cell's touchpoints, in order of first appearance", () => {
    const cells = consistencyCells([
      { stageId: "buy", channelId: "store", n: 10, missed: 2, exceeded: 5 },
      { stageId: "buy", channelId: "web", n: 12, missed: 9, exceeded: 1 },
      { stageId: "buy", channelId: "store", n: 6, missed: 6, exceeded: 0 },
      { stageId: "pay", channelId: "store", n: 0, missed: 0, exceeded: 0 },
      { n: 3, missed: 1, exceeded: 1 },
    ]);
    expect(cells).toEqual([
      { stageId: "buy", channelId: "store", n: 16, missed: 8, exceeded: 5 },
      { stageId: "buy", channelId: "web", n: 12, missed: 9, exceeded: 1 },
      { stageId: "pay", channelId: "store", n: 0, missed: 0, exceeded: 0 },
    ]);
    // P(store) = 100 · (5 - 8) / 16 = -18.75 (not the mean of 30 and -100); P(web) = 100 · -8 / 12
    const [buy, pay] = channelConsistency(cells, { minSample: 5, threshold: 40 });
    expect(buy!.cells.map((cell) => cell.performance)).toEqual([-18.75, (100 * -8) / 12]);
    expect(buy!.spread).toBeCloseTo(-18.75 + 800 / 12, 12);
    expect(buy!.flagged).toBe(true);
    expect(buy!.worst!.channelId).toBe("web");
    expect(pay!.spread).toBeNull();
  });

  it("a cell below the minimum sample stays out of the spread", () => {
    const [stage] = channelConsistency(
      consistencyCells([
        { stageId: "s", channelId: "a", n: 30, missed: 0, exceeded: 30 },
        { stageId: "s", channelId: "b", n: 4, missed: 4, exceeded: 0 },
      ]),
      { minSample: 5 },
    );
    expect(stage!.qualifying).toBe(1);
    expect(stage!.spread).toBeNull();
    expect(stage!.flagged).toBe(false);
  });
});

describe("failing basics and working delighters", () => {
  const point = (id: string, kind: string, performance: number | null, insufficient = false) => ({
    id,
    n: insufficient ? 2 : 40,
    insufficient,
    performance: { value: performance },
    asymmetry: { kind },
  });
  const points = [
    point("basic-low", "BASIC", -30),
    point("basic-at", "BASIC", 10),
    point("basic-lower", "BASIC", -50),
    point("basic-thin", "BASIC", -80, true),
    point("delighter-high", "DELIGHTER", 40),
    point("delighter-at", "DELIGHTER", 10),
    point("delighter-low", "DELIGHTER", -5),
    point("performance", "PERFORMANCE", -90),
    point("unclassified", "UNCLASSIFIED", -90),
  ];

  it("basics below the crosshair's performance, worst first; at the crosshair is not below", () => {
    expect(failingBasics(points, 10).map((p) => p.id)).toEqual(["basic-lower", "basic-low"]);
  });

  it("delighters at or above the crosshair, best first", () => {
    expect(workingDelighters(points, 10).map((p) => p.id)).toEqual(["delighter-high", "delighter-at"]);
  });
});
