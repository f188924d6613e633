import { normalQuantile } from '../stats/normalQuantile';
import type { Band, Prediction } from '../types';

/**
 * Model-based bands: mean ± z·σ·√k, with σ the standard deviation of the one-step in-sample
 * residuals. A rough random-walk widening shared by every model; the forecast pipeline replaces these
 * with empirical bands from the backtest's own errors (`forecastFlows`, `empiricalBands`).
 *
 * @param mean - point forecasts, one per step
 * @param actual - the history
 * @param fitted - one-step fitted values (NaN where none)
 * @param levels - band levels in percent
 * @param nonNegative - clip at zero
 * @returns the prediction with nested bands
 * @example residualBands([10], [1, 2, 3], [NaN, 1, 2], [80], false).bands[80]!.lo[0] //=> 10 (σ = 0)
 * @see Hyndman & Athanasopoulos, Forecasting: Principles and Practice (3rd ed.), §5.5 (benchmark intervals).
 */
export function residualBands(mean: readonly number[], actual: readonly number[], fitted: readonly number[], levels: readonly number[], nonNegative: boolean): Prediction {
  const residuals: number[] = [];
  actual.forEach((y, i) => {
    const f = fitted[i];
    if (f !== undefined && Number.isFinite(f)) residuals.push(y - f);
  });
  const meanResidual = residuals.length ? residuals.reduce((a, b) => a + b, 0) / residuals.length : 0;
  const sigma = residuals.length > 1 ? Math.sqrt(residuals.reduce((a, r) => a + (r - meanResidual) ** 2, 0) / (residuals.length - 1)) : 0;
  const clip = (v: number): number => (nonNegative ? Math.max(0, v) : v);
  const bands: Record<number, Band> = {};
  for (const level of levels) {
    const z = normalQuantile(0.5 + level / 200);
    bands[level] = {
      lo: mean.map((m, k) => clip(m - z * sigma * Math.sqrt(k + 1))),
      hi: mean.map((m, k) => clip(m + z * sigma * Math.sqrt(k + 1))),
    };
  }
  return { mean: mean.map(clip), bands };
}
