import { describe, expect, it } from "vitest";
import {
  channelConsistency,
  DEFAULT_CONSISTENCY_THRESHOLD,
  stageConsistency,
  type ConsistencyCell,
} from "@/lib/analysis/consistency";

function cell(
  stageId: string,
  channelId: string,
  n: number,
  missed: number,
  exceeded: number,
): ConsistencyCell {
  return { stageId, channelId, n, missed, exceeded };
}

describe("stageConsistency", () => {
  it("computes P per cell, spread over qualifying cells, flag above the threshold", () => {
    // web:   100 × (6 - 10) / 40 = -10
    // store: 100 × (20 - 5) / 50 = 30
    // phone: 100 × (20 - 0) / 20 = 100, but n = 20 < 30: left out
    // spread = 30 - (-10) = 40, not > 40: not flagged
    const r = stageConsistency(
      "buy",
      [
        cell("buy", "web", 40, 10, 6),
        cell("buy", "store", 50, 5, 20),
        cell("buy", "phone", 20, 0, 20),
      ],
      { minSample: 30 },
    );
    expect(r.cells).toEqual([
      { channelId: "web", n: 40, performance: -10, included: true },
      { channelId: "store", n: 50, performance: 30, included: true },
      { channelId: "phone", n: 20, performance: 100, included: false },
    ]);
    expect(r.qualifying).toBe(2);
    expect(r.spread).toBe(40);
    expect(r.best?.channelId).toBe("store");
    expect(r.worst?.channelId).toBe("web");
    expect(r.flagged).toBe(false);
  });

  it("flags a spread above 40", () => {
    // app: 100 × (18 - 3) / 30 = 50; web: 100 × (7 - 14) / 35 = -20; spread 70 > 40
    const cells = [cell("help", "app", 30, 3, 18), cell("help", "web", 35, 14, 7)];
    const r = stageConsistency("help", cells, { minSample: 30 });
    expect(r.spread).toBe(70);
    expect(r.flagged).toBe(true);
    expect(DEFAULT_CONSISTENCY_THRESHOLD).toBe(40);
  });

  it("a spread of exactly 40 is exactly 40 and not flagged (float regression)", () => {
    // a: 100 × (3 - 20) / 30 = -56.666...; b: 100 × (0 - 29) / 30 = -96.666...
    // subtracting the rounded P's gives 40.00000000000001; exactly it is
    // 100 × ((-17) × 30 - (-29) × 30) / (30 × 30) = 100 × 360 / 900 = 40
    expect((100 * -17) / 30 - (100 * -29) / 30).not.toBe(40);
    const r = stageConsistency("s", [cell("s", "a", 30, 20, 3), cell("s", "b", 30, 29, 0)], {
      minSample: 30,
    });
    expect(r.spread).toBe(40);
    expect(r.flagged).toBe(false);
  });

  it("needs two qualifying cells for a spread", () => {
    const one = stageConsistency("s", [cell("s", "web", 40, 1, 2), cell("s", "app", 5, 0, 5)], {
      minSample: 30,
    });
    expect(one.qualifying).toBe(1);
    expect(one.spread).toBeNull();
    expect(one.flagged).toBe(false);
    expect(one.best).toEqual(one.worst);
    expect(one.best?.channelId).toBe("web");

    const none = stageConsistency("s", [cell("s", "app", 5, 0, 5)], { minSample: 30 });
    expect(none).toMatchObject({ qualifying: 0, spread: null, best: null, worst: null });
    expect(stageConsistency("s", [], { minSample: 30 }).spread).toBeNull();
  });

  it("never includes an empty cell, even with minSample 0", () => {
    const r = stageConsistency("s", [cell("s", "web", 0, 0, 0), cell("s", "app", 1, 1, 0)], {
      minSample: 0,
    });
    expect(r.cells[0]).toEqual({ channelId: "web", n: 0, performance: null, included: false });
    expect(r.qualifying).toBe(1);
  });

  it("uses a custom threshold, strictly", () => {
    // 100 × 1/2 = 50 and 100 × -1/2 = -50 → spread 100
    const cells = [cell("s", "a", 2, 0, 1), cell("s", "b", 2, 1, 0)];
    expect(stageConsistency("s", cells, { minSample: 2, threshold: 99 }).flagged).toBe(true);
    expect(stageConsistency("s", cells, { minSample: 2, threshold: 100 }).flagged).toBe(false);
  });

  it("picks the first cell on ties for best and worst", () => {
    // 100 × 3/30 = 10 and 100 × 4/40 = 10: equal P, spread 0
    const r = stageConsistency("s", [cell("s", "x", 30, 0, 3), cell("s", "y", 40, 0, 4)], {
      minSample: 30,
    });
    expect(r.spread).toBe(0);
    expect(r.best?.channelId).toBe("x");
    expect(r.worst?.channelId).toBe("x");
  });

  it("rejects impossible cells", () => {
    expect(() => stageConsistency("s", [cell("s", "x", 3, 2, 2)], { minSample: 1 })).toThrow(
      RangeError,
    );
  });
});

describe("channelConsistency", () => {
  it("groups cells by stage in order of first appearance", () => {
    const r = channelConsistency(
      [
        cell("visit", "store", 40, 4, 8), // 10
        cell("buy", "web", 40, 10, 6), // -10
        cell("visit", "web", 40, 20, 2), // -45
        cell("buy", "store", 50, 5, 20), // 30
      ],
      { minSample: 30 },
    );
    expect(r.map((s) => s.stageId)).toEqual(["visit", "buy"]);
    // visit: 10 - (-45) = 55 > 40 → flagged; buy: 40 → not flagged
    expect(r[0]).toMatchObject({ spread: 55, flagged: true });
    expect(r[1]).toMatchObject({ spread: 40, flagged: false });
    expect(r[0]!.cells.map((c) => c.channelId)).toEqual(["store", "web"]);
  });
});
