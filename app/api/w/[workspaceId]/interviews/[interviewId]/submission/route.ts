// Submits a recorded interview: what the capture screen sends when the interviewer taps
// Submit. A route handler rather than a server action, so the answer is a few bytes of JSON
// and not a re-rendered page, and a retry (after a lost connection, from a second tab) is
// the same plain request. Idempotent on the interview id the device generated.
import { UserError, zodFieldErrors } from "@/lib/errors";
import { jsonError, readJsonBody, requireWorkspaceApi } from "@/lib/api";
import { InterviewTargetSchema } from "@/lib/schemas/interview";
import { after } from "next/server";
import { submitCapturedInterview } from "@/lib/data/interview-submission";
import { analysisFoldDue, foldAnalysisDeltas } from "@/lib/data/analysis-fold";

const MAX_BYTES = 512 * 1024;

export async function POST(request: Request, context: RouteContext<"/api/w/[workspaceId]/interviews/[interviewId]/submission">) {
  const { workspaceId, interviewId } = await context.params;
  const guard = await requireWorkspaceApi(workspaceId, "interview.record");
  if (guard.response) return guard.response;

  const read = await readJsonBody(request, { maxBytes: MAX_BYTES, what: "The interview", tooLarge: "The interview is too large to submit." });
  if (read.response) return read.response;
  const { body } = read;
  const target = InterviewTargetSchema.safeParse(body);
  if (!target.success) return jsonError(400, "The interview has no valid id or map.", zodFieldErrors(target.error));
  if (target.data.id !== interviewId) return jsonError(400, "The interview's id does not match the address it was sent to.");

  try {
    const result = await submitCapturedInterview(guard.ctx, body, target.data.mapId);
    if (analysisFoldDue()) after(() => foldAnalysisDeltas());
    return Response.json(result, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof UserError) return jsonError(error.status, error.message, error.fieldErrors);
    throw error;
  }
}
