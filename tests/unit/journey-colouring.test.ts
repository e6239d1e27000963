import { describe, expect, it } from "vitest";
import type { MatrixPoint } from "@/lib/types/analysis";
import { journeyHighlights, parseColourMode, PERFORMANCE_BAND } from "@/components/journey/colouring";

function point(id: string, fields: { n: number; p: number | null; i?: number; reach?: number; quadrant?: MatrixPoint["quadrant"]; uncertain?: boolean; insufficient?: boolean }): MatrixPoint {
  return {
    id,
    name: id,
    n: fields.n,
    reach: fields.reach ?? 0.5,
    performance: { value: fields.p, sd: null, lower: null, upper: null },
    importance: { mean: fields.i ?? 3.5, sd: null, lower: null, upper: null },
    quadrant: fields.quadrant ?? null,
    uncertain: fields.uncertain ?? false,
    insufficient: fields.insufficient ?? false,
  } as unknown as MatrixPoint;
}

describe("journey colouring", () => {
  it("reads the colour mode from the URL, performance by default", () => {
    expect(parseColourMode(undefined)).toBe("performance");
    expect(parseColourMode("quadrant")).toBe("quadrant");
    expect(parseColourMode("none")).toBe("none");
    expect(parseColourMode("rainbow")).toBe("performance");
    expect(parseColourMode(["quadrant", "none"])).toBe("performance");
  });

  it("bands performance at ±10 points, the band's edges counting as meets", () => {
    expect(PERFORMANCE_BAND).toBe(10);
    const points = [
      point("a", { n: 40, p: -10.01 }),
      point("b", { n: 40, p: -10 }),
      point("c", { n: 40, p: 10 }),
      point("d", { n: 40, p: 10.01 }),
    ];
    const highlights = journeyHighlights(["a", "b", "c", "d"], points, "performance", 30);
    expect(Object.fromEntries(Object.entries(highlights).map(([id, h]) => [id, [h.tone, h.label]]))).toEqual({
      a: ["missed", "Falls short"],
      b: ["met", "Meets"],
      c: ["met", "Meets"],
      d: ["exceeded", "Exceeds"],
    });
    expect(highlights.a!.n).toBe(40);
    expect(highlights.a!.figures).toEqual([
      { label: "reach", value: "50%" },
      { label: "P", value: "−10" },
    ]);
  });

  it("colours by quadrant, marking the uncertain ones, with importance on the card", () => {
    const highlights = journeyHighlights(
      ["a", "b"],
      [point("a", { n: 50, p: -30, i: 4.24, quadrant: "FIX_FIRST" }), point("b", { n: 50, p: 20, quadrant: "OVERKILL", uncertain: true })],
      "quadrant",
      30,
    );
    expect(highlights.a).toMatchObject({ tone: "fix-first", label: "Concentrate here", n: 50 });
    expect(highlights.a!.figures).toContainEqual({ label: "I", value: "4.2" });
    expect(highlights.b).toMatchObject({ tone: "overkill", label: "Possible overkill (uncertain)" });
  });

  it("leaves grey what cannot be judged: outside the filter, no observations, below the minimum sample", () => {
    const highlights = journeyHighlights(
      ["outside", "empty", "few"],
      [point("empty", { n: 0, p: null }), point("few", { n: 12, p: -80, insufficient: true, quadrant: "FIX_FIRST" })],
      "quadrant",
      30,
    );
    expect(highlights.outside).toEqual({ tone: "neutral", label: "Outside the filter", n: null });
    expect(highlights.empty).toEqual({ tone: "neutral", label: "No observations in this view", n: 0 });
    expect(highlights.few).toMatchObject({ tone: "neutral", label: "Too few to judge (minimum 30)", n: 12 });
  });

  it("colours nothing when asked for no colour", () => {
    expect(journeyHighlights(["a"], [point("a", { n: 40, p: -50 })], "none", 30)).toEqual({});
  });
});
