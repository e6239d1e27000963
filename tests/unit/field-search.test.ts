import { describe, expect, it } from "vitest";
import { searchOnDevice } from "@/components/interview/field-mode";
import type { RespondentRow } from "@/lib/schemas/respondent";

function row(code: string, segment: string | null = null): RespondentRow {
  return {
    id: code.toLowerCase(),
    code,
    lifecycleStage: "NEW",
    valueTier: "UNKNOWN",
    segment,
    archived: false,
    erased: false,
    attributes: [],
    interviews: 0,
    contact: null,
    contactHidden: null,
  };
}

describe("finding a respondent among those kept on the device", () => {
  const rows = [row("R-0010", "Students"), row("R-0001", "Families"), row("X-R-0001"), row("R-00012", "students abroad")];

  it("puts the exact code first, then codes that start with the search, then any other match", () => {
    expect(searchOnDevice(rows, "r-0001").map((entry) => entry.code)).toEqual(["R-0001", "R-00012", "X-R-0001"]);
  });

  it("matches segments without regard to case, and nothing for an empty search", () => {
    expect(searchOnDevice(rows, "STUDENTS").map((entry) => entry.code)).toEqual(["R-00012", "R-0010"]);
    expect(searchOnDevice(rows, "  ")).toEqual([]);
  });

  it("shows at most as many as the server's search does", () => {
    const many = Array.from({ length: 20 }, (_, index) => row(`R-${String(index).padStart(4, "0")}`));
    expect(searchOnDevice(many, "R-")).toHaveLength(8);
  });
});
