// Deterministic bulk generator of interviews and observations, for the demo seed and for
// benchmarks. The same options (seed, today, map design, ids) always produce the same rows.
// It writes batch by batch with multi-row INSERT ... SELECT FROM unnest(...) so memory
// stays flat whether it writes a thousand observations or millions.
//
// Ids are deterministic too (derived from map id, seed and status) and inserts skip rows
// that already exist, so running it again after a crash completes the data instead of
// duplicating it.
import type { Feeling, InterviewStatus, Outcome } from "@/lib/generated/prisma/enums";
import type { DbClient } from "@/tests/factories/client";
import { DEFAULT_BEHAVIOUR, type ChannelHabits, type Factor, type OutcomeRates, type TouchpointBehaviour } from "./behaviour";
import { DEMO_CHANNEL_HABITS, DEMO_TOUCHPOINTS } from "./demo-map";
import { hashString, Random } from "./random";

export interface GenerateInterviewsOptions {
  workspaceId: string;
  mapId: string;
  /** Interviewers are drawn uniformly from this list (must not be empty). */
  interviewerIds: string[];
  /** Respondents are drawn uniformly (with repeats) from this list; empty means none recorded. */
  respondentIds: string[];
  /** Number of interviews to write. */
  count: number;
  /** Interviews are spread over the last `days` days, today included (default 120). */
  days?: number;
  /** The last day interviews happen on (its UTC calendar day; default now). */
  today?: Date;
  /** PRNG seed (default 1). */
  seed?: number;
  /** Interviews per INSERT batch (default 500: about 10,000 observations on the demo map). */
  batchSize?: number;
  /** Default SUBMITTED. VOID interviews get a void reason; DRAFTs have no overall feeling. */
  status?: InterviewStatus;
  /** Behaviour per touchpoint name; default the demo map's. Unknown names get a behaviour derived from the name. */
  behaviours?: Record<string, TouchpointBehaviour>;
  /** Channel habits per segment (multiply reach); default the demo's. */
  channelHabits?: ChannelHabits;
  /**
   * Skip the per-row foreign-key triggers while writing: about four times faster, for
   * benchmark loads of millions of rows. Needs a role allowed to set
   * session_replication_role (a superuser, as in the embedded database). This also skips
   * the triggers that keep the analysis summaries and rollups, which are rebuilt once at the end. The rows stay
   * valid: every id comes from the map or is checked against the database first.
   */
  skipForeignKeyChecks?: boolean;
  /** Progress callback after each batch (benchmarks). */
  onBatch?: (progress: { interviews: number; observations: number; total: number }) => void;
}

export interface GenerateInterviewsResult {
  /** Rows written (rows that already existed are skipped and not counted). */
  interviews: number;
  observations: number;
}

const OUTCOME_SCORE: Record<Factor, Record<Outcome, number>> = {
  BASIC: { MISSED: -1, MET: 0, EXCEEDED: 0 },
  PERFORMANCE: { MISSED: -0.5, MET: 0, EXCEEDED: 0.5 },
  DELIGHTER: { MISSED: -0.05, MET: 0, EXCEEDED: 1 },
};

const FEELINGS: readonly Feeling[] = ["HATE", "DISLIKE", "EH", "LIKE_A_LOT", "LOVE", "IN_LOVE"];

/** How a customer feels about one expectation, given its outcome. */
const FEELING_BY_OUTCOME: Record<Outcome, readonly (readonly [Feeling, number])[]> = {
  MISSED: [["HATE", 0.25], ["DISLIKE", 0.45], ["EH", 0.25], ["LIKE_A_LOT", 0.05]],
  MET: [["DISLIKE", 0.05], ["EH", 0.4], ["LIKE_A_LOT", 0.43], ["LOVE", 0.12]],
  EXCEEDED: [["EH", 0.04], ["LIKE_A_LOT", 0.3], ["LOVE", 0.44], ["IN_LOVE", 0.22]],
};

const GENERIC_COMMENTS: Record<Outcome, readonly string[]> = {
  MISSED: [
    "Not what I expected at all.",
    "Quite frustrating, to be honest.",
    "This needs sorting out.",
    "Had to ask twice.",
    "Really let down here.",
  ],
  MET: ["Fine, nothing special.", "As expected.", "No complaints.", "It was okay."],
  EXCEEDED: ["Pleasantly surprised.", "Better than I expected.", "Made my day.", "Would tell friends about this."],
};

const COMMENT_RATE: Record<Outcome, number> = { MISSED: 0.22, MET: 0.04, EXCEEDED: 0.18 };

const INTERVIEW_NOTES = [
  "Respondent was in a hurry; short answers.",
  "Interview done at the store exit.",
  "Respondent shopped with two children.",
  "Follow-up call agreed.",
  "Respondent compared us with a competitor several times.",
];

const VOID_REASONS = [
  "Duplicate of another interview.",
  "Respondent withdrew consent.",
  "Recorded on the wrong map.",
  "Test entry during interviewer training.",
];

/** Share of an expectation's outcome copied from the touchpoint's overall experience. */
const WITHIN_TOUCHPOINT_CORRELATION = 0.75;
const EXPECTATION_HELD_RATE = 0.85;
const FEELING_RECORDED_RATE = 0.6;
const OVERALL_MISSING_RATE = 0.02;
/** Overall feeling on the 1-6 scale before touchpoint effects, and its spread. */
const OVERALL_BASE = 4.35;
const OVERALL_NOISE = 0.6;

interface LoadedTouchpoint {
  id: string;
  name: string;
  channel: string;
  behaviour: TouchpointBehaviour;
  comments: Partial<Record<Outcome, readonly string[]>>;
  expectationIds: string[];
  /** Index of its first expectation in the batch's flattened expectation list. */
  firstExpectation: number;
}

/** What customers say at a touchpoint: its own phrases three times as likely as generic ones. */
function commentPool(touchpoint: LoadedTouchpoint, outcome: Outcome): readonly string[] {
  const own = touchpoint.comments[outcome] ?? [];
  return [...own, ...own, ...own, ...GENERIC_COMMENTS[outcome]];
}

/** A plausible behaviour for a touchpoint the generator has no profile for, stable per name. */
export function derivedBehaviour(name: string): TouchpointBehaviour {
  const random = new Random(hashString(name));
  const factor = random.weighted<Factor>([["PERFORMANCE", 6], ["BASIC", 2], ["DELIGHTER", 2]]);
  return {
    ...DEFAULT_BEHAVIOUR,
    reach: 0.15 + random.float() * 0.75,
    missRate: 0.05 + random.float() * 0.3,
    exceedRate: 0.05 + random.float() * 0.3,
    importance: 2 + random.float() * 2.5,
    factor,
    impact: factor === "PERFORMANCE" ? 0.6 : 1.6,
  };
}

function dateOnly(date: Date): number {
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}

function isoDay(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

function drawOutcome(random: Random, rates: OutcomeRates): Outcome {
  const u = random.float();
  if (u < rates.missRate) return "MISSED";
  if (u < rates.missRate + rates.exceedRate) return "EXCEEDED";
  return "MET";
}

async function loadTouchpoints(
  db: DbClient,
  workspaceId: string,
  mapId: string,
  behaviours: Record<string, TouchpointBehaviour>,
): Promise<LoadedTouchpoint[]> {
  const rows = await db.touchpoint.findMany({
    where: {
      workspaceId,
      mapId,
      archivedAt: null,
      stage: { archivedAt: null },
      channel: { archivedAt: null },
    },
    orderBy: [{ stage: { position: "asc" } }, { channel: { position: "asc" } }, { position: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      channel: { select: { name: true } },
      expectations: {
        where: { kind: "LISTED", archivedAt: null, mergedIntoId: null },
        orderBy: [{ position: "asc" }, { id: "asc" }],
        select: { id: true },
      },
    },
  });
  const comments = new Map(DEMO_TOUCHPOINTS.map((touchpoint) => [touchpoint.name, touchpoint.comments ?? {}]));
  let firstExpectation = 1;
  const loaded: LoadedTouchpoint[] = [];
  for (const row of rows) {
    if (row.expectations.length === 0) continue;
    loaded.push({
      id: row.id,
      name: row.name,
      channel: row.channel.name,
      behaviour: behaviours[row.name] ?? derivedBehaviour(row.name),
      comments: comments.get(row.name) ?? {},
      expectationIds: row.expectations.map((expectation) => expectation.id),
      firstExpectation,
    });
    firstExpectation += row.expectations.length;
  }
  return loaded;
}

async function loadSegments(db: DbClient, workspaceId: string, respondentIds: string[]): Promise<Map<string, string | null>> {
  const segments = new Map<string, string | null>();
  if (respondentIds.length === 0) return segments;
  const rows = await db.$queryRaw<{ id: string; segment: string | null }[]>`
    SELECT id, segment FROM respondents
    WHERE workspace_id = ${workspaceId} AND id = ANY(${respondentIds}::text[])`;
  for (const row of rows) segments.set(row.id, row.segment);
  const unknown = respondentIds.find((id) => !segments.has(id));
  if (unknown) throw new Error(`Respondent ${unknown} is not in workspace ${workspaceId}.`);
  return segments;
}

async function checkInterviewers(db: DbClient, interviewerIds: string[]): Promise<void> {
  const unique = [...new Set(interviewerIds)];
  const found = await db.user.count({ where: { id: { in: unique } } });
  if (found !== unique.length) throw new Error("generateInterviews: some interviewer ids are not users.");
}

/** Column arrays of one batch, ready for unnest(). */
class Batch {
  interviewIds: string[] = [];
  respondentIds: (string | null)[] = [];
  interviewerIds: string[] = [];
  conductedOn: string[] = [];
  modes: string[] = [];
  overall: (string | null)[] = [];
  notes: string[] = [];
  submittedAt: (string | null)[] = [];
  voidedAt: (string | null)[] = [];
  voidReasons: (string | null)[] = [];
  /** Observations: 1-based index into interviewIds and into the map's flattened expectations. */
  obsInterview: number[] = [];
  obsExpectation: number[] = [];
  outcomes: string[] = [];
  importance: number[] = [];
  feelings: (string | null)[] = [];
  comments: (string | null)[] = [];
}

/**
 * Writes `count` interviews with their observations for one map, in batches. Each interview
 * covers a plausible subset of the map's touchpoints (by reach and the respondent segment's
 * channel habits), and for each, most of its listed expectations with an outcome, an
 * importance, often a feeling and sometimes a comment. The overall feeling follows the
 * outcomes through each touchpoint's factor (basic, performance, delighter).
 */
export async function generateInterviews(db: DbClient, options: GenerateInterviewsOptions): Promise<GenerateInterviewsResult> {
  const days = options.days ?? 120;
  const batchSize = options.batchSize ?? 500;
  const seed = options.seed ?? 1;
  const status = options.status ?? "SUBMITTED";
  const { workspaceId, mapId, count } = options;
  if (options.interviewerIds.length === 0) throw new Error("generateInterviews needs at least one interviewer.");
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`);
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`days must be a positive integer, got ${days}`);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);

  const behaviours = options.behaviours ?? Object.fromEntries(DEMO_TOUCHPOINTS.map((t) => [t.name, t.behaviour]));
  const habits = options.channelHabits ?? DEMO_CHANNEL_HABITS;
  const touchpoints = await loadTouchpoints(db, workspaceId, mapId, behaviours);
  if (touchpoints.length === 0) throw new Error(`Map ${mapId} has no touchpoint with expectations to interview about.`);
  const segments = await loadSegments(db, workspaceId, options.respondentIds);
  await checkInterviewers(db, options.interviewerIds);
  const skipForeignKeyChecks = options.skipForeignKeyChecks ?? false;
  const flatTouchpointIds = touchpoints.flatMap((touchpoint) => touchpoint.expectationIds.map(() => touchpoint.id));
  const flatExpectationIds = touchpoints.flatMap((touchpoint) => touchpoint.expectationIds);
  const mostReached = touchpoints.reduce((best, touchpoint) =>
    touchpoint.behaviour.reach > best.behaviour.reach ? touchpoint : best,
  );

  const random = new Random(seed);
  const ids = new Random(hashString(`${mapId}:${seed}:${status}`));
  const todayMs = dateOnly(options.today ?? new Date());
  const DAY = 86_400_000;
  const result: GenerateInterviewsResult = { interviews: 0, observations: 0 };

  for (let start = 0; start < count; start += batchSize) {
    const end = Math.min(count, start + batchSize);
    const batch = new Batch();
    for (let index = start; index < end; index += 1) {
      // Stratified over the period so that every day gets its share and the last
      // interview falls on `today` (when count >= days).
      const daysAgo = days - 1 - Math.floor(((index + random.float()) * days) / count);
      const dayMs = todayMs - daysAgo * DAY;
      const respondentId = options.respondentIds.length > 0 ? random.pick(options.respondentIds) : null;
      const segment = respondentId ? (segments.get(respondentId) ?? null) : null;
      const channelHabits = segment ? habits[segment] : undefined;

      batch.interviewIds.push(ids.uuid());
      const interviewNumber = batch.interviewIds.length;
      batch.respondentIds.push(respondentId);
      batch.interviewerIds.push(random.pick(options.interviewerIds));
      batch.conductedOn.push(isoDay(dayMs));
      batch.modes.push(random.weighted([["IN_PERSON", 0.7], ["PHONE", 0.2], ["VIDEO", 0.1]]));

      let covered = touchpoints.filter((touchpoint) => {
        const reach = touchpoint.behaviour.reach * (channelHabits?.[touchpoint.channel] ?? 1);
        return random.chance(Math.min(0.98, reach));
      });
      if (covered.length === 0) covered = [mostReached];

      let overallLatent = OVERALL_BASE + random.normal(0, OVERALL_NOISE);
      for (const touchpoint of covered) {
        const behaviour = touchpoint.behaviour;
        const rates: OutcomeRates =
          behaviour.recent && daysAgo < behaviour.recent.days
            ? behaviour.recent
            : ((segment ? behaviour.bySegment?.[segment] : undefined) ?? behaviour);
        const experience = drawOutcome(random, rates);
        let held = touchpoint.expectationIds.map(() => random.chance(EXPECTATION_HELD_RATE));
        if (!held.includes(true)) {
          const only = random.int(0, held.length - 1);
          held = held.map((_, position) => position === only);
        }
        let scoreSum = 0;
        let heldCount = 0;
        for (const [position, isHeld] of held.entries()) {
          if (!isHeld) continue;
          const outcome = random.chance(WITHIN_TOUCHPOINT_CORRELATION) ? experience : drawOutcome(random, rates);
          scoreSum += OUTCOME_SCORE[behaviour.factor][outcome];
          heldCount += 1;
          // The first expectations of a touchpoint tend to matter most; a miss feels bigger.
          const importance = Math.round(
            random.normal(behaviour.importance + 0.15 - 0.1 * position + (outcome === "MISSED" ? 0.3 : 0), 0.7),
          );
          batch.obsInterview.push(interviewNumber);
          batch.obsExpectation.push(touchpoint.firstExpectation + position);
          batch.outcomes.push(outcome);
          batch.importance.push(Math.min(5, Math.max(1, importance)));
          batch.feelings.push(random.chance(FEELING_RECORDED_RATE) ? random.weighted(FEELING_BY_OUTCOME[outcome]) : null);
          batch.comments.push(
            random.chance(COMMENT_RATE[outcome])
              ? random.pick(commentPool(touchpoint, outcome))
              : null,
          );
        }
        overallLatent += (behaviour.impact * scoreSum) / heldCount;
      }

      const overallIndex = Math.min(6, Math.max(1, Math.round(overallLatent))) - 1;
      const noOverall = status === "DRAFT" || random.chance(OVERALL_MISSING_RATE);
      batch.overall.push(noOverall ? null : (FEELINGS[overallIndex] ?? null));
      batch.notes.push(random.chance(0.06) ? random.pick(INTERVIEW_NOTES) : "");
      const submittedMs = dayMs + (9 * 60 + random.int(0, 10 * 60)) * 60_000;
      batch.submittedAt.push(status === "DRAFT" ? null : new Date(submittedMs).toISOString());
      batch.voidedAt.push(status === "VOID" ? new Date(submittedMs + DAY).toISOString() : null);
      batch.voidReasons.push(status === "VOID" ? random.pick(VOID_REASONS) : null);
    }

    const context = { workspaceId, mapId, status, flatTouchpointIds, flatExpectationIds, skipForeignKeyChecks };
    // Each batch lands whole: readers never see an interview without its observations.
    // Inside a caller's transaction, Prisma nests this one in it (same database transaction).
    const written =
      "$transaction" in db
        ? await db.$transaction((tx) => writeBatch(tx, context, batch), { maxWait: 30_000, timeout: 600_000 })
        : await writeBatch(db, context, batch);
    result.interviews += written.interviews;
    result.observations += written.observations;
    options.onBatch?.({ ...result, total: count });
  }
  // Without the per-row triggers the analysis summaries and rollups did not follow the load: rebuild them.
  if (skipForeignKeyChecks) await db.$executeRaw`SELECT cx_analysis_rebuild_map(${workspaceId}, ${mapId})`;
  return result;
}

async function writeBatch(
  db: DbClient,
  context: {
    workspaceId: string;
    mapId: string;
    status: InterviewStatus;
    flatTouchpointIds: string[];
    flatExpectationIds: string[];
    skipForeignKeyChecks: boolean;
  },
  batch: Batch,
): Promise<GenerateInterviewsResult> {
  const { workspaceId, mapId, status } = context;
  // SET LOCAL lasts until the end of the transaction; it is reset below so that an outer
  // transaction the caller passed in goes on with its checks.
  if (context.skipForeignKeyChecks) await db.$executeRaw`SET LOCAL session_replication_role = replica`;
  const interviews = await db.$executeRaw`
    INSERT INTO interviews (
      id, workspace_id, map_id, respondent_id, interviewer_id, conducted_on, mode, overall_feeling,
      notes, status, submitted_at, voided_at, void_reason, created_at, updated_at)
    SELECT t.id, ${workspaceId}, ${mapId}, t.respondent_id, t.interviewer_id, t.conducted_on::date,
      t.mode::"InterviewMode", t.overall::"Feeling", t.notes, ${status}::"InterviewStatus",
      t.submitted_at::timestamptz, t.voided_at::timestamptz, t.void_reason,
      COALESCE(t.submitted_at::timestamptz, now()), COALESCE(t.voided_at::timestamptz, t.submitted_at::timestamptz, now())
    FROM unnest(
      ${batch.interviewIds}::text[], ${batch.respondentIds}::text[], ${batch.interviewerIds}::text[],
      ${batch.conductedOn}::text[], ${batch.modes}::text[], ${batch.overall}::text[], ${batch.notes}::text[],
      ${batch.submittedAt}::text[], ${batch.voidedAt}::text[], ${batch.voidReasons}::text[]
    ) AS t(id, respondent_id, interviewer_id, conducted_on, mode, overall, notes, submitted_at, voided_at, void_reason)
    ON CONFLICT (id) DO NOTHING`;
  if (batch.obsInterview.length === 0) {
    if (context.skipForeignKeyChecks) await db.$executeRaw`SET LOCAL session_replication_role = origin`;
    return { interviews, observations: 0 };
  }
  // Observations reference interviews and expectations by position in small id arrays, so
  // a batch sends a few integers per row instead of repeating long ids.
  const observations = await db.$executeRaw`
    INSERT INTO observations (
      workspace_id, map_id, interview_id, touchpoint_id, expectation_id, outcome, importance, feeling, comment)
    SELECT ${workspaceId}, ${mapId}, i.id, e.touchpoint_id, e.id,
      o.outcome::"Outcome", o.importance, o.feeling::"Feeling", o.comment
    FROM unnest(
      ${batch.obsInterview}::int4[], ${batch.obsExpectation}::int4[], ${batch.outcomes}::text[],
      ${batch.importance}::int2[], ${batch.feelings}::text[], ${batch.comments}::text[]
    ) AS o(interview_number, expectation_number, outcome, importance, feeling, comment)
    JOIN unnest(${batch.interviewIds}::text[]) WITH ORDINALITY AS i(id, number) ON i.number = o.interview_number
    JOIN unnest(${context.flatTouchpointIds}::text[], ${context.flatExpectationIds}::text[]) WITH ORDINALITY
      AS e(touchpoint_id, id, number) ON e.number = o.expectation_number
    ON CONFLICT DO NOTHING`;
  if (context.skipForeignKeyChecks) await db.$executeRaw`SET LOCAL session_replication_role = origin`;
  return { interviews, observations };
}
