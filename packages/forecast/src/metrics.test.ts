import { describe, expect, it } from 'vitest';
import type { ModelRun, SeriesBacktest } from './backtest';
import { scoreRun } from './metrics';

// Hand-worked backtest: one step ahead, forecasts all 0 and scale 1, so the scaled errors are the actuals.
// Window w is calibrated on windows 0..w−1 (their actuals were known at w's origin).
// Window 8: calibration −1..6 (n = 8, x̄ 2.5, s = √6 = 2.449). Both conformal ranks are out of range, so
//   95%: 2.5 ± t₇,₀.₉₇₅ 2.365 · 2.449 · √(9/8) = 2.5 ± 6.14 → [−3.64, 8.64]: the error 7 is inside;
//   80%: 2.5 ± t₇,₀.₉₀ 1.415 · 2.449 · √(9/8) = 2.5 ± 3.68 → [−1.18, 6.18]: 7 is outside.
//   (The clamped conformal band [−1, 6] missed it at both levels.)
// Window 9: calibration −1..7 (n = 9): 80% is conformal, ranks 1 and 9 → [−1, 7]; 95% is
//   3 ± t₈,₀.₉₇₅ 2.306 · 2.739 · √(10/9) = 3 ± 6.66 → [−3.66, 9.66]: the error 10 is outside both.
// t values from the NIST/SEMATECH e-Handbook §1.3.6.7.2 table.
const Y = [-1, 0, 1, 2, 3, 4, 5, 6, 7, 10];

function handBacktest(): { backtest: SeriesBacktest; run: ModelRun } {
  const run: ModelRun = { model: 'zero', forecasts: Y.map(() => [0]), issues: [] };
  return { backtest: { y: Y, origins: Y.map((_, i) => i), scales: Y.map(() => 1), horizon: 1, runs: [run] }, run };
}

describe('scoreRun coverage', () => {
  it('scores only windows with 8 earlier errors and uses the t interval where the conformal rank is out of range', () => {
    const { backtest, run } = handBacktest();
    const score = scoreRun(backtest, run, run, [1]);
    expect(score.coverageCounts).toEqual({ scored: 2, hits80: 0, hits95: 1 });
    expect(score.coverage95).toBe(0.5);
    expect(score.coverage80).toBe(0);
    expect(score.byHorizon[0]).toMatchObject({ horizon: 1, coverage80: 0, coverage95: 0.5, windows: 10 });
  });

  it('reports counts that pool across series: hits ÷ scored reproduces each series\' coverage', () => {
    const { backtest, run } = handBacktest();
    const score = scoreRun(backtest, run, run, [1]);
    expect(score.coverageCounts.hits95 / score.coverageCounts.scored).toBe(score.coverage95);
    expect(score.coverageCounts.hits80 / score.coverageCounts.scored).toBe(score.coverage80);
  });
});
