import { describe, expect, it } from "vitest";
import { AuditFilterSchema, auditFilterQuery } from "@/lib/schemas/audit";

describe("the audit log's filters from the address", () => {
  it("reads who, kind, map, period and page", () => {
    expect(AuditFilterSchema.parse({ actor: "u1", kind: "members", map: "m1", from: "2026-11-01", to: "2026-11-30", page: "3" })).toEqual({
      actor: "u1",
      kind: "members",
      map: "m1",
      from: "2026-11-01",
      to: "2026-11-30",
      page: 3,
      periodError: undefined,
    });
  });

  it("leaves out what a mangled link cannot mean, rather than failing the page", () => {
    const parsed = AuditFilterSchema.parse({ actor: "x".repeat(65), kind: "everything", map: ["m1", "m2"], from: "2026-13-40", to: "yesterday", page: "1e300" });
    expect(parsed).toEqual({ actor: undefined, kind: undefined, map: "m1", from: undefined, to: undefined, page: 1, periodError: undefined });
    expect(AuditFilterSchema.parse({ actor: "a\u0000b" }).actor).toBeUndefined();
    expect(AuditFilterSchema.parse({}).page).toBe(1);
  });

  it("says so when the period ends before it starts, and leaves it out", () => {
    const parsed = AuditFilterSchema.parse({ from: "2026-12-02", to: "2026-12-01" });
    expect(parsed.from).toBeUndefined();
    expect(parsed.to).toBeUndefined();
    expect(parsed.periodError).toMatch(/ends before it starts/);
  });

  it("keeps the filters in the paging links", () => {
    expect(auditFilterQuery({ actor: "u1", kind: "design", page: 2 })).toBe("?actor=u1&kind=design&page=2");
    expect(auditFilterQuery({ map: "m1", page: 1 })).toBe("?map=m1");
    expect(auditFilterQuery({})).toBe("");
  });
});
