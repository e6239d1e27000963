// What the performance-by-week chart draws: each week's P with its 95% interval, split into
// weeks with enough observations to read (on the line, inside the band) and weeks with too few
// (a hollow point off the line). Pure.
import type { TrendPoint } from "@/lib/analysis/trend";
import { performanceInterval } from "@/lib/analysis/touchpoint";

export type TrendDatum = {
  bucketStart: string;
  n: number;
  performance: number | null;
  /** The 95% interval of P (the same as the touchpoint's figures use), null below 2 observations. */
  lower: number | null;
  upper: number | null;
  /** P when the week has at least the minimum sample, else null (off the line). */
  sure: number | null;
  /** P when the week has observations but fewer than the minimum sample, else null. */
  tooFew: number | null;
  /** The interval band of a week on the line, clamped to the scale for drawing. */
  band: [number, number] | null;
};

const clampP = (value: number) => Math.max(-100, Math.min(100, value));

export function trendChartData(points: readonly TrendPoint[], minSample: number): TrendDatum[] {
  return points.map((point) => {
    const interval = performanceInterval(point.missed, point.exceeded, point.n);
    const enough = point.n >= minSample && point.performance !== null;
    return {
      bucketStart: point.bucketStart,
      n: point.n,
      performance: point.performance,
      lower: interval.lower,
      upper: interval.upper,
      sure: enough ? point.performance : null,
      tooFew: !enough && point.performance !== null ? point.performance : null,
      band: enough && interval.lower !== null && interval.upper !== null ? [clampP(interval.lower), clampP(interval.upper)] : null,
    };
  });
}
