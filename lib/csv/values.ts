// What a file's values mean: "Exceeded expectations" is EXCEEDED, "Very important" is 5,
// "Loved it" is LOVE. The words survey tools and spreadsheets commonly use are known; the
// mapping step suggests them for the values found, and the user's choices win.
import { valueKey, VALUE_TARGETS, type ImportMapping, type ValueKind } from "@/lib/schemas/import";

const KNOWN: Record<ValueKind, Record<string, string>> = {
  outcome: words({
    MISSED: ["missed", "missed expectations", "below expectations", "did not meet expectations", "didn't meet expectations", "worse than expected", "not met", "fell short", "under expectations"],
    MET: ["met", "met expectations", "meets expectations", "as expected", "matched expectations", "in line with expectations"],
    EXCEEDED: ["exceeded", "exceeded expectations", "exceeds expectations", "above expectations", "better than expected", "beyond expectations"],
  }),
  importance: words({
    "1": ["1", "barely noticed", "not important", "not at all important", "unimportant"],
    "2": ["2", "minor", "slightly important", "of little importance", "low importance"],
    "3": ["3", "mattered", "moderately important", "somewhat important", "neutral"],
    "4": ["4", "important", "quite important"],
    "5": ["5", "critical", "very important", "extremely important", "essential"],
  }),
  feeling: words({
    HATE: ["hate", "hated", "hated it", "i hated it"],
    DISLIKE: ["dislike", "disliked", "disliked it", "didn't like it", "did not like it"],
    EH: ["eh", "meh", "neutral", "indifferent", "ok", "okay"],
    LIKE_A_LOT: ["like a lot", "liked it a lot", "liked it", "like it", "like_a_lot"],
    LOVE: ["love", "loved", "loved it", "i loved it"],
    IN_LOVE: ["in love", "in_love", "fell in love", "in love with it"],
  }),
  mode: words({
    IN_PERSON: ["in person", "in_person", "in-person", "face to face", "face-to-face", "on site", "store"],
    PHONE: ["phone", "telephone", "by phone", "call"],
    VIDEO: ["video", "video call", "online", "zoom", "teams", "web"],
  }),
  lifecycleStage: words({ PROSPECT: ["prospect", "lead"], NEW: ["new", "new customer"], ESTABLISHED: ["established", "existing", "loyal"], LAPSED: ["lapsed", "churned", "former"] }),
  valueTier: words({ HIGH: ["high"], MEDIUM: ["medium", "mid"], LOW: ["low"], UNKNOWN: ["unknown", "n/a", "not known"] }),
};

function words(table: Record<string, string[]>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [target, list] of Object.entries(table)) {
    result[target.toLowerCase()] = target;
    for (const word of list) result[word] = target;
  }
  return result;
}

/** A guess for a value no table knows, from the words in it ("5 - Very important", "Loved it!"). */
function guess(kind: ValueKind, key: string): string | null {
  if (kind === "importance") {
    const digit = /^([1-5])\b/.exec(key) ?? /\b([1-5])$/.exec(key);
    return digit ? digit[1]! : null;
  }
  const plain = key.replace(/[^a-z ]/g, "").trim();
  const known = KNOWN[kind][plain];
  if (known) return known;
  if (kind === "outcome") {
    if (/exceed|better|above|beyond/.test(plain)) return "EXCEEDED";
    if (/miss|below|worse|short|not meet|didnt meet/.test(plain)) return "MISSED";
    if (/\bmet\b|as expected|meets/.test(plain)) return "MET";
  }
  if (kind === "feeling") {
    if (/in love/.test(plain)) return "IN_LOVE";
    if (/hate/.test(plain)) return "HATE";
    if (/dislike|not like/.test(plain)) return "DISLIKE";
    if (/love/.test(plain)) return "LOVE";
    if (/like/.test(plain)) return "LIKE_A_LOT";
  }
  return null;
}

/** What a value most likely means, or null when nothing suggests it. */
export function suggestValue(kind: ValueKind, raw: string): string | null {
  const key = valueKey(raw);
  if (key === "") return null;
  const known = KNOWN[kind][key] ?? guess(kind, key);
  return known && (VALUE_TARGETS[kind] as readonly string[]).includes(known) ? known : null;
}

/**
 * What a value means under a mapping: the user's choice for it, else the known word. Empty
 * means "no value"; undefined means the value is not understood (a bad row).
 */
export function resolveValue(kind: ValueKind, raw: string, mapping: Pick<ImportMapping, "values">): string | null | undefined {
  const key = valueKey(raw);
  if (key === "") return null;
  const chosen = mapping.values[kind][key];
  if (chosen !== undefined) return chosen === "" ? null : chosen;
  return suggestValue(kind, raw) ?? undefined;
}
