// What screens show of imports (the data layer returns these).
import type { Delimiter, TextEncodingName } from "@/lib/csv/detect";
import type { FileColumn, SurveyTool } from "@/lib/csv/survey-layout";
import type { ImportMapping } from "@/lib/schemas/import";

export type ImportStatus = "UPLOADED" | "QUEUED" | "RUNNING" | "SUCCEEDED" | "FAILED" | "CANCELLED" | "UNDONE";

export type ImportView = {
  id: string;
  mapId: string;
  fileName: string;
  fileSize: number;
  status: ImportStatus;
  createdByName: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  undoneAt: string | null;
  rowsDone: number;
  bytesDone: number;
  interviewsAdded: number;
  interviewsSkipped: number;
  observationsAdded: number;
  badRows: number;
  problems: { line: number; column: string; reason: string }[];
  message: string | null;
  /** Rows read per second so far, and the seconds left at that rate (while it runs). */
  rowsPerSecond: number | null;
  secondsLeft: number | null;
  canUndo: boolean;
};

export type ImportPreview = {
  import: ImportView;
  encoding: TextEncodingName;
  delimiter: Delimiter;
  tool: SurveyTool;
  extraHeaderRows: number;
  columns: FileColumn[];
  /** The first data rows, for the user to see what the file holds. */
  rows: string[][];
  /** Distinct values of each column in the sample (up to 40), for mapping values. */
  values: string[][];
  /** The mapping offered: the one last used on this map when it fits the file, else suggestions. */
  mapping: ImportMapping;
  savedMappingUsed: boolean;
  journey: { touchpoints: { id: string; name: string; expectations: { id: string; text: string }[] }[] };
  attributeFields: { id: string; name: string; options: { id: string; value: string }[] }[];
};

