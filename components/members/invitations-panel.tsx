"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Badge } from "@/components/ui/badge";
import { useToast } from "@/components/ui/toast";
import { FormError } from "@/components/auth/form-error";
import { createInvitationAction, revokeInvitationAction } from "@/lib/actions/members";
import { fieldError, type ActionResult } from "@/lib/action-result";
import { formToObject } from "@/lib/form-data";
import { ROLES, ROLE_LABELS, type Role } from "@/lib/permissions";

type Invitation = {
  id: string;
  email: string | null;
  role: Role;
  expiresAt: string;
  createdBy: string;
  acceptedBy: string | null;
  status: "PENDING" | "ACCEPTED" | "REVOKED" | "EXPIRED";
};

const STATUS_LABEL = { PENDING: "Pending", ACCEPTED: "Accepted", REVOKED: "Revoked", EXPIRED: "Expired" } as const;

export function InvitationsPanel({ workspaceId, invitations }: { workspaceId: string; invitations: Invitation[] }) {
  const toast = useToast();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<{ token: string }> | null>(null);
  const link = result?.ok ? `${window.location.origin}/invite/${result.data.token}` : null;

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const values = formToObject(new FormData(form));
    startTransition(async () => {
      const outcome = await createInvitationAction(workspaceId, values);
      setResult(outcome);
      if (outcome.ok) form.reset();
    });
  }

  function revoke(invitation: Invitation) {
    startTransition(async () => {
      const outcome = await revokeInvitationAction(workspaceId, { invitationId: invitation.id });
      toast.toast(
        outcome.ok
          ? { title: "Invitation revoked." }
          : { title: outcome.formError ?? "The invitation could not be revoked.", tone: "error" },
      );
    });
  }

  return (
    <section aria-labelledby="invite-heading" className="mt-8 rounded-lg border border-border bg-surface p-4">
      <h2 id="invite-heading" className="text-base font-semibold">
        Invite someone
      </h2>
      <p className="mt-1 text-sm text-fg-muted">
        Create a link and send it yourself. Whoever opens it sets their name and password, or joins with their existing
        account.
      </p>
      <form onSubmit={onSubmit} className="mt-4 grid gap-4 sm:grid-cols-4 sm:items-end" noValidate>
        <div className="sm:col-span-4">
          <FormError message={result && !result.ok ? result.formError : null} />
        </div>
        <Field label="Email (optional)" hint="Only this address can use the link." error={fieldError(result, "email")}>
          {(control) => <Input {...control} name="email" type="email" autoComplete="off" />}
        </Field>
        <Field label="Role" error={fieldError(result, "role")}>
          {(control) => (
            <Select {...control} name="role" defaultValue="INTERVIEWER">
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </Select>
          )}
        </Field>
        <Field label="Valid for (days)" error={fieldError(result, "expiresInDays")}>
          {(control) => <Input {...control} name="expiresInDays" type="number" min={1} max={30} defaultValue={7} />}
        </Field>
        <Button type="submit" loading={pending}>
          Create invitation link
        </Button>
      </form>
      {link && (
        <div className="mt-4 rounded-md border border-border bg-surface-muted p-3">
          <p className="text-sm font-medium" id="invite-link-label">
            Invitation link (shown once):
          </p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <code className="break-all text-sm" data-testid="invitation-link" aria-labelledby="invite-link-label">
              {link}
            </code>
            <Button
              size="sm"
              variant="secondary"
              onClick={() => navigator.clipboard.writeText(link).then(() => toast.toast({ title: "Link copied." }))}
            >
              Copy link
            </Button>
          </div>
        </div>
      )}
      {invitations.length > 0 && (
        <div className="mt-6 overflow-x-auto">
          <table className="w-full text-sm">
            <caption className="mb-2 text-left font-medium">Invitations</caption>
            <thead className="bg-surface-muted text-left">
              <tr>
                <th scope="col" className="p-2 font-medium">For</th>
                <th scope="col" className="p-2 font-medium">Role</th>
                <th scope="col" className="p-2 font-medium">Status</th>
                <th scope="col" className="p-2 font-medium">Expires</th>
                <th scope="col" className="p-2 font-medium"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {invitations.map((invitation) => (
                <tr key={invitation.id} className="border-t border-border">
                  <td className="p-2">{invitation.email ?? "Anyone with the link"}</td>
                  <td className="p-2">{ROLE_LABELS[invitation.role]}</td>
                  <td className="p-2">
                    <Badge>{STATUS_LABEL[invitation.status]}</Badge>
                    {invitation.acceptedBy && <span className="ml-2 text-fg-muted">by {invitation.acceptedBy}</span>}
                  </td>
                  <td className="p-2">{invitation.expiresAt.slice(0, 10)}</td>
                  <td className="p-2 text-right">
                    {invitation.status === "PENDING" && (
                      <Button size="sm" variant="ghost" onClick={() => revoke(invitation)} disabled={pending}>
                        Revoke
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
