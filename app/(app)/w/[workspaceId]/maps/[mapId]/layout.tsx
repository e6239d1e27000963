import { notFound } from "next/navigation";
import { requireWorkspace } from "@/lib/workspace";
import { getMapHeader } from "@/lib/data/maps";
import { can } from "@/lib/permissions";
import { MapTabs, type MapTab } from "@/components/matrix/map-tabs";

// Renders the map's tabs only; each page checks its own permission.
export default async function MapLayout({ children, params }: LayoutProps<"/w/[workspaceId]/maps/[mapId]">) {
  const { workspaceId, mapId } = await params;
  const ctx = await requireWorkspace(workspaceId, "workspace.view");
  const map = await getMapHeader(ctx, mapId);
  if (!map) notFound();
  const base = `/w/${workspaceId}/maps/${mapId}`;
  const analysis = can(ctx.role, "analysis.view");
  const tabs = [
    analysis && { label: "Overview", href: `${base}/overview`, exact: true },
    can(ctx.role, "map.view") && { label: "Journey", href: base, exact: true, keepsFilter: true },
    analysis && { label: "Priority matrix", href: `${base}/matrix`, exact: false, keepsFilter: true },
    analysis && { label: "Trends", href: `${base}/trends`, exact: false, keepsFilter: true },
    analysis && { label: "Basics and delighters", href: `${base}/asymmetry`, exact: true, keepsFilter: true },
    analysis && { label: "Channels", href: `${base}/consistency`, exact: true, keepsFilter: true },
    can(ctx.role, "map.design") && { label: "Design", href: `${base}/design`, exact: false },
    can(ctx.role, "data.import") && { label: "Import", href: `${base}/import`, exact: false },
  ].filter((tab): tab is MapTab => Boolean(tab));
  return (
    <>
      <p className="mb-1 text-sm text-fg-muted">{map.name}</p>
      {tabs.length > 1 && <MapTabs tabs={tabs} />}
      {children}
    </>
  );
}
