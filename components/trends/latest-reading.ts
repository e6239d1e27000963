// The words under each touchpoint's trend: its latest period with enough observations to read,
// against the one before. Pure.
import type { TrendPoint } from "@/lib/analysis/trend";
import type { TrendBucket } from "@/lib/types/analysis-journey";
import { formatPercent } from "@/components/matrix/format";

export const PER: Record<TrendBucket, string> = { day: "day", week: "week", month: "month" };

/** A bucket as people name it: the day, the Monday of the week, or the month. */
export const bucketLabel = (bucket: TrendBucket, start: string) => (bucket === "month" ? start.slice(0, 7) : start);

/**
 * The latest period with at least the minimum sample, against the one before it when that one
 * has enough too. The current period is usually under way and too thin to quote, so it is skipped
 * rather than shown as a change.
 */
export function latestReading(points: readonly TrendPoint[], bucket: TrendBucket, minSample: number): string {
  const readable = points.filter((point) => point.n >= minSample);
  const latest = readable[readable.length - 1];
  if (!latest) return `no ${PER[bucket]} has ${minSample} observations`;
  const previous = readable[readable.length - 2];
  const before = previous ? `, against ${formatPercent(previous.missRate)} in ${bucketLabel(bucket, previous.bucketStart)}` : "";
  return `miss rate ${formatPercent(latest.missRate)} in ${bucketLabel(bucket, latest.bucketStart)} (n = ${latest.n.toLocaleString("en")})${before}`;
}
