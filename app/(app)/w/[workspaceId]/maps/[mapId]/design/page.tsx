import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireWorkspace } from "@/lib/workspace";
import { getDesign } from "@/lib/data/designer";
import { getJourney } from "@/lib/data/maps";
import { DesignerHeader } from "@/components/designer/designer-header";
import { Designer } from "@/components/designer/designer";
import { JourneyGrid } from "@/components/journey/journey-grid";

export const metadata: Metadata = { title: "Map designer" };

export default async function DesignPage({ params }: PageProps<"/w/[workspaceId]/maps/[mapId]/design">) {
  const { workspaceId, mapId } = await params;
  const ctx = await requireWorkspace(workspaceId, "map.design");
  const design = await getDesign(ctx, mapId);
  if (!design) notFound();
  const header = { map: design.map, volunteered: design.volunteered, archived: design.archived };
  // An archived map is read-only: show it as it is, with the way back in the status notice.
  const journey = design.map.status === "ARCHIVED" ? await getJourney(ctx, mapId) : null;
  return (
    <>
      <DesignerHeader workspaceId={workspaceId} header={header} current="grid" />
      {journey ? <JourneyGrid journey={journey} /> : <Designer workspaceId={workspaceId} design={design} />}
    </>
  );
}
