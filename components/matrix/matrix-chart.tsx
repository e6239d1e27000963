"use client";

import {
  CartesianGrid,
  ErrorBar,
  ReferenceArea,
  ReferenceLine,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { MatrixPoint } from "@/lib/types/analysis";
import type { Crosshair } from "@/lib/analysis/quadrant";
import {
  QUADRANT_COLOR,
  QUADRANT_LABEL,
  formatInterval,
  formatNumber,
  formatPercent,
  formatSigned,
} from "@/components/matrix/format";
import { MATRIX_CHART_HEIGHT } from "@/components/matrix/chart-placeholder";

export type MatrixViewMode = "matrix" | "diagonal";

type Datum = {
  id: string;
  x: number;
  y: number;
  xError: [number, number] | null;
  yError: [number, number] | null;
  radius: number;
  point: MatrixPoint;
};

const toIPrime = (importance: number) => ((importance - 1) / 4) * 100;
const toPPrime = (performance: number) => (performance + 100) / 2;

function toDatum(point: MatrixPoint, mode: MatrixViewMode): Datum | null {
  const I = point.importance.mean;
  const P = point.performance.value;
  if (I === null || P === null) return null;
  const { lower: iLow, upper: iHigh } = point.importance;
  const { lower: pLow, upper: pHigh } = point.performance;
  const x = mode === "matrix" ? P : toPPrime(P);
  const y = mode === "matrix" ? I : toIPrime(I);
  const scaleX = mode === "matrix" ? (v: number) => v : toPPrime;
  const scaleY = mode === "matrix" ? (v: number) => v : toIPrime;
  return {
    id: point.id,
    x,
    y,
    xError: pLow !== null && pHigh !== null ? [x - scaleX(pLow), scaleX(pHigh) - x] : null,
    yError: iLow !== null && iHigh !== null ? [y - scaleY(iLow), scaleY(iHigh) - y] : null,
    radius: 5 + 13 * Math.sqrt(point.reach ?? 0),
    point,
  };
}

function PointShape(props: { cx?: number; cy?: number; payload?: Datum; selectedId: string | null; onSelect: (id: string) => void }) {
  const { cx, cy, payload, selectedId, onSelect } = props;
  if (cx === undefined || cy === undefined || !payload) return <g />;
  const { point, radius } = payload;
  const colors = point.quadrant ? QUADRANT_COLOR[point.quadrant] : QUADRANT_COLOR.BACK_BURNER;
  const selected = selectedId === point.id;
  return (
    <g
      data-testid="matrix-point"
      data-touchpoint={point.name}
      style={{ cursor: "pointer" }}
      onClick={() => onSelect(point.id)}
    >
      {point.momentOfTruth && (
        <circle cx={cx} cy={cy} r={radius + 4} fill="none" stroke="var(--color-moment-of-truth)" strokeWidth={2} />
      )}
      <circle
        cx={cx}
        cy={cy}
        r={radius}
        fill={point.insufficient ? "var(--color-surface)" : colors.solid}
        fillOpacity={point.insufficient ? 1 : 0.85}
        stroke={selected ? "var(--color-fg)" : colors.fg}
        strokeWidth={selected ? 3 : point.insufficient ? 2 : 1.5}
        strokeDasharray={point.uncertain ? "3 2" : undefined}
      />
    </g>
  );
}

function TooltipBody({ active, payload }: { active?: boolean; payload?: readonly { payload?: unknown }[] }) {
  const datum = active ? (payload?.[0]?.payload as Datum | undefined) : undefined;
  if (!datum) return null;
  const p = datum.point;
  return (
    <div className="max-w-xs rounded-md border border-border bg-surface p-3 text-xs shadow-lg">
      <p className="text-sm font-semibold">{p.name}</p>
      <p className="text-fg-muted">
        {p.stageName} · {p.channelName}
        {p.momentOfTruth ? " · moment of truth" : ""}
      </p>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
        <dt>Quadrant</dt>
        <dd>
          {p.insufficient ? "Insufficient data" : p.quadrant ? QUADRANT_LABEL[p.quadrant] : "–"}
          {p.uncertain ? " (uncertain)" : ""}
        </dd>
        <dt>Importance</dt>
        <dd>
          {formatNumber(p.importance.mean, 2)} ({formatInterval(p.importance.lower, p.importance.upper, (v) => v.toFixed(2))})
        </dd>
        <dt>Performance</dt>
        <dd>
          {formatSigned(p.performance.value)} ({formatInterval(p.performance.lower, p.performance.upper, (v) => formatSigned(v))})
        </dd>
        <dt>Miss rate</dt>
        <dd>
          {formatPercent(p.missRate?.rate)} ({formatInterval(p.missRate?.lower, p.missRate?.upper, (v) => formatPercent(v))})
        </dd>
        <dt>Exceed rate</dt>
        <dd>{formatPercent(p.exceedRate?.rate)}</dd>
        <dt>Weighted pain</dt>
        <dd>{formatNumber(p.weightedPain)} per 100 interviews</dd>
        <dt>Reach</dt>
        <dd>{formatPercent(p.reach)}</dd>
        <dt>n</dt>
        <dd>
          {p.n} observations, {p.interviews} interviews
        </dd>
        <dt>Gap</dt>
        <dd>{formatSigned(p.gap)}</dd>
      </dl>
    </div>
  );
}

export function MatrixChart({
  points,
  crosshair,
  mode,
  errorBars,
  selectedId,
  onSelect,
}: {
  points: MatrixPoint[];
  crosshair: Crosshair;
  mode: MatrixViewMode;
  errorBars: boolean;
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const data = points.map((point) => toDatum(point, mode)).filter((datum): datum is Datum => datum !== null);
  const matrix = mode === "matrix";
  const cx = matrix ? crosshair.performance : toPPrime(crosshair.performance);
  const cy = matrix ? crosshair.importance : toIPrime(crosshair.importance);
  const [xMin, xMax, yMin, yMax] = matrix ? [-100, 100, 1, 5] : [0, 100, 0, 100];
  const areas = [
    { quadrant: "FIX_FIRST", x1: xMin, x2: cx, y1: cy, y2: yMax, position: "insideTopLeft" },
    { quadrant: "KEEP_UP", x1: cx, x2: xMax, y1: cy, y2: yMax, position: "insideTopRight" },
    { quadrant: "BACK_BURNER", x1: xMin, x2: cx, y1: yMin, y2: cy, position: "insideBottomLeft" },
    { quadrant: "OVERKILL", x1: cx, x2: xMax, y1: yMin, y2: cy, position: "insideBottomRight" },
  ] as const;

  return (
    <div
      role="img"
      aria-label={`${matrix ? "Importance against performance" : "Iso-priority view"} of ${data.length} touchpoints; the fix list beside it has every figure.`}
    >
      <ScatterChart responsive style={{ width: "100%", height: MATRIX_CHART_HEIGHT }} margin={{ top: 16, right: 24, bottom: 40, left: 16 }}>
        <CartesianGrid stroke="var(--color-border)" strokeDasharray="2 4" />
        {areas.map((area) => (
          <ReferenceArea
            key={area.quadrant}
            x1={area.x1}
            x2={area.x2}
            y1={area.y1}
            y2={area.y2}
            fill={QUADRANT_COLOR[area.quadrant].subtle}
            fillOpacity={0.55}
            stroke="none"
            ifOverflow="hidden"
            label={{ value: QUADRANT_LABEL[area.quadrant], position: area.position, fill: "var(--color-fg)", fontSize: 12, fontWeight: 600 }}
          />
        ))}
        {matrix ? (
          <>
            <ReferenceLine x={cx} stroke="var(--color-fg-muted)" strokeDasharray="4 3" />
            <ReferenceLine y={cy} stroke="var(--color-fg-muted)" strokeDasharray="4 3" />
          </>
        ) : (
          <ReferenceLine
            segment={[
              { x: 0, y: 0 },
              { x: 100, y: 100 },
            ]}
            stroke="var(--color-fg)"
            strokeWidth={1.5}
            label={{ value: "Above the line: importance outruns performance", position: "insideTopLeft", fontSize: 12 }}
          />
        )}
        <XAxis
          type="number"
          dataKey="x"
          domain={[xMin, xMax]}
          ticks={matrix ? [-100, -50, 0, 50, 100] : [0, 25, 50, 75, 100]}
          stroke="var(--color-fg-muted)"
          label={{
            value: matrix ? "Performance: % exceeded − % missed" : "Performance, rescaled 0-100",
            position: "bottom",
            offset: 16,
            fill: "var(--color-fg)",
          }}
        />
        <YAxis
          type="number"
          dataKey="y"
          domain={[yMin, yMax]}
          ticks={matrix ? [1, 2, 3, 4, 5] : [0, 25, 50, 75, 100]}
          stroke="var(--color-fg-muted)"
          label={{
            value: matrix ? "Importance (1-5)" : "Importance, rescaled 0-100",
            angle: -90,
            position: "insideLeft",
            fill: "var(--color-fg)",
          }}
        />
        <Tooltip content={(props) => <TooltipBody active={props.active} payload={props.payload as readonly { payload?: unknown }[] | undefined} />} cursor={false} />
        <Scatter
          data={data}
          isAnimationActive={false}
          shape={(props: unknown) => (
            <PointShape {...(props as { cx?: number; cy?: number; payload?: Datum })} selectedId={selectedId} onSelect={onSelect} />
          )}
        >
          {errorBars && <ErrorBar dataKey="xError" direction="x" stroke="var(--color-fg-muted)" width={4} />}
          {errorBars && <ErrorBar dataKey="yError" direction="y" stroke="var(--color-fg-muted)" width={4} />}
        </Scatter>
      </ScatterChart>
    </div>
  );
}
