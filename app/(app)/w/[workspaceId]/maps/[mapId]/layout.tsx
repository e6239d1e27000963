import Link from "next/link";
import { notFound } from "next/navigation";
import { requireWorkspace } from "@/lib/workspace";
import { getMapHeader } from "@/lib/data/maps";
import { can } from "@/lib/permissions";
import { countHeldDrafts } from "@/lib/data/interview-curation";
import { MapTabs, type MapTab } from "@/components/matrix/map-tabs";
import { plural } from "@/lib/plural";

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
  // Interviews sent from an outbox after the map was closed are kept as drafts: say so to whoever
  // can act on them, on every view of the map.
  const held = can(ctx.role, "interview.curate") ? await countHeldDrafts(ctx, mapId) : 0;
  return (
    <>
      <p className="mb-1 text-sm text-fg-muted">{map.name}</p>
      {tabs.length > 1 && <MapTabs tabs={tabs} />}
      {held > 0 && (
        <p role="status" data-testid="held-interviews" className="mb-4 rounded-md border border-danger bg-danger-subtle p-3 text-sm">
          {plural(held, "interview")} {held === 1 ? "was" : "were"} sent from an interviewer&apos;s device after this map was closed to
          interviews. {held === 1 ? "It is" : "They are"} kept as {held === 1 ? "a draft" : "drafts"}, out of every figure:{" "}
          {map.status === "ACTIVE" ? "the map is open again, so their interviewers can submit them" : "open the map again so that their interviewers can submit them"}, or{" "}
          <Link href={`/w/${workspaceId}/interviews?map=${mapId}&status=DRAFT`} className="font-medium text-brand underline">
            review them among the interviews
          </Link>
          .
        </p>
      )}
      {children}
    </>
  );
}
