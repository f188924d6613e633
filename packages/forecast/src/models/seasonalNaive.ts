import type { FittedForecaster, Forecaster } from '../types';
import { residualBands } from './residualBands';

/**
 * Seasonal naive: the forecast for a month is the value of the same month a season earlier,
 * ŷ[T+k] = y[T+k−m·(⌊(k−1)/m⌋+1)]. With period 1 it is the naive forecast (last value), the baseline
 * for annual series. Always in the comparison (statsforecast `SeasonalNaive`).
 *
 * @param period - season length: 12 for monthly series, 1 for annual ones
 * @returns the forecaster
 * @example seasonalNaive(12).fit(twoYears) // predict(3).mean = the first three months of the last year
 * @see Hyndman & Athanasopoulos, FPP3 §5.2 "Some simple forecasting methods"; statsforecast `SeasonalNaive`.
 */
export function seasonalNaive(period: number): Forecaster {
  const name = period === 1 ? 'naive' : 'seasonalNaive';
  const build = (y: readonly number[]): FittedForecaster => {
    const fitted = y.map((_, t) => (t >= period ? y[t - period]! : Number.NaN));
    return {
      name,
      params: { period },
      fitted,
      stateful: true,
      predict(h, options = {}) {
        const n = y.length;
        const mean = Array.from({ length: h }, (_, k) => y[n - period + (k % period)]!);
        return residualBands(mean, y, fitted, options.levels ?? [], options.nonNegative ?? true);
      },
      update: (longer) => build(longer),
    };
  };
  return {
    name,
    minLength: period,
    fit(y) {
      if (y.length < period) {
        return { ok: false, issues: [{ code: 'too_short', path: ['series'], rule: 'oneSeason', message: `${name} needs at least one season of history`, received: String(y.length), limit: String(period) }] };
      }
      return { ok: true, value: build(y) };
    },
  };
}
