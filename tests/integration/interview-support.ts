// Helpers shared by the interview integration tests: a map ready for recording and a
// complete submission for it, built the way the capture screen builds one.
import { testDb } from "@/tests/support/db";
import { createMapWithTouchpoints } from "@/tests/factories/map";
import type { MapStatus } from "@/lib/schemas/map";
import type { ActionResult } from "@/lib/action-result";
import type { SubmitResult } from "@/lib/data/interview-submission";
import { POST as submissionRoute } from "@/app/api/w/[workspaceId]/interviews/[interviewId]/submission/route";

export type TestMap = Awaited<ReturnType<typeof createMapWithTouchpoints>>;

export function createTestMap(workspaceId: string, input: { status?: MapStatus; interviewTarget?: number; segmentQuotas?: Record<string, number> } = {}) {
  return createMapWithTouchpoints(testDb(), { workspaceId, ...input });
}

/** A complete interview: the first touchpoint rated on both expectations, the second on one, the third not encountered. */
export function submissionFor(map: TestMap, respondentId: string, overrides: Record<string, unknown> = {}) {
  const [first, second, third] = map.touchpoints;
  return {
    id: crypto.randomUUID(),
    mapId: map.map.id,
    respondent: { kind: "existing", respondentId, code: "" },
    conductedOn: new Date().toISOString().slice(0, 10),
    mode: "IN_PERSON",
    answers: [
      {
        touchpointId: first!.id,
        skipped: false,
        ratings: [
          { expectationId: first!.expectations[0]!.id, outcome: "MISSED", importance: 5, feeling: "DISLIKE", comment: "Took ages" },
          { expectationId: first!.expectations[1]!.id, outcome: "MET", importance: 3, feeling: null, comment: "" },
        ],
        volunteered: [],
      },
      {
        touchpointId: second!.id,
        skipped: false,
        ratings: [{ expectationId: second!.expectations[0]!.id, outcome: "EXCEEDED", importance: 4, feeling: "LOVE", comment: "" }],
        volunteered: [],
      },
      { touchpointId: third!.id, skipped: true, ratings: [], volunteered: [] },
    ],
    overallFeeling: "LIKE_A_LOT",
    notes: "Regular customer",
    ...overrides,
  };
}

/** Rows written for one interview id, straight from the tables. */
export async function rowsFor(interviewId: string) {
  const [interviews, observations, audits] = await Promise.all([
    testDb().interview.count({ where: { id: interviewId } }),
    testDb().observation.count({ where: { interviewId } }),
    testDb().auditLog.count({ where: { entityType: "Interview", entityId: interviewId } }),
  ]);
  return { interviews, observations, audits };
}

/** POSTs a submission to the capture screen's route, as the browser does. */
export function postSubmission(workspaceId: string, input: unknown): Promise<Response> {
  const candidate = (input as { id?: unknown } | null)?.id;
  const interviewId = typeof candidate === "string" ? candidate : "no-id";
  const request = new Request(`http://localhost/api/w/${workspaceId}/interviews/${interviewId}/submission`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(input),
  });
  return submissionRoute(request, { params: Promise.resolve({ workspaceId, interviewId }) });
}

/** The route's answer in the shape the capture screen reads it. */
export async function submitThroughRoute(workspaceId: string, input: unknown): Promise<ActionResult<SubmitResult>> {
  const response = await postSubmission(workspaceId, input);
  const body = await response.json();
  if (response.ok) return { ok: true, data: body as SubmitResult };
  return { ok: false, formError: body.error, ...(body.fieldErrors ? { fieldErrors: body.fieldErrors } : {}) };
}
