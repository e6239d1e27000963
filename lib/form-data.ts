// What a form sends, turned into the shape its zod schema reads. The browser (checking a form
// before it is sent) and the server (parsing a form's submission) both go through
// formDataToInput, so they read the same form the same way.

/** Keys React and Next.js add to a form submitted before hydration (the action's id, its bound arguments). */
const FRAMEWORK_KEY = /^\$ACTION/;
const UNSAFE_SEGMENTS = new Set(["__proto__", "prototype", "constructor"]);
/** No form has this many rows; a larger index would make a huge sparse array to parse. */
const MAX_INDEX = 999;

type Container = Record<string, unknown> | unknown[];

/**
 * A form's fields as the input of its schema. A field's name is the path of its value, the
 * same path a zod issue names: `name` is a property, `segmentQuotas.0.target` the `target` of
 * the first element of the array `segmentQuotas`. Array indices must run 0, 1, 2... as the form
 * renders its rows (an index above 999 is ignored). Values stay strings (the schemas turn "12"
 * into 12 and "on" into true); files are left out; of repeated names the last value wins.
 */
export function formDataToInput(form: FormData): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  form.forEach((value, key) => {
    if (typeof value === "string" && !FRAMEWORK_KEY.test(key)) setPath(input, key.split("."), value);
  });
  return input;
}

function setPath(input: Record<string, unknown>, path: string[], value: string) {
  if (path.some((segment) => segment === "" || UNSAFE_SEGMENTS.has(segment) || (/^\d+$/.test(segment) && !isIndex(segment)))) return;
  let node: Container = input;
  for (const [index, segment] of path.entries()) {
    // A name that treats a list as a record ("rows.0" and "rows.x") keeps the list.
    if (Array.isArray(node) && !isIndex(segment)) return;
    const record = node as Record<string | number, unknown>;
    const slot = Array.isArray(node) ? Number(segment) : segment;
    const next = path[index + 1];
    if (next === undefined) {
      record[slot] = value;
      return;
    }
    if (typeof record[slot] !== "object" || record[slot] === null) record[slot] = isIndex(next) ? [] : {};
    node = record[slot] as Container;
  }
}

function isIndex(segment: string): boolean {
  return /^\d{1,3}$/.test(segment) && Number(segment) <= MAX_INDEX;
}

/**
 * The text a form sent, by field name, to fill the form in again when a submission made
 * without JavaScript comes back refused (the page is rendered anew, so the fields would
 * otherwise start from their defaults). Passwords are never sent back.
 */
export function submittedValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  form.forEach((value, key) => {
    if (typeof value !== "string" || FRAMEWORK_KEY.test(key) || /password/i.test(key)) return;
    values[key] = value;
  });
  return values;
}
