/**
 * Small statistical kernel for the analysis module: mean intervals from sufficient
 * statistics, Wilson score intervals, the pooled two-proportion z-test and the normal
 * CDF it needs. Plain numbers in, plain objects out; no I/O.
 *
 * Conventions (docs/analysis.md, "Intervals and tests"): every 95% interval uses {@link Z95};
 * means use the sample standard deviation (n - 1 in the denominator) and have no
 * interval when n < 2.
 */

/** Two-sided 95% standard normal quantile, Φ⁻¹(0.975), used by every interval. */
export const Z95 = 1.959963984540054;

/** A mean with its 95% interval; `mean` is null when n = 0, `sd`/`lower`/`upper` when n < 2. */
export interface MeanInterval {
  mean: number | null;
  /** Sample standard deviation (n - 1 denominator). */
  sd: number | null;
  lower: number | null;
  upper: number | null;
}

/** A proportion with its Wilson 95% score interval. */
export interface RateInterval {
  rate: number;
  lower: number;
  upper: number;
}

/** Result of {@link twoProportionZTest}. */
export interface TwoProportionTest {
  /** x1 / n1 */
  p1: number;
  /** x2 / n2 */
  p2: number;
  /** Pooled proportion (x1 + x2) / (n1 + n2). */
  pooled: number;
  /** Standard error under H0: sqrt(pooled (1 - pooled) (1/n1 + 1/n2)). */
  se: number;
  /** (p1 - p2) / se; 0 when se = 0. */
  z: number;
  /** Two-sided p-value 2 (1 - Φ(|z|)) = erfc(|z| / √2); 1 when se = 0. */
  p: number;
}

function assertCount(value: number, label: string): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`${label} must be a non-negative integer, got ${value}`);
  }
}

function assertFinite(value: number, label: string): void {
  if (!Number.isFinite(value)) {
    throw new RangeError(`${label} must be a finite number, got ${value}`);
  }
}

/**
 * Relative tolerance under which a float-computed corrected sum of squares is treated
 * as zero. Only used when the inputs are not safe integers: then n Σx² - (Σx)² carries
 * rounding noise of a few ulps of n Σx², and data that should have zero variance would
 * otherwise get a tiny (or negative) one.
 */
const ZERO_VARIANCE_TOLERANCE = 1e-12;

/** True when a and b are integers and their product is exactly representable. */
function exactProduct(a: number, b: number): boolean {
  return Number.isInteger(a) && Number.isInteger(b) && Math.abs(a * b) <= Number.MAX_SAFE_INTEGER;
}

/**
 * Mean and 95% interval from sufficient statistics.
 *
 *   mean = Σx / n
 *   s²   = (n Σx² - (Σx)²) / (n (n - 1))          (sample variance, n ≥ 2)
 *   CI   = mean ± Z95 · s / √n
 *
 * For integer sums (importance, -1/0/+1 scores) with n Σx² and (Σx)² below 2^53 the
 * numerator n Σx² - (Σx)² is computed exactly, so there is no cancellation at all; a
 * negative one (inconsistent sums) is clamped to 0. For other inputs a numerator within
 * 1e-12 · n Σx² of zero is rounding noise and is clamped to 0 too. Zero variance gives
 * a zero-width interval.
 *
 * @param sum   Σx
 * @param sumSq Σx²
 * @param n     number of values (non-negative integer)
 * @returns mean null when n = 0; sd, lower, upper null when n < 2.
 */
export function meanInterval(sum: number, sumSq: number, n: number): MeanInterval {
  assertCount(n, "n");
  assertFinite(sum, "sum");
  assertFinite(sumSq, "sumSq");
  if (n === 0) return { mean: null, sd: null, lower: null, upper: null };
  const mean = sum / n;
  if (n < 2) return { mean, sd: null, lower: null, upper: null };
  const scaled = n * sumSq;
  let numerator = scaled - sum * sum;
  const exact = exactProduct(n, sumSq) && exactProduct(sum, sum);
  if (numerator < 0) numerator = 0;
  if (!exact && numerator <= ZERO_VARIANCE_TOLERANCE * Math.abs(scaled)) numerator = 0;
  const sd = Math.sqrt(numerator / (n * (n - 1)));
  const half = (Z95 * sd) / Math.sqrt(n);
  return { mean, sd, lower: mean - half, upper: mean + half };
}

/**
 * Wilson score 95% interval for a proportion p̂ = x / n:
 *
 *   centre = (p̂ + z²/(2n)) / (1 + z²/n)
 *   half   = z · sqrt(p̂(1 - p̂)/n + z²/(4n²)) / (1 + z²/n)
 *   [lower, upper] = centre ∓ half, with z = Z95
 *
 * At x = 0 the lower bound is exactly 0 and at x = n the upper bound is exactly 1
 * (set explicitly so rounding cannot leave 1e-17 or 0.9999999999999999); bounds are
 * clamped to [0, 1].
 *
 * @returns null when n = 0.
 * @throws RangeError when the counts are not integers with 0 ≤ successes ≤ n.
 */
export function wilson(successes: number, n: number): RateInterval | null {
  assertCount(successes, "successes");
  assertCount(n, "n");
  if (successes > n) throw new RangeError(`successes (${successes}) exceed n (${n})`);
  if (n === 0) return null;
  const rate = successes / n;
  const z2 = Z95 * Z95;
  const denom = 1 + z2 / n;
  const centre = (rate + z2 / (2 * n)) / denom;
  const half = (Z95 * Math.sqrt((rate * (1 - rate)) / n + z2 / (4 * n * n))) / denom;
  const lower = successes === 0 ? 0 : Math.max(0, centre - half);
  const upper = successes === n ? 1 : Math.min(1, centre + half);
  return { rate, lower, upper };
}

/**
 * Pooled two-proportion z-test, two-sided:
 *
 *   p1 = x1/n1, p2 = x2/n2, p̄ = (x1 + x2)/(n1 + n2)
 *   se = sqrt(p̄ (1 - p̄) (1/n1 + 1/n2))
 *   z  = (p1 - p2) / se
 *   p  = 2 (1 - Φ(|z|)) = erfc(|z| / √2)
 *
 * When p̄ is 0 or 1 (no misses at all, or nothing else) se = 0 and both rates are
 * necessarily equal: z = 0 and p = 1.
 *
 * @returns null when n1 = 0 or n2 = 0 (a rate is undefined).
 */
export function twoProportionZTest(
  x1: number,
  n1: number,
  x2: number,
  n2: number,
): TwoProportionTest | null {
  assertCount(x1, "x1");
  assertCount(n1, "n1");
  assertCount(x2, "x2");
  assertCount(n2, "n2");
  if (x1 > n1) throw new RangeError(`x1 (${x1}) exceeds n1 (${n1})`);
  if (x2 > n2) throw new RangeError(`x2 (${x2}) exceeds n2 (${n2})`);
  if (n1 === 0 || n2 === 0) return null;
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (se === 0) return { p1, p2, pooled, se, z: 0, p: 1 };
  const z = (p1 - p2) / se;
  return { p1, p2, pooled, se, z, p: twoSidedNormalP(z) };
}

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
const ONE_OVER_SQRT_PI = 1 / Math.sqrt(Math.PI);
/** Below this the series is used, above it the continued fraction (about 90 steps at 1.5). */
const SERIES_LIMIT = 1.5;
/** erfc(x) < 1e-323 (below the smallest subnormal) beyond this. */
const ERFC_UNDERFLOW = 27.3;

/**
 * erf(x) for 0 ≤ x < 1.5 by the all-positive series (no cancellation):
 *
 *   erf(x) = (2/√π) e^{-x²} Σ_{k≥0} 2^k x^{2k+1} / (1·3·5···(2k+1))
 *
 * Each term is the previous one times 2x² / (2k + 1).
 */
function erfSeries(x: number): number {
  const twoX2 = 2 * x * x;
  let term = x;
  let sum = x;
  for (let k = 1; k < 200; k++) {
    term *= twoX2 / (2 * k + 1);
    sum += term;
    if (term <= sum * 1e-17) break;
  }
  return TWO_OVER_SQRT_PI * Math.exp(-x * x) * sum;
}

/**
 * erfc(x) for x ≥ 1.5 by Laplace's continued fraction
 *
 *   erfc(x) = (e^{-x²}/√π) · 1/(x + (1/2)/(x + (2/2)/(x + (3/2)/(x + ...))))
 *
 * evaluated with the modified Lentz algorithm until a step changes the value by less
 * than 1e-16 relative. At x = 1.5 this takes about 90 steps, far fewer further out.
 */
function erfcContinuedFraction(x: number): number {
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 500; k++) {
    const a = k / 2;
    d = x + a * d;
    d = d === 0 ? tiny : d;
    c = x + a / c;
    c = c === 0 ? tiny : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return (ONE_OVER_SQRT_PI * Math.exp(-x * x)) / f;
}

/**
 * Complementary error function erfc(x) = 1 - erf(x) = (2/√π) ∫_x^∞ e^{-t²} dt.
 *
 * Method (written for this module, checked against 50-digit references):
 * - x < 0: erfc(x) = 2 - erfc(-x).
 * - 0 ≤ x < 1.5: 1 - erf(x) with the positive series of {@link erfSeries}.
 * - 1.5 ≤ x < 27.3: Laplace's continued fraction (Lentz), accurate in relative terms
 *   deep in the tail.
 * - x ≥ 27.3: 0 (underflow).
 *
 * Accuracy: absolute error below 1e-15 everywhere, relative error below 1e-13 for
 * x ≤ 26, which is ample for p-values (the spec asks ~1e-10).
 */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x < SERIES_LIMIT) return 1 - erfSeries(x);
  if (x >= ERFC_UNDERFLOW) return 0;
  return erfcContinuedFraction(x);
}

/** Error function erf(x) = 1 - erfc(x), odd in x; see {@link erfc} for the method. */
export function erf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x < 0) return -erf(-x);
  if (x < SERIES_LIMIT) return erfSeries(x);
  return 1 - erfc(x);
}

/**
 * Standard normal CDF Φ(x) = ½ erfc(-x / √2).
 * Computed through erfc so the lower tail keeps its relative precision.
 */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

/** Two-sided p-value of a standard normal statistic: 2 (1 - Φ(|z|)) = erfc(|z| / √2). */
export function twoSidedNormalP(z: number): number {
  return erfc(Math.abs(z) / Math.SQRT2);
}
