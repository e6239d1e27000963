// The benchmarks' generated map: the demo map with about `target` observations over a year of
// interviews, made once per database and reused by every benchmark that names the same workspace.
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { writeDemoMap, writeDemoRespondents } from "../../prisma/seed/demo";
import { generateInterviews } from "../../prisma/seed/generate-interviews";
import { Random } from "../../prisma/seed/random";

/** The demo generator's average number of observations per interview. */
export const OBSERVATIONS_PER_INTERVIEW = 20.3;
/** The last day of the generated year. */
export const BENCH_TODAY = new Date(Date.UTC(2026, 10, 1));

const ANALYZED_TABLES = [
  "interviews",
  "observations",
  "respondents",
  "respondent_attributes",
  "analysis_interviews",
  "analysis_touchpoints",
  "analysis_day_interviews",
  "analysis_day_touchpoints",
];

export type BenchMap = { workspaceId: string; mapId: string; observations: number };

/**
 * The workspace `bench-<label>` (or `<prefix>-<label>`) with one map of about `target`
 * observations: reused when present, generated when missing, refused when half made.
 */
export async function ensureBenchMap(
  prisma: PrismaClient,
  query: (sql: string) => Promise<unknown>,
  options: { label: string; target: number; seed: number; prefix?: string; workspaceName?: string; dataDir: string },
): Promise<BenchMap> {
  const { label, target, seed, prefix = "bench" } = options;
  const workspaceId = `${prefix}-${label}`;
  const mapId = `${prefix}-map-${label}`;
  const existing = await prisma.observation.count({ where: { workspaceId } });
  if (existing >= target * 0.9) return { workspaceId, mapId, observations: existing };
  if (await prisma.workspace.findUnique({ where: { id: workspaceId } })) {
    throw new Error(`Workspace ${workspaceId} is incomplete: delete ${options.dataDir} and run again.`);
  }
  console.log(`bench: generating about ${label} observations...`);
  const started = performance.now();
  await prisma.workspace.create({ data: { id: workspaceId, name: options.workspaceName ?? `Benchmark ${label}` } });
  const interviewerIds: string[] = [];
  for (let i = 0; i < 8; i++) {
    const user = await prisma.user.create({
      data: { email: `${prefix}-${label}-${i}@example.com`, name: `Interviewer ${i}`, passwordHash: "not-a-login" },
    });
    await prisma.membership.create({ data: { workspaceId, userId: user.id, role: "INTERVIEWER" } });
    interviewerIds.push(user.id);
  }
  const map = await writeDemoMap(prisma, workspaceId, { id: mapId, name: "In-store purchase" });
  const respondentIds = await writeDemoRespondents(prisma, workspaceId, 20_000, new Random(7));
  let last = 0;
  const result = await generateInterviews(prisma, {
    workspaceId,
    mapId: map.map.id,
    interviewerIds,
    respondentIds,
    count: Math.round(target / OBSERVATIONS_PER_INTERVIEW),
    days: 365,
    today: BENCH_TODAY,
    seed,
    batchSize: 2000,
    // Bulk load without per-row triggers; the summaries and rollups are rebuilt at the end.
    skipForeignKeyChecks: true,
    onBatch: ({ observations }) => {
      if (observations - last >= 500_000) {
        last = observations;
        console.log(`bench:   ${observations.toLocaleString("en")} observations`);
      }
    },
  });
  for (const table of ANALYZED_TABLES) await query(`VACUUM ANALYZE ${table}`);
  console.log(`bench: ${result.observations.toLocaleString("en")} observations in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return { workspaceId, mapId, observations: result.observations };
}
