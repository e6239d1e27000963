// The one text primitive of every schema: whatever a person or a program sends as a string
// (names, codes, comments, notes, search terms, emails, ids, filter values) crosses it before
// it reaches the database. PostgreSQL text and jsonb cannot hold a NUL character or a lone
// UTF-16 surrogate, and both would otherwise fail deep inside a write as a server error; a
// name made only of invisible characters, or one whose letters a direction override reorders,
// would be shown to others as something it is not.
import { z } from "zod";

/**
 * - `name`: one line, inner runs of whitespace (tabs and line breaks too) collapsed to one space
 *   ("Store  entrance" is "Store entrance"), no direction overrides or isolates.
 * - `line`: one line, kept as typed (search terms, codes, emails, ids, filter values).
 * - `multiline`: tabs and line breaks allowed (a Windows line break becomes "\n").
 * - `secret`: a password, checked but never changed: not trimmed, not normalised.
 */
export type TextKind = "name" | "line" | "multiline" | "secret";

export type TextOptions = {
  /** How messages name the field: "a name for the map", "the description". */
  what: string;
  /** The most characters (UTF-16 code units, as an input's maxLength counts them). */
  max: number;
  kind?: TextKind;
  /** At least one visible character; otherwise "" is the value of a field left empty. */
  required?: boolean;
  /** Replaces a message: `type` (not a string), `required` (empty), `tooLong`, `invisible` (only invisible characters). */
  messages?: Partial<Record<"type" | "required" | "tooLong" | "invisible", string>>;
};

export const TEXT_MESSAGES = {
  loneSurrogate: "This text holds a broken character (half of a UTF-16 surrogate pair). Retype it and try again.",
  lineBreak: "Keep this on one line: remove the line break or tab.",
  control: (codePoint: string) => `Remove the invisible control character ${codePoint}: it cannot be stored.`,
  directionOverride: (codePoint: string) =>
    `Remove the text-direction control ${codePoint}: it makes a name read differently from what it holds.`,
  invisibleOnly: (what: string) => `Enter ${what} with visible characters, not only invisible ones.`,
} as const;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** C0 controls, DEL and C1 controls. */
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
const CONTROL_BUT_TAB_AND_NEWLINE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
const TAB_OR_NEWLINE = /[\t\n\r]/;
/** Embeddings, overrides (U+202A-U+202E) and isolates (U+2066-U+2069). */
const DIRECTION_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
/** Whitespace, format characters (zero-width spaces and joiners, direction marks, BOM) and blank fillers. */
const INVISIBLE = /[\p{White_Space}\p{Cf}\u034F\u115F\u1160\u180B-\u180F\u3164\uFE00-\uFE0F\uFFA0]/gu;

function codePointOf(match: string): string {
  return `U+${match.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** Whether the text holds nothing a reader can see. */
export function isInvisible(value: string): boolean {
  return value.replace(INVISIBLE, "") === "";
}

/** What makes a string impossible to store (a lone surrogate, a control character), in a person's words, or null. */
export function textProblem(value: string, kind: TextKind = "line"): string | null {
  if (LONE_SURROGATE.test(value)) return TEXT_MESSAGES.loneSurrogate;
  // Multi-line text keeps tabs and line breaks; a name turns them into spaces (a name pasted from a
  // spreadsheet cell); anything else on one line must not have them.
  const keepsWhitespace = kind === "multiline" || kind === "name";
  const control = (keepsWhitespace ? CONTROL_BUT_TAB_AND_NEWLINE : CONTROL).exec(value.replace(/\r\n?/g, "\n"));
  if (control) return TAB_OR_NEWLINE.test(control[0]) ? TEXT_MESSAGES.lineBreak : TEXT_MESSAGES.control(codePointOf(control[0]));
  return null;
}

/**
 * A string field. In order: a string at all; not absurdly long (refused before any other work);
 * no lone surrogate; no control character (multi-line text keeps tabs and line breaks);
 * normalised to NFC, so "é" typed two ways is one name; trimmed (names also collapse inner
 * whitespace and refuse direction controls); not only invisible characters; then required
 * and at most `max` characters. Each refusal has its own message.
 */
export function text({ what, max, kind = "line", required = false, messages = {} }: TextOptions) {
  const tooLong = messages.tooLong ?? `Use at most ${max} characters for ${what}.`;
  const empty = messages.required ?? `Enter ${what}.`;
  return z.string({ error: messages.type ?? `Enter ${what} as text.` }).transform((raw, ctx) => {
    const fail = (message: string) => {
      ctx.issues.push({ code: "custom", message, input: raw });
      return z.NEVER;
    };
    // NFC can shorten a string but never to a quarter: anything longer is refused unread.
    if (raw.length > max * 4 + 16) return fail(tooLong);
    const problem = textProblem(raw, kind);
    if (problem) return fail(problem);
    if (kind === "secret") {
      if (required && raw.length === 0) return fail(empty);
      return raw.length > max ? fail(tooLong) : raw;
    }
    let value = raw.normalize("NFC");
    value = kind === "multiline" ? value.replace(/\r\n?/g, "\n").trim() : value.trim();
    if (kind === "name") {
      value = value.replace(/\s+/g, " ");
      const direction = DIRECTION_CONTROL.exec(value);
      if (direction) return fail(TEXT_MESSAGES.directionOverride(codePointOf(direction[0])));
    }
    if (value !== "" && isInvisible(value)) return fail(messages.invisible ?? TEXT_MESSAGES.invisibleOnly(what));
    if (required && value === "") return fail(empty);
    if (value.length > max) return fail(tooLong);
    return value;
  });
}

/** A required name: one line, whitespace collapsed, visible, at most `max` characters. */
export function requiredName(what: string, max: number) {
  return text({ what, max, kind: "name", required: true });
}

/** An optional single-line or multi-line text: "" when left out or empty. */
export function optionalText(what: string, max: number, kind: TextKind = "line") {
  return text({ what, max, kind }).optional().transform((value) => value ?? "");
}

/** Ids the client sends: checked against the workspace on the server, here only bounded and storable. */
export function idText(missing = "Something is missing from the request.") {
  return text({ what: "the id", max: 64, required: true, messages: { type: missing, required: missing, tooLong: missing, invisible: missing } });
}

/** The common id: a map's, a touchpoint's, an interview's... */
export const entityId = idText();

/** An email address: one line, lower case, checked for its form after the text rules. */
export function emailText({ required = true, missing = "Enter your email address." } = {}) {
  return text({ what: "the email address", max: 254, required, messages: { type: missing, required: missing, tooLong: "That email address is too long." } })
    .transform((value) => value.toLowerCase());
}
