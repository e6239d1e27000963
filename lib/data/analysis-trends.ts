import "server-only";
import type { WorkspaceContext } from "@/lib/workspace";
import type { AnalysisFilter } from "@/lib/schemas/analysis-filter";
import { trendSeries } from "@/lib/analysis/trend";
import { listTouchpointRows, selectTouchpoints } from "@/lib/data/analysis";
import { countInterviews, planSource, sumByPeriodAndTouchpoint } from "@/lib/data/analysis-source";
import type { MapForAnalysis } from "@/lib/types/analysis";
import type { TrendBucket, Trends } from "@/lib/types/analysis-journey";

/**
 * n, performance and miss rate per day, week (from Monday) or month under the filter: for the
 * selected touchpoints together and for each of them, from one query on the matrix's source.
 * Buckets without observations are left out (the charts show them as gaps).
 */
export async function getTrends(
  ctx: WorkspaceContext,
  map: MapForAnalysis,
  filter: AnalysisFilter,
  bucket: TrendBucket,
  source: "auto" | "summary" = "auto",
): Promise<Trends> {
  const plan = planSource(ctx, filter, source === "summary" ? "summary" : undefined);
  const touchpoints = selectTouchpoints(await listTouchpointRows(ctx, map.id), filter);
  const ids = touchpoints.map((touchpoint) => touchpoint.id);
  const [interviews, rows] = await Promise.all([
    plan.then((plan) => countInterviews(ctx, map.id, filter, plan)),
    plan.then((plan) => sumByPeriodAndTouchpoint(ctx, map.id, filter, plan, ["n", "missed", "exceeded"], ids, bucket)),
  ]);
  const byTouchpoint = new Map<string | null, { bucketStart: string; n: number; missed: number; exceeded: number }[]>();
  for (const row of rows) {
    const list = byTouchpoint.get(row.touchpoint_id) ?? [];
    list.push({ bucketStart: row.bucket_start, n: row.n, missed: row.missed, exceeded: row.exceeded });
    byTouchpoint.set(row.touchpoint_id, list);
  }
  return {
    bucket,
    interviews,
    map: trendSeries(byTouchpoint.get(null) ?? []),
    touchpoints: touchpoints.map((touchpoint) => {
      const points = trendSeries(byTouchpoint.get(touchpoint.id) ?? []);
      return {
        id: touchpoint.id,
        name: touchpoint.name,
        stageName: touchpoint.stageName,
        channelName: touchpoint.channelName,
        momentOfTruth: touchpoint.momentOfTruth,
        points,
        n: points.reduce((sum, point) => sum + point.n, 0),
      };
    }),
  };
}
