import type { Metadata } from "next";
import Link from "next/link";
import { getSessionUser } from "@/lib/auth/session";
import { getInvitationPreview, INVITATION_INVALID } from "@/lib/data/members";
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from "@/lib/permissions";
import { AcceptAsNewUserForm, AcceptAsSignedInForm } from "@/components/auth/accept-invitation";

export const metadata: Metadata = { title: "Invitation" };

export default async function InvitationPage({ params }: PageProps<"/invite/[token]">) {
  const { token } = await params;
  const invitation = token.length <= 200 ? await getInvitationPreview(token) : null;
  if (!invitation) {
    return (
      <>
        <h1 className="text-xl font-semibold">This invitation cannot be used</h1>
        <p className="mt-3 text-fg-muted">{INVITATION_INVALID}</p>
        <Link href="/sign-in" className="mt-6 inline-block underline">
          Go to sign in
        </Link>
      </>
    );
  }
  const user = await getSessionUser();
  return (
    <>
      <h1 className="text-xl font-semibold">Join {invitation.workspaceName}</h1>
      <p className="mt-2 text-sm text-fg-muted">
        {invitation.invitedBy} invited you as <strong className="text-fg">{ROLE_LABELS[invitation.role]}</strong>:{" "}
        {ROLE_DESCRIPTIONS[invitation.role]}
      </p>
      {user ? (
        <AcceptAsSignedInForm token={token} email={user.email} />
      ) : (
        <>
          <AcceptAsNewUserForm token={token} email={invitation.email} />
          <p className="mt-6 text-sm text-fg-muted">
            Already have a cxmap account?{" "}
            <Link href={`/sign-in?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`} className="font-medium text-fg underline">
              Sign in to join
            </Link>
          </p>
        </>
      )}
    </>
  );
}
