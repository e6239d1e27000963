import Link from "next/link";
import { FEELING_STATES } from "@/lib/analysis/feelings";
import type { JourneyFeelingsView } from "@/lib/types/analysis-journey";
import { plural } from "@/lib/plural";
import { Card } from "@/components/ui/card";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { FEELING_CLASS, FEELING_LABEL } from "@/components/matrix/feeling-labels";
import { formatPercent, formatSigned } from "@/components/matrix/format";
import { curveLayout, type CurveLayout } from "@/components/journey/emotional-curve-layout";
import { ChartDownload } from "@/components/charts/chart-download";

const SHORT_NAME = 24;
const shorten = (name: string) => (name.length > SHORT_NAME ? `${name.slice(0, SHORT_NAME - 1)}…` : name);

/**
 * Feelings along the journey, under the grid: the emotional curve (net feeling of each touchpoint
 * in journey order, moments of truth marked, a gap where too few feelings were recorded) and each
 * touchpoint's six feeling states as a stacked bar. Drawn on the server: no chart code to load.
 */
export function FeelingsSection({
  feelings,
  mapName,
  filterLine,
  detailHref,
}: {
  feelings: JourneyFeelingsView;
  mapName: string;
  filterLine: string;
  detailHref: (touchpointId: string) => string;
}) {
  return (
    <Card
      as="section"
      title="Feelings along the journey"
      description={`Net feeling: % like a lot, love or in love minus % dislike or hate, over the ${plural(feelings.recorded, "observation")} with a feeling recorded in this view.`}
      data-testid="feelings-section"
    >
      <div className="space-y-4">
        <FeelingsSummary feelings={feelings} />
        <ChartDownload title={emotionalCurveTitle(mapName)} filterLine={filterLine} selector="[data-testid='emotional-curve']">
          <EmotionalCurve feelings={feelings} />
        </ChartDownload>
        <CurveLegend minFeelings={feelings.minFeelings} />
        <FeelingBars feelings={feelings} detailHref={detailHref} />
      </div>
    </Card>
  );
}

/** The sentence above the curve: where the journey feels worst and best, and how many gaps it has. */
export function FeelingsSummary({ feelings }: { feelings: JourneyFeelingsView }) {
  const lowest = feelings.lowest === null ? null : feelings.points[feelings.lowest]!;
  const highest = feelings.highest === null ? null : feelings.points[feelings.highest]!;
  const gaps = feelings.points.filter((point) => !point.enough).length;
  return lowest ? (
    <p className="text-sm" data-testid="feelings-summary">
      The journey feels worst at <strong>{lowest.name}</strong> ({lowest.stageName} · {lowest.channelName}, net{" "}
      {formatSigned(lowest.netFeeling)})
      {highest && highest !== lowest && (
        <>
          {" "}
          and best at <strong>{highest.name}</strong> (net {formatSigned(highest.netFeeling)})
        </>
      )}
      .
      {gaps > 0 &&
        ` ${plural(gaps, "touchpoint")} ${gaps === 1 ? "has" : "have"} fewer than ${feelings.minFeelings} feelings recorded: ${gaps === 1 ? "a gap" : "gaps"} in the curve.`}
    </p>
  ) : (
    <p className="text-sm" data-testid="feelings-summary">
      No touchpoint has {feelings.minFeelings} feelings recorded in this view yet, so the curve has no point. Widen the period or the
      filter.
    </p>
  );
}

export const emotionalCurveTitle = (mapName: string) => `Emotional curve: ${mapName}`;

/**
 * The emotional curve of `feelings`. At its own size it scrolls sideways on a narrow screen.
 * `fitWidth` (the printed report) lays it out at most that wide, touchpoints closer together,
 * and scales it to its container, so that no touchpoint is cut off at the edge of the paper.
 */
export function EmotionalCurve({ feelings, fitWidth }: { feelings: JourneyFeelingsView; fitWidth?: number }) {
  const lowestId = feelings.lowest === null ? null : feelings.points[feelings.lowest]!.id;
  return (
    <EmotionalCurveDrawing
      layout={curveLayout(feelings.points, { fitWidth })}
      lowestId={lowestId}
      minFeelings={feelings.minFeelings}
      fit={fitWidth !== undefined}
    />
  );
}

function EmotionalCurveDrawing({
  layout,
  lowestId,
  minFeelings,
  fit,
}: {
  layout: CurveLayout;
  lowestId: string | null;
  minFeelings: number;
  fit: boolean;
}) {
  const { plot, yOf } = layout;
  const lowest = layout.marks.find((mark) => mark.id === lowestId);
  // A gap sits at the foot of the plot, away from the scale, so it is not read as a net feeling of 0.
  const gapY = plot.bottom - 10;
  const svg = (
    <svg
      role="img"
      aria-label="Emotional curve: net feeling of each touchpoint in journey order; the table below lists the same values."
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      width={layout.width}
      height={layout.height}
      className={fit ? "h-auto w-full" : "max-w-none"}
      data-testid="emotional-curve"
    >
      {layout.stages.map((stage, index) => (
        <g key={stage.id}>
          <rect
            x={stage.x0}
            y={plot.top}
            width={stage.x1 - stage.x0}
            height={plot.bottom - plot.top}
            fill={index % 2 === 0 ? "var(--color-surface-muted)" : "var(--color-surface)"}
          />
          <text x={stage.x0 + 4} y={plot.top - 8} fontSize={12} fontWeight={600} fill="var(--color-fg)">
            {shorten(stage.name)}
          </text>
        </g>
      ))}
      {[100, 50, 0, -50, -100].map((tick) => (
        <g key={tick}>
          <line
            x1={plot.left}
            x2={plot.right}
            y1={yOf(tick)}
            y2={yOf(tick)}
            stroke={tick === 0 ? "var(--color-fg-muted)" : "var(--color-border)"}
            strokeDasharray={tick === 0 ? undefined : "2 4"}
          />
          <text x={plot.left - 6} y={yOf(tick) + 4} fontSize={11} textAnchor="end" fill="var(--color-fg-muted)">
            {tick > 0 ? `+${tick}` : tick < 0 ? `−${-tick}` : "0"}
          </text>
        </g>
      ))}
      {layout.segments.map((segment, index) => (
        <polyline
          key={index}
          points={segment.map((point) => `${point.x},${point.y}`).join(" ")}
          fill="none"
          stroke="var(--color-brand)"
          strokeWidth={2.5}
          strokeLinejoin="round"
        />
      ))}
      {layout.marks.map((mark) => {
        const title = `${mark.name} (${mark.stageName})${mark.momentOfTruth ? ", moment of truth" : ""}: ${
          mark.netFeeling === null ? `fewer than ${minFeelings} feelings recorded` : `net feeling ${formatSigned(mark.netFeeling)}`
        }`;
        return (
          <g key={mark.id} data-testid={mark.y === null ? "curve-gap" : "curve-point"} data-moment={mark.momentOfTruth ? "true" : undefined}>
            <title>{title}</title>
            {mark.y === null ? (
              <>
                <circle cx={mark.x} cy={gapY} r={6} fill="var(--color-surface)" stroke="var(--color-fg-muted)" strokeWidth={1.5} strokeDasharray="2 2" />
                <text x={mark.x} y={gapY - 11} fontSize={10} textAnchor="middle" fill="var(--color-fg-muted)">
                  too few
                </text>
                {mark.momentOfTruth && (
                  <rect x={mark.x + 8} y={gapY - 4} width={8} height={8} transform={`rotate(45 ${mark.x + 12} ${gapY})`} fill="var(--color-moment-of-truth)" />
                )}
              </>
            ) : mark.momentOfTruth ? (
              <rect
                x={mark.x - 6}
                y={mark.y - 6}
                width={12}
                height={12}
                transform={`rotate(45 ${mark.x} ${mark.y})`}
                fill="var(--color-moment-of-truth)"
                stroke="var(--color-fg)"
                strokeWidth={1}
              />
            ) : (
              <circle cx={mark.x} cy={mark.y} r={4.5} fill="var(--color-brand)" stroke="var(--color-surface)" strokeWidth={1} />
            )}
            <text
              x={mark.x}
              y={plot.bottom + 12}
              fontSize={11}
              textAnchor="end"
              transform={`rotate(-40 ${mark.x} ${plot.bottom + 12})`}
              fill={mark.y === null ? "var(--color-fg-muted)" : "var(--color-fg)"}
              fontWeight={mark.id === lowestId ? 700 : 400}
            >
              {shorten(mark.name)}
            </text>
          </g>
        );
      })}
      {lowest && lowest.y !== null && lowest.netFeeling !== null && (
        <text
          x={lowest.x}
          y={Math.min(plot.bottom - 4, lowest.y + 20)}
          fontSize={11}
          fontWeight={700}
          textAnchor={lowest.x > plot.right - 60 ? "end" : lowest.x < plot.left + 60 ? "start" : "middle"}
          fill="var(--color-fg)"
          data-testid="curve-lowest"
        >
          feels worst {formatSigned(lowest.netFeeling, 0)}
        </text>
      )}
    </svg>
  );
  if (fit) return svg;
  return (
    // On a narrow screen the curve scrolls sideways: the region takes keyboard focus so it can be scrolled without a pointer.
    <div className="overflow-x-auto" data-print="expand" role="region" aria-label="Emotional curve, scrolls sideways" tabIndex={0}>
      {svg}
    </div>
  );
}

export function CurveLegend({ minFeelings }: { minFeelings: number }) {
  return (
    <ul className="flex flex-wrap gap-x-6 gap-y-1 text-xs text-fg-muted" data-testid="curve-legend">
      <li className="flex items-center gap-2">
        <svg width="22" height="10" aria-hidden="true">
          <line x1="0" x2="22" y1="5" y2="5" stroke="var(--color-brand)" strokeWidth="2.5" />
        </svg>
        Net feeling, from −100 (all dislike or hate) to +100 (all like a lot or better)
      </li>
      <li className="flex items-center gap-2">
        <svg width="12" height="12" aria-hidden="true">
          <rect x="2" y="2" width="8" height="8" transform="rotate(45 6 6)" fill="var(--color-moment-of-truth)" />
        </svg>
        Moment of truth
      </li>
      <li className="flex items-center gap-2">
        <svg width="14" height="14" aria-hidden="true">
          <circle cx="7" cy="7" r="5" fill="none" stroke="var(--color-fg-muted)" strokeDasharray="2 2" />
        </svg>
        Fewer than {minFeelings} feelings recorded: too few to read, the line breaks
      </li>
    </ul>
  );
}

function FeelingBars({ feelings, detailHref }: { feelings: JourneyFeelingsView; detailHref: (touchpointId: string) => string }) {
  return (
    <div>
      <ul className="mb-2 flex flex-wrap gap-x-4 gap-y-1 text-xs" aria-label="Feeling states, worst to best">
        {FEELING_STATES.map((state) => (
          <li key={state} className="flex items-center gap-1.5">
            <span aria-hidden="true" className={`inline-block h-3 w-3 rounded-sm ${FEELING_CLASS[state]}`} />
            {FEELING_LABEL[state]}
          </li>
        ))}
      </ul>
      <Table caption="Feelings at each touchpoint in journey order" captionHidden>
        <THead>
          <Tr>
            <Th>Touchpoint</Th>
            <Th className="w-1/2">Feelings, worst to best</Th>
            <Th numeric>Net feeling</Th>
            <Th numeric>Recorded</Th>
          </Tr>
        </THead>
        <TBody>
          {feelings.points.map((point) => (
            <Tr key={point.id} data-testid="feeling-row">
              <Td>
                <Link href={detailHref(point.id)} className="font-medium underline-offset-2 hover:underline">
                  {point.name}
                </Link>
                <span className="block text-xs text-fg-muted">
                  {point.stageName} · {point.channelName}
                  {point.momentOfTruth && " · moment of truth"}
                </span>
              </Td>
              <Td>
                {point.distribution.total === 0 ? (
                  <span className="text-xs text-fg-muted">No feelings recorded</span>
                ) : (
                  <>
                    <span className="flex h-4 overflow-hidden rounded border border-border" aria-hidden="true">
                      {point.distribution.states.map((state) =>
                        state.count > 0 ? (
                          <span
                            key={state.state}
                            className={`block h-full ${FEELING_CLASS[state.state]}`}
                            style={{ width: `${(state.share ?? 0) * 100}%` }}
                          />
                        ) : null,
                      )}
                    </span>
                    <span className="sr-only">
                      {point.distribution.states.map((state) => `${FEELING_LABEL[state.state]} ${formatPercent(state.share)}`).join(", ")}
                    </span>
                  </>
                )}
              </Td>
              <Td numeric>
                {formatSigned(point.distribution.netFeeling)}
                {point.distribution.total > 0 && !point.enough && <span className="block text-xs text-fg-muted">too few</span>}
              </Td>
              <Td numeric>{point.distribution.total.toLocaleString("en")}</Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </div>
  );
}
