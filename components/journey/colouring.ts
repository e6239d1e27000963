// How the journey view colours its touchpoint cards from the matrix figures. Pure.
import type { MatrixPoint } from "@/lib/types/analysis";
import { formatPercent, formatSigned, QUADRANT_LABEL, QUADRANT_TONE } from "@/components/matrix/format";
import type { TouchpointHighlight } from "./journey-grid";

export const COLOUR_MODES = ["performance", "quadrant", "none"] as const;
export type ColourMode = (typeof COLOUR_MODES)[number];

/** The `colour` URL parameter; performance unless another known mode is asked for. */
export function parseColourMode(value: string | string[] | undefined): ColourMode {
  return value === "quadrant" || value === "none" ? value : "performance";
}

/**
 * Performance P (net % exceeded − % missed) within ± this many points counts as "meets":
 * customers' misses and exceedings roughly cancel out. Below it the touchpoint falls short,
 * above it it exceeds.
 */
export const PERFORMANCE_BAND = 10;

export const PERFORMANCE_LEGEND = [
  { tone: "missed", label: "Falls short", meaning: `P below −${PERFORMANCE_BAND}` },
  { tone: "met", label: "Meets", meaning: `P from −${PERFORMANCE_BAND} to +${PERFORMANCE_BAND}` },
  { tone: "exceeded", label: "Exceeds", meaning: `P above +${PERFORMANCE_BAND}` },
] as const;

function performanceTone(value: number): "missed" | "met" | "exceeded" {
  if (value < -PERFORMANCE_BAND) return "missed";
  if (value > PERFORMANCE_BAND) return "exceeded";
  return "met";
}

/**
 * One highlight per touchpoint of the journey. A touchpoint outside the filter, with no
 * observations in it, or with fewer than the map's minimum sample, is not coloured: its
 * card says why.
 */
export function journeyHighlights(
  touchpointIds: readonly string[],
  points: readonly MatrixPoint[],
  mode: ColourMode,
  minSample: number,
): Record<string, TouchpointHighlight> {
  const highlights: Record<string, TouchpointHighlight> = {};
  if (mode === "none") return highlights;
  // Touchpoints the stage, channel or moment-of-truth filter leaves out stay on the grid, greyed.
  for (const id of touchpointIds) highlights[id] = { tone: "neutral", label: "Outside the filter", n: null };
  for (const point of points) {
    const figures = [
      { label: "reach", value: formatPercent(point.reach) },
      { label: "P", value: formatSigned(point.performance.value, 0) },
    ];
    if (point.n === 0 || point.performance.value === null) {
      highlights[point.id] = { tone: "neutral", label: "No observations in this view", n: 0 };
      continue;
    }
    if (point.insufficient) {
      highlights[point.id] = { tone: "neutral", label: `Too few to judge (minimum ${minSample})`, n: point.n, figures };
      continue;
    }
    if (mode === "performance") {
      const band = PERFORMANCE_LEGEND.find((entry) => entry.tone === performanceTone(point.performance.value!))!;
      highlights[point.id] = { tone: band.tone, label: band.label, n: point.n, figures };
    } else if (point.quadrant) {
      highlights[point.id] = {
        tone: QUADRANT_TONE[point.quadrant],
        label: QUADRANT_LABEL[point.quadrant] + (point.uncertain ? " (uncertain)" : ""),
        n: point.n,
        figures: [...figures, { label: "I", value: point.importance.mean === null ? "–" : point.importance.mean.toFixed(1) }],
      };
    }
  }
  return highlights;
}
