// The check that the analysis summaries and rollups equal a recomputation from the base
// tables (interviews, observations, respondents, respondent attributes). An operator tool
// (`npm run db:verify-rollups`) and a test helper: no route reaches it, so it takes a client
// and an optional scope instead of a workspace context.
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { ROLLUP_STATISTICS } from "@/lib/data/analysis-statistics";

export type RollupMismatch = {
  table: string;
  /** Rows stored that the recomputation does not produce (or with other values). */
  unexpected: number;
  /** Rows the recomputation produces that are not stored (or with other values). */
  missing: number;
};

const DAY_TOUCHPOINT_STATS = ROLLUP_STATISTICS;

// The rollups are compared as a reader sees them: rollup rows plus the changes not folded
// yet (the views *_current); keys that sum to zero (an interview voided or moved away) are
// harmless to every sum and left out.
const CHECKS: { table: string; stored: string; source: string }[] = [
  { table: "analysis_interviews", stored: "analysis_interviews", source: "cx_analysis_interviews_source" },
  { table: "analysis_touchpoints", stored: "analysis_touchpoints", source: "cx_analysis_touchpoints_source" },
  {
    table: "analysis_day_interviews (with unfolded changes)",
    stored: "(SELECT * FROM cx_analysis_day_interviews_current WHERE interviews <> 0)",
    source: "cx_analysis_day_interviews_source",
  },
  {
    table: "analysis_day_touchpoints (with unfolded changes)",
    stored: `(SELECT * FROM cx_analysis_day_touchpoints_current WHERE NOT (${DAY_TOUCHPOINT_STATS.map((column) => `${column} = 0`).join(" AND ")}))`,
    source: "cx_analysis_day_touchpoints_source",
  },
];

/** Every table whose stored rows differ from the recomputation; empty when all agree. */
export async function findRollupMismatches(
  client: Pick<PrismaClient, "$queryRaw">,
  scope: { workspaceId?: string; mapId?: string } = {},
): Promise<RollupMismatch[]> {
  const where = Prisma.join(
    [
      Prisma.sql`TRUE`,
      ...(scope.workspaceId ? [Prisma.sql`x.workspace_id = ${scope.workspaceId}`] : []),
      ...(scope.mapId ? [Prisma.sql`x.map_id = ${scope.mapId}`] : []),
    ],
    " AND ",
  );
  const mismatches: RollupMismatch[] = [];
  // One at a time: analysis_touchpoints_source reads analysis_interviews, which is checked first.
  for (const check of CHECKS) {
    const stored = Prisma.raw(check.stored);
    const source = Prisma.raw(check.source);
    const [row] = await client.$queryRaw<{ unexpected: number; missing: number }[]>`
      SELECT
        (SELECT count(*) FROM (SELECT * FROM ${stored} x WHERE ${where} EXCEPT ALL SELECT * FROM ${source} x WHERE ${where}) d)::int AS unexpected,
        (SELECT count(*) FROM (SELECT * FROM ${source} x WHERE ${where} EXCEPT ALL SELECT * FROM ${stored} x WHERE ${where}) d)::int AS missing`;
    if (row && (row.unexpected > 0 || row.missing > 0)) mismatches.push({ table: check.table, ...row });
  }
  return mismatches;
}
