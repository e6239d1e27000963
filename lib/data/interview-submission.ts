import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { sqlTransaction, type Sql } from "@/lib/db";
import { UserError, zodFieldErrors } from "@/lib/errors";
import type { WorkspaceContext } from "@/lib/workspace";
import { RespondentProfileSchema } from "@/lib/schemas/respondent";
import {
  interviewSubmissionSchema,
  toObservationRows,
  type CaptureJourney,
  type InterviewSubmission,
  type RespondentChoice,
} from "@/lib/schemas/interview";
import { MAP_NOT_ACTIVE, getCaptureJourney } from "@/lib/data/interviews";
import { insertRespondent, isUniqueViolation } from "@/lib/data/respondents";
import { recordAuditSql } from "@/lib/data/audit";

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
  if (!journey) throw new UserError("That map was not found in this workspace.", undefined, 404);
  const parsed = interviewSubmissionSchema(journey).safeParse(input);
  if (!parsed.success) throw problemsError(parsed.error);
  return { journey, data: parsed.data };
}

export type SubmitResult = { interviewId: string; alreadySubmitted: boolean };

const NOT_FOUND = "That interview was not found.";

async function submittedRespondent(sql: Sql, ctx: WorkspaceContext, choice: RespondentChoice | null): Promise<string> {
  if (!choice) throw new UserError("Choose the respondent.", { respondent: ["Choose the respondent, or add a new one."] });
  if (choice.kind === "new") {
    return (await insertRespondent(sql, ctx, RespondentProfileSchema.parse(choice.profile), "respondent.profile.code")).id;
  }
  const [respondent] = await sql<{ archived: boolean }>(
    "SELECT archived_at IS NOT NULL AS archived FROM respondents WHERE id = $1 AND workspace_id = $2",
    [choice.respondentId, ctx.workspaceId],
  );
  if (!respondent) {
    throw new UserError("That respondent was not found in this workspace.", { respondent: ["Choose the respondent again."] });
  }
  if (respondent.archived) {
    throw new UserError("That respondent is archived. Choose another one, or restore them first.", {
      respondent: ["That respondent is archived."],
    });
  }
  return choice.respondentId;
}

/**
 * Submits an interview in one transaction. Idempotent on the browser-made id: the row is
 * inserted if missing and then locked, so of two concurrent submissions of the same id one
 * writes and the other finds it submitted.
 */
export async function submitInterview(ctx: WorkspaceContext, journey: CaptureJourney, data: InterviewSubmission): Promise<SubmitResult> {
  try {
    return await sqlTransaction(async (sql) => {
      const inserted = await sql(
        `INSERT INTO interviews (id, workspace_id, map_id, interviewer_id, conducted_on, mode, status, updated_at)
         VALUES ($1, $2, $3, $4, $5::date, $6::"InterviewMode", 'DRAFT', now())
         ON CONFLICT (id) DO NOTHING RETURNING id`,
        [data.id, ctx.workspaceId, journey.map.id, ctx.userId, data.conductedOn, data.mode ?? "IN_PERSON"],
      );
      const fresh = inserted.length === 1;
      if (!fresh) {
        // A draft saved earlier, or the same interview submitted before (a retry, a second tab).
        const [row] = await sql<{ map_id: string; interviewer_id: string; status: string }>(
          "SELECT map_id, interviewer_id, status::text AS status FROM interviews WHERE id = $1 AND workspace_id = $2 FOR UPDATE",
          [data.id, ctx.workspaceId],
        );
        if (!row || row.interviewer_id !== ctx.userId) throw new UserError(NOT_FOUND, undefined, 404);
        if (row.status === "SUBMITTED") return { interviewId: data.id, alreadySubmitted: true };
        if (row.status === "VOID") throw new UserError("This interview was discarded or made void, so it cannot be submitted.", undefined, 409);
        if (row.map_id !== journey.map.id) throw new UserError("This interview was started on another map.", undefined, 409);
      }
      // Checked after the status, so that a retry of a submission that went through still hears "submitted".
      if (journey.map.status !== "ACTIVE") throw new UserError(MAP_NOT_ACTIVE, undefined, 409);

      const respondentId = await submittedRespondent(sql, ctx, data.respondent);
      // A draft may hold provisional observations (e.g. from an import): the submission replaces them.
      if (!fresh) await sql("DELETE FROM observations WHERE interview_id = $1 AND workspace_id = $2", [data.id, ctx.workspaceId]);

      const rows = toObservationRows(data);
      const fresher = rows.filter((row) => row.expectationId === null);
      if (fresher.length > 0) {
        // Unlisted expectations the customer volunteered: stored for an analyst to review.
        const maxima = await sql<{ touchpoint_id: string; position: number }>(
          `SELECT touchpoint_id, max(position)::int AS position FROM expectations
           WHERE workspace_id = $1 AND touchpoint_id = ANY($2::text[]) GROUP BY touchpoint_id`,
          [ctx.workspaceId, [...new Set(fresher.map((row) => row.touchpointId))]],
        );
        const next = new Map(maxima.map((max) => [max.touchpoint_id, max.position + 1]));
        const positions: number[] = [];
        for (const row of fresher) {
          const position = next.get(row.touchpointId) ?? 0;
          next.set(row.touchpointId, position + 1);
          positions.push(position);
          row.expectationId = randomUUID();
        }
        await sql(
          `INSERT INTO expectations (id, workspace_id, map_id, touchpoint_id, text, kind, position, created_by_id)
           SELECT e.id, $1, $2, e.touchpoint_id, e.text, 'VOLUNTEERED', e.position, $3
           FROM unnest($4::text[], $5::text[], $6::text[], $7::int[]) AS e(id, touchpoint_id, text, position)`,
          [
            ctx.workspaceId,
            journey.map.id,
            ctx.userId,
            fresher.map((row) => row.expectationId),
            fresher.map((row) => row.touchpointId),
            fresher.map((row) => row.volunteeredText),
            positions,
          ],
        );
      }
      if (rows.length > 0) {
        await sql(
          `INSERT INTO observations (workspace_id, map_id, interview_id, touchpoint_id, expectation_id, outcome, importance, feeling, comment)
           SELECT $1, $2, $3, o.touchpoint_id, o.expectation_id, o.outcome::"Outcome", o.importance, o.feeling::"Feeling", o.comment
           FROM unnest($4::text[], $5::text[], $6::text[], $7::int2[], $8::text[], $9::text[])
             AS o(touchpoint_id, expectation_id, outcome, importance, feeling, comment)`,
          [
            ctx.workspaceId,
            journey.map.id,
            data.id,
            rows.map((row) => row.touchpointId),
            rows.map((row) => row.expectationId),
            rows.map((row) => row.outcome),
            rows.map((row) => row.importance),
            rows.map((row) => row.feeling),
            rows.map((row) => row.comment),
          ],
        );
      }
      await recordAuditSql(sql, ctx, {
        action: "interview.submit",
        entityType: "Interview",
        entityId: data.id,
        after: {
          mapId: journey.map.id,
          respondentId,
          conductedOn: data.conductedOn,
          mode: data.mode,
          overallFeeling: data.overallFeeling,
          observations: rows.length,
          volunteered: fresher.length,
        },
      });
      // Last: this is what adds the interview to the analysis summaries and rollups.
      await sql(
        `UPDATE interviews SET status = 'SUBMITTED', submitted_at = now(), respondent_id = $2, conducted_on = $3::date,
           mode = $4::"InterviewMode", overall_feeling = $5::"Feeling", notes = $6, draft = NULL, updated_at = now()
         WHERE id = $1`,
        [data.id, respondentId, data.conductedOn, data.mode, data.overallFeeling, data.notes],
      );
      return { interviewId: data.id, alreadySubmitted: false };
    });
  } catch (error) {
    if (error instanceof UserError) throw error;
    if (isUniqueViolation(error)) {
      const message = "That respondent code is already used. Choose the existing respondent, or change the code.";
      throw new UserError(message, { "respondent.profile.code": [message] }, 409);
    }
    throw error;
  }
}
