// The one result shape of every server action, safe to import in client components.

export type FieldErrors = Partial<Record<string, string[]>>;

export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | {
      ok: false;
      formError?: string;
      /** By the path of the field, as the form names it: `name`, `segmentQuotas.0.target`. */
      fieldErrors?: FieldErrors;
      /** What a form sent (no passwords), to fill it in again when it was sent before JavaScript loaded. */
      values?: Record<string, string>;
    };

/**
 * The arguments of a server action: its input when code calls it (`createMapAction(workspaceId,
 * { ... })`), or, when it is a form's action through useActionState, the form's previous state
 * and what the form sent (its FormData).
 */
export type ActionArgs = [input: unknown] | [previous: unknown, input: unknown];

/**
 * The messages about a field and what it holds: `errorsFor(errors, "values")` finds those under
 * "values" and "values.3". Undefined when nothing was said about it; an empty list when it was
 * checked and found fine.
 */
export function errorsFor(errors: FieldErrors, name: string): string[] | undefined {
  let found: string[] | undefined;
  for (const [key, messages] of Object.entries(errors)) {
    if (messages && (key === name || key.startsWith(`${name}.`))) found = [...(found ?? []), ...messages];
  }
  return found;
}
