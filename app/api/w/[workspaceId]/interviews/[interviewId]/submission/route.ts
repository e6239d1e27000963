// Submits a recorded interview: what the capture screen sends when the interviewer taps
// Submit. A route handler rather than a server action, so the answer is a few bytes of JSON
// and not a re-rendered page, and a retry (after a lost connection, from a second tab) is
// the same plain request. Idempotent on the interview id the device generated.
import { after } from "next/server";
import { UserError } from "@/lib/errors";
import { workspaceRoute } from "@/lib/api";
import { InterviewSubmissionTargetSchema } from "@/lib/schemas/interview";
import { submitCapturedInterview } from "@/lib/data/interview-submission";
import { holdQueuedInterview } from "@/lib/data/interview-capture";
import { analysisFoldDue, foldAnalysisDeltas } from "@/lib/data/analysis-fold";

export const POST = workspaceRoute({
  permission: "interview.record",
  params: ["interviewId"],
  body: { maxBytes: 512 * 1024, what: "The interview", tooLarge: "The interview is too large to submit." },
  // Only the id and the map here: the whole interview is checked against that map's journey.
  schema: InterviewSubmissionTargetSchema,
  invalid: "The interview has no valid id or map.",
  run: async (ctx, target, { params, input }) => {
    if (target.id !== params.interviewId) throw new UserError("The interview's id does not match the address it was sent to.");
    let result;
    try {
      result = await submitCapturedInterview(ctx, input, target.mapId, { fromOutbox: target.fromOutbox });
    } catch (error) {
      // Queued on a device, then the map closed: never lost, kept as a draft for an analyst.
      // (Archived touchpoints and expectations are let in by submitCapturedInterview.)
      if (!(target.fromOutbox && error instanceof UserError && error.code === "map_not_active")) throw error;
      const held = await holdQueuedInterview(ctx, input);
      if (held.alreadySubmitted) return { interviewId: target.id, alreadySubmitted: true };
      throw new UserError(
        `“${held.mapName}” was closed to interviews while this one waited. It is kept on the server as your draft, and analysts see it in the audit log.`,
        undefined,
        409,
        "held",
      );
    }
    if (analysisFoldDue()) after(() => foldAnalysisDeltas());
    return result;
  },
});
