import "server-only";
import { randomUUID } from "node:crypto";
import { db, sqlInPrisma } from "@/lib/db";
import type { Tx } from "@/lib/db-errors";
import { UserError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { WorkspaceContext } from "@/lib/workspace";
import { recordAudit } from "@/lib/data/audit";
import { insertRespondent } from "@/lib/data/respondents";
import { INTERVIEW_NOT_FOUND, canEditInterview, dateOnly, toDate, visibleTo } from "@/lib/data/interview-core";
import { RespondentProfileSchema } from "@/lib/schemas/respondent";
import type {
  CaptureJourney,
  FeelingState,
  InterviewStatus,
  Outcome,
  RespondentChoice,
  VoidInterviewSchema,
} from "@/lib/schemas/interview";
import { toObservationRows, type InterviewSubmission } from "@/lib/schemas/interview-submission";

// Changing an interview after the fact: correcting a submitted one, voiding and restoring,
// and an interviewer discarding their own draft. Every change is audited, and nothing is
// deleted: a void interview can always be restored.

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
  if (!row || !visibleTo(ctx, { interviewerId: row.interviewer_id })) throw new UserError(INTERVIEW_NOT_FOUND, undefined, 404);
  return row;
}

// Discarding a draft

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

// Correcting

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
      if (row.map_id !== journey.map.id) throw new UserError(INTERVIEW_NOT_FOUND, undefined, 404);
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

/**
 * How many interviews on a map arrived from an interviewer's outbox after the map was closed
 * and wait as drafts (each was audited as `interview.held` when it arrived). Shown to those
 * who curate interviews, so that no held interview goes unnoticed.
 */
export async function countHeldDrafts(ctx: WorkspaceContext, mapId: string): Promise<number> {
  const [row] = await db.$queryRaw<{ held: number }[]>`
    SELECT count(*)::int AS held
    FROM interviews i
    WHERE i.workspace_id = ${ctx.workspaceId} AND i.map_id = ${mapId} AND i.status = 'DRAFT'
      AND EXISTS (
        SELECT 1 FROM audit_log a
        WHERE a.workspace_id = i.workspace_id AND a.entity_type = 'Interview' AND a.entity_id = i.id
          AND a.action = 'interview.held')`;
  return row?.held ?? 0;
}
