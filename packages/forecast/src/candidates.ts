import { holtWinters } from './models/holtWinters';
import { linearTrendSeasonal } from './models/linearTrendSeasonal';
import { randomWalk } from './models/randomWalk';
import { seasonalNaive } from './models/seasonalNaive';
import type { Forecaster } from './types';

/** The candidates compared per series, and the pair averaged into the simple combination. */
export interface CandidateSet {
  /** The baseline every MASE is scaled by: seasonal naive (for annual series the random walk, `naive`, with R `rwf` bands). */
  readonly baseline: Forecaster;
  readonly models: readonly Forecaster[];
  /** Names of the two models whose forecasts are averaged as the `combination` candidate. */
  readonly combination: readonly [string, string];
}

/**
 * The fixed candidate list for a season length. Monthly: seasonal naive, Holt–Winters additive
 * (trend, damped trend), multiplicative with damped trend, linear trend + month effects. Annual:
 * the random walk (naive) and the random walk with drift (both with R `rwf` intervals), simple exponential
 * smoothing, Holt (trend, damped trend), linear trend. The combination is fixed in advance (damped additive
 * ETS with the regression), so choosing it is not data snooping.
 *
 * @param period - 12 monthly, 1 annual
 * @returns the candidate set
 * @example candidatesFor(1).models.map((m) => m.name) //=> ['naive', 'drift', 'ets(N,N)', 'ets(A,N)', 'ets(Ad,N)', 'linearTrend']
 * @see Hyndman & Athanasopoulos FPP3 §13.4 (forecast combinations), §5.2 (naive and drift); statsforecast `fallback_model`.
 */
export function candidatesFor(period: number): CandidateSet {
  if (period === 1) {
    const baseline = randomWalk({ drift: false });
    return {
      baseline,
      models: [baseline, randomWalk({ drift: true }), holtWinters({ period, seasonal: 'none', trend: 'none' }), holtWinters({ period, seasonal: 'none', trend: 'additive' }), holtWinters({ period, seasonal: 'none', trend: 'damped' }), linearTrendSeasonal(period)],
      combination: ['ets(Ad,N)', 'linearTrend'],
    };
  }
  const baseline = seasonalNaive(period);
  return {
    baseline,
    models: [
      baseline,
      holtWinters({ period, seasonal: 'additive', trend: 'additive' }),
      holtWinters({ period, seasonal: 'additive', trend: 'damped' }),
      holtWinters({ period, seasonal: 'multiplicative', trend: 'damped' }),
      linearTrendSeasonal(period),
    ],
    combination: ['ets(Ad,A)', 'linearTrend+months'],
  };
}
