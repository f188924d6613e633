import type { SeriesBacktest } from './backtest';

/** How the automatic choice did out of sample (nested rolling origin). */
export interface SelectionScore {
  /**
   * MAE of the forecasts the choice rule would have made ÷ MAE of the baseline on the same window × horizon pairs,
   * over the windows where the choice had evidence (`informedWindows`); NaN when there were none. < 1: choosing beat
   * the baseline on data it had not seen.
   */
  readonly mase: number;
  /** Window × horizon pairs behind `mase`. */
  readonly pairs: number;
  /** Backtest windows in all. */
  readonly windows: number;
  /** Windows whose origin came after at least one error of every candidate still in the running, so the choice rested on data. */
  readonly informedWindows: number;
  /** picks[w]: the model the rule would have chosen at window w from the errors known at its origin (the baseline when none were). */
  readonly picks: string[];
}

const ratio = (num: number, den: number): number => (den === 0 ? (num === 0 ? 1 : Number.POSITIVE_INFINITY) : num / den);

/**
 * Scores the automatic choice on data it was not chosen on: at each backtest window w the rule of `selectModel`
 * (lowest MASE, ties to the earlier candidate, a model that failed at any window so far not in the running) is applied
 * to the errors whose actuals were known at w's origin (window v, step k with origin_v + k < origin_w), and the chosen
 * model's forecasts at w are then scored against the baseline's. The in-sample MASE of the finally chosen model is
 * optimistic by construction (it was chosen for being lowest on those very windows); this one is not.
 *
 * @param backtest - the series backtest; runs[0] is the baseline
 * @returns the nested score and the pick at each window
 * @example nestedSelectionScore(backtestSeries(y, 1, candidatesFor(1), defaultBacktestOptions(1))).picks //=> e.g. ['naive', 'drift', 'drift', …]
 * @see Tashman, "Out-of-sample tests of forecasting accuracy", IJF 16 (2000) §4 (the selection must be part of what is tested);
 *   Varma & Simon, "Bias in error estimation when using cross-validation for model selection", BMC Bioinformatics 7 (2006) (nested CV).
 */
export function nestedSelectionScore(backtest: SeriesBacktest): SelectionScore {
  const { origins, runs, y, horizon } = backtest;
  if (!runs[0]) throw new RangeError('nestedSelectionScore: no runs');
  // |errors| per run, window and step (NaN where the model failed or the actual is not known yet).
  const errors = runs.map((run) =>
    origins.map((origin, w) => {
      const f = run.forecasts[w];
      return Array.from({ length: horizon }, (_, k) => {
        const actual = y[origin + k];
        return f && actual !== undefined ? Math.abs(actual - f[k]!) : Number.NaN;
      });
    }),
  );
  const firstFailure = runs.map((run) => {
    const w = run.forecasts.findIndex((f) => f === undefined);
    return w < 0 ? Number.POSITIVE_INFINITY : w;
  });
  // Every (window, step) pair in the order its actual becomes known (period origin + k), swept once: O(W·H·R).
  const known = origins.flatMap((origin, v) => Array.from({ length: horizon }, (_, k) => ({ v, k, at: origin + k }))).sort((a, b) => a.at - b.at);
  const num = runs.map(() => 0);
  const den = runs.map(() => 0);
  const count = runs.map(() => 0);
  let next = 0;
  const picks: string[] = [];
  let informedWindows = 0;
  let model = 0;
  let base = 0;
  let pairs = 0;
  origins.forEach((origin, w) => {
    for (; next < known.length && known[next]!.at < origin; next++) {
      const { v, k } = known[next]!;
      const b = errors[0]![v]![k]!;
      if (!Number.isFinite(b)) continue;
      errors.forEach((e, r) => {
        const value = e[v]![k]!;
        if (!Number.isFinite(value)) return;
        num[r] = num[r]! + value;
        den[r] = den[r]! + b;
        count[r] = count[r]! + 1;
      });
    }
    let best = 0;
    let bestMase = Number.POSITIVE_INFINITY;
    let informed = false;
    runs.forEach((_, r) => {
      if (firstFailure[r]! <= w || count[r] === 0) return;
      informed = true;
      const mase = ratio(num[r]!, den[r]!);
      if (mase < bestMase - 1e-12) {
        best = r;
        bestMase = mase;
      }
    });
    picks.push(runs[informed ? best : 0]!.model);
    if (!informed) return;
    informedWindows++;
    for (let k = 0; k < horizon; k++) {
      const e = errors[best]![w]![k]!;
      const b = errors[0]![w]![k]!;
      if (!Number.isFinite(e) || !Number.isFinite(b)) continue;
      model += e;
      base += b;
      pairs++;
    }
  });
  return { mase: pairs ? ratio(model, base) : Number.NaN, pairs, windows: origins.length, informedWindows, picks };
}
