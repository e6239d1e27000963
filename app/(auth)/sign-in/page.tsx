import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { getSessionUser } from "@/lib/auth/session";
import { signupEnabled } from "@/lib/env";
import { SignInForm } from "@/components/auth/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);
  return (
    <>
      <h1 className="text-xl font-semibold">Sign in</h1>
      {params.from === "sign-up" && (
        <p role="status" className="mt-3 text-sm text-fg-muted">
          Sign in with the email and password you just entered to open your workspace.
        </p>
      )}
      <SignInForm callbackUrl={callbackUrl} />
      {signupEnabled && (
        <p className="mt-6 text-sm text-fg-muted">
          New to cxmap?{" "}
          <Link href="/sign-up" className="font-medium text-fg underline">
            Create a workspace
          </Link>
        </p>
      )}
    </>
  );
}
