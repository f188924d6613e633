import { normalQuantile } from '../stats/normalQuantile';
import { randomWalkStepSd } from '../stats/randomWalkStepSd';
import { studentTQuantile } from '../stats/studentTQuantile';
import type { Band } from '../types';

/**
 * The least one-step spread a random-walk band is given, as a share of the series' level (|last value|, or mean |y|
 * when the last value is 0): 1%. It binds only when the changes of the history are (nearly) all the same — a flat
 * history, or for the drift a straight line — where σ̂ would be 0 and the band would have no width. An assumption
 * (no yearly fund flow is known to better than 1% a year ahead), not an estimate; docs/forecast.md "Annual bands".
 */
export const SIGMA_FLOOR_SHARE = 0.01;

/** Which quantile the band multiplies σ_h by. */
export type RandomWalkQuantile = 'studentT' | 'normal';

/** The spread of a random walk's one-step changes, as R's `rw_model` estimates it, with the floor applied. */
export interface RandomWalkSpread {
  /** σ used for the bands: max(σ̂, floor). */
  readonly sigma: number;
  /** σ̂ from the changes: √(Σd²/(T−1)) without drift, the standard deviation of d (divisor T−2) with drift. */
  readonly estimate: number;
  /** The mean change b (0 without drift). */
  readonly drift: number;
  /** Degrees of freedom of σ̂: T − 1 without drift, T − 2 with. */
  readonly degreesOfFreedom: number;
  /** T, the length of the history. */
  readonly observations: number;
  /** Whether the floor {@link SIGMA_FLOOR_SHARE} replaced σ̂. */
  readonly floored: boolean;
}

/**
 * σ̂ of a random walk (with or without drift) from the one-step changes d_t = y_t − y_{t−1}: without drift
 * √(mean d²) (the changes are the residuals, nothing is estimated); with drift b = mean d and the residual standard
 * error √(Σ(d − b)²/(T − 2)) of `lm(diff(y) ~ 1)`. Then floored at {@link SIGMA_FLOOR_SHARE} of the level.
 *
 * @param y - the history, oldest first (T ≥ 2; ≥ 3 with drift)
 * @param drift - random walk with drift
 * @returns the spread
 * @example randomWalkSpread([10, 12, 13, 17], false).estimate //=> 2.6457… (√((4 + 1 + 16)/3) = √7)
 * @example randomWalkSpread([10, 12, 13, 17], true) //=> { drift: 2.3333…, estimate: 1.5275… (√(14/3 / 2)), degreesOfFreedom: 2, … }
 * @see robjhyndman/forecast R/naive.R `rw_model` (`sigma <- sqrt(mean(res^2))`; with drift `summary(lm(y - fitted ~ 1))$sigma`).
 */
export function randomWalkSpread(y: readonly number[], drift: boolean): RandomWalkSpread {
  const observations = y.length;
  const changes = observations - 1;
  if (changes < (drift ? 2 : 1)) throw new RangeError(`randomWalkSpread: ${observations} observations are too few${drift ? ' for a drift' : ''}`);
  const d = Array.from({ length: changes }, (_, t) => y[t + 1]! - y[t]!);
  const b = drift ? d.reduce((a, v) => a + v, 0) / changes : 0;
  const degreesOfFreedom = drift ? changes - 1 : changes;
  const estimate = Math.sqrt(d.reduce((a, v) => a + (v - b) ** 2, 0) / degreesOfFreedom);
  const last = Math.abs(y[observations - 1]!);
  const level = last > 0 ? last : y.reduce((a, v) => a + Math.abs(v), 0) / observations;
  const floor = SIGMA_FLOOR_SHARE * level;
  return { sigma: Math.max(estimate, floor), estimate, drift: b, degreesOfFreedom, observations, floored: floor > estimate };
}

/** Options of {@link randomWalkBands}. */
export interface RandomWalkBandOptions {
  /** Random walk with drift (bands σ√(h(1 + h/(T−1)))) or without (σ√h). */
  readonly drift: boolean;
  /** Band levels in percent. */
  readonly levels: readonly number[];
  /** Clip the bounds at zero (amounts that cannot be negative). */
  readonly nonNegative: boolean;
  /** Student t with the degrees of freedom of σ̂ (default: σ is estimated from few changes) or the normal quantile (R's `rwf`). */
  readonly quantile?: RandomWalkQuantile;
}

/**
 * Random-walk prediction bands around a given mean: mean_h ± q·σ_h with σ_h from {@link randomWalkStepSd} and σ from
 * the history's one-step changes ({@link randomWalkSpread}); q the Student-t quantile with the degrees of freedom of σ̂
 * by default (the exact predictive interval when the changes are independent normal), or the normal quantile as
 * R's `forecast::rwf`. Nested in the level and never narrower than the floor; wider with every step.
 *
 * @param mean - point forecasts, one per step
 * @param y - the history the spread is estimated from
 * @param options - drift, levels, clipping, quantile
 * @returns bands per level and the spread used
 * @example randomWalkBands([17, 17], [10, 12, 13, 17], { drift: false, levels: [80], nonNegative: true, quantile: 'normal' }).bands[80]!.hi //=> [20.3907…, 21.7952…]
 * @see Hyndman & Athanasopoulos FPP3 §5.5; robjhyndman/forecast R/naive.R `forecast.rw_model` (`fc ± qnorm(.5 + level/200) * se`).
 */
export function randomWalkBands(mean: readonly number[], y: readonly number[], options: RandomWalkBandOptions): { bands: Record<number, Band>; spread: RandomWalkSpread } {
  const spread = randomWalkSpread(y, options.drift);
  const clip = (v: number): number => (options.nonNegative ? Math.max(0, v) : v);
  const sd = mean.map((_, k) => randomWalkStepSd(spread.sigma, k + 1, spread.observations, options.drift));
  const bands: Record<number, Band> = {};
  for (const level of options.levels) {
    const p = (100 + level) / 200;
    const q = options.quantile === 'normal' ? normalQuantile(p) : studentTQuantile(p, spread.degreesOfFreedom);
    bands[level] = { lo: mean.map((m, k) => clip(m - q * sd[k]!)), hi: mean.map((m, k) => clip(m + q * sd[k]!)) };
  }
  return { bands, spread };
}
