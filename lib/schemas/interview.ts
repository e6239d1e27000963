// The interview as the capture screen holds it, as a draft saves it and as a submission
// sends it. One shape for all three: the draft schema checks types and sizes only; the rules
// of the method a submission must also meet, against the map's own touchpoints, are in
// interview-submission.ts.
import { z } from "zod";
import { PageNumber } from "@/lib/schemas/page-number";
import { isoDate } from "@/lib/schemas/date";
import { idText, text } from "@/lib/schemas/text";
import { FEELING_STATES, type FeelingState } from "@/lib/analysis/feelings";
import type { MapStatus } from "@/lib/schemas/map";
import { LIFECYCLE_STAGES, VALUE_TIERS } from "@/lib/schemas/respondent";

export const OUTCOMES = ["MISSED", "MET", "EXCEEDED"] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const OUTCOME_LABELS: Record<Outcome, string> = { MISSED: "Missed", MET: "Met", EXCEEDED: "Exceeded" };

export const IMPORTANCE_LEVELS = [1, 2, 3, 4, 5] as const;
export type Importance = (typeof IMPORTANCE_LEVELS)[number];
export const IMPORTANCE_LABELS: Record<Importance, string> = {
  1: "Barely noticed",
  2: "Minor",
  3: "Mattered",
  4: "Important",
  5: "Critical",
};

export { FEELING_STATES, type FeelingState };
export const FEELING_LABELS: Record<FeelingState, string> = {
  HATE: "Hate",
  DISLIKE: "Dislike",
  EH: "Eh",
  LIKE_A_LOT: "Like a lot",
  LOVE: "Love",
  IN_LOVE: "In love",
};

export const INTERVIEW_MODES = ["IN_PERSON", "PHONE", "VIDEO"] as const;
export type InterviewMode = (typeof INTERVIEW_MODES)[number];
export const MODE_LABELS: Record<InterviewMode, string> = { IN_PERSON: "In person", PHONE: "Phone", VIDEO: "Video" };

export const INTERVIEW_STATUSES = ["DRAFT", "SUBMITTED", "VOID"] as const;
export type InterviewStatus = (typeof INTERVIEW_STATUSES)[number];
export const STATUS_LABELS: Record<InterviewStatus, string> = { DRAFT: "Draft", SUBMITTED: "Submitted", VOID: "Void" };

/** How long an interviewer may correct their own submitted interview. */
export const OWN_EDIT_WINDOW_MS = 24 * 60 * 60 * 1000;

export const MESSAGES = {
  outcome: "Choose whether it was missed, met or exceeded.",
  outcomeMissing: "Choose whether it was missed, met or exceeded (importance is set without an outcome).",
  importance: "Importance is a whole number from 1 (barely noticed) to 5 (critical).",
  importanceMissing: "Choose how much it mattered, from 1 (barely noticed) to 5 (critical).",
  feeling: "Choose one of the six feelings: Hate, Dislike, Eh, Like a lot, Love or In love.",
  respondent: "Choose the respondent, or add a new one.",
  mode: "Choose how the interview took place: in person, by phone or by video.",
  date: "Enter the date the interview took place.",
  futureDate: "The interview date cannot be in the future.",
  volunteeredText: "Say what they expected, in a few words.",
} as const;

const id = idText();

const outcome = z.enum(OUTCOMES, { error: MESSAGES.outcome }).nullable().default(null);
const importance = z
  .number({ error: MESSAGES.importance })
  .int(MESSAGES.importance)
  .min(1, MESSAGES.importance)
  .max(5, MESSAGES.importance)
  .nullable()
  .default(null);
const feeling = z.enum(FEELING_STATES, { error: MESSAGES.feeling }).nullable().default(null);
const comment = text({ what: "the comment", max: 2000, kind: "multiline", messages: { tooLong: "Keep a comment under 2,000 characters." } }).default("");

export const RatingSchema = z.object({ expectationId: id, outcome, importance, feeling, comment });
export type Rating = z.infer<typeof RatingSchema>;

export const VolunteeredSchema = z.object({
  /** Made in the browser, to keep track of the item before it has an expectation. */
  key: idText(),
  /** Set once stored: the VOLUNTEERED expectation this item became. */
  expectationId: id.nullable().default(null),
  text: text({ what: "what they expected", max: 300, kind: "name", messages: { tooLong: "Keep what they expected under 300 characters." } }).default(""),
  outcome,
  importance,
  feeling,
  comment,
});
export type Volunteered = z.infer<typeof VolunteeredSchema>;

export const AnswerSchema = z.object({
  touchpointId: id,
  /** "Not encountered": the customer did not go through this touchpoint. */
  skipped: z.boolean().default(false),
  ratings: z.array(RatingSchema).max(200).default([]),
  volunteered: z.array(VolunteeredSchema).max(30, "Add at most 30 unlisted expectations to one touchpoint.").default([]),
});
export type Answer = z.infer<typeof AnswerSchema>;

/**
 * A new respondent's profile as typed so far. It is checked in full (RespondentProfileSchema)
 * when the interview is submitted, and the respondent is created in the same transaction,
 * so adding one works offline.
 */
export const NewRespondentDraftSchema = z.object({
  code: text({ what: "a code", max: 40, messages: { tooLong: "Use at most 40 characters for the code." } }).default(""),
  lifecycleStage: z.enum(LIFECYCLE_STAGES).nullable().default(null),
  valueTier: z.enum(VALUE_TIERS).default("UNKNOWN"),
  segment: text({ what: "the segment", max: 60, kind: "name", messages: { tooLong: "Use at most 60 characters for the segment." } }).default(""),
  attributes: z.array(z.object({ fieldId: id, optionId: id })).max(50).default([]),
});
export type NewRespondentDraft = z.infer<typeof NewRespondentDraftSchema>;

export const RespondentChoiceSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("existing"), respondentId: id, code: text({ what: "the code", max: 40 }).default("") }),
  z.object({ kind: z.literal("new"), profile: NewRespondentDraftSchema }),
]);
export type RespondentChoice = z.infer<typeof RespondentChoiceSchema>;

/** No interview recorded with cxmap predates 2000; the future is refused against the interviewer's calendar. */
const dateOnly = isoDate({ min: "2000-01-01", message: MESSAGES.date });

/** The fields of an interview, shared by the draft and the submission schemas. */
export const interviewFields = {
  /** Generated in the browser (UUID), so a retried submission is recognised as the same one. */
  id: z.uuid({ error: "The interview id must be a UUID made by the browser." }),
  mapId: id,
  respondent: RespondentChoiceSchema.nullable().default(null),
  conductedOn: dateOnly,
  mode: z.enum(INTERVIEW_MODES, { error: MESSAGES.mode }).nullable().default(null),
  answers: z.array(AnswerSchema).max(500).default([]),
  overallFeeling: feeling,
  notes: text({ what: "the notes", max: 5000, kind: "multiline", messages: { tooLong: "Keep the notes under 5,000 characters." } }).default(""),
};

/** An interview in progress, as saved on the device and on the server: anything may still be missing. */
export const InterviewDraftSchema = z.object({
  ...interviewFields,
  /** The screen the interviewer was on, to resume there. */
  step: z.number().int().min(0).max(1000).default(0),
  /** When the browser last changed it (ms since epoch): the newer of two copies wins. */
  savedAt: z.number().int().min(0).default(0),
});
export type InterviewDraft = z.infer<typeof InterviewDraftSchema>;
export type InterviewDraftInput = z.input<typeof InterviewDraftSchema>;

/** The part of a submission read before the map is known. */
export const InterviewTargetSchema = z.object({ id: interviewFields.id, mapId: id });

/**
 * What the submission route reads first: the interview's id and map, and whether it comes
 * from a device's outbox (recorded earlier, maybe offline), which is kept as a draft rather
 * than refused when its map was closed meanwhile.
 */
export const InterviewSubmissionTargetSchema = InterviewTargetSchema.extend({ fromOutbox: z.boolean().optional() });

/** A touchpoint as the capture screen shows it, in journey order. */
export type CaptureTouchpoint = {
  id: string;
  name: string;
  description: string;
  prompt: string;
  momentOfTruth: boolean;
  stageName: string;
  channelName: string;
  /** Archived since the interview was recorded: shown only when correcting it. */
  archived: boolean;
  expectations: { id: string; text: string }[];
  /** Unlisted expectations this interview recorded earlier (when correcting it). */
  volunteered: { id: string; text: string }[];
};

export type CaptureJourney = {
  /** `version` is raised by every change to the journey (see maps.journey_version). */
  map: { id: string; name: string; status: MapStatus; version: number };
  touchpoints: CaptureTouchpoint[];
};

// Lists of interviews: filters kept in the URL.

export const InterviewListFilterSchema = z.object({
  map: text({ what: "the map", max: 64 }).catch("").default(""),
  status: z.enum(INTERVIEW_STATUSES).or(z.literal("")).catch("").default(""),
  interviewer: text({ what: "the interviewer", max: 64 }).catch("").default(""),
  from: z.union([dateOnly, z.literal("")]).catch("").default(""),
  to: z.union([dateOnly, z.literal("")]).catch("").default(""),
  page: PageNumber,
});
export type InterviewListFilter = z.infer<typeof InterviewListFilterSchema>;

const VOID_REASON_MISSING = "Say why it is void, e.g. “Duplicate of an interview recorded by phone”.";

export const VoidInterviewSchema = z.object({
  interviewId: id,
  reason: text({
    what: "why it is void",
    max: 500,
    kind: "multiline",
    required: true,
    messages: { type: "Say why it is void.", required: VOID_REASON_MISSING, tooLong: "Keep the reason under 500 characters." },
  }).refine((value) => value.length >= 3, VOID_REASON_MISSING),
});
export type VoidInterviewSchema = z.infer<typeof VoidInterviewSchema>;

export const InterviewIdSchema = z.object({ interviewId: id });
export type InterviewIdSchema = z.infer<typeof InterviewIdSchema>;
