"use client";

import { useState, useTransition, type FormEvent } from "react";
import type { ActionResult } from "@/lib/action-result";
import { formToObject } from "@/lib/form-data";

/**
 * A form that sends its fields to one server action: `onSubmit` for the form, `pending`
 * while the action runs, the last `result` for field errors (`fieldError(result, "name")`),
 * and `formError`, the message of a refusal that is not about one field. `onSuccess` runs
 * with the action's data when it accepts.
 */
export function useActionForm<T>(
  submit: (values: Record<string, string>) => Promise<ActionResult<T>>,
  onSuccess?: (data: T) => void,
) {
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<T> | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = formToObject(new FormData(event.currentTarget));
    startTransition(async () => {
      const outcome = await submit(values);
      setResult(outcome);
      if (outcome.ok) onSuccess?.(outcome.data);
    });
  }

  const formError = result && !result.ok && !result.fieldErrors ? (result.formError ?? null) : null;
  return { onSubmit, pending, result, formError };
}
