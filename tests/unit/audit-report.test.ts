import { describe, expect, it } from "vitest";
import { judgeAudit } from "@/scripts/lib/audit-report";

describe("judgeAudit", () => {
  it("fails on a high or critical advisory and names the packages", () => {
    const verdict = judgeAudit(
      JSON.stringify({
        vulnerabilities: {
          "left-pad": { severity: "critical", range: "<1.3.0" },
          "tiny-lib": { severity: "high" },
          "other-lib": { severity: "moderate" },
        },
      }),
      "",
    );
    expect(verdict.ok).toBe(false);
    expect(verdict.lines.join("\n")).toMatch(/2 production dependencies/);
    expect(verdict.lines.join("\n")).toMatch(/left-pad \(critical, <1.3.0\)/);
    expect(verdict.lines.join("\n")).not.toMatch(/other-lib/);
  });

  it("passes with only lower advisories, or none", () => {
    expect(judgeAudit(JSON.stringify({ vulnerabilities: { a: { severity: "low" } } }), "").ok).toBe(true);
    expect(judgeAudit(JSON.stringify({ vulnerabilities: {} }), "").lines[0]).toMatch(/no high or critical/);
  });

  it("passes and says so when the service gave no report", () => {
    const blocked = judgeAudit(JSON.stringify({ message: "405 Method Not Allowed", statusCode: 405 }), "");
    expect(blocked).toEqual({ ok: true, lines: [expect.stringMatching(/could not be reached \(405 Method Not Allowed\)/)] });
    expect(judgeAudit("", "getaddrinfo ENOTFOUND registry.npmjs.org").lines[0]).toMatch(/ENOTFOUND/);
  });
});
