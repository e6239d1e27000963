import { describe, expect, it } from "vitest";
import { compareFixList, rankFixList, type FixListItem } from "@/lib/analysis/fix-list";

interface Item extends FixListItem {
  id: string;
}

function item(id: string, name: string, pain: number | null, i: number | null): Item {
  return { id, name, weightedPain: pain, importance: { mean: i } };
}

describe("rankFixList", () => {
  it("ranks by weighted pain descending", () => {
    const ranked = rankFixList([
      item("a", "A", 10, 3),
      item("b", "B", 32.5, 2),
      item("c", "C", 0, 5),
      item("d", "D", 12.5, 4),
    ]);
    expect(ranked.map((x) => x.id)).toEqual(["b", "d", "a", "c"]);
  });

  it("breaks pain ties by importance descending, then by name", () => {
    // pains computed as 100 × Σ / N with N = 40: 100 × 10 / 40 = 25 for all three
    const pain = (100 * 10) / 40;
    const ranked = rankFixList([
      item("low-i", "Aardvark", pain, 3.1),
      item("high-i", "Zebra", pain, 4.2),
      item("same-i-b", "Beta", pain, 3.1),
      item("top", "Checkout", 30, 1),
    ]);
    expect(ranked.map((x) => x.id)).toEqual(["top", "high-i", "low-i", "same-i-b"]);
  });

  it("compares names with localeCompare, not code units", () => {
    // code units put "Beta" (B = 66) before "alpha" (a = 97); locale order does not
    const ranked = rankFixList([item("B", "Beta", 5, 3), item("a", "alpha", 5, 3)]);
    expect(ranked.map((x) => x.name)).toEqual(["alpha", "Beta"]);
    // accents sort with their base letter: "Écran" between "Delivery" and "Fitting"
    const accents = rankFixList([
      item("f", "Fitting", 1, 1),
      item("e", "Écran", 1, 1),
      item("d", "Delivery", 1, 1),
    ]);
    expect(accents.map((x) => x.id)).toEqual(["d", "e", "f"]);
  });

  it("is stable when all three keys tie", () => {
    const ranked = rankFixList([
      item("first", "Same", 7, 3),
      item("second", "Same", 7, 3),
      item("third", "Same", 7, 3),
    ]);
    expect(ranked.map((x) => x.id)).toEqual(["first", "second", "third"]);
  });

  it("puts null pain (N = 0) and null importance (n = 0) last", () => {
    const ranked = rankFixList([
      item("none", "A", null, null),
      item("zero", "B", 0, null),
      item("zero-i", "C", 0, 2),
      item("some", "D", 1, 2),
    ]);
    expect(ranked.map((x) => x.id)).toEqual(["some", "zero-i", "zero", "none"]);
  });

  it("does not mutate its input and keeps extra fields", () => {
    const input = [item("a", "A", 1, 1), item("b", "B", 2, 1)];
    const ranked = rankFixList(input);
    expect(input.map((x) => x.id)).toEqual(["a", "b"]);
    expect(ranked[0]).toBe(input[1]);
  });

  it("compareFixList is 0 only for a full tie", () => {
    expect(compareFixList(item("a", "X", 1, 2), item("b", "X", 1, 2))).toBe(0);
    expect(compareFixList(item("a", "X", 2, 2), item("b", "X", 1, 2))).toBeLessThan(0);
  });

  it("breaks ties among equal pain by class: a basic before a performance factor before a delighter", () => {
    // Equal pain 100 × 12 / 48 = 25 everywhere; the delighter has the higher importance, which
    // alone would put it first.
    const pain = (100 * 12) / 48;
    const classed = (id: string, kind: "BASIC" | "PERFORMANCE" | "DELIGHTER" | "UNCLASSIFIED", i: number) => ({
      ...item(id, id, pain, i),
      asymmetry: { kind },
    });
    const ranked = rankFixList([
      classed("delighter", "DELIGHTER", 4.9),
      classed("unclassified", "UNCLASSIFIED", 4.0),
      classed("performance", "PERFORMANCE", 4.5),
      classed("basic", "BASIC", 3.0),
      { ...item("more-pain", "more-pain", 26, 1), asymmetry: { kind: "DELIGHTER" as const } },
    ]);
    expect(ranked.map((x) => x.id)).toEqual(["more-pain", "basic", "performance", "unclassified", "delighter"]);
    // Without a class an item ranks as a performance factor would.
    expect(compareFixList(item("plain", "Same", pain, 3), { ...classed("perf", "PERFORMANCE", 3), name: "Same" })).toBe(0);
    expect(compareFixList(item("plain", "Same", pain, 3), { ...classed("basic", "BASIC", 3), name: "Same" })).toBeGreaterThan(0);
  });
});
