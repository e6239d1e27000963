import { buttonClasses } from "@/components/ui/button";

const ITEMS: { kind: string; label: string; hint: string }[] = [
  { kind: "fix-list.csv", label: "Fix list (CSV)", hint: "the ranked list as on screen" },
  { kind: "matrix.csv", label: "Matrix figures (CSV)", hint: "every figure of every touchpoint" },
  { kind: "matrix.json", label: "Matrix figures (JSON)", hint: "the same, for programs" },
  { kind: "observations.csv", label: "Observations, one row each (CSV)", hint: "long layout" },
  { kind: "observations-wide.csv", label: "Observations, one row per interview (CSV)", hint: "wide layout, as survey tools export" },
  { kind: "observations.json", label: "Observations (JSON)", hint: "one observation per line" },
];

/**
 * The matrix page's downloads, under the filter and crosshairs of the view. Plain links to the
 * export route (a file download, not a page), in a disclosure that works before any script.
 */
export function ExportMenu({ base, query }: { base: string; query: string }) {
  return (
    <details className="relative" data-print="hide" data-testid="export-menu">
      <summary className={buttonClasses("secondary", "sm", "cursor-pointer list-none [&::-webkit-details-marker]:hidden")}>Export</summary>
      <ul className="absolute right-0 z-20 mt-1 w-80 space-y-1 rounded-md border border-border bg-surface p-2 text-sm shadow-lg">
        {ITEMS.map((item) => (
          <li key={item.kind}>
            <a href={`${base}/${item.kind}${query ? `?${query}` : ""}`} download className="block rounded px-2 py-1 hover:bg-surface-muted">
              <span className="font-medium">{item.label}</span>
              <span className="block text-xs text-fg-muted">{item.hint}</span>
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
