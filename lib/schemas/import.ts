// An import's mapping: which column of the file holds what, and what its values mean. Shared
// by the mapping form, the action that starts the import and the import itself.
import { z } from "zod";
import { idText } from "@/lib/schemas/text";
import { INTERVIEW_MODES, OUTCOMES, FEELING_STATES } from "@/lib/schemas/interview";
import { LIFECYCLE_STAGES, VALUE_TIERS } from "@/lib/schemas/respondent";
import { DELIMITERS, TEXT_ENCODINGS } from "@/lib/csv/detect";

const id = idText();

export const IMPORT_LAYOUTS = ["long", "wide"] as const;
export type ImportLayout = (typeof IMPORT_LAYOUTS)[number];

/** The measures of one observation, each a column of its own in a wide file. */
export const MEASURES = ["outcome", "importance", "feeling", "comment"] as const;
export type Measure = (typeof MEASURES)[number];

/** Columns that hold the same thing on every row of an interview (or the interview's one row). */
export const INTERVIEW_TARGETS = [
  "interviewId",
  "respondentCode",
  "lifecycleStage",
  "valueTier",
  "segment",
  "date",
  "interviewer",
  "mode",
  "overallFeeling",
  "notes",
] as const;
/** Columns of a long file: one observation per row. */
export const LONG_TARGETS = ["touchpoint", "expectation", ...MEASURES] as const;

export const TARGET_LABELS: Record<(typeof INTERVIEW_TARGETS)[number] | (typeof LONG_TARGETS)[number], string> = {
  interviewId: "Interview id",
  respondentCode: "Respondent code",
  lifecycleStage: "Lifecycle stage",
  valueTier: "Value tier",
  segment: "Segment",
  date: "Interview date",
  interviewer: "Interviewer (email)",
  mode: "Mode",
  overallFeeling: "Overall feeling",
  notes: "Notes",
  touchpoint: "Touchpoint",
  expectation: "Expectation",
  outcome: "Outcome",
  importance: "Importance",
  feeling: "Feeling",
  comment: "Comment",
};

export const ColumnTargetSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.enum([...INTERVIEW_TARGETS, ...LONG_TARGETS]) }),
  z.object({ kind: z.literal("attribute"), fieldId: id }),
  /** A wide file's column: one measure of one listed expectation of one touchpoint. */
  z.object({ kind: z.literal("measure"), measure: z.enum(MEASURES), touchpointId: id, expectationId: id }),
]);
export type ColumnTarget = z.infer<typeof ColumnTargetSchema>;

/** The kinds of value a file spells its own way, mapped to cxmap's values. */
export const VALUE_KINDS = ["outcome", "importance", "feeling", "mode", "lifecycleStage", "valueTier"] as const;
export type ValueKind = (typeof VALUE_KINDS)[number];

export const VALUE_TARGETS = {
  outcome: OUTCOMES,
  importance: ["1", "2", "3", "4", "5"],
  feeling: FEELING_STATES,
  mode: INTERVIEW_MODES,
  lifecycleStage: LIFECYCLE_STAGES,
  valueTier: VALUE_TIERS,
} as const satisfies Record<ValueKind, readonly string[]>;

/** A value as the file writes it, compared without case and surrounding or repeated spaces. */
export function valueKey(raw: string): string {
  return raw.trim().replace(/\s+/g, " ").toLowerCase();
}

const valueMap = (targets: readonly string[]) =>
  z
    .record(z.string().max(200), z.enum(targets as [string, ...string[]]).or(z.literal("")))
    .refine((record) => Object.keys(record).length <= 500, "Map at most 500 different values of one kind.")
    .default({});

export const DATE_ORDERS = ["ymd", "mdy", "dmy"] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];
export const DATE_ORDER_LABELS: Record<DateOrder, string> = {
  ymd: "Year first (2026-11-28)",
  mdy: "Month first (11/28/2026)",
  dmy: "Day first (28/11/2026)",
};

export const UNKNOWN_EXPECTATIONS = ["volunteer", "refuse"] as const;

export const ImportMappingSchema = z
  .object({
    layout: z.enum(IMPORT_LAYOUTS, { error: "Choose the layout: one row per observation (long) or one row per interview (wide)." }),
    encoding: z.enum(TEXT_ENCODINGS),
    delimiter: z.enum(DELIMITERS),
    /** Rows after the header row that are not data (question texts, import ids, answer options). */
    extraHeaderRows: z.number().int().min(0).max(5),
    columns: z
      .array(z.object({ column: z.number().int().min(0).max(4999), target: ColumnTargetSchema }))
      .max(5000)
      .refine((list) => new Set(list.map((item) => item.column)).size === list.length, "Each column can be mapped once."),
    values: z
      .object({
        outcome: valueMap(VALUE_TARGETS.outcome),
        importance: valueMap(VALUE_TARGETS.importance),
        feeling: valueMap(VALUE_TARGETS.feeling),
        mode: valueMap(VALUE_TARGETS.mode),
        lifecycleStage: valueMap(VALUE_TARGETS.lifecycleStage),
        valueTier: valueMap(VALUE_TARGETS.valueTier),
      })
      .prefault({}),
    dateOrder: z.enum(DATE_ORDERS).default("ymd"),
    unknownExpectations: z.enum(UNKNOWN_EXPECTATIONS).default("refuse"),
    defaults: z
      .object({
        mode: z.enum(INTERVIEW_MODES, { error: "Choose how the interviews took place, for rows that do not say." }),
        lifecycleStage: z.enum(LIFECYCLE_STAGES, { error: "Choose the lifecycle stage of new respondents whose rows do not say." }),
      })
      .prefault({ mode: "IN_PERSON", lifecycleStage: "ESTABLISHED" }),
  })
  .superRefine((mapping, context) => {
    const kinds = mapping.columns.map((item) => item.target.kind);
    const once = ["interviewId", "respondentCode", "lifecycleStage", "valueTier", "segment", "date", "interviewer", "mode", "overallFeeling", "notes", "touchpoint", "expectation", ...MEASURES];
    for (const kind of once) {
      if (kinds.filter((item) => item === kind).length > 1) {
        context.addIssue({ code: "custom", path: ["columns"], message: `Only one column can be the ${TARGET_LABELS[kind as keyof typeof TARGET_LABELS].toLowerCase()}.` });
      }
    }
    if (!kinds.includes("date")) context.addIssue({ code: "custom", path: ["columns"], message: "Choose the column that holds the interview date." });
    if (mapping.layout === "long") {
      for (const kind of ["interviewId", "touchpoint", "expectation", "outcome", "importance"] as const) {
        if (!kinds.includes(kind)) {
          context.addIssue({ code: "custom", path: ["columns"], message: `A long file needs a column for the ${TARGET_LABELS[kind].toLowerCase()}.` });
        }
      }
      if (kinds.includes("measure")) {
        context.addIssue({ code: "custom", path: ["columns"], message: "A long file has one column per measure, not one per expectation: choose the wide layout." });
      }
    } else {
      if (!kinds.includes("measure")) {
        context.addIssue({ code: "custom", path: ["columns"], message: "Map at least one column to a measure of an expectation." });
      }
      if (kinds.some((kind) => kind === "touchpoint" || kind === "expectation" || (MEASURES as readonly string[]).includes(kind))) {
        context.addIssue({ code: "custom", path: ["columns"], message: "A wide file has a column per expectation and measure: map them, or choose the long layout." });
      }
    }
  });
export type ImportMapping = z.infer<typeof ImportMappingSchema>;
export type ImportMappingInput = z.input<typeof ImportMappingSchema>;

/** Starting an uploaded import with its mapping (sent by the mapping form as JSON). */
export const StartImportSchema = z.object({
  importId: id,
  mapping: z
    .string()
    .max(1_000_000, "The mapping is too large.")
    // PostgreSQL cannot store a NUL character, written raw or escaped in the JSON.
    .refine((text) => !text.includes("\u0000") && !/\\u0000/i.test(text), "The mapping contains a NUL character, which cannot be stored.")
    .transform((text, context) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        context.addIssue({ code: "custom", message: "The mapping is not valid." });
        return z.NEVER;
      }
    })
    .pipe(ImportMappingSchema),
});
export type StartImportSchema = z.infer<typeof StartImportSchema>;

export const ImportIdSchema = z.object({ importId: id });
export type ImportIdSchema = z.infer<typeof ImportIdSchema>;
