"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

/** The views of one map (journey, matrix...), as links so that each has its own URL. */
export function MapTabs({ tabs }: { tabs: { label: string; href: string; exact: boolean }[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Map views" className="mb-4 border-b border-border" data-print="hide">
      <ul className="-mb-px flex gap-4">
        {tabs.map((tab) => {
          const current = tab.exact ? pathname === tab.href : pathname.startsWith(tab.href);
          return (
            <li key={tab.href}>
              <Link
                href={tab.href}
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
