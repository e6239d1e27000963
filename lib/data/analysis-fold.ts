import "server-only";
import { sql } from "@/lib/db";

// Writers append their changes to the analysis rollups as delta rows (no shared row is ever
// locked by a submission); this moves them into the rollups. Readers sum both, so folding
// changes no figure, only how many rows a read sums. Called after responses that wrote
// interview data, at most once a second per server process, one process at a time. The pair
// rollups are folded every ten seconds: by then a busy map's changes fall on far fewer keys,
// and a pair key is the costlier to fold (see the pair-rollups migration).

const MIN_INTERVAL_MS = 1000;
const PAIR_INTERVAL_MS = 10_000;
let lastPairs = 0;
// The change logs are queues and the current day's rollup rows are rewritten by every fold;
// between autovacuum's rounds (a minute apart by default) their dead rows would slow each fold.
const VACUUM_EVERY_FOLDS = 10;
let lastStarted = 0;
let folds = 0;
let running: Promise<void> | null = null;

/** Whether foldAnalysisDeltas would fold now (callers skip scheduling it otherwise). */
export function analysisFoldDue(now = Date.now()): boolean {
  return !running && now - lastStarted >= MIN_INTERVAL_MS;
}

/** Calls a fold function in bounded batches (short transactions) until a batch comes back small. */
async function foldInBatches(fold: "cx_analysis_fold" | "cx_analysis_fold_pairs", batchSize: number): Promise<void> {
  for (let batch = 0; batch < 20; batch += 1) {
    const [row] = await sql<{ moved: number }>(`SELECT ${fold}($1) AS moved`, [batchSize]);
    if (!row || row.moved < batchSize) return;
  }
}

/** Folds the pending deltas unless a fold ran in the last second; never throws. */
export function foldAnalysisDeltas(now = Date.now()): Promise<void> {
  if (!analysisFoldDue(now)) return running ?? Promise.resolve();
  lastStarted = now;
  running = (async () => {
    try {
      await foldInBatches("cx_analysis_fold", 20_000);
      if (now - lastPairs >= PAIR_INTERVAL_MS) {
        lastPairs = now;
        await foldInBatches("cx_analysis_fold_pairs", 50_000);
      }
      folds += 1;
      if (folds % VACUUM_EVERY_FOLDS === 0) {
        // Needs the tables' owner; where the app runs as another role, autovacuum does it alone.
        await sql(
          "VACUUM (SKIP_LOCKED) analysis_touchpoint_changes, analysis_interview_changes, analysis_touchpoint_pair_changes, analysis_interview_pair_changes, analysis_day_touchpoints, analysis_day_interviews",
        ).catch(() => undefined);
      }
    } catch (error) {
      // The deltas stay and are folded next time; the figures are right either way.
      console.error("cxmap: folding the analysis deltas failed", error);
    } finally {
      running = null;
    }
  })();
  return running;
}
