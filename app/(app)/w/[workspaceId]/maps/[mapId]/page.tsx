import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireWorkspace } from "@/lib/workspace";
import { getJourney } from "@/lib/data/maps";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { JourneyGrid } from "@/components/journey/journey-grid";

export const metadata: Metadata = { title: "Journey" };

export default async function JourneyPage({ params }: PageProps<"/w/[workspaceId]/maps/[mapId]">) {
  const { workspaceId, mapId } = await params;
  const ctx = await requireWorkspace(workspaceId, "map.view");
  const journey = await getJourney(ctx, mapId);
  if (!journey) notFound();
  return (
    <>
      <PageHeader
        title={journey.map.name}
        description={`${journey.submittedInterviews} submitted interviews. Each card shows n, the number of observations recorded at that touchpoint.`}
      />
      {journey.touchpoints.length === 0 ? (
        <EmptyState
          title="This map has no touchpoints yet"
          description="An analyst adds stages, channels and the touchpoints where customers meet the company, then the expectations at each."
        />
      ) : (
        <JourneyGrid journey={journey} />
      )}
    </>
  );
}
