// Measures, straight from SQL aggregates, the figures behind DEMO_TRUTHS for one map, so
// that tests (and anyone tuning the generator) can check the patterns are really in the data.
// Definitions follow the spec (product.md, "Analysis: definitions"), over SUBMITTED
// interviews only. This is a check on generated data, not the app's analysis code.
import type { DbClient } from "@/tests/factories/client";

export interface TouchpointMeasure {
  name: string;
  momentOfTruth: boolean;
  n: number;
  /** Mean importance. */
  importance: number;
  /** %exceeded - %missed. */
  performance: number;
  missRate: number;
  /** 100 x sum(importance over missed observations) / N. */
  weightedPain: number;
  /** Mean overall feeling (1-6) | missed - | met, and | exceeded - | met (per observation). */
  penalty: number | null;
  reward: number | null;
  groups: { missed: number; met: number; exceeded: number };
}

export interface TruthMeasures {
  /** Submitted interviews of the map (N). */
  interviews: number;
  /** Last day an interview took place on; the trend windows end there. */
  lastDay: string;
  /** Touchpoints by weighted pain, descending. */
  touchpoints: TouchpointMeasure[];
  /** Miss rate (%) per touchpoint in the latest `windowDays` and in the window before. */
  windows: Record<string, { latest: number; previous: number; nLatest: number; nPrevious: number }>;
  /** P per touchpoint per segment. */
  segmentPerformance: Record<string, Record<string, { n: number; performance: number }>>;
  /** P and n per stage per channel (the cell's observations together). */
  cells: Record<string, Record<string, { n: number; performance: number }>>;
  /** Share (%) of submitted interviews per overall feeling. */
  overallFeelings: Record<string, number>;
}

export async function measureTruths(
  db: DbClient,
  scope: { workspaceId: string; mapId: string; windowDays?: number },
): Promise<TruthMeasures> {
  const { workspaceId, mapId } = scope;
  const windowDays = scope.windowDays ?? 28;
  const [totals] = await db.$queryRaw<{ n: number; last_day: string | null }[]>`
    SELECT count(*)::int AS n, to_char(max(conducted_on), 'YYYY-MM-DD') AS last_day
    FROM interviews WHERE workspace_id = ${workspaceId} AND map_id = ${mapId} AND status = 'SUBMITTED'`;
  if (!totals || totals.n === 0 || !totals.last_day) throw new Error(`Map ${mapId} has no submitted interviews.`);
  const interviews = totals.n;

  const touchpointRows = await db.$queryRaw<
    {
      name: string;
      mot: boolean;
      n: number;
      importance: number;
      performance: number;
      miss_rate: number;
      pain: number;
      mean_missed: number | null;
      mean_met: number | null;
      mean_exceeded: number | null;
      n_missed: number;
      n_met: number;
      n_exceeded: number;
    }[]
  >`
    WITH obs AS (
      SELECT o.touchpoint_id, o.outcome, o.importance,
        array_position(enum_range(NULL::"Feeling"), i.overall_feeling) AS overall
      FROM observations o JOIN interviews i ON i.id = o.interview_id
      WHERE o.workspace_id = ${workspaceId} AND o.map_id = ${mapId} AND i.status = 'SUBMITTED')
    SELECT t.name, t.moment_of_truth AS mot, count(*)::int AS n,
      avg(obs.importance)::float8 AS importance,
      (100.0 * (count(*) FILTER (WHERE outcome = 'EXCEEDED') - count(*) FILTER (WHERE outcome = 'MISSED')) / count(*))::float8 AS performance,
      (100.0 * count(*) FILTER (WHERE outcome = 'MISSED') / count(*))::float8 AS miss_rate,
      (100.0 * coalesce(sum(obs.importance) FILTER (WHERE outcome = 'MISSED'), 0) / ${interviews})::float8 AS pain,
      avg(overall) FILTER (WHERE outcome = 'MISSED')::float8 AS mean_missed,
      avg(overall) FILTER (WHERE outcome = 'MET')::float8 AS mean_met,
      avg(overall) FILTER (WHERE outcome = 'EXCEEDED')::float8 AS mean_exceeded,
      count(overall) FILTER (WHERE outcome = 'MISSED')::int AS n_missed,
      count(overall) FILTER (WHERE outcome = 'MET')::int AS n_met,
      count(overall) FILTER (WHERE outcome = 'EXCEEDED')::int AS n_exceeded
    FROM obs JOIN touchpoints t ON t.id = obs.touchpoint_id
    GROUP BY t.id, t.name, t.moment_of_truth
    ORDER BY pain DESC, importance DESC, t.name`;
  const touchpoints = touchpointRows.map((row) => ({
    name: row.name,
    momentOfTruth: row.mot,
    n: row.n,
    importance: row.importance,
    performance: row.performance,
    missRate: row.miss_rate,
    weightedPain: row.pain,
    penalty: row.mean_missed === null || row.mean_met === null ? null : row.mean_missed - row.mean_met,
    reward: row.mean_exceeded === null || row.mean_met === null ? null : row.mean_exceeded - row.mean_met,
    groups: { missed: row.n_missed, met: row.n_met, exceeded: row.n_exceeded },
  }));

  // Windows end on the last interview day: latest = (last - windowDays, last], previous before it.
  const windowRows = await db.$queryRaw<
    { name: string; latest: number | null; previous: number | null; n_latest: number; n_previous: number }[]
  >`
    WITH obs AS (
      SELECT o.touchpoint_id, o.outcome, (${totals.last_day}::date - i.conducted_on) AS days_ago
      FROM observations o JOIN interviews i ON i.id = o.interview_id
      WHERE o.workspace_id = ${workspaceId} AND o.map_id = ${mapId} AND i.status = 'SUBMITTED'
        AND i.conducted_on > ${totals.last_day}::date - 2 * ${windowDays}::int)
    SELECT t.name,
      (100.0 * count(*) FILTER (WHERE days_ago < ${windowDays}::int AND outcome = 'MISSED')
        / nullif(count(*) FILTER (WHERE days_ago < ${windowDays}::int), 0))::float8 AS latest,
      (100.0 * count(*) FILTER (WHERE days_ago >= ${windowDays}::int AND outcome = 'MISSED')
        / nullif(count(*) FILTER (WHERE days_ago >= ${windowDays}::int), 0))::float8 AS previous,
      count(*) FILTER (WHERE days_ago < ${windowDays}::int)::int AS n_latest,
      count(*) FILTER (WHERE days_ago >= ${windowDays}::int)::int AS n_previous
    FROM obs JOIN touchpoints t ON t.id = obs.touchpoint_id
    GROUP BY t.name`;
  const windows: TruthMeasures["windows"] = {};
  for (const row of windowRows) {
    windows[row.name] = { latest: row.latest ?? 0, previous: row.previous ?? 0, nLatest: row.n_latest, nPrevious: row.n_previous };
  }

  const segmentRows = await db.$queryRaw<{ name: string; segment: string; n: number; performance: number }[]>`
    SELECT t.name, r.segment, count(*)::int AS n,
      (100.0 * (count(*) FILTER (WHERE o.outcome = 'EXCEEDED') - count(*) FILTER (WHERE o.outcome = 'MISSED')) / count(*))::float8 AS performance
    FROM observations o
      JOIN interviews i ON i.id = o.interview_id
      JOIN respondents r ON r.id = i.respondent_id
      JOIN touchpoints t ON t.id = o.touchpoint_id
    WHERE o.workspace_id = ${workspaceId} AND o.map_id = ${mapId} AND i.status = 'SUBMITTED' AND r.segment IS NOT NULL
    GROUP BY t.name, r.segment`;
  const segmentPerformance: TruthMeasures["segmentPerformance"] = {};
  for (const row of segmentRows) {
    (segmentPerformance[row.name] ??= {})[row.segment] = { n: row.n, performance: row.performance };
  }

  const cellRows = await db.$queryRaw<{ stage: string; channel: string; n: number; performance: number }[]>`
    SELECT s.name AS stage, c.name AS channel, count(*)::int AS n,
      (100.0 * (count(*) FILTER (WHERE o.outcome = 'EXCEEDED') - count(*) FILTER (WHERE o.outcome = 'MISSED')) / count(*))::float8 AS performance
    FROM observations o
      JOIN interviews i ON i.id = o.interview_id
      JOIN touchpoints t ON t.id = o.touchpoint_id
      JOIN stages s ON s.id = t.stage_id
      JOIN channels c ON c.id = t.channel_id
    WHERE o.workspace_id = ${workspaceId} AND o.map_id = ${mapId} AND i.status = 'SUBMITTED'
    GROUP BY s.name, c.name`;
  const cells: TruthMeasures["cells"] = {};
  for (const row of cellRows) (cells[row.stage] ??= {})[row.channel] = { n: row.n, performance: row.performance };

  const feelingRows = await db.$queryRaw<{ feeling: string | null; share: number }[]>`
    SELECT overall_feeling::text AS feeling, (100.0 * count(*) / sum(count(*)) OVER ())::float8 AS share
    FROM interviews WHERE workspace_id = ${workspaceId} AND map_id = ${mapId} AND status = 'SUBMITTED'
    GROUP BY overall_feeling ORDER BY overall_feeling`;
  const overallFeelings = Object.fromEntries(feelingRows.map((row) => [row.feeling ?? "none", row.share]));

  return { interviews, lastDay: totals.last_day, touchpoints, windows, segmentPerformance, cells, overallFeelings };
}
