import { describe, expect, it } from "vitest";
import { ordinal, plural, pluralForm } from "@/lib/plural";

describe("plural", () => {
  it("uses the singular for exactly one and the plural otherwise", () => {
    expect(plural(1, "interview")).toBe("1 interview");
    expect(plural(0, "interview")).toBe("0 interviews");
    expect(plural(2, "observation")).toBe("2 observations");
    expect(plural(1.5, "point")).toBe("1.5 points");
  });

  it("separates thousands", () => {
    expect(plural(1204, "observation")).toBe("1,204 observations");
  });

  it("takes irregular forms", () => {
    const has = { one: "touchpoint has", other: "touchpoints have" };
    expect(plural(1, has)).toBe("1 touchpoint has");
    expect(plural(3, has)).toBe("3 touchpoints have");
    expect(pluralForm(1, { one: "is", other: "are" })).toBe("is");
    expect(pluralForm(7, { one: "is", other: "are" })).toBe("are");
  });
});

describe("ordinal", () => {
  it("follows English ordinals, teens included", () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].map(ordinal)).toEqual([
      "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "101st", "111th",
    ]);
  });
});
