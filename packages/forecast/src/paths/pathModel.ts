import { seriesScale } from '../backtest';
import { periodOrdinal } from '../input/periodOrdinal';
import { MIN_CALIBRATION } from '../metrics';
import type { FittedForecaster } from '../types';
import { calendarLevelRatios } from './calendarLevelRatios';
import { impulseResponse } from './impulseResponse';
import { meanBlockLength } from './stationaryBootstrap';

/** What `simulatePaths` needs of one series (docs/forecast.md "Paths"). Amounts in scaled units (÷ the series' scale). */
export interface SeriesPathModel {
  /** z_t: the series' standardised one-step residual at each of the path model's `periods` (centred, unit RMS; all 0 for a series forecast as zero). */
  readonly innovations: number[];
  /** σ_c = s·λ_c: the spread of a surprise in calendar month c (index 0 = January; one value for annual series), before `stepFactor`; 0 for a month that never had a flow. */
  readonly monthSd: number[];
  /** f: √(mean of e² ÷ V) over all the backtest's window × horizon pairs, V the variance these innovations imply for that horizon and month; 1 when fewer than MIN_CALIBRATION pairs. */
  readonly outOfSampleFactor: number;
  /** f_h, the same per backtest horizon h (index h − 1); a horizon with fewer than MIN_CALIBRATION pairs takes the previous one's (the first takes f). */
  readonly horizonFactor: number[];
  /** What the deviation at each forecast step is multiplied by: f_h of its horizon, and past the backtest horizon no more than lets the spread grow like √k (docs/forecast.md "Paths"). */
  readonly stepFactor: number[];
  /** Backtest window × horizon pairs behind `outOfSampleFactor`. */
  readonly calibrationPairs: number;
  /** ν: distinct months the spread was estimated from (the backtest's target months, or the residuals when it has too few), at least 3; each path's spread is drawn from its uncertainty (`scaleMixture`). */
  readonly degreesOfFreedom: number;
  /** impulse[i][k]: change of step k per unit surprise at step i (`impulseResponse`), over the forecast horizon. */
  readonly impulse: number[][];
}

/** What the forecast keeps for its paths: the resampled history periods and each series' model. */
export interface PathModel {
  /** The history periods whose joint residual vectors are resampled (every series has a one-step residual there). */
  readonly periods: string[];
  /** Mean block length L of the stationary bootstrap (n^{1/3}). */
  readonly meanBlock: number;
  /** One per forecast series, in the order of `FlowForecast.series`. */
  readonly series: SeriesPathModel[];
}

/** One series as the path model needs it. */
export interface PathModelInput {
  /** The history, oldest first. */
  readonly y: readonly number[];
  /** The fitted model(s) behind the forecast (two for the combination, none for a series forecast as zero). */
  readonly members: readonly FittedForecaster[];
  /** The series' scale now (mean |y| over the last season). */
  readonly scale: number;
  /** The chosen model's scaled backtest errors, windows × backtest horizon (NaN where unknown). */
  readonly errors: readonly (readonly number[])[];
  /** The backtest origins (index of each window's first forecast period). */
  readonly origins: readonly number[];
}

/** The spread's degrees of freedom are never taken below 3 (a t with fewer has no finite variance). */
const MIN_DEGREES_OF_FREEDOM = 3;

/**
 * The calendar month (0 = January) of a period label; 0 for annual labels.
 *
 * @param label - 'YYYY-MM' or 'YYYY'
 * @param period - season length (12 monthly, 1 annual)
 * @returns 0 … period − 1
 * @example calendarIndex('2025-12', 12) //=> 11
 * @see periodOrdinal
 */
export function calendarIndex(label: string, period: number): number {
  return period > 1 ? periodOrdinal(label)!.ordinal % period : 0;
}

/**
 * Builds the path model of a forecast (docs/forecast.md "Paths"):
 *
 * 1. each series' one-step residuals ε_t = (y_t − ŷ_{t|t−1}) ÷ (mean |y| over the season before t) from the
 *    fitted model(s), kept at the periods where every series has one, so that a period's residuals form
 *    one joint vector (resampling it keeps the correlation between fund types and between inflow and
 *    outflow of the same month);
 * 2. the calendar profile λ_c (`calendarLevelRatios`) and standardised innovations z_t = ε_t ÷ λ_{c(t)}
 *    (0 where λ = 0), centred and scaled to unit RMS with s = RMS(ε/λ), so a surprise in month c has
 *    spread σ_c = s·λ_c (errors proportional to the month's size);
 * 3. the model's impulse response (`impulseResponse`);
 * 4. per backtest horizon h, the out-of-sample factor f_h² = mean of e² ÷ V over the backtest's pairs at h,
 *    where V = Σ_{j<h} impulse[k−j][k]²·σ²_{c(k−j)} is the variance the paths give an h-step forecast of
 *    that pair's calendar month (k the first forecast step in that month at least h − 1 ahead): f_h
 *    replaces the residuals' in-sample optimism by what the model really missed at that horizon. Past
 *    the backtest horizon H a step keeps the factor of the step H' ≤ H in its calendar month, and its
 *    spread may grow at most like √(k/H') (the bands' rule), whatever the model's own growth.
 *
 * @param inputs - one per series
 * @param historyPeriods - the table's periods
 * @param forecastPeriods - the forecast's periods
 * @param period - season length (12 monthly, 1 annual)
 * @param backtestHorizon - steps of each backtest window
 * @returns the path model
 * @example buildPathModel(inputs, table.periods, fc.periods, 12, 12).periods.length //=> 36 for 48 months of history
 * @see Davison & Hinkley, Bootstrap Methods and their Application (1997) §8.2 (model-based resampling of residuals);
 *   Hyndman & Athanasopoulos FPP3 §5.5 (bootstrapped residuals and simulated paths).
 */
export function buildPathModel(inputs: readonly PathModelInput[], historyPeriods: readonly string[], forecastPeriods: readonly string[], period: number, backtestHorizon: number): PathModel {
  const n = historyPeriods.length;
  const historyCalendar = historyPeriods.map((p) => calendarIndex(p, period));
  const horizon = forecastPeriods.length;
  // Long enough to reach every calendar month at every backtest horizon, for V(h, c).
  const impulseHorizon = Math.max(horizon, backtestHorizon + period - 1);
  const firstCalendar = calendarIndex(forecastPeriods[0]!, period);
  const stepCalendar = Array.from({ length: impulseHorizon }, (_, k) => (firstCalendar + k) % period);

  const residuals = inputs.map((input) => {
    const out = new Array<number>(n).fill(input.members.length ? Number.NaN : 0);
    if (input.members.length === 0) return out;
    for (let t = period; t < n; t++) {
      let fitted = 0;
      for (const member of input.members) fitted += member.fitted[t]! / input.members.length;
      out[t] = (input.y[t]! - fitted) / seriesScale(input.y, t, period);
    }
    return out;
  });
  const joint: number[] = [];
  for (let t = 0; t < n; t++) if (residuals.every((r) => Number.isFinite(r[t]!))) joint.push(t);
  const mean = (xs: readonly number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

  const series = inputs.map((input, index): SeriesPathModel => {
    const levelRatio = calendarLevelRatios(input.y, historyCalendar, period);
    const relative = joint.map((t) => {
      const ratio = levelRatio[historyCalendar[t]!]!;
      return ratio > 0 ? residuals[index]![t]! / ratio : 0;
    });
    const centre = mean(relative);
    const spread = Math.sqrt(mean(relative.map((v) => (v - centre) ** 2)));
    const innovations = relative.map((v) => (spread > 0 ? (v - centre) / spread : 0));
    const monthSd = levelRatio.map((ratio) => (input.members.length ? spread * ratio : 0));
    const impulse = input.members.length ? impulseResponse(input.members, input.y, impulseHorizon, 1e-3 * input.scale) : identity(impulseHorizon);

    // Out-of-sample factor per backtest horizon h: f_h² = mean of e² ÷ V over the pairs at h.
    const byHorizon = Array.from({ length: backtestHorizon }, () => [] as number[]);
    const targets = new Set<number>();
    input.errors.forEach((row, w) => {
      row.forEach((e, k) => {
        if (!Number.isFinite(e) || k >= backtestHorizon) return;
        const t = input.origins[w]! + k;
        const step = firstStepAt(stepCalendar, historyCalendar[t]!, k);
        if (step < 0) return;
        const v = impliedVariance(impulse, monthSd, stepCalendar, step - k, step);
        if (!(v > 1e-12)) return;
        byHorizon[k]!.push((e * e) / v);
        targets.add(t);
      });
    });
    const pairs = byHorizon.reduce((a, r) => a + r.length, 0);
    const pooled = pairs >= MIN_CALIBRATION ? Math.sqrt(mean(byHorizon.flat())) : 1;
    const horizonFactor: number[] = [];
    byHorizon.forEach((ratios, h) => horizonFactor.push(ratios.length >= MIN_CALIBRATION ? Math.sqrt(mean(ratios)) : h > 0 ? horizonFactor[h - 1]! : pooled));
    // Step k of the paths: the factor of its horizon; past the backtest horizon, the spread of the same calendar month
    // H' steps ahead (H' ≤ H) may grow at most like √(k/H') (the bands' rule), whatever the model's own growth.
    const stepFactor = Array.from({ length: horizon }, (_, k) => {
      if (k < backtestHorizon) return horizonFactor[k]!;
      const sameMonth = k - period * Math.ceil((k - backtestHorizon + 1) / period);
      const anchor = sameMonth >= 0 ? sameMonth : backtestHorizon - 1;
      const factor = horizonFactor[anchor]!;
      const own = impliedVariance(impulse, monthSd, stepCalendar, 0, k);
      const allowed = impliedVariance(impulse, monthSd, stepCalendar, 0, anchor) * ((k + 1) / (anchor + 1));
      return own > allowed && own > 0 ? factor * Math.sqrt(allowed / own) : factor;
    });
    return {
      innovations,
      monthSd,
      outOfSampleFactor: pooled,
      horizonFactor,
      stepFactor,
      calibrationPairs: pairs,
      degreesOfFreedom: Math.max(MIN_DEGREES_OF_FREEDOM, pairs >= MIN_CALIBRATION ? targets.size : joint.length - 1),
      impulse: impulse.slice(0, horizon).map((row) => row.slice(0, horizon)),
    };
  });
  return { periods: joint.map((t) => historyPeriods[t]!), meanBlock: meanBlockLength(joint.length), series };
}

/** V = Σ_{from ≤ i ≤ step} impulse[i][step]²·σ²_{c(i)}: the variance the innovations give step `step` from an origin before `from`. */
function impliedVariance(impulse: readonly (readonly number[])[], monthSd: readonly number[], stepCalendar: readonly number[], from: number, step: number): number {
  let v = 0;
  for (let i = from; i <= step; i++) v += impulse[i]![step]! ** 2 * monthSd[stepCalendar[i]!]! ** 2;
  return v;
}

/** The first step ≥ minStep in calendar month c, or −1. */
function firstStepAt(stepCalendar: readonly number[], c: number, minStep: number): number {
  for (let k = minStep; k < stepCalendar.length; k++) if (stepCalendar[k] === c) return k;
  return -1;
}

function identity(size: number): number[][] {
  return Array.from({ length: size }, (_, i) => Array.from({ length: size }, (_, k) => (i === k ? 1 : 0)));
}
