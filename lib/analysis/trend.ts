/**
 * Trends over time and the change alert (latest window against the one before).
 * Dates are ISO calendar dates 'YYYY-MM-DD' handled in UTC, so no time zone or
 * daylight-saving shift can move a boundary.
 */
import { twoProportionZTest } from "./stats";
import { performanceValue } from "./touchpoint";

/** Default change-alert window, in days. */
export const DEFAULT_WINDOW_DAYS = 28;
/** Significance level of the change alert. */
export const DEFAULT_ALERT_ALPHA = 0.05;
/** Minimum change of miss rate, in percentage points, for an alert. */
export const DEFAULT_ALERT_MIN_CHANGE = 5;

/** One bucket (day, week or month) as aggregated in SQL. */
export interface TrendRow {
  /** First day of the bucket, 'YYYY-MM-DD'. */
  bucketStart: string;
  n: number;
  missed: number;
  exceeded: number;
}

export interface TrendPoint extends TrendRow {
  /** 100 · (exceeded - missed) / n; null when n = 0. */
  performance: number | null;
  /** missed / n as a fraction 0..1; null when n = 0. */
  missRate: number | null;
}

/**
 * Trend series: per bucket, P = 100 · (exceeded - missed) / n and
 * miss rate = missed / n (both null when n = 0), sorted by bucketStart ascending.
 * Missing buckets are not invented; a chart shows them as gaps.
 */
export function trendSeries(rows: readonly TrendRow[]): TrendPoint[] {
  return rows
    .map((row) => {
      for (const [label, value] of [
        ["n", row.n],
        ["missed", row.missed],
        ["exceeded", row.exceeded],
      ] as const) {
        if (!Number.isInteger(value) || value < 0) {
          throw new RangeError(`${label} must be a non-negative integer, got ${value}`);
        }
      }
      if (row.missed + row.exceeded > row.n) {
        throw new RangeError(`missed + exceeded exceed n in bucket ${row.bucketStart}`);
      }
      return {
        ...row,
        performance: performanceValue(row.missed, row.exceeded, row.n),
        missRate: row.n === 0 ? null : row.missed / row.n,
      };
    })
    .sort((a, b) => (a.bucketStart < b.bucketStart ? -1 : a.bucketStart > b.bucketStart ? 1 : 0));
}

export type ChangeStatus = "WORSENED" | "IMPROVED" | "STABLE";

export interface WindowCounts {
  n: number;
  missed: number;
}

export interface ChangeAlert {
  status: ChangeStatus;
  /** Miss rate of the latest window, fraction 0..1; null when it is empty. */
  latestRate: number | null;
  /** Miss rate of the previous window; null when it is empty. */
  previousRate: number | null;
  /** 100 · (latestRate - previousRate), in percentage points; null if a window is empty. */
  delta: number | null;
  /** Pooled z statistic, latest minus previous; null if a window is empty. */
  z: number | null;
  /** Two-sided p-value; null if a window is empty. */
  p: number | null;
}

export interface ChangeAlertOptions {
  /** Default 0.05; flagged only when p < alpha. */
  alpha?: number;
  /** Default 5 percentage points; flagged only when |delta| ≥ this. */
  minChange?: number;
}

/**
 * Change alert on the miss rate, latest window against the previous one:
 *
 *   r1 = missed1 / n1 (latest), r2 = missed2 / n2 (previous)
 *   z, p from the pooled two-proportion z-test (see twoProportionZTest)
 *   delta = 100 · (r1 - r2) = 100 · (missed1 · n2 - missed2 · n1) / (n1 · n2)
 *   WORSENED when p < 0.05 and delta ≥ 5; IMPROVED when p < 0.05 and delta ≤ -5;
 *   otherwise STABLE.
 *
 * The 5-point test uses the exact integer cross-product (|missed1·n2 - missed2·n1| · 100
 * ≥ 5 · n1 · n2), so a change of exactly 5 points counts even where 0.30 - 0.25 would
 * round to 0.04999999999999999. An empty window gives p null and STABLE.
 */
export function changeAlert(
  windows: { latest: WindowCounts; previous: WindowCounts },
  options: ChangeAlertOptions = {},
): ChangeAlert {
  const alpha = options.alpha ?? DEFAULT_ALERT_ALPHA;
  const minChange = options.minChange ?? DEFAULT_ALERT_MIN_CHANGE;
  const { latest, previous } = windows;
  const test = twoProportionZTest(latest.missed, latest.n, previous.missed, previous.n);
  const latestRate = latest.n === 0 ? null : latest.missed / latest.n;
  const previousRate = previous.n === 0 ? null : previous.missed / previous.n;
  if (!test) {
    return { status: "STABLE", latestRate, previousRate, delta: null, z: null, p: null };
  }
  const cross = latest.missed * previous.n - previous.missed * latest.n;
  const denominator = latest.n * previous.n;
  const delta = (100 * cross) / denominator;
  const bigEnough = 100 * Math.abs(cross) >= minChange * denominator;
  let status: ChangeStatus = "STABLE";
  if (test.p < alpha && bigEnough) status = cross > 0 ? "WORSENED" : "IMPROVED";
  return { status, latestRate, previousRate, delta, z: test.z, p: test.p };
}

/** A run of calendar days; `start` and `end` are both inclusive. */
export interface DateWindow {
  /** First day, inclusive. */
  start: string;
  /** Last day, inclusive. */
  end: string;
  /** The day after `end`: use `date >= start AND date < endExclusive` in SQL. */
  endExclusive: string;
}

export interface ChangeWindows {
  latest: DateWindow;
  previous: DateWindow;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 (UTC) of a strict 'YYYY-MM-DD' calendar date. */
function toDayNumber(iso: string): number {
  const match = ISO_DATE.exec(iso);
  if (!match) throw new RangeError(`expected a 'YYYY-MM-DD' date, got '${iso}'`);
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const ms = Date.UTC(y, m - 1, d);
  const check = new Date(ms);
  if (
    check.getUTCFullYear() !== y ||
    check.getUTCMonth() !== m - 1 ||
    check.getUTCDate() !== d
  ) {
    throw new RangeError(`not a calendar date: '${iso}'`);
  }
  return ms / DAY_MS;
}

function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Calendar arithmetic on ISO dates: the date `days` days after `iso` (negative goes
 * back), in UTC. Throws RangeError on anything but a real 'YYYY-MM-DD' date.
 */
export function addDays(iso: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`days must be an integer, got ${days}`);
  return fromDayNumber(toDayNumber(iso) + days);
}

/** Today's date in UTC as 'YYYY-MM-DD'. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/**
 * Change-alert windows, with L = windowDays (default 28) and E = endDate (the filter's
 * end date, inclusive; default today in UTC):
 *
 *   latest   = [E - (L - 1), E]            both ends inclusive, L days
 *   previous = [E - (2L - 1), E - L]       both ends inclusive, the L days before
 *
 * Each window also carries `endExclusive` = end + 1 day for half-open SQL ranges.
 * `today` (ISO date) replaces the clock, for tests and for a workspace's own time zone.
 */
export function changeWindows(
  options: { endDate?: string | null; windowDays?: number; today?: string } = {},
): ChangeWindows {
  const windowDays = options.windowDays ?? DEFAULT_WINDOW_DAYS;
  if (!Number.isInteger(windowDays) || windowDays < 1) {
    throw new RangeError(`windowDays must be a positive integer, got ${windowDays}`);
  }
  const end = options.endDate ?? options.today ?? todayIso();
  const endDay = toDayNumber(end);
  const window = (lastDay: number): DateWindow => ({
    start: fromDayNumber(lastDay - (windowDays - 1)),
    end: fromDayNumber(lastDay),
    endExclusive: fromDayNumber(lastDay + 1),
  });
  return { latest: window(endDay), previous: window(endDay - windowDays) };
}
