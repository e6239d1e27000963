import { describe, expect, it } from "vitest";
import {
  classifyTouchpoint,
  classifyTouchpoints,
  dataCrosshair,
  DEFAULT_MIN_SAMPLE,
  isInsufficient,
  quadrantOf,
  resolveCrosshair,
  SCALE_CROSSHAIR,
  type QuadrantPoint,
} from "@/lib/analysis/quadrant";
import { touchpointFigures } from "@/lib/analysis/touchpoint";

/** A point with explicit intervals; `half` 0 means a zero-width interval, null undefined. */
function point(
  id: string,
  n: number,
  i: number | null,
  p: number | null,
  halfI: number | null = 0.1,
  halfP: number | null = 5,
): QuadrantPoint {
  return {
    id,
    n,
    importance: {
      mean: i,
      lower: i === null || halfI === null ? null : i - halfI,
      upper: i === null || halfI === null ? null : i + halfI,
    },
    performance: {
      value: p,
      lower: p === null || halfP === null ? null : p - halfP,
      upper: p === null || halfP === null ? null : p + halfP,
    },
  };
}

describe("quadrantOf", () => {
  const c = { importance: 3, performance: 0 };
  it("assigns the four quadrants", () => {
    expect(quadrantOf(4, -20, c)).toBe("FIX_FIRST");
    expect(quadrantOf(4, 20, c)).toBe("KEEP_UP");
    expect(quadrantOf(2, -20, c)).toBe("BACK_BURNER");
    expect(quadrantOf(2, 20, c)).toBe("OVERKILL");
  });
  it("counts a value exactly on a crosshair as high", () => {
    expect(quadrantOf(3, 0, c)).toBe("KEEP_UP");
    expect(quadrantOf(3, -0.001, c)).toBe("FIX_FIRST");
    expect(quadrantOf(2.999, 0, c)).toBe("OVERKILL");
  });
});

describe("crosshairs", () => {
  // Three qualifying touchpoints (n ≥ 30) and one with n = 10 that must not count.
  const points = [
    point("a", 40, 3, -20),
    point("b", 30, 4, 10),
    point("c", 100, 5, 40),
    point("thin", 10, 1, -90),
  ];

  it("data mode: unweighted means over n ≥ minSample", () => {
    // cI = (3 + 4 + 5) / 3 = 4; cP = (-20 + 10 + 40) / 3 = 10
    // (with "thin": cI = 13 / 4 = 3.25, cP = -60 / 4 = -15, so leaving it out matters)
    expect(dataCrosshair(points, 30)).toEqual({ importance: 4, performance: 10, qualifying: 3 });
    expect(resolveCrosshair(points, { mode: "data", minSample: 30 })).toEqual({
      importance: 4,
      performance: 10,
      mode: "data",
      source: "data",
      qualifying: 3,
    });
  });

  it("data mode is unweighted (n does not weight the mean)", () => {
    // n = 1000 and n = 30: cI = (2 + 5) / 2 = 3.5, cP = (-50 + 50) / 2 = 0
    const c = dataCrosshair([point("x", 1000, 2, -50), point("y", 30, 5, 50)], 30);
    expect(c).toEqual({ importance: 3.5, performance: 0, qualifying: 2 });
  });

  it("data mode handles non-round means", () => {
    // (3.2 + 3.9 + 4.4) / 3 = 3.8333...; (-7 + 12 + 30) / 3 = 11.666...
    const c = dataCrosshair(
      [point("x", 30, 3.2, -7), point("y", 30, 3.9, 12), point("z", 30, 4.4, 30)],
      30,
    )!;
    expect(c.importance).toBeCloseTo(11.5 / 3, 14);
    expect(c.performance).toBeCloseTo(35 / 3, 14);
  });

  it("scale mode: I 3, P 0 regardless of data", () => {
    expect(SCALE_CROSSHAIR).toEqual({ importance: 3, performance: 0 });
    expect(resolveCrosshair(points, { mode: "scale", minSample: 30 })).toEqual({
      importance: 3,
      performance: 0,
      mode: "scale",
      source: "scale",
      qualifying: 3,
    });
  });

  it("data mode falls back to the scale centre when nothing qualifies", () => {
    expect(dataCrosshair([point("thin", 10, 1, -90)], 30)).toBeNull();
    expect(dataCrosshair([], 30)).toBeNull();
    expect(resolveCrosshair([point("thin", 10, 1, -90)], { mode: "data", minSample: 30 })).toEqual(
      { importance: 3, performance: 0, mode: "data", source: "scale", qualifying: 0 },
    );
  });

  it("ignores touchpoints without observations even with minSample 0", () => {
    expect(dataCrosshair([point("empty", 0, null, null), point("x", 1, 2, 10)], 0)).toEqual({
      importance: 2,
      performance: 10,
      qualifying: 1,
    });
  });

  it("rejects a negative minimum sample", () => {
    expect(() => dataCrosshair([], -1)).toThrow(RangeError);
  });
});

describe("classifyTouchpoint flags", () => {
  const c = { importance: 4, performance: 10 };

  it("is certain when both intervals exclude the crosshair", () => {
    // I 4.5 ± 0.1 = [4.4, 4.6] excludes 4; P -20 ± 5 excludes 10
    expect(classifyTouchpoint(point("x", 50, 4.5, -20), c, 30)).toEqual({
      id: "x",
      quadrant: "FIX_FIRST",
      uncertain: false,
      insufficient: false,
    });
  });

  it("is uncertain when the importance interval contains the crosshair", () => {
    // [3.8, 4.2] contains 4
    expect(classifyTouchpoint(point("x", 50, 4, -20, 0.2), c, 30).uncertain).toBe(true);
  });

  it("is uncertain when the performance interval contains the crosshair", () => {
    // [-5, 15] contains 10
    expect(classifyTouchpoint(point("x", 50, 2, 5, 0.1, 10), c, 30)).toMatchObject({
      quadrant: "BACK_BURNER",
      uncertain: true,
    });
  });

  it("treats an interval ending exactly on the crosshair as containing it", () => {
    // I interval [3.5, 4.0]: upper = 4 = cI → lower ≤ c ≤ upper
    const p = point("x", 50, 3.75, 50, 0.25);
    expect(p.importance.upper).toBe(4);
    expect(classifyTouchpoint(p, c, 30)).toMatchObject({ quadrant: "OVERKILL", uncertain: true });
  });

  it("a point exactly on the crosshair is high and, with an interval, uncertain", () => {
    expect(classifyTouchpoint(point("x", 50, 4, 10), c, 30)).toEqual({
      id: "x",
      quadrant: "KEEP_UP",
      uncertain: true,
      insufficient: false,
    });
  });

  it("a point on the crosshair with zero-width intervals is high and uncertain", () => {
    expect(classifyTouchpoint(point("x", 50, 4, 10, 0, 0), c, 30)).toMatchObject({
      quadrant: "KEEP_UP",
      uncertain: true,
    });
  });

  it("zero-width intervals away from the crosshair are certain", () => {
    expect(classifyTouchpoint(point("x", 50, 5, -100, 0, 0), c, 30).uncertain).toBe(false);
  });

  it("marks n below the minimum sample as insufficient", () => {
    expect(classifyTouchpoint(point("x", 29, 4.5, -20), c, 30)).toEqual({
      id: "x",
      quadrant: "FIX_FIRST",
      uncertain: false,
      insufficient: true,
    });
    expect(classifyTouchpoint(point("x", 30, 4.5, -20), c, 30).insufficient).toBe(false);
  });

  it("undefined interval (n = 1) is uncertain unless already insufficient", () => {
    const single = point("x", 1, 5, 100, null, null);
    expect(classifyTouchpoint(single, c, 1)).toMatchObject({
      quadrant: "KEEP_UP",
      uncertain: true,
      insufficient: false,
    });
    expect(classifyTouchpoint(single, c, 30)).toMatchObject({
      quadrant: "KEEP_UP",
      uncertain: false,
      insufficient: true,
    });
  });

  it("an insufficient point whose interval straddles a crosshair is still uncertain", () => {
    expect(classifyTouchpoint(point("x", 10, 4, -20, 0.5), c, 30)).toMatchObject({
      uncertain: true,
      insufficient: true,
    });
  });

  it("a touchpoint without observations has no quadrant", () => {
    expect(classifyTouchpoint(point("x", 0, null, null), c, 0)).toEqual({
      id: "x",
      quadrant: null,
      uncertain: false,
      insufficient: true,
    });
    expect(isInsufficient(0, 0)).toBe(true);
    expect(isInsufficient(5, 0)).toBe(false);
  });
});

describe("classifyTouchpoints", () => {
  it("classifies all touchpoints against the data-centred crosshair", () => {
    const points = [
      point("a", 40, 3, -20), // I [2.9, 3.1], P [-25, -15]
      point("b", 30, 4, 10), // on the crosshair
      point("c", 100, 5, 40), // I [4.9, 5.1], P [35, 45]
      point("thin", 10, 1, -90),
    ];
    // crosshair (4, 10), see above
    const r = classifyTouchpoints(points, { mode: "data", minSample: 30 });
    expect(r.crosshair).toMatchObject({ importance: 4, performance: 10, source: "data" });
    expect(r.points).toEqual([
      { id: "a", quadrant: "BACK_BURNER", uncertain: false, insufficient: false },
      { id: "b", quadrant: "KEEP_UP", uncertain: true, insufficient: false },
      { id: "c", quadrant: "KEEP_UP", uncertain: false, insufficient: false },
      { id: "thin", quadrant: "BACK_BURNER", uncertain: false, insufficient: true },
    ]);
  });

  it("switches to the scale centre", () => {
    const points = [point("a", 40, 3.5, -20), point("b", 40, 2.5, 10)];
    const r = classifyTouchpoints(points, { mode: "scale", minSample: 30 });
    expect(r.points.map((p) => p.quadrant)).toEqual(["FIX_FIRST", "OVERKILL"]);
  });

  it("works on real figures", () => {
    // 40 observations, 10 missed / 20 met / 10 exceeded, importance all 4 (Σ 160, Σ² 640)
    // I = 4 with zero-width interval [4, 4]; P = 0 with interval ±100 z √(20/39/40) ≈ ±22.2
    const f = touchpointFigures(
      {
        id: "t1",
        name: "Greeter at the door",
        n: 40,
        interviews: 40,
        missed: 10,
        met: 20,
        exceeded: 10,
        importanceSum: 160,
        importanceSumSq: 640,
        missedImportanceSum: 40,
        exceededImportanceSum: 40,
      },
      50,
    );
    const r = classifyTouchpoints([f], { mode: "scale", minSample: DEFAULT_MIN_SAMPLE });
    // I = 4 ≥ 3 (interval [4, 4] excludes 3); P = 0 ≥ 0 and its interval contains 0
    expect(r.points[0]).toEqual({
      id: "t1",
      quadrant: "KEEP_UP",
      uncertain: true,
      insufficient: false,
    });
    // data mode with a single qualifying touchpoint puts the crosshair on it
    const d = classifyTouchpoints([f], { mode: "data", minSample: 30 });
    expect(d.crosshair).toMatchObject({ importance: 4, performance: 0, source: "data" });
    expect(d.points[0]).toMatchObject({ quadrant: "KEEP_UP", uncertain: true });
  });
});
