"use client";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useActionForm } from "@/components/ui/use-action-form";
import { FormError } from "@/components/auth/form-error";
import { signUpAction } from "@/lib/actions/auth";
import { SignUpSchema } from "@/lib/schemas/auth";

/** Creates the account and its workspace, signs in and opens the workspace. */
export function SignUpForm() {
  const form = useActionForm(signUpAction, { schema: SignUpSchema });

  return (
    <form {...form.props} className="mt-6 space-y-4">
      <FormError message={form.formError} />
      <Field label="Your name" error={form.error("name")}>
        {(control) => <Input {...control} name="name" autoComplete="name" required maxLength={100} defaultValue={form.value("name")} />}
      </Field>
      <Field label="Work email" error={form.error("email")}>
        {(control) => <Input {...control} name="email" type="email" autoComplete="email" required defaultValue={form.value("email")} />}
      </Field>
      <Field label="Password" hint="At least 10 characters." error={form.error("password")}>
        {(control) => <Input {...control} name="password" type="password" autoComplete="new-password" required minLength={10} />}
      </Field>
      <Field label="Workspace name" hint="Usually your company or team." error={form.error("workspaceName")}>
        {(control) => <Input {...control} name="workspaceName" required maxLength={80} defaultValue={form.value("workspaceName")} />}
      </Field>
      <Button type="submit" className="w-full" loading={form.pending}>
        Create workspace
      </Button>
    </form>
  );
}
