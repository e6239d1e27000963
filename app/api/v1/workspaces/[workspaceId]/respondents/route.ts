import { apiV1Route, created, methodNotAllowed } from "@/lib/api";
import { API_V1_OPERATIONS } from "@/lib/schemas/api-v1";
import { createRespondent, searchRespondents } from "@/lib/data/respondents";

export const GET = apiV1Route(API_V1_OPERATIONS.findRespondents, async (ctx, { query }) => {
  const code = query.code.toUpperCase();
  const rows = await searchRespondents(ctx, query.code, 8);
  return { respondents: rows.filter((row) => row.code.toUpperCase() === code) };
});

export const POST = apiV1Route(API_V1_OPERATIONS.createRespondent, async (ctx, { body }) => created(await createRespondent(ctx, body)));

const unsupported = methodNotAllowed("GET", "POST");
export { unsupported as PUT, unsupported as PATCH, unsupported as DELETE };
