"use server";

import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { runAction, UserError, zodFieldErrors } from "@/lib/errors";
import type { ActionResult } from "@/lib/action-result";
import { requireWorkspace, type WorkspaceContext } from "@/lib/workspace";
import {
  InterviewIdSchema,
  InterviewTargetSchema,
  VoidInterviewSchema,
  interviewSubmissionSchema,
  type CaptureJourney,
  type InterviewSubmission,
} from "@/lib/schemas/interview";
import {
  discardDraft,
  getCaptureJourney,
  restoreInterview,
  submitInterview,
  updateInterview,
  voidInterview,
  type SubmitResult,
} from "@/lib/data/interviews";

function revalidate(workspaceId: string, interviewId?: string) {
  revalidatePath(`/w/${workspaceId}/interviews`);
  if (interviewId) revalidatePath(`/w/${workspaceId}/interviews/${interviewId}`);
  revalidatePath(`/w/${workspaceId}`);
}

/** Checks the whole interview against the map the server loaded; every problem becomes a field error. */
async function checkedSubmission(
  ctx: WorkspaceContext,
  input: unknown,
  mapId: string,
  interviewId?: string,
): Promise<{ journey: CaptureJourney; data: InterviewSubmission }> {
  const journey = await getCaptureJourney(ctx, mapId, { interviewId });
  if (!journey) throw new UserError("That map was not found in this workspace.", undefined, 404);
  const parsed = interviewSubmissionSchema(journey).safeParse(input);
  if (!parsed.success) throw problemsError(parsed.error);
  return { journey, data: parsed.data };
}

function problemsError(error: z.ZodError) {
  const count = error.issues.length;
  const first = error.issues[0]?.message ?? "";
  return new UserError(count === 1 ? first : `${count} answers need attention. First: ${first}`, zodFieldErrors(error));
}

/**
 * Submits an interview recorded on an active map. Safe to retry: the same interview id
 * submitted again (a double tap, a retry after a timeout, a second tab) changes nothing.
 */
export async function submitInterviewAction(workspaceId: string, input: unknown): Promise<ActionResult<SubmitResult>> {
  const ctx = await requireWorkspace(workspaceId, "interview.record");
  const result = await runAction(InterviewTargetSchema, input, async ({ mapId }) => {
    const { journey, data } = await checkedSubmission(ctx, input, mapId);
    return submitInterview(ctx, journey, data);
  });
  if (result.ok) revalidate(workspaceId, result.data.interviewId);
  return result;
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
