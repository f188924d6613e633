import type { FittedForecaster } from '../types';

/**
 * How a model's forecasts move when one future month comes in above its forecast: impulse[i][k] is the
 * change of the forecast for step k after a unit surprise at step i (k > i), with impulse[i][i] = 1 and 0
 * below the diagonal. So a path driven by innovations η deviates from the mean forecast by
 * d[k] = Σ_{i≤k} impulse[i][k]·η[i]: the h-step error of a state-space model written through its
 * innovations, e[T+h] = ε[T+h] + Σ_{j=1}^{h−1} c_j ε[T+h−j] (Hyndman et al. 2008, ch. 6). For ETS(A,Ad,A)
 * in Holt–Winters form c_j = α + αβ(φ + … + φʲ) + γ(1 − α)·[j mod m = 0]; seasonal naive has c_j = 1 at
 * every multiple of the season. Measured, not derived: each stateful member (`FittedForecaster.stateful`)
 * runs its own parameters (`update`) over the history plus its own mean up to step i, once as forecast
 * and once with `delta` added at step i; the difference of the two forecasts ÷ delta is the row. Exact
 * for the linear state models (additive ETS, seasonal naive), a linearisation for multiplicative
 * seasonality. A member that is a fixed function of time (a regression line: `stateful` false) has
 * independent errors, c_j = 0; its `update` refits the line, which is what a forecaster would do next
 * month, not how the series itself moves. A combination's row is its members' mean.
 *
 * @param members - the fitted model(s) whose mean is the forecast (two for the combination)
 * @param y - the history they were fitted on
 * @param horizon - steps ahead
 * @param delta - the surprise, in the series' unit (small against its level, e.g. 0.001 × scale)
 * @returns the horizon × horizon upper-triangular matrix
 * @example impulseResponse([seasonalNaive(12).fit(y).value], y, 13, 1)[0]![12] //=> 1 (this January's surprise is next January's forecast)
 * @see Hyndman, Koehler, Ord & Snyder, Forecasting with Exponential Smoothing (2008) §6.1 (c_j) and Table 6.2;
 *   Hyndman & Athanasopoulos FPP3 §5.5 (simulating future paths by feeding draws back into the model).
 */
export function impulseResponse(members: readonly FittedForecaster[], y: readonly number[], horizon: number, delta: number): number[][] {
  const rows = Array.from({ length: horizon }, (_, i) => {
    const row = new Array<number>(horizon).fill(0);
    row[i] = 1;
    return row;
  });
  for (const member of members) {
    if (!member.stateful) continue;
    const mean = member.predict(horizon, { nonNegative: false }).mean;
    for (let i = 0; i < horizon - 1; i++) {
      const extended = [...y, ...mean.slice(0, i + 1)];
      const ahead = horizon - i - 1;
      const base = member.update(extended).predict(ahead, { nonNegative: false }).mean;
      extended[extended.length - 1] = extended[extended.length - 1]! + delta;
      const moved = member.update(extended).predict(ahead, { nonNegative: false }).mean;
      const row = rows[i]!;
      for (let k = i + 1; k < horizon; k++) row[k] = row[k]! + (moved[k - i - 1]! - base[k - i - 1]!) / delta / members.length;
    }
  }
  return rows;
}
