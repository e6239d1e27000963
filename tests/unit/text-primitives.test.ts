// The text and date primitives every schema is built from: each hostile class is refused with
// its own message, NFC is applied, and the boundaries hold exactly.
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { TEXT_MESSAGES, entityId, isInvisible, optionalText, requiredName, text, textProblem } from "@/lib/schemas/text";
import { DATE_MESSAGES, isoDate } from "@/lib/schemas/date";

function messages(schema: z.ZodType, value: unknown): string[] {
  const parsed = schema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
}

const name = requiredName("a name for the map", 20);
const line = text({ what: "the search", max: 20 });
const multiline = optionalText("the notes", 50, "multiline");
const secret = text({ what: "the password", max: 20, kind: "secret" });

describe("text: control characters", () => {
  it.each([
    ["NUL", "a\u0000b", "U+0000"],
    ["bell", "a\u0007b", "U+0007"],
    ["escape", "a\u001Bb", "U+001B"],
    ["DEL", "a\u007Fb", "U+007F"],
    ["C1 next line", "a\u0085b", "U+0085"],
  ])("refuses %s in every kind of text, naming the character", (_label, value, codePoint) => {
    for (const schema of [name, line, multiline, secret, entityId]) {
      const found = messages(schema, value);
      expect(found.length).toBe(1);
      if (schema !== entityId) expect(found[0]).toBe(TEXT_MESSAGES.control(codePoint));
    }
  });

  it("keeps tabs and line breaks in multi-line text, a Windows line break becoming \\n", () => {
    expect(multiline.parse("first\r\nsecond\tthird\rfourth")).toBe("first\nsecond\tthird\nfourth");
  });

  it("collapses tabs and line breaks in a name, and refuses them in other one-line text", () => {
    expect(name.parse(" Take\t\n home ")).toBe("Take home");
    expect(messages(line, "a\nb")).toEqual([TEXT_MESSAGES.lineBreak]);
    expect(messages(line, "a\tb")).toEqual([TEXT_MESSAGES.lineBreak]);
  });
});

describe("text: lone surrogates", () => {
  it.each([
    ["a high surrogate at the end", "x\uD800"],
    ["a low surrogate alone", "\uDC00x"],
    ["two high surrogates", "\uD800\uD800"],
  ])("refuses %s", (_label, value) => {
    for (const schema of [name, line, multiline, secret]) expect(messages(schema, value)).toEqual([TEXT_MESSAGES.loneSurrogate]);
    expect(textProblem(value)).toBe(TEXT_MESSAGES.loneSurrogate);
  });

  it("accepts a complete pair (an emoji)", () => {
    expect(name.parse("Store 🛒")).toBe("Store 🛒");
  });
});

describe("text: NFC", () => {
  it("stores é typed as e + combining accent the same as é typed at once", () => {
    const decomposed = "Cafe\u0301";
    expect(decomposed).not.toBe("Café");
    expect(name.parse(decomposed)).toBe("Café");
    expect(line.parse(decomposed)).toBe("Café");
    expect(multiline.parse(decomposed)).toBe("Café");
  });

  it("counts the length after NFC", () => {
    const atMax = "e\u0301".repeat(20); // 40 code units typed, 20 characters stored
    expect(name.parse(atMax)).toBe("é".repeat(20));
  });

  it("leaves a password exactly as typed", () => {
    expect(secret.parse(" Cafe\u0301 ")).toBe(" Cafe\u0301 ");
  });
});

describe("text: invisible characters and direction controls", () => {
  it.each([
    ["zero-width space", "\u200B"],
    ["zero-width joiners", "\u200C\u200D"],
    ["word joiner and BOM", "\u2060\uFEFF"],
    ["direction marks", "\u200E\u200F"],
    ["a Hangul filler", "\u3164"],
    ["a soft hyphen", "\u00AD"],
  ])("refuses a name of only %s", (_label, value) => {
    expect(isInvisible(value)).toBe(true);
    expect(messages(name, value)).toEqual([TEXT_MESSAGES.invisibleOnly("a name for the map")]);
    expect(messages(multiline, value)).toEqual([TEXT_MESSAGES.invisibleOnly("the notes")]);
  });

  it.each([
    ["right-to-left override", "abc\u202Egpj.exe", "U+202E"],
    ["left-to-right embedding", "\u202Aabc", "U+202A"],
    ["first strong isolate", "abc\u2068def\u2069", "U+2068"],
  ])("refuses a %s in a name", (_label, value, codePoint) => {
    expect(messages(name, value)).toEqual([TEXT_MESSAGES.directionOverride(codePoint)]);
  });

  it("refuses a name of direction controls alone", () => {
    expect(messages(name, "\u202E")).toEqual([TEXT_MESSAGES.directionOverride("U+202E")]);
  });

  it("keeps direction controls in free text and direction marks in names (right-to-left content)", () => {
    expect(multiline.parse("quote: \u2067שלום\u2069")).toBe("quote: \u2067שלום\u2069");
    expect(name.parse("שלום\u200F shop")).toBe("שלום\u200F shop");
  });

  it("accepts a zero-width joiner inside visible text (emoji sequences, Indic scripts)", () => {
    expect(name.parse("👩\u200D💻 desk")).toBe("👩\u200D💻 desk");
  });
});

describe("text: length and emptiness", () => {
  it("takes exactly max characters and refuses one more", () => {
    expect(name.parse("x".repeat(20))).toBe("x".repeat(20));
    expect(messages(name, "x".repeat(21))).toEqual(["Use at most 20 characters for a name for the map."]);
  });

  it("refuses a 1 MB string as too long, without looking further", () => {
    expect(messages(name, `${"x".repeat(1024 * 1024)}\u0000`)).toEqual(["Use at most 20 characters for a name for the map."]);
  });

  it("requires a visible name, and lets optional text be empty", () => {
    expect(messages(name, "   ")).toEqual(["Enter a name for the map."]);
    expect(multiline.parse(undefined)).toBe("");
    expect(multiline.parse("  ")).toBe("");
  });

  it("refuses what is not a string", () => {
    expect(messages(name, 42)).toEqual(["Enter a name for the map as text."]);
    expect(messages(name, null)).toEqual(["Enter a name for the map as text."]);
    expect(messages(entityId, { id: 1 })).toEqual(["Something is missing from the request."]);
  });
});

describe("isoDate", () => {
  const date = isoDate();

  it("takes the first and last day of the range", () => {
    expect(date.parse("1900-01-01")).toBe("1900-01-01");
    expect(date.parse("2999-12-31")).toBe("2999-12-31");
  });

  it.each([
    ["year 0000", "0000-01-01", DATE_MESSAGES.early("1900-01-01")],
    ["the day before the range", "1899-12-31", DATE_MESSAGES.early("1900-01-01")],
    ["the day after the range", "3000-01-01", DATE_MESSAGES.late("2999-12-31")],
    ["year 9999", "9999-12-31", DATE_MESSAGES.late("2999-12-31")],
    ["a day that does not exist", "2026-02-30", DATE_MESSAGES.missing],
    ["a sixth-digit year", "+275760-09-13", DATE_MESSAGES.format],
    ["another format", "31/01/2026", DATE_MESSAGES.format],
    ["a NUL character", "2026-01-01\u0000", DATE_MESSAGES.format],
    ["1e300", "1e300", DATE_MESSAGES.format],
  ])("refuses %s", (_label, value, message) => {
    expect(messages(date, value)).toEqual([message]);
  });

  it("narrows the range when asked, with one message if given", () => {
    const interviewDay = isoDate({ min: "2000-01-01", message: "Enter the date." });
    expect(messages(interviewDay, "1999-12-31")).toEqual(["Enter the date."]);
    expect(messages(interviewDay, "0000-01-01")).toEqual(["Enter the date."]);
    expect(interviewDay.parse("2000-01-01")).toBe("2000-01-01");
    // A wider range than the product's is narrowed to it.
    expect(messages(isoDate({ min: "0001-01-01" }), "1899-12-31")).toEqual([DATE_MESSAGES.early("1900-01-01")]);
  });
});
