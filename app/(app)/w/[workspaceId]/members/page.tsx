import type { Metadata } from "next";
import { env } from "@/lib/env";
import { requireWorkspace } from "@/lib/workspace";
import { listInvitations, listMembers } from "@/lib/data/members";
import { PageHeader } from "@/components/ui/page-header";
import { MembersTable } from "@/components/members/members-table";
import { InvitationsPanel } from "@/components/members/invitations-panel";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: PageProps<"/w/[workspaceId]/members">) {
  const { workspaceId } = await params;
  const ctx = await requireWorkspace(workspaceId, "members.manage");
  const [members, invitations] = await Promise.all([listMembers(ctx), listInvitations(ctx)]);
  return (
    <>
      <PageHeader title="Members" description="Who can use this workspace, and with which role." />
      <MembersTable workspaceId={workspaceId} currentUserId={ctx.userId} members={members} />
      <InvitationsPanel
        workspaceId={workspaceId}
        appUrl={env.NEXTAUTH_URL ? new URL(env.NEXTAUTH_URL).origin : ""}
        invitations={invitations.map((invitation) => ({
          ...invitation,
          expiresAt: invitation.expiresAt.toISOString(),
          createdAt: invitation.createdAt.toISOString(),
        }))}
      />
    </>
  );
}
