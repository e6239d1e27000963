import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { SignInSchema } from "@/lib/schemas/auth";
import { authenticate } from "@/lib/data/users";
import { createSession, endSession, readSessionUser, SESSION_MAX_AGE_SECONDS } from "@/lib/data/sessions";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { env, secureCookies } from "@/lib/env";

/** Thrown by the jwt callback for a token whose session has ended: next-auth then answers signed out and clears the cookie. */
class SessionEndedError extends Error {
  constructor() {
    super("The session has ended.");
    this.name = "SessionEndedError";
  }
}

type HeaderBag = Record<string, string | string[] | undefined> | undefined;

function headerGetter(bag: HeaderBag) {
  return {
    get(name: string) {
      const value = bag?.[name.toLowerCase()];
      return Array.isArray(value) ? value.join(", ") : (value ?? null);
    },
  };
}

function sessionRef(token: { sub?: unknown; sid?: unknown }) {
  return typeof token.sub === "string" && typeof token.sid === "string" ? { userId: token.sub, sessionId: token.sid } : null;
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  // Secure cookies (__Secure-/__Host- names) exactly when NEXTAUTH_URL is https, as
  // startSession decides, rather than next-auth guessing from the request.
  useSecureCookies: secureCookies,
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      // The app's forms sign in through lib/actions/auth.ts; this is next-auth's own endpoint,
      // held to the same limits and given a session row like any sign-in.
      async authorize(credentials, request) {
        const parsed = SignInSchema.safeParse(credentials ?? {});
        if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? "Enter your email and password.");
        const headers = headerGetter(request?.headers as HeaderBag);
        // authenticate() throws a UserError with the message the form shows.
        const user = await authenticate(parsed.data.email, parsed.data.password, clientAddressFrom(headers, env.CXMAP_TRUST_PROXY));
        const sid = await createSession(user.id, headers.get("user-agent"));
        return { id: user.id, email: user.email, name: user.name, sid };
      },
    }),
  ],
  callbacks: {
    // Every read of the session through next-auth (GET /api/auth/session) checks its row, as the
    // app's own reads do (lib/auth/session.ts): an ended session reads as signed out.
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sid = (user as { sid?: string }).sid;
        return token;
      }
      const ref = sessionRef(token);
      if (!ref || !(await readSessionUser(ref))) throw new SessionEndedError();
      return token;
    },
    async session({ session, token }) {
      if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
      return session;
    },
  },
  events: {
    // next-auth's own sign-out endpoint ends the session row too, not only the cookie.
    async signOut({ token }) {
      const ref = token ? sessionRef(token) : null;
      if (ref) await endSession(ref.userId, ref.sessionId);
    },
  },
  logger: {
    error(code, metadata) {
      // A token whose session ended is an expected answer (signed out), not an error.
      const cause = (metadata as { error?: unknown } | undefined)?.error ?? metadata;
      if (code === "JWT_SESSION_ERROR" && cause instanceof SessionEndedError) return;
      console.error(`[next-auth][error][${code}]`, metadata);
    },
  },
};
