// The demo workspace: "Demo Retail Co" with one user per role, the "In-store purchase"
// map, respondents and a few months of interviews carrying the patterns in DEMO_TRUTHS.
//
// Idempotent: the workspace has a fixed id. When it exists, seedDemo changes nothing and
// returns the counts of what is there (no top-up: a demo someone has been editing is left
// alone). Everything is written in one transaction, under an advisory lock, so a crash or
// a concurrent run leaves either the whole demo or nothing.
import { hashPassword } from "@/lib/auth/password";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { LifecycleStage, Role, ValueTier } from "@/lib/generated/prisma/enums";
import type { DbClient } from "@/tests/factories/client";
import { createInterview, type ObservationInput } from "@/tests/factories/interview";
import { createChannel, createExpectation, createMap, createStage, createTouchpoint } from "@/tests/factories/map";
import { createAttributeField } from "@/tests/factories/respondent";
import { createUser } from "@/tests/factories/user";
import { addMember, createWorkspace } from "@/tests/factories/workspace";
import {
  DEMO_ATTRIBUTE_FIELDS,
  DEMO_CHANNELS,
  DEMO_INTERVIEW_TARGET,
  DEMO_SEGMENT_QUOTAS,
  DEMO_STAGES,
  DEMO_TOUCHPOINTS,
  DEMO_VOLUNTEERED,
} from "./demo-map";
import { generateInterviews } from "./generate-interviews";
import { hashString, Random } from "./random";

export { DEMO_TRUTHS } from "./demo-map";

export const DEMO_WORKSPACE_ID = "demo-workspace";
export const DEMO_WORKSPACE_NAME = "Demo Retail Co";
export const DEMO_MAP_ID = "demo-map-in-store-purchase";
export const DEMO_MAP_NAME = "In-store purchase";
export const DEMO_PASSWORD = "cxmap-demo";

export const DEMO_EMAILS = {
  admin: "admin@example.com",
  analyst: "analyst@example.com",
  manager: "manager@example.com",
  interviewer: "interviewer@example.com",
  interviewer2: "interviewer2@example.com",
  interviewer3: "interviewer3@example.com",
} as const;

export const DEMO_USERS: readonly { key: keyof typeof DEMO_EMAILS; email: string; name: string; role: Role }[] = [
  { key: "admin", email: DEMO_EMAILS.admin, name: "Alex Admin", role: "ADMIN" },
  { key: "analyst", email: DEMO_EMAILS.analyst, name: "Ana Analyst", role: "ANALYST" },
  { key: "manager", email: DEMO_EMAILS.manager, name: "Morgan Manager", role: "MANAGER" },
  { key: "interviewer", email: DEMO_EMAILS.interviewer, name: "Ivy Interviewer", role: "INTERVIEWER" },
  { key: "interviewer2", email: DEMO_EMAILS.interviewer2, name: "Ian Interviewer", role: "INTERVIEWER" },
  { key: "interviewer3", email: DEMO_EMAILS.interviewer3, name: "Isla Interviewer", role: "INTERVIEWER" },
];

/** Sizes and seed of the demo data. */
export const DEMO_SIZE = {
  respondents: 450,
  submittedInterviews: 700,
  voidInterviews: 4,
  draftInterviews: 5,
  days: 120,
  /** PRNG seed of respondents, drafts and volunteered expectations. */
  seed: 20_240_611,
  /**
   * PRNG seed of the submitted interviews. Every seed carries the DEMO_TRUTHS patterns;
   * this one was picked because its sample also classifies most performance factors as
   * PERFORMANCE (with 700 interviews, sampling noise moves some across θ = 0.2).
   */
  interviewSeed: 2,
  voidSeed: 1_002,
} as const;

export interface SeedSummary {
  /** False when the demo workspace already existed and nothing was written. */
  created: boolean;
  workspaceId: string;
  mapId: string;
  users: number;
  memberships: number;
  maps: number;
  stages: number;
  channels: number;
  touchpoints: number;
  listedExpectations: number;
  volunteeredExpectations: number;
  attributeFields: number;
  attributeOptions: number;
  respondents: number;
  interviews: { submitted: number; draft: number; void: number };
  observations: number;
  actions: number;
  /** Latest day an interview took place on (YYYY-MM-DD): the "today" the data was generated for. */
  lastInterviewOn: string | null;
  durationMs: number;
}

export interface SeedDemoOptions {
  /** The last day of the interview period (default now). */
  today?: Date;
}

const LIFECYCLE: readonly (readonly [LifecycleStage, number])[] = [
  ["PROSPECT", 0.1],
  ["NEW", 0.25],
  ["ESTABLISHED", 0.5],
  ["LAPSED", 0.15],
];

/** Value tier mix per segment: professionals spend more, students less. */
const VALUE_TIERS: Record<string, readonly (readonly [ValueTier, number])[]> = {
  Families: [["HIGH", 0.25], ["MEDIUM", 0.45], ["LOW", 0.2], ["UNKNOWN", 0.1]],
  Students: [["HIGH", 0.05], ["MEDIUM", 0.25], ["LOW", 0.55], ["UNKNOWN", 0.15]],
  Professionals: [["HIGH", 0.45], ["MEDIUM", 0.35], ["LOW", 0.1], ["UNKNOWN", 0.1]],
  Retirees: [["HIGH", 0.2], ["MEDIUM", 0.4], ["LOW", 0.3], ["UNKNOWN", 0.1]],
};

const SEGMENT_MIX: readonly (readonly [string, number])[] = [
  ["Families", 0.3],
  ["Students", 0.25],
  ["Professionals", 0.25],
  ["Retirees", 0.2],
];

/** Lifestyle and motivation lean by segment (weights per option, in DEMO_ATTRIBUTE_FIELDS order). */
const ATTRIBUTE_LEAN: Record<string, Record<string, readonly number[]>> = {
  Families: { Lifestyle: [1, 5, 3, 2], Motivation: [4, 4, 2, 2] },
  Students: { Lifestyle: [4, 0.5, 5, 3], Motivation: [6, 3, 1, 1] },
  Professionals: { Lifestyle: [6, 2, 1, 2], Motivation: [1, 5, 4, 3] },
  Retirees: { Lifestyle: [1, 2, 3, 3], Motivation: [2, 1, 4, 6] },
};

export async function seedDemo(db: PrismaClient, options: SeedDemoOptions = {}): Promise<SeedSummary> {
  const started = performance.now();
  const today = options.today ?? new Date();
  if (!(await demoExists(db))) {
    // argon2 is slow on purpose; hash before the transaction so that it stays short.
    const hashes = await Promise.all(DEMO_USERS.map(() => hashPassword(DEMO_PASSWORD)));
    await db.$transaction(
      async (tx) => {
        // Two concurrent seeds: the second waits here, then sees the workspace and stops.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${hashString("cxmap:seed-demo")}::bigint)`;
        if (await demoExists(tx)) return;
        await writeDemo(tx, today, hashes);
      },
      { maxWait: 30_000, timeout: 300_000 },
    );
    // The triggers logged the demo's interviews as changes: fold them so the demo starts
    // compact, and give the planner statistics of the loaded tables (autovacuum would, later).
    await db.$queryRaw`SELECT cx_analysis_fold(1000000)`;
    await db.$queryRaw`SELECT cx_analysis_fold_pairs(1000000)`;
    await db.$executeRaw`ANALYZE`;
    return { ...(await demoSummary(db)), created: true, durationMs: Math.round(performance.now() - started) };
  }
  return { ...(await demoSummary(db)), created: false, durationMs: Math.round(performance.now() - started) };
}

async function demoExists(db: DbClient): Promise<boolean> {
  return (await db.workspace.count({ where: { id: DEMO_WORKSPACE_ID } })) > 0;
}

async function writeDemo(tx: DbClient, today: Date, hashes: string[]): Promise<void> {
  const random = new Random(DEMO_SIZE.seed);
  const workspace = await createWorkspace(tx, { id: DEMO_WORKSPACE_ID, name: DEMO_WORKSPACE_NAME });
  const workspaceId = workspace.id;

  // Users are global: an existing account with a demo email is reused as it is.
  const users = {} as Record<keyof typeof DEMO_EMAILS, string>;
  for (const [index, demoUser] of DEMO_USERS.entries()) {
    const existing = await tx.user.findUnique({ where: { email: demoUser.email }, select: { id: true } });
    const user = existing ?? (await createUser(tx, { email: demoUser.email, name: demoUser.name, passwordHash: hashes[index] }));
    await addMember(tx, { workspaceId, userId: user.id, role: demoUser.role });
    users[demoUser.key] = user.id;
  }
  const interviewerIds = [users.interviewer, users.interviewer2, users.interviewer3];

  const { map, touchpointIds, listedExpectations } = await writeDemoMap(tx, workspaceId, {
    id: DEMO_MAP_ID,
    name: DEMO_MAP_NAME,
    interviewTarget: DEMO_INTERVIEW_TARGET,
    segmentQuotas: DEMO_SEGMENT_QUOTAS,
  });
  const ids = { workspaceId, mapId: map.id };
  const respondentIds = await writeDemoRespondents(tx, workspaceId, DEMO_SIZE.respondents, random);

  // Interviews: the submitted body of evidence, plus a few voided ones.
  const generation = { workspaceId, mapId: map.id, interviewerIds, respondentIds, days: DEMO_SIZE.days, today };
  await generateInterviews(tx, { ...generation, count: DEMO_SIZE.submittedInterviews, seed: DEMO_SIZE.interviewSeed });
  await generateInterviews(tx, { ...generation, count: DEMO_SIZE.voidInterviews, days: 30, seed: DEMO_SIZE.voidSeed, status: "VOID" });

  // Drafts in progress: the interviewer got through the first touchpoints of the journey.
  const journey = DEMO_TOUCHPOINTS.filter((definition) => definition.behaviour.reach >= 0.5).sort(
    (a, b) =>
      DEMO_STAGES.indexOf(a.stage) - DEMO_STAGES.indexOf(b.stage) ||
      DEMO_CHANNELS.indexOf(a.channel) - DEMO_CHANNELS.indexOf(b.channel),
  );
  for (let index = 0; index < DEMO_SIZE.draftInterviews; index += 1) {
    const observations: ObservationInput[] = journey.slice(0, 1 + (index % 3)).flatMap((definition) =>
      listedExpectations.get(definition.name)!.map((expectation) => ({
        touchpointId: expectation.touchpointId,
        expectationId: expectation.id,
        outcome: random.weighted([["MISSED", 0.2], ["MET", 0.6], ["EXCEEDED", 0.2]] as const),
        importance: random.int(2, 5),
      })),
    );
    await createInterview(tx, {
      ...ids,
      id: random.uuid(),
      interviewerId: interviewerIds[index % interviewerIds.length]!,
      respondentId: random.pick(respondentIds),
      conductedOn: new Date(today.getTime() - (index % 2) * 86_400_000),
      status: "DRAFT",
      overallFeeling: null,
      observations,
    });
  }

  // Volunteered expectations, each recorded in a few submitted interviews.
  for (const volunteered of DEMO_VOLUNTEERED) {
    const touchpointId = touchpointIds.get(volunteered.touchpoint)!;
    const expectation = await createExpectation(tx, {
      ...ids,
      touchpointId,
      text: volunteered.text,
      kind: "VOLUNTEERED",
      position: listedExpectations.get(volunteered.touchpoint)!.length,
      createdById: interviewerIds[hashString(volunteered.text) % interviewerIds.length]!,
    });
    const candidates = await tx.$queryRaw<{ interview_id: string }[]>`
      SELECT DISTINCT o.interview_id FROM observations o JOIN interviews i ON i.id = o.interview_id
      WHERE o.workspace_id = ${workspaceId} AND o.touchpoint_id = ${touchpointId} AND i.status = 'SUBMITTED'
      ORDER BY o.interview_id`;
    const chosen = new Set<string>();
    while (chosen.size < Math.min(volunteered.observations, candidates.length)) chosen.add(random.pick(candidates).interview_id);
    await tx.observation.createMany({
      data: [...chosen].map((interviewId) => ({
        ...ids,
        interviewId,
        touchpointId,
        expectationId: expectation.id,
        outcome: random.chance(volunteered.missRate) ? ("MISSED" as const) : ("MET" as const),
        importance: random.int(3, 5),
        feeling: random.chance(0.5) ? ("DISLIKE" as const) : null,
      })),
    });
  }

  // Improvement actions a manager is tracking on the worst touchpoints.
  const day = (offset: number) => new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + offset));
  await tx.action.createMany({
    data: [
      {
        ...ids,
        touchpointId: touchpointIds.get("Checkout queue")!,
        title: "Open a third till from 11:00 to 14:00 on Saturdays",
        description: "Queue times peak at lunchtime on Saturdays; roster one more cashier.",
        owner: "Store operations",
        status: "IN_PROGRESS",
        dueOn: day(14),
        createdById: users.manager,
      },
      {
        ...ids,
        touchpointId: touchpointIds.get("Home delivery")!,
        title: "Review the new courier's service levels",
        owner: "Logistics",
        status: "OPEN",
        dueOn: day(21),
        createdById: users.manager,
      },
      {
        ...ids,
        touchpointId: touchpointIds.get("Store cleanliness")!,
        title: "Hourly aisle check on weekends",
        owner: "Facilities",
        status: "DONE",
        dueOn: day(-60),
        doneOn: day(-65),
        createdById: users.manager,
      },
    ],
  });
}

/** Counts of what the demo workspace holds (the same whether it was just created or not). */
export async function demoSummary(db: DbClient): Promise<Omit<SeedSummary, "created" | "durationMs">> {
  const [row] = await db.$queryRaw<
    {
      users: number;
      memberships: number;
      maps: number;
      stages: number;
      channels: number;
      touchpoints: number;
      listed: number;
      volunteered: number;
      fields: number;
      options: number;
      respondents: number;
      submitted: number;
      draft: number;
      void: number;
      observations: number;
      actions: number;
      last_on: string | null;
    }[]
  >`
    SELECT
      (SELECT count(DISTINCT user_id)::int FROM memberships WHERE workspace_id = ${DEMO_WORKSPACE_ID}) AS users,
      (SELECT count(*)::int FROM memberships WHERE workspace_id = ${DEMO_WORKSPACE_ID}) AS memberships,
      (SELECT count(*)::int FROM maps WHERE workspace_id = ${DEMO_WORKSPACE_ID}) AS maps,
      (SELECT count(*)::int FROM stages WHERE workspace_id = ${DEMO_WORKSPACE_ID}) AS stages,
      (SELECT count(*)::int FROM channels WHERE workspace_id = ${DEMO_WORKSPACE_ID}) AS channels,
      (SELECT count(*)::int FROM touchpoints WHERE workspace_id = ${DEMO_WORKSPACE_ID}) AS touchpoints,
      (SELECT count(*)::int FROM expectations WHERE workspace_id = ${DEMO_WORKSPACE_ID} AND kind = 'LISTED') AS listed,
      (SELECT count(*)::int FROM expectations WHERE workspace_id = ${DEMO_WORKSPACE_ID} AND kind = 'VOLUNTEERED') AS volunteered,
      (SELECT count(*)::int FROM attribute_fields WHERE workspace_id = ${DEMO_WORKSPACE_ID}) AS fields,
      (SELECT count(*)::int FROM attribute_options WHERE workspace_id = ${DEMO_WORKSPACE_ID}) AS options,
      (SELECT count(*)::int FROM respondents WHERE workspace_id = ${DEMO_WORKSPACE_ID}) AS respondents,
      (SELECT count(*)::int FROM interviews WHERE workspace_id = ${DEMO_WORKSPACE_ID} AND status = 'SUBMITTED') AS submitted,
      (SELECT count(*)::int FROM interviews WHERE workspace_id = ${DEMO_WORKSPACE_ID} AND status = 'DRAFT') AS draft,
      (SELECT count(*)::int FROM interviews WHERE workspace_id = ${DEMO_WORKSPACE_ID} AND status = 'VOID') AS void,
      (SELECT count(*)::int FROM observations WHERE workspace_id = ${DEMO_WORKSPACE_ID}) AS observations,
      (SELECT count(*)::int FROM actions WHERE workspace_id = ${DEMO_WORKSPACE_ID}) AS actions,
      (SELECT to_char(max(conducted_on), 'YYYY-MM-DD') FROM interviews
        WHERE workspace_id = ${DEMO_WORKSPACE_ID} AND status = 'SUBMITTED') AS last_on`;
  if (!row) throw new Error("The summary query returned no row.");
  return {
    workspaceId: DEMO_WORKSPACE_ID,
    mapId: DEMO_MAP_ID,
    users: row.users,
    memberships: row.memberships,
    maps: row.maps,
    stages: row.stages,
    channels: row.channels,
    touchpoints: row.touchpoints,
    listedExpectations: row.listed,
    volunteeredExpectations: row.volunteered,
    attributeFields: row.fields,
    attributeOptions: row.options,
    respondents: row.respondents,
    interviews: { submitted: row.submitted, draft: row.draft, void: row.void },
    observations: row.observations,
    actions: row.actions,
    lastInterviewOn: row.last_on,
  };
}

/**
 * The "In-store purchase" design (stages, channels, touchpoints, listed expectations) in a
 * workspace: the demo's map, and the map of benchmark workspaces.
 */
export async function writeDemoMap(
  tx: DbClient,
  workspaceId: string,
  options: { id?: string; name: string; interviewTarget?: number; segmentQuotas?: Record<string, number> },
) {
  // The map.
  const map = await createMap(tx, {
    workspaceId,
    description: "From first noticing the store to getting help after the purchase, across store, web, phone and social.",
    status: "ACTIVE",
    ...options,
  });
  const ids = { workspaceId, mapId: map.id };
  const stageIds = new Map<string, string>();
  for (const [position, name] of DEMO_STAGES.entries()) {
    stageIds.set(name, (await createStage(tx, { ...ids, name, position })).id);
  }
  const channelIds = new Map<string, string>();
  for (const [position, name] of DEMO_CHANNELS.entries()) {
    channelIds.set(name, (await createChannel(tx, { ...ids, name, position })).id);
  }
  const touchpointIds = new Map<string, string>();
  const cellPositions = new Map<string, number>();
  const listedExpectations = new Map<string, { id: string; touchpointId: string }[]>();
  for (const definition of DEMO_TOUCHPOINTS) {
    const cell = `${definition.stage}|${definition.channel}`;
    const position = cellPositions.get(cell) ?? 0;
    cellPositions.set(cell, position + 1);
    const touchpoint = await createTouchpoint(tx, {
      ...ids,
      stageId: stageIds.get(definition.stage)!,
      channelId: channelIds.get(definition.channel)!,
      name: definition.name,
      position,
      description: definition.description,
      prompt: definition.prompt,
      ownerTeam: definition.ownerTeam,
      momentOfTruth: definition.momentOfTruth,
    });
    touchpointIds.set(definition.name, touchpoint.id);
    await tx.expectation.createMany({
      data: definition.expectations.map((text, expectationPosition) => ({
        ...ids,
        touchpointId: touchpoint.id,
        text,
        kind: "LISTED" as const,
        position: expectationPosition,
      })),
    });
    listedExpectations.set(
      definition.name,
      await tx.expectation.findMany({
        where: { workspaceId, touchpointId: touchpoint.id },
        orderBy: { position: "asc" },
        select: { id: true, touchpointId: true },
      }),
    );
  }

  return { map, touchpointIds, listedExpectations };
}

/** The attribute fields and `count` respondents with a profile and both attributes; returns their ids. */
export async function writeDemoRespondents(tx: DbClient, workspaceId: string, count: number, random: Random): Promise<string[]> {
  // Respondent attributes (psychographics).
  const fields: Awaited<ReturnType<typeof createAttributeField>>[] = [];
  for (const [position, field] of DEMO_ATTRIBUTE_FIELDS.entries()) {
    fields.push(await createAttributeField(tx, { workspaceId, name: field.name, values: [...field.values], position }));
  }

  // Respondents: pseudonymous codes, a profile and both attributes.
  const respondentRows = [];
  const attributeRows: { fieldIndex: number; optionIndex: number }[][] = [];
  for (let index = 1; index <= count; index += 1) {
    const segment = random.weighted(SEGMENT_MIX);
    respondentRows.push({
      workspaceId,
      code: `R-${String(index).padStart(4, "0")}`,
      lifecycleStage: random.weighted(LIFECYCLE),
      valueTier: random.weighted(VALUE_TIERS[segment]!),
      segment,
    });
    attributeRows.push(
      DEMO_ATTRIBUTE_FIELDS.map((field, fieldIndex) => {
        const lean = ATTRIBUTE_LEAN[segment]![field.name]!;
        return { fieldIndex, optionIndex: random.weighted(lean.map((weight, optionIndex) => [optionIndex, weight] as const)) };
      }),
    );
  }
  await tx.respondent.createMany({ data: respondentRows });
  const respondents = await tx.respondent.findMany({ where: { workspaceId }, orderBy: { code: "asc" }, select: { id: true } });
  await tx.respondentAttribute.createMany({
    data: respondents.flatMap((respondent, index) =>
      attributeRows[index]!.map(({ fieldIndex, optionIndex }) => {
        const field = fields[fieldIndex]!;
        return { workspaceId, respondentId: respondent.id, fieldId: field.id, optionId: field.options[optionIndex]!.id };
      }),
    ),
  });
  const respondentIds = respondents.map((respondent) => respondent.id);

  return respondentIds;
}
