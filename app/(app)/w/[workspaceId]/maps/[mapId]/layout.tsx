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
  const tabs = [
    can(ctx.role, "map.view") && { label: "Journey", href: base, exact: true, keepsFilter: true },
    can(ctx.role, "analysis.view") && { label: "Priority matrix", href: `${base}/matrix`, exact: false, keepsFilter: true },
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
