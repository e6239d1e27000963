"use client";

import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import type { TrendPoint } from "@/lib/analysis/trend";
import { plural } from "@/lib/plural";
import { TREND_CHART_HEIGHT } from "@/components/matrix/chart-placeholder";
import { formatInterval, formatSigned } from "@/components/matrix/format";
import { trendChartData, type TrendDatum } from "@/components/matrix/trend-data";

function TrendTooltip({ active, payload, minSample }: { active?: boolean; payload?: readonly { payload?: unknown }[]; minSample: number }) {
  const week = active ? (payload?.[0]?.payload as TrendDatum | undefined) : undefined;
  if (!week) return null;
  return (
    <div className="rounded-md border border-border bg-surface p-2 text-xs shadow-lg">
      <p className="font-semibold">Week of {week.bucketStart}</p>
      <p>
        Performance {formatSigned(week.performance)} ({formatInterval(week.lower, week.upper, (v) => formatSigned(v))})
      </p>
      <p>{plural(week.n, "observation")}</p>
      {week.tooFew !== null && <p className="text-fg-muted">Fewer than {minSample}: too few to read, left off the line.</p>}
    </div>
  );
}

/**
 * Performance by week: the line and its 95% interval band over the weeks with at least the
 * map's minimum sample; weeks with fewer are hollow grey points off the line.
 */
export function TrendChart({ points, minSample }: { points: TrendPoint[]; minSample: number }) {
  const data = trendChartData(points, minSample);
  return (
    <div role="img" aria-label="Performance by week; the table below lists the same values.">
      <ComposedChart responsive style={{ width: "100%", height: TREND_CHART_HEIGHT }} data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid stroke="var(--color-border)" strokeDasharray="2 4" />
        <XAxis dataKey="bucketStart" stroke="var(--color-fg-muted)" fontSize={12} />
        <YAxis domain={[-100, 100]} ticks={[-100, -50, 0, 50, 100]} stroke="var(--color-fg-muted)" fontSize={12} />
        <ReferenceLine y={0} stroke="var(--color-fg-muted)" />
        <Area dataKey="band" stroke="none" fill="var(--color-brand)" fillOpacity={0.15} isAnimationActive={false} connectNulls activeDot={false} />
        <Line
          dataKey="sure"
          stroke="var(--color-brand)"
          strokeWidth={2}
          dot={{ r: 3, fill: "var(--color-brand)" }}
          isAnimationActive={false}
          connectNulls
        />
        <Line
          dataKey="tooFew"
          stroke="none"
          dot={{ r: 4, fill: "var(--color-surface)", stroke: "var(--color-fg-muted)", strokeWidth: 1.5 }}
          activeDot={{ r: 5, fill: "var(--color-surface)", stroke: "var(--color-fg-muted)" }}
          isAnimationActive={false}
          legendType="none"
        />
        <Tooltip content={(props) => <TrendTooltip active={props.active} payload={props.payload as readonly { payload?: unknown }[] | undefined} minSample={minSample} />} />
      </ComposedChart>
    </div>
  );
}
