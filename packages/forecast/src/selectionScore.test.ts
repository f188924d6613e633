import { describe, expect, it } from 'vitest';
import type { SeriesBacktest } from './backtest';
import { scoreRun } from './metrics';
import { selectModel } from './selectModel';
import { nestedSelectionScore } from './selectionScore';

// Worked example (by hand): one step ahead, origins 3…6, every actual 10.
//   baseline forecasts 12, 12, 12, 12  → |errors| 2, 2, 2, 2
//   A         forecasts 10, 14, 14, 14  → 0, 4, 4, 4
//   B         forecasts 13, 10, 10, 10  → 3, 0, 0, 0
// Chosen on all four windows (the in-sample rule): A 12/8 = 1.5, B 3/8 = 0.375 → B, "MASE 0.375".
// Nested: window 0 (origin 3) has no earlier error → the baseline, not scored;
//   window 1: known errors of window 0: A 0/2 = 0, B 3/2 → A; A misses by 4 where the baseline misses by 2
//   window 2: windows 0–1: A 4/4 = 1, B 3/4 = 0.75 → B; 0 vs 2
//   window 3: windows 0–2: A 8/6, B 3/6 → B; 0 vs 2
//   out-of-sample MASE = (4 + 0 + 0)/(2 + 2 + 2) = 0.6667 — worse than the 0.375 the in-sample rule reports.
const y = [0, 0, 0, 10, 10, 10, 10];
const run = (model: string, values: number[]) => ({ model, forecasts: values.map((v) => [v]), issues: [] });
const backtest: SeriesBacktest = {
  y,
  origins: [3, 4, 5, 6],
  scales: [1, 1, 1, 1],
  horizon: 1,
  runs: [run('naive', [12, 12, 12, 12]), run('A', [10, 14, 14, 14]), run('B', [13, 10, 10, 10])],
};

describe('nestedSelectionScore', () => {
  it('chooses at each window from earlier errors only and scores the pick on the window itself (worked example)', () => {
    const s = nestedSelectionScore(backtest);
    expect(s.picks).toEqual(['naive', 'A', 'B', 'B']);
    expect(s).toMatchObject({ windows: 4, informedWindows: 3, pairs: 3 });
    expect(s.mase).toBeCloseTo(4 / 6, 12);
  });

  it('the in-sample score of the same choice is the optimistic 0.375', () => {
    const scores = backtest.runs.map((r) => scoreRun(backtest, r, backtest.runs[0]!, [1]));
    const chosen = selectModel(scores);
    expect(chosen.model).toBe('B');
    expect(chosen.mase).toBeCloseTo(0.375, 12);
  });

  it('a step-2 error counts only once its actual is known: origin 3 + step 2 = period 5 is known at origin 6, not at 5', () => {
    const two: SeriesBacktest = { y: [0, 0, 0, 10, 10, 10, 10], origins: [3, 4, 5, 6], scales: [1, 1, 1, 1], horizon: 2, runs: [run2('naive', 12), run2('A', 10)] };
    const s = nestedSelectionScore(two);
    // window 1 (origin 4) knows only (window 0, step 1); window 2 (origin 5) also (0, 2) and (1, 1)
    expect(s.picks).toEqual(['naive', 'A', 'A', 'A']);
    // A is exact everywhere: 0 over the baseline's 2 per pair; pairs: window 1 → 2, window 2 → 2, window 3 → 1 (period 7 unknown)
    expect(s).toMatchObject({ pairs: 5, mase: 0 });
  });

  it('with no window that had evidence (3 years: no backtest window at all) the score is NaN, never the in-sample one', () => {
    const none: SeriesBacktest = { y: [1, 2, 3], origins: [], scales: [], horizon: 3, runs: [run('naive', []), run('drift', [])] };
    expect(nestedSelectionScore(none)).toMatchObject({ windows: 0, informedWindows: 0, pairs: 0, picks: [] });
    expect(nestedSelectionScore(none).mase).toBeNaN();
  });

  it('a model that failed at an earlier window is not in the running', () => {
    const failed: SeriesBacktest = { ...backtest, runs: [backtest.runs[0]!, { model: 'A', forecasts: [undefined, [10], [10], [10]], issues: [] }] };
    expect(nestedSelectionScore(failed).picks).toEqual(['naive', 'naive', 'naive', 'naive']);
  });
});

function run2(model: string, value: number) {
  return { model, forecasts: [0, 1, 2, 3].map(() => [value, value]), issues: [] };
}
