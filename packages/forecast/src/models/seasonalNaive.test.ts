import { describe, expect, it } from 'vitest';
import { seasonalNaive } from './seasonalNaive';

describe('seasonalNaive', () => {
  it('repeats the last season (FPP3 §5.2: ŷ[T+h] = y[T+h−m(k+1)])', () => {
    const y = Array.from({ length: 24 }, (_, t) => t + 1);
    const fit = seasonalNaive(12).fit(y);
    if (!fit.ok) throw new Error('fit failed');
    expect(fit.value.predict(14).mean).toEqual([13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 13, 14]);
  });

  it('is the naive forecast with period 1 and does not mutate its input', () => {
    const y = [3, 5, 8];
    const fit = seasonalNaive(1).fit(y);
    if (!fit.ok) throw new Error('fit failed');
    expect(fit.value.predict(3).mean).toEqual([8, 8, 8]);
    expect(y).toEqual([3, 5, 8]);
  });

  it('gives nested, non-negative model bands', () => {
    const fit = seasonalNaive(1).fit([1, 10, 2, 9, 1]);
    if (!fit.ok) throw new Error('fit failed');
    const p = fit.value.predict(3, { levels: [50, 80, 95] });
    for (let k = 0; k < 3; k++) {
      expect(p.bands[95]!.lo[k]!).toBeLessThanOrEqual(p.bands[80]!.lo[k]!);
      expect(p.bands[80]!.lo[k]!).toBeLessThanOrEqual(p.bands[50]!.lo[k]!);
      expect(p.bands[95]!.lo[k]!).toBeGreaterThanOrEqual(0);
      expect(p.bands[50]!.hi[k]!).toBeLessThanOrEqual(p.bands[95]!.hi[k]!);
    }
  });
});
