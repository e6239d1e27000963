import { afterEach, describe, expect, it, vi } from "vitest";
import {
  addDays,
  changeAlert,
  changeWindows,
  DEFAULT_WINDOW_DAYS,
  todayIso,
  trendSeries,
} from "@/lib/analysis/trend";

describe("trendSeries", () => {
  it("computes n, P and miss rate per bucket, in date order", () => {
    const r = trendSeries([
      { bucketStart: "2024-03-11", n: 20, missed: 5, exceeded: 8 },
      { bucketStart: "2024-03-04", n: 8, missed: 1, exceeded: 0 },
      { bucketStart: "2024-03-18", n: 0, missed: 0, exceeded: 0 },
    ]);
    expect(r).toEqual([
      // P = 100 × (0 - 1) / 8 = -12.5; miss = 1/8 = 0.125
      {
        bucketStart: "2024-03-04",
        n: 8,
        missed: 1,
        exceeded: 0,
        performance: -12.5,
        missRate: 0.125,
      },
      // P = 100 × (8 - 5) / 20 = 15; miss = 5/20 = 0.25
      { bucketStart: "2024-03-11", n: 20, missed: 5, exceeded: 8, performance: 15, missRate: 0.25 },
      // empty bucket: nulls, not NaN
      {
        bucketStart: "2024-03-18",
        n: 0,
        missed: 0,
        exceeded: 0,
        performance: null,
        missRate: null,
      },
    ]);
  });

  it("rejects impossible buckets", () => {
    const bad = { bucketStart: "2024-01-01", n: 1, missed: 1, exceeded: 1 };
    expect(() => trendSeries([bad])).toThrow(RangeError);
  });
});

describe("changeAlert", () => {
  it("flags a significant worsening of at least 5 points", () => {
    // latest 30/100, previous 15/100: z = √(200/31) = 2.5400025400038100064,
    // p = 0.011085166380602696961 (see stats tests); delta = 100 × (0.30 - 0.15) = 15
    const r = changeAlert({ latest: { n: 100, missed: 30 }, previous: { n: 100, missed: 15 } });
    expect(r.status).toBe("WORSENED");
    expect(r.latestRate).toBe(0.3);
    expect(r.previousRate).toBe(0.15);
    expect(r.delta).toBe(15);
    expect(r.z).toBeCloseTo(2.5400025400038100064, 12);
    expect(r.p).toBeCloseTo(0.011085166380602696961, 13);
  });

  it("flags a significant improvement", () => {
    const r = changeAlert({ latest: { n: 100, missed: 15 }, previous: { n: 100, missed: 30 } });
    expect(r.status).toBe("IMPROVED");
    expect(r.delta).toBe(-15);
    expect(r.z).toBeCloseTo(-2.5400025400038100064, 12);
  });

  it("stays STABLE when significant but smaller than 5 points", () => {
    // 4300/100000 vs 4000/100000: p̄ = 0.0415, se = √(0.0415 × 0.9585 × 2e-5)
    //   = 0.00089193889925263378, z = 0.003 / se = 3.3634590917760574, p = 0.00076972243114508868
    //   delta = 0.3 points < 5
    const r = changeAlert({
      latest: { n: 100000, missed: 4300 },
      previous: { n: 100000, missed: 4000 },
    });
    expect(r.z).toBeCloseTo(3.3634590917760574103, 11);
    expect(r.p).toBeCloseTo(0.00076972243114508868, 14);
    expect(r.delta).toBeCloseTo(0.3, 12);
    expect(r.status).toBe("STABLE");
  });

  it("stays STABLE when large but not significant", () => {
    // 3/10 vs 1/10: p̄ = 0.2, se = √(0.2 × 0.8 × 0.2) = 0.178885438199983
    //   z = 0.2 / se = 1.118033988749895 (= √5 / 2), p = 0.26355247728297273
    const r = changeAlert({ latest: { n: 10, missed: 3 }, previous: { n: 10, missed: 1 } });
    expect(r.z).toBeCloseTo(Math.sqrt(5) / 2, 12);
    expect(r.p).toBeCloseTo(0.26355247728297273037, 13);
    expect(r.delta).toBe(20);
    expect(r.status).toBe("STABLE");
  });

  it("counts a change of exactly 5 points (float regression)", () => {
    // 0.30 - 0.25 is 0.04999999999999999 in floating point; the test uses
    // |3000 × 10000 - 2500 × 10000| × 100 = 5e8 ≥ 5 × 10000 × 10000 = 5e8
    // z = 0.05 / √(0.275 × 0.725 × 2e-4) = 7.9180758246489583697, p = 2.41e-15
    expect((0.3 - 0.25) * 100).toBeLessThan(5);
    const r = changeAlert({
      latest: { n: 10000, missed: 3000 },
      previous: { n: 10000, missed: 2500 },
    });
    expect(r.delta).toBe(5);
    expect(r.z).toBeCloseTo(7.9180758246489583697, 11);
    expect(r.status).toBe("WORSENED");
  });

  it("uses custom alpha and minimum change", () => {
    const windows = { latest: { n: 100, missed: 30 }, previous: { n: 100, missed: 15 } };
    // p = 0.0111 is not < 0.01
    expect(changeAlert(windows, { alpha: 0.01 }).status).toBe("STABLE");
    // delta 15 < 20
    expect(changeAlert(windows, { minChange: 20 }).status).toBe("STABLE");
  });

  it("handles empty windows: p null, STABLE", () => {
    expect(changeAlert({ latest: { n: 0, missed: 0 }, previous: { n: 50, missed: 5 } })).toEqual({
      status: "STABLE",
      latestRate: null,
      previousRate: 0.1,
      delta: null,
      z: null,
      p: null,
    });
    const empty = { n: 0, missed: 0 };
    expect(changeAlert({ latest: empty, previous: empty })).toMatchObject({
      status: "STABLE",
      latestRate: null,
      previousRate: null,
      p: null,
    });
  });

  it("is STABLE with p = 1 when neither window has a miss", () => {
    expect(changeAlert({ latest: { n: 40, missed: 0 }, previous: { n: 60, missed: 0 } })).toEqual({
      status: "STABLE",
      latestRate: 0,
      previousRate: 0,
      delta: 0,
      z: 0,
      p: 1,
    });
  });
});

describe("changeWindows", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("gives the latest 28 days and the 28 before, ending on the end date (leap year)", () => {
    // latest: 2024-03-31 back 27 days = 2024-03-04 .. 2024-03-31 (28 days)
    // previous: 2024-03-03 back 27 days = 2024-02-05 .. 2024-03-03 (Feb 2024 has 29 days)
    expect(DEFAULT_WINDOW_DAYS).toBe(28);
    expect(changeWindows({ endDate: "2024-03-31" })).toEqual({
      latest: { start: "2024-03-04", end: "2024-03-31", endExclusive: "2024-04-01" },
      previous: { start: "2024-02-05", end: "2024-03-03", endExclusive: "2024-03-04" },
    });
  });

  it("windows are contiguous and do not overlap", () => {
    const w = changeWindows({ endDate: "2023-01-15", windowDays: 10 });
    expect(w.previous.endExclusive).toBe(w.latest.start);
    expect(addDays(w.latest.start, 9)).toBe(w.latest.end);
    expect(addDays(w.previous.start, 9)).toBe(w.previous.end);
  });

  it("takes the window length as a parameter and crosses years", () => {
    expect(changeWindows({ endDate: "2024-01-03", windowDays: 7 })).toEqual({
      latest: { start: "2023-12-28", end: "2024-01-03", endExclusive: "2024-01-04" },
      previous: { start: "2023-12-21", end: "2023-12-27", endExclusive: "2023-12-28" },
    });
    // one-day windows: the end date against the day before
    expect(changeWindows({ endDate: "2024-03-01", windowDays: 1 })).toEqual({
      latest: { start: "2024-03-01", end: "2024-03-01", endExclusive: "2024-03-02" },
      previous: { start: "2024-02-29", end: "2024-02-29", endExclusive: "2024-03-01" },
    });
  });

  it("defaults the end to today (given, or the UTC clock)", () => {
    // 2025-01-10 - 27 = 2024-12-14; previous 2024-11-16 .. 2024-12-13
    expect(changeWindows({ today: "2025-01-10" })).toEqual({
      latest: { start: "2024-12-14", end: "2025-01-10", endExclusive: "2025-01-11" },
      previous: { start: "2024-11-16", end: "2024-12-13", endExclusive: "2024-12-14" },
    });
    // an explicit end date wins over today
    expect(changeWindows({ endDate: "2024-06-30", today: "2025-01-10" }).latest.end).toBe(
      "2024-06-30",
    );
    expect(changeWindows({ endDate: null, today: "2025-01-10" }).latest.end).toBe("2025-01-10");
    vi.useFakeTimers({ now: new Date("2024-06-15T23:30:00Z") });
    expect(changeWindows().latest).toEqual({
      start: "2024-05-19",
      end: "2024-06-15",
      endExclusive: "2024-06-16",
    });
  });

  it("rejects bad dates and lengths", () => {
    expect(() => changeWindows({ endDate: "2024-02-30" })).toThrow(RangeError);
    expect(() => changeWindows({ endDate: "2024-2-3" })).toThrow(RangeError);
    expect(() => changeWindows({ endDate: "2024-03-31T00:00:00Z" })).toThrow(RangeError);
    expect(() => changeWindows({ endDate: "2024-03-31", windowDays: 0 })).toThrow(RangeError);
    expect(() => changeWindows({ endDate: "2024-03-31", windowDays: 2.5 })).toThrow(RangeError);
  });
});

describe("date helpers", () => {
  it("addDays does calendar arithmetic in UTC", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2023-02-28", 1)).toBe("2023-03-01");
    expect(addDays("2024-01-01", -1)).toBe("2023-12-31");
    // across a European daylight-saving change: still exactly one calendar day
    expect(addDays("2024-03-30", 1)).toBe("2024-03-31");
    expect(addDays("2024-03-31", 0)).toBe("2024-03-31");
    expect(() => addDays("2024-03-31", 0.5)).toThrow(RangeError);
  });

  it("todayIso is the UTC date", () => {
    // 23:30 at UTC-2 is 01:30 the next day in UTC
    expect(todayIso(new Date("2024-05-06T23:30:00-02:00"))).toBe("2024-05-07");
  });
});
