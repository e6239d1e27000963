"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { FormError } from "@/components/auth/form-error";
import { signUpAction } from "@/lib/actions/auth";
import { fieldError, type ActionResult } from "@/lib/action-result";
import { formToObject } from "@/lib/form-data";

export function SignUpForm() {
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<{ workspaceId: string }> | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = formToObject(new FormData(event.currentTarget));
    setPending(true);
    const outcome = await signUpAction(values);
    setResult(outcome);
    if (!outcome.ok) {
      setPending(false);
      return;
    }
    await signIn("credentials", { redirect: false, email: values.email, password: values.password });
    router.replace(`/w/${outcome.data.workspaceId}`);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="mt-6 space-y-4" noValidate>
      <FormError message={result && !result.ok ? result.formError : null} />
      <Field label="Your name" error={fieldError(result, "name")}>
        {(control) => <Input {...control} name="name" autoComplete="name" required maxLength={100} />}
      </Field>
      <Field label="Work email" error={fieldError(result, "email")}>
        {(control) => <Input {...control} name="email" type="email" autoComplete="email" required />}
      </Field>
      <Field label="Password" hint="At least 10 characters." error={fieldError(result, "password")}>
        {(control) => <Input {...control} name="password" type="password" autoComplete="new-password" required minLength={10} />}
      </Field>
      <Field label="Workspace name" hint="Usually your company or team." error={fieldError(result, "workspaceName")}>
        {(control) => <Input {...control} name="workspaceName" required maxLength={80} />}
      </Field>
      <Button type="submit" className="w-full" loading={pending}>
        Create workspace
      </Button>
    </form>
  );
}
