import { describe, expect, it } from "vitest";
import { boxesOverlap, fitDomain, linearScale, nearestPoint, niceTicks, placeCaption, placeLabels, separation, spreadPoints } from "@/components/matrix/chart-layout";

const bounds = { x: 0, y: 0, width: 600, height: 400 };

describe("fitDomain", () => {
  it("fits the demo's performance range with a margin, on whole steps, crosshair inside", () => {
    const domain = fitDomain([-45, -10, 12, 40], [-2.5], { bounds: [-100, 100], step: 10, margin: 8 });
    expect(domain.min).toBe(-60);
    expect(domain.max).toBe(50);
    expect(domain.ticks[0]).toBeGreaterThanOrEqual(-60);
    expect(domain.ticks.at(-1)).toBeLessThanOrEqual(50);
    expect(domain.ticks.length).toBeLessThanOrEqual(8);
  });

  it("widens the range to take in a crosshair outside the data", () => {
    const domain = fitDomain([3.9, 4.4], [3], { bounds: [1, 5], step: 0.5, margin: 0.15 });
    expect(domain.min).toBeLessThanOrEqual(2.9);
    expect(domain.max).toBe(5);
  });

  it("never leaves the scale, and falls back to it without data", () => {
    expect(fitDomain([-99, 98], [0], { bounds: [-100, 100], step: 10, margin: 8 })).toMatchObject({ min: -100, max: 100 });
    expect(fitDomain([], [0], { bounds: [1, 5], step: 0.5, margin: 0.1 })).toMatchObject({ min: 1, max: 5 });
  });

  it("gives a single value on the scale's edge a step of room", () => {
    expect(fitDomain([100], [], { bounds: [-100, 100], step: 10, margin: 0 })).toMatchObject({ min: 90, max: 100 });
  });
});

describe("niceTicks", () => {
  it("uses the step when few enough, a multiple of it otherwise", () => {
    expect(niceTicks(2, 5, 0.5)).toEqual([2, 2.5, 3, 3.5, 4, 4.5, 5]);
    expect(niceTicks(-100, 100, 10)).toEqual([-100, -50, 0, 50, 100]);
    expect(niceTicks(-60, 50, 10)).toEqual([-60, -40, -20, 0, 20, 40]);
  });
});

describe("linearScale", () => {
  it("maps the domain onto the range, reversed for y", () => {
    const y = linearScale([1, 5], [400, 0]);
    expect(y(1)).toBe(400);
    expect(y(5)).toBe(0);
    expect(y(3)).toBe(200);
  });
});

describe("spreadPoints", () => {
  it("leaves points that are far enough apart where they are", () => {
    const drawn = spreadPoints(
      [
        { id: "a", x: 100, y: 100, r: 8 },
        { id: "b", x: 200, y: 100, r: 8 },
      ],
      { minDistance: 12, bounds },
    );
    expect(drawn.map((p) => [p.drawnX, p.drawnY, p.moved])).toEqual([
      [100, 100, false],
      [200, 100, false],
    ]);
  });

  it("separates an exact overlap deterministically, keeping the true positions", () => {
    const input = [
      { id: "a", x: 300, y: 200, r: 15 },
      { id: "b", x: 300, y: 200, r: 14 },
    ];
    const first = spreadPoints(input, { minDistance: 12, bounds });
    const second = spreadPoints(input, { minDistance: 12, bounds });
    expect(first).toEqual(second);
    const [a, b] = first;
    expect(a!.moved && b!.moved).toBe(true);
    expect(a!.x).toBe(300);
    expect(Math.hypot(a!.drawnX - b!.drawnX, a!.drawnY - b!.drawnY)).toBeGreaterThanOrEqual(separation(a!, b!, 12) - 1e-9);
  });

  it("spreads a crowd so that no two drawn centres are too close, inside the bounds", () => {
    const input = Array.from({ length: 9 }, (_, index) => ({ id: `p${index}`, x: 20 + (index % 3) * 2, y: 20 + Math.floor(index / 3) * 3, r: 6 + index }));
    const drawn = spreadPoints(input, { minDistance: 12, bounds });
    for (let i = 0; i < drawn.length; i++) {
      const p = drawn[i]!;
      expect(p.drawnX - p.r).toBeGreaterThanOrEqual(0);
      expect(p.drawnY - p.r).toBeGreaterThanOrEqual(0);
      for (let j = i + 1; j < drawn.length; j++) {
        const q = drawn[j]!;
        expect(Math.hypot(p.drawnX - q.drawnX, p.drawnY - q.drawnY)).toBeGreaterThanOrEqual(separation(p, q, 12) - 1e-6);
      }
    }
  });

  it("keeps the relative direction of two near neighbours", () => {
    const [left, right] = spreadPoints(
      [
        { id: "l", x: 298, y: 200, r: 10 },
        { id: "r", x: 302, y: 200, r: 10 },
      ],
      { minDistance: 12, bounds },
    );
    expect(left!.drawnX).toBeLessThan(right!.drawnX);
    expect(left!.drawnY).toBeCloseTo(right!.drawnY);
  });
});

describe("nearestPoint", () => {
  it("finds the point under the cursor and nothing far from every point", () => {
    const points = [
      { id: "a", drawnX: 100, drawnY: 100, r: 10 },
      { id: "b", drawnX: 112, drawnY: 100, r: 10 },
    ];
    expect(nearestPoint(points, 100, 100)).toBe("a");
    expect(nearestPoint(points, 112, 100)).toBe("b");
    expect(nearestPoint(points, 300, 300)).toBeNull();
  });
});

describe("placeLabels", () => {
  it("puts a lone label just right of its point", () => {
    const [label] = placeLabels([{ id: "a", x: 100, y: 100, r: 10, width: 60, height: 14 }], { bounds, points: [{ x: 100, y: 100, r: 10 }] });
    expect(label!.box).toEqual({ x: 113, y: 93, width: 60, height: 14 });
    expect(label!.leader).toBeNull();
  });

  it("goes left at the right edge", () => {
    const [label] = placeLabels([{ id: "a", x: 590, y: 100, r: 5, width: 60, height: 14 }], { bounds, points: [{ x: 590, y: 100, r: 5 }] });
    expect(label!.box.x + label!.box.width).toBeLessThanOrEqual(590 - 5);
  });

  it("never overlaps two labels, nor a label and a point or a caption, in a crowd", () => {
    const points = Array.from({ length: 14 }, (_, index) => ({ x: 280 + (index % 4) * 14, y: 180 + Math.floor(index / 4) * 14, r: 6 }));
    const caption = { x: 0, y: 0, width: 150, height: 16 };
    const labels = placeLabels(
      points.map((point, index) => ({ id: `p${index}`, ...point, width: 70 + index * 3, height: 14 })),
      { bounds, points, obstacles: [caption] },
    );
    expect(labels).toHaveLength(14);
    for (let i = 0; i < labels.length; i++) {
      expect(boxesOverlap(labels[i]!.box, caption)).toBe(false);
      for (let j = i + 1; j < labels.length; j++) expect(boxesOverlap(labels[i]!.box, labels[j]!.box)).toBe(false);
      for (const point of points) {
        const box = labels[i]!.box;
        const nx = Math.min(Math.max(point.x, box.x), box.x + box.width);
        const ny = Math.min(Math.max(point.y, box.y), box.y + box.height);
        expect(Math.hypot(point.x - nx, point.y - ny)).toBeGreaterThanOrEqual(point.r);
      }
    }
    // Labels far from their point get a leader line that starts on the point's edge.
    const far = labels.find((label) => label.leader);
    expect(far).toBeDefined();
  });

  it("leaves out a label that fits nowhere rather than overlap another", () => {
    const tiny = { x: 0, y: 0, width: 100, height: 20 };
    const labels = placeLabels(
      [
        { id: "a", x: 10, y: 10, r: 2, width: 80, height: 14 },
        { id: "b", x: 12, y: 10, r: 2, width: 80, height: 14 },
      ],
      { bounds: tiny, points: [] },
    );
    expect(labels.map((label) => label.id)).toEqual(["a"]);
  });
});

describe("placeCaption", () => {
  it("takes the first candidate clear of every point, else the first", () => {
    const candidates = [
      { x: 0, y: 0, width: 100, height: 15 },
      { x: 120, y: 0, width: 100, height: 15 },
    ];
    expect(placeCaption(candidates, [{ x: 50, y: 10, r: 8 }])).toBe(candidates[1]);
    expect(placeCaption(candidates, [{ x: 300, y: 100, r: 8 }])).toBe(candidates[0]);
    expect(placeCaption(candidates, [{ x: 50, y: 10, r: 8 }, { x: 150, y: 10, r: 8 }])).toBe(candidates[0]);
  });
});

describe("round ticks", () => {
  it("never spaces ticks 12.5 or 0.625 apart", () => {
    expect(niceTicks(20, 95, 5)).toEqual([20, 30, 40, 50, 60, 70, 80, 90]);
    expect(niceTicks(2, 4.75, 0.25)).toEqual([2, 2.5, 3, 3.5, 4, 4.5]);
  });
});

describe("placeLabels, unambiguous", () => {
  it("does not put a label right beside a neighbour when a spot nearer its own point is free", () => {
    // The spot right of the point is free, but a neighbour touches it from below (2 px away,
    // against 3 px from its own point): the label goes left instead.
    const own = { x: 300, y: 200, r: 8 };
    const neighbour = { x: 340, y: 217, r: 8 };
    const [label] = placeLabels([{ id: "a", ...own, width: 60, height: 14 }], { bounds, points: [own, neighbour] });
    expect(label!.box.x + label!.box.width).toBeLessThanOrEqual(own.x - own.r);
  });
});
