"use server";

import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { foldAnalysisDeltas } from "@/lib/data/analysis-fold";
import { runAction } from "@/lib/errors";
import type { ActionResult } from "@/lib/action-result";
import { requireWorkspace } from "@/lib/workspace";
import { checkedSubmission } from "@/lib/data/interview-submission";
import { InterviewIdSchema, InterviewTargetSchema, VoidInterviewSchema } from "@/lib/schemas/interview";
import { discardDraft, restoreInterview, updateInterview, voidInterview } from "@/lib/data/interview-curation";

function revalidate(workspaceId: string, interviewId?: string) {
  after(() => foldAnalysisDeltas());
  revalidatePath(`/w/${workspaceId}/interviews`);
  if (interviewId) revalidatePath(`/w/${workspaceId}/interviews/${interviewId}`);
  revalidatePath(`/w/${workspaceId}`);
}

/** Corrects a submitted interview: the interviewer within 24 hours, analysts and admins any time. */
export async function updateInterviewAction(workspaceId: string, input: unknown): Promise<ActionResult<{ interviewId: string }>> {
  const ctx = await requireWorkspace(workspaceId, "interview.record");
  const result = await runAction(InterviewTargetSchema, input, async ({ id, mapId }) => {
    const { journey, data } = await checkedSubmission(ctx, input, mapId, id);
    return updateInterview(ctx, journey, data);
  });
  if (result.ok) revalidate(workspaceId, result.data.interviewId);
  return result;
}

export async function voidInterviewAction(workspaceId: string, input: unknown): Promise<ActionResult<{ interviewId: string }>> {
  const ctx = await requireWorkspace(workspaceId, "interview.curate");
  const result = await runAction(VoidInterviewSchema, input, (data) => voidInterview(ctx, data));
  if (result.ok) revalidate(workspaceId, result.data.interviewId);
  return result;
}

export async function restoreInterviewAction(
  workspaceId: string,
  input: unknown,
): Promise<ActionResult<{ interviewId: string; status: "SUBMITTED" | "DRAFT" }>> {
  const ctx = await requireWorkspace(workspaceId, "interview.curate");
  const result = await runAction(InterviewIdSchema, input, (data) => restoreInterview(ctx, data.interviewId));
  if (result.ok) revalidate(workspaceId, result.data.interviewId);
  return result;
}

/** An interviewer gives up their own draft (kept as void, so an analyst can bring it back). */
export async function discardDraftAction(workspaceId: string, input: unknown): Promise<ActionResult<{ interviewId: string }>> {
  const ctx = await requireWorkspace(workspaceId, "interview.record");
  const result = await runAction(InterviewIdSchema, input, (data) => discardDraft(ctx, data.interviewId));
  if (result.ok) revalidate(workspaceId, result.data.interviewId);
  return result;
}
