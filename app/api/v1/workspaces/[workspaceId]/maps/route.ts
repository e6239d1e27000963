import { apiV1Route } from "@/lib/api";
import { API_V1_OPERATIONS } from "@/lib/schemas/api-v1";
import { listMaps } from "@/lib/data/maps";

export const GET = apiV1Route(API_V1_OPERATIONS.listMaps, async (ctx) => ({ maps: await listMaps(ctx) }));
