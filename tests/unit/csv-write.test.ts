import { describe, expect, it } from "vitest";
import { csvCell, csvRow, csvTitleRow } from "@/lib/csv/write";
import { describeFilter } from "@/lib/analysis/filter-summary";
import { EMPTY_FILTER } from "@/lib/schemas/analysis-filter";
import { parseCsv } from "@/tests/support/csv";

describe("csvCell", () => {
  it("quotes separators, quotes and line breaks", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
  });

  it("keeps text a spreadsheet would run as a formula as text", () => {
    expect(csvCell("=SUM(A1:A9)")).toBe("'=SUM(A1:A9)");
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2")).toBe("'-2");
    expect(csvCell("@cmd")).toBe("'@cmd");
    expect(csvCell("\t=1")).toBe("'\t=1");
    expect(csvCell('=HYPERLINK("x","y")')).toBe(`"'=HYPERLINK(""x"",""y"")"`);
  });

  it("writes numbers as numbers, negative ones too, and empties for nothing", () => {
    expect(csvCell(-35.5)).toBe("-35.5");
    expect(csvCell(0)).toBe("0");
    expect(csvCell(Number.NaN)).toBe("");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(true)).toBe("yes");
  });

  it("rows end in CRLF and read back cell for cell", () => {
    const values = ["a", 'b "c"', "d,e", "f\r\ng", -1, null];
    const line = csvRow(values);
    expect(line.endsWith("\r\n")).toBe(true);
    expect(parseCsv(line)).toEqual([["a", 'b "c"', "d,e", "f\r\ng", "-1", ""]]);
    expect(parseCsv(csvTitleRow("Fix list", "stage Buy"))).toEqual([["Fix list. Filter: stage Buy"]]);
  });
});

describe("describeFilter", () => {
  const options = {
    stages: [{ id: "s1", name: "Buy" }],
    channels: [{ id: "c1", name: "Web" }],
    segments: ["Students"],
    attributes: [{ id: "f1", name: "Lifestyle", options: [{ id: "o1", value: "Busy" }, { id: "o2", value: "Relaxed" }] }],
    interviewers: [{ id: "u1", name: "Ana" }],
  };

  it("says all interviews when nothing is restricted", () => {
    expect(describeFilter(EMPTY_FILTER, options)).toBe("all interviews");
  });

  it("names every restriction, ids by their names", () => {
    expect(
      describeFilter(
        { ...EMPTY_FILTER, from: "2026-01-01", to: "2026-03-31", stage: ["s1"], channel: ["c1"], lifecycle: ["NEW"], tier: ["HIGH", "LOW"], segment: ["Students"], attr: ["o1", "o2"], interviewer: ["u1"], mot: true },
        options,
      ),
    ).toBe(
      "period 2026-01-01 to 2026-03-31; stage Buy; channel Web; lifecycle stage New; value tier High, Low; segment Students; Lifestyle Busy, Relaxed; interviewer Ana; moments of truth only",
    );
  });

  it("calls an id it cannot name unknown", () => {
    expect(describeFilter({ ...EMPTY_FILTER, to: "2026-02-01", stage: ["zz"], attr: ["zz"], interviewer: ["zz"] }, options)).toBe(
      "period up to 2026-02-01; stage unknown; attribute unknown; interviewer unknown",
    );
  });
});
