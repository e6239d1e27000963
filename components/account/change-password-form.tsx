"use client";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { FormError, FormStatus } from "@/components/auth/form-error";
import { useActionForm } from "@/components/ui/use-action-form";
import { changePasswordAction } from "@/lib/actions/account";
import { ChangePasswordSchema } from "@/lib/schemas/auth";

/** Current and new password; on success every other session has ended and this one goes on. */
export function ChangePasswordForm() {
  const form = useActionForm(changePasswordAction, { schema: ChangePasswordSchema, resetOnSuccess: true });
  const done = form.result?.ok
    ? `Password changed. ${form.result.data.endedSessions > 1 ? "Every other session has ended." : "No other session was open."}`
    : null;
  return (
    <form {...form.props} className="max-w-md space-y-4">
      <FormError message={form.formError} />
      <Field label="Current password" error={form.error("currentPassword")}>
        {(control) => <Input {...control} name="currentPassword" type="password" autoComplete="current-password" required />}
      </Field>
      <Field label="New password" hint="At least 10 characters." error={form.error("newPassword")}>
        {(control) => <Input {...control} name="newPassword" type="password" autoComplete="new-password" required minLength={10} />}
      </Field>
      <div className="flex items-center gap-3">
        <Button type="submit" loading={form.pending}>
          Change password
        </Button>
        <FormStatus message={done} />
      </div>
    </form>
  );
}
