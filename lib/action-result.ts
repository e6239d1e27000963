// The one result shape of every server action, safe to import in client components.

export type FieldErrors = Partial<Record<string, string[]>>;

export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; formError?: string; fieldErrors?: FieldErrors };

/** The first error message for a field, for rendering under it. */
export function fieldError(result: ActionResult<unknown> | null | undefined, field: string): string | undefined {
  if (!result || result.ok) return undefined;
  return result.fieldErrors?.[field]?.[0];
}
