import type { Prisma } from "@/lib/generated/prisma/client";
import type { Feeling, InterviewMode, InterviewStatus, Outcome } from "@/lib/generated/prisma/enums";
import type { DbClient } from "./client";

export interface ObservationInput {
  touchpointId: string;
  expectationId: string;
  outcome: Outcome;
  /** 1-5 (default 3). */
  importance?: number;
  feeling?: Feeling | null;
  comment?: string | null;
}

export interface CreateInterviewInput {
  workspaceId: string;
  mapId: string;
  interviewerId: string;
  respondentId?: string | null;
  /** Client-generated id; default crypto.randomUUID(). */
  id?: string;
  /** A Date (its UTC calendar day is kept) or "YYYY-MM-DD"; default today (UTC). */
  conductedOn?: Date | string;
  mode?: InterviewMode;
  /** Default SUBMITTED. */
  status?: InterviewStatus;
  overallFeeling?: Feeling | null;
  notes?: string;
  draft?: Prisma.InputJsonValue;
  voidReason?: string;
  externalRef?: string | null;
  observations?: ObservationInput[];
}

/** "YYYY-MM-DD" → that calendar day at 00:00 UTC, which is how a DATE column round-trips. */
export function toDateOnly(value: Date | string): Date {
  if (typeof value === "string") {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new RangeError(`Expected YYYY-MM-DD, got ${value}`);
    return new Date(`${value}T00:00:00.000Z`);
  }
  return new Date(Date.UTC(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate()));
}

/** An interview with its observations, written in one statement (nested createMany). */
export function createInterview(db: DbClient, input: CreateInterviewInput) {
  const status = input.status ?? "SUBMITTED";
  const now = new Date();
  const observations = input.observations ?? [];
  return db.interview.create({
    data: {
      id: input.id ?? crypto.randomUUID(),
      workspaceId: input.workspaceId,
      mapId: input.mapId,
      respondentId: input.respondentId ?? null,
      interviewerId: input.interviewerId,
      conductedOn: toDateOnly(input.conductedOn ?? now),
      mode: input.mode ?? "IN_PERSON",
      overallFeeling: input.overallFeeling === undefined ? "LIKE_A_LOT" : input.overallFeeling,
      notes: input.notes ?? "",
      status,
      ...(input.draft !== undefined ? { draft: input.draft } : {}),
      submittedAt: status === "DRAFT" ? null : now,
      voidedAt: status === "VOID" ? now : null,
      voidReason: status === "VOID" ? (input.voidReason ?? "Voided in a test") : null,
      externalRef: input.externalRef ?? null,
      ...(observations.length > 0
        ? {
            observations: {
              createMany: {
                data: observations.map((observation) => ({
                  workspaceId: input.workspaceId,
                  mapId: input.mapId,
                  touchpointId: observation.touchpointId,
                  expectationId: observation.expectationId,
                  outcome: observation.outcome,
                  importance: observation.importance ?? 3,
                  feeling: observation.feeling ?? null,
                  comment: observation.comment ?? null,
                })),
              },
            },
          }
        : {}),
    },
    include: { observations: true },
  });
}
