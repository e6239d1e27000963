import { after } from "next/server";
import { apiV1Route, created, rawBody, methodNotAllowed } from "@/lib/api";
import { UserError } from "@/lib/errors";
import { API_V1_OPERATIONS } from "@/lib/schemas/api-v1";
import { listInterviewsByCursor } from "@/lib/data/interviews";
import { submitApiInterview } from "@/lib/data/api-submissions";
import { analysisFoldDue, foldAnalysisDeltas } from "@/lib/data/analysis-fold";

export const GET = apiV1Route(API_V1_OPERATIONS.listInterviews, async (ctx, { query }) => {
  const page = await listInterviewsByCursor(ctx, query);
  if (!page) throw new UserError("cursor is not an interview of this list: pass the nextCursor of the page before.", { cursor: ["Not a cursor of this list."] });
  return {
    interviews: page.rows.map(({ canEdit: _canEdit, editUntil: _editUntil, own: _own, ...row }) => row),
    nextCursor: page.nextCursor,
  };
});

export const POST = apiV1Route(API_V1_OPERATIONS.submitInterview, async (ctx, call) => {
  const { status, ...result } = await submitApiInterview(ctx, rawBody(call), call.body);
  if (analysisFoldDue()) after(() => foldAnalysisDeltas());
  return created(result, status);
});

const unsupported = methodNotAllowed("GET", "POST");
export { unsupported as PUT, unsupported as PATCH, unsupported as DELETE };
