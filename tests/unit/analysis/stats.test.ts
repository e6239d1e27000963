import { describe, expect, it } from "vitest";
import {
  erf,
  erfc,
  meanInterval,
  normalCdf,
  twoProportionZTest,
  twoSidedNormalP,
  wilson,
  Z95,
} from "@/lib/analysis/stats";

// z² = 1.959963984540054² = 3.841458820694125 (used by every Wilson example below)
const Z2 = 3.841458820694125;

describe("Z95", () => {
  it("is the 97.5% normal quantile", () => {
    expect(Z95).toBe(1.959963984540054);
    expect(Z95 * Z95).toBeCloseTo(Z2, 14);
    // Φ(1.959963984540054) = 0.97499999999999998623... (50-digit reference)
    expect(normalCdf(Z95)).toBeCloseTo(0.975, 15);
    expect(normalCdf(-Z95)).toBeCloseTo(0.025, 15);
  });
});

describe("erf / erfc / normalCdf", () => {
  // References from 30-digit arbitrary-precision evaluation.
  const cases: Array<[number, number]> = [
    [0, 1],
    [0.5, 0.479500122186953462317253346108],
    [1, 0.157299207050285130658779364917],
    [1.5, 0.0338948535246892729330237383541],
    [2, 0.00467773498104726583793074363275],
    [3, 0.0000220904969985854413727761295823],
  ];

  it.each(cases)("erfc(%s) matches the reference to 1e-15", (x, expected) => {
    expect(erfc(x)).toBeCloseTo(expected, 15);
  });

  it("keeps relative precision deep in the tail", () => {
    // erfc(5) = 1.53745979442803485018834348538e-12
    expect(erfc(5) / 1.53745979442803485018834348538e-12).toBeCloseTo(1, 12);
    // erfc(10) = 2.08848758376254475700078629496e-45
    expect(erfc(10) / 2.08848758376254475700078629496e-45).toBeCloseTo(1, 12);
    expect(erfc(30)).toBe(0);
  });

  it("is continuous where the method switches (x = 1.5)", () => {
    expect(Math.abs(erfc(1.5 - 1e-12) - erfc(1.5))).toBeLessThan(1e-12);
  });

  it("handles negative arguments by symmetry", () => {
    // erfc(-1) = 2 - erfc(1) = 1.842700792949714869341220635083
    expect(erfc(-1)).toBeCloseTo(1.842700792949714869341220635083, 15);
    // erf(0.5) = 0.520499877813046537682746653892, erf is odd
    expect(erf(0.5)).toBeCloseTo(0.520499877813046537682746653892, 15);
    expect(erf(-0.5)).toBeCloseTo(-0.520499877813046537682746653892, 15);
    expect(erf(2)).toBeCloseTo(0.995322265018952734162069256367, 15);
    expect(erf(0)).toBe(0);
  });

  it("gives the standard normal CDF", () => {
    expect(normalCdf(0)).toBe(0.5);
    // Φ(1) = 0.841344746068542948585232545632
    expect(normalCdf(1)).toBeCloseTo(0.841344746068542948585232545632, 15);
    // Φ(-3) = 0.0013498980316300945266518147676
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316300945266518147676, 15);
  });

  it("gives two-sided p-values", () => {
    // 2 (1 - Φ(1.959963984540054)) = 0.05
    expect(twoSidedNormalP(Z95)).toBeCloseTo(0.05, 14);
    expect(twoSidedNormalP(-Z95)).toBeCloseTo(0.05, 14);
    expect(twoSidedNormalP(0)).toBe(1);
  });
});

describe("meanInterval", () => {
  it("computes mean, sample sd and the 95% interval (5 observations)", () => {
    // values 2, 3, 4, 4, 5
    // Σx = 18, Σx² = 4 + 9 + 16 + 16 + 25 = 70, n = 5
    // mean = 18 / 5 = 3.6
    // s² = (n Σx² - (Σx)²) / (n (n - 1)) = (350 - 324) / 20 = 1.3
    // s = √1.3 = 1.14017542509913797913604902557
    // half = z s / √5 = 1.959963984540054 × 1.140175425099138 / 2.23606797749979
    //      = 0.999389460310880259351071877576
    // CI = [2.600610539689119740648928, 4.599389460310880259351072]
    const r = meanInterval(18, 70, 5);
    expect(r.mean).toBeCloseTo(3.6, 15);
    expect(r.sd).toBeCloseTo(1.14017542509913797913604902557, 14);
    expect(r.lower).toBeCloseTo(2.600610539689119740648928, 14);
    expect(r.upper).toBeCloseTo(4.599389460310880259351072, 14);
  });

  it("returns all nulls for n = 0", () => {
    expect(meanInterval(0, 0, 0)).toEqual({ mean: null, sd: null, lower: null, upper: null });
  });

  it("leaves the interval undefined for one observation", () => {
    expect(meanInterval(4, 16, 1)).toEqual({ mean: 4, sd: null, lower: null, upper: null });
  });

  it("gives a zero-width interval for zero variance", () => {
    // 4, 4, 4: n Σx² - (Σx)² = 3 × 48 - 144 = 0
    expect(meanInterval(12, 48, 3)).toEqual({ mean: 4, sd: 0, lower: 4, upper: 4 });
  });

  it("snaps float rounding noise of a zero variance to 0", () => {
    // three times 0.1 summed in floating point
    const sum = 0.1 + 0.1 + 0.1; // 0.30000000000000004
    const sumSq = 0.1 * 0.1 + 0.1 * 0.1 + 0.1 * 0.1;
    const r = meanInterval(sum, sumSq, 3);
    expect(r.sd).toBe(0);
    expect(r.lower).toBe(r.mean);
    expect(r.upper).toBe(r.mean);
  });

  it("clamps a negative variance (inconsistent sums) to 0 instead of NaN", () => {
    // n Σx² - (Σx)² = 3 × 33 - 100 = -1
    const r = meanInterval(10, 33, 3);
    expect(r.sd).toBe(0);
    expect(r.lower).toBeCloseTo(10 / 3, 15);
  });

  it("stays exact for large values with a small spread (no cancellation)", () => {
    // 1000001, 1000002, 1000003: Σx = 3000006, Σx² = 3000012000014
    // n Σx² - (Σx)² = 9000036000042 - 9000036000036 = 6; s² = 6 / 6 = 1
    const r = meanInterval(3000006, 3000012000014, 3);
    expect(r.mean).toBe(1000002);
    expect(r.sd).toBe(1);
    // half = z / √3 = 1.131585914914331
    expect(r.upper! - r.mean!).toBeCloseTo(Z95 / Math.sqrt(3), 9);
  });

  it("rejects a non-integer or negative n", () => {
    expect(() => meanInterval(1, 1, -1)).toThrow(RangeError);
    expect(() => meanInterval(1, 1, 1.5)).toThrow(RangeError);
    expect(() => meanInterval(Number.NaN, 1, 2)).toThrow(RangeError);
  });
});

describe("wilson", () => {
  it("computes the score interval (3 of 10)", () => {
    // p̂ = 0.3, z²/n = 0.3841458820694125, denom = 1.3841458820694125
    // centre = (0.3 + 0.19207294103470625) / 1.3841458820694125 = 0.35550655997257784091
    // half = z √(0.021 + 0.0096036470517353) / 1.3841458820694125 = 0.24771529256627680699
    const r = wilson(3, 10)!;
    expect(r.rate).toBe(0.3);
    expect(r.lower).toBeCloseTo(0.10779126740630103392, 15);
    expect(r.upper).toBeCloseTo(0.60322185253885464789, 15);
  });

  it("has lower bound exactly 0 at 0 successes", () => {
    // upper = z² / (n + z²) = 3.841458820694125 / 13.841458820694125 = 0.27753279986288920453
    const r = wilson(0, 10)!;
    expect(r).toEqual({ rate: 0, lower: 0, upper: expect.any(Number) });
    expect(r.upper).toBeCloseTo(0.27753279986288920453, 15);
    expect(r.upper).toBeCloseTo(Z2 / (10 + Z2), 15);
  });

  it("has upper bound exactly 1 at n successes", () => {
    // lower = n / (n + z²) = 10 / 13.841458820694125 = 0.72246720013711079547
    const r = wilson(10, 10)!;
    expect(r.rate).toBe(1);
    expect(r.upper).toBe(1);
    expect(r.lower).toBeCloseTo(0.72246720013711079547, 15);
  });

  it("works for n = 1", () => {
    // 0 of 1: upper = z²/(1 + z²) = 0.79345068562276257264
    expect(wilson(0, 1)!.upper).toBeCloseTo(0.79345068562276257264, 15);
    // 1 of 1: lower = 1/(1 + z²) = 0.20654931437723742736
    expect(wilson(1, 1)!.lower).toBeCloseTo(0.20654931437723742736, 15);
  });

  it("returns null for n = 0 and rejects impossible counts", () => {
    expect(wilson(0, 0)).toBeNull();
    expect(() => wilson(3, 2)).toThrow(RangeError);
    expect(() => wilson(-1, 2)).toThrow(RangeError);
  });
});

describe("twoProportionZTest", () => {
  it("matches the hand-computed example 30/100 vs 15/100", () => {
    // p̄ = 45 / 200 = 0.225
    // se = √(0.225 × 0.775 × (1/100 + 1/100)) = √0.0034875 = 0.059055059055088582648
    // z = 0.15 / 0.059055059055088582648 = √(200/31) = 2.5400025400038100064
    // p = erfc(z / √2) = 0.011085166380602696961
    const r = twoProportionZTest(30, 100, 15, 100)!;
    expect(r.p1).toBe(0.3);
    expect(r.p2).toBe(0.15);
    expect(r.pooled).toBe(0.225);
    expect(r.se).toBeCloseTo(0.059055059055088582648, 15);
    expect(r.z).toBeCloseTo(Math.sqrt(200 / 31), 12);
    expect(r.z).toBeCloseTo(2.5400025400038100064, 12);
    expect(r.p).toBeCloseTo(0.011085166380602696961, 13);
  });

  it("is antisymmetric in z and symmetric in p", () => {
    const a = twoProportionZTest(30, 100, 15, 100)!;
    const b = twoProportionZTest(15, 100, 30, 100)!;
    expect(b.z).toBeCloseTo(-a.z, 14);
    expect(b.p).toBeCloseTo(a.p, 15);
  });

  it("handles unequal sample sizes", () => {
    // 12/60 vs 5/50: p̄ = 17/110 = 0.154545..., se = √(p̄(1-p̄)(1/60 + 1/50))
    //   = 0.069216393223781105287; z = (0.2 - 0.1) / se = 1.4447444505912564671
    //   p = 0.14852967932444117443
    const r = twoProportionZTest(12, 60, 5, 50)!;
    expect(r.z).toBeCloseTo(1.4447444505912564671, 12);
    expect(r.p).toBeCloseTo(0.14852967932444117443, 13);
  });

  it("returns z = 0 and p = 1 when the pooled rate is 0 or 1", () => {
    expect(twoProportionZTest(0, 10, 0, 20)).toEqual({
      p1: 0,
      p2: 0,
      pooled: 0,
      se: 0,
      z: 0,
      p: 1,
    });
    expect(twoProportionZTest(10, 10, 20, 20)!.p).toBe(1);
  });

  it("returns null when a sample is empty", () => {
    expect(twoProportionZTest(0, 0, 3, 10)).toBeNull();
    expect(twoProportionZTest(3, 10, 0, 0)).toBeNull();
  });

  it("rejects impossible counts", () => {
    expect(() => twoProportionZTest(11, 10, 0, 10)).toThrow(RangeError);
    expect(() => twoProportionZTest(1, 10, 0.5, 10)).toThrow(RangeError);
  });
});
