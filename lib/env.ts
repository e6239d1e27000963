// The one reader of process.env: parsed and checked once, typed everywhere else. next.config.js
// loads this module too, so `next build`, `next start` and `next dev` refuse a malformed value.
import { z } from "zod";
import { isHttpsUrl } from "./http/security-headers";

// Server configuration only. Lint keeps it out of components and "use client" modules; this
// catches a browser bundle that reaches it another way, where process.env is empty and every
// value would quietly take its default.
if (typeof window !== "undefined") {
  throw new Error("lib/env.ts runs on the server only: pass configuration to client components as props.");
}

const flag = z
  .enum(["true", "false", "1", "0"])
  .optional()
  .transform((value) => (value === undefined ? undefined : value === "true" || value === "1"));

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().min(1).optional(),
  NEXTAUTH_SECRET: z.string().min(16, "NEXTAUTH_SECRET must be at least 16 characters").optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  /** The build folder (next.config.js), where the build id the offline app's caches carry is read. */
  CXMAP_DIST_DIR: z.string().optional(),
  /** Whether anyone may sign up and create a workspace (default on). */
  CXMAP_SIGNUP_ENABLED: flag,
  /** Failed sign-ins per email within the window before further attempts are refused. */
  CXMAP_SIGNIN_MAX_ATTEMPTS: z.coerce.number().int().positive().default(5),
  CXMAP_SIGNIN_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
  /** Failed sign-ins from one client address (any emails) within the window before that address is refused. */
  CXMAP_SIGNIN_MAX_ATTEMPTS_PER_ADDRESS: z.coerce.number().int().positive().default(20),
  /** Where uploaded CSV imports and their reports are kept (a folder per import). */
  CXMAP_IMPORT_DIR: z.string().min(1).default(".data/imports"),
  /** The largest CSV file an import accepts, in megabytes. */
  CXMAP_IMPORT_MAX_MB: z.coerce.number().positive().max(100_000).default(500),
  /** The most data rows one import accepts. */
  CXMAP_IMPORT_MAX_ROWS: z.coerce.number().int().positive().default(2_000_000),
  /**
   * How many reverse proxies stand in front of cxmap and append the client's address to
   * X-Forwarded-For: "true"/"1" for one, a number for several, unset/"false"/"0" for none (the
   * header is then ignored, as any client can send it).
   */
  /** Requests one API token may make per minute before it is answered 429 with Retry-After. */
  CXMAP_API_RATE_LIMIT: z.coerce.number().int().positive().default(120),
  /** How many times a webhook event is tried before it is marked failed. */
  CXMAP_WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
  /** The wait after the first failed attempt; each further one doubles it. */
  CXMAP_WEBHOOK_RETRY_SECONDS: z.coerce.number().int().positive().default(30),
  /** Whether the server process delivers webhook events in the background (default on). */
  CXMAP_WEBHOOK_WORKER: flag,
  CXMAP_TRUST_PROXY: z
    .string()
    .optional()
    .transform((value, context) => {
      const text = value?.trim().toLowerCase();
      if (!text || text === "false") return 0;
      if (text === "true") return 1;
      if (/^\d+$/.test(text) && Number(text) <= 10) return Number(text);
      context.addIssue({ code: "custom", message: 'use "true", "false" or the number of proxies (0-10)' });
      return z.NEVER;
    }),
});

export type Env = z.infer<typeof EnvSchema>;

function parseEnv(): Env {
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment: ${lines.join("; ")}`);
  }
  return parsed.data;
}

export const env = parseEnv();

export const signupEnabled = env.CXMAP_SIGNUP_ENABLED ?? true;

/**
 * Whether a reverse proxy stands in front of cxmap (CXMAP_TRUST_PROXY): its X-Forwarded-For
 * gives the client's address and its X-Forwarded-Proto tells an https request (which then
 * gets Strict-Transport-Security).
 */
export const trustProxy = (env.CXMAP_TRUST_PROXY ?? 0) > 0;

/**
 * Whether cookies are marked Secure (and take the __Secure- / __Host- names): when the site's
 * address, NEXTAUTH_URL, is an https one. next-auth and startSession both follow this.
 */
export const secureCookies = isHttpsUrl(env.NEXTAUTH_URL);

export function requireDatabaseUrl(): string {
  if (!env.DATABASE_URL) {
    throw new Error("DATABASE_URL is not set. Start cxmap with `npm start`, or set DATABASE_URL.");
  }
  return env.DATABASE_URL;
}
