"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { FILTER_PARAM_KEYS } from "@/lib/schemas/analysis-filter-params";
import { cn } from "@/components/ui/cn";

export type MapTab = {
  label: string;
  href: string;
  /** Whether sub-paths (a drill-down, a designer page) count as this tab. */
  exact: boolean;
  /** Whether the analysis filter of the current view goes along (journey and matrix share it). */
  keepsFilter?: boolean;
};

/** The views of one map (overview, journey, analyses, designer), as links so that each has its own URL. */
export function MapTabs({ tabs }: { tabs: MapTab[] }) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const filter = new URLSearchParams();
  for (const key of FILTER_PARAM_KEYS) for (const value of searchParams.getAll(key)) filter.append(key, value);
  const filterQuery = filter.toString();
  return (
    <nav aria-label="Map views" className="mb-4 border-b border-border" data-print="hide">
      <ul className="-mb-px flex flex-wrap gap-x-4 gap-y-1">
        {tabs.map((tab) => {
          const current = tab.exact ? pathname === tab.href : pathname.startsWith(tab.href);
          const href = tab.keepsFilter && filterQuery ? `${tab.href}?${filterQuery}` : tab.href;
          return (
            <li key={tab.href}>
              <Link
                href={href}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "inline-block border-b-2 px-1 pb-2 text-sm font-medium",
                  current ? "border-brand text-fg" : "border-transparent text-fg-muted hover:text-fg",
                )}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
