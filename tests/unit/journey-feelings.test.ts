// Feelings along the journey and the trends, from the aggregates SQL returns (feeling counts per
// touchpoint, n / missed / exceeded per bucket) to what the screens draw, on hand-computed cases.
import { describe, expect, it } from "vitest";
import { journeyFeelings } from "@/lib/analysis/feelings";
import { trendSeries } from "@/lib/analysis/trend";
import { Z95 } from "@/lib/analysis/stats";
import { trendChartData } from "@/components/matrix/trend-data";
import { MIN_STEP, curveLayout } from "@/components/journey/emotional-curve-layout";
import { parseTrendBucket } from "@/lib/schemas/trend-bucket";
import { latestReading } from "@/components/trends/latest-reading";

const at = (stagePosition: number, channelPosition: number, position: number) => ({ stagePosition, channelPosition, position });

describe("journeyFeelings", () => {
  const touchpoints = [
    // Given out of journey order on purpose.
    { id: "pay", ...at(2, 0, 0), counts: { HATE: 6, DISLIKE: 12, EH: 6, LIKE_A_LOT: 4, LOVE: 2, IN_LOVE: 0 } },
    { id: "enter", ...at(0, 0, 0), counts: { HATE: 0, DISLIKE: 3, EH: 9, LIKE_A_LOT: 12, LOVE: 3, IN_LOVE: 3 } },
    { id: "thin", ...at(1, 0, 0), counts: { HATE: 1, LOVE: 2 } },
    { id: "silent", ...at(1, 1, 0), counts: {} },
    { id: "web", ...at(0, 1, 0), counts: { EH: 30 } },
  ];

  it("puts touchpoints in journey order with their distribution and net feeling", () => {
    const { points } = journeyFeelings(touchpoints, 30);
    expect(points.map((point) => point.id)).toEqual(["enter", "web", "thin", "silent", "pay"]);
    const pay = points[4]!;
    // 30 feelings: positive 6, negative 18: 100 * (6 - 18) / 30 = -40.
    expect(pay.distribution.total).toBe(30);
    expect(pay.netFeeling).toBeCloseTo(-40, 12);
    expect(pay.distribution.states.map((state) => state.count)).toEqual([6, 12, 6, 4, 2, 0]);
    expect(pay.distribution.states[1]!.share).toBeCloseTo(0.4, 12);
    // enter: positive 18, negative 3 of 30: +50.
    expect(points[0]!.netFeeling).toBeCloseTo(50, 12);
    // Only EH: net 0, a point on the curve, not a gap.
    expect(points[1]!.netFeeling).toBe(0);
    expect(points[1]!.enough).toBe(true);
  });

  it("leaves a gap for a touchpoint below the minimum, keeping its distribution", () => {
    const thin = journeyFeelings(touchpoints, 30).points[2]!;
    expect(thin.enough).toBe(false);
    expect(thin.netFeeling).toBeNull();
    expect(thin.distribution.total).toBe(3);
    expect(thin.distribution.netFeeling).toBeCloseTo(100 / 3, 12);
    // With a minimum of 3, the same counts are a point.
    expect(journeyFeelings(touchpoints, 3).points[2]!.netFeeling).toBeCloseTo(100 / 3, 12);
  });

  it("leaves a gap where no feeling was recorded, with every share undefined", () => {
    const silent = journeyFeelings(touchpoints, 1).points[3]!;
    expect(silent.distribution.total).toBe(0);
    expect(silent.netFeeling).toBeNull();
    expect(silent.distribution.states.every((state) => state.share === null)).toBe(true);
  });

  it("finds the lowest and highest points among those with enough feelings", () => {
    const { points, lowest, highest } = journeyFeelings(touchpoints, 30);
    expect(points[lowest!]!.id).toBe("pay");
    expect(points[highest!]!.id).toBe("enter");
    // The thin touchpoint's +33 would be lowest of all but "pay"; with minimum 3 it still is not below -40.
    const none = journeyFeelings([{ id: "a", ...at(0, 0, 0), counts: { HATE: 1 } }], 5);
    expect(none.lowest).toBeNull();
    expect(none.highest).toBeNull();
    expect(() => journeyFeelings(touchpoints, 0)).toThrow(RangeError);
  });

  it("gives ties for the lowest point to the first in journey order", () => {
    const tied = journeyFeelings(
      [
        { id: "second", ...at(1, 0, 0), counts: { HATE: 5 } },
        { id: "first", ...at(0, 0, 0), counts: { DISLIKE: 5 } },
      ],
      5,
    );
    expect(tied.points[tied.lowest!]!.id).toBe("first");
  });
});

describe("curveLayout", () => {
  const input = [
    { id: "a", name: "A", stageId: "s1", stageName: "Discover", momentOfTruth: false, netFeeling: 50 },
    { id: "b", name: "B", stageId: "s1", stageName: "Discover", momentOfTruth: true, netFeeling: -40 },
    { id: "c", name: "C", stageId: "s2", stageName: "Buy", momentOfTruth: false, netFeeling: null },
    { id: "d", name: "D", stageId: "s2", stageName: "Buy", momentOfTruth: false, netFeeling: 0 },
    { id: "e", name: "E", stageId: "s3", stageName: "Use", momentOfTruth: false, netFeeling: 100 },
  ];

  it("breaks the line at a gap and spans each stage over its touchpoints", () => {
    const layout = curveLayout(input);
    expect(layout.segments.map((segment) => segment.length)).toEqual([2, 2]);
    expect(layout.marks[2]!.y).toBeNull();
    expect(layout.stages.map((stage) => stage.name)).toEqual(["Discover", "Buy", "Use"]);
    const width = layout.stages[0]!.x1 - layout.stages[0]!.x0;
    expect(layout.stages[1]!.x1 - layout.stages[1]!.x0).toBeCloseTo(width, 9);
    expect(layout.stages[2]!.x1 - layout.stages[2]!.x0).toBeCloseTo(width / 2, 9);
    // +100 at the top of the plot, -100 at the bottom, 0 in the middle.
    expect(layout.yOf(100)).toBe(layout.plot.top);
    expect(layout.yOf(-100)).toBe(layout.plot.bottom);
    expect(layout.marks[3]!.y).toBe((layout.plot.top + layout.plot.bottom) / 2);
    expect(layout.marks[1]!.y!).toBeGreaterThan(layout.marks[0]!.y!);
  });

  it("fits a long journey into a given width without shrinking its text, down to a minimum spacing", () => {
    const long = Array.from({ length: 22 }, (_, index) => ({ ...input[index % input.length]!, id: `t${index}`, stageId: `s${Math.floor(index / 4)}` }));
    const natural = curveLayout(long);
    expect(natural.width).toBeGreaterThan(660);
    const fitted = curveLayout(long, { fitWidth: 660 });
    expect(fitted.width).toBeLessThanOrEqual(660);
    expect(fitted.marks[21]!.x).toBeLessThan(fitted.plot.right);
    expect(fitted.height).toBe(natural.height);
    // A short journey keeps its natural spacing; a very long one stops at the minimum and is wider.
    expect(curveLayout(input, { fitWidth: 660 }).width).toBe(curveLayout(input).width);
    const veryLong = Array.from({ length: 40 }, (_, index) => ({ ...input[0]!, id: `v${index}` }));
    const crowded = curveLayout(veryLong, { fitWidth: 660 });
    expect(crowded.marks[1]!.x - crowded.marks[0]!.x).toBeCloseTo(MIN_STEP, 9);
  });

  it("draws nothing for a journey without any point, and one dot for a single point", () => {
    expect(curveLayout(input.map((point) => ({ ...point, netFeeling: null }))).segments).toEqual([]);
    expect(curveLayout([input[0]!]).segments).toEqual([[{ x: expect.any(Number), y: expect.any(Number) }]]);
    expect(curveLayout([]).marks).toEqual([]);
  });
});

describe("trend buckets as charted", () => {
  it("computes the miss rate with its Wilson interval in percent", () => {
    // 40 observations, 10 missed: p = 0.25.
    const [bucket] = trendChartData(trendSeries([{ bucketStart: "2026-10-05", n: 40, missed: 10, exceeded: 6 }]), 30, "missRate");
    const z2 = Z95 * Z95;
    const centre = (0.25 + z2 / 80) / (1 + z2 / 40);
    const half = (Z95 * Math.sqrt((0.25 * 0.75) / 40 + z2 / (4 * 1600))) / (1 + z2 / 40);
    expect(bucket!.value).toBeCloseTo(25, 12);
    expect(bucket!.lower).toBeCloseTo(100 * (centre - half), 10);
    expect(bucket!.upper).toBeCloseTo(100 * (centre + half), 10);
    expect(bucket!.sure).toBeCloseTo(25, 12);
    expect(bucket!.band).toEqual([bucket!.lower, bucket!.upper]);
    expect(bucket!.performance).toBeCloseTo(-10, 12);
  });

  it("marks a bucket below the minimum as too few, off the line and without a band", () => {
    const data = trendChartData(
      trendSeries([
        { bucketStart: "2026-10-01", n: 31, missed: 0, exceeded: 31 },
        { bucketStart: "2026-11-01", n: 4, missed: 4, exceeded: 0 },
      ]),
      30,
      "missRate",
    );
    expect(data.map((d) => [d.sure, d.tooFew])).toEqual([
      [0, null],
      [null, 100],
    ]);
    expect(data[1]!.band).toBeNull();
    // No miss at all: the interval's lower end is exactly 0.
    expect(data[0]!.lower).toBe(0);
  });

  it("charts n as it is, too few below the minimum, and no interval for one observation", () => {
    const data = trendChartData(
      trendSeries([
        { bucketStart: "2026-11-02", n: 1, missed: 1, exceeded: 0 },
        { bucketStart: "2026-11-09", n: 30, missed: 3, exceeded: 3 },
      ]),
      30,
      "n",
    );
    expect(data.map((d) => [d.value, d.sure, d.tooFew, d.band])).toEqual([
      [1, null, 1, null],
      [30, 30, null, null],
    ]);
    const [single] = trendChartData(trendSeries([{ bucketStart: "2026-11-02", n: 1, missed: 1, exceeded: 0 }]), 1, "missRate");
    expect(single!.value).toBe(100);
    expect(single!.lower).toBeNull();
    expect(single!.sure).toBe(100);
    expect(single!.band).toBeNull();
  });

  it("keeps the performance chart as before when no metric is named", () => {
    const [bucket] = trendChartData(trendSeries([{ bucketStart: "2026-11-02", n: 20, missed: 4, exceeded: 6 }]), 10);
    expect(bucket!.value).toBeCloseTo(10, 12);
    expect(bucket!.sure).toBeCloseTo(10, 12);
  });

  it("reads the granularity from the URL, a week unless day or month is asked for", () => {
    expect(parseTrendBucket("day")).toBe("day");
    expect(parseTrendBucket("month")).toBe("month");
    expect(parseTrendBucket(undefined)).toBe("week");
    expect(parseTrendBucket(["day", "month"])).toBe("week");
    expect(parseTrendBucket("year")).toBe("week");
    expect(parseTrendBucket("d\u0000ay")).toBe("week");
  });
});

describe("latestReading", () => {
  const months = trendSeries([
    { bucketStart: "2026-09-01", n: 200, missed: 20, exceeded: 30 },
    { bucketStart: "2026-10-01", n: 186, missed: 86, exceeded: 10 },
    { bucketStart: "2026-11-01", n: 12, missed: 6, exceeded: 0 },
  ]);

  it("quotes the latest period with enough observations against the one before, skipping a thin last one", () => {
    expect(latestReading(months, "month", 30)).toBe("miss rate 46% in 2026-10 (n = 186), against 10% in 2026-09");
  });

  it("quotes a single readable period alone, and says when none is readable", () => {
    expect(latestReading(months.slice(0, 1), "week", 30)).toBe("miss rate 10% in 2026-09-01 (n = 200)");
    expect(latestReading(months.slice(2), "day", 30)).toBe("no day has 30 observations");
    expect(latestReading([], "month", 30)).toBe("no month has 30 observations");
  });
});
