import { apiV1Route, methodNotAllowed } from "@/lib/api";
import { API_V1_OPERATIONS } from "@/lib/schemas/api-v1";
import { listMaps } from "@/lib/data/maps";

export const GET = apiV1Route(API_V1_OPERATIONS.listMaps, async (ctx) => ({ maps: await listMaps(ctx) }));

const unsupported = methodNotAllowed("GET");
export { unsupported as POST, unsupported as PUT, unsupported as PATCH, unsupported as DELETE };
