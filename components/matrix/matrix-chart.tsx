"use client";

import { useEffect, useLayoutEffect, useMemo, useRef, useState, type MouseEvent } from "react";
import { useRouter } from "next/navigation";
import type { MatrixPoint } from "@/lib/types/analysis";
import type { Crosshair, Quadrant } from "@/lib/analysis/quadrant";
import { plural } from "@/lib/plural";
import {
  fitDomain,
  linearScale,
  nearestPoint,
  placeCaption,
  placeLabels,
  spreadPoints,
  type Box,
  type Domain,
  type DrawnPoint,
  type PlacedLabel,
} from "@/components/matrix/chart-layout";
import {
  QUADRANT_COLOR,
  QUADRANT_LABEL,
  formatInterval,
  formatNumber,
  formatPercent,
  formatSigned,
} from "@/components/matrix/format";

export type MatrixViewMode = "matrix" | "diagonal";

/** How many of the fix list's first touchpoints are always labelled (with every "Concentrate here" one). */
export const LABELLED_TOP = 5;

const MARGIN = { top: 10, right: 14, bottom: 46, left: 60 };
const LABEL_FONT = "600 12px";
const LABEL_HEIGHT = 15;
const CAPTION_FONT = "700 12px";
const MIN_DISTANCE = 12;

const toIPrime = (importance: number) => ((importance - 1) / 4) * 100;
const toPPrime = (performance: number) => (performance + 100) / 2;
const radiusOf = (reach: number | null) => 3.5 + 9.5 * Math.sqrt(reach ?? 0);

type Placed = DrawnPoint & {
  point: MatrixPoint;
  rank: number;
  xError: [number, number] | null;
  yError: [number, number] | null;
};

type Caption = { text: string; box: Box; anchor: "start" | "end"; colour: string };

type Layout = {
  plot: Box;
  xDomain: Domain;
  yDomain: Domain;
  sx: (value: number) => number;
  sy: (value: number) => number;
  placed: Placed[];
  labels: PlacedLabel[];
  captions: Caption[];
  crosshair: { x: number; y: number } | null;
};

// Text widths from the page's own font, measured with a canvas (no layout pass) once per text.
const widthCache = new Map<string, number>();
let measuringContext: CanvasRenderingContext2D | null | undefined;
function measureText(text: string, font: string, family: string): number {
  const key = `${font}|${family}|${text}`;
  const known = widthCache.get(key);
  if (known !== undefined) return known;
  if (measuringContext === undefined) measuringContext = document.createElement("canvas").getContext("2d");
  let width = text.length * 7;
  if (measuringContext) {
    measuringContext.font = `${font} ${family}`;
    width = measuringContext.measureText(text).width;
  }
  widthCache.set(key, width);
  return width;
}

function computeLayout({
  points,
  rankedIds,
  crosshair,
  mode,
  errorBars,
  fullScale,
  allLabels,
  selectedId,
  width,
  height,
  textWidth,
}: {
  points: MatrixPoint[];
  rankedIds: string[];
  crosshair: Crosshair;
  mode: MatrixViewMode;
  errorBars: boolean;
  fullScale: boolean;
  allLabels: boolean;
  selectedId: string | null;
  width: number;
  height: number;
  textWidth: (text: string, font: string) => number;
}): Layout {
  const matrix = mode === "matrix";
  const plotted = points.filter((point) => point.importance.mean !== null && point.performance.value !== null);
  const fx = (p: number) => (matrix ? p : toPPrime(p));
  const fy = (i: number) => (matrix ? i : toIPrime(i));
  const xs = plotted.map((point) => fx(point.performance.value!));
  const ys = plotted.map((point) => fy(point.importance.mean!));
  if (errorBars) {
    for (const point of plotted) {
      if (point.performance.lower !== null && point.performance.upper !== null) xs.push(fx(point.performance.lower), fx(point.performance.upper));
      if (point.importance.lower !== null && point.importance.upper !== null) ys.push(fy(point.importance.lower), fy(point.importance.upper));
    }
  }
  let xDomain: Domain;
  let yDomain: Domain;
  if (matrix) {
    xDomain = fullScale ? fitDomain([], [], { bounds: [-100, 100], step: 10, margin: 0 }) : fitDomain(xs, [crosshair.performance], { bounds: [-100, 100], step: 10, margin: 8 });
    yDomain = fullScale ? fitDomain([], [], { bounds: [1, 5], step: 0.5, margin: 0 }) : fitDomain(ys, [crosshair.importance], { bounds: [1, 5], step: 0.25, margin: 0.15 });
  } else {
    // One range for both axes, so the line of equal importance and performance runs corner to corner.
    const both = fullScale ? fitDomain([], [], { bounds: [0, 100], step: 10, margin: 0 }) : fitDomain([...xs, ...ys], [], { bounds: [0, 100], step: 5, margin: 4 });
    xDomain = both;
    yDomain = both;
  }
  const plot = { x: MARGIN.left, y: MARGIN.top, width: Math.max(80, width - MARGIN.left - MARGIN.right), height: Math.max(80, height - MARGIN.top - MARGIN.bottom) };
  const sx = linearScale([xDomain.min, xDomain.max], [plot.x, plot.x + plot.width]);
  const sy = linearScale([yDomain.min, yDomain.max], [plot.y + plot.height, plot.y]);

  const rank = new Map(rankedIds.map((id, index) => [id, index + 1]));
  const byRank = [...plotted].sort((a, b) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity));
  const spread = spreadPoints(
    byRank.map((point) => ({ id: point.id, x: sx(fx(point.performance.value!)), y: sy(fy(point.importance.mean!)), r: radiusOf(point.reach) })),
    { minDistance: MIN_DISTANCE, bounds: plot },
  );
  const placed: Placed[] = spread.map((drawn, index) => {
    const point = byRank[index]!;
    const { lower: pLow, upper: pHigh } = point.performance;
    const { lower: iLow, upper: iHigh } = point.importance;
    return {
      ...drawn,
      point,
      rank: rank.get(point.id) ?? 0,
      xError: pLow !== null && pHigh !== null ? [sx(fx(pLow)), sx(fx(pHigh))] : null,
      yError: iLow !== null && iHigh !== null ? [sy(fy(iLow)), sy(fy(iHigh))] : null,
    };
  });

  // Each caption starts in its corner and slides along the plot's edges, within its own region
  // (quadrant, or side of the diagonal), to the first place clear of every drawn point.
  const discs = placed.map((p) => ({ x: p.drawnX, y: p.drawnY, r: p.r }));
  const taken: Box[] = [];
  const right = plot.x + plot.width;
  const bottom = plot.y + plot.height;
  const crossX = matrix ? sx(crosshair.performance) : 0;
  const crossY = matrix ? sy(crosshair.importance) : 0;
  const aboveLine = (x: number, y: number) => y < bottom - ((x - plot.x) * plot.height) / plot.width;
  const caption = (text: string, corner: "tl" | "tr" | "bl" | "br", colour: string, region: (box: Box) => boolean): Caption => {
    const w = textWidth(text, CAPTION_FONT);
    const left = corner === "tl" || corner === "bl";
    const top = corner === "tl" || corner === "tr";
    const candidates: Box[] = [];
    for (let along = 0; along < 12; along++)
      for (const direction of ["x", "y"] as const) {
        if (along === 0 && direction === "y") continue;
        const dx = direction === "x" ? along * 20 : 0;
        const dy = direction === "y" ? along * 16 : 0;
        const x = left ? plot.x + 6 + dx : right - 6 - w - dx;
        const y = top ? plot.y + 4 + dy : bottom - 4 - LABEL_HEIGHT - dy;
        const box = { x, y, width: w, height: LABEL_HEIGHT };
        if (region(box)) candidates.push(box);
      }
    const first = { x: left ? plot.x + 6 : right - 6 - w, y: top ? plot.y + 4 : bottom - 4 - LABEL_HEIGHT, width: w, height: LABEL_HEIGHT };
    const box = candidates.length > 0 ? placeCaption(candidates, discs, taken) : first;
    taken.push(box);
    return { text, box, anchor: left ? "start" : "end", colour };
  };
  const inQuadrant = (left: boolean, top: boolean) => (box: Box) =>
    (left ? box.x + box.width <= crossX - 2 : box.x >= crossX + 2) && (top ? box.y + box.height <= crossY - 2 : box.y >= crossY + 2);
  const captions = matrix
    ? [
        caption(QUADRANT_LABEL.FIX_FIRST, "tl", "var(--color-fix-first-fg)", inQuadrant(true, true)),
        caption(QUADRANT_LABEL.KEEP_UP, "tr", "var(--color-keep-up-fg)", inQuadrant(false, true)),
        caption(QUADRANT_LABEL.BACK_BURNER, "bl", "var(--color-back-burner-fg)", inQuadrant(true, false)),
        caption(QUADRANT_LABEL.OVERKILL, "br", "var(--color-overkill-fg)", inQuadrant(false, false)),
      ]
    : [
        caption("Importance outruns performance", "tl", "var(--color-fix-first-fg)", (box) => aboveLine(box.x + box.width, box.y + box.height)),
        caption("Performance outruns importance", "br", "var(--color-keep-up-fg)", (box) => !aboveLine(box.x, box.y)),
      ];

  const keyIds = new Set(
    allLabels
      ? placed.map((p) => p.id)
      : placed.filter((p) => p.rank <= LABELLED_TOP || (p.point.quadrant === "FIX_FIRST" && !p.point.insufficient)).map((p) => p.id),
  );
  const requests = placed.filter((p) => keyIds.has(p.id));
  const selected = placed.find((p) => p.id === selectedId && !keyIds.has(p.id));
  if (selected) requests.push(selected);
  const labels = placeLabels(
    requests.map((p) => ({ id: p.id, x: p.drawnX, y: p.drawnY, r: p.r, width: textWidth(p.point.name, LABEL_FONT) + 4, height: LABEL_HEIGHT })),
    { bounds: plot, points: placed.map((p) => ({ x: p.drawnX, y: p.drawnY, r: p.r })), obstacles: captions.map((c) => c.box) },
  );

  return {
    plot,
    xDomain,
    yDomain,
    sx,
    sy,
    placed,
    labels,
    captions,
    crosshair: matrix ? { x: sx(crosshair.performance), y: sy(crosshair.importance) } : null,
  };
}

function describePoint(p: MatrixPoint, rank: number): string {
  const where = p.insufficient ? "insufficient data" : p.quadrant ? QUADRANT_LABEL[p.quadrant] + (p.uncertain ? ", uncertain" : "") : "";
  return `${p.name}: ${where}; number ${rank} in the fix list; importance ${formatNumber(p.importance.mean, 2)}, performance ${formatSigned(
    p.performance.value,
  )}. Open its details.`;
}

function TooltipBody({ point: p, rank }: { point: MatrixPoint; rank: number }) {
  return (
    <>
      <p className="text-sm font-semibold">{p.name}</p>
      <p className="text-fg-muted">
        {p.stageName} · {p.channelName}
        {p.momentOfTruth ? " · moment of truth" : ""}
      </p>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
        <dt>Fix list</dt>
        <dd>#{rank}</dd>
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
        <dt>Weighted pain</dt>
        <dd>{formatNumber(p.weightedPain)} per 100 interviews</dd>
        <dt>Reach</dt>
        <dd>{formatPercent(p.reach)}</dd>
        <dt>n</dt>
        <dd>
          {plural(p.n, "observation")}, {plural(p.interviews, "interview")}
        </dd>
        <dt>Gap</dt>
        <dd>{formatSigned(p.gap)}</dd>
      </dl>
      <p className="mt-2 text-fg-muted">Click for the details.</p>
    </>
  );
}

const tickText = (value: number, matrix: boolean, axis: "x" | "y") =>
  matrix && axis === "x" ? formatSigned(value, 0) : Number.isInteger(value) ? String(value) : value.toFixed(value * 4 === Math.round(value * 4) && value * 2 !== Math.round(value * 2) ? 2 : 1);

/**
 * The priority matrix (or its iso-priority view) as one SVG: axes fitted to the data, every
 * point reachable by mouse (the nearest drawn point answers) and by keyboard (each is a link
 * to its drill-down), the key touchpoints labelled.
 */
export function MatrixChart({
  points,
  rankedIds,
  crosshair,
  mode,
  errorBars,
  fullScale,
  allLabels,
  selectedId,
  onSelect,
  detailHref,
  height,
}: {
  points: MatrixPoint[];
  /** Touchpoint ids in fix-list order: the first are labelled first. */
  rankedIds: string[];
  crosshair: Crosshair;
  mode: MatrixViewMode;
  errorBars: boolean;
  fullScale: boolean;
  allLabels: boolean;
  selectedId: string | null;
  onSelect: (id: string) => void;
  detailHref: (id: string) => string;
  height: number;
}) {
  const router = useRouter();
  const container = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<{ width: number; family: string } | null>(null);
  const [hoverId, setHoverId] = useState<string | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);

  useLayoutEffect(() => {
    const element = container.current;
    if (!element) return;
    const family = getComputedStyle(element).fontFamily;
    const update = () => setSize((current) => (current?.width === element.clientWidth ? current : { width: element.clientWidth, family }));
    update();
    const observer = new ResizeObserver(update);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const layout = useMemo(
    () =>
      size
        ? computeLayout({
            points,
            rankedIds,
            crosshair,
            mode,
            errorBars,
            fullScale,
            allLabels,
            selectedId,
            width: size.width,
            height,
            textWidth: (text, font) => measureText(text, font, size.family),
          })
        : null,
    [size, points, rankedIds, crosshair, mode, errorBars, fullScale, allLabels, selectedId, height],
  );

  // A leave event can go unheard (the plot drawn anew under the pointer, a busy main thread), so
  // while a point is hovered, any pointer movement outside the chart also ends the hover.
  useEffect(() => {
    if (!hoverId) return;
    const leaveIfOutside = (event: PointerEvent) => {
      const element = container.current;
      if (element && !(event.target instanceof Node && element.contains(event.target))) setHoverId(null);
    };
    window.addEventListener("pointermove", leaveIfOutside, { passive: true });
    return () => window.removeEventListener("pointermove", leaveIfOutside);
  }, [hoverId]);

  const matrix = mode === "matrix";
  const activeId = hoverId ?? focusId;

  function pointAt(event: MouseEvent<SVGSVGElement>): string | null {
    if (!layout) return null;
    const bounds = event.currentTarget.getBoundingClientRect();
    return nearestPoint(layout.placed, event.clientX - bounds.left, event.clientY - bounds.top);
  }
  function open(id: string) {
    onSelect(id);
    router.push(detailHref(id));
  }

  const label = `${matrix ? "Importance against performance" : "Iso-priority view"} of ${plural(layout?.placed.length ?? 0, "touchpoint")}; each point is a link to its details, and the fix list has every figure.`;

  return (
    // Leaving is also heard here, on an element that lives as long as the chart: the plot's svg
    // can be drawn anew under a still pointer (a resize), and the new one never hears it leave.
    <div ref={container} className="relative" style={{ height }} data-testid="matrix-chart" onMouseLeave={() => setHoverId(null)}>
      {layout && size && (
        <Plot
          layout={layout}
          width={size.width}
          height={height}
          matrix={matrix}
          errorBars={errorBars}
          selectedId={selectedId}
          activeId={activeId}
          focusId={focusId}
          label={label}
          detailHref={detailHref}
          onMouseMove={(event) => setHoverId(pointAt(event))}
          onMouseLeave={() => setHoverId(null)}
          onClick={(event) => {
            const id = pointAt(event);
            if (id) open(id);
          }}
          onPointFocus={(id) => {
            setFocusId(id);
            onSelect(id);
          }}
          onPointBlur={() => setFocusId(null)}
          onPointOpen={open}
        />
      )}
      {layout && size && activeId && <Tooltip layout={layout} id={activeId} width={size.width} height={height} />}
    </div>
  );
}

function Tooltip({ layout, id, width, height }: { layout: Layout; id: string; width: number; height: number }) {
  const placed = layout.placed.find((p) => p.id === id);
  if (!placed) return null;
  const tooltipWidth = 272;
  const right = placed.drawnX + placed.r + 12;
  const left = right + tooltipWidth <= width ? right : Math.max(0, placed.drawnX - placed.r - 12 - tooltipWidth);
  const top = Math.max(0, Math.min(placed.drawnY - 40, height - 250));
  return (
    <div
      data-testid="matrix-tooltip"
      className="pointer-events-none absolute z-10 rounded-md border border-border bg-surface p-3 text-xs shadow-lg"
      style={{ left, top, width: tooltipWidth }}
    >
      <TooltipBody point={placed.point} rank={placed.rank} />
    </div>
  );
}

function Plot({
  layout,
  width,
  height,
  matrix,
  errorBars,
  selectedId,
  activeId,
  focusId,
  label,
  detailHref,
  onMouseMove,
  onMouseLeave,
  onClick,
  onPointFocus,
  onPointBlur,
  onPointOpen,
}: {
  layout: Layout;
  width: number;
  height: number;
  matrix: boolean;
  errorBars: boolean;
  selectedId: string | null;
  activeId: string | null;
  focusId: string | null;
  label: string;
  detailHref: (id: string) => string;
  onMouseMove: (event: MouseEvent<SVGSVGElement>) => void;
  onMouseLeave: () => void;
  onClick: (event: MouseEvent<SVGSVGElement>) => void;
  onPointFocus: (id: string) => void;
  onPointBlur: () => void;
  onPointOpen: (id: string) => void;
}) {
  const { plot, xDomain, yDomain, sx, sy, placed, labels, captions, crosshair } = layout;
  const right = plot.x + plot.width;
  const bottom = plot.y + plot.height;
  // Large points first, so small ones stay visible on top; the selected and the active point last of all.
  const drawOrder = [...placed].sort((a, b) => {
    const weight = (p: Placed) => (p.id === activeId ? 2 : p.id === selectedId ? 1 : 0);
    return weight(a) - weight(b) || b.r - a.r;
  });
  const byId = new Map(placed.map((p) => [p.id, p]));
  const focused = focusId ? byId.get(focusId) : undefined;

  return (
    <svg
      width={width}
      height={height}
      role="group"
      aria-label={label}
      className={activeId ? "cursor-pointer select-none" : "select-none"}
      onMouseMove={onMouseMove}
      onMouseLeave={onMouseLeave}
      onClick={onClick}
      data-testid="matrix-svg"
    >
      <defs>
        <clipPath id="matrix-plot-area">
          <rect x={plot.x} y={plot.y} width={plot.width} height={plot.height} />
        </clipPath>
      </defs>
      <g aria-hidden="true">
        {matrix && crosshair ? (
          (
            [
              ["FIX_FIRST", plot.x, plot.y, crosshair.x, crosshair.y],
              ["KEEP_UP", crosshair.x, plot.y, right, crosshair.y],
              ["BACK_BURNER", plot.x, crosshair.y, crosshair.x, bottom],
              ["OVERKILL", crosshair.x, crosshair.y, right, bottom],
            ] as [Quadrant, number, number, number, number][]
          ).map(([quadrant, x1, y1, x2, y2]) => (
            <rect key={quadrant} x={x1} y={y1} width={Math.max(0, x2 - x1)} height={Math.max(0, y2 - y1)} fill={QUADRANT_COLOR[quadrant].subtle} fillOpacity={0.5} />
          ))
        ) : (
          <>
            <polygon points={`${plot.x},${plot.y} ${right},${plot.y} ${plot.x},${bottom}`} fill="var(--color-fix-first-subtle)" fillOpacity={0.45} />
            <polygon points={`${right},${plot.y} ${right},${bottom} ${plot.x},${bottom}`} fill="var(--color-keep-up-subtle)" fillOpacity={0.35} />
          </>
        )}
        {xDomain.ticks.map((tick) => (
          <line key={`gx${tick}`} x1={sx(tick)} x2={sx(tick)} y1={plot.y} y2={bottom} stroke="var(--color-border)" strokeDasharray="2 4" />
        ))}
        {yDomain.ticks.map((tick) => (
          <line key={`gy${tick}`} x1={plot.x} x2={right} y1={sy(tick)} y2={sy(tick)} stroke="var(--color-border)" strokeDasharray="2 4" />
        ))}
        <rect x={plot.x} y={plot.y} width={plot.width} height={plot.height} fill="none" stroke="var(--color-border-strong)" />
        {crosshair ? (
          <>
            <line x1={crosshair.x} x2={crosshair.x} y1={plot.y} y2={bottom} stroke="var(--color-fg-muted)" strokeDasharray="5 3" strokeWidth={1.25} />
            <line x1={plot.x} x2={right} y1={crosshair.y} y2={crosshair.y} stroke="var(--color-fg-muted)" strokeDasharray="5 3" strokeWidth={1.25} />
          </>
        ) : (
          <line x1={plot.x} y1={bottom} x2={right} y2={plot.y} stroke="var(--color-fg)" strokeWidth={1.5} data-testid="iso-priority-line" />
        )}
        {captions.map((caption) => (
          <text
            key={caption.text}
            data-testid="matrix-caption"
            x={caption.anchor === "start" ? caption.box.x : caption.box.x + caption.box.width}
            y={caption.box.y + caption.box.height - 3}
            textAnchor={caption.anchor}
            fontSize={12}
            fontWeight={700}
            fill={caption.colour}
            stroke="var(--color-surface)"
            strokeWidth={3}
            paintOrder="stroke"
          >
            {caption.text}
          </text>
        ))}
        {xDomain.ticks.map((tick) => (
          <text key={`tx${tick}`} data-testid="x-tick" x={sx(tick)} y={bottom + 16} textAnchor="middle" fontSize={11} fill="var(--color-fg-muted)">
            {tickText(tick, matrix, "x")}
          </text>
        ))}
        {yDomain.ticks.map((tick) => (
          <text key={`ty${tick}`} data-testid="y-tick" x={plot.x - 6} y={sy(tick) + 4} textAnchor="end" fontSize={11} fill="var(--color-fg-muted)">
            {tickText(tick, matrix, "y")}
          </text>
        ))}
        <text data-testid="axis-title" x={plot.x + plot.width / 2} y={height - 8} textAnchor="middle" fontSize={12} fill="var(--color-fg)">
          {matrix ? "Performance: % exceeded − % missed" : "Performance, rescaled 0-100"}
        </text>
        <text
          data-testid="axis-title"
          transform={`translate(16 ${plot.y + plot.height / 2}) rotate(-90)`}
          textAnchor="middle"
          fontSize={12}
          fill="var(--color-fg)"
        >
          {matrix ? "Importance (1-5)" : "Importance, rescaled 0-100"}
        </text>

        <g clipPath="url(#matrix-plot-area)">
          {errorBars &&
            placed.map((p) => (
              <g key={`e${p.id}`} stroke="var(--color-fg-muted)" strokeWidth={1}>
                {p.xError && <line x1={p.xError[0]} x2={p.xError[1]} y1={p.y} y2={p.y} />}
                {p.yError && <line x1={p.x} x2={p.x} y1={p.yError[0]} y2={p.yError[1]} />}
              </g>
            ))}
          {placed
            .filter((p) => p.moved)
            .map((p) => (
              <g key={`m${p.id}`} data-testid="spread-leader">
                <line x1={p.x} y1={p.y} x2={p.drawnX} y2={p.drawnY} stroke="var(--color-fg)" strokeWidth={1} />
                <circle cx={p.x} cy={p.y} r={2.5} fill="var(--color-fg)" />
              </g>
            ))}
          {drawOrder.map((p) => (
            <PointMark key={p.id} placed={p} selected={p.id === selectedId} active={p.id === activeId} />
          ))}
        </g>
        {labels.map((placedLabel) => {
          const p = byId.get(placedLabel.id)!;
          const { box, leader } = placedLabel;
          return (
            <g key={`l${placedLabel.id}`} data-testid="matrix-label" data-touchpoint={p.point.name}>
              {leader && <line x1={leader.x1} y1={leader.y1} x2={leader.x2} y2={leader.y2} stroke="var(--color-fg-muted)" strokeWidth={1} />}
              <text
                x={box.x + 2}
                y={box.y + box.height - 3.5}
                fontSize={12}
                fontWeight={600}
                fill="var(--color-fg)"
                stroke="var(--color-surface)"
                strokeWidth={3}
                strokeOpacity={0.9}
                paintOrder="stroke"
              >
                {p.point.name}
              </text>
            </g>
          );
        })}
        {focused && (
          <circle cx={focused.drawnX} cy={focused.drawnY} r={focused.r + 5} fill="none" stroke="var(--color-focus)" strokeWidth={3} data-testid="matrix-focus-ring" />
        )}
      </g>
      {/* The keyboard's way in: one link per point in fix-list order, over the drawn points. */}
      <g>
        {placed.map((p) => (
          <a
            key={`a${p.id}`}
            href={detailHref(p.id)}
            aria-label={describePoint(p.point, p.rank)}
            className="outline-none"
            style={{ pointerEvents: "none" }}
            data-testid="matrix-point-link"
            onFocus={() => onPointFocus(p.id)}
            onBlur={onPointBlur}
            onClick={(event) => {
              event.preventDefault();
              event.stopPropagation();
              onPointOpen(p.id);
            }}
          >
            <circle cx={p.drawnX} cy={p.drawnY} r={p.r} fill="transparent" />
          </a>
        ))}
      </g>
    </svg>
  );
}

function PointMark({ placed: p, selected, active }: { placed: Placed; selected: boolean; active: boolean }) {
  const { point } = p;
  const colours = point.quadrant ? QUADRANT_COLOR[point.quadrant] : QUADRANT_COLOR.BACK_BURNER;
  return (
    <g
      data-testid="matrix-point"
      data-touchpoint={point.name}
      data-x={p.drawnX}
      data-y={p.drawnY}
      data-r={p.r}
      data-insufficient={point.insufficient ? "true" : "false"}
      data-moved={p.moved ? "true" : "false"}
    >
      {point.momentOfTruth && <circle cx={p.drawnX} cy={p.drawnY} r={p.r + 3.5} fill="none" stroke="var(--color-moment-of-truth)" strokeWidth={2} />}
      <circle
        cx={p.drawnX}
        cy={p.drawnY}
        r={p.r}
        fill={point.insufficient ? "var(--color-surface)" : colours.solid}
        fillOpacity={point.insufficient ? 1 : active || selected ? 0.95 : 0.8}
        stroke={selected || active ? "var(--color-fg)" : point.insufficient ? colours.fg : "var(--color-surface)"}
        strokeWidth={selected ? 3 : active ? 2.5 : point.insufficient ? 2 : 1.5}
      />
      {point.uncertain && !point.insufficient && !selected && !active && (
        <circle cx={p.drawnX} cy={p.drawnY} r={p.r} fill="none" stroke={colours.fg} strokeWidth={1.5} strokeDasharray="3 2" />
      )}
    </g>
  );
}
