"use client";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useActionForm } from "@/components/ui/use-action-form";
import { FormError } from "@/components/auth/form-error";
import { acceptInvitationAction, acceptInvitationNewUserAction } from "@/lib/actions/auth";
import { AcceptInvitationNewUserSchema, AcceptInvitationSignedInSchema } from "@/lib/schemas/auth";

// Both forms join on the server and open the workspace; they work before the page's JavaScript has loaded.

export function AcceptAsSignedInForm({ token, email }: { token: string; email: string }) {
  const form = useActionForm(acceptInvitationAction, { schema: AcceptInvitationSignedInSchema });

  return (
    <form {...form.props} className="mt-6 space-y-4">
      <input type="hidden" name="token" value={token} />
      <FormError message={form.formError} />
      <p className="text-sm">
        You are signed in as <strong>{email}</strong>.
      </p>
      <Button type="submit" className="w-full" loading={form.pending}>
        Join the workspace
      </Button>
    </form>
  );
}

export function AcceptAsNewUserForm({ token, email }: { token: string; email: string | null }) {
  const form = useActionForm(acceptInvitationNewUserAction, { schema: AcceptInvitationNewUserSchema });

  return (
    <form {...form.props} className="mt-6 space-y-4">
      <input type="hidden" name="token" value={token} />
      <FormError message={form.formError} />
      <Field label="Your name" error={form.error("name")}>
        {(control) => <Input {...control} name="name" autoComplete="name" required maxLength={100} defaultValue={form.value("name")} />}
      </Field>
      <Field label="Email" error={form.error("email")}>
        {(control) => (
          <Input
            {...control}
            name="email"
            type="email"
            autoComplete="email"
            required
            defaultValue={email ?? form.value("email")}
            readOnly={Boolean(email)}
          />
        )}
      </Field>
      <Field label="Choose a password" hint="At least 10 characters." error={form.error("password")}>
        {(control) => <Input {...control} name="password" type="password" autoComplete="new-password" required minLength={10} />}
      </Field>
      <Button type="submit" className="w-full" loading={form.pending}>
        Create account and join
      </Button>
    </form>
  );
}
