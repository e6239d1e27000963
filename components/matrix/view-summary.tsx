import type { ReactNode } from "react";
import { pluralForm } from "@/lib/plural";
import { cn } from "@/components/ui/cn";

// What every analysis view says under its filter bar: which parts of the link it could not
// read, and how many interviews (and observations) the view covers.

/** The notice for parts of the page's link the filter could not read (left out, never a 500). */
export function LinkProblems({ problems, className, hideInPrint = false }: { problems: string[]; className?: string; hideInPrint?: boolean }) {
  if (problems.length === 0) return null;
  return (
    <p role="status" className={cn("rounded-md border border-danger bg-danger-subtle p-3 text-sm", className)} {...(hideInPrint ? { "data-print": "hide" } : {})}>
      Part of this link could not be read and was left out ({problems.join("; ")}).
    </p>
  );
}

/** "N interviews and M observations in this view (filtered)." and what the view adds after it. */
export function ViewCounts({
  interviews,
  observations,
  filtered,
  className,
  children,
}: {
  interviews: number;
  /** Left out where the view counts interviews only. */
  observations?: number;
  filtered: boolean;
  className?: string;
  children?: ReactNode;
}) {
  return (
    <p className={className} data-testid="filter-counts">
      <strong>{interviews.toLocaleString("en")}</strong> {pluralForm(interviews, "interview")}
      {observations !== undefined && (
        <>
          {" "}and <strong>{observations.toLocaleString("en")}</strong> {pluralForm(observations, "observation")}
        </>
      )}{" "}
      in this view{filtered ? " (filtered)" : ""}.{children ? <> {children}</> : null}
    </p>
  );
}
