import type { TrendPoint } from "@/lib/analysis/trend";
import { trendChartData, type TrendMetric } from "@/components/matrix/trend-data";

const WIDTH = 240;
const HEIGHT = 64;
const PAD = 4;

/**
 * A small chart of one touchpoint's figure on the map's time axis (`buckets`, so every
 * touchpoint's chart lines up with the others): the line and its 95% band over the buckets with
 * at least the minimum sample, hollow grey points for those with fewer. Drawn on the server.
 */
export function Sparkline({
  points,
  buckets,
  minSample,
  metric,
  label,
}: {
  points: readonly TrendPoint[];
  buckets: readonly string[];
  minSample: number;
  metric: Exclude<TrendMetric, "n">;
  label: string;
}) {
  const data = trendChartData(points, minSample, metric);
  const [low, high] = metric === "missRate" ? [0, 100] : [-100, 100];
  const step = buckets.length > 1 ? (WIDTH - 2 * PAD) / (buckets.length - 1) : 0;
  const xOf = new Map(buckets.map((bucket, index) => [bucket, buckets.length > 1 ? PAD + index * step : WIDTH / 2]));
  const yOf = (value: number) => PAD + ((high - value) / (high - low)) * (HEIGHT - 2 * PAD);
  const sure = data.filter((datum) => datum.sure !== null);
  const banded = sure.filter((datum) => datum.band !== null);
  const band =
    banded.length > 1
      ? [
          ...banded.map((datum) => `${xOf.get(datum.bucketStart)},${yOf(datum.band![1])}`),
          ...[...banded].reverse().map((datum) => `${xOf.get(datum.bucketStart)},${yOf(datum.band![0])}`),
        ].join(" ")
      : null;
  const tooFew = data.filter((datum) => datum.tooFew !== null);
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width={WIDTH}
      height={HEIGHT}
      className="shrink-0"
      data-testid={`sparkline-${metric}`}
      data-too-few={tooFew.length}
    >
      <rect x={0} y={0} width={WIDTH} height={HEIGHT} fill="var(--color-surface-muted)" />
      {metric === "performance" && <line x1={0} x2={WIDTH} y1={yOf(0)} y2={yOf(0)} stroke="var(--color-border-strong)" />}
      {band && <polygon points={band} fill="var(--color-brand)" fillOpacity={0.15} data-testid="sparkline-band" />}
      {sure.length > 1 && (
        <polyline
          points={sure.map((datum) => `${xOf.get(datum.bucketStart)},${yOf(datum.sure!)}`).join(" ")}
          fill="none"
          stroke="var(--color-brand)"
          strokeWidth={2}
          vectorEffect="non-scaling-stroke"
        />
      )}
      {sure.length === 1 && <circle cx={xOf.get(sure[0]!.bucketStart)} cy={yOf(sure[0]!.sure!)} r={2.5} fill="var(--color-brand)" />}
      {tooFew.length > 0 && (
        // One path for every hollow point: a touchpoint's days are mostly too few, and a circle
        // element each made the page several times heavier per day shown.
        <path
          d={tooFew.map((datum) => `M${xOf.get(datum.bucketStart)! - 2.5},${yOf(datum.tooFew!)}a2.5,2.5 0 1,0 5,0a2.5,2.5 0 1,0 -5,0`).join("")}
          fill="var(--color-surface)"
          stroke="var(--color-fg-muted)"
          strokeWidth={1}
          data-testid="sparkline-too-few"
        />
      )}
    </svg>
  );
}
