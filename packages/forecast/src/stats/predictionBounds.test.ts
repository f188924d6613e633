import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { predictionBounds } from './predictionBounds';

// Hand-worked: the ten values −1, 0, …, 8 have x̄ = 3.5 and s = √(82.5/9) = 3.0277. With n = 10 the 95%
// conformal ranks ⌊11·0.025⌋ = 0 and ⌈11·0.975⌉ = 11 fall outside 1..10, so the band is
// x̄ ± t₉,₀.₉₇₅ · s · √(1 + 1/10) = 3.5 ± 2.262 · 3.0277 · 1.0488 = 3.5 ± 7.183
// (t₉,₀.₉₇₅ = 2.262 from the NIST/SEMATECH e-Handbook §1.3.6.7.2 table; Hahn & Meeker (1991) §4.7 for the formula).
const TEN = [-1, 0, 1, 2, 3, 4, 5, 6, 7, 8];

describe('predictionBounds', () => {
  it('uses the t prediction interval when the 95% conformal rank exceeds n (n = 10)', () => {
    const b = predictionBounds(TEN, 95);
    expect(b.method).toBe('studentT');
    expect(b.lo).toBeCloseTo(3.5 - 2.262 * 3.0277 * Math.sqrt(1.1), 2);
    expect(b.hi).toBeCloseTo(3.5 + 2.262 * 3.0277 * Math.sqrt(1.1), 2);
    expect(b.hi).toBeCloseTo(10.683, 3);
  });

  it('keeps the conformal order statistics where the ranks exist (80%: ranks 1 and 10; 50%: ranks 2 and 9)', () => {
    expect(predictionBounds(TEN, 80)).toEqual({ lo: -1, hi: 8, method: 'conformal' });
    expect(predictionBounds(TEN, 50)).toEqual({ lo: 0, hi: 7, method: 'conformal' });
  });

  it('switches exactly where the conformal ranks leave 1..n: 95% is conformal from n = 39', () => {
    const sample = (n: number) => Array.from({ length: n }, (_, i) => i);
    expect(predictionBounds(sample(38), 95).method).toBe('studentT');
    expect(predictionBounds(sample(39), 95)).toEqual({ lo: 0, hi: 38, method: 'conformal' });
    expect(predictionBounds(sample(8), 80).method).toBe('studentT');
    expect(predictionBounds(sample(9), 80).method).toBe('conformal');
  });

  it('is never narrower than the sample: an outlier the t interval would cut off stays inside', () => {
    // x̄ = 10, s = √1000 = 31.62, half-width 2.262 · 31.62 · √1.1 = 75.0 → 85.0 < 100, so hi = 100.
    const b = predictionBounds([0, 0, 0, 0, 0, 0, 0, 0, 0, 100], 95);
    expect(b.hi).toBe(100);
    expect(b.lo).toBeCloseTo(10 - 75.02, 1);
  });

  it('gives [x, x] for one value and refuses an empty sample or a level outside (0, 100)', () => {
    expect(predictionBounds([4], 95)).toEqual({ lo: 4, hi: 4, method: 'studentT' });
    expect(() => predictionBounds([], 95)).toThrow(RangeError);
    expect(() => predictionBounds([1, 2], 100)).toThrow(RangeError);
  });

  it('property: bands are nested in the level (50 ⊂ 80 ⊂ 95) and contain the sample range from the level where conformal clamps', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 60 }), (values) => {
        const sorted = [...values].sort((a, b) => a - b);
        const [b50, b80, b95] = [50, 80, 95].map((level) => predictionBounds(sorted, level)) as [ReturnType<typeof predictionBounds>, ReturnType<typeof predictionBounds>, ReturnType<typeof predictionBounds>];
        expect(b95.lo).toBeLessThanOrEqual(b80.lo);
        expect(b80.lo).toBeLessThanOrEqual(b50.lo);
        expect(b50.lo).toBeLessThanOrEqual(b50.hi);
        expect(b50.hi).toBeLessThanOrEqual(b80.hi);
        expect(b80.hi).toBeLessThanOrEqual(b95.hi);
        for (const b of [b50, b80, b95]) {
          if (b.method === 'studentT') {
            expect(b.lo).toBeLessThanOrEqual(sorted[0]!);
            expect(b.hi).toBeGreaterThanOrEqual(sorted[sorted.length - 1]!);
          }
        }
      }),
      { numRuns: 200, seed: 11, verbose: true },
    );
  });

  it('does not mutate its input', () => {
    const copy = [...TEN];
    predictionBounds(TEN, 95);
    expect(TEN).toEqual(copy);
  });
});
