// The geometry of the priority matrix: axes fitted to the data, points spread apart where they
// would hide one another, and labels placed where they overlap neither each other nor a point.
// Pure and deterministic (the same input always gives the same picture), so it is unit-tested
// and the browser only measures text and draws what this returns.

export type Box = { x: number; y: number; width: number; height: number };

export type Domain = { min: number; max: number; ticks: number[] };

/**
 * An axis range around `values` with `margin` on each side, widened to take in every value of
 * `keep` (the crosshair, so it is always inside the plot), rounded outwards to whole `step`s and
 * clamped to the scale's `bounds`. Ticks fall on multiples of a step chosen so that there are
 * at most `maxTicks`. With no values, the whole scale.
 */
export function fitDomain(
  values: readonly number[],
  keep: readonly number[],
  options: { bounds: readonly [number, number]; step: number; margin: number; maxTicks?: number },
): Domain {
  const { bounds, step, margin } = options;
  const finite = values.filter(Number.isFinite);
  const kept = keep.filter(Number.isFinite);
  if (finite.length === 0) return { min: bounds[0], max: bounds[1], ticks: niceTicks(bounds[0], bounds[1], step, options.maxTicks) };
  const low = Math.min(...finite.map((v) => v - margin), ...kept.map((v) => v - margin / 2));
  const high = Math.max(...finite.map((v) => v + margin), ...kept.map((v) => v + margin / 2));
  let min = Math.max(bounds[0], roundTo(Math.floor(low / step) * step));
  let max = Math.min(bounds[1], roundTo(Math.ceil(high / step) * step));
  if (max - min < step) {
    // A single value on the edge of the scale still gets a step of room.
    if (min + step <= bounds[1]) max = min + step;
    else min = max - step;
  }
  return { min, max, ticks: niceTicks(min, max, step, options.maxTicks) };
}

/** Whether a tick spacing reads as a round number: 1, 2, 2.5 or 5 times a power of ten. */
function isRound(size: number): boolean {
  const mantissa = roundTo(size / 10 ** Math.floor(Math.log10(size) + 1e-9));
  return [1, 2, 2.5, 5].includes(mantissa);
}

/** Ticks on the smallest round multiple of `step` (1, 2, 2.5, 4, 5, 10... steps) that gives at most `maxTicks`. */
export function niceTicks(min: number, max: number, step: number, maxTicks = 8): number[] {
  const every =
    [1, 2, 2.5, 4, 5, 10, 20, 25, 40, 50]
      .map((factor) => roundTo(factor * step))
      .find((size) => isRound(size) && Math.floor(roundTo(max / size)) - Math.ceil(roundTo(min / size)) + 1 <= maxTicks) ?? max - min;
  const ticks: number[] = [];
  for (let tick = Math.ceil(roundTo(min / every)) * every; tick <= max + every * 1e-9; tick += every) ticks.push(roundTo(tick));
  return ticks;
}

const roundTo = (value: number) => Math.round(value * 1e9) / 1e9;

/** A linear map from a domain to a pixel range (the y range runs downwards: pass it reversed). */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0 || 1;
  return (value) => r0 + ((value - d0) / span) * (r1 - r0);
}

export type PlotPoint = { id: string; x: number; y: number; r: number };
export type DrawnPoint = PlotPoint & {
  /** Where the point is drawn; equal to x, y unless it was moved off a neighbour. */
  drawnX: number;
  drawnY: number;
  moved: boolean;
};

/** How far apart two drawn centres must be: each centre stays outside most of the other's disc. */
export function separation(a: { r: number }, b: { r: number }, minDistance: number): number {
  return Math.max(minDistance, 0.75 * (a.r + b.r));
}

/**
 * Moves points that sit on or nearly on one another (centres closer than `separation`) onto a
 * small ring around the group's centre, in the order of their true angles around it (input order
 * breaks ties, and sets the start for exact overlaps), so every point can be seen, hovered and
 * clicked. The true position stays known: the chart draws a leader line back to it. Repeats
 * until no two drawn points are too close (or a few rounds have passed), keeping every drawn
 * point inside `bounds`.
 */
export function spreadPoints(points: readonly PlotPoint[], options: { minDistance: number; bounds: Box }): DrawnPoint[] {
  const { minDistance, bounds } = options;
  const drawn = points.map((point) => ({ ...point, drawnX: point.x, drawnY: point.y }));
  for (let round = 0; round < 8; round++) {
    const groups = closeGroups(drawn, minDistance);
    if (groups.every((group) => group.length < 2)) break;
    for (const group of groups) {
      if (group.length < 2) continue;
      const members = group.map((index) => drawn[index]!);
      const cx = members.reduce((sum, p) => sum + p.drawnX, 0) / members.length;
      const cy = members.reduce((sum, p) => sum + p.drawnY, 0) / members.length;
      let need = 0;
      for (let i = 0; i < members.length; i++)
        for (let j = i + 1; j < members.length; j++) need = Math.max(need, separation(members[i]!, members[j]!, minDistance));
      const k = members.length;
      // Neighbours on a ring of radius R are 2R sin(pi/k) apart.
      const radius = (need * 1.02) / (2 * Math.sin(Math.PI / k));
      const angleOf = (p: (typeof members)[number]) => {
        const dx = p.x - cx;
        const dy = p.y - cy;
        return Math.hypot(dx, dy) < 0.5 ? null : Math.atan2(dy, dx);
      };
      const order = group
        .map((index, position) => ({ index, position, angle: angleOf(drawn[index]!) }))
        .sort((a, b) => (a.angle ?? -Math.PI / 2 + (2 * Math.PI * a.position) / k) - (b.angle ?? -Math.PI / 2 + (2 * Math.PI * b.position) / k));
      const start = order[0]!.angle ?? -Math.PI / 2;
      const ring = order.map(({ index }, slot) => {
        const angle = start + (2 * Math.PI * slot) / k;
        return { point: drawn[index]!, x: cx + radius * Math.cos(angle), y: cy + radius * Math.sin(angle) };
      });
      // Near an edge the whole ring moves inwards, keeping its shape.
      const shift = (low: number, high: number) => (low > 0 ? low : high < 0 ? high : 0);
      const dx = shift(
        Math.max(...ring.map((slot) => bounds.x + slot.point.r - slot.x)),
        Math.min(...ring.map((slot) => bounds.x + bounds.width - slot.point.r - slot.x)),
      );
      const dy = shift(
        Math.max(...ring.map((slot) => bounds.y + slot.point.r - slot.y)),
        Math.min(...ring.map((slot) => bounds.y + bounds.height - slot.point.r - slot.y)),
      );
      for (const slot of ring) {
        slot.point.drawnX = clamp(slot.x + dx, bounds.x + slot.point.r, bounds.x + bounds.width - slot.point.r);
        slot.point.drawnY = clamp(slot.y + dy, bounds.y + slot.point.r, bounds.y + bounds.height - slot.point.r);
      }
    }
  }
  return drawn.map((point) => ({ ...point, moved: Math.hypot(point.drawnX - point.x, point.drawnY - point.y) > 0.5 }));
}

/** Groups of indices whose drawn centres are linked by chains of too-close pairs. */
function closeGroups(points: readonly { drawnX: number; drawnY: number; r: number }[], minDistance: number): number[][] {
  const parent = points.map((_, index) => index);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < points.length; i++)
    for (let j = i + 1; j < points.length; j++) {
      const a = points[i]!;
      const b = points[j]!;
      if (Math.hypot(a.drawnX - b.drawnX, a.drawnY - b.drawnY) < separation(a, b, minDistance) - 1e-6) parent[find(i)] = find(j);
    }
  const groups = new Map<number, number[]>();
  points.forEach((_, index) => {
    const root = find(index);
    groups.set(root, [...(groups.get(root) ?? []), index]);
  });
  return [...groups.values()];
}

const clamp = (value: number, low: number, high: number) => (low > high ? (low + high) / 2 : Math.min(high, Math.max(low, value)));

export type LabelRequest = {
  id: string;
  /** The drawn centre and radius of the point the label names. */
  x: number;
  y: number;
  r: number;
  width: number;
  height: number;
};

export type PlacedLabel = {
  id: string;
  box: Box;
  /** A line from the point's edge to the label, when the label sits away from its point. */
  leader: { x1: number; y1: number; x2: number; y2: number } | null;
};

// Directions tried around a point, in order of preference: right, left, then the diagonals,
// then above and below (text reads best beside its point).
const DIRECTIONS = [0, 180, -35, 35, -145, 145, -90, 90, -60, 60, -120, 120].map((degrees) => (degrees * Math.PI) / 180);
// Gaps between a point's edge and its label; past the first, a leader line joins them.
const GAPS = [3, 12, 24, 40, 60, 84];
const LEADER_FROM_GAP = 10;

/**
 * Places labels greedily in the order given (the most important first), each at the first
 * candidate position, nearest first, that lies inside `bounds` and overlaps no label placed
 * before it, no `obstacles` box (captions) and no point's disc, preferring spots nearer to its
 * own point than to any other. A label that fits nowhere is
 * tried again allowing it to cover other points (never another label); one that still fits
 * nowhere is left out, so no two labels ever overlap.
 */
export function placeLabels(
  requests: readonly LabelRequest[],
  options: { bounds: Box; points: readonly { x: number; y: number; r: number }[]; obstacles?: readonly Box[]; padding?: number },
): PlacedLabel[] {
  const padding = options.padding ?? 2;
  const placed: PlacedLabel[] = [];
  const obstacles = options.obstacles ?? [];
  for (const request of requests) {
    const others = options.points.filter((point) => !(point.x === request.x && point.y === request.y));
    const clear = (box: Box) => free(box, placed, obstacles, padding) && others.every((point) => !circleHitsBox(point, box, 1));
    // Best: a spot nearer its own point than any other, so nobody reads it as a neighbour's name.
    const ownNearest = (box: Box) => others.every((point) => gapToBox(point, box) > gapToBox(request, box));
    const candidate =
      firstFit(request, options.bounds, (box) => clear(box) && ownNearest(box)) ??
      firstFit(request, options.bounds, clear) ??
      firstFit(request, options.bounds, (box) => free(box, placed, obstacles, padding));
    if (candidate) placed.push(candidate);
  }
  return placed;
}

function firstFit(request: LabelRequest, bounds: Box, fits: (box: Box) => boolean): PlacedLabel | null {
  for (const gap of GAPS) {
    for (const angle of DIRECTIONS) {
      const box = boxAt(request, angle, gap);
      if (!inside(box, bounds) || circleHitsBox(request, box, 1) || !fits(box)) continue;
      return { id: request.id, box, leader: gap >= LEADER_FROM_GAP ? leaderLine(request, box) : null };
    }
  }
  return null;
}

/** The label's box when its nearest side or corner sits `gap` beyond the point's edge at `angle`. */
function boxAt(request: LabelRequest, angle: number, gap: number): Box {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const ax = request.x + (request.r + gap) * cos;
  const ay = request.y + (request.r + gap) * sin;
  const x = cos > 0.3 ? ax : cos < -0.3 ? ax - request.width : ax - request.width / 2;
  const y = sin > 0.3 ? ay : sin < -0.3 ? ay - request.height : ay - request.height / 2;
  return { x, y, width: request.width, height: request.height };
}

function leaderLine(point: { x: number; y: number; r: number }, box: Box) {
  const tx = clamp(point.x, box.x, box.x + box.width);
  const ty = clamp(point.y, box.y, box.y + box.height);
  const length = Math.hypot(tx - point.x, ty - point.y) || 1;
  return { x1: point.x + ((tx - point.x) / length) * point.r, y1: point.y + ((ty - point.y) / length) * point.r, x2: tx, y2: ty };
}

function free(box: Box, placed: readonly PlacedLabel[], obstacles: readonly Box[], padding: number): boolean {
  return placed.every((label) => !boxesOverlap(label.box, box, padding)) && obstacles.every((obstacle) => !boxesOverlap(obstacle, box, padding));
}

function inside(box: Box, bounds: Box): boolean {
  return box.x >= bounds.x && box.y >= bounds.y && box.x + box.width <= bounds.x + bounds.width && box.y + box.height <= bounds.y + bounds.height;
}

/** Whether two boxes overlap, or come closer than `padding`. */
export function boxesOverlap(a: Box, b: Box, padding = 0): boolean {
  return a.x < b.x + b.width + padding && b.x < a.x + a.width + padding && a.y < b.y + b.height + padding && b.y < a.y + a.height + padding;
}

/** The distance from a disc's edge to a box (negative when they overlap). */
function gapToBox(circle: { x: number; y: number; r: number }, box: Box): number {
  const nx = clamp(circle.x, box.x, box.x + box.width);
  const ny = clamp(circle.y, box.y, box.y + box.height);
  return Math.hypot(circle.x - nx, circle.y - ny) - circle.r;
}

function circleHitsBox(circle: { x: number; y: number; r: number }, box: Box, padding: number): boolean {
  const nx = clamp(circle.x, box.x, box.x + box.width);
  const ny = clamp(circle.y, box.y, box.y + box.height);
  return Math.hypot(circle.x - nx, circle.y - ny) < circle.r + padding;
}

/**
 * The first of `candidates` (boxes for a caption, in order of preference) that lies clear of
 * every point's disc and of the boxes already `taken`; the first candidate when none is clear.
 */
export function placeCaption(candidates: readonly Box[], points: readonly { x: number; y: number; r: number }[], taken: readonly Box[] = []): Box {
  return (
    candidates.find((box) => points.every((point) => !circleHitsBox(point, box, 2)) && taken.every((other) => !boxesOverlap(other, box, 2))) ??
    candidates[0]!
  );
}

/** The id of the drawn point nearest to (x, y), if one lies within its radius plus `slack`. */
export function nearestPoint(points: readonly { id: string; drawnX: number; drawnY: number; r: number }[], x: number, y: number, slack = 4): string | null {
  let best: { id: string; distance: number } | null = null;
  for (const point of points) {
    const distance = Math.hypot(point.drawnX - x, point.drawnY - y);
    if (distance <= point.r + slack && (!best || distance < best.distance)) best = { id: point.id, distance };
  }
  return best?.id ?? null;
}
