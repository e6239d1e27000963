// Writing CSV for spreadsheets: RFC 4180 quoting, and text that a spreadsheet would run as a
// formula kept as text. Pure, shared by every export and by the tests that read them back.

/**
 * Characters that make a spreadsheet read a cell as a formula (or, for tab and carriage
 * return, that some tools strip before doing so). A text cell starting with one gets a
 * leading apostrophe, which spreadsheets show as text and do not evaluate.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: numbers as they are, text guarded against formulas and quoted when needed. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "yes" : "no";
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line of cells, ended by CRLF as RFC 4180 writes it. */
export function csvRow(values: readonly (string | number | boolean | null | undefined)[]): string {
  let line = "";
  for (let i = 0; i < values.length; i++) line += (i === 0 ? "" : ",") + csvCell(values[i]);
  return `${line}\r\n`;
}

/**
 * The first line of every cxmap CSV: what the file holds and under which filter, in one cell,
 * so that a spreadsheet shows it above the table and a program can skip one line.
 */
export function csvTitleRow(title: string, filterLine: string): string {
  return csvRow([`${title}. Filter: ${filterLine}`]);
}
