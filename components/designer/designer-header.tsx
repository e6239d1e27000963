import Link from "next/link";
import type { DesignerHeader as Header } from "@/lib/types/designer";
import { MAP_STATUS_LABELS } from "@/lib/schemas/map";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { cn } from "@/components/ui/cn";
import { MapStatusNotice } from "./map-status-notice";

export type DesignerTab = "grid" | "review" | "archived" | "settings";

/** The title, status and sub-navigation shared by the designer's pages. */
export function DesignerHeader({ workspaceId, header, current }: { workspaceId: string; header: Header; current: DesignerTab }) {
  const base = `/w/${workspaceId}/maps/${header.map.id}`;
  const tabs: { id: DesignerTab; label: string; href: string; count?: number }[] = [
    { id: "grid", label: "Grid", href: `${base}/design` },
    { id: "review", label: "Volunteered", href: `${base}/design/review`, count: header.volunteered },
    { id: "archived", label: "Archived", href: `${base}/design/archived`, count: header.archived },
    { id: "settings", label: "Settings", href: `${base}/design/settings` },
  ];
  return (
    <div className="mb-6 flex flex-col gap-4">
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            {header.map.name}
            <Badge>{MAP_STATUS_LABELS[header.map.status]}</Badge>
          </span>
        }
        description={header.map.description || undefined}
        actions={
          <Link href={base} className={buttonClasses("secondary")}>
            View journey
          </Link>
        }
      />
      <nav aria-label="Map designer" data-print="hide">
        <ul className="flex flex-wrap gap-1 border-b border-border">
          {tabs.map((tab) => (
            <li key={tab.id}>
              <Link
                href={tab.href}
                aria-current={tab.id === current ? "page" : undefined}
                className={cn(
                  "-mb-px inline-flex items-center gap-2 border-b-2 px-3 py-2 text-sm font-medium",
                  tab.id === current ? "border-brand text-brand" : "border-transparent text-fg-muted hover:border-border-strong hover:text-fg",
                )}
              >
                {tab.label}
                {tab.count !== undefined && tab.count > 0 && (
                  <span className="rounded-full bg-surface-sunken px-2 text-xs text-fg-muted">
                    {tab.count}
                    <span className="sr-only"> {tab.id === "review" ? "waiting for review" : "archived"}</span>
                  </span>
                )}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <MapStatusNotice workspaceId={workspaceId} mapId={header.map.id} status={header.map.status} />
    </div>
  );
}
