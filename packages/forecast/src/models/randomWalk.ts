import type { FittedForecaster, Forecaster } from '../types';
import { type RandomWalkQuantile, randomWalkBands, randomWalkSpread } from './randomWalkBands';

/** Which random walk. */
export interface RandomWalkSpec {
  /** Carry the mean one-step change forward (random walk with drift), or not (naive). */
  readonly drift: boolean;
  /** Band quantile: Student t (default) or normal (R's `rwf`). */
  readonly quantile?: RandomWalkQuantile;
}

/**
 * The random walk (`naive`: ŷ[T+h] = y[T]) and the random walk with drift (`drift`: ŷ[T+h] = y[T] + h·b, b the mean
 * one-step change = (y[T] − y[1])/(T − 1)), with R `forecast::rwf`'s prediction intervals: σ√h, and σ√(h(1 + h/(T−1)))
 * with drift, σ from the one-step changes (`randomWalkBands`). The annual baseline and a candidate beside the
 * exponential-smoothing and regression models.
 *
 * @param spec - drift or not, band quantile
 * @returns the forecaster (`minLength` 2 naive, 3 drift: the drift's σ needs a second change)
 * @example randomWalk({ drift: true }).fit([10, 12, 13, 17]) // predict(2).mean //=> [19.333…, 21.666…]
 * @see Hyndman & Athanasopoulos FPP3 §5.2 (naive and drift methods) and §5.5 (their intervals); robjhyndman/forecast R/naive.R.
 */
export function randomWalk(spec: RandomWalkSpec): Forecaster {
  const name = spec.drift ? 'drift' : 'naive';
  const minLength = spec.drift ? 3 : 2;
  const build = (y: readonly number[]): FittedForecaster => {
    const spread = randomWalkSpread(y, spec.drift);
    const fitted = y.map((_, t) => (t === 0 ? Number.NaN : y[t - 1]! + spread.drift));
    const last = y[y.length - 1]!;
    return {
      name,
      params: { drift: spread.drift, sigma: spread.sigma, sigmaEstimate: spread.estimate, degreesOfFreedom: spread.degreesOfFreedom, sigmaFloored: spread.floored ? 1 : 0 },
      fitted,
      stateful: true,
      trend: spec.drift,
      predict(h, options = {}) {
        const nonNegative = options.nonNegative ?? true;
        const mean = Array.from({ length: h }, (_, k) => last + (k + 1) * spread.drift);
        const { bands } = randomWalkBands(mean, y, { drift: spec.drift, levels: options.levels ?? [], nonNegative, ...(spec.quantile ? { quantile: spec.quantile } : {}) });
        return { mean: nonNegative ? mean.map((m) => Math.max(0, m)) : mean, bands };
      },
      update: (longer) => build(longer),
    };
  };
  return {
    name,
    minLength,
    fit(y) {
      if (y.length < minLength) {
        return { ok: false, issues: [{ code: 'too_short', path: ['series'], rule: 'twoSeasons', message: `${name} needs at least ${minLength} observations`, received: String(y.length), limit: String(minLength) }] };
      }
      return { ok: true, value: build(y) };
    },
  };
}
