"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import { changeMemberRoleAction, removeMemberAction } from "@/lib/actions/members";
import { ROLES, ROLE_LABELS, type Role } from "@/lib/permissions";

type Member = { membershipId: string; userId: string; name: string; email: string; role: Role };

export function MembersTable({
  workspaceId,
  currentUserId,
  members,
}: {
  workspaceId: string;
  currentUserId: string;
  members: Member[];
}) {
  const toast = useToast();
  const [pending, startTransition] = useTransition();
  const [removing, setRemoving] = useState<Member | null>(null);
  // The server refuses to remove or demote the last admin; the page says so up front.
  const admins = members.filter((member) => member.role === "ADMIN").length;
  const isLastAdmin = (member: Member) => member.role === "ADMIN" && admins <= 1;

  function changeRole(member: Member, role: Role) {
    startTransition(async () => {
      const result = await changeMemberRoleAction(workspaceId, { membershipId: member.membershipId, role });
      if (result.ok) toast.toast({ tone: "success", title: `${member.name} is now ${ROLE_LABELS[role]}.` });
      else toast.toast({ title: result.formError ?? "The role could not be changed.", tone: "error" });
    });
  }

  function remove(member: Member) {
    startTransition(async () => {
      const result = await removeMemberAction(workspaceId, { membershipId: member.membershipId });
      setRemoving(null);
      if (result.ok) toast.toast({ tone: "success", title: `${member.name} was removed from the workspace.` });
      else toast.toast({ title: result.formError ?? "The member could not be removed.", tone: "error" });
    });
  }

  return (
    <section aria-labelledby="members-heading" className="rounded-lg border border-border bg-surface">
      <h2 id="members-heading" className="border-b border-border p-4 text-base font-semibold">
        {members.length} member{members.length === 1 ? "" : "s"}
      </h2>
      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <thead className="bg-surface-muted text-left">
            <tr>
              <th scope="col" className="p-3 font-medium">Name</th>
              <th scope="col" className="p-3 font-medium">Email</th>
              <th scope="col" className="p-3 font-medium">Role</th>
              <th scope="col" className="p-3 font-medium"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {members.map((member) => {
              const lastAdmin = isLastAdmin(member);
              const reasonId = `last-admin-${member.membershipId}`;
              return (
                <tr key={member.membershipId} className="border-t border-border" data-testid="member-row">
                  <td className="p-3 font-medium">
                    {member.name}
                    {member.userId === currentUserId && <span className="ml-2 text-fg-muted">(you)</span>}
                  </td>
                  <td className="p-3">{member.email}</td>
                  <td className="p-3">
                    <select
                      aria-label={`Role of ${member.name}`}
                      className="rounded-md border border-border-strong bg-surface px-2 py-1"
                      value={member.role}
                      disabled={pending}
                      aria-describedby={lastAdmin ? reasonId : undefined}
                      onChange={(event) => changeRole(member, event.target.value as Role)}
                    >
                      {ROLES.map((role) => (
                        <option key={role} value={role} disabled={lastAdmin && role !== "ADMIN"}>
                          {ROLE_LABELS[role]}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="p-3 text-right">
                    <Button
                      variant="ghost"
                      size="sm"
                      onClick={() => setRemoving(member)}
                      disabled={pending || lastAdmin}
                      aria-describedby={lastAdmin ? reasonId : undefined}
                    >
                      Remove<span className="sr-only"> {member.name}</span>
                    </Button>
                    {lastAdmin && (
                      <p id={reasonId} className="mt-1 text-xs text-fg-muted" data-testid="last-admin-reason">
                        The only admin: make someone else an admin first.
                      </p>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Dialog
        open={removing !== null}
        onClose={() => setRemoving(null)}
        title={`Remove ${removing?.name ?? ""}?`}
        footer={
          <>
            <Button variant="secondary" onClick={() => setRemoving(null)}>
              Cancel
            </Button>
            <Button variant="danger" loading={pending} onClick={() => removing && remove(removing)}>
              Remove member
            </Button>
          </>
        }
      >
        <p className="text-sm">
          They lose access to this workspace at once. Interviews they recorded stay, and an admin can invite them again.
        </p>
      </Dialog>
    </section>
  );
}
