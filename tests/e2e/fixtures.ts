// The end-to-end tests' fixtures. Specs import `test` and `expect` from here.
//
// - `signIn(user)` starts a session without the sign-in form: it adds a session row for the user
//   to the database (as a sign-in does), encrypts a next-auth session token naming it with the
//   server's NEXTAUTH_SECRET, puts it in the browser context as next-auth's session cookie, and
//   checks that the server takes it. Only auth.spec.ts and forms.spec.ts (without JavaScript)
//   sign in through the form.
// - `workspace` is a workspace of the test's own, created in the database with one member per
//   role; `workspaceWithMap` adds the demo's "In-store purchase" map, a few respondents and
//   interviews. Tests that change data work there, so they cannot disturb one another, nor
//   the tests that read the demo workspace, and any of them can run at the same time.
// - `demoUsers`: the demo workspace's users, for tests that only read the demo data.
// - `cspViolations` (automatic): every page of every browser context a test opens reports the
//   Content-Security-Policy violations it sees, and the test fails if there were any. A test
//   that provokes violations on purpose empties the list once it has checked them.
//
// Nothing is deleted afterwards: every run starts from a fresh database, and a failed test's
// workspace stays there to look at.
import { test as base, expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { PrismaPg } from "@prisma/adapter-pg";
import { randomBytes } from "node:crypto";
import { encode } from "next-auth/jwt";
import { hashPassword } from "@/lib/auth/password";
import { PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/permissions";
import { DEMO_MAP_NAME, writeDemoMap, writeDemoRespondents } from "@/prisma/seed/demo";
import { generateInterviews } from "@/prisma/seed/generate-interviews";
import { Random } from "@/prisma/seed/random";
import { uniqueSuffix } from "@/tests/factories/client";
import { createUser, DEFAULT_TEST_PASSWORD } from "@/tests/factories/user";
import { addMember, createWorkspace } from "@/tests/factories/workspace";
import { DEMO_USERS } from "./support";

export { expect };

export type SessionUser = { id: string; email: string; name: string };

export type TestWorkspace = {
  id: string;
  name: string;
  /** One member per role, each an account of its own whose password is TEST_PASSWORD. */
  members: Record<Role, SessionUser>;
};

export type TestWorkspaceWithMap = TestWorkspace & {
  /** The demo's "In-store purchase" design, with respondents R-0001 to R-0010 and three submitted interviews. */
  map: { id: string; name: string };
};

/** The password of every member of a test's workspace. */
export const TEST_PASSWORD = DEFAULT_TEST_PASSWORD;

const MEMBER_NAMES: Record<Role, string> = {
  ADMIN: "Alex Admin",
  ANALYST: "Ana Analyst",
  MANAGER: "Morgan Manager",
  INTERVIEWER: "Ivy Interviewer",
};

/** Longer than any test; the server renews the session on its first read anyway. */
const SESSION_SECONDS = 60 * 60;

function sessionSecret(): string {
  const secret = process.env.CXMAP_E2E_NEXTAUTH_SECRET;
  if (!secret) {
    throw new Error(
      "CXMAP_E2E_NEXTAUTH_SECRET is not set. Run the end-to-end tests with `npx playwright test`: " +
        "playwright.config.ts makes the secret and gives it to the server as NEXTAUTH_SECRET.",
    );
  }
  return secret;
}

/** A session row for `user`, as a sign-in makes (lib/data/sessions.ts); its id goes into the token. */
export async function createTestSession(db: PrismaClient, user: SessionUser): Promise<string> {
  const id = randomBytes(24).toString("base64url");
  await db.session.create({ data: { id, userId: user.id, userAgent: "Playwright end-to-end tests" } });
  return id;
}

/**
 * Puts session `sessionId` of `user` into the context, as the credentials sign-in would:
 * next-auth's own `encode` (an A256GCM JWE under a key derived from the secret, which
 * lib/auth/session.ts decrypts too) of the token that sign-in makes (lib/auth/options.ts keeps
 * the user id in `sub` and the session row's id in `sid`).
 */
export async function addSessionCookie(context: BrowserContext, baseURL: string, user: SessionUser, sessionId: string, secret = sessionSecret()) {
  const token = await encode({
    token: { name: user.name, email: user.email, sub: user.id, sid: sessionId },
    secret,
    maxAge: SESSION_SECONDS,
  });
  const url = new URL(baseURL);
  const secure = url.protocol === "https:";
  await context.addCookies([
    {
      name: secure ? "__Secure-next-auth.session-token" : "next-auth.session-token",
      value: token,
      domain: url.hostname,
      path: "/",
      httpOnly: true,
      secure,
      sameSite: "Lax",
      expires: Math.floor(Date.now() / 1000) + SESSION_SECONDS,
    },
  ]);
}

/**
 * Throws, saying why, unless the server reads the context's session as `user`'s. A cookie made
 * with another secret than the server's is refused here, at the start of the test, rather than
 * showing up later as a sign-in page where the test expected its workspace.
 */
export async function expectSignedInAs(context: BrowserContext, baseURL: string, user: SessionUser) {
  const response = await context.request.get(new URL("/api/auth/session", baseURL).href);
  const session = (await response.json().catch(() => null)) as { user?: { id?: string } } | null;
  if (session?.user?.id !== user.id) {
    throw new Error(
      `The server did not accept the test session of ${user.email}: GET /api/auth/session answered ` +
        `${response.status()} ${JSON.stringify(session)}. The session cookie is encrypted with ` +
        "CXMAP_E2E_NEXTAUTH_SECRET, which playwright.config.ts gives the server as NEXTAUTH_SECRET: " +
        "was the server started with another secret?",
    );
  }
}

/** Marks the console message a page logs for each violation it sees (the report script below). */
const VIOLATION_PREFIX = "[csp-violation]";

/**
 * Runs in every page and frame before its own scripts: logs each violation the document
 * reports. Chromium also logs a message of its own naming the Content Security Policy; either
 * one counts.
 */
function reportViolations(prefix: string) {
  document.addEventListener("securitypolicyviolation", (event) => {
    const blocked = event.blockedURI || "inline";
    console.error(`${prefix} ${event.effectiveDirective} blocked ${blocked} in ${event.sourceFile || event.documentURI}:${event.lineNumber}`);
  });
}

/** Collects the violations of every page the context opens, now or later. */
async function watchForViolations(context: BrowserContext, violations: string[]) {
  await context.addInitScript(reportViolations, VIOLATION_PREFIX);
  context.on("console", (message) => {
    const text = message.text();
    if (text.startsWith(VIOLATION_PREFIX) || /Content[- ]Security[- ]Policy/i.test(text)) {
      violations.push(`${message.page()?.url() ?? message.location().url}: ${text}`);
    }
  });
}

type TestFixtures = {
  /**
   * The Content-Security-Policy violations seen so far by any page of this test: the default
   * context's, `pageAs`'s and any the test makes with `browser.newContext()` or `newPage()`.
   * The test fails if any are left at its end.
   */
  cspViolations: string[];
  /** Signs `user` in, in the test's browser context unless another is given. */
  signIn: (user: SessionUser, context?: BrowserContext) => Promise<void>;
  /** A page in a browser context of its own, signed in as `user` (a second person in the test). */
  pageAs: (user: SessionUser) => Promise<Page>;
  workspace: TestWorkspace;
  workspaceWithMap: TestWorkspaceWithMap;
};

type WorkerFixtures = {
  db: PrismaClient;
  demoUsers: Record<Role, SessionUser>;
  /** TEST_PASSWORD hashed once per worker: argon2 is slow on purpose. */
  passwordHash: string;
};

export const test = base.extend<TestFixtures, WorkerFixtures>({
  cspViolations: [
    async ({ browser, context }, provide) => {
      const violations: string[] = [];
      await watchForViolations(context, violations);
      // Contexts the test makes itself, directly or through browser.newPage(), report too.
      const target = browser as Browser & { newContext: Browser["newContext"] };
      const newContext = Object.getPrototypeOf(browser).newContext as Browser["newContext"];
      target.newContext = async (options) => {
        const created = await newContext.call(browser, options);
        await watchForViolations(created, violations);
        return created;
      };
      try {
        await provide(violations);
      } finally {
        delete (target as Partial<Pick<Browser, "newContext">>).newContext;
      }
      if (violations.length > 0) {
        throw new Error(`Content-Security-Policy violations:\n${violations.map((violation) => `  ${violation}`).join("\n")}`);
      }
    },
    { auto: true },
  ],

  db: [
    async ({}, provide) => {
      const url = process.env.CXMAP_E2E_DATABASE_URL;
      if (!url) throw new Error("CXMAP_E2E_DATABASE_URL is not set. Run the end-to-end tests with `npx playwright test`.");
      const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
      await provide(db);
      await db.$disconnect();
    },
    { scope: "worker" },
  ],

  passwordHash: [
    async ({}, provide) => {
      await provide(await hashPassword(TEST_PASSWORD));
    },
    { scope: "worker" },
  ],

  demoUsers: [
    async ({ db }, provide) => {
      const emails: string[] = Object.values(DEMO_USERS);
      const users = await db.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true, name: true } });
      const byRole = {} as Record<Role, SessionUser>;
      for (const [role, email] of Object.entries(DEMO_USERS) as [Role, string][]) {
        const user = users.find((candidate) => candidate.email === email);
        if (!user) throw new Error(`The demo user ${email} is not in the database: did the server's seed run?`);
        byRole[role] = user;
      }
      await provide(byRole);
    },
    { scope: "worker" },
  ],

  signIn: async ({ context, baseURL, db }, provide) => {
    if (!baseURL) throw new Error("The session fixture needs `use.baseURL` (playwright.config.ts).");
    await provide(async (user, target = context) => {
      await addSessionCookie(target, baseURL, user, await createTestSession(db, user));
      await expectSignedInAs(target, baseURL, user);
    });
  },

  pageAs: async ({ browser, signIn }, provide) => {
    const contexts: BrowserContext[] = [];
    await provide(async (user) => {
      const context = await browser.newContext();
      contexts.push(context);
      await signIn(user, context);
      return context.newPage();
    });
    await Promise.all(contexts.map((context) => context.close()));
  },

  workspace: async ({ db, passwordHash }, provide) => {
    const suffix = uniqueSuffix();
    const workspace = await db.$transaction(async (tx) => {
      const created = await createWorkspace(tx, { name: `Workspace ${suffix}` });
      const members = {} as Record<Role, SessionUser>;
      for (const [role, name] of Object.entries(MEMBER_NAMES) as [Role, string][]) {
        const user = await createUser(tx, { email: `${role.toLowerCase()}-${suffix}@example.test`, name, passwordHash });
        await addMember(tx, { workspaceId: created.id, userId: user.id, role });
        members[role] = { id: user.id, email: user.email, name: user.name };
      }
      return { id: created.id, name: created.name, members };
    });
    await provide(workspace);
  },

  workspaceWithMap: async ({ db, workspace }, provide) => {
    const map = await db.$transaction(
      async (tx) => {
        const { map } = await writeDemoMap(tx, workspace.id, { name: DEMO_MAP_NAME });
        const respondentIds = await writeDemoRespondents(tx, workspace.id, 10, new Random(1));
        await generateInterviews(tx, {
          workspaceId: workspace.id,
          mapId: map.id,
          interviewerIds: [workspace.members.INTERVIEWER.id],
          respondentIds,
          count: 3,
          days: 30,
        });
        return map;
      },
      { timeout: 30_000 },
    );
    await provide({ ...workspace, map: { id: map.id, name: map.name } });
  },
});
