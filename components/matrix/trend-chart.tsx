"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import type { TrendPoint } from "@/lib/analysis/trend";
import { TREND_CHART_HEIGHT } from "@/components/matrix/chart-placeholder";

/** Performance by week, with n in the tooltip. */
export function TrendChart({ points }: { points: TrendPoint[] }) {
  return (
    <div role="img" aria-label="Performance by week; the table below lists the same values.">
      <LineChart responsive style={{ width: "100%", height: TREND_CHART_HEIGHT }} data={points} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid stroke="var(--color-border)" strokeDasharray="2 4" />
        <XAxis dataKey="bucketStart" stroke="var(--color-fg-muted)" fontSize={12} />
        <YAxis domain={[-100, 100]} ticks={[-100, -50, 0, 50, 100]} stroke="var(--color-fg-muted)" fontSize={12} />
        <ReferenceLine y={0} stroke="var(--color-fg-muted)" />
        <Tooltip
          formatter={(value) => [typeof value === "number" ? value.toFixed(1) : String(value), "Performance"]}
          labelFormatter={(label) => `Week of ${String(label)}`}
        />
        <Line type="monotone" dataKey="performance" stroke="var(--color-brand)" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} connectNulls={false} />
      </LineChart>
    </div>
  );
}
