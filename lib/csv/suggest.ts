// First guesses for the mapping step, from a file's column names and the map: which column is
// the interview id, the date, a touchpoint's expectation and measure... The user confirms or
// changes each one.
import { valueKey, type ColumnTarget, type ImportLayout, type Measure } from "@/lib/schemas/import";
import type { FileColumn } from "@/lib/csv/survey-layout";

export type SuggestJourney = {
  touchpoints: readonly { id: string; name: string; expectations: readonly { id: string; text: string }[] }[];
};
export type SuggestField = { id: string; name: string };

const RULES: [RegExp, ColumnTarget["kind"]][] = [
  [/^(response ?id|interview ?id|respondent ?id|interview|id)$/, "interviewId"],
  [/respondent ?code|customer ?code|^code$|^respondent$|^customer$/, "respondentCode"],
  [/^(date|interview date|timestamp|recorded ?date|end ?date|completed|date created|conducted on)$/, "date"],
  [/interviewer/, "interviewer"],
  [/^(mode|interview mode|channel of interview)$/, "mode"],
  [/lifecycle/, "lifecycleStage"],
  [/value ?tier|^tier$/, "valueTier"],
  [/^segment$/, "segment"],
  [/overall/, "overallFeeling"],
  [/^notes?$/, "notes"],
  [/^touchpoint$/, "touchpoint"],
  [/^expectation$/, "expectation"],
  [/^outcome$/, "outcome"],
  [/^importance$/, "importance"],
  [/^feeling$/, "feeling"],
  [/^comments?$/, "comment"],
];

/** Which measure a wide file's column holds, from the words of its header or question. */
function measureOf(words: string): Measure | null {
  if (/comment|why|tell us|in your words/.test(words)) return "comment";
  if (/importan|matter/.test(words)) return "importance";
  if (/feel/.test(words)) return "feeling";
  if (/outcome|expect|met|exceed|miss|how did it go|how was it/.test(words)) return "outcome";
  return null;
}

/** Suggested targets per column index, and the layout they point to. */
export function suggestMapping(
  columns: readonly FileColumn[],
  journey: SuggestJourney,
  fields: readonly SuggestField[],
): { layout: ImportLayout; columns: { column: number; target: ColumnTarget }[] } {
  const taken = new Set<string>();
  const result: { column: number; target: ColumnTarget }[] = [];
  for (const column of columns) {
    const name = valueKey(column.name);
    const words = `${name} ${valueKey(column.question)}`;
    const field = fields.find((item) => valueKey(item.name) === name);
    if (field) {
      result.push({ column: column.index, target: { kind: "attribute", fieldId: field.id } });
      continue;
    }
    const question = valueKey(column.question);
    const rule =
      RULES.find(([pattern, kind]) => !taken.has(kind) && pattern.test(name)) ??
      (question ? RULES.find(([pattern, kind]) => !taken.has(kind) && pattern.test(question)) : undefined);
    if (rule) {
      taken.add(rule[1]);
      result.push({ column: column.index, target: { kind: rule[1] } as ColumnTarget });
      continue;
    }
    // A wide column names a touchpoint and one of its expectations (longest names first, so
    // "Checkout queue" wins over "Checkout").
    const touchpoints = [...journey.touchpoints].sort((a, b) => b.name.length - a.name.length);
    const touchpoint = touchpoints.find((item) => words.includes(valueKey(item.name)));
    const expectation = touchpoint
      ? [...touchpoint.expectations].sort((a, b) => b.text.length - a.text.length).find((item) => words.includes(valueKey(item.text)))
      : undefined;
    if (!touchpoint || !expectation) continue;
    const rest = words.replace(valueKey(touchpoint.name), " ").replace(valueKey(expectation.text), " ");
    const measure = measureOf(rest);
    const key = `${touchpoint.id}/${expectation.id}/${measure}`;
    if (!measure || taken.has(key)) continue;
    taken.add(key);
    result.push({ column: column.index, target: { kind: "measure", measure, touchpointId: touchpoint.id, expectationId: expectation.id } });
  }
  return { layout: result.some((item) => item.target.kind === "measure") ? "wide" : "long", columns: result };
}
