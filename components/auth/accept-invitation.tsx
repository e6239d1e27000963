"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { FormError } from "@/components/auth/form-error";
import { acceptInvitationAction, acceptInvitationNewUserAction } from "@/lib/actions/auth";
import { fieldError, type ActionResult } from "@/lib/action-result";
import { formToObject } from "@/lib/form-data";

type Result = ActionResult<{ workspaceId: string }>;

export function AcceptAsSignedInForm({ token, email }: { token: string; email: string }) {
  const router = useRouter();
  const [result, setResult] = useState<Result | null>(null);
  const [pending, setPending] = useState(false);

  async function accept() {
    setPending(true);
    const outcome = await acceptInvitationAction({ token });
    setResult(outcome);
    if (!outcome.ok) {
      setPending(false);
      return;
    }
    router.replace(`/w/${outcome.data.workspaceId}`);
    router.refresh();
  }

  return (
    <div className="mt-6 space-y-4">
      <FormError message={result && !result.ok ? result.formError : null} />
      <p className="text-sm">
        You are signed in as <strong>{email}</strong>.
      </p>
      <Button className="w-full" loading={pending} onClick={accept}>
        Join the workspace
      </Button>
    </div>
  );
}

export function AcceptAsNewUserForm({ token, email }: { token: string; email: string | null }) {
  const router = useRouter();
  const [result, setResult] = useState<Result | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = formToObject(new FormData(event.currentTarget));
    setPending(true);
    const outcome = await acceptInvitationNewUserAction({ ...values, token });
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
      <Field label="Email" error={fieldError(result, "email")}>
        {(control) => <Input {...control} name="email" type="email" autoComplete="email" required defaultValue={email ?? ""} readOnly={Boolean(email)} />}
      </Field>
      <Field label="Choose a password" hint="At least 10 characters." error={fieldError(result, "password")}>
        {(control) => <Input {...control} name="password" type="password" autoComplete="new-password" required minLength={10} />}
      </Field>
      <Button type="submit" className="w-full" loading={pending}>
        Create account and join
      </Button>
    </form>
  );
}
