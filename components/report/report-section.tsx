import type { ReactNode } from "react";

/**
 * One section of the printable report: a heading and its content, started on a new line of the
 * page and never split from its heading. Sections are listed in the report page in order; a new
 * view (failing basics, change alerts, trends) becomes one more entry there.
 */
export function ReportSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`report-${id}`} className="report-section space-y-3" data-report-section={id}>
      <h2 id={`report-${id}`} className="report-heading text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
