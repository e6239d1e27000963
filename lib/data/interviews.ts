import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { WorkspaceContext } from "@/lib/workspace";
import { getCaptureJourney } from "@/lib/data/interview-capture";
import { OBSERVATION_SELECT, canCurate, canEditInterview, dateOnly, ownEditDeadline, toDate, visibleTo } from "@/lib/data/interview-core";
import type { FeelingState, InterviewListFilter, InterviewMode, InterviewStatus, Outcome } from "@/lib/schemas/interview";
import type { MapStatus } from "@/lib/schemas/map";

// What the interviews pages read: the filtered list, its filters' choices, and one
// interview's detail with its history. Recording is in interview-capture.ts, changes after
// the fact in interview-curation.ts.

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
  const where = interviewWhere(ctx, filter);
  const [records, total] = await Promise.all([
    db.interview.findMany({
      where,
      orderBy: [{ conductedOn: "desc" }, { createdAt: "desc" }, { id: "asc" }],
      skip: (filter.page - 1) * pageSize,
      take: pageSize,
      select: LIST_SELECT,
    }),
    db.interview.count({ where }),
  ]);
  return { total, rows: records.map((record) => toListRow(ctx, record, now)) };
}

type ListFilter = Partial<Pick<InterviewListFilter, "map" | "status" | "interviewer" | "from" | "to">>;

/** The list's filter as a query, scoped by workspace; interviewers only ever see their own interviews. */
function interviewWhere(ctx: WorkspaceContext, filter: ListFilter): Prisma.InterviewWhereInput {
  const conductedOn: Prisma.DateTimeFilter = {};
  if (filter.from) conductedOn.gte = toDate(filter.from);
  if (filter.to) conductedOn.lte = toDate(filter.to);
  return {
    workspaceId: ctx.workspaceId,
    ...(canCurate(ctx) ? (filter.interviewer ? { interviewerId: filter.interviewer } : {}) : { interviewerId: ctx.userId }),
    ...(filter.map ? { mapId: filter.map } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.from || filter.to ? { conductedOn } : {}),
  };
}

const LIST_SELECT = {
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
} satisfies Prisma.InterviewSelect;

function toListRow(ctx: WorkspaceContext, record: Prisma.InterviewGetPayload<{ select: typeof LIST_SELECT }>, now: Date): InterviewListRow {
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
    editUntil: own && !canCurate(ctx) && record.submittedAt && record.status === "SUBMITTED" ? ownEditDeadline(record.submittedAt) : null,
  };
}

/**
 * The list a page at a time by cursor (for the API): newest created first, `cursor` the id of
 * the last row of the page before. The cursor must be an interview the caller can see in this
 * workspace; null otherwise, for the caller to refuse.
 */
export async function listInterviewsByCursor(
  ctx: WorkspaceContext,
  filter: ListFilter & { cursor?: string; limit: number },
  now = new Date(),
): Promise<{ rows: InterviewListRow[]; nextCursor: string | null } | null> {
  const where = interviewWhere(ctx, filter);
  if (filter.cursor) {
    const anchor = await db.interview.findFirst({ where: { ...where, id: filter.cursor }, select: { id: true } });
    if (!anchor) return null;
  }
  const records = await db.interview.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    ...(filter.cursor ? { cursor: { id: filter.cursor }, skip: 1 } : {}),
    take: filter.limit + 1,
    select: LIST_SELECT,
  });
  const page = records.slice(0, filter.limit);
  return { rows: page.map((record) => toListRow(ctx, record, now)), nextCursor: records.length > filter.limit ? page.at(-1)!.id : null };
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
  map: { id: string; name: string; status: MapStatus };
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
      observations: { select: OBSERVATION_SELECT },
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
