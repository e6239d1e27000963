"use client";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useActionForm } from "@/components/ui/use-action-form";
import { FormError } from "@/components/auth/form-error";
import { signInAction } from "@/lib/actions/auth";
import { SignInFormSchema } from "@/lib/schemas/auth";

/** Signs in on the server and goes on to `callbackUrl`; works before the page's JavaScript has loaded. */
export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const form = useActionForm(signInAction, { schema: SignInFormSchema });

  return (
    <form {...form.props} className="mt-6 space-y-4">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <FormError message={form.formError} />
      <Field label="Email" error={form.error("email")}>
        {(control) => (
          <Input {...control} name="email" type="email" autoComplete="email" required autoFocus defaultValue={form.value("email")} />
        )}
      </Field>
      <Field label="Password" error={form.error("password")}>
        {(control) => <Input {...control} name="password" type="password" autoComplete="current-password" required />}
      </Field>
      <Button type="submit" className="w-full" loading={form.pending}>
        Sign in
      </Button>
    </form>
  );
}
