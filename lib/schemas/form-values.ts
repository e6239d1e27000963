// Schemas for values as HTML forms send them, shared by the schemas of lib/schemas.
import { z } from "zod";

/** A checkbox: a form sends "on" when it is ticked and nothing when it is not; code sends a boolean. */
export const checkbox = z.preprocess(
  (value) => (value === "on" || value === "true" ? true : value === undefined || value === "" || value === "false" ? false : value),
  z.boolean({ error: "Tick the box or leave it empty." }),
);

/** A textarea with one entry per line: blank lines are dropped, each line trimmed; code sends the list. */
export function lines<T extends z.ZodType>(list: T) {
  return z.preprocess(
    (value) =>
      typeof value === "string"
        ? value
            .split(/\r?\n/)
            .map((line) => line.trim())
            .filter(Boolean)
        : value,
    list,
  );
}
