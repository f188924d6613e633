import { describe, expect, it } from 'vitest';
import { randomWalkStepSd } from './randomWalkStepSd';

// 来源: Hyndman & Athanasopoulos, FPP3 §5.5 (multi-step standard deviations: naive σ√h, drift σ√(h(1 + h/(T−1))));
// robjhyndman/forecast R/naive.R `forecast.rw_model`: se = sqrt(mse·h + (h·drift.se)²), drift.se = σ/√(T−1).
describe('randomWalkStepSd', () => {
  it('naive: σ√h — σ = 2, h = 4 gives 4', () => {
    expect(randomWalkStepSd(2, 4, 5, false)).toBe(4);
  });

  it('drift: σ√(h(1 + h/(T−1))) — σ = 2, h = 4, T = 5: 2·√(4·2) = 5.6569; the same as √(σ²h + (h·σ/√(T−1))²)', () => {
    expect(randomWalkStepSd(2, 4, 5, true)).toBeCloseTo(2 * Math.sqrt(8), 12);
    expect(randomWalkStepSd(2, 4, 5, true)).toBeCloseTo(Math.sqrt(4 * 4 + (4 * 2 / Math.sqrt(4)) ** 2), 12);
  });

  it('grows with the horizon, and the drift term makes it grow faster than √h', () => {
    const naive = [1, 2, 3, 4, 5].map((h) => randomWalkStepSd(1, h, 4, false));
    const drift = [1, 2, 3, 4, 5].map((h) => randomWalkStepSd(1, h, 4, true));
    for (let k = 1; k < 5; k++) {
      expect(naive[k]!).toBeGreaterThan(naive[k - 1]!);
      expect(drift[k]!).toBeGreaterThan(drift[k - 1]!);
      expect(drift[k]! / naive[k]!).toBeGreaterThan(drift[k - 1]! / naive[k - 1]!);
    }
  });

  it('refuses what has no meaning: a negative σ, step 0, a drift from one change', () => {
    expect(() => randomWalkStepSd(-1, 1, 4, false)).toThrow(/sigma/);
    expect(() => randomWalkStepSd(1, 0, 4, false)).toThrow(/steps/);
    expect(() => randomWalkStepSd(1, 1, 2, true)).toThrow(/too few for a drift/);
    expect(randomWalkStepSd(1, 1, 2, false)).toBe(1);
  });
});
