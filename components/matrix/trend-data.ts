// What a trend chart draws: each bucket's figure (performance, miss rate or n) with its 95%
// interval, split into buckets with enough observations to read (on the line, inside the band)
// and buckets with too few (a hollow point off the line). Pure.
import type { TrendPoint } from "@/lib/analysis/trend";
import { performanceInterval } from "@/lib/analysis/touchpoint";
import { wilson } from "@/lib/analysis/stats";

/** Which figure a trend chart plots. */
export type TrendMetric = "performance" | "missRate" | "n";

export type TrendDatum = {
  bucketStart: string;
  n: number;
  /** The plotted figure: P (-100..100), the miss rate in percent (0..100), or n. */
  value: number | null;
  /** Its 95% interval (the method's: normal for P, Wilson for the miss rate); null for n and below 2 observations. */
  lower: number | null;
  upper: number | null;
  /** The value when the bucket has at least the minimum sample, else null (off the line). */
  sure: number | null;
  /** The value when the bucket has observations but fewer than the minimum sample, else null. */
  tooFew: number | null;
  /** The interval band of a bucket on the line, clamped to the scale for drawing. */
  band: [number, number] | null;
  /** Performance and miss rate of the bucket, for the tooltip whatever the metric. */
  performance: number | null;
  missRate: number | null;
};

const clamp = (low: number, high: number) => (value: number) => Math.max(low, Math.min(high, value));

function figureOf(point: TrendPoint, metric: TrendMetric): { value: number | null; lower: number | null; upper: number | null } {
  if (metric === "n") return { value: point.n, lower: null, upper: null };
  if (metric === "missRate") {
    const rate = wilson(point.missed, point.n);
    if (!rate) return { value: null, lower: null, upper: null };
    // Wilson's interval exists from one observation on; like P's, it is left undrawn below two.
    const interval = point.n >= 2;
    return { value: 100 * rate.rate, lower: interval ? 100 * rate.lower : null, upper: interval ? 100 * rate.upper : null };
  }
  const interval = performanceInterval(point.missed, point.exceeded, point.n);
  return { value: interval.value, lower: interval.lower, upper: interval.upper };
}

export function trendChartData(points: readonly TrendPoint[], minSample: number, metric: TrendMetric = "performance"): TrendDatum[] {
  const clampToScale = metric === "missRate" ? clamp(0, 100) : clamp(-100, 100);
  return points.map((point) => {
    const { value, lower, upper } = figureOf(point, metric);
    const enough = point.n >= minSample && value !== null;
    return {
      bucketStart: point.bucketStart,
      n: point.n,
      value,
      lower,
      upper,
      sure: enough ? value : null,
      tooFew: !enough && value !== null && point.n > 0 ? value : null,
      band: enough && lower !== null && upper !== null ? [clampToScale(lower), clampToScale(upper)] : null,
      performance: point.performance,
      missRate: point.missRate,
    };
  });
}
