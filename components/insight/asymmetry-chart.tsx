import type { MatrixPoint } from "@/lib/types/analysis";
import { fitDomain, linearScale, placeLabels, spreadPoints, type Box } from "@/components/matrix/chart-layout";
import { formatSigned } from "@/components/matrix/format";
import { CLASS_COLOR, CLASS_LABEL } from "@/components/insight/format";

const WIDTH = 760;
const HEIGHT = 460;
const MARGIN = { top: 30, right: 16, bottom: 48, left: 60 };
const LABEL_HEIGHT = 15;
// Drawn on the server, so text is measured by a generous average width of the 12px label font:
// a label's box is never narrower than its text, so no two labels overlap.
const CHAR_WIDTH = 7.2;
/** The chart's title, as its saved image and the report carry it. */
export const asymmetryChartTitle = (mapName: string) => `Basics and delighters: ${mapName}`;

const radiusOf = (reach: number | null) => 3.5 + 9.5 * Math.sqrt(reach ?? 0);

/**
 * The asymmetric importance-performance grid: impact asymmetry (IA, -1 to +1) across, performance
 * up. Bands beyond -θ and +θ hold the basics and the delighters; the dashed line is the matrix's
 * performance crosshair. Points that would sit on one another are spread onto a ring (a line
 * joins each to its true place) and every label is placed clear of the others; one that fits
 * nowhere is left out (the table below the chart names every point). Unclassified touchpoints
 * have no IA and are not drawn.
 */
export function AsymmetryChart({
  points,
  theta,
  crosshairPerformance,
  detailHref,
}: {
  points: MatrixPoint[];
  theta: number;
  crosshairPerformance: number;
  detailHref: (id: string) => string;
}) {
  const classified = points.filter((point) => point.asymmetry.ia !== null && point.performance.value !== null);
  const plot: Box = { x: MARGIN.left, y: MARGIN.top, width: WIDTH - MARGIN.left - MARGIN.right, height: HEIGHT - MARGIN.top - MARGIN.bottom };
  const yDomain = fitDomain(
    classified.map((point) => point.performance.value!),
    [crosshairPerformance],
    { bounds: [-100, 100], step: 10, margin: 8 },
  );
  const sx = linearScale([-1, 1], [plot.x, plot.x + plot.width]);
  const sy = linearScale([yDomain.min, yDomain.max], [plot.y + plot.height, plot.y]);
  const drawn = spreadPoints(
    classified.map((point) => ({ id: point.id, x: sx(point.asymmetry.ia!), y: sy(point.performance.value!), r: radiusOf(point.reach) })),
    { minDistance: 12, bounds: plot },
  );
  const byId = new Map(classified.map((point) => [point.id, point]));
  // Labels of the worst performers first: they are the ones a reader looks for.
  const order = [...drawn].sort((a, b) => byId.get(a.id)!.performance.value! - byId.get(b.id)!.performance.value!);
  const labels = placeLabels(
    order.map((point) => ({
      id: point.id,
      x: point.drawnX,
      y: point.drawnY,
      r: point.r,
      width: byId.get(point.id)!.name.length * CHAR_WIDTH + 4,
      height: LABEL_HEIGHT,
    })),
    { bounds: plot, points: drawn.map((point) => ({ x: point.drawnX, y: point.drawnY, r: point.r })) },
  );
  const left = sx(-theta);
  const right = sx(theta);
  const crosshairY = sy(crosshairPerformance);
  const xTicks = [-1, -0.5, 0, 0.5, 1];

  return (
    <figure className="overflow-x-auto rounded-lg border border-border bg-surface p-2" data-testid="asymmetry-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="h-auto w-full min-w-[36rem]"
        role="group"
        aria-label={`Performance against impact asymmetry for ${classified.length} classified touchpoints`}
      >
        <rect x={plot.x} y={plot.y} width={left - plot.x} height={plot.height} fill="var(--color-missed-subtle)" />
        <rect x={right} y={plot.y} width={plot.x + plot.width - right} height={plot.height} fill="var(--color-exceeded-subtle)" />
        <rect x={plot.x} y={plot.y} width={plot.width} height={plot.height} fill="none" stroke="var(--color-border-strong)" />
        <text x={(plot.x + left) / 2} y={plot.y - 10} textAnchor="middle" className="fill-missed-fg text-[12px] font-bold">
          Basics
        </text>
        <text x={(left + right) / 2} y={plot.y - 10} textAnchor="middle" className="fill-met-fg text-[12px] font-bold">
          Performance factors
        </text>
        <text x={(right + plot.x + plot.width) / 2} y={plot.y - 10} textAnchor="middle" className="fill-exceeded-fg text-[12px] font-bold">
          Delighters
        </text>
        {yDomain.ticks.map((tick) => (
          <g key={`y${tick}`}>
            <line x1={plot.x - 4} x2={plot.x} y1={sy(tick)} y2={sy(tick)} stroke="var(--color-border-strong)" />
            <text x={plot.x - 8} y={sy(tick) + 4} textAnchor="end" className="fill-fg-muted text-[11px]">
              {formatSigned(tick, 0)}
            </text>
          </g>
        ))}
        {xTicks.map((tick) => (
          <g key={`x${tick}`}>
            <line x1={sx(tick)} x2={sx(tick)} y1={plot.y + plot.height} y2={plot.y + plot.height + 4} stroke="var(--color-border-strong)" />
            <text x={sx(tick)} y={plot.y + plot.height + 17} textAnchor="middle" className="fill-fg-muted text-[11px]">
              {formatSigned(tick, 1)}
            </text>
          </g>
        ))}
        <text x={plot.x + plot.width / 2} y={HEIGHT - 6} textAnchor="middle" className="fill-fg text-[12px]">
          Impact asymmetry (−1: only missing matters, +1: only exceeding matters)
        </text>
        <text transform={`translate(14 ${plot.y + plot.height / 2}) rotate(-90)`} textAnchor="middle" className="fill-fg text-[12px]">
          Performance (% exceeded − % missed)
        </text>
        <line x1={left} x2={left} y1={plot.y} y2={plot.y + plot.height} stroke="var(--color-border-strong)" strokeDasharray="2 3" />
        <line x1={right} x2={right} y1={plot.y} y2={plot.y + plot.height} stroke="var(--color-border-strong)" strokeDasharray="2 3" />
        <line
          x1={plot.x}
          x2={plot.x + plot.width}
          y1={crosshairY}
          y2={crosshairY}
          stroke="var(--color-fg-muted)"
          strokeDasharray="6 4"
          data-testid="asymmetry-crosshair"
        />
        {drawn.map((point) =>
          point.moved ? (
            <line key={`l${point.id}`} x1={point.x} y1={point.y} x2={point.drawnX} y2={point.drawnY} stroke="var(--color-border-strong)" />
          ) : null,
        )}
        {drawn.map((point) => {
          const item = byId.get(point.id)!;
          const description = `${item.name}: ${CLASS_LABEL[item.asymmetry.kind]}, impact asymmetry ${formatSigned(item.asymmetry.ia, 2)}, performance ${formatSigned(item.performance.value)}`;
          return (
            <a key={point.id} href={detailHref(point.id)} aria-label={description} data-testid="asymmetry-point">
              <title>{description}</title>
              <circle
                cx={point.drawnX}
                cy={point.drawnY}
                r={point.r}
                fill={CLASS_COLOR[item.asymmetry.kind]}
                fillOpacity={0.85}
                stroke="var(--color-surface)"
                strokeWidth={1.5}
              />
            </a>
          );
        })}
        {labels.map((label) => (
          <g key={`t${label.id}`} aria-hidden="true">
            {label.leader && (
              <line x1={label.leader.x1} y1={label.leader.y1} x2={label.leader.x2} y2={label.leader.y2} stroke="var(--color-fg-muted)" />
            )}
            <text x={label.box.x + 2} y={label.box.y + LABEL_HEIGHT - 3} className="fill-fg text-[12px] font-semibold">
              {byId.get(label.id)!.name}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className="mt-2 px-2 text-xs text-fg-muted">
        Dotted lines: the map&apos;s threshold θ = ±{theta}. Dashed line: performance {formatSigned(crosshairPerformance)}, the crosshair of the
        priority matrix. Point size: reach.
      </figcaption>
    </figure>
  );
}
