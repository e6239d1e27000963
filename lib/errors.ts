import { z } from "zod";
import type { ActionResult, FieldErrors } from "@/lib/action-result";

/**
 * An expected failure whose message is meant for the user ("That name is already used
 * in this stage."). Anything else that is thrown is a bug: it goes to the error boundary
 * and the log, never to the user as text. `status` is the HTTP answer a route handler gives
 * it; `code`, when set, tells a client program which failure it is without reading the text.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: FieldErrors,
    readonly status: number = 400,
    readonly code?: string,
  ) {
    super(message);
    this.name = "UserError";
  }
}

/** The form-level message when the schema refused some fields; each field says what is wrong with it. */
export const FIELDS_NEED_ATTENTION = "Some fields need your attention.";

/** Zod's issues by field path ("name", "segmentQuotas.0.target"); issues about the whole input under "_form". */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.join(".") : "_form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return fieldErrors;
}

/**
 * Parses the input with the schema and runs the work; zod issues and UserErrors become a
 * failed ActionResult, everything else is rethrown.
 */
export async function runAction<S extends z.ZodType, T>(
  schema: S,
  input: unknown,
  work: (data: z.output<S>) => Promise<T>,
): Promise<ActionResult<T>> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors = zodFieldErrors(parsed.error);
    return { ok: false, formError: fieldErrors._form?.[0] ?? FIELDS_NEED_ATTENTION, fieldErrors };
  }
  try {
    return { ok: true, data: await work(parsed.data) };
  } catch (error) {
    if (error instanceof UserError) return { ok: false, formError: error.message, fieldErrors: error.fieldErrors };
    throw error;
  }
}
