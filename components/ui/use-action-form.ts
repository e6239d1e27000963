"use client";

import { startTransition, useActionState, useEffect, useRef, useState, type FocusEvent, type FormEvent } from "react";
import type { z } from "zod";
import { errorsFor, type ActionArgs, type ActionResult, type FieldErrors } from "@/lib/action-result";
import { FIELDS_NEED_ATTENTION, zodFieldErrors } from "@/lib/errors";
import { formDataToInput } from "@/lib/form-data";

/**
 * A server action as a form calls it: `(previous result, FormData)`. Every action takes its
 * input either alone or after a previous state (ActionArgs), so any of them fits; one inside a
 * workspace gets its workspace id from bindWorkspace.
 */
export type FormServerAction<T> = (previous: unknown, formData: FormData) => Promise<ActionResult<T>>;

type WorkspaceServerAction<T> = (workspaceId: string, ...args: ActionArgs) => Promise<ActionResult<T>>;

const boundActions = new WeakMap<object, Map<string, FormServerAction<unknown>>>();
/** Workspaces remembered per action; the server renders for many, a browser for one or two. */
const BOUND_PER_ACTION = 200;

/**
 * `action.bind(null, workspaceId)`, the same function each time for the same action and
 * workspace. A form rendered after a submission without JavaScript has React compare the
 * action's bound arguments with the submitted ones, and it waits for them to be known; a new
 * `.bind()` on every render never is, and the page would never finish rendering.
 */
export function bindWorkspace<T>(action: WorkspaceServerAction<T>, workspaceId: string): FormServerAction<T> {
  let byWorkspace = boundActions.get(action);
  if (!byWorkspace) boundActions.set(action, (byWorkspace = new Map()));
  let bound = byWorkspace.get(workspaceId);
  if (!bound) {
    const oldest = byWorkspace.keys().next();
    if (byWorkspace.size >= BOUND_PER_ACTION && !oldest.done) byWorkspace.delete(oldest.value);
    bound = action.bind(null, workspaceId) as FormServerAction<unknown>;
    byWorkspace.set(workspaceId, bound);
  }
  return bound as FormServerAction<T>;
}

export type ActionFormOptions<T> = {
  /**
   * The schema the action parses its input with. The browser runs it on the form's fields
   * (read as the server reads them) before sending, on a changed field when it loses focus and
   * on a field showing an error as it is corrected, so mistakes show at once; the server still
   * checks everything.
   */
  schema?: z.ZodType;
  /** After the action accepts, with its data and what the form sent. An action that redirects a form moves to another page instead. */
  onSuccess?: (data: T, sent: FormData) => void;
  /** Empties the form after a success, for forms that add one thing after another. */
  resetOnSuccess?: boolean;
};

type ClientCheck = { errors: FieldErrors; formError?: string; focus?: boolean };

/** The name of the form control an event came from ("" for anything else). */
function fieldName(target: EventTarget): string {
  const control = target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement;
  return control ? target.name : "";
}

/**
 * A refused check says what is wrong next to each field, and moves the focus to the first;
 * only an error that no field of the form shows (about the whole form, or a hidden id)
 * becomes the form's message.
 */
function unshownError(form: HTMLFormElement, errors: FieldErrors): string | undefined {
  const names = (Array.from(form.elements) as HTMLInputElement[])
    .filter((element) => element.name && element.type !== "hidden")
    .map((element) => element.name);
  for (const [key, messages] of Object.entries(errors)) {
    const shown = key !== "_form" && names.some((name) => key === name || key.startsWith(`${name}.`));
    if (!shown && messages?.length) return key === "_form" ? messages[0] : FIELDS_NEED_ATTENTION;
  }
  return undefined;
}

/**
 * A form whose fields go to one server action through React's useActionState:
 *
 * ```tsx
 * const form = useActionForm(bindWorkspace(createMapAction, workspaceId), { schema: CreateMapSchema });
 * <form {...form.props}>
 *   <FormError message={form.formError} />
 *   <Field label="Name" error={form.error("name")}>{(c) => <Input {...c} name="name" defaultValue={form.value("name")} />}</Field>
 *   <Button type="submit" loading={form.pending}>Create map</Button>
 * </form>
 * ```
 *
 * `props.action` is the action itself, so a form submitted before hydration (or without
 * JavaScript) is still sent, and the page comes back with its result. Once hydrated, submitting
 * checks the fields with `schema` first and sends only a form that passes; a field that was
 * changed is checked when it loses focus. Everything the form sends must be a named
 * field (hidden inputs for ids), because the browser and the server both read the FormData.
 */
export function useActionForm<T>(action: FormServerAction<T>, { schema, onSuccess, resetOnSuccess = false }: ActionFormOptions<T> = {}) {
  const [result, formAction, pending] = useActionState<ActionResult<T> | null, FormData>(action, null);
  const [check, setCheck] = useState<ClientCheck | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const changed = useRef(new Set<string>());
  const lastSent = useRef(new FormData());
  const onSuccessRef = useRef(onSuccess);
  // The result this form has already acted on: the one it started with (a page rendered after a
  // submission without JavaScript) is not acted on again when the page hydrates.
  const handled = useRef(result);

  useEffect(() => {
    onSuccessRef.current = onSuccess;
  });

  useEffect(() => {
    if (result === handled.current) return;
    handled.current = result;
    if (!result?.ok) return;
    if (resetOnSuccess) {
      formRef.current?.reset();
      changed.current.clear();
    }
    onSuccessRef.current?.(result.data, lastSent.current);
  }, [result, resetOnSuccess]);

  // After a refused submit, the first field with an error takes the focus, once it shows the error.
  useEffect(() => {
    if (!check?.focus || !formRef.current) return;
    for (const element of Array.from(formRef.current.elements) as HTMLInputElement[]) {
      if (element.name && element.type !== "hidden" && errorsFor(check.errors, element.name)?.length) {
        element.focus();
        return;
      }
    }
  }, [check]);

  const refused = result && !result.ok ? result : null;

  function checkForm(form: HTMLFormElement): FieldErrors {
    if (!schema) return {};
    const parsed = schema.safeParse(formDataToInput(new FormData(form)));
    return parsed.success ? {} : zodFieldErrors(parsed.error);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const errors = checkForm(form);
    if (Object.keys(errors).length > 0) {
      setCheck({ errors, formError: unshownError(form, errors), focus: true });
      return;
    }
    setCheck(null);
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(form, submitter?.getAttribute("name") ? submitter : null);
    lastSent.current = data;
    startTransition(() => formAction(data));
  }

  // Checks one field against the whole form and records the answer for it alone.
  function recheck(form: HTMLFormElement, name: string) {
    const found = errorsFor(checkForm(form), name) ?? [];
    setCheck((current) => {
      const errors: FieldErrors = {};
      for (const [key, messages] of Object.entries(current?.errors ?? {})) {
        if (key !== name && !key.startsWith(`${name}.`)) errors[key] = messages;
      }
      // An empty list records that the field was checked and is fine: it hides what the server
      // said about the value it had before.
      errors[name] = found;
      return { errors, formError: current?.formError };
    });
  }

  // A field that shows an error is checked again as it is typed in, so the error goes as soon
  // as it is fixed; others wait until they are left. Were a fixed field's error to go only when
  // it is left, the press on the submit button that leaves it would move the button as the error
  // disappears, and the click could miss it.
  function onChange(event: FormEvent<HTMLFormElement>) {
    const name = fieldName(event.target);
    if (!name) return;
    changed.current.add(name);
    if (schema && error(name) !== undefined) recheck(event.currentTarget, name);
  }

  function onBlur(event: FocusEvent<HTMLFormElement>) {
    const name = fieldName(event.target);
    if (schema && name && changed.current.has(name)) recheck(event.currentTarget, name);
  }

  /**
   * The message under a field: the browser's check, else the server's answer. `name` covers
   * what the field holds (`values` also finds `values.3`) unless `exact`, for a message about
   * a list as a whole above rows that show their own.
   */
  function error(name: string, { exact = false }: { exact?: boolean } = {}): string | undefined {
    const find = (errors: FieldErrors) => (exact ? errors[name] : errorsFor(errors, name));
    const client = check ? find(check.errors) : undefined;
    if (client) return client[0];
    return pending || !refused?.fieldErrors ? undefined : find(refused.fieldErrors)?.[0];
  }

  return {
    /** Spread on the <form>. */
    props: { ref: formRef, action: formAction, onSubmit, onChange, onBlur, noValidate: true },
    /** The action is running. */
    pending,
    /** The action's last answer (null before the first). */
    result,
    /** The message under a field (see `error` above). */
    error,
    /** The message for the whole form, for <FormError>. */
    formError: check?.formError ?? (pending ? undefined : refused?.formError),
    /** What the last refused submission sent (no passwords), or null: for forms that rebuild rows from it. */
    sent: refused?.values ?? null,
    /** A field's starting text: what was sent when a submission came back refused, else `fallback`. */
    value(name: string, fallback = ""): string {
      return refused?.values?.[name] ?? fallback;
    },
    /** A checkbox's or radio's starting state, likewise (`value` for a radio of that value). */
    checked(name: string, fallback: boolean, value = "on"): boolean {
      return refused?.values ? refused.values[name] === value : fallback;
    },
  };
}
