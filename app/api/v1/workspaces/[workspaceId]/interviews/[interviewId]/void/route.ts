import { apiV1Route, methodNotAllowed } from "@/lib/api";
import { API_V1_OPERATIONS } from "@/lib/schemas/api-v1";
import { voidInterview } from "@/lib/data/interview-curation";

export const POST = apiV1Route(API_V1_OPERATIONS.voidInterview, async (ctx, { params, body }) =>
  voidInterview(ctx, { interviewId: params.interviewId!, reason: body.reason }),
);

const unsupported = methodNotAllowed("POST");
export { unsupported as GET, unsupported as PUT, unsupported as PATCH, unsupported as DELETE };
