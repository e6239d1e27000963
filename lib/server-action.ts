import "server-only";
import { redirect } from "next/navigation";
import type { z } from "zod";
import type { ActionArgs, ActionResult } from "@/lib/action-result";
import { runAction } from "@/lib/errors";
import { formDataToInput, submittedValues } from "@/lib/form-data";

export type ServerActionSpec<S extends z.ZodType, T> = {
  /** The input's schema: its issues come back as field errors. */
  schema: S;
  /** The work, on the parsed input; a UserError it throws becomes a failed result. */
  run: (data: z.output<S>) => Promise<T>;
  /** Re-renders the pages that show what changed; called only after a success. */
  revalidate?: (data: T, input: z.output<S>) => void;
  /**
   * The page a form goes on to after a success. Only a form's submission goes there (with or
   * without JavaScript: before hydration the browser follows the redirect itself); code that
   * calls the action gets the result.
   */
  redirectTo?: (data: T, input: z.output<S>) => string;
};

/** What the action was given to work on: the input of a call, or what a form sent. */
export function actionInput(args: ActionArgs): unknown {
  const input = args.length === 2 ? args[1] : args[0];
  return input instanceof FormData ? formDataToInput(input) : input;
}

/**
 * The body of a server action, called directly or as a form's action: a form's FormData is
 * read into the schema's shape (lib/form-data.ts, as the browser reads it to check the form
 * first), then the schema, the work, revalidation, and for a form the next page. A refused
 * form gets back what it sent, so a page rendered anew after a submission without JavaScript
 * shows the fields as they were.
 */
export async function serverAction<S extends z.ZodType, T>(
  args: ActionArgs,
  { schema, run, revalidate, redirectTo }: ServerActionSpec<S, T>,
): Promise<ActionResult<T>> {
  const sent = args.length === 2 ? args[1] : args[0];
  const form = sent instanceof FormData ? sent : null;
  let next: string | undefined;
  const result = await runAction(schema, actionInput(args), async (data) => {
    const output = await run(data);
    revalidate?.(output, data);
    if (args.length === 2 && redirectTo) next = redirectTo(output, data);
    return output;
  });
  // redirect() throws Next's control-flow error, so it runs outside runAction's catch.
  if (result.ok && next) redirect(next);
  if (!result.ok && form) return { ...result, values: submittedValues(form) };
  return result;
}
