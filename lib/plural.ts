// Counted nouns in English ("1 interview", "2 interviews", "1,204 observations"). Pure: it runs
// on the server and in the browser alike.

const rules = new Intl.PluralRules("en");

/** A noun's two English forms; the plural defaults to the singular plus "s". */
export type Noun = string | { one: string; other: string };

/** The form of `noun` that agrees with `count` ("observation" for 1, "observations" otherwise). */
export function pluralForm(count: number, noun: Noun): string {
  const { one, other } = typeof noun === "string" ? { one: noun, other: `${noun}s` } : noun;
  return rules.select(count) === "one" ? one : other;
}

/** `count` with thousands separators, then the noun in the form that agrees with it. */
export function plural(count: number, noun: Noun): string {
  return `${count.toLocaleString("en")} ${pluralForm(count, noun)}`;
}

const ordinals = new Intl.PluralRules("en", { type: "ordinal" });
const ORDINAL_SUFFIX: Partial<Record<Intl.LDMLPluralRule, string>> = { one: "st", two: "nd", few: "rd" };

/** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st... */
export function ordinal(count: number): string {
  return `${count}${ORDINAL_SUFFIX[ordinals.select(count)] ?? "th"}`;
}
