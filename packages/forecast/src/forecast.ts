import type { Result } from '@fundladder/core';
import type { Forecaster, Prediction, PredictOptions } from './types';

/**
 * Fits and predicts in one call, statsforecast's stateless `forecast(y, h, level)`.
 *
 * @param model - any {@link Forecaster}
 * @param y - the history, oldest first
 * @param h - periods ahead
 * @param options - band levels and clipping
 * @returns the prediction, or the fit's issues
 * @example forecast(seasonalNaive(1), [1, 2, 3], 2).ok //=> true (mean [3, 3])
 * @see Nixtla/statsforecast python/statsforecast/models.py (`forecast`)
 */
export function forecast(model: Forecaster, y: readonly number[], h: number, options: PredictOptions = {}): Result<Prediction> {
  const fitted = model.fit(y);
  return fitted.ok ? { ok: true, value: fitted.value.predict(h, options) } : fitted;
}
