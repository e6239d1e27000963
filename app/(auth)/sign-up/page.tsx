import type { Metadata } from "next";
import Link from "next/link";
import { signupEnabled } from "@/lib/env";
import { SignUpForm } from "@/components/auth/sign-up-form";

export const metadata: Metadata = { title: "Create a workspace" };
// Whether sign-up is open is read when the page is requested, not when it is built.
export const dynamic = "force-dynamic";

export default function SignUpPage() {
  if (!signupEnabled) {
    return (
      <>
        <h1 className="text-xl font-semibold">Sign-up is switched off</h1>
        <p className="mt-3 text-fg-muted">Ask an admin of your team for an invitation link.</p>
        <Link href="/sign-in" className="mt-6 inline-block underline">
          Sign in
        </Link>
      </>
    );
  }
  return (
    <>
      <h1 className="text-xl font-semibold">Create your workspace</h1>
      <p className="mt-2 text-sm text-fg-muted">You will be its admin and can invite your team next.</p>
      <SignUpForm />
      <p className="mt-6 text-sm text-fg-muted">
        Already have an account?{" "}
        <Link href="/sign-in" className="font-medium text-fg underline">
          Sign in
        </Link>
      </p>
    </>
  );
}
