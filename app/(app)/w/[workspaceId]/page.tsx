import type { Metadata } from "next";
import Link from "next/link";
import { requireWorkspace } from "@/lib/workspace";
import { listMaps } from "@/lib/data/maps";
import { getSetupProgress } from "@/lib/data/workspace-setup";
import type { MapSummary } from "@/lib/types/maps";
import { can } from "@/lib/permissions";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClasses } from "@/components/ui/button";
import { MapCard } from "@/components/journey/map-card";
import { MapCardActions } from "@/components/designer/map-card-actions";
import { SetupChecklist } from "@/components/workspace/setup-checklist";

export const metadata: Metadata = { title: "Maps" };

export default async function MapsPage({ params }: PageProps<"/w/[workspaceId]">) {
  const { workspaceId } = await params;
  const ctx = await requireWorkspace(workspaceId, "workspace.view");
  const canView = can(ctx.role, "map.view");
  // Those who read the analysis land on the map's overview; the journey is one tab away.
  const canAnalyse = can(ctx.role, "analysis.view");
  const canDesign = can(ctx.role, "map.design");
  // Those who set the workspace up (admins, analysts) see how far along the workflow it is.
  const [maps, setup] = await Promise.all([listMaps(ctx), canDesign ? getSetupProgress(ctx) : null]);
  const canRecord = can(ctx.role, "interview.record");
  const current = maps.filter((map) => map.status !== "ARCHIVED");
  const archived = maps.filter((map) => map.status === "ARCHIVED");
  const newMap = `/w/${workspaceId}/maps/new`;

  const grid = (list: MapSummary[]) => (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {list.map((map) => {
        const record = canRecord && map.status === "ACTIVE" ? `/w/${workspaceId}/interviews/new?map=${map.id}` : undefined;
        return (
          <li key={map.id}>
            <MapCard
              map={map}
              href={canAnalyse ? `/w/${workspaceId}/maps/${map.id}/overview` : canView ? `/w/${workspaceId}/maps/${map.id}` : record}
              recordHref={record}
              actions={
                canDesign ? (
                  <MapCardActions
                    workspaceId={workspaceId}
                    map={{ id: map.id, name: map.name, description: map.description, status: map.status, hasInterviews: map.hasInterviews }}
                  />
                ) : undefined
              }
            />
          </li>
        );
      })}
    </ul>
  );

  return (
    <>
      <PageHeader
        className="mb-6"
        title="Journey maps"
        description={
          canView
            ? "Each map is one customer journey: its stages, channels and touchpoints, and the interviews recorded on it."
            : "The maps you can record interviews on."
        }
        actions={
          canDesign ? (
            <Link href={newMap} className={buttonClasses("primary")}>
              New map
            </Link>
          ) : undefined
        }
      />
      {setup && <SetupChecklist workspaceId={workspaceId} progress={setup} canInvite={can(ctx.role, "members.manage")} />}
      {maps.length === 0 ? (
        <EmptyState
          title={canView ? "No journey maps yet" : "No active maps"}
          description={
            canDesign
              ? "A map lays out the stages and channels of one customer journey. Start from a template (a retail store or a telecom service) and adapt it, or from a blank grid."
              : canView
                ? "A map lays out the stages and channels of one customer journey. An analyst creates the first one."
                : "An analyst has not made a map active for interviews yet."
          }
          action={
            canDesign ? (
              <>
                <Link href={`${newMap}?template=retail-store`} className={buttonClasses("primary")}>
                  Start from a template
                </Link>
                <Link href={`${newMap}?template=blank`} className={buttonClasses("secondary")}>
                  Blank map
                </Link>
              </>
            ) : undefined
          }
        />
      ) : (
        <>
          {current.length > 0 ? (
            grid(current)
          ) : (
            <p className="text-sm text-fg-muted">Every map is archived. {canDesign && "Create a new one, or make an archived one active again."}</p>
          )}
          {archived.length > 0 && (
            <details className="mt-8">
              <summary className="cursor-pointer text-base font-semibold">Archived maps ({archived.length})</summary>
              <div className="mt-4">{grid(archived)}</div>
            </details>
          )}
        </>
      )}
    </>
  );
}
