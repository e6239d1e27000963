import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { entityId } from "@/lib/schemas/text";
import { requireWorkspace } from "@/lib/workspace";
import { can } from "@/lib/permissions";
import { getCaptureJourney, getInterviewForCapture } from "@/lib/data/interview-capture";
import { getQuotaProgress } from "@/lib/data/maps";
import { listAttributeFields } from "@/lib/data/attribute-fields";
import { listSegments } from "@/lib/data/respondents";
import { CaptureLoader } from "@/components/interview/capture-loader";
import { DiscardDraftButton } from "@/components/interview/interview-actions";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClasses } from "@/components/ui/button";

export const metadata: Metadata = { title: "Record an interview" };

const Uuid = z.uuid();

export default async function CapturePage({ params, searchParams }: PageProps<"/w/[workspaceId]/interviews/[interviewId]/capture">) {
  const { workspaceId, interviewId } = await params;
  const ctx = await requireWorkspace(workspaceId, "interview.record");
  if (!Uuid.safeParse(interviewId).success) notFound();

  const stored = await getInterviewForCapture(ctx, interviewId);
  let mapId: string;
  if (stored) {
    // Submitted, void, or someone else's draft: there is nothing to capture here.
    if (stored.status !== "DRAFT" || stored.interviewerId !== ctx.userId) redirect(`/w/${workspaceId}/interviews/${interviewId}`);
    mapId = stored.mapId;
  } else {
    // A new capture. An id another workspace holds is not looked up (that would tell it exists):
    // saving or submitting under it is refused like any id that is not this workspace's.
    // A map id no map can have (a NUL character, too long) is not found, like any other.
    const requested = entityId.safeParse((await searchParams).map);
    if (!requested.success) notFound();
    mapId = requested.data;
  }

  const journey = await getCaptureJourney(ctx, mapId);
  if (!journey) notFound();
  if (journey.map.status !== "ACTIVE") {
    return (
      <EmptyState
        title="This map is not open for interviews"
        description={`“${journey.map.name}” is not active, so interviews cannot be recorded on it. An analyst can make it active again.`}
        action={
          <>
            <Link href={`/w/${workspaceId}/interviews`} className={buttonClasses("secondary")}>
              Back to interviews
            </Link>
            {stored ? <DiscardDraftButton workspaceId={workspaceId} interviewId={interviewId} /> : null}
          </>
        }
      />
    );
  }

  const [attributeFields, segments, quota] = await Promise.all([
    can(ctx.role, "respondent.manage") ? listAttributeFields(ctx) : Promise.resolve([]),
    listSegments(ctx),
    getQuotaProgress(ctx, [mapId]),
  ]);

  return (
    <>
      <h1 className="sr-only">Record an interview on {journey.map.name}</h1>
      <CaptureLoader
        workspaceId={workspaceId}
        userId={ctx.userId}
        purpose="record"
        interviewId={interviewId}
        journey={journey}
        server={stored ? { state: stored.state, savedAt: stored.state.savedAt } : null}
        attributeFields={attributeFields}
        segments={segments}
        quota={quota.get(mapId) ?? null}
      />
    </>
  );
}
