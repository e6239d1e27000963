import "server-only";
import { can } from "@/lib/permissions";
import type { WorkspaceContext } from "@/lib/workspace";
import { OWN_EDIT_WINDOW_MS, type InterviewStatus } from "@/lib/schemas/interview";

// What the interview modules share: who may see and who may correct an interview, and how
// the day an interview took place is read and written.

export const INTERVIEW_NOT_FOUND = "That interview was not found.";

export function canCurate(ctx: WorkspaceContext) {
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

/** Analysts and admins see every interview of the workspace; an interviewer only their own. */
export function visibleTo(ctx: WorkspaceContext, row: { interviewerId: string }) {
  return canCurate(ctx) || row.interviewerId === ctx.userId;
}

// conducted_on is a DATE column: Prisma reads and writes it as midnight UTC.

export function dateOnly(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function toDate(value: string): Date {
  return new Date(`${value}T00:00:00.000Z`);
}

/**
 * The observation fields an interview's readers (capture, detail, correction) select, with
 * the expectation's wording, kind and position.
 */
export const OBSERVATION_SELECT = {
  touchpointId: true,
  expectationId: true,
  outcome: true,
  importance: true,
  feeling: true,
  comment: true,
  expectation: { select: { text: true, kind: true, position: true } },
} as const;
