// Any address under /api/v1 that is no operation: a 404 in the API's error shape rather than
// the app's HTML page, so a client program always reads the same JSON.
import { apiError } from "@/lib/api";

function notFound() {
  return apiError(404, "There is no such API address. The operations are listed at /api/v1/openapi.json.");
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
