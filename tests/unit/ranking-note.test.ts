import { describe, expect, it } from "vitest";
import { rankingNote } from "@/components/matrix/ranking-note";

const point = (name: string, quadrant: "FIX_FIRST" | "KEEP_UP" | "BACK_BURNER" | "OVERKILL" | null, reach: number, insufficient = false) => ({
  name,
  quadrant,
  reach,
  insufficient,
});

describe("rankingNote", () => {
  it("explains that the order is weighted pain and what reach does to it", () => {
    const note = rankingNote([point("A", "FIX_FIRST", 0.9), point("B", "KEEP_UP", 0.8)]);
    expect(note).toMatch(/^The list is ranked by weighted pain, not by quadrant/);
    expect(note).toContain("a touchpoint few customers reach ranks lower than its quadrant suggests");
    expect(note).not.toContain("Here,");
  });

  it("names the lowest-ranked 'Concentrate here' touchpoint that a touchpoint of another quadrant outranks", () => {
    const note = rankingNote([
      point("Checkout queue", "FIX_FIRST", 0.9),
      point("Payment at the till", "KEEP_UP", 0.95),
      point("Parking", "FIX_FIRST", 0.3),
      point("Returns desk", "BACK_BURNER", 0.4),
      point("Too few", "FIX_FIRST", 0.01, true),
      point("Customer service line", "FIX_FIRST", 0.12),
    ]);
    expect(note).toContain('Here, Customer service line is in "Concentrate here" but 6th in the list: 12% of the customers interviewed went through it.');
  });
});
