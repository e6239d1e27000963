import { describe, expect, it } from "vitest";
import {
  emotionalCurve,
  FEELING_SCORE,
  FEELING_STATES,
  feelingDistribution,
  isFeelingState,
  netFeeling,
} from "@/lib/analysis/feelings";

describe("feeling scale", () => {
  it("lists the six states in order and scores them 1..6", () => {
    expect(FEELING_STATES).toEqual(["HATE", "DISLIKE", "EH", "LIKE_A_LOT", "LOVE", "IN_LOVE"]);
    expect(FEELING_STATES.map((s) => FEELING_SCORE[s])).toEqual([1, 2, 3, 4, 5, 6]);
    expect(Object.isFrozen(FEELING_SCORE)).toBe(true);
  });

  it("recognises states", () => {
    expect(isFeelingState("LOVE")).toBe(true);
    expect(isFeelingState("love")).toBe(false);
    expect(isFeelingState(3)).toBe(false);
  });
});

describe("feelingDistribution", () => {
  it("computes shares and net feeling", () => {
    // counts 1, 2, 3, 4, 5, 5 → total 20
    // shares: 1/20 = 0.05, 2/20 = 0.1, 3/20 = 0.15, 4/20 = 0.2, 5/20 = 0.25, 0.25
    // net = 100 × ((4 + 5 + 5) - (2 + 1)) / 20 = 100 × 11 / 20 = 55
    const d = feelingDistribution({
      HATE: 1,
      DISLIKE: 2,
      EH: 3,
      LIKE_A_LOT: 4,
      LOVE: 5,
      IN_LOVE: 5,
    });
    expect(d.total).toBe(20);
    expect(d.states).toEqual([
      { state: "HATE", count: 1, share: 0.05 },
      { state: "DISLIKE", count: 2, share: 0.1 },
      { state: "EH", count: 3, share: 0.15 },
      { state: "LIKE_A_LOT", count: 4, share: 0.2 },
      { state: "LOVE", count: 5, share: 0.25 },
      { state: "IN_LOVE", count: 5, share: 0.25 },
    ]);
    expect(d.netFeeling).toBe(55);
  });

  it("treats missing states as 0 and always returns all six", () => {
    // 2 HATE, 1 LOVE: net = 100 × (1 - 2) / 3 = -33.333...
    const d = feelingDistribution({ HATE: 2, LOVE: 1 });
    expect(d.total).toBe(3);
    expect(d.states).toHaveLength(6);
    expect(d.states[2]).toEqual({ state: "EH", count: 0, share: 0 });
    expect(d.netFeeling).toBeCloseTo(-100 / 3, 13);
  });

  it("has null shares and null net feeling when nothing was recorded", () => {
    const d = feelingDistribution({});
    expect(d.total).toBe(0);
    expect(d.states.every((s) => s.share === null && s.count === 0)).toBe(true);
    expect(d.netFeeling).toBeNull();
  });

  it("rejects bad counts", () => {
    expect(() => feelingDistribution({ EH: -1 })).toThrow(RangeError);
    expect(() => netFeeling({ EH: 1.5 })).toThrow(RangeError);
  });
});

describe("netFeeling", () => {
  it("counts EH as neutral", () => {
    expect(netFeeling({ EH: 7 })).toBe(0);
    // 1 LIKE_A_LOT, 1 DISLIKE, 2 EH: 100 × (1 - 1) / 4 = 0
    expect(netFeeling({ LIKE_A_LOT: 1, DISLIKE: 1, EH: 2 })).toBe(0);
  });

  it("spans -100..+100", () => {
    expect(netFeeling({ HATE: 3, DISLIKE: 1 })).toBe(-100);
    expect(netFeeling({ LIKE_A_LOT: 1, LOVE: 1, IN_LOVE: 1 })).toBe(100);
  });

  it("is %positive - %negative", () => {
    // 3 IN_LOVE, 2 EH, 1 DISLIKE, 1 HATE (7): 100 × (3 - 2) / 7 = 14.285714285714286
    expect(netFeeling({ IN_LOVE: 3, EH: 2, DISLIKE: 1, HATE: 1 })).toBeCloseTo(100 / 7, 13);
  });

  it("is null with no feelings", () => {
    expect(netFeeling({})).toBeNull();
    expect(netFeeling({ LOVE: 0 })).toBeNull();
  });
});

describe("emotionalCurve", () => {
  const points = [
    { id: "buy-web-0", stagePosition: 2, channelPosition: 1, position: 0, netFeeling: 10 },
    { id: "visit-store-1", stagePosition: 1, channelPosition: 0, position: 1, netFeeling: null },
    { id: "visit-web-0", stagePosition: 1, channelPosition: 1, position: 0, netFeeling: -20 },
    { id: "discover-web-0", stagePosition: 0, channelPosition: 1, position: 0, netFeeling: 40 },
    { id: "visit-store-0", stagePosition: 1, channelPosition: 0, position: 0, netFeeling: 5 },
  ];

  it("orders by stage, then channel, then position, keeping points without feeling", () => {
    expect(emotionalCurve(points).map((p) => p.id)).toEqual([
      "discover-web-0",
      "visit-store-0",
      "visit-store-1",
      "visit-web-0",
      "buy-web-0",
    ]);
  });

  it("keeps input order on full ties and does not mutate", () => {
    const tied = [
      { id: "b", stagePosition: 0, channelPosition: 0, position: 0, netFeeling: 1 },
      { id: "a", stagePosition: 0, channelPosition: 0, position: 0, netFeeling: 2 },
    ];
    expect(emotionalCurve(tied).map((p) => p.id)).toEqual(["b", "a"]);
    const copy = [...points];
    emotionalCurve(points);
    expect(points).toEqual(copy);
  });
});
