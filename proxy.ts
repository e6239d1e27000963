import { NextResponse, type NextRequest } from "next/server";
import { headersWithRequestedPath } from "@/lib/auth/requested-path";

// Hands the requested path and query to the pages inside a workspace, so that a signed-out
// visitor is sent to sign in with the way back (lib/auth/requested-path.ts).
export function proxy(request: NextRequest) {
  return NextResponse.next({ request: { headers: headersWithRequestedPath(request.nextUrl, request.headers) } });
}

export const config = { matcher: ["/w/:path*"] };
