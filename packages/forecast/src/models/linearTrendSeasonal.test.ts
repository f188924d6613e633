import { describe, expect, it } from 'vitest';
import { linearTrendSeasonal } from './linearTrendSeasonal';

describe('linearTrendSeasonal', () => {
  it('recovers an exact trend + month effects and forecasts it exactly (least squares with zero residuals)', () => {
    const effects = [0, 7, -2, 3, 1, -5, 12, 4, 0, -1, 2, 9];
    const y = Array.from({ length: 36 }, (_, t) => 50 + 1.5 * t + effects[t % 12]!);
    const fit = linearTrendSeasonal(12).fit(y);
    if (!fit.ok) throw new Error('fit failed');
    expect(fit.value.params.slope).toBeCloseTo(1.5, 9);
    expect(fit.value.params.intercept).toBeCloseTo(50, 9);
    fit.value.predict(24).mean.forEach((m, k) => expect(m).toBeCloseTo(50 + 1.5 * (36 + k) + effects[(36 + k) % 12]!, 8));
  });

  it('is a straight line for annual series, also on 1e12-sized amounts (national figures in yuan)', () => {
    const fit = linearTrendSeasonal(1).fit([1e12, 2e12, 3e12]);
    if (!fit.ok) throw new Error('fit failed');
    expect(fit.value.predict(1).mean[0]! / 4e12).toBeCloseTo(1, 12);
  });
});
