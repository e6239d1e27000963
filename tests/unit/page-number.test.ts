import { describe, expect, it } from "vitest";
import { MAX_PAGE, pageNumberOf } from "@/lib/schemas/page-number";

describe("pageNumberOf", () => {
  it("reads a whole page number", () => {
    expect(pageNumberOf("3")).toBe(3);
    expect(pageNumberOf(String(MAX_PAGE))).toBe(MAX_PAGE);
    expect(pageNumberOf(["2", "9"])).toBe(2);
  });

  it.each(["1e300", "-1", "0", "2.5", "NaN", "abc", "", "\u0000", String(MAX_PAGE + 1), "Infinity"])("opens page 1 for %j", (value) => {
    expect(pageNumberOf(value)).toBe(1);
  });

  it("opens page 1 when there is no page", () => {
    expect(pageNumberOf(undefined)).toBe(1);
  });
});
