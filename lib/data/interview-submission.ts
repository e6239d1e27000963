import "server-only";
import type { z } from "zod";
import { UserError, zodFieldErrors } from "@/lib/errors";
import type { WorkspaceContext } from "@/lib/workspace";
import { interviewSubmissionSchema, type CaptureJourney, type InterviewSubmission } from "@/lib/schemas/interview";
import { getCaptureJourney } from "@/lib/data/interviews";

// The check every way in shares (the capture screen's route, the correction action): the
// whole interview against the map the server loaded, every problem a field error.

function problemsError(error: z.ZodError) {
  const count = error.issues.length;
  const first = error.issues[0]?.message ?? "";
  return new UserError(count === 1 ? first : `${count} answers need attention. First: ${first}`, zodFieldErrors(error));
}

/** The submission checked against its map; a UserError (404 for a map not in the workspace) otherwise. */
export async function checkedSubmission(
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
