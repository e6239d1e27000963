import { describe, expect, it } from "vitest";
import { trendSeries } from "@/lib/analysis/trend";
import { trendChartData } from "@/components/matrix/trend-data";
import { Z95 } from "@/lib/analysis/stats";

describe("trendChartData", () => {
  it("keeps weeks below the minimum sample off the line, as too few", () => {
    const data = trendChartData(
      trendSeries([
        { bucketStart: "2026-11-02", n: 40, missed: 10, exceeded: 10 },
        { bucketStart: "2026-11-09", n: 3, missed: 3, exceeded: 0 },
        { bucketStart: "2026-11-16", n: 0, missed: 0, exceeded: 0 },
      ]),
      10,
    );
    expect(data.map((d) => [d.sure, d.tooFew])).toEqual([
      [0, null],
      [null, -100],
      [null, null],
    ]);
    expect(data[1]!.band).toBeNull();
  });

  it("gives a week on the line the performance interval of the method", () => {
    // 20 observations: 4 missed, 10 met, 6 exceeded. Scores sum 2, squares sum 10.
    const [week] = trendChartData(trendSeries([{ bucketStart: "2026-11-02", n: 20, missed: 4, exceeded: 6 }]), 10);
    const sd = Math.sqrt((10 - 2 ** 2 / 20) / 19);
    const half = (100 * Z95 * sd) / Math.sqrt(20);
    expect(week!.performance).toBeCloseTo(10, 10);
    expect(week!.lower).toBeCloseTo(10 - half, 10);
    expect(week!.upper).toBeCloseTo(10 + half, 10);
    expect(week!.band).toEqual([week!.lower, week!.upper]);
  });

  it("clamps the drawn band to the scale", () => {
    const [week] = trendChartData(trendSeries([{ bucketStart: "2026-11-02", n: 10, missed: 1, exceeded: 8 }]), 10);
    expect(week!.upper!).toBeGreaterThan(100);
    expect(week!.band![1]).toBe(100);
  });
});
