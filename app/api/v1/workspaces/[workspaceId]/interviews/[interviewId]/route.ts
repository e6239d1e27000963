import { apiV1Route, methodNotAllowed } from "@/lib/api";
import { UserError } from "@/lib/errors";
import { API_V1_OPERATIONS } from "@/lib/schemas/api-v1";
import { getInterview } from "@/lib/data/interviews";
import { INTERVIEW_NOT_FOUND } from "@/lib/data/interview-core";

export const GET = apiV1Route(API_V1_OPERATIONS.getInterview, async (ctx, { params }) => {
  const interview = await getInterview(ctx, params.interviewId!);
  if (!interview) throw new UserError(INTERVIEW_NOT_FOUND, undefined, 404);
  const { canEdit: _canEdit, editUntil: _editUntil, canCurate: _canCurate, ...rest } = interview;
  return rest;
});

const unsupported = methodNotAllowed("GET");
export { unsupported as POST, unsupported as PUT, unsupported as PATCH, unsupported as DELETE };
