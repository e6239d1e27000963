import type { Metadata } from "next";
import Link from "next/link";
import { requireSession } from "@/lib/workspace";
import { listActiveSessions } from "@/lib/data/sessions";
import { deviceLabel } from "@/lib/auth/device-label";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { SessionsList } from "@/components/account/sessions-list";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { SignOutButton } from "@/components/shell/sign-out-button";
import type { AccountSession } from "@/lib/types/account";

export const metadata: Metadata = { title: "Your account" };

// The signed-in person's own account, outside any workspace: where they are signed in, and
// their password.
export default async function AccountPage() {
  const { user, session } = await requireSession();
  const sessions: AccountSession[] = (await listActiveSessions(session)).map((row) => ({
    id: row.id,
    device: deviceLabel(row.userAgent),
    createdAt: row.createdAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    current: row.current,
  }));
  return (
    <div className="min-h-screen bg-surface-muted">
      <header className="border-b border-border bg-surface">
        <div className="mx-auto flex max-w-3xl items-center gap-6 px-4 py-3">
          <Link href="/" className="text-lg font-semibold tracking-tight">
            cxmap
          </Link>
          <Link href="/" className="text-sm underline">
            Back to your workspace
          </Link>
          <SignOutButton className="ml-auto" />
        </div>
      </header>
      <main id="main" className="mx-auto max-w-3xl space-y-6 px-4 py-6">
        <PageHeader title="Your account" description={`${user.name}, ${user.email}`} />
        <Card as="section" title="Where you are signed in" description="End any session you do not recognise. Sessions also end 30 days after signing in.">
          <SessionsList sessions={sessions} />
        </Card>
        <Card as="section" title="Change password" description="Changing your password signs you out everywhere else.">
          <ChangePasswordForm />
        </Card>
      </main>
    </div>
  );
}
