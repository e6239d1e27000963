"use client";

import { useSyncExternalStore, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Badge } from "@/components/ui/badge";
import { useToast } from "@/components/ui/toast";
import { bindWorkspace, useActionForm } from "@/components/ui/use-action-form";
import { FormError } from "@/components/auth/form-error";
import { createInvitationAction, revokeInvitationAction } from "@/lib/actions/members";
import { ROLE_LABELS, type Role } from "@/lib/permissions";
import { RoleOptions } from "@/components/members/role-options";
import { CreateInvitationSchema } from "@/lib/schemas/auth";

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

const noSubscription = () => () => {};

/**
 * Invitation links: creating one works before the page's JavaScript has loaded (the page comes
 * back with the link); `appUrl` is the site's address for the link until then, after which the
 * browser's own origin is used.
 */
export function InvitationsPanel({ workspaceId, invitations, appUrl }: { workspaceId: string; invitations: Invitation[]; appUrl: string }) {
  const toast = useToast();
  const [pending, startTransition] = useTransition();
  const form = useActionForm(bindWorkspace(createInvitationAction, workspaceId), { schema: CreateInvitationSchema, resetOnSuccess: true });
  const origin = useSyncExternalStore(noSubscription, () => window.location.origin, () => appUrl);
  const link = form.result?.ok ? `${origin}/invite/${form.result.data.token}` : null;

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
      <form {...form.props} className="mt-4 grid gap-4 sm:grid-cols-4 sm:items-end">
        <div className="sm:col-span-4">
          <FormError message={form.formError} />
        </div>
        <Field label="Email (optional)" hint="Only this address can use the link." error={form.error("email")}>
          {(control) => <Input {...control} name="email" type="email" autoComplete="off" defaultValue={form.value("email")} />}
        </Field>
        <Field label="Role" error={form.error("role")}>
          {(control) => (
            <Select {...control} name="role" defaultValue={form.value("role", "INTERVIEWER")}>
              <RoleOptions />
            </Select>
          )}
        </Field>
        <Field label="Valid for (days)" error={form.error("expiresInDays")}>
          {(control) => <Input {...control} name="expiresInDays" type="number" min={1} max={30} defaultValue={form.value("expiresInDays", "7")} />}
        </Field>
        <Button type="submit" loading={form.pending}>
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
