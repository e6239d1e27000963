import type { Metadata } from "next";
import { requireWorkspace } from "@/lib/workspace";
import { listMaps } from "@/lib/data/maps";
import { can } from "@/lib/permissions";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { MapCard } from "@/components/journey/map-card";

export const metadata: Metadata = { title: "Maps" };

export default async function MapsPage({ params }: PageProps<"/w/[workspaceId]">) {
  const { workspaceId } = await params;
  const ctx = await requireWorkspace(workspaceId, "workspace.view");
  const maps = await listMaps(ctx);
  const canView = can(ctx.role, "map.view");
  return (
    <>
      <PageHeader
        title="Journey maps"
        description={
          canView
            ? "Each map is one customer journey: its stages, channels and touchpoints, and the interviews recorded on it."
            : "The maps you can record interviews on."
        }
      />
      {maps.length === 0 ? (
        <EmptyState
          title={canView ? "No journey maps yet" : "No active maps"}
          description={
            canView
              ? "A map lays out the stages and channels of one customer journey. An analyst creates the first one."
              : "An analyst has not made a map active for interviews yet."
          }
        />
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {maps.map((map) => (
            <li key={map.id}>
              <MapCard map={map} href={canView ? `/w/${workspaceId}/maps/${map.id}` : undefined} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
