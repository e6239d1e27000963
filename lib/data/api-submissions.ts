import "server-only";
import { createHash } from "node:crypto";
import { sql } from "@/lib/db";
import { UserError } from "@/lib/errors";
import type { WorkspaceContext } from "@/lib/workspace";
import { INTERVIEW_NOT_FOUND } from "@/lib/data/interview-core";
import { submitCapturedInterview, type SubmitResult } from "@/lib/data/interview-submission";

// An interview submitted through the API: idempotent on its id as the capture screen's is, and
// stricter, as the caller is a program that may reuse an id by mistake. The body's hash is
// kept by id (api_submissions): the same id with the same body again is the same interview
// (nothing changes); the same id with another body is a conflict. The check and the capture
// path's submission are the same code (submitCapturedInterview).

/** JSON with the keys of every object sorted, so key order does not make two bodies differ. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

export function submissionHash(body: unknown): string {
  return createHash("sha256").update(canonicalJson(body)).digest("hex");
}

export const ID_REUSED = "An interview with this id already exists with a different body. Use a new id for a new interview.";

export async function submitApiInterview(
  ctx: WorkspaceContext,
  body: unknown,
  target: { id: string; mapId: string },
): Promise<SubmitResult & { status: 200 | 201 }> {
  const hash = submissionHash(body);
  // Claim the id with this body's hash; a claim already there decides at once.
  let [claim] = await sql<{ body_sha256: string; workspace_id: string; fresh: boolean }>(
    `WITH inserted AS (
       INSERT INTO api_submissions (interview_id, workspace_id, body_sha256, token_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (interview_id) DO NOTHING RETURNING body_sha256, workspace_id, true AS fresh)
     SELECT * FROM inserted
     UNION ALL SELECT body_sha256, workspace_id, false FROM api_submissions WHERE interview_id = $1 AND NOT EXISTS (SELECT 1 FROM inserted)`,
    [target.id, ctx.workspaceId, hash, ctx.apiToken?.id ?? null],
  );
  // A concurrent claim committed after this statement's snapshot: read it now.
  claim ??= (
    await sql<{ body_sha256: string; workspace_id: string; fresh: boolean }>(
      "SELECT body_sha256, workspace_id, false AS fresh FROM api_submissions WHERE interview_id = $1",
      [target.id],
    )
  )[0];
  if (!claim) throw new UserError("The interview is being submitted by another request. Try again.", undefined, 409);
  if (!claim.fresh && claim.workspace_id !== ctx.workspaceId) throw new UserError(ID_REUSED, { id: [ID_REUSED] }, 409);
  if (!claim.fresh && claim.body_sha256 !== hash) throw new UserError(ID_REUSED, { id: [ID_REUSED] }, 409);
  let result: SubmitResult;
  try {
    result = await submitCapturedInterview(ctx, body, target.mapId);
  } catch (error) {
    // Refused (not valid, map not active...): the id stays free for a corrected submission.
    // The claim is a key of this request only, not data: dropping it keeps nothing from anyone.
    if (claim.fresh) await sql("DELETE FROM api_submissions WHERE interview_id = $1 AND body_sha256 = $2", [target.id, hash]);
    // The id is another interviewer's interview (one recorded on the capture screen): the id is taken.
    if (error instanceof UserError && error.status === 404 && error.message === INTERVIEW_NOT_FOUND) {
      throw new UserError(ID_REUSED, { id: [ID_REUSED] }, 409);
    }
    throw error;
  }
  if (claim.fresh && result.alreadySubmitted) {
    // Submitted before by another way (the capture screen) with a body this API never saw.
    await sql("DELETE FROM api_submissions WHERE interview_id = $1 AND body_sha256 = $2", [target.id, hash]);
    throw new UserError(ID_REUSED, { id: [ID_REUSED] }, 409);
  }
  return { ...result, status: result.alreadySubmitted ? 200 : 201 };
}
