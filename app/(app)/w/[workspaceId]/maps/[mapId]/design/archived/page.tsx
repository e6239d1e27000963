import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireWorkspace } from "@/lib/workspace";
import { getArchived, getDesignerHeader } from "@/lib/data/designer";
import { DesignerHeader } from "@/components/designer/designer-header";
import { ArchivedView } from "@/components/designer/archived-view";

export const metadata: Metadata = { title: "Archived parts of the map" };

export default async function ArchivedPage({ params }: PageProps<"/w/[workspaceId]/maps/[mapId]/design/archived">) {
  const { workspaceId, mapId } = await params;
  const ctx = await requireWorkspace(workspaceId, "map.design");
  const header = await getDesignerHeader(ctx, mapId);
  if (!header) notFound();
  const archived = await getArchived(ctx, mapId);
  const iso = <T extends { archivedAt: Date }>(rows: T[]) => rows.map((row) => ({ ...row, archivedAt: row.archivedAt.toISOString() }));
  return (
    <>
      <DesignerHeader workspaceId={workspaceId} header={header} current="archived" />
      <ArchivedView
        workspaceId={workspaceId}
        mapId={mapId}
        readOnly={header.map.status === "ARCHIVED"}
        stages={iso(archived.stages)}
        channels={iso(archived.channels)}
        touchpoints={iso(archived.touchpoints)}
        expectations={iso(archived.expectations)}
      />
    </>
  );
}
