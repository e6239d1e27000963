import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireWorkspace } from "@/lib/workspace";
import { getDesignerHeader, listVolunteered } from "@/lib/data/designer";
import { DesignerHeader } from "@/components/designer/designer-header";
import { VolunteeredReview } from "@/components/designer/volunteered-review";

export const metadata: Metadata = { title: "Volunteered expectations" };

export default async function ReviewPage({ params }: PageProps<"/w/[workspaceId]/maps/[mapId]/design/review">) {
  const { workspaceId, mapId } = await params;
  const ctx = await requireWorkspace(workspaceId, "map.design");
  const header = await getDesignerHeader(ctx, mapId);
  if (!header) notFound();
  const volunteered = await listVolunteered(ctx, mapId);
  return (
    <>
      <DesignerHeader workspaceId={workspaceId} header={header} current="review" />
      <VolunteeredReview
        workspaceId={workspaceId}
        mapId={mapId}
        readOnly={header.map.status === "ARCHIVED"}
        items={volunteered.map((item) => ({ ...item, createdAt: item.createdAt.toISOString() }))}
      />
    </>
  );
}
