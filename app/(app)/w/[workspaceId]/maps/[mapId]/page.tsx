import type { Metadata } from "next";
import { Suspense } from "react";
import { notFound } from "next/navigation";
import { requireWorkspace, type WorkspaceContext } from "@/lib/workspace";
import { getJourney, getMapHeader } from "@/lib/data/maps";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Spinner } from "@/components/ui/spinner";
import { JourneyGrid } from "@/components/journey/journey-grid";

export const metadata: Metadata = { title: "Journey" };

// Access and existence are decided before anything streams, so a refusal is a real 404;
// the grid, which aggregates observations, streams in behind a loading state.
export default async function JourneyPage({ params }: PageProps<"/w/[workspaceId]/maps/[mapId]">) {
  const { workspaceId, mapId } = await params;
  const ctx = await requireWorkspace(workspaceId, "map.view");
  const map = await getMapHeader(ctx, mapId);
  if (!map) notFound();
  return (
    <>
      <PageHeader title={map.name} description={map.description || undefined} />
      <Suspense fallback={<Spinner label="Loading the journey" />}>
        <Journey ctx={ctx} mapId={mapId} />
      </Suspense>
    </>
  );
}

async function Journey({ ctx, mapId }: { ctx: WorkspaceContext; mapId: string }) {
  const journey = await getJourney(ctx, mapId);
  if (!journey) notFound();
  if (journey.touchpoints.length === 0) {
    return (
      <EmptyState
        title="This map has no touchpoints yet"
        description="An analyst adds stages, channels and the touchpoints where customers meet the company, then the expectations at each."
      />
    );
  }
  return (
    <>
      <p className="mb-4 text-sm text-fg-muted">
        {journey.submittedInterviews} submitted interviews. Each card shows n, the number of observations recorded at
        that touchpoint.
      </p>
      <JourneyGrid journey={journey} />
    </>
  );
}
