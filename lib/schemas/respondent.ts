import { z } from "zod";
import { PageNumber } from "@/lib/schemas/page-number";
import { checkbox, lines } from "@/lib/schemas/form-values";
import { emailText, idText, text } from "@/lib/schemas/text";

export const LIFECYCLE_STAGES = ["PROSPECT", "NEW", "ESTABLISHED", "LAPSED"] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];
export const LIFECYCLE_LABELS: Record<LifecycleStage, string> = {
  PROSPECT: "Prospect",
  NEW: "New",
  ESTABLISHED: "Established",
  LAPSED: "Lapsed",
};

export const VALUE_TIERS = ["HIGH", "MEDIUM", "LOW", "UNKNOWN"] as const;
export type ValueTier = (typeof VALUE_TIERS)[number];
export const VALUE_TIER_LABELS: Record<ValueTier, string> = {
  HIGH: "High",
  MEDIUM: "Medium",
  LOW: "Low",
  UNKNOWN: "Unknown",
};

const id = idText();

/** A workspace's attribute field with its allowed values, as screens show it. */
export type AttributeFieldView = {
  id: string;
  name: string;
  position: number;
  archived: boolean;
  options: { id: string; value: string; position: number; archived: boolean }[];
};

/** A respondent's contact details, as given (either may be missing). */
export type RespondentContact = { name: string | null; email: string | null };

/** Why a respondent's contact details are left out, in words a screen can show. */
export const CONTACT_HIDDEN = "Contact details hidden";
export const CONTACT_ERASED = "Personal data erased";

/** A respondent as lists and pickers show it. */
export type RespondentRow = {
  id: string;
  code: string;
  lifecycleStage: LifecycleStage;
  valueTier: ValueTier;
  segment: string | null;
  archived: boolean;
  /** Erased on request: no contact details, ever again. */
  erased: boolean;
  attributes: { fieldId: string; fieldName: string; optionId: string; value: string }[];
  /** Submitted interviews. */
  interviews: number;
  /**
   * Null when the caller may not see them (see lib/data/respondents.ts) or they were erased;
   * `contactHidden` then says which.
   */
  contact: RespondentContact | null;
  contactHidden: typeof CONTACT_HIDDEN | typeof CONTACT_ERASED | null;
};

export type RespondentDetail = RespondentRow & {
  erasedAt: Date | null;
  erasedByName: string | null;
};

function withoutUnchosen(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  return value.filter((item) => !(item && typeof item === "object" && (item as { optionId?: unknown }).optionId === ""));
}

/** "" and whitespace mean "not given" (null). */
function optionalText(what: string, max: number, tooLong: string) {
  return text({ what, max, kind: "name", messages: { tooLong } })
    .nullish()
    .transform((value) => (value ? value : null));
}

// Codes are compared and stored in upper case, so "r-12" and "R-12" are one respondent.
const CODE_PATTERN = /^[A-Z0-9][A-Z0-9_-]*$/;
const codeText = text({ what: "a code", max: 40, messages: { type: "Enter a code.", tooLong: "Use at most 40 characters for the code." } })
  .transform((value) => value.toUpperCase())
  .refine((value) => value === "" || CODE_PATTERN.test(value), {
    error: "Use letters, digits, - and _ for the code, starting with a letter or digit.",
  });

const profileFields = {
  lifecycleStage: z.enum(LIFECYCLE_STAGES, { error: "Choose the lifecycle stage: prospect, new, established or lapsed." }),
  valueTier: z.enum(VALUE_TIERS, { error: "Choose the value tier: high, medium, low or unknown." }).default("UNKNOWN"),
  segment: optionalText("the segment", 60, "Use at most 60 characters for the segment."),
  contactName: optionalText("the name", 120, "Use at most 120 characters for the name."),
  contactEmail: emailText({ required: false })
    .nullish()
    .transform((value) => (value ? value : null))
    .pipe(z.email({ error: "Enter a valid email address, like name@example.com, or leave it empty." }).nullable()),
  /**
   * One chosen value per attribute field; a field left out has no value. A form sends every
   * attribute, those left at "Not known" with an empty value: those are left out too.
   */
  attributes: z.preprocess(
    withoutUnchosen,
    z
      .array(z.object({ fieldId: id, optionId: id }))
      .max(50)
      .default([])
      .refine((list) => new Set(list.map((item) => item.fieldId)).size === list.length, {
        error: "Choose one value per attribute.",
      }),
  ),
};

/** A new respondent: the code is generated when left empty. */
export const RespondentProfileSchema = z.object({
  code: codeText.nullish().transform((value) => (value ? value : null)),
  ...profileFields,
});
export type RespondentProfileSchema = z.infer<typeof RespondentProfileSchema>;
export type RespondentProfileInput = z.input<typeof RespondentProfileSchema>;

export const CreateRespondentSchema = RespondentProfileSchema;
export type CreateRespondentSchema = RespondentProfileSchema;

export const UpdateRespondentSchema = z.object({
  respondentId: id,
  code: codeText.refine((value) => value !== "", { error: "Enter a code: every respondent keeps one." }),
  ...profileFields,
});
export type UpdateRespondentSchema = z.infer<typeof UpdateRespondentSchema>;

export const ArchiveRespondentSchema = z.object({ respondentId: id, archived: z.boolean() });
export type ArchiveRespondentSchema = z.infer<typeof ArchiveRespondentSchema>;

/** Erasing a respondent's personal data on request (the code and interviews stay). */
export const EraseRespondentSchema = z.object({ respondentId: id });
export type EraseRespondentSchema = z.infer<typeof EraseRespondentSchema>;

const searchTerm = text({ what: "the search", max: 60, messages: { tooLong: "Search with at most 60 characters." } });

/** The interview's respondent picker: a code, a segment, or a name or email the caller may see, typed. */
export const RespondentPickerSearchSchema = z.object({ q: searchTerm });
export type RespondentPickerSearchSchema = z.infer<typeof RespondentPickerSearchSchema>;

/** Finding respondents: the list page's filters (from the URL) and the interview's picker. */
export const RespondentSearchSchema = z.object({
  q: searchTerm.catch("").default(""),
  segment: text({ what: "the segment", max: 60 }).catch("").default(""),
  /** An attribute value (AttributeOption id). */
  option: text({ what: "the attribute value", max: 64 }).catch("").default(""),
  lifecycle: z.enum(LIFECYCLE_STAGES).or(z.literal("")).catch("").default(""),
  tier: z.enum(VALUE_TIERS).or(z.literal("")).catch("").default(""),
  archived: z
    .enum(["0", "1"])
    .catch("0")
    .default("0")
    .transform((value) => value === "1"),
  page: PageNumber,
});
export type RespondentSearchSchema = z.infer<typeof RespondentSearchSchema>;

// Attribute fields (psychographics: lifestyle, motivation, attitude...).

const fieldName = text({
  what: "a name for the attribute",
  max: 60,
  kind: "name",
  required: true,
  messages: { type: "Name the attribute.", required: "Name the attribute, e.g. Lifestyle.", tooLong: "Use at most 60 characters for the name." },
});
const optionValue = text({
  what: "the value",
  max: 60,
  kind: "name",
  required: true,
  messages: { type: "Enter the value.", required: "A value cannot be empty: remove the line instead.", tooLong: "Use at most 60 characters for a value." },
});

function distinctValues(values: string[]) {
  const seen = new Set<string>();
  for (const value of values) {
    const key = value.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
  }
  return true;
}

export const CreateAttributeFieldSchema = z.object({
  name: fieldName,
  /** One per line in the form. */
  values: lines(
    z
      .array(optionValue)
      .min(2, "Give at least two allowed values.")
      .max(30, "Use at most 30 values.")
      .refine(distinctValues, { error: "Each value may appear only once." }),
  ),
});
export type CreateAttributeFieldSchema = z.infer<typeof CreateAttributeFieldSchema>;

export const UpdateAttributeFieldSchema = z.object({
  fieldId: id,
  name: fieldName,
  /** Existing values carry their id (renamed in place); new ones have none. Archived ones stay on respondents that have them. */
  options: z
    .array(z.object({ id: id.optional(), value: optionValue, archived: checkbox }))
    .max(60, "Use at most 60 values.")
    .refine((options) => options.filter((option) => !option.archived).length >= 1, {
      error: "Keep at least one value in use.",
    })
    .refine((options) => distinctValues(options.map((option) => option.value)), {
      error: "Each value may appear only once.",
    }),
});
export type UpdateAttributeFieldSchema = z.infer<typeof UpdateAttributeFieldSchema>;

export const ArchiveAttributeFieldSchema = z.object({ fieldId: id, archived: z.boolean() });
export type ArchiveAttributeFieldSchema = z.infer<typeof ArchiveAttributeFieldSchema>;

export const MoveAttributeFieldSchema = z.object({ fieldId: id, direction: z.enum(["up", "down"]) });
export type MoveAttributeFieldSchema = z.infer<typeof MoveAttributeFieldSchema>;
