// The rules of the method a submitted interview must meet, checked against the map it is
// recorded on (by the server, and by the capture screen's summary in the browser), and the
// observations a checked submission records.
import { z } from "zod";
import { RespondentProfileSchema } from "@/lib/schemas/respondent";
import {
  MESSAGES,
  interviewFields,
  type Answer,
  type FeelingState,
  type InterviewDraft,
  type Outcome,
} from "@/lib/schemas/interview";

/** What the submission is checked against: the map's touchpoints and their expectations. */
export type JourneyForCheck = {
  touchpoints: readonly {
    id: string;
    name: string;
    expectations: readonly { id: string; text: string }[];
    /** VOLUNTEERED expectations this interview already recorded (when editing). */
    volunteered?: readonly { id: string; text: string }[];
  }[];
};

/** Where a problem is, so the capture screen can point at it. */
export type Problem = {
  message: string;
  /** Logical path: "respondent", "mode", "touchpoints.<id>", "touchpoints.<id>.expectations.<id>.importance"... */
  path: string;
  touchpointId?: string;
};

function hasAnyValue(item: { outcome: unknown; importance: unknown; feeling: unknown; comment: string }) {
  return item.outcome !== null || item.importance !== null || item.feeling !== null || item.comment !== "";
}

function ratingProblems(
  item: { outcome: Outcome | null; importance: number | null; feeling: unknown; comment: string },
  label: string,
  path: string,
  touchpointId: string,
): Problem[] {
  const problems: Problem[] = [];
  if (item.outcome === null) {
    problems.push({
      message: `${label}: ${item.importance !== null ? MESSAGES.outcomeMissing : MESSAGES.outcome}`,
      path: `${path}.outcome`,
      touchpointId,
    });
  }
  if (item.importance === null) {
    problems.push({ message: `${label}: ${MESSAGES.importanceMissing}`, path: `${path}.importance`, touchpointId });
  }
  return problems;
}

/** Today's date (YYYY-MM-DD) as far ahead as any time zone is: interviewers date by their own calendar. */
export function latestAllowedDate(now = new Date()): string {
  return new Date(now.getTime() + 14 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/**
 * Every rule a submitted interview must meet, against the map it is recorded on. Used by
 * the submission schema (server) and by the capture's summary (browser), so both list the
 * same problems in the same words.
 */
export function findProblems(
  journey: JourneyForCheck,
  data: Pick<InterviewDraft, "respondent" | "mode" | "conductedOn" | "answers">,
  options: { latestDate?: string } = {},
): Problem[] {
  const problems: Problem[] = [];
  if (!data.respondent) problems.push({ message: MESSAGES.respondent, path: "respondent" });
  if (data.respondent?.kind === "new") {
    const profile = RespondentProfileSchema.safeParse(data.respondent.profile);
    for (const issue of profile.success ? [] : profile.error.issues) {
      problems.push({ message: `New respondent: ${issue.message}`, path: ["respondent", "profile", ...issue.path].join(".") });
    }
  }
  if (!data.mode) problems.push({ message: MESSAGES.mode, path: "mode" });
  if (data.conductedOn > (options.latestDate ?? latestAllowedDate())) {
    problems.push({ message: MESSAGES.futureDate, path: "conductedOn" });
  }

  const touchpoints = new Map(journey.touchpoints.map((touchpoint) => [touchpoint.id, touchpoint]));
  const answers = new Map<string, Answer>();
  for (const answer of data.answers) {
    const touchpoint = touchpoints.get(answer.touchpointId);
    if (!touchpoint) {
      problems.push({ message: "An answer is for a touchpoint that is not on this map.", path: `touchpoints.${answer.touchpointId}` });
      continue;
    }
    if (answers.has(answer.touchpointId)) {
      problems.push({
        message: `${touchpoint.name} is answered twice.`,
        path: `touchpoints.${touchpoint.id}`,
        touchpointId: touchpoint.id,
      });
      continue;
    }
    answers.set(answer.touchpointId, answer);
  }

  for (const touchpoint of journey.touchpoints) {
    const answer = answers.get(touchpoint.id);
    const base = `touchpoints.${touchpoint.id}`;
    if (!answer) {
      problems.push({
        message: `${touchpoint.name}: record what they expected, or mark it not encountered.`,
        path: base,
        touchpointId: touchpoint.id,
      });
      continue;
    }
    const listed = new Map(touchpoint.expectations.map((expectation) => [expectation.id, expectation]));
    const stored = new Map((touchpoint.volunteered ?? []).map((expectation) => [expectation.id, expectation]));
    const seen = new Set<string>();
    let observations = 0;

    for (const rating of answer.ratings) {
      const expectation = listed.get(rating.expectationId);
      const path = `${base}.expectations.${rating.expectationId}`;
      if (!expectation) {
        problems.push({
          message: `${touchpoint.name}: a rating is for an expectation that is not on this touchpoint.`,
          path,
          touchpointId: touchpoint.id,
        });
        continue;
      }
      if (seen.has(rating.expectationId)) {
        problems.push({ message: `${touchpoint.name}: “${expectation.text}” is rated twice.`, path, touchpointId: touchpoint.id });
        continue;
      }
      seen.add(rating.expectationId);
      if (!hasAnyValue(rating)) continue;
      observations += 1;
      problems.push(...ratingProblems(rating, `${touchpoint.name}, “${expectation.text}”`, path, touchpoint.id));
    }

    const listedTexts = new Set(touchpoint.expectations.map((expectation) => expectation.text.trim().toLowerCase()));
    const volunteeredTexts = new Set<string>();
    for (const item of answer.volunteered) {
      const path = `${base}.volunteered.${item.key}`;
      if (item.expectationId !== null && !stored.has(item.expectationId)) {
        problems.push({
          message: `${touchpoint.name}: an unlisted expectation refers to one that is not on this touchpoint.`,
          path,
          touchpointId: touchpoint.id,
        });
        continue;
      }
      if (item.text === "" && !hasAnyValue(item)) continue;
      observations += 1;
      const label = item.text ? `${touchpoint.name}, “${item.text}”` : `${touchpoint.name}, an unlisted expectation`;
      if (item.text === "") {
        problems.push({ message: `${label}: ${MESSAGES.volunteeredText}`, path: `${path}.text`, touchpointId: touchpoint.id });
      } else if (listedTexts.has(item.text.toLowerCase())) {
        problems.push({
          message: `${label}: this one is listed already; rate it in the list instead.`,
          path: `${path}.text`,
          touchpointId: touchpoint.id,
        });
      } else if (volunteeredTexts.has(item.text.toLowerCase())) {
        problems.push({ message: `${label}: added twice.`, path: `${path}.text`, touchpointId: touchpoint.id });
      }
      volunteeredTexts.add(item.text.toLowerCase());
      problems.push(...ratingProblems(item, label, path, touchpoint.id));
    }

    if (answer.skipped && observations > 0) {
      problems.push({
        message: `${touchpoint.name}: marked not encountered, but has answers. Clear them, or undo “not encountered”.`,
        path: base,
        touchpointId: touchpoint.id,
      });
    } else if (!answer.skipped && observations === 0) {
      problems.push({
        message: `${touchpoint.name}: record what they expected, or mark it not encountered.`,
        path: base,
        touchpointId: touchpoint.id,
      });
    }
  }
  return problems;
}

// One instance for every submission: zod compiles a parser for a schema the first time it is
// used, so a schema built per request would be compiled per request.
const SubmissionFields = z.object(interviewFields);

/**
 * The check a submission (or a correction) must pass, for one map: the fields, then every
 * answer against the map the server loaded for this workspace, so ids from elsewhere never
 * pass. Shaped like a zod schema (`safeParse`, `parse`), with the map's problems as issues.
 */
export function interviewSubmissionSchema(journey: JourneyForCheck, options: { latestDate?: string } = {}) {
  const safeParse = (input: unknown): z.ZodSafeParseResult<z.infer<typeof SubmissionFields>> => {
    const parsed = SubmissionFields.safeParse(input);
    if (!parsed.success) return parsed;
    const problems = findProblems(journey, parsed.data, options);
    if (problems.length === 0) return parsed;
    return {
      success: false,
      error: new z.ZodError(
        problems.map((problem) => ({ code: "custom" as const, message: problem.message, path: problem.path.split("."), input: undefined })),
      ) as z.ZodError<z.infer<typeof SubmissionFields>>,
    };
  };
  return {
    safeParse,
    parse(input: unknown) {
      const result = safeParse(input);
      if (!result.success) throw result.error;
      return result.data;
    },
  };
}
export type InterviewSubmission = z.infer<typeof SubmissionFields>;

/**
 * The touchpoints and listed expectations a submission's answers name, whatever the map says
 * about them now: an interview queued on a device may name some archived since. Empty when the
 * input is not shaped like a submission.
 */
export function namedInAnswers(input: unknown): { touchpointIds: string[]; expectationIds: string[] } {
  const parsed = SubmissionFields.safeParse(input);
  if (!parsed.success) return { touchpointIds: [], expectationIds: [] };
  const touchpointIds = new Set<string>();
  const expectationIds = new Set<string>();
  for (const answer of parsed.data.answers) {
    touchpointIds.add(answer.touchpointId);
    for (const rating of answer.ratings) expectationIds.add(rating.expectationId);
  }
  return { touchpointIds: [...touchpointIds], expectationIds: [...expectationIds] };
}

export type ObservationRow = {
  touchpointId: string;
  /** A listed expectation, or a stored volunteered one. */
  expectationId: string | null;
  /** For a volunteered expectation not stored yet. */
  volunteeredText: string | null;
  outcome: Outcome;
  importance: number;
  feeling: FeelingState | null;
  comment: string | null;
};

/** The observations a checked submission records: one per rated expectation of each encountered touchpoint. */
export function toObservationRows(data: Pick<InterviewDraft, "answers">): ObservationRow[] {
  const rows: ObservationRow[] = [];
  for (const answer of data.answers) {
    if (answer.skipped) continue;
    for (const rating of answer.ratings) {
      if (rating.outcome === null || rating.importance === null) continue;
      rows.push({
        touchpointId: answer.touchpointId,
        expectationId: rating.expectationId,
        volunteeredText: null,
        outcome: rating.outcome,
        importance: rating.importance,
        feeling: rating.feeling,
        comment: rating.comment || null,
      });
    }
    for (const item of answer.volunteered) {
      if (item.outcome === null || item.importance === null || item.text === "") continue;
      rows.push({
        touchpointId: answer.touchpointId,
        expectationId: item.expectationId,
        volunteeredText: item.expectationId === null ? item.text : null,
        outcome: item.outcome,
        importance: item.importance,
        feeling: item.feeling,
        comment: item.comment || null,
      });
    }
  }
  return rows;
}
