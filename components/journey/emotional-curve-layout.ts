// Where the emotional curve's marks go: touchpoints evenly spaced in journey order under bands
// for their stages, net feeling from -100 (bottom) to +100 (top), the line broken wherever a
// touchpoint has too few feelings recorded. Pure, so the drawing is tested without a browser.

export type CurveInput = {
  id: string;
  name: string;
  stageId: string;
  stageName: string;
  momentOfTruth: boolean;
  /** Null: too few feelings recorded, a gap in the line. */
  netFeeling: number | null;
};

export type CurveMark = CurveInput & { x: number; y: number | null };

export type CurveLayout = {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  /** y of net feeling v. */
  yOf: (value: number) => number;
  marks: CurveMark[];
  /** Runs of consecutive touchpoints with a point, each drawn as one polyline. */
  segments: { x: number; y: number }[][];
  /** One band per run of touchpoints of the same stage, as wide as its touchpoints. */
  stages: { id: string; name: string; x0: number; x1: number }[];
};

const STEP = 56;
/** The narrowest spacing of touchpoints when the curve must fit a width: rotated 11px labels stay apart. */
export const MIN_STEP = 24;
const MARGIN = { left: 48, right: 16, top: 28, bottom: 112 };
const PLOT_HEIGHT = 200;
const MIN_WIDTH = 640;

/**
 * `fitWidth` (the printed report) narrows the spacing of the touchpoints, down to MIN_STEP, so
 * that the curve is at most that wide and its text keeps its size; without it every touchpoint
 * gets STEP and a long journey scrolls sideways.
 */
export function curveLayout(points: readonly CurveInput[], options: { fitWidth?: number } = {}): CurveLayout {
  const fitStep = options.fitWidth ? Math.max(MIN_STEP, (options.fitWidth - MARGIN.left - MARGIN.right) / Math.max(1, points.length)) : STEP;
  const innerWidth = Math.max(MIN_WIDTH - MARGIN.left - MARGIN.right, points.length * Math.min(STEP, fitStep));
  const step = points.length ? innerWidth / points.length : STEP;
  const plot = { left: MARGIN.left, right: MARGIN.left + innerWidth, top: MARGIN.top, bottom: MARGIN.top + PLOT_HEIGHT };
  const yOf = (value: number) => plot.top + ((100 - value) / 200) * PLOT_HEIGHT;
  const marks = points.map((point, index) => ({
    ...point,
    x: plot.left + step * (index + 0.5),
    y: point.netFeeling === null ? null : yOf(point.netFeeling),
  }));
  const segments: { x: number; y: number }[][] = [];
  let run: { x: number; y: number }[] = [];
  for (const mark of marks) {
    if (mark.y === null) {
      if (run.length) segments.push(run);
      run = [];
    } else run.push({ x: mark.x, y: mark.y });
  }
  if (run.length) segments.push(run);
  const stages: CurveLayout["stages"] = [];
  marks.forEach((mark, index) => {
    const x0 = plot.left + step * index;
    const last = stages[stages.length - 1];
    if (last && last.id === mark.stageId) last.x1 = x0 + step;
    else stages.push({ id: mark.stageId, name: mark.stageName, x0, x1: x0 + step });
  });
  return { width: plot.right + MARGIN.right, height: plot.bottom + MARGIN.bottom, plot, yOf, marks, segments, stages };
}
