// The API's OpenAPI 3.1 document, generated from the operations' zod schemas. Public: it says
// what the API accepts, not anything of a workspace.
import { buildOpenApiDocument } from "@/lib/openapi";

const document = JSON.stringify(buildOpenApiDocument());

export function GET() {
  return new Response(document, { headers: { "Content-Type": "application/json", "Cache-Control": "public, max-age=300" } });
}
