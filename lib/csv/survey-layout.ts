// The header rows survey tools write before the answers, read from a file's first records:
// Qualtrics adds a row of question texts and a row of import ids, SurveyMonkey a row of answer
// options under its questions, Google Forms starts with a Timestamp column and question texts
// as headers. Knowing them, a file from these tools needs little more than the mapping.

export const SURVEY_TOOLS = ["qualtrics", "surveymonkey", "googleforms", "plain"] as const;
export type SurveyTool = (typeof SURVEY_TOOLS)[number];
export const SURVEY_TOOL_LABELS: Record<SurveyTool, string> = {
  qualtrics: "Qualtrics export",
  surveymonkey: "SurveyMonkey export",
  googleforms: "Google Forms export",
  plain: "Spreadsheet",
};

export type FileColumn = {
  index: number;
  /** What the mapping step calls the column: its header, or the tool's question and option. */
  name: string;
  /** The question text a tool writes beside its short header (Qualtrics), if any. */
  question: string;
};

export type SurveyLayout = { tool: SurveyTool; extraHeaderRows: number; columns: FileColumn[] };

const QUALTRICS_IMPORT_ID = /^\s*\{\s*"ImportId"\s*:/;
const SURVEYMONKEY_ROW_TWO = new Set(["response", "open-ended response", "other (please specify)"]);

/** The layout of a file from its first records (the header row first). */
export function detectSurveyLayout(records: readonly (readonly string[])[]): SurveyLayout {
  const header = records[0] ?? [];
  const second = records[1] ?? [];
  const third = records[2] ?? [];

  if (third.some((cell) => QUALTRICS_IMPORT_ID.test(cell))) {
    return {
      tool: "qualtrics",
      extraHeaderRows: 2,
      columns: header.map((name, index) => ({ index, name: name.trim(), question: (second[index] ?? "").trim() })),
    };
  }

  const mentionsRespondent = header.some((cell) => /^respondent ?id$/i.test(cell.trim()));
  if (mentionsRespondent && second.some((cell) => SURVEYMONKEY_ROW_TWO.has(cell.trim().toLowerCase()))) {
    // A question heads its first column only; the option under it names each column.
    let question = "";
    return {
      tool: "surveymonkey",
      extraHeaderRows: 1,
      columns: header.map((cell, index) => {
        if (cell.trim() !== "") question = cell.trim();
        const option = (second[index] ?? "").trim();
        const named = option === "" || SURVEYMONKEY_ROW_TWO.has(option.toLowerCase()) ? question : `${question} - ${option}`;
        return { index, name: named, question };
      }),
    };
  }

  const columns = header.map((name, index) => ({ index, name: name.trim(), question: "" }));
  if ((header[0] ?? "").trim().toLowerCase() === "timestamp") return { tool: "googleforms", extraHeaderRows: 0, columns };
  return { tool: "plain", extraHeaderRows: 0, columns };
}
