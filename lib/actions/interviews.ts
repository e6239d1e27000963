"use server";

import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { foldAnalysisDeltas } from "@/lib/data/analysis-fold";
import type { ActionArgs, ActionResult } from "@/lib/action-result";
import { actionInput } from "@/lib/server-action";
import { workspaceAction } from "@/lib/workspace-action";
import { checkedSubmission } from "@/lib/data/interview-submission";
import { InterviewIdSchema, InterviewTargetSchema, VoidInterviewSchema } from "@/lib/schemas/interview";
import { discardDraft, restoreInterview, updateInterview, voidInterview } from "@/lib/data/interview-curation";

// After a change to an interview the analysis rollups catch up (once the answer is sent), and
// the interview lists, the interview and the maps list (progress toward targets) re-render.
function revalidateInterview(workspaceId: string) {
  return ({ interviewId }: { interviewId: string }) => {
    after(() => foldAnalysisDeltas());
    revalidatePath(`/w/${workspaceId}/interviews`);
    revalidatePath(`/w/${workspaceId}/interviews/${interviewId}`);
    revalidatePath(`/w/${workspaceId}`);
  };
}

/** Corrects a submitted interview: the interviewer within 24 hours, analysts and admins any time. */
export async function updateInterviewAction(workspaceId: string, ...args: ActionArgs): Promise<ActionResult<{ interviewId: string }>> {
  return workspaceAction(workspaceId, args, {
    permission: "interview.record",
    schema: InterviewTargetSchema,
    // The target schema only finds the map; the whole interview is checked against that map's journey.
    run: async (ctx, { id, mapId }) => {
      const { journey, data } = await checkedSubmission(ctx, actionInput(args), mapId, id);
      return updateInterview(ctx, journey, data);
    },
    revalidate: revalidateInterview(workspaceId),
  });
}

export async function voidInterviewAction(workspaceId: string, ...args: ActionArgs): Promise<ActionResult<{ interviewId: string }>> {
  return workspaceAction(workspaceId, args, {
    permission: "interview.curate",
    schema: VoidInterviewSchema,
    run: voidInterview,
    revalidate: revalidateInterview(workspaceId),
  });
}

export async function restoreInterviewAction(
  workspaceId: string,
  ...args: ActionArgs
): Promise<ActionResult<{ interviewId: string; status: "SUBMITTED" | "DRAFT" }>> {
  return workspaceAction(workspaceId, args, {
    permission: "interview.curate",
    schema: InterviewIdSchema,
    run: (ctx, data) => restoreInterview(ctx, data.interviewId),
    revalidate: revalidateInterview(workspaceId),
  });
}

/** An interviewer gives up their own draft (kept as void, so an analyst can bring it back). */
export async function discardDraftAction(workspaceId: string, ...args: ActionArgs): Promise<ActionResult<{ interviewId: string }>> {
  return workspaceAction(workspaceId, args, {
    permission: "interview.record",
    schema: InterviewIdSchema,
    run: (ctx, data) => discardDraft(ctx, data.interviewId),
    revalidate: revalidateInterview(workspaceId),
  });
}
