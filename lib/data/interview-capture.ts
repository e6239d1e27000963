import "server-only";
import { MAP_NOT_FOUND } from "@/lib/data/designer-core";
import { db, sql } from "@/lib/db";
import { UserError } from "@/lib/errors";
import type { WorkspaceContext } from "@/lib/workspace";
import { recordAudit } from "@/lib/data/audit";
import { INTERVIEW_NOT_FOUND, OBSERVATION_SELECT, dateOnly, visibleTo } from "@/lib/data/interview-core";
import {
  InterviewDraftSchema,
  type Answer,
  type CaptureJourney,
  type InterviewDraft,
  type InterviewStatus,
} from "@/lib/schemas/interview";

// Recording an interview: the journey the capture screen walks through, the interview as the
// screen resumes it, and the interviewer's draft saved as they go. Submitting is in
// interview-submission.ts; correcting, voiding and discarding in interview-curation.ts.

export const MAP_NOT_ACTIVE = "This map is not open for interviews: only active maps can be recorded on.";
export const ALREADY_SUBMITTED = "This interview has already been submitted.";

// The capture journey

/**
 * A map's touchpoints in journey order (stage, then channel, then position), each with its
 * listed expectations. With `interviewId`, also what that interview recorded on touchpoints
 * or expectations archived since, so a correction never drops data it cannot show.
 */
export async function getCaptureJourney(
  ctx: WorkspaceContext,
  mapId: string,
  { interviewId, alsoArchived }: { interviewId?: string; alsoArchived?: { touchpointIds: string[]; expectationIds: string[] } } = {},
): Promise<CaptureJourney | null> {
  // Plain SQL, one round trip: every submission loads its map's journey to check the answers against it.
  const recorded = interviewId
    ? await sql<{ touchpoint_id: string; expectation_id: string }>(
        "SELECT touchpoint_id, expectation_id FROM observations WHERE workspace_id = $1 AND map_id = $2 AND interview_id = $3",
        [ctx.workspaceId, mapId, interviewId],
      )
    : [];
  // `alsoArchived`: what an interview queued on a device names, archived since it was recorded.
  // Ids of other maps or workspaces match no row below, so they add nothing.
  const recordedTouchpoints = [...new Set([...recorded.map((row) => row.touchpoint_id), ...(alsoArchived?.touchpointIds ?? [])])];
  const recordedExpectations = [...new Set([...recorded.map((row) => row.expectation_id), ...(alsoArchived?.expectationIds ?? [])])];
  // Flat rows (a touchpoint per expectation, the map on each), assembled here: building the
  // JSON in PostgreSQL cost it more than the rest of a submission's reads.
  const rows = await sql<{
    map_name: string;
    map_status: CaptureJourney["map"]["status"];
    map_version: number;
    id: string | null;
    name: string;
    description: string;
    prompt: string;
    moment_of_truth: boolean;
    archived: boolean;
    stage_name: string;
    channel_name: string;
    expectation_id: string | null;
    expectation_text: string;
    expectation_kind: "LISTED" | "VOLUNTEERED";
  }>(
    `SELECT m.name AS map_name, m.status::text AS map_status, m.journey_version AS map_version,
       t.id, t.name, t.description, t.prompt, t.moment_of_truth,
       (t.archived_at IS NOT NULL OR s.archived_at IS NOT NULL OR c.archived_at IS NOT NULL) AS archived,
       s.name AS stage_name, c.name AS channel_name,
       e.id AS expectation_id, e.text AS expectation_text, e.kind::text AS expectation_kind
     FROM maps m
     LEFT JOIN (touchpoints t
       JOIN stages s ON s.id = t.stage_id
       JOIN channels c ON c.id = t.channel_id)
       ON t.map_id = m.id AND t.workspace_id = $1
         AND ((t.archived_at IS NULL AND s.archived_at IS NULL AND c.archived_at IS NULL) OR t.id = ANY($3::text[]))
     LEFT JOIN expectations e ON e.touchpoint_id = t.id AND e.workspace_id = $1
       AND ((e.archived_at IS NULL AND e.kind = 'LISTED') OR e.id = ANY($4::text[]))
     WHERE m.id = $2 AND m.workspace_id = $1
     ORDER BY s.position, c.position, t.position, t.id, e.position, e.created_at`,
    [ctx.workspaceId, mapId, recordedTouchpoints, recordedExpectations],
  );
  const first = rows[0];
  if (!first) return null;
  const map: CaptureJourney["map"] = { id: mapId, name: first.map_name, status: first.map_status, version: first.map_version };
  const touchpoints = new Map<string, (typeof rows)[number] & { expectations: { id: string; text: string; kind: string }[] }>();
  for (const row of rows) {
    if (row.id === null) continue;
    const touchpoint = touchpoints.get(row.id) ?? { ...row, expectations: [] };
    if (row.expectation_id) touchpoint.expectations.push({ id: row.expectation_id, text: row.expectation_text, kind: row.expectation_kind });
    touchpoints.set(row.id, touchpoint);
  }
  return {
    map,
    touchpoints: [...touchpoints.values()].map((row) => ({
      id: row.id!,
      name: row.name,
      description: row.description,
      prompt: row.prompt,
      momentOfTruth: row.moment_of_truth,
      stageName: row.stage_name,
      channelName: row.channel_name,
      archived: row.archived,
      expectations: row.expectations.filter((expectation) => expectation.kind === "LISTED").map(({ id, text }) => ({ id, text })),
      volunteered: row.expectations.filter((expectation) => expectation.kind === "VOLUNTEERED").map(({ id, text }) => ({ id, text })),
    })),
  };
}

/** The maps an interview can be recorded on now. */
export async function listRecordableMaps(ctx: WorkspaceContext) {
  return db.journeyMap.findMany({
    where: { workspaceId: ctx.workspaceId, status: "ACTIVE" },
    orderBy: { name: "asc" },
    select: { id: true, name: true, description: true },
  });
}

// Resuming

export type StoredInterview = {
  id: string;
  mapId: string;
  status: InterviewStatus;
  interviewerId: string;
  submittedAt: Date | null;
  /** The capture state: the saved draft, or one rebuilt from the stored rows. */
  state: InterviewDraft;
  /** Whether `state` came from a saved draft (false: rebuilt from the stored rows). */
  fromDraft: boolean;
};

/**
 * An interview as the capture screen needs it; null when it does not exist in this
 * workspace or is not the caller's to see.
 */
export async function getInterviewForCapture(ctx: WorkspaceContext, interviewId: string): Promise<StoredInterview | null> {
  const row = await db.interview.findFirst({
    where: { id: interviewId, workspaceId: ctx.workspaceId },
    select: {
      id: true,
      mapId: true,
      status: true,
      interviewerId: true,
      submittedAt: true,
      respondentId: true,
      respondent: { select: { code: true } },
      conductedOn: true,
      mode: true,
      overallFeeling: true,
      notes: true,
      draft: true,
      updatedAt: true,
      observations: { select: OBSERVATION_SELECT },
    },
  });
  if (!row || !visibleTo(ctx, row)) return null;
  const base = { id: row.id, mapId: row.mapId, status: row.status, interviewerId: row.interviewerId, submittedAt: row.submittedAt };
  if (row.status === "DRAFT" && row.draft !== null) {
    // A draft saved by an older version of the screen may not fit: then it is rebuilt from the row.
    const saved = InterviewDraftSchema.safeParse(row.draft);
    if (saved.success && saved.data.id === row.id && saved.data.mapId === row.mapId) return { ...base, state: saved.data, fromDraft: true };
  }
  const answers = new Map<string, Answer>();
  for (const observation of row.observations) {
    const answer = answers.get(observation.touchpointId) ?? {
      touchpointId: observation.touchpointId,
      skipped: false,
      ratings: [],
      volunteered: [],
    };
    const values = {
      outcome: observation.outcome,
      importance: observation.importance,
      feeling: observation.feeling,
      comment: observation.comment ?? "",
    };
    if (observation.expectation.kind === "VOLUNTEERED") {
      answer.volunteered.push({ key: observation.expectationId, expectationId: observation.expectationId, text: observation.expectation.text, ...values });
    } else {
      answer.ratings.push({ expectationId: observation.expectationId, ...values });
    }
    answers.set(observation.touchpointId, answer);
  }
  return {
    ...base,
    fromDraft: false,
    state: {
      id: row.id,
      mapId: row.mapId,
      respondent: row.respondentId ? { kind: "existing", respondentId: row.respondentId, code: row.respondent?.code ?? "" } : null,
      conductedOn: dateOnly(row.conductedOn),
      mode: row.mode,
      answers: [...answers.values()],
      overallFeeling: row.overallFeeling,
      notes: row.notes,
      step: 0,
      savedAt: row.updatedAt.getTime(),
    },
  };
}

/** Adds "not encountered" for every touchpoint a submitted interview has no observation on. */
export function withSkippedTouchpoints(state: InterviewDraft, journey: CaptureJourney): InterviewDraft {
  const answered = new Set(state.answers.map((answer) => answer.touchpointId));
  const skipped = journey.touchpoints
    .filter((touchpoint) => !answered.has(touchpoint.id))
    .map((touchpoint) => ({ touchpointId: touchpoint.id, skipped: true, ratings: [], volunteered: [] }));
  return { ...state, answers: [...state.answers, ...skipped] };
}

// Drafts

/** Every id in a draft must be on the map it is recorded on (and the respondent in this workspace). */
async function checkDraftIds(ctx: WorkspaceContext, journey: CaptureJourney, draft: Pick<InterviewDraft, "answers" | "respondent">) {
  const touchpoints = new Map(journey.touchpoints.map((touchpoint) => [touchpoint.id, touchpoint]));
  for (const answer of draft.answers) {
    const touchpoint = touchpoints.get(answer.touchpointId);
    if (!touchpoint) throw new UserError("The draft has an answer for a touchpoint that is not on this map.", undefined, 400);
    const listed = new Set(touchpoint.expectations.map((expectation) => expectation.id));
    const stored = new Set(touchpoint.volunteered.map((expectation) => expectation.id));
    if (answer.ratings.some((rating) => !listed.has(rating.expectationId))) {
      throw new UserError(`The draft rates an expectation that is not on ${touchpoint.name}.`, undefined, 400);
    }
    if (answer.volunteered.some((item) => item.expectationId !== null && !stored.has(item.expectationId))) {
      throw new UserError(`The draft refers to an unlisted expectation that is not on ${touchpoint.name}.`, undefined, 400);
    }
  }
  if (draft.respondent?.kind === "existing") {
    const respondent = await db.respondent.findFirst({
      where: { id: draft.respondent.respondentId, workspaceId: ctx.workspaceId },
      select: { id: true },
    });
    if (!respondent) throw new UserError("That respondent was not found in this workspace.", { respondent: ["Choose the respondent again."] }, 400);
  }
}

export type SaveDraftResult = { saved: true; created: boolean } | { saved: false; reason: "stale" };

/**
 * Saves the interviewer's draft: creates the DRAFT row the first time, then replaces its
 * state. A copy older than the one stored is ignored (requests may arrive out of order).
 */
export async function saveDraft(ctx: WorkspaceContext, draft: InterviewDraft): Promise<SaveDraftResult> {
  const journey = await getCaptureJourney(ctx, draft.mapId);
  if (!journey) throw new UserError(MAP_NOT_FOUND, undefined, 404);
  await checkDraftIds(ctx, journey, draft);
  const respondentId = draft.respondent?.kind === "existing" ? draft.respondent.respondentId : null;
  const json = JSON.stringify(draft);
  return db.$transaction(async (tx) => {
    const existing = await tx.$queryRaw<
      { workspace_id: string; interviewer_id: string; map_id: string; status: InterviewStatus; saved_at: string | null }[]
    >`
      SELECT workspace_id, interviewer_id, map_id, status::text AS status, draft->>'savedAt' AS saved_at
      FROM interviews WHERE id = ${draft.id} FOR UPDATE`;
    const row = existing[0];
    if (!row) {
      if (journey.map.status !== "ACTIVE") throw new UserError(MAP_NOT_ACTIVE, undefined, 409);
      const inserted = await tx.$executeRaw`
        INSERT INTO interviews (id, workspace_id, map_id, respondent_id, interviewer_id, conducted_on, mode,
                                overall_feeling, notes, status, draft, updated_at)
        VALUES (${draft.id}, ${ctx.workspaceId}, ${draft.mapId}, ${respondentId}, ${ctx.userId}, ${draft.conductedOn}::date,
                ${draft.mode ?? "IN_PERSON"}::"InterviewMode", ${draft.overallFeeling}::"Feeling", ${draft.notes}, 'DRAFT',
                ${json}::jsonb, now())
        ON CONFLICT (id) DO NOTHING`;
      // Lost a race with another first save of the same draft: that one is as good as this one.
      if (inserted === 0) return { saved: false, reason: "stale" } as const;
      await recordAudit(tx, ctx, {
        action: "interview.draft_start",
        entityType: "Interview",
        entityId: draft.id,
        after: { mapId: draft.mapId },
      });
      return { saved: true, created: true } as const;
    }
    if (row.workspace_id !== ctx.workspaceId || row.interviewer_id !== ctx.userId) throw new UserError(INTERVIEW_NOT_FOUND, undefined, 404);
    if (row.status === "SUBMITTED") throw new UserError(ALREADY_SUBMITTED, undefined, 409, "submitted");
    if (row.status === "VOID") throw new UserError("This draft was discarded.", undefined, 409);
    if (row.map_id !== draft.mapId) throw new UserError("This draft belongs to another map.", undefined, 409);
    if (row.saved_at !== null && Number(row.saved_at) > draft.savedAt) return { saved: false, reason: "stale" } as const;
    await tx.$executeRaw`
      UPDATE interviews SET draft = ${json}::jsonb, respondent_id = ${respondentId}, conducted_on = ${draft.conductedOn}::date,
        mode = ${draft.mode ?? "IN_PERSON"}::"InterviewMode", overall_feeling = ${draft.overallFeeling}::"Feeling",
        notes = ${draft.notes}, updated_at = now()
      WHERE id = ${draft.id}`;
    return { saved: true, created: false } as const;
  });
}

/**
 * An interview from a device's outbox whose map was closed (archived, or back to draft) while
 * it waited: it is kept on the server as the interviewer's draft, never lost, and the audit
 * log tells analysts, who can open the map again for it to be submitted. A draft already
 * there is replaced; a submitted interview is left as it is. Returns the map's name.
 */
export async function holdQueuedInterview(ctx: WorkspaceContext, input: unknown): Promise<{ mapName: string; alreadySubmitted: boolean }> {
  const parsed = InterviewDraftSchema.safeParse(input);
  if (!parsed.success) throw new UserError("The interview could not be read.", undefined, 400);
  const draft = parsed.data;
  const journey = await getCaptureJourney(ctx, draft.mapId);
  if (!journey) throw new UserError(MAP_NOT_FOUND, undefined, 404);
  await checkDraftIds(ctx, journey, draft);
  const respondentId = draft.respondent?.kind === "existing" ? draft.respondent.respondentId : null;
  const json = JSON.stringify(draft);
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`
      INSERT INTO interviews (id, workspace_id, map_id, respondent_id, interviewer_id, conducted_on, mode,
                              overall_feeling, notes, status, draft, updated_at)
      VALUES (${draft.id}, ${ctx.workspaceId}, ${draft.mapId}, ${respondentId}, ${ctx.userId}, ${draft.conductedOn}::date,
              ${draft.mode ?? "IN_PERSON"}::"InterviewMode", ${draft.overallFeeling}::"Feeling", ${draft.notes}, 'DRAFT',
              ${json}::jsonb, now())
      ON CONFLICT (id) DO NOTHING`;
    const [row] = await tx.$queryRaw<{ workspace_id: string; interviewer_id: string; map_id: string; status: InterviewStatus }[]>`
      SELECT workspace_id, interviewer_id, map_id, status::text AS status FROM interviews WHERE id = ${draft.id} FOR UPDATE`;
    if (!row || row.workspace_id !== ctx.workspaceId || row.interviewer_id !== ctx.userId) throw new UserError(INTERVIEW_NOT_FOUND, undefined, 404);
    if (row.status === "SUBMITTED") return { mapName: journey.map.name, alreadySubmitted: true };
    if (row.status === "VOID") throw new UserError("This draft was discarded.", undefined, 409);
    if (row.map_id !== draft.mapId) throw new UserError("This draft belongs to another map.", undefined, 409);
    await tx.$executeRaw`
      UPDATE interviews SET draft = ${json}::jsonb, respondent_id = ${respondentId}, conducted_on = ${draft.conductedOn}::date,
        mode = ${draft.mode ?? "IN_PERSON"}::"InterviewMode", overall_feeling = ${draft.overallFeeling}::"Feeling",
        notes = ${draft.notes}, updated_at = now()
      WHERE id = ${draft.id}`;
    // Told once: a second copy of the same interview (another tab) only replaces the draft.
    const told = await tx.auditLog.count({ where: { workspaceId: ctx.workspaceId, entityType: "Interview", entityId: draft.id, action: "interview.held" } });
    if (told === 0) {
      await recordAudit(tx, ctx, {
        action: "interview.held",
        entityType: "Interview",
        entityId: draft.id,
        after: { mapId: draft.mapId, mapStatus: journey.map.status },
      });
    }
    return { mapName: journey.map.name, alreadySubmitted: false };
  });
}
