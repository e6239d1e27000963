import Link from "next/link";
import type { TrendPoint } from "@/lib/analysis/trend";
import type { TrendMetric } from "@/components/matrix/trend-data";
import type { Trends, TrendBucket } from "@/lib/types/analysis-journey";
import { plural } from "@/lib/plural";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { LazyTrendChart } from "@/components/matrix/lazy-trend-chart";
import { formatPercent, formatSigned } from "@/components/matrix/format";
import { Sparkline } from "@/components/trends/sparkline";
import { PER, bucketLabel, latestReading } from "@/components/trends/latest-reading";
import { ChartDownload } from "@/components/charts/chart-download";

const COLUMN: Record<TrendBucket, string> = { day: "Day", week: "Week of", month: "Month" };
const METRIC: Record<TrendMetric, string> = { performance: "Performance", missRate: "Miss rate", n: "Observations" };

/** The title of a map-wide trend chart, as its saved image carries it. */
export const trendChartTitle = (metric: TrendMetric, bucket: TrendBucket, mapName: string) =>
  `${METRIC[metric]} per ${PER[bucket]}: ${mapName}`;

/** The map's trends: the touchpoints in view together, then each of them on the same time axis. */
export function TrendsView({
  trends,
  minSample,
  mapName,
  filterLine,
  detailHref,
}: {
  trends: Trends;
  minSample: number;
  mapName: string;
  filterLine: string;
  detailHref: (touchpointId: string) => string;
}) {
  const { bucket } = trends;
  const buckets = trends.map.map((point) => point.bucketStart);
  const first = buckets[0];
  const last = buckets[buckets.length - 1];
  return (
    <div className="space-y-6">
      <section aria-labelledby="trends-map-heading" className="space-y-3">
        <div>
          <h2 id="trends-map-heading" className="text-base font-semibold">
            All touchpoints in this view, per {PER[bucket]}
          </h2>
          <p className="text-sm text-fg-muted" data-testid="trend-legend">
            {first && last && `${bucketLabel(bucket, first)} to ${bucketLabel(bucket, last)}. `}
            The line and its shaded 95% interval cover the {PER[bucket]}s with at least {plural(minSample, "observation")}; a hollow grey point
            is a {PER[bucket]} with fewer, too few to read on its own.
          </p>
        </div>
        <div className="grid gap-4 lg:grid-cols-3">
          <Card as="section" title="Performance" description="% exceeded − % missed" headingLevel={3}>
            <ChartDownload title={trendChartTitle("performance", bucket, mapName)} filterLine={filterLine} selector="svg.recharts-surface">
              <LazyTrendChart points={trends.map} minSample={minSample} metric="performance" bucket={bucket} />
            </ChartDownload>
          </Card>
          <Card as="section" title="Miss rate" description="Share of expectations missed" headingLevel={3}>
            <ChartDownload title={trendChartTitle("missRate", bucket, mapName)} filterLine={filterLine} selector="svg.recharts-surface">
              <LazyTrendChart points={trends.map} minSample={minSample} metric="missRate" bucket={bucket} />
            </ChartDownload>
          </Card>
          <Card as="section" title="Observations (n)" description={`The dashed line is the minimum sample, ${minSample}`} headingLevel={3}>
            <ChartDownload title={trendChartTitle("n", bucket, mapName)} filterLine={filterLine} selector="svg.recharts-surface">
              <LazyTrendChart points={trends.map} minSample={minSample} metric="n" bucket={bucket} />
            </ChartDownload>
          </Card>
        </div>
        <ValuesTable points={trends.map} bucket={bucket} minSample={minSample} />
      </section>

      <section aria-labelledby="trends-touchpoints-heading" className="space-y-3">
        <div>
          <h2 id="trends-touchpoints-heading" className="text-base font-semibold">
            Each touchpoint, per {PER[bucket]}
          </h2>
          <p className="text-sm text-fg-muted">
            Performance (−100 to +100, the grey line is 0) and miss rate (0 to 100%) on the same time axis as above. A touchpoint
            sees fewer customers than the whole map: choose week or month when its points are mostly hollow (each
            touchpoint&apos;s values are listed per week and per month).
          </p>
        </div>
        <ul className="grid gap-3 md:grid-cols-2 2xl:grid-cols-3">
          {trends.touchpoints.map((touchpoint) => (
            <li key={touchpoint.id} className="rounded-lg border border-border bg-surface p-3" data-testid="touchpoint-trend">
              <p className="flex flex-wrap items-center gap-2">
                <Link href={detailHref(touchpoint.id)} className="font-medium underline-offset-2 hover:underline">
                  {touchpoint.name}
                </Link>
                {touchpoint.momentOfTruth && <Badge tone="moment-of-truth">Moment of truth</Badge>}
              </p>
              <p className="text-xs text-fg-muted">
                {touchpoint.stageName} · {touchpoint.channelName} · n = {touchpoint.n.toLocaleString("en")}
              </p>
              <p className="text-xs" data-testid="latest-reading">
                {touchpoint.n > 0 && `Latest readable: ${latestReading(touchpoint.points, bucket, minSample)}.`}
              </p>
              {touchpoint.n === 0 ? (
                <p className="mt-2 text-sm text-fg-muted">No observations in this view.</p>
              ) : (
                <div className="mt-2 grid gap-2 sm:grid-cols-2">
                  <figure>
                    <figcaption className="text-xs text-fg-muted">Performance</figcaption>
                    <Sparkline
                      points={touchpoint.points}
                      buckets={buckets}
                      minSample={minSample}
                      metric="performance"
                      label={`Performance of ${touchpoint.name} per ${PER[bucket]}`}
                    />
                  </figure>
                  <figure>
                    <figcaption className="text-xs text-fg-muted">Miss rate</figcaption>
                    <Sparkline
                      points={touchpoint.points}
                      buckets={buckets}
                      minSample={minSample}
                      metric="missRate"
                      label={`Miss rate of ${touchpoint.name} per ${PER[bucket]}`}
                    />
                  </figure>
                </div>
              )}
              {touchpoint.n > 0 && bucket !== "day" && (
                <details className="mt-2 text-sm">
                  <summary className="cursor-pointer text-xs">Values</summary>
                  <ValuesTable points={touchpoint.points} bucket={bucket} minSample={minSample} bare />
                </details>
              )}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function ValuesTable({ points, bucket, minSample, bare = false }: { points: readonly TrendPoint[]; bucket: TrendBucket; minSample: number; bare?: boolean }) {
  const table = (
    <Table caption={`Performance, miss rate and n per ${PER[bucket]}`} captionHidden>
      <THead>
        <Tr>
          <Th>{COLUMN[bucket]}</Th>
          <Th numeric>n</Th>
          <Th numeric>Performance</Th>
          <Th numeric>Miss rate</Th>
        </Tr>
      </THead>
      <TBody>
        {points.map((point) => (
          <Tr key={point.bucketStart}>
            <Td>{bucketLabel(bucket, point.bucketStart)}</Td>
            <Td numeric>
              {point.n.toLocaleString("en")}
              {point.n < minSample && <span className="block text-xs text-fg-muted">too few</span>}
            </Td>
            <Td numeric>{formatSigned(point.performance)}</Td>
            <Td numeric>{formatPercent(point.missRate)}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
  if (bare) return table;
  return (
    <details className="text-sm">
      <summary className="cursor-pointer">Values per {PER[bucket]}</summary>
      {table}
    </details>
  );
}
