import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { requireWorkspace } from "@/lib/workspace";
import { can } from "@/lib/permissions";
import { getCaptureJourney, getInterviewForCapture, withSkippedTouchpoints } from "@/lib/data/interview-capture";
import { canEditInterview } from "@/lib/data/interview-core";
import { listAttributeFields } from "@/lib/data/attribute-fields";
import { listSegments } from "@/lib/data/respondents";
import { CaptureLoader } from "@/components/interview/capture-loader";

export const metadata: Metadata = { title: "Correct an interview" };

export default async function EditInterviewPage({ params }: PageProps<"/w/[workspaceId]/interviews/[interviewId]/edit">) {
  const { workspaceId, interviewId } = await params;
  const ctx = await requireWorkspace(workspaceId, "interview.record");
  const stored = await getInterviewForCapture(ctx, interviewId);
  if (!stored) notFound();
  // Past the correction window, or not submitted: the interview's page says why.
  if (!canEditInterview(ctx, stored)) redirect(`/w/${workspaceId}/interviews/${interviewId}`);
  const journey = await getCaptureJourney(ctx, stored.mapId, { interviewId });
  if (!journey) notFound();
  const [attributeFields, segments] = await Promise.all([
    can(ctx.role, "respondent.manage") ? listAttributeFields(ctx) : Promise.resolve([]),
    listSegments(ctx),
  ]);
  const state = withSkippedTouchpoints({ ...stored.state, step: journey.touchpoints.length + 2 }, journey);
  return (
    <>
      <h1 className="sr-only">Correct the interview on {journey.map.name}</h1>
      <CaptureLoader
        workspaceId={workspaceId}
        userId={ctx.userId}
        purpose="edit"
        interviewId={interviewId}
        journey={journey}
        server={{ state, savedAt: state.savedAt }}
        attributeFields={attributeFields}
        segments={segments}
        quota={null}
      />
    </>
  );
}
