// What `npm audit --omit=dev --json` printed, judged: fail on a high or critical advisory;
// pass, saying so, when the advisory service gave no report (offline, blocked, down).

type AuditReport = {
  error?: { summary?: string };
  message?: string;
  vulnerabilities?: Record<string, { severity: string; range?: string }>;
};

export type AuditVerdict = { ok: boolean; lines: string[] };

export function judgeAudit(stdout: string, fallbackReason: string): AuditVerdict {
  let report: AuditReport | null = null;
  try {
    report = JSON.parse(stdout) as AuditReport;
  } catch {
    report = null;
  }
  if (!report || !report.vulnerabilities) {
    const reason = report?.message ?? report?.error?.summary ?? fallbackReason;
    return { ok: true, lines: [`audit:deps: the advisory service could not be reached (${reason}); dependency audit skipped.`] };
  }
  const all = Object.entries(report.vulnerabilities);
  const serious = all.filter(([, entry]) => entry.severity === "high" || entry.severity === "critical");
  if (serious.length === 0) {
    return { ok: true, lines: [`audit:deps: no high or critical advisories in production dependencies (${all.length} lower).`] };
  }
  return {
    ok: false,
    lines: [
      `audit:deps: ${serious.length} production dependencies with high or critical advisories:`,
      ...serious.map(([name, entry]) => `  ${name} (${entry.severity}${entry.range ? `, ${entry.range}` : ""})`),
      "Run `npm audit --omit=dev` for the advisories and fixes.",
    ],
  };
}
