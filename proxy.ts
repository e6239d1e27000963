import { NextResponse, type NextRequest } from "next/server";
import { refuseHostileRequest } from "@/lib/request-guard";

// Runs before every request is routed: hostile requests Next.js would answer with a server
// error get their 4xx here (lib/request-guard.ts).
export function proxy(request: NextRequest) {
  return refuseHostileRequest(request) ?? NextResponse.next();
}

export const config = {
  // Not the build's static files: they take no input.
  matcher: ["/((?!_next/static|_next/image).*)"],
};
