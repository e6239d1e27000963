// Submits a recorded interview: what the capture screen sends when the interviewer taps
// Submit. A route handler rather than a server action, so the answer is a few bytes of JSON
// and not a re-rendered page, and a retry (after a lost connection, from a second tab) is
// the same plain request. Idempotent on the interview id the device generated.
import { after } from "next/server";
import { UserError } from "@/lib/errors";
import { workspaceRoute } from "@/lib/api";
import { InterviewTargetSchema } from "@/lib/schemas/interview";
import { submitCapturedInterview } from "@/lib/data/interview-submission";
import { analysisFoldDue, foldAnalysisDeltas } from "@/lib/data/analysis-fold";

export const POST = workspaceRoute({
  permission: "interview.record",
  params: ["interviewId"],
  body: { maxBytes: 512 * 1024, what: "The interview", tooLarge: "The interview is too large to submit." },
  // Only the id and the map here: the whole interview is checked against that map's journey.
  schema: InterviewTargetSchema,
  invalid: "The interview has no valid id or map.",
  run: async (ctx, target, { params, input }) => {
    if (target.id !== params.interviewId) throw new UserError("The interview's id does not match the address it was sent to.");
    const result = await submitCapturedInterview(ctx, input, target.mapId);
    if (analysisFoldDue()) after(() => foldAnalysisDeltas());
    return result;
  },
});
