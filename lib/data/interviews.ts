import "server-only";
import { randomUUID } from "node:crypto";
import { db, sql, sqlInPrisma } from "@/lib/db";
import { UserError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { Prisma } from "@/lib/generated/prisma/client";
import type { WorkspaceContext } from "@/lib/workspace";
import { recordAudit } from "@/lib/data/audit";
import { insertRespondent } from "@/lib/data/respondents";
import { RespondentProfileSchema } from "@/lib/schemas/respondent";
import {
  InterviewDraftSchema,
  OWN_EDIT_WINDOW_MS,
  toObservationRows,
  type Answer,
  type CaptureJourney,
  type FeelingState,
  type InterviewDraft,
  type InterviewListFilter,
  type InterviewMode,
  type InterviewStatus,
  type InterviewSubmission,
  type Outcome,
  type RespondentChoice,
  type VoidInterviewSchema,
} from "@/lib/schemas/interview";

type Tx = Prisma.TransactionClient;

const NOT_FOUND = "That interview was not found.";
const MAP_NOT_FOUND = "That map was not found in this workspace.";
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
  { interviewId }: { interviewId?: string } = {},
): Promise<CaptureJourney | null> {
  // Plain SQL, one round trip: every submission loads its map's journey to check the answers against it.
  const recorded = interviewId
    ? await sql<{ touchpoint_id: string; expectation_id: string }>(
        "SELECT touchpoint_id, expectation_id FROM observations WHERE workspace_id = $1 AND map_id = $2 AND interview_id = $3",
        [ctx.workspaceId, mapId, interviewId],
      )
    : [];
  const recordedTouchpoints = [...new Set(recorded.map((row) => row.touchpoint_id))];
  const recordedExpectations = [...new Set(recorded.map((row) => row.expectation_id))];
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

/** Whether an interview id is taken anywhere: a fresh capture must not reuse one. */
export async function interviewIdInUse(interviewId: string): Promise<boolean> {
  return (await db.interview.count({ where: { id: interviewId } })) > 0;
}

// Access

function canCurate(ctx: WorkspaceContext) {
  return can(ctx.role, "interview.curate");
}

type AccessRow = { status: InterviewStatus; interviewerId: string; submittedAt: Date | null };

/** The correction deadline of an interviewer's own submitted interview. */
export function ownEditDeadline(submittedAt: Date): Date {
  return new Date(submittedAt.getTime() + OWN_EDIT_WINDOW_MS);
}

/** Analysts and admins correct any submitted interview; an interviewer their own, within 24 hours of submitting. */
export function canEditInterview(ctx: WorkspaceContext, row: AccessRow, now = new Date()): boolean {
  if (row.status !== "SUBMITTED") return false;
  if (canCurate(ctx)) return true;
  return row.interviewerId === ctx.userId && row.submittedAt !== null && now <= ownEditDeadline(row.submittedAt);
}

function visibleTo(ctx: WorkspaceContext, row: { interviewerId: string }) {
  return canCurate(ctx) || row.interviewerId === ctx.userId;
}

// Reading

function dateOnly(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function toDate(value: string): Date {
  return new Date(`${value}T00:00:00.000Z`);
}

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
      observations: {
        select: {
          touchpointId: true,
          expectationId: true,
          outcome: true,
          importance: true,
          feeling: true,
          comment: true,
          expectation: { select: { kind: true, text: true } },
        },
      },
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
    if (row.workspace_id !== ctx.workspaceId || row.interviewer_id !== ctx.userId) throw new UserError(NOT_FOUND, undefined, 404);
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

/** An interviewer gives up their own draft: it is kept, void, and can be restored by an analyst. */
export async function discardDraft(ctx: WorkspaceContext, interviewId: string) {
  return db.$transaction(async (tx) => {
    const row = await lockInterview(tx, ctx, interviewId);
    if (row.interviewer_id !== ctx.userId || row.status !== "DRAFT") {
      throw new UserError("Only your own drafts can be discarded.", undefined, row.interviewer_id === ctx.userId ? 409 : 404);
    }
    const reason = "Draft discarded by the interviewer";
    await tx.interview.update({ where: { id: interviewId }, data: { status: "VOID", voidedAt: new Date(), voidReason: reason } });
    await recordAudit(tx, ctx, {
      action: "interview.draft_discard",
      entityType: "Interview",
      entityId: interviewId,
      before: { status: "DRAFT" },
      after: { status: "VOID", reason },
    });
    return { interviewId };
  });
}

// Submitting and correcting

type LockedRow = {
  id: string;
  workspace_id: string;
  map_id: string;
  interviewer_id: string;
  status: InterviewStatus;
  submitted_at: Date | null;
};

/** Reads the interview and locks it until the transaction ends; "not found" for anything outside the workspace or not visible. */
async function lockInterview(tx: Tx, ctx: WorkspaceContext, interviewId: string): Promise<LockedRow> {
  const rows = await tx.$queryRaw<LockedRow[]>`
    SELECT id, workspace_id, map_id, interviewer_id, status::text AS status, submitted_at
    FROM interviews WHERE id = ${interviewId} AND workspace_id = ${ctx.workspaceId} FOR UPDATE`;
  const row = rows[0];
  if (!row || !visibleTo(ctx, { interviewerId: row.interviewer_id })) throw new UserError(NOT_FOUND, undefined, 404);
  return row;
}

async function resolveRespondent(
  tx: Tx,
  ctx: WorkspaceContext,
  choice: RespondentChoice | null,
  keepArchivedId: string | null,
): Promise<string> {
  if (!choice) throw new UserError("Choose the respondent.", { respondent: ["Choose the respondent, or add a new one."] });
  if (choice.kind === "new") {
    return (await insertRespondent(sqlInPrisma(tx), ctx, RespondentProfileSchema.parse(choice.profile), "respondent.profile.code")).id;
  }
  const respondent = await tx.respondent.findFirst({
    where: { id: choice.respondentId, workspaceId: ctx.workspaceId },
    select: { id: true, archivedAt: true },
  });
  if (!respondent) {
    throw new UserError("That respondent was not found in this workspace.", { respondent: ["Choose the respondent again."] });
  }
  if (respondent.archivedAt && respondent.id !== keepArchivedId) {
    throw new UserError("That respondent is archived. Choose another one, or restore them first.", {
      respondent: ["That respondent is archived."],
    });
  }
  return respondent.id;
}

type ObservationSnapshot = [touchpointId: string, expectationId: string, outcome: Outcome, importance: number, feeling: FeelingState | null, comment: string | null];

/**
 * Writes the observations of a checked submission, creating the unlisted (volunteered)
 * expectations it introduces. Returns a compact snapshot for the audit log.
 */
async function writeObservations(
  tx: Tx,
  ctx: WorkspaceContext,
  journey: CaptureJourney,
  interviewId: string,
  data: InterviewSubmission,
): Promise<{ snapshot: ObservationSnapshot[]; volunteered: number }> {
  const rows = toObservationRows(data);
  const fresh = rows.filter((row) => row.expectationId === null);
  const nextPosition = new Map<string, number>();
  if (fresh.length > 0) {
    const maxima = await tx.expectation.groupBy({
      by: ["touchpointId"],
      where: { workspaceId: ctx.workspaceId, touchpointId: { in: [...new Set(fresh.map((row) => row.touchpointId))] } },
      _max: { position: true },
    });
    for (const max of maxima) nextPosition.set(max.touchpointId, (max._max.position ?? -1) + 1);
  }
  const created: Prisma.ExpectationCreateManyInput[] = [];
  for (const row of rows) {
    if (row.expectationId !== null) continue;
    const position = nextPosition.get(row.touchpointId) ?? 0;
    nextPosition.set(row.touchpointId, position + 1);
    row.expectationId = randomUUID();
    created.push({
      id: row.expectationId,
      workspaceId: ctx.workspaceId,
      mapId: journey.map.id,
      touchpointId: row.touchpointId,
      text: row.volunteeredText!,
      kind: "VOLUNTEERED",
      position,
      createdById: ctx.userId,
    });
  }
  if (created.length > 0) await tx.expectation.createMany({ data: created });
  if (rows.length > 0) {
    await tx.observation.createMany({
      data: rows.map((row) => ({
        workspaceId: ctx.workspaceId,
        mapId: journey.map.id,
        interviewId,
        touchpointId: row.touchpointId,
        expectationId: row.expectationId!,
        outcome: row.outcome,
        importance: row.importance,
        feeling: row.feeling,
        comment: row.comment,
      })),
    });
  }
  return {
    snapshot: rows.map((row) => [row.touchpointId, row.expectationId!, row.outcome, row.importance, row.feeling, row.comment]),
    volunteered: created.length,
  };
}

/** Corrects a submitted interview: everything is replaced in one transaction and the change audited. */
export async function updateInterview(ctx: WorkspaceContext, journey: CaptureJourney, data: InterviewSubmission, now = new Date()) {
  return db.$transaction(
    async (tx) => {
      const row = await lockInterview(tx, ctx, data.id);
      if (row.map_id !== journey.map.id) throw new UserError(NOT_FOUND, undefined, 404);
      const access = { status: row.status, interviewerId: row.interviewer_id, submittedAt: row.submitted_at };
      if (!canEditInterview(ctx, access, now)) {
        if (row.status !== "SUBMITTED") throw new UserError("Only submitted interviews can be corrected.", undefined, 409);
        throw new UserError(
          "Your own interviews can be corrected within 24 hours of submitting. Ask an analyst to correct this one.",
          undefined,
          403,
        );
      }
      const before = await tx.interview.findUniqueOrThrow({
        where: { id: row.id },
        select: {
          respondentId: true,
          conductedOn: true,
          mode: true,
          overallFeeling: true,
          notes: true,
          observations: {
            select: { touchpointId: true, expectationId: true, outcome: true, importance: true, feeling: true, comment: true },
            orderBy: [{ touchpointId: "asc" }, { expectationId: "asc" }],
          },
        },
      });
      const respondentId = await resolveRespondent(tx, ctx, data.respondent, before.respondentId);

      // Unlisted expectations this interview introduced: their wording may be corrected here.
      const stored = new Map(journey.touchpoints.flatMap((touchpoint) => touchpoint.volunteered.map((item) => [item.id, item.text] as const)));
      for (const answer of data.answers) {
        for (const item of answer.volunteered) {
          if (item.expectationId && stored.get(item.expectationId) !== item.text && item.text !== "") {
            await tx.expectation.updateMany({
              where: { id: item.expectationId, workspaceId: ctx.workspaceId, kind: "VOLUNTEERED", mergedIntoId: null },
              data: { text: item.text },
            });
          }
        }
      }
      await tx.observation.deleteMany({ where: { interviewId: row.id, workspaceId: ctx.workspaceId } });
      const { snapshot, volunteered } = await writeObservations(tx, ctx, journey, row.id, data);
      // An unlisted expectation nobody observes any more is archived, never deleted.
      const dropped = [...stored.keys()].filter((expectationId) => !snapshot.some((entry) => entry[1] === expectationId));
      if (dropped.length > 0) {
        await tx.expectation.updateMany({
          where: { id: { in: dropped }, workspaceId: ctx.workspaceId, kind: "VOLUNTEERED", archivedAt: null, observations: { none: {} } },
          data: { archivedAt: now },
        });
      }
      await tx.interview.update({
        where: { id: row.id },
        data: {
          respondentId,
          conductedOn: toDate(data.conductedOn),
          mode: data.mode!,
          overallFeeling: data.overallFeeling,
          notes: data.notes,
        },
      });
      await recordAudit(tx, ctx, {
        action: "interview.update",
        entityType: "Interview",
        entityId: row.id,
        before: {
          respondentId: before.respondentId,
          conductedOn: dateOnly(before.conductedOn),
          mode: before.mode,
          overallFeeling: before.overallFeeling,
          notes: before.notes,
          observations: before.observations.map((o) => [o.touchpointId, o.expectationId, o.outcome, o.importance, o.feeling, o.comment]),
        },
        after: {
          respondentId,
          conductedOn: data.conductedOn,
          mode: data.mode,
          overallFeeling: data.overallFeeling,
          notes: data.notes,
          observations: snapshot,
          newVolunteered: volunteered,
        },
      });
      return { interviewId: row.id };
    },
    { maxWait: 10_000, timeout: 20_000 },
  );
}

// Void and restore

export async function voidInterview(ctx: WorkspaceContext, input: VoidInterviewSchema) {
  return db.$transaction(async (tx) => {
    const row = await lockInterview(tx, ctx, input.interviewId);
    if (row.status === "VOID") throw new UserError("This interview is already void.", undefined, 409);
    const voidedAt = new Date();
    await tx.interview.update({ where: { id: row.id }, data: { status: "VOID", voidedAt, voidReason: input.reason } });
    await recordAudit(tx, ctx, {
      action: "interview.void",
      entityType: "Interview",
      entityId: row.id,
      before: { status: row.status },
      after: { status: "VOID", reason: input.reason },
    });
    return { interviewId: row.id };
  });
}

/** Undoes a void: a submitted interview counts in the analysis again, a discarded draft is a draft again. */
export async function restoreInterview(ctx: WorkspaceContext, interviewId: string) {
  return db.$transaction(async (tx) => {
    const row = await lockInterview(tx, ctx, interviewId);
    if (row.status !== "VOID") throw new UserError("Only a void interview can be restored.", undefined, 409);
    const status: "SUBMITTED" | "DRAFT" = row.submitted_at ? "SUBMITTED" : "DRAFT";
    const before = await tx.interview.findUniqueOrThrow({ where: { id: row.id }, select: { voidReason: true } });
    await tx.interview.update({ where: { id: row.id }, data: { status, voidedAt: null, voidReason: null } });
    await recordAudit(tx, ctx, {
      action: "interview.restore",
      entityType: "Interview",
      entityId: row.id,
      before: { status: "VOID", reason: before.voidReason },
      after: { status },
    });
    return { interviewId: row.id, status };
  });
}

// Lists and details

export type InterviewListRow = {
  id: string;
  status: InterviewStatus;
  conductedOn: string;
  mode: InterviewMode;
  mapId: string;
  mapName: string;
  respondent: string | null;
  segment: string | null;
  interviewerName: string;
  own: boolean;
  observations: number;
  submittedAt: Date | null;
  updatedAt: Date;
  canEdit: boolean;
  editUntil: Date | null;
};

export async function listInterviews(
  ctx: WorkspaceContext,
  filter: InterviewListFilter,
  { pageSize = 25, now = new Date() }: { pageSize?: number; now?: Date } = {},
): Promise<{ rows: InterviewListRow[]; total: number }> {
  const curate = canCurate(ctx);
  const conductedOn: Prisma.DateTimeFilter = {};
  if (filter.from) conductedOn.gte = toDate(filter.from);
  if (filter.to) conductedOn.lte = toDate(filter.to);
  const where: Prisma.InterviewWhereInput = {
    workspaceId: ctx.workspaceId,
    ...(curate ? (filter.interviewer ? { interviewerId: filter.interviewer } : {}) : { interviewerId: ctx.userId }),
    ...(filter.map ? { mapId: filter.map } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.from || filter.to ? { conductedOn } : {}),
  };
  const [records, total] = await Promise.all([
    db.interview.findMany({
      where,
      orderBy: [{ conductedOn: "desc" }, { createdAt: "desc" }, { id: "asc" }],
      skip: (filter.page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        status: true,
        conductedOn: true,
        mode: true,
        submittedAt: true,
        updatedAt: true,
        interviewerId: true,
        map: { select: { id: true, name: true } },
        respondent: { select: { code: true, segment: true } },
        interviewer: { select: { name: true } },
        _count: { select: { observations: true } },
      },
    }),
    db.interview.count({ where }),
  ]);
  return {
    total,
    rows: records.map((record) => {
      const access = { status: record.status, interviewerId: record.interviewerId, submittedAt: record.submittedAt };
      const own = record.interviewerId === ctx.userId;
      return {
        id: record.id,
        status: record.status,
        conductedOn: dateOnly(record.conductedOn),
        mode: record.mode,
        mapId: record.map.id,
        mapName: record.map.name,
        respondent: record.respondent?.code ?? null,
        segment: record.respondent?.segment ?? null,
        interviewerName: record.interviewer.name,
        own,
        observations: record._count.observations,
        submittedAt: record.submittedAt,
        updatedAt: record.updatedAt,
        canEdit: canEditInterview(ctx, access, now),
        editUntil: own && !curate && record.submittedAt && record.status === "SUBMITTED" ? ownEditDeadline(record.submittedAt) : null,
      };
    }),
  };
}

/** The choices of the list's filters: every map, and (for analysts and admins) everyone who recorded an interview. */
export async function listInterviewFilterOptions(ctx: WorkspaceContext) {
  const [maps, interviewers] = await Promise.all([
    db.journeyMap.findMany({
      // Interviewers see the maps they can record on and those they recorded on, nothing else.
      where: canCurate(ctx)
        ? { workspaceId: ctx.workspaceId }
        : { workspaceId: ctx.workspaceId, OR: [{ status: "ACTIVE" }, { interviews: { some: { interviewerId: ctx.userId } } }] },
      orderBy: { name: "asc" },
      select: { id: true, name: true, status: true },
    }),
    canCurate(ctx)
      ? db.user.findMany({
          where: {
            OR: [
              { interviews: { some: { workspaceId: ctx.workspaceId } } },
              { memberships: { some: { workspaceId: ctx.workspaceId, removedAt: null, role: { not: "MANAGER" } } } },
            ],
          },
          orderBy: { name: "asc" },
          select: { id: true, name: true },
        })
      : Promise.resolve([]),
  ]);
  return { maps, interviewers };
}

export type InterviewDetail = {
  id: string;
  status: InterviewStatus;
  conductedOn: string;
  mode: InterviewMode;
  overallFeeling: FeelingState | null;
  notes: string;
  submittedAt: Date | null;
  voidedAt: Date | null;
  voidReason: string | null;
  updatedAt: Date;
  map: { id: string; name: string; status: "DRAFT" | "ACTIVE" | "ARCHIVED" };
  respondent: { id: string; code: string; segment: string | null; lifecycleStage: string; valueTier: string } | null;
  interviewer: { id: string; name: string };
  own: boolean;
  touchpoints: {
    id: string;
    name: string;
    stageName: string;
    channelName: string;
    observations: {
      expectationId: string;
      text: string;
      volunteered: boolean;
      outcome: Outcome;
      importance: number;
      feeling: FeelingState | null;
      comment: string | null;
    }[];
  }[];
  skipped: number;
  history: { id: string; action: string; actorName: string | null; createdAt: Date; reason: string | null }[];
  canEdit: boolean;
  editUntil: Date | null;
  canCurate: boolean;
};

export async function getInterview(ctx: WorkspaceContext, interviewId: string, now = new Date()): Promise<InterviewDetail | null> {
  const record = await db.interview.findFirst({
    where: { id: interviewId, workspaceId: ctx.workspaceId },
    select: {
      id: true,
      status: true,
      conductedOn: true,
      mode: true,
      overallFeeling: true,
      notes: true,
      submittedAt: true,
      voidedAt: true,
      voidReason: true,
      updatedAt: true,
      interviewerId: true,
      map: { select: { id: true, name: true, status: true } },
      respondent: { select: { id: true, code: true, segment: true, lifecycleStage: true, valueTier: true } },
      interviewer: { select: { id: true, name: true } },
      observations: {
        select: {
          touchpointId: true,
          expectationId: true,
          outcome: true,
          importance: true,
          feeling: true,
          comment: true,
          expectation: { select: { text: true, kind: true, position: true } },
        },
      },
    },
  });
  if (!record || !visibleTo(ctx, record)) return null;
  const [journey, history] = await Promise.all([
    getCaptureJourney(ctx, record.map.id, { interviewId: record.id }),
    db.auditLog.findMany({
      where: { workspaceId: ctx.workspaceId, entityType: "Interview", entityId: record.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: 100,
      select: { id: true, action: true, createdAt: true, after: true, actor: { select: { name: true } } },
    }),
  ]);
  const byTouchpoint = new Map<string, typeof record.observations>();
  for (const observation of record.observations) {
    byTouchpoint.set(observation.touchpointId, [...(byTouchpoint.get(observation.touchpointId) ?? []), observation]);
  }
  const touchpoints = (journey?.touchpoints ?? [])
    .filter((touchpoint) => byTouchpoint.has(touchpoint.id))
    .map((touchpoint) => ({
      id: touchpoint.id,
      name: touchpoint.name,
      stageName: touchpoint.stageName,
      channelName: touchpoint.channelName,
      observations: byTouchpoint
        .get(touchpoint.id)!
        .sort(
          (a, b) =>
            Number(a.expectation.kind === "VOLUNTEERED") - Number(b.expectation.kind === "VOLUNTEERED") ||
            a.expectation.position - b.expectation.position,
        )
        .map((observation) => ({
          expectationId: observation.expectationId,
          text: observation.expectation.text,
          volunteered: observation.expectation.kind === "VOLUNTEERED",
          outcome: observation.outcome,
          importance: observation.importance,
          feeling: observation.feeling,
          comment: observation.comment,
        })),
    }));
  const access = { status: record.status, interviewerId: record.interviewerId, submittedAt: record.submittedAt };
  const own = record.interviewerId === ctx.userId;
  return {
    id: record.id,
    status: record.status,
    conductedOn: dateOnly(record.conductedOn),
    mode: record.mode,
    overallFeeling: record.overallFeeling,
    notes: record.notes,
    submittedAt: record.submittedAt,
    voidedAt: record.voidedAt,
    voidReason: record.voidReason,
    updatedAt: record.updatedAt,
    map: record.map,
    respondent: record.respondent,
    interviewer: record.interviewer,
    own,
    touchpoints,
    skipped: (journey?.touchpoints ?? []).filter((touchpoint) => !touchpoint.archived && !byTouchpoint.has(touchpoint.id)).length,
    history: history.map((entry) => ({
      id: entry.id,
      action: entry.action,
      actorName: entry.actor?.name ?? null,
      createdAt: entry.createdAt,
      reason:
        entry.after && typeof entry.after === "object" && "reason" in entry.after ? String((entry.after as { reason: unknown }).reason) : null,
    })),
    canEdit: canEditInterview(ctx, access, now),
    editUntil: own && !canCurate(ctx) && record.submittedAt && record.status === "SUBMITTED" ? ownEditDeadline(record.submittedAt) : null,
    canCurate: canCurate(ctx),
  };
}

// Quotas: the one computation lives with the maps list, which shows it too.
export { getQuotaProgress, type QuotaProgress } from "@/lib/data/maps";
