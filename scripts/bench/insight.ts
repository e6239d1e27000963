// `npm run bench:insight [-- --size 1m --runs 15 --write]`
//
// Times what the map overview and the basics-and-delighters view wait for, on a map of the
// given number of observations (the demo generator, in the same database and workspace as
// `bench:analysis`, so either benchmark reuses the other's data):
// - overview: getOverview, the exact function the overview page calls (the matrix with the
//   asymmetry sums, the change alerts of every touchpoint, the quota progress, the period);
// - asymmetry view: getMatrix under several filters (the page's one data call);
// against the best plain SQL computing the same figures from the observations themselves,
// run alternately after warm-up. Writes its section of docs/benchmarks.md with --write, with
// the reference queries' plans.
import { replaceSection } from "./report";
import { explain as explainPlan, interviewWhere, measureAgainstReference, runQueries, type Query } from "./reference";
import os from "node:os";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../lib/generated/prisma/client";
import { migrate } from "../../lib/migrate";
import { startEmbeddedDb } from "../lib/embedded-db";
import { EMPTY_FILTER, type AnalysisFilter } from "../../lib/schemas/analysis-filter";
import type { WorkspaceContext } from "../../lib/workspace";
import { ensureBenchMap } from "./bench-map";

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 && args[index + 1] ? args[index + 1]! : fallback;
};
const label = arg("size", "1m").toLowerCase();
const target = Math.round(Number(/^(\d+(?:\.\d+)?)/.exec(label)![1]) * (label.endsWith("m") ? 1e6 : label.endsWith("k") ? 1e3 : 1));
const runs = Number(arg("runs", "15"));
const write = args.includes("--write");
// The embedded database's port (the default is bench:analysis's, so one can reuse the other's data).
const port = Number(arg("port", "54389"));
const WARMUP = 3;
// The same database, flags and data as bench:analysis.
const PG_FLAGS = ["-c", "shared_buffers=1GB", "-c", "work_mem=64MB", "-c", "max_parallel_workers_per_gather=2"];
const TODAY_ISO = "2026-11-01";

let url = process.env.BENCH_DATABASE_URL;
const embedded = url ? undefined : await startEmbeddedDb({ dir: ".data/bench/pg", port, database: "cxmap_bench", postgresFlags: PG_FLAGS });
url ??= embedded!.url;
await migrate(url);
process.env.DATABASE_URL = url;
const { getMapForAnalysis, getMatrix } = await import("../../lib/data/analysis");
const { getOverview } = await import("../../lib/data/analysis-insight");
const { changeWindows } = await import("../../lib/analysis/trend");

const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
const pool = new pg.Pool({ connectionString: url, max: 4 });

const SCORE = `CASE i.overall_feeling WHEN 'HATE' THEN 1 WHEN 'DISLIKE' THEN 2 WHEN 'EH' THEN 3 WHEN 'LIKE_A_LOT' THEN 4 WHEN 'LOVE' THEN 5 WHEN 'IN_LOVE' THEN 6 END`;

/**
 * The matrix's statistics and the asymmetry sums per touchpoint straight from the observations:
 * the filtered interviews, then per interview its observations grouped by touchpoint through the
 * primary key (the LATERAL form bench:analysis found fastest), then summed per touchpoint.
 */
function asymmetryReference(workspaceId: string, mapId: string, filter: AnalysisFilter) {
  const params: unknown[] = [workspaceId, mapId];
  const where = interviewWhere(filter, params);
  return [
    { text: `SELECT count(*) FROM interviews i WHERE ${where}`, params },
    {
      text: `SELECT t.touchpoint_id, sum(t.n) AS n, count(*) AS interviews, sum(t.missed) AS missed, sum(t.met) AS met, sum(t.exceeded) AS exceeded,
  sum(t.importance_sum) AS importance_sum, sum(t.importance_sum_sq) AS importance_sum_sq,
  sum(t.missed_importance_sum) AS missed_importance_sum, sum(t.exceeded_importance_sum) AS exceeded_importance_sum,
  sum(t.missed * i.score) AS missed_overall_sum, sum(t.missed) FILTER (WHERE i.score IS NOT NULL) AS missed_overall_n,
  sum(t.met * i.score) AS met_overall_sum, sum(t.met) FILTER (WHERE i.score IS NOT NULL) AS met_overall_n,
  sum(t.exceeded * i.score) AS exceeded_overall_sum, sum(t.exceeded) FILTER (WHERE i.score IS NOT NULL) AS exceeded_overall_n
FROM (SELECT i.id, ${SCORE} AS score FROM interviews i WHERE ${where}) i
CROSS JOIN LATERAL (
  SELECT o.touchpoint_id, count(*) AS n,
    count(*) FILTER (WHERE o.outcome = 'MISSED') AS missed, count(*) FILTER (WHERE o.outcome = 'MET') AS met,
    count(*) FILTER (WHERE o.outcome = 'EXCEEDED') AS exceeded,
    sum(o.importance) AS importance_sum, sum(o.importance * o.importance) AS importance_sum_sq,
    coalesce(sum(o.importance) FILTER (WHERE o.outcome = 'MISSED'), 0) AS missed_importance_sum,
    coalesce(sum(o.importance) FILTER (WHERE o.outcome = 'EXCEEDED'), 0) AS exceeded_importance_sum
  FROM observations o WHERE o.interview_id = i.id GROUP BY o.touchpoint_id
) t
GROUP BY t.touchpoint_id`,
      params,
    },
  ];
}

/** The change alerts' counts per touchpoint from the observations: both 28-day windows in one pass. */
function alertReference(workspaceId: string, mapId: string) {
  const { latest, previous } = changeWindows({ today: TODAY_ISO });
  const params: unknown[] = [workspaceId, mapId, previous.start, latest.start, latest.end];
  return {
    text: `SELECT o.touchpoint_id,
  count(*) FILTER (WHERE i.conducted_on >= $4::date) AS latest_n,
  count(*) FILTER (WHERE i.conducted_on >= $4::date AND o.outcome = 'MISSED') AS latest_missed,
  count(*) FILTER (WHERE i.conducted_on < $4::date) AS previous_n,
  count(*) FILTER (WHERE i.conducted_on < $4::date AND o.outcome = 'MISSED') AS previous_missed
FROM interviews i JOIN observations o ON o.interview_id = i.id
WHERE i.workspace_id = $1 AND i.map_id = $2 AND i.status = 'SUBMITTED' AND i.conducted_on BETWEEN $3::date AND $5::date
GROUP BY o.touchpoint_id`,
    params,
  };
}

/** Interviews so far per respondent segment (the quota progress), from the interviews. */
function quotaReference(workspaceId: string, mapId: string) {
  return {
    text: `SELECT r.segment, count(*) FROM interviews i LEFT JOIN respondents r ON r.id = i.respondent_id
WHERE i.workspace_id = $1 AND i.map_id = $2 AND i.status = 'SUBMITTED' GROUP BY r.segment`,
    params: [workspaceId, mapId],
  };
}

const run = (queries: Query[]) => runQueries(pool, queries);
const measure = <A, R>(app: () => Promise<A>, reference: () => Promise<R>, check?: (a: A, r: R) => void) =>
  measureAgainstReference({ warmup: WARMUP, runs }, app, reference, check);

const { workspaceId, mapId, observations } = await ensureBenchMap(prisma, (sql) => pool.query(sql), { label, target, seed: 3, dataDir: ".data/bench" });
const ctx: WorkspaceContext = { workspaceId, workspaceName: `Benchmark ${label}`, userId: "bench", userName: "Benchmark", userEmail: "bench@example.com", role: "MANAGER" };
const map = (await getMapForAnalysis(ctx, mapId))!;
const interviewer = (await prisma.membership.findFirst({ where: { workspaceId, role: "INTERVIEWER" }, orderBy: { userId: "asc" }, select: { userId: true } }))!.userId;

type Result = { view: string; filter: string; app50: number; app95: number; reference50: number; reference: string };
const results: Result[] = [];
const plans: string[] = [];

// The overview: the whole map, alerts ending on the data's last day.
{
  const references = [...asymmetryReference(workspaceId, mapId, EMPTY_FILTER), alertReference(workspaceId, mapId), quotaReference(workspaceId, mapId)];
  const timing = await measure(
    () => getOverview(ctx, map, { today: TODAY_ISO }),
    () => run(references),
    (app, reference) => {
      const overview = app as Awaited<ReturnType<typeof getOverview>>;
      const rows = (reference as pg.QueryResult[])[2]!.rows as { touchpoint_id: string; latest_n: string; previous_missed: string }[];
      for (const change of overview.changes.touchpoints) {
        const row = rows.find((item) => item.touchpoint_id === change.touchpointId);
        if (Number(row?.latest_n ?? 0) !== change.latest.n || Number(row?.previous_missed ?? 0) !== change.previous.missed) {
          throw new Error(`bench: the alert counts of ${change.name} disagree with the observations`);
        }
      }
    },
  );
  results.push({ view: "overview", filter: "none (the whole map)", ...timing, reference: "matrix, asymmetry, alert and quota SQL on the observations, concurrently" });
  plans.push(`#### Overview: change-alert counts from the observations\n\n\`\`\`\n${references[2]!.text}\n\`\`\`\n\n\`\`\`\n${await explainPlan(pool, references[2]!)}\n\`\`\``);
}

// The basics-and-delighters view under filters of each data path.
const quarter = { from: "2026-08-04", to: "2026-11-01" };
const filters: { name: string; filter: AnalysisFilter }[] = [
  { name: "none", filter: EMPTY_FILTER },
  { name: "last 90 days, lifecycle ESTABLISHED", filter: { ...EMPTY_FILTER, ...quarter, lifecycle: ["ESTABLISHED"] } },
  { name: "segment Students, tier LOW, one interviewer", filter: { ...EMPTY_FILTER, segment: ["Students"], tier: ["LOW"], interviewer: [interviewer] } },
];
for (const { name, filter } of filters) {
  const reference = asymmetryReference(workspaceId, mapId, filter);
  const timing = await measure(
    () => getMatrix(ctx, map, filter, "data"),
    () => run(reference),
    (app, result) => {
      const matrix = app as Awaited<ReturnType<typeof getMatrix>>;
      const rows = (result as pg.QueryResult[])[1]!.rows as { touchpoint_id: string; met_overall_n: string; exceeded_overall_sum: string }[];
      for (const point of matrix.points) {
        const row = rows.find((item) => item.touchpoint_id === point.id);
        if (Number(row?.met_overall_n ?? 0) !== point.asymmetry.groups.met) throw new Error(`bench: the asymmetry groups of ${point.name} disagree`);
      }
    },
  );
  results.push({ view: "basics and delighters", filter: name, ...timing, reference: "matrix and asymmetry SQL on the observations" });
  if (name === "none") plans.push(`#### Basics and delighters, no filter: from the observations\n\n\`\`\`\n${reference[1]!.text}\n\`\`\`\n\n\`\`\`\n${await explainPlan(pool, reference[1]!)}\n\`\`\``);
}

for (const row of results) {
  console.log(`bench: ${row.view} / ${row.filter}: app p50 ${row.app50.toFixed(1)} ms (p95 ${row.app95.toFixed(1)}), observations SQL p50 ${row.reference50.toFixed(1)} ms`);
}

const version = (await pool.query("SHOW server_version")).rows[0].server_version as string;
const overview = results.find((row) => row.view === "overview")!;
const body = [
  "What the map overview waits for (`getOverview` in `lib/data/analysis-insight.ts`: the matrix with each touchpoint's",
  "asymmetry sums, the change alerts of every touchpoint, the progress toward the targets and the period covered) and",
  "what the basics-and-delighters view waits for (`getMatrix`, which now also sums the overall feeling per outcome), on",
  `a map of ${observations.toLocaleString("en")} observations, against plain SQL computing the same figures from the`,
  "observations (the interviews in the filter, then each one's observations grouped by touchpoint through the primary key,",
  "the fastest form `bench:analysis` found; for the alerts, one pass over the 56 days of both windows), run alternately",
  "after warm-up in the same process and database.",
  "",
  `Reproduce with \`npm run bench:insight -- --write\` (options: \`--size 1m --runs 15 --port 54389\`; the data is the one`,
  "`bench:analysis` generates, reused when present). Alerts end on the generated data's last day.",
  "",
  `Run on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? "unknown CPU"}), Node ${process.version},`,
  `PostgreSQL ${version}, ${runs} measured runs after ${WARMUP} warm-up runs, on a machine shared with other work.`,
  "",
  "| view | filter | app p50 (ms) | app p95 (ms) | observations SQL p50 (ms) | app / observations SQL | reference |",
  "|---|---|---:|---:|---:|---:|---|",
  ...results.map(
    (row) =>
      `| ${row.view} | ${row.filter} | ${row.app50.toFixed(1)} | ${row.app95.toFixed(1)} | ${row.reference50.toFixed(1)} | ${(row.app50 / row.reference50).toFixed(2)} | ${row.reference} |`,
  ),
  "",
  `Target: the overview under 300 ms p50 at 1M observations: ${overview.app50 < 300 ? "met" : "not met"} (${overview.app50.toFixed(1)} ms).`,
  "",
  "### Plans of the references",
  "",
  ...plans.flatMap((plan) => [plan, ""]),
];
if (write) {
  replaceSection("docs/benchmarks.md", "## Map overview and basics and delighters", body);
  console.log("bench: wrote docs/benchmarks.md");
}

await prisma.$disconnect();
await pool.end();
const { db } = await import("../../lib/db");
await db.$disconnect();
await embedded?.stop();
