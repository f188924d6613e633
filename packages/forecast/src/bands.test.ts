import { describe, expect, it } from 'vitest';
import { annualBands, monotoneBand } from './bands';

describe('monotoneBand', () => {
  it('keeps the widest distance so far on each side, then clips (worked example in the TSDoc)', () => {
    expect(monotoneBand([10, 10, 10], { lo: [6, 8, 5], hi: [14, 11, 16] }, 0)).toEqual({ lo: [6, 6, 5], hi: [14, 14, 16] });
  });

  it('a jump then a shrink becomes a jump then a plateau; the mean may move', () => {
    const band = monotoneBand([100, 120, 140, 160], { lo: [90, 40, 130, 150], hi: [110, 200, 150, 170] }, 0);
    expect(band).toEqual({ lo: [90, 40, 60, 80], hi: [110, 200, 220, 240] });
  });

  it('clips at the floor after widening, and leaves nets (floor −∞) negative', () => {
    expect(monotoneBand([5, 5], { lo: [-1, 4], hi: [11, 6] }, 0)).toEqual({ lo: [0, 0], hi: [11, 11] });
    expect(monotoneBand([5, 5], { lo: [-1, 4], hi: [11, 6] }, Number.NEGATIVE_INFINITY)).toEqual({ lo: [-1, -1], hi: [11, 11] });
  });

  it('does not recentre a band that excludes the mean (a biased model): it only stops it narrowing', () => {
    expect(monotoneBand([10, 10], { lo: [11, 12], hi: [15, 14] }, 0)).toEqual({ lo: [11, 11], hi: [15, 15] });
  });

  it('keeps nesting: 80 inside 95 before, 80 inside 95 after', () => {
    const mean = [50, 52, 54];
    const b95 = monotoneBand(mean, { lo: [30, 45, 40], hi: [70, 60, 75] }, 0);
    const b80 = monotoneBand(mean, { lo: [40, 48, 47], hi: [60, 56, 62] }, 0);
    for (let k = 0; k < 3; k++) {
      expect(b95.lo[k]!).toBeLessThanOrEqual(b80.lo[k]!);
      expect(b95.hi[k]!).toBeGreaterThanOrEqual(b80.hi[k]!);
    }
  });
});

describe('annualBands', () => {
  // y = 10, 12, 13, 17: drift σ = 1.52753 (2 d.f.), t₂,.975 = 4.30265; h=1 half-width 4.30265·1.52753·√(4/3) = 7.58914
  // around whatever mean the model gave (19.33 for the drift itself); naive σ = √7 (3 d.f.), t₃,.975 = 3.18245.
  it('the drift band when the model carries a trend, the naive band when it holds a level', () => {
    const trend = annualBands([19.33, 21.67], [10, 12, 13, 17], { trend: true, levels: [95], nonNegative: true })!;
    expect(trend[95]!.hi[0]! - 19.33).toBeCloseTo(7.58914, 4);
    const level = annualBands([17, 17], [10, 12, 13, 17], { trend: false, levels: [95], nonNegative: true })!;
    expect(level[95]!.hi[0]! - 17).toBeCloseTo(3.18245 * Math.sqrt(7), 4);
  });

  it('undefined when the history cannot give the band: 2 values with a trend, 1 without', () => {
    expect(annualBands([5], [4, 5], { trend: true, levels: [95], nonNegative: true })).toBeUndefined();
    expect(annualBands([5], [5], { trend: false, levels: [95], nonNegative: true })).toBeUndefined();
    expect(annualBands([5], [4, 5], { trend: false, levels: [95], nonNegative: true })).toBeDefined();
  });
});
