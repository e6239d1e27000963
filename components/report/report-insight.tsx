import type { ReactNode } from "react";
import type { MatrixPoint } from "@/lib/types/analysis";
import type { ChangeAlertReport, StageConsistencyView } from "@/lib/types/insight";
import type { JourneyFeelingsView, Trends } from "@/lib/types/analysis-journey";
import { plural } from "@/lib/plural";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { ChartDownload } from "@/components/charts/chart-download";
import { AsymmetryChart, asymmetryChartTitle } from "@/components/insight/asymmetry-chart";
import { consistencySentence } from "@/components/insight/consistency-table";
import { CHANGE_LABEL, formatDay, formatP } from "@/components/insight/format";
import { CurveLegend, EmotionalCurve, FeelingsSummary, emotionalCurveTitle } from "@/components/journey/feelings-section";
import { LazyTrendChart } from "@/components/matrix/lazy-trend-chart";
import { formatPercent, formatSigned } from "@/components/matrix/format";
import { trendChartTitle } from "@/components/trends/trends-view";

// The report's sections drawn from the analysis views: the same figures and charts, without the
// controls, each chart at a width that fits an A4 page and never split across pages.

/** The width a chart is drawn at: the report's column (680px, within an A4 page) less its frame. */
const CHART_INNER_WIDTH = 660;

/** A chart of the report: fits an A4 page, kept on one page, savable as PNG or SVG. */
function ReportChart({ testId, title, filterLine, selector, children }: { testId: string; title: string; filterLine: string; selector: string; children: ReactNode }) {
  return (
    <div className="report-chart w-full max-w-[680px]" data-testid={testId}>
      <ChartDownload title={title} filterLine={filterLine} selector={selector}>
        <div className="rounded-lg border border-border bg-surface p-2">{children}</div>
      </ChartDownload>
    </div>
  );
}

function PointTable({ caption, points, empty, testId }: { caption: string; points: MatrixPoint[]; empty: string; testId: string }) {
  if (points.length === 0) return <p className="text-sm">{empty}</p>;
  return (
    <Table caption={caption} captionHidden>
      <THead>
        <Tr>
          <Th>Touchpoint</Th>
          <Th numeric>Performance</Th>
          <Th numeric>Penalty</Th>
          <Th numeric>Reward</Th>
          <Th numeric>Impact asymmetry</Th>
        </Tr>
      </THead>
      <TBody>
        {points.map((point) => (
          <Tr key={point.id} data-testid={testId}>
            <Td>
              <span className="font-medium">{point.name}</span>
              <span className="block text-xs text-fg-muted">
                {point.stageName} · {point.channelName}
              </span>
            </Td>
            <Td numeric>{formatSigned(point.performance.value)}</Td>
            <Td numeric>{formatSigned(point.asymmetry.penalty, 2)}</Td>
            <Td numeric>{formatSigned(point.asymmetry.reward, 2)}</Td>
            <Td numeric>{formatSigned(point.asymmetry.ia, 2)}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

/** Failing basics and working delighters, with the chart they are read from. */
export function ReportBasics({
  mapName,
  filterLine,
  points,
  failing,
  working,
  theta,
  crosshairPerformance,
  detailHref,
}: {
  mapName: string;
  filterLine: string;
  points: MatrixPoint[];
  failing: MatrixPoint[];
  working: MatrixPoint[];
  theta: number;
  crosshairPerformance: number;
  detailHref: (id: string) => string;
}) {
  return (
    <>
      <p className="text-sm">
        A basic is taken for granted: missing it costs more goodwill than exceeding it earns. A delighter is the reverse. Beyond an impact
        asymmetry of ±{theta} a touchpoint is one or the other; failing means performing below the crosshair ({formatSigned(crosshairPerformance)}).
      </p>
      <h3 className="report-heading text-base font-semibold">Basics that are failing</h3>
      <PointTable caption="Basics that are failing, worst first" points={failing} empty="No basic performs below the crosshair in this view." testId="report-basic-row" />
      <h3 className="report-heading text-base font-semibold">Delighters that work</h3>
      <PointTable
        caption="Delighters that work"
        points={working}
        empty="No delighter performs at or above the crosshair in this view."
        testId="report-delighter-row"
      />
      <ReportChart testId="report-asymmetry" title={asymmetryChartTitle(mapName)} filterLine={filterLine} selector="[data-testid='asymmetry-chart'] svg">
        <AsymmetryChart points={points} theta={theta} crosshairPerformance={crosshairPerformance} detailHref={detailHref} />
      </ReportChart>
      <p className="text-xs text-fg-muted">
        Impact asymmetry across (−1: only missing matters, +1: only exceeding matters), performance up; the dashed line is the performance
        crosshair. Unclassified touchpoints, too few interviews with an overall feeling, are not drawn.
      </p>
    </>
  );
}

/** The touchpoints whose miss rate changed clearly in the last 28 days of the report's period. */
export function ReportChanges({ changes }: { changes: ChangeAlertReport }) {
  const { latest, previous } = changes.windows;
  return (
    <>
      <p className="text-sm">
        Miss rate from {formatDay(latest.start)} to {formatDay(latest.end)} against {formatDay(previous.start)} to {formatDay(previous.end)};
        listed when it changed by at least 5 points and the change is significant (p &lt; 0.05).
      </p>
      {changes.alerts.length === 0 ? (
        <p className="text-sm" data-testid="report-no-changes">
          No touchpoint&apos;s miss rate changed clearly.
        </p>
      ) : (
        <Table caption="Touchpoints whose miss rate changed" captionHidden>
          <THead>
            <Tr>
              <Th>Change</Th>
              <Th>Touchpoint</Th>
              <Th numeric>Missed, latest 28 days</Th>
              <Th numeric>Missed, 28 days before</Th>
              <Th numeric>Points</Th>
              <Th numeric>p</Th>
            </Tr>
          </THead>
          <TBody>
            {changes.alerts.map((alert) => (
              <Tr key={alert.touchpointId} data-testid="report-change-row">
                <Td>
                  <Badge tone={alert.status === "WORSENED" ? "missed" : "exceeded"}>{CHANGE_LABEL[alert.status]}</Badge>
                </Td>
                <Td>
                  <span className="font-medium">{alert.name}</span>
                  <span className="block text-xs text-fg-muted">
                    {alert.stageName} · {alert.channelName}
                  </span>
                </Td>
                <Td numeric>
                  {formatPercent(alert.latestRate)} of {alert.latest.n.toLocaleString("en")}
                </Td>
                <Td numeric>
                  {formatPercent(alert.previousRate)} of {alert.previous.n.toLocaleString("en")}
                </Td>
                <Td numeric>{formatSigned(alert.delta, 0)}</Td>
                <Td numeric>{formatP(alert.p)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}

/** Stages whose channels perform more than the map's threshold apart. */
export function ReportConsistency({ stages, threshold }: { stages: StageConsistencyView[]; threshold: number }) {
  const flagged = stages.filter((stage) => stage.flagged);
  return (
    <>
      <p className="text-sm">
        Stages where one channel&apos;s performance is more than {threshold} points behind another&apos;s (channels with too few observations
        take no part).
      </p>
      {flagged.length === 0 ? (
        <p className="text-sm" data-testid="report-consistent">
          Every stage performs alike across its channels.
        </p>
      ) : (
        <ul className="list-disc space-y-1 pl-5 text-sm">
          {flagged.map((stage) => (
            <li key={stage.stageId} data-testid="report-inconsistent-stage">
              <span className="font-medium">{stage.stageName}</span>: {consistencySentence(stage)}.
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The map-wide performance and miss rate per week, under the report's filter. */
export function ReportTrends({ mapName, filterLine, trends, minSample }: { mapName: string; filterLine: string; trends: Trends; minSample: number }) {
  const weeks = trends.map.filter((point) => point.n > 0).length;
  return (
    <>
      <p className="text-sm">
        All touchpoints in this view together, per week ({plural(weeks, "week")} with observations). The line and its shaded 95% interval
        cover the weeks with at least {plural(minSample, "observation")}; a hollow grey point is a week with fewer.
      </p>
      {(["performance", "missRate"] as const).map((metric) => (
        <ReportChart
          key={metric}
          testId={`report-trend-${metric}`}
          title={trendChartTitle(metric, "week", mapName)}
          filterLine={filterLine}
          selector="svg.recharts-surface"
        >
          <p className="px-1 text-sm font-semibold">{metric === "performance" ? "Performance (% exceeded − % missed)" : "Miss rate (share of expectations missed)"}</p>
          <LazyTrendChart points={trends.map} minSample={minSample} metric={metric} bucket="week" />
        </ReportChart>
      ))}
    </>
  );
}

/** The emotional curve, scaled to the page. */
export function ReportFeelings({ mapName, filterLine, feelings }: { mapName: string; filterLine: string; feelings: JourneyFeelingsView }) {
  // The section is short: printed on one page, its sentences stay with the curve they describe.
  return (
    <div className="space-y-3" data-print="keep">
      <p className="text-sm">
        Net feeling (% like a lot, love or in love minus % dislike or hate) of each touchpoint in journey order, over the{" "}
        {plural(feelings.recorded, "observation")} with a feeling recorded.
      </p>
      <FeelingsSummary feelings={feelings} />
      <ReportChart testId="report-emotional-curve" title={emotionalCurveTitle(mapName)} filterLine={filterLine} selector="[data-testid='emotional-curve']">
        <EmotionalCurve feelings={feelings} fitWidth={CHART_INNER_WIDTH} />
      </ReportChart>
      <CurveLegend minFeelings={feelings.minFeelings} />
    </div>
  );
}
