import { describe, expect, it } from "vitest";
import {
  AnalysisFilter,
  filterToSearchParams,
  hasInterviewFilter,
  parseAnalysisFilter,
  searchParamsToRecord,
} from "@/lib/schemas/analysis-filter";

describe("analysis filter in the URL", () => {
  it("reads repeated and comma-separated values, de-duplicated", () => {
    const filter = AnalysisFilter.parse({ channel: ["a", "b,c"], lifecycle: "NEW", segment: ["x", "x"], mot: "1" });
    expect(filter).toMatchObject({ channel: ["a", "b", "c"], lifecycle: ["NEW"], segment: ["x"], mot: true, attr: [] });
  });

  it("round-trips through search params", () => {
    const filter = AnalysisFilter.parse({ from: "2026-01-01", to: "2026-02-01", tier: ["HIGH", "LOW"], attr: "o1", mot: "true" });
    expect(AnalysisFilter.parse(searchParamsToRecord(filterToSearchParams(filter)))).toEqual(filter);
  });

  it("refuses impossible dates and reversed ranges with clear messages", () => {
    const issues = (input: unknown) => AnalysisFilter.safeParse(input).error?.issues.map((issue) => issue.message);
    expect(issues({ from: "2026-02-30" })).toEqual(["That date does not exist."]);
    expect(issues({ from: "31/01/2026" })).toEqual(["Use a date like 2026-03-31."]);
    // Regression: year 0000 passed here and made PostgreSQL fail with a 500.
    expect(issues({ to: "0000-01-01" })).toEqual(["Use a date from 1900 on."]);
    expect(issues({ from: "2026-03-01", to: "2026-02-01" })).toEqual(["The start date must be on or before the end date."]);
    expect(issues({ tier: "PLATINUM" })).toEqual(["Use one of HIGH, MEDIUM, LOW, UNKNOWN."]);
  });

  it("drops a bad parameter from a stale link and keeps the rest", () => {
    const { filter, problems } = parseAnalysisFilter({ from: "2026-13-01", segment: "Students" });
    expect(filter.from).toBeUndefined();
    expect(filter.segment).toEqual(["Students"]);
    expect(problems).toEqual(["from: That date does not exist."]);
  });

  it("knows which filters change N", () => {
    expect(hasInterviewFilter(AnalysisFilter.parse({ channel: "c", mot: "1" }))).toBe(false);
    expect(hasInterviewFilter(AnalysisFilter.parse({ interviewer: "u" }))).toBe(true);
  });
});
