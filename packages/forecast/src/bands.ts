import { randomWalkBands } from './models/randomWalkBands';
import { predictionBounds } from './stats/predictionBounds';
import type { Band } from './types';

/** Options of {@link empiricalBands}. */
export interface EmpiricalBandOptions {
  /** Bounds are raised to at least this value (0 for amounts that cannot be negative); none by default. */
  readonly floor?: number;
}

/**
 * Nested empirical bands from joint scenarios: for each step, the {@link predictionBounds} of the
 * scenario values at each level (conformal order statistics, or the t prediction interval when there
 * are too few scenarios for the level's conformal rank). Nested 50 ⊂ 80 ⊂ 95 by construction.
 *
 * @param scenarios - scenarios[k] = the values at step k, one per backtest window
 * @param levels - band levels in percent
 * @param options - `floor`: clip the bounds below (0 for inflows and outflows)
 * @returns one band per level
 * @example empiricalBands([[1, 2, 3, 4]], [50])[50] //=> { lo: [1], hi: [4] }
 * @see Angelopoulos & Bates (2021) §1; Hyndman & Athanasopoulos FPP3 §5.5 (bootstrapped intervals); Hahn & Meeker (1991) §4.7.
 */
export function empiricalBands(scenarios: readonly (readonly number[])[], levels: readonly number[], options: EmpiricalBandOptions = {}): Record<number, Band> {
  const sorted = scenarios.map((values) => [...values].sort((a, b) => a - b));
  const floor = options.floor ?? Number.NEGATIVE_INFINITY;
  const bands: Record<number, Band> = {};
  for (const level of levels) {
    const bounds = sorted.map((s) => predictionBounds(s, level));
    bands[level] = { lo: bounds.map((b) => Math.max(floor, b.lo)), hi: bounds.map((b) => Math.max(floor, b.hi)) };
  }
  return bands;
}

/** Options of {@link annualBands}. */
export interface AnnualBandOptions {
  /** Whether the model forecasts a trend (`FittedForecaster.trend`): then the drift band, else the naive one. */
  readonly trend: boolean;
  readonly levels: readonly number[];
  /** Clip at zero (inflows, outflows and their totals; not nets). */
  readonly nonNegative: boolean;
}

/**
 * The bands of an annual forecast, whatever model gave its mean: the random-walk prediction interval of R's `rwf`
 * around that mean — with drift (σ√(h(1 + h/(T−1)))) when the model carries a trend forward, naive (σ√h) when it holds
 * a level — σ from the history's year-on-year changes, Student-t quantile with σ̂'s degrees of freedom. With 3–7
 * yearly figures no model's own residuals say how far off it will be (an ETS with α, β, φ and two start values fits
 * four points almost exactly), and the backtest has far fewer errors than empirical bands need (39 for 95%); the
 * year-on-year changes are the one spread every candidate's error can be measured against, and the drift term
 * h/(T−1) carries the uncertainty of the trend itself. `undefined` when the history is too short for the band
 * (fewer than 2 values, or 3 with a trend).
 *
 * @param mean - the model's point forecasts, one per year ahead
 * @param history - the series up to the origin
 * @param options - trend or not, levels, clipping
 * @returns bands per level, or undefined
 * @example annualBands([19.33, 21.67], [10, 12, 13, 17], { trend: true, levels: [95], nonNegative: true })![95]!.hi[0] //=> 26.92… (19.33 + t₂ 4.303 · 1.5275 · √(1·(1 + 1/3)))
 * @see docs/forecast.md "Annual bands"; Hyndman & Athanasopoulos FPP3 §5.5; `randomWalkBands`.
 */
export function annualBands(mean: readonly number[], history: readonly number[], options: AnnualBandOptions): Record<number, Band> | undefined {
  if (history.length < (options.trend ? 3 : 2)) return undefined;
  return randomWalkBands(mean, history, { drift: options.trend, levels: options.levels, nonNegative: options.nonNegative }).bands;
}

/**
 * Makes a band's width non-decreasing in the horizon: the distance from the mean to each bound at step k becomes the
 * largest such distance at steps 1…k, then the bounds are clipped at `floor`. A forecast made further ahead knows no
 * more than one made nearer, so a band that shrinks after a jump (fewer backtest windows left at the far steps, a
 * step where the empirical band gives way to the model's) states a certainty the forecast does not have. Nesting
 * across levels is kept (the running maximum preserves the order of the distances).
 *
 * @param mean - the mean path
 * @param band - lower and upper bounds per step
 * @param floor - clip bounds below (0 for amounts; −∞ for nets)
 * @returns the widened band (a new object; the input is not changed)
 * @example monotoneBand([10, 10, 10], { lo: [6, 8, 5], hi: [14, 11, 16] }, 0) //=> { lo: [6, 6, 5], hi: [14, 14, 16] }
 * @see docs/forecast.md "Bands" (band width never shrinks with the horizon).
 */
export function monotoneBand(mean: readonly number[], band: Band, floor: number): Band {
  // Distances start at −∞, not 0: an empirical band need not contain the mean (a biased model's errors), and this
  // only stops it narrowing; it does not recentre it.
  let below = Number.NEGATIVE_INFINITY;
  let above = Number.NEGATIVE_INFINITY;
  const lo: number[] = [];
  const hi: number[] = [];
  mean.forEach((m, k) => {
    below = Math.max(below, m - band.lo[k]!);
    above = Math.max(above, band.hi[k]! - m);
    lo.push(Math.max(floor, m - below));
    hi.push(Math.max(floor, m + above));
  });
  return { lo, hi };
}
