import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

let cached: string | null = null;

/**
 * The id of the build being served (Next writes it to BUILD_ID in the build folder). The
 * service worker is registered with it, so each deployment gets its own caches and the old
 * ones are dropped; "development" when there is no build (next dev).
 */
export function buildId(): string {
  if (cached !== null) return cached;
  try {
    const text = readFileSync(path.join(process.cwd(), env.CXMAP_DIST_DIR || ".next", "BUILD_ID"), "utf8").trim();
    cached = /^[\w-]{1,64}$/.test(text) ? text : "development";
  } catch {
    cached = "development";
  }
  return cached;
}
