import "server-only";
import { MAP_NOT_FOUND } from "@/lib/data/designer-core";
import { INTERVIEW_NOT_FOUND } from "@/lib/data/interview-core";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { sql, sqlTransaction, type Sql } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { UserError, zodFieldErrors } from "@/lib/errors";
import type { WorkspaceContext } from "@/lib/workspace";
import { RespondentProfileSchema } from "@/lib/schemas/respondent";
import type { CaptureJourney, RespondentChoice } from "@/lib/schemas/interview";
import { interviewSubmissionSchema, namedInAnswers, toObservationRows, type InterviewSubmission } from "@/lib/schemas/interview-submission";
import { plural } from "@/lib/plural";
import { MAP_NOT_ACTIVE, getCaptureJourney } from "@/lib/data/interview-capture";
import { insertRespondent } from "@/lib/data/respondents";
import { viaToken } from "@/lib/data/audit";

// Submitting an interview: the path every interviewer takes many times a day, many of them
// at once on the same map and day. It is written in plain SQL on one pooled connection (see
// `Sql` in lib/db.ts): a handful of statements, observations in one multi-row insert, and the
// status change that makes the database triggers add the interview to the analysis last, so
// the rollup rows it touches stay locked for as short a time as possible.

// The check every way in shares (the capture screen's route, the correction action): the
// whole interview against the map the server loaded, every problem a field error.

function problemsError(error: z.ZodError) {
  const count = error.issues.length;
  const first = error.issues[0]?.message ?? "";
  return new UserError(count === 1 ? first : `${count} answers need attention. First: ${first}`, zodFieldErrors(error));
}


/** The submission checked against its map; a UserError (404 for a map not in the workspace) otherwise. */
export async function checkedSubmission(
  ctx: WorkspaceContext,
  input: unknown,
  mapId: string,
  interviewId?: string,
): Promise<{ journey: CaptureJourney; data: InterviewSubmission }> {
  const journey = await getCaptureJourney(ctx, mapId, { interviewId });
  if (!journey) throw new UserError(MAP_NOT_FOUND, undefined, 404);
  const parsed = interviewSubmissionSchema(journey).safeParse(input);
  if (!parsed.success) throw problemsError(parsed.error);
  return { journey, data: parsed.data };
}

// The journeys fresh submissions were last checked against, per workspace and map, oldest
// first. A submission is checked against the one held here, and cx_submit_interview refuses
// it when the map's journey version has moved on since; it is then loaded and checked again.
// Only reached after the workspace guard, and keyed by workspace, so a journey is only ever
// used for the workspace it was loaded in.
const JOURNEYS_HELD = 256;
const journeys = new Map<string, CaptureJourney>();

async function journeyToCheck(ctx: WorkspaceContext, mapId: string, reload: boolean): Promise<CaptureJourney> {
  const key = `${ctx.workspaceId}\u0000${mapId}`;
  const held = reload ? undefined : journeys.get(key);
  if (held) return held;
  const journey = await getCaptureJourney(ctx, mapId);
  journeys.delete(key);
  if (!journey) throw new UserError(MAP_NOT_FOUND, undefined, 404);
  journeys.set(key, journey);
  if (journeys.size > JOURNEYS_HELD) journeys.delete(journeys.keys().next().value!);
  return journey;
}

/**
 * Checks and submits an interview from the capture screen: one database call when the map's
 * journey is held in memory and has not changed. A submission that fails the check against a
 * held journey, or that the database refuses because the journey changed, is checked again
 * against the journey loaded afresh (once).
 */
export async function submitCapturedInterview(
  ctx: WorkspaceContext,
  input: unknown,
  mapId: string,
  { fromOutbox = false }: { fromOutbox?: boolean } = {},
): Promise<SubmitResult> {
  for (const reload of [false, true]) {
    const journey = await journeyToCheck(ctx, mapId, reload);
    const parsed = interviewSubmissionSchema(journey).safeParse(input);
    if (!parsed.success) {
      if (!reload) continue;
      if (fromOutbox) return submitNamingArchived(ctx, input, journey, parsed.error);
      throw problemsError(parsed.error);
    }
    try {
      return await submitInterview(ctx, journey, parsed.data);
    } catch (error) {
      if (error !== JOURNEY_CHANGED || reload) throw error;
    }
  }
  throw JOURNEY_CHANGED;
}

export type SubmitResult = {
  interviewId: string;
  alreadySubmitted: boolean;
  /** One line for the interviewer when the interview landed on a map that changed meanwhile. */
  notice?: string;
};

/**
 * An interview from a device's outbox, recorded while touchpoints or expectations it answers
 * were archived (it waited offline, out of sight of the change): it is recorded all the same, against the map with those
 * items, so archived items keep their observations as they do for every earlier interview.
 * Any other problem is refused as usual. The journey with archived items is never held in
 * memory: fresh interviews are checked against the map as it is.
 */
async function submitNamingArchived(ctx: WorkspaceContext, input: unknown, current: CaptureJourney, problems: z.ZodError): Promise<SubmitResult> {
  const named = namedInAnswers(input);
  const touchpointsNow = new Set(current.touchpoints.map((touchpoint) => touchpoint.id));
  const expectationsNow = new Set(current.touchpoints.flatMap((touchpoint) => touchpoint.expectations.map((expectation) => expectation.id)));
  const alsoArchived = {
    touchpointIds: named.touchpointIds.filter((id) => !touchpointsNow.has(id)),
    expectationIds: named.expectationIds.filter((id) => !expectationsNow.has(id)),
  };
  if (alsoArchived.touchpointIds.length === 0 && alsoArchived.expectationIds.length === 0) throw problemsError(problems);
  const journey = await getCaptureJourney(ctx, current.map.id, { alsoArchived });
  if (!journey) throw new UserError(MAP_NOT_FOUND, undefined, 404);
  const parsed = interviewSubmissionSchema(journey).safeParse(input);
  if (!parsed.success) throw problemsError(problems);
  const archivedTouchpoints = new Set(journey.touchpoints.filter((touchpoint) => !touchpointsNow.has(touchpoint.id)).map((touchpoint) => touchpoint.id));
  const archivedExpectations = new Set(
    journey.touchpoints
      .filter((touchpoint) => !archivedTouchpoints.has(touchpoint.id))
      .flatMap((touchpoint) => touchpoint.expectations.filter((expectation) => !expectationsNow.has(expectation.id)).map((expectation) => expectation.id)),
  );
  if (archivedTouchpoints.size === 0 && archivedExpectations.size === 0) throw problemsError(problems);
  const result = await submitInterview(ctx, journey, parsed.data);
  return { ...result, notice: archivedNotice(archivedTouchpoints.size, archivedExpectations.size) };
}

/** "Recorded; 1 touchpoint and 2 expectations it answers were archived since, and keep its answers." */
export function archivedNotice(touchpoints: number, expectations: number): string {
  const items = [touchpoints > 0 ? plural(touchpoints, "touchpoint") : null, expectations > 0 ? plural(expectations, "expectation") : null].filter(Boolean);
  const were = touchpoints + expectations === 1 ? "was" : "were";
  return `The map changed while this interview waited: ${items.join(" and ")} it answers ${were} archived since. It was recorded with those answers kept.`;
}


const JOURNEY_CHANGED = new UserError("The map changed while this interview was being submitted. Submit it again.", undefined, 409);

/** What cx_submit_interview raises, as the user hears it. */
const REFUSALS: Record<string, UserError> = {
  "cx:journey_changed": JOURNEY_CHANGED,
  "cx:not_found": new UserError(INTERVIEW_NOT_FOUND, undefined, 404),
  "cx:void": new UserError("This interview was discarded or made void, so it cannot be submitted.", undefined, 409),
  "cx:other_map": new UserError("This interview was started on another map.", undefined, 409),
  "cx:map_not_active": new UserError(MAP_NOT_ACTIVE, undefined, 409, "map_not_active"),
  "cx:respondent_not_found": new UserError("That respondent was not found in this workspace.", {
    respondent: ["Choose the respondent again."],
  }),
  "cx:respondent_archived": new UserError("That respondent is archived. Choose another one, or restore them first.", {
    respondent: ["That respondent is archived."],
  }),
};

/** Writes the checked interview with cx_submit_interview (one round trip); see the migration that defines it. */
async function writeSubmission(
  sql: Sql,
  ctx: WorkspaceContext,
  journey: CaptureJourney,
  data: InterviewSubmission,
  respondentId: string,
): Promise<SubmitResult> {
  const rows = toObservationRows(data);
  const volunteered = rows.filter((row) => row.expectationId === null);
  for (const row of volunteered) row.expectationId = randomUUID();
  const [result] = await sql<{ outcome: "submitted" | "already_submitted" }>(
    `SELECT cx_submit_interview($1, $2, $3, $4::int, $5, $6::date, $7, $8, $9, $10,
       $11::text[], $12::text[], $13::text[], $14::int2[], $15::text[], $16::text[], $17::text[], $18::text[], $19::text[],
       $20, $21::jsonb) AS outcome`,
    [
      data.id,
      ctx.workspaceId,
      journey.map.id,
      journey.map.version,
      ctx.userId,
      data.conductedOn,
      data.mode ?? "IN_PERSON",
      respondentId,
      data.overallFeeling,
      data.notes,
      rows.map((row) => row.touchpointId),
      rows.map((row) => row.expectationId),
      rows.map((row) => row.outcome),
      rows.map((row) => row.importance),
      rows.map((row) => row.feeling),
      rows.map((row) => row.comment),
      volunteered.map((row) => row.expectationId),
      volunteered.map((row) => row.touchpointId),
      volunteered.map((row) => row.volunteeredText),
      randomUUID(),
      JSON.stringify({
        mapId: journey.map.id,
        conductedOn: data.conductedOn,
        mode: data.mode,
        overallFeeling: data.overallFeeling,
        observations: rows.length,
        volunteered: volunteered.length,
        ...viaToken(ctx),
      }),
    ],
  );
  return { interviewId: data.id, alreadySubmitted: result?.outcome === "already_submitted" };
}

/**
 * Submits an interview. Idempotent on the browser-made id: the same interview submitted again
 * (a retry, a second tab) is answered "already submitted" and changes nothing. With an
 * existing respondent this is one statement; a new respondent is created in the same
 * transaction, after the interview is locked, so that a retry never creates a second one.
 */
async function submitInterview(ctx: WorkspaceContext, journey: CaptureJourney, data: InterviewSubmission): Promise<SubmitResult> {
  const choice: RespondentChoice | null = data.respondent;
  if (!choice) throw new UserError("Choose the respondent.", { respondent: ["Choose the respondent, or add a new one."] });
  try {
    if (choice.kind === "existing") return await writeSubmission(sql, ctx, journey, data, choice.respondentId);
    return await sqlTransaction(async (tx) => {
      await tx(
        `INSERT INTO interviews (id, workspace_id, map_id, interviewer_id, conducted_on, mode, status, updated_at)
         VALUES ($1, $2, $3, $4, $5::date, $6::"InterviewMode", 'DRAFT', now()) ON CONFLICT (id) DO NOTHING`,
        [data.id, ctx.workspaceId, journey.map.id, ctx.userId, data.conductedOn, data.mode ?? "IN_PERSON"],
      );
      const [row] = await tx<{ interviewer_id: string; status: string }>(
        "SELECT interviewer_id, status::text AS status FROM interviews WHERE id = $1 AND workspace_id = $2 FOR UPDATE",
        [data.id, ctx.workspaceId],
      );
      if (!row || row.interviewer_id !== ctx.userId) throw new UserError(INTERVIEW_NOT_FOUND, undefined, 404);
      if (row.status === "SUBMITTED") return { interviewId: data.id, alreadySubmitted: true };
      const respondent = await insertRespondent(tx, ctx, RespondentProfileSchema.parse(choice.profile), "respondent.profile.code");
      return writeSubmission(tx, ctx, journey, data, respondent.id);
    });
  } catch (error) {
    const refusal = REFUSALS[(error as { message?: string } | null)?.message ?? ""];
    if (refusal) throw refusal;
    if (error instanceof UserError) throw error;
    if (isUniqueViolation(error)) {
      const message = "That respondent code is already used. Choose the existing respondent, or change the code.";
      throw new UserError(message, { "respondent.profile.code": [message] }, 409);
    }
    throw error;
  }
}
