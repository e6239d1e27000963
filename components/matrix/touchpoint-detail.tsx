import Link from "next/link";
import type { TouchpointDetail, TouchpointComment } from "@/lib/types/analysis";
import type { FeelingDistribution } from "@/lib/analysis/feelings";
import type { TrendPoint } from "@/lib/analysis/trend";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { LazyTrendChart } from "@/components/matrix/lazy-trend-chart";
import { ChartDownload } from "@/components/charts/chart-download";
import { FEELING_CLASS, FEELING_LABEL } from "@/components/matrix/feeling-labels";
import { formatInterval, formatNumber, formatPercent, formatSigned } from "@/components/matrix/format";
import { plural } from "@/lib/plural";
import { AsymmetryCard } from "@/components/insight/asymmetry-card";

const OUTCOME_LABEL = { MISSED: "Missed", MET: "Met", EXCEEDED: "Exceeded" } as const;
const OUTCOME_TONE = { MISSED: "missed", MET: "met", EXCEEDED: "exceeded" } as const;
const IMPORTANCE_LABEL = ["", "barely noticed", "minor", "mattered", "important", "critical"];

function Figure({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div className="rounded-md border border-border bg-surface p-3">
      <dt className="text-xs text-fg-muted">{label}</dt>
      <dd className="mt-1 text-xl font-semibold">{value}</dd>
      {note && <dd className="text-xs text-fg-muted">{note}</dd>}
    </div>
  );
}

export function TouchpointDetailView({
  minSample,
  detail,
  feelings,
  trend,
  comments,
  commentsTotal,
  page,
  pages,
  pageHrefs,
  filterLine,
}: {
  minSample: number;
  detail: TouchpointDetail;
  feelings: FeelingDistribution;
  trend: TrendPoint[];
  comments: TouchpointComment[];
  commentsTotal: number;
  page: number;
  pages: number;
  pageHrefs: { previous: string; next: string };
  /** The filter in words, under the title of a saved chart image. */
  filterLine: string;
}) {
  const f = detail.figures;
  if (f.n === 0) {
    return (
      <EmptyState
        title="No observations here in this view"
        description="Nobody in the filtered interviews went through this touchpoint. Widen the period or the filter."
      />
    );
  }
  const outcomes = [
    { key: "MISSED", count: f.missed },
    { key: "MET", count: f.met },
    { key: "EXCEEDED", count: f.exceeded },
  ] as const;

  return (
    <div className="space-y-6">
      {f.n < minSample && (
        <p className="rounded-md border border-border bg-surface-muted p-3 text-sm">
          Only {plural(f.n, "observation")} in this view, fewer than the {minSample} this map asks for: read these figures as a first
          indication.
        </p>
      )}
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-7" data-testid="touchpoint-figures">
        <Figure label="Observations (n)" value={f.n.toLocaleString("en")} note={plural(f.interviews, "interview")} />
        <Figure label="Reach" value={formatPercent(f.reach)} note={`of ${plural(detail.interviews, "interview")}`} />
        <Figure
          label="Importance"
          value={formatNumber(f.importance.mean, 2)}
          note={formatInterval(f.importance.lower, f.importance.upper, (v) => v.toFixed(2))}
        />
        <Figure
          label="Performance"
          value={formatSigned(f.performance.value)}
          note={formatInterval(f.performance.lower, f.performance.upper, (v) => formatSigned(v))}
        />
        <Figure
          label="Miss rate"
          value={formatPercent(f.missRate?.rate)}
          note={formatInterval(f.missRate?.lower, f.missRate?.upper, (v) => formatPercent(v))}
        />
        <Figure label="Weighted pain" value={formatNumber(f.weightedPain)} note="per 100 interviews" />
        <Figure label="Weighted delight" value={formatNumber(f.weightedDelight)} note="per 100 interviews" />
      </dl>

      <Card as="section" title="Outcomes">
        <div className="flex h-8 overflow-hidden rounded-md border border-border" aria-hidden="true">
          {outcomes.map((outcome) =>
            outcome.count > 0 ? (
              <div
                key={outcome.key}
                className={
                  outcome.key === "MISSED" ? "bg-missed" : outcome.key === "MET" ? "bg-met" : "bg-exceeded"
                }
                style={{ width: `${(outcome.count / f.n) * 100}%` }}
              />
            ) : null,
          )}
        </div>
        <ul className="mt-2 flex flex-wrap gap-4 text-sm">
          {outcomes.map((outcome) => (
            <li key={outcome.key}>
              <Badge tone={OUTCOME_TONE[outcome.key]}>{OUTCOME_LABEL[outcome.key]}</Badge>{" "}
              {outcome.count} ({formatPercent(outcome.count / f.n)})
            </li>
          ))}
        </ul>
      </Card>

      <AsymmetryCard asymmetry={detail.asymmetry} />

      <section aria-labelledby="expectations-heading">
        <h2 id="expectations-heading" className="mb-2 text-base font-semibold">
          Expectations
        </h2>
        <Table caption="The same figures for each expectation at this touchpoint" captionHidden>
          <THead>
            <Tr>
              <Th>Expectation</Th>
              <Th numeric>n</Th>
              <Th numeric>Importance</Th>
              <Th numeric>Performance</Th>
              <Th numeric>Miss rate</Th>
              <Th numeric>Exceed rate</Th>
              <Th numeric>Weighted pain</Th>
            </Tr>
          </THead>
          <TBody>
            {detail.expectations.map((expectation) => (
              <Tr key={expectation.id} data-testid="expectation-row">
                <Td>
                  {expectation.name}
                  {expectation.kind === "VOLUNTEERED" && (
                    <Badge className="ml-2">Volunteered</Badge>
                  )}
                </Td>
                <Td numeric>{expectation.n}</Td>
                <Td numeric>{formatNumber(expectation.importance.mean, 2)}</Td>
                <Td numeric>{formatSigned(expectation.performance.value)}</Td>
                <Td numeric>{formatPercent(expectation.missRate?.rate)}</Td>
                <Td numeric>{formatPercent(expectation.exceedRate?.rate)}</Td>
                <Td numeric>{formatNumber(expectation.weightedPain)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
        <p className="mt-2 text-xs text-fg-muted">
          Volunteered expectations are ones customers raised themselves; an analyst can promote them into the map.
        </p>
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card as="section" title="Feelings" description={feelings.total ? `${plural(feelings.total, "observation")} with a feeling recorded.` : undefined}>
          {feelings.total === 0 ? (
            <p className="text-sm text-fg-muted">No feelings recorded here in this view.</p>
          ) : (
            <>
              <p className="text-sm">
                Net feeling <strong>{formatSigned(feelings.netFeeling)}</strong>{" "}
                <span className="text-fg-muted">(% like a lot, love, in love − % dislike, hate)</span>
              </p>
              <ul className="mt-3 space-y-1.5" data-testid="feelings">
                {feelings.states.map((state) => (
                  <li key={state.state} className="grid grid-cols-[6rem_1fr_4rem] items-center gap-2 text-sm">
                    <span>{FEELING_LABEL[state.state]}</span>
                    <span className="h-4 overflow-hidden rounded bg-surface-sunken" aria-hidden="true">
                      <span
                        className={`block h-full ${FEELING_CLASS[state.state]}`}
                        style={{ width: `${(state.share ?? 0) * 100}%` }}
                      />
                    </span>
                    <span className="text-right tabular-nums">{formatPercent(state.share)}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </Card>
        <Card as="section" title="Performance by week">
          <ChartDownload title={`Performance by week: ${detail.touchpoint.name}`} filterLine={filterLine} selector="svg.recharts-surface">
            <LazyTrendChart points={trend} minSample={minSample} />
          </ChartDownload>
          <p className="mt-1 text-xs text-fg-muted" data-testid="trend-legend">
            The line and its shaded 95% interval cover weeks with at least {plural(minSample, "observation")}; a hollow grey
            point is a week with fewer, too few to read on its own.
          </p>
          <details className="mt-2 text-sm">
            <summary className="cursor-pointer">Weekly values</summary>
            <Table caption="Performance and miss rate by week" captionHidden>
              <THead>
                <Tr>
                  <Th>Week of</Th>
                  <Th numeric>n</Th>
                  <Th numeric>Performance</Th>
                  <Th numeric>Miss rate</Th>
                </Tr>
              </THead>
              <TBody>
                {trend.map((point) => (
                  <Tr key={point.bucketStart}>
                    <Td>{point.bucketStart}</Td>
                    <Td numeric>
                      {point.n}
                      {point.n > 0 && point.n < minSample && <span className="block text-xs text-fg-muted">too few</span>}
                    </Td>
                    <Td numeric>{formatSigned(point.performance)}</Td>
                    <Td numeric>{formatPercent(point.missRate)}</Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          </details>
        </Card>
      </div>

      <section aria-labelledby="comments-heading">
        <h2 id="comments-heading" className="mb-2 text-base font-semibold">
          Comments ({commentsTotal})
        </h2>
        {comments.length === 0 ? (
          <p className="text-sm text-fg-muted">No comments recorded here in this view.</p>
        ) : (
          <ul className="space-y-2" data-testid="comments">
            {comments.map((comment, index) => (
              <li key={`${comment.conductedOn}-${index}`} className="rounded-md border border-border bg-surface p-3 text-sm">
                <p>“{comment.comment}”</p>
                <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-fg-muted">
                  <Badge tone={OUTCOME_TONE[comment.outcome]}>{OUTCOME_LABEL[comment.outcome]}</Badge>
                  <span>{comment.expectation}</span>
                  <span>
                    importance {comment.importance} ({IMPORTANCE_LABEL[comment.importance]})
                  </span>
                  {comment.feeling && <span>felt “{FEELING_LABEL[comment.feeling as keyof typeof FEELING_LABEL]}”</span>}
                  <span>{comment.conductedOn}</span>
                </p>
              </li>
            ))}
          </ul>
        )}
        {pages > 1 && (
          <nav aria-label="Comment pages" className="mt-3 flex items-center gap-4 text-sm">
            {page > 1 && <Link href={pageHrefs.previous}>Newer comments</Link>}
            <span>
              Page {page} of {pages}
            </span>
            {page < pages && <Link href={pageHrefs.next}>Older comments</Link>}
          </nav>
        )}
      </section>
    </div>
  );
}
