// `npm run db:verify-rollups`: checks that the analysis summaries and rollups in
// DATABASE_URL equal a recomputation from interviews, observations and respondents.
// Exits 1 and lists the tables that differ otherwise. Options: --workspace <id>, --map <id>.
import { parseArgs } from "node:util";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import { requireDatabaseUrl } from "../lib/env";
import { findRollupMismatches } from "../lib/data/analysis-verify";

const { values } = parseArgs({ options: { workspace: { type: "string" }, map: { type: "string" } } });
const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: requireDatabaseUrl() }) });
try {
  const started = performance.now();
  const mismatches = await findRollupMismatches(db, { workspaceId: values.workspace, mapId: values.map });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (mismatches.length === 0) {
    console.log(`Analysis summaries and rollups equal a recomputation from the observations (checked in ${seconds} s).`);
  } else {
    for (const mismatch of mismatches) {
      console.error(`${mismatch.table}: ${mismatch.unexpected} stored row(s) not in the recomputation, ${mismatch.missing} recomputed row(s) not stored`);
    }
    console.error("Repair a map with: SELECT cx_analysis_rebuild_map('<workspace id>', '<map id>');");
    process.exitCode = 1;
  }
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
