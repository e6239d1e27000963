"use client";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Badge } from "@/components/ui/badge";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { useToast } from "@/components/ui/toast";
import { bindWorkspace, useActionForm } from "@/components/ui/use-action-form";
import { FormError } from "@/components/auth/form-error";
import { LocalTime } from "@/components/interview/local-time";
import { createApiTokenAction, revokeApiTokenAction } from "@/lib/actions/api";
import { ROLE_LABELS } from "@/lib/permissions";
import { RoleOptions } from "@/components/members/role-options";
import { CreateApiTokenSchema } from "@/lib/schemas/api-tokens";
import type { ApiTokenView } from "@/lib/types/api";

const STATUS_LABEL = { ACTIVE: "Active", REVOKED: "Revoked", EXPIRED: "Expired" } as const;

/** Creating a token shows its secret once; the list shows each token's prefix, role and last use. */
export function ApiTokensPanel({ workspaceId, tokens }: { workspaceId: string; tokens: ApiTokenView[] }) {
  const toast = useToast();
  const form = useActionForm(bindWorkspace(createApiTokenAction, workspaceId), { schema: CreateApiTokenSchema, resetOnSuccess: true });
  const secret = form.result?.ok ? form.result.data.secret : null;

  async function revoke(token: ApiTokenView) {
    const outcome = await revokeApiTokenAction(workspaceId, { tokenId: token.id });
    toast.toast(outcome.ok ? { title: `Token ${token.name} revoked.` } : { title: outcome.formError ?? "The token could not be revoked.", tone: "error" });
  }

  return (
    <section aria-labelledby="tokens-heading" className="rounded-lg border border-border bg-surface p-4">
      <h2 id="tokens-heading" className="text-base font-semibold">
        API tokens
      </h2>
      <p className="mt-1 text-sm text-fg-muted">
        A token lets another system use the API as this workspace, with the role you give it. Send it as{" "}
        <code>Authorization: Bearer &lt;token&gt;</code>.
      </p>
      <form {...form.props} className="mt-4 grid gap-4 sm:grid-cols-4 sm:items-end">
        <div className="sm:col-span-4">
          <FormError message={form.formError} />
        </div>
        <Field label="Name" hint="What uses it, e.g. Survey tool." error={form.error("name")}>
          {(control) => <Input {...control} name="name" autoComplete="off" defaultValue={form.value("name")} />}
        </Field>
        <Field label="Role" error={form.error("role")}>
          {(control) => (
            <Select {...control} name="role" defaultValue={form.value("role", "INTERVIEWER")}>
              <RoleOptions />
            </Select>
          )}
        </Field>
        <Field label="Last valid day (optional)" error={form.error("expiresOn")}>
          {(control) => <Input {...control} name="expiresOn" type="date" defaultValue={form.value("expiresOn")} />}
        </Field>
        <Button type="submit" loading={form.pending}>
          Create token
        </Button>
      </form>
      {secret && (
        <div className="mt-4 rounded-md border border-border bg-surface-muted p-3" role="status">
          <p className="text-sm font-medium" id="token-secret-label">
            Copy the token now: it is shown only this once.
          </p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <code className="break-all text-sm" data-testid="token-secret" aria-labelledby="token-secret-label">
              {secret}
            </code>
            <Button
              size="sm"
              variant="secondary"
              onClick={() =>
                navigator.clipboard.writeText(secret).then(
                  () => toast.toast({ title: "Token copied." }),
                  () => toast.toast({ title: "Copying failed: select the token and copy it.", tone: "error" }),
                )
              }
            >
              Copy token
            </Button>
          </div>
        </div>
      )}
      {tokens.length > 0 && (
        <div className="mt-6 overflow-x-auto">
          <table className="w-full text-sm">
            <caption className="mb-2 text-left font-medium">Tokens</caption>
            <thead className="bg-surface-muted text-left">
              <tr>
                <th scope="col" className="p-2 font-medium">Name</th>
                <th scope="col" className="p-2 font-medium">Starts with</th>
                <th scope="col" className="p-2 font-medium">Role</th>
                <th scope="col" className="p-2 font-medium">Status</th>
                <th scope="col" className="p-2 font-medium">Last used</th>
                <th scope="col" className="p-2 font-medium">Expires</th>
                <th scope="col" className="p-2 font-medium"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr key={token.id} className="border-t border-border">
                  <td className="p-2">
                    {token.name}
                    <span className="block text-xs text-fg-muted">by {token.createdBy}</span>
                  </td>
                  <td className="p-2"><code>{token.prefix}…</code></td>
                  <td className="p-2">{ROLE_LABELS[token.role]}</td>
                  <td className="p-2"><Badge>{STATUS_LABEL[token.status]}</Badge></td>
                  <td className="p-2">{token.lastUsedAt ? <LocalTime iso={token.lastUsedAt} /> : "Never"}</td>
                  <td className="p-2">{token.expiresAt ? <LocalTime iso={token.expiresAt} /> : "Never"}</td>
                  <td className="p-2 text-right">
                    {token.status === "ACTIVE" && (
                      <ConfirmButton
                        label="Revoke"
                        variant="ghost"
                        title={`Revoke token ${token.name}?`}
                        description="Requests with it are refused from now on. This cannot be undone: create a new token instead."
                        confirmLabel="Revoke token"
                        onConfirm={() => revoke(token)}
                      >
                        <p className="text-sm">
                          Token {token.name} (<code>{token.prefix}…</code>), role {ROLE_LABELS[token.role]}.
                        </p>
                      </ConfirmButton>
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
