import type { DomainIssue } from '@fundladder/core';
import { annualBands } from './bands';
import { type CandidateSet, candidatesFor } from './candidates';
import type { Band, FittedForecaster } from './types';

/** The band levels a backtest scores (coverage80, coverage95). */
export const BACKTEST_LEVELS = [80, 95] as const;

/** Options of a rolling-origin backtest (statsforecast `cross_validation`). */
export interface BacktestOptions {
  /** Periods forecast from each origin (default 12 monthly, 3 annual). */
  readonly horizon: number;
  /** At most this many origins, the latest ones, one period apart (default 48 monthly, 10 annual). */
  readonly windows: number;
  /** Refit a model's parameters every this many origins; in between, the fitted parameters are run over the longer history. 1 = refit at every origin. */
  readonly refitEvery: number;
  /** Shortest training history (default 2 seasons + 1 monthly, 3 annual). */
  readonly minTrain: number;
}

/**
 * Default backtest options for a season length: 12 months ahead from the latest 48 origins, refit yearly
 * (monthly); 3 years ahead from 10 origins (annual). The shortest training history is the longest any
 * candidate model needs (`Forecaster.minLength`: 2 seasons + 1 for seasonal Holt–Winters, 3 annual).
 * @example defaultBacktestOptions(12).minTrain //=> 25
 */
export function defaultBacktestOptions(period: number): BacktestOptions {
  const minTrain = Math.max(...candidatesFor(period).models.map((m) => m.minLength));
  return period === 1 ? { horizon: 3, windows: 10, refitEvery: 1, minTrain } : { horizon: 12, windows: 48, refitEvery: 12, minTrain };
}

/** One model's forecasts at every origin. */
export interface ModelRun {
  readonly model: string;
  /** forecasts[w][k]: the forecast made at origin w for step k+1 (undefined when the model failed). */
  readonly forecasts: (number[] | undefined)[];
  /** Why the model could not be run, if it could not. */
  readonly issues: DomainIssue[];
  /**
   * Annual series only: bands[w] = the 80% and 95% bands the forecast made at origin w carries (`annualBands`, from
   * the history before the origin only), so their coverage is scored as they are, out of sample. Monthly bands are
   * calibrated on earlier windows' errors instead (`scoreRun`).
   */
  readonly bands?: (Record<number, Band> | undefined)[];
}

/** The backtest of one series. */
export interface SeriesBacktest {
  readonly y: readonly number[];
  /** Index of the first forecast period of each window (the cutoff is origin − 1). */
  readonly origins: number[];
  /** The scale of each window: mean |y| over the last season before the origin (1 when that is 0). */
  readonly scales: number[];
  readonly horizon: number;
  readonly runs: ModelRun[];
}

/**
 * The level a window's errors are scaled by: mean |y| over the last season before `end` (the last
 * value for annual series); 1 when that is zero, so an all-zero series keeps absolute errors.
 *
 * @param y - the series
 * @param end - exclusive end index
 * @param period - season length
 * @returns the scale
 * @example seriesScale([2, 4, 6], 3, 1) //=> 6
 * @see docs/forecast.md "Bands"
 */
export function seriesScale(y: readonly number[], end: number, period: number): number {
  const from = Math.max(0, end - period);
  let acc = 0;
  for (let i = from; i < end; i++) acc += Math.abs(y[i]!);
  const scale = end > from ? acc / (end - from) : 0;
  return scale > 0 ? scale : 1;
}

/**
 * Rolling-origin backtest of every candidate on one series: at each origin the model sees only the
 * history before it, forecasts `horizon` periods, and is refitted every `refitEvery` origins. The
 * `combination` candidate is the mean of its two members' forecasts at the same origins.
 *
 * @param y - the series, oldest first
 * @param period - season length
 * @param candidates - the candidate set
 * @param options - horizon, windows, refit cadence, minimum training length
 * @returns origins, scales and each model's forecasts
 * @example backtestSeries(y, 12, candidatesFor(12), defaultBacktestOptions(12)).runs.length //=> 6
 * @see Tashman, "Out-of-sample tests of forecasting accuracy", IJF 16 (2000); statsforecast `cross_validation(h, n_windows, step_size=1, refit)`.
 */
export function backtestSeries(y: readonly number[], period: number, candidates: CandidateSet, options: BacktestOptions): SeriesBacktest {
  const origins: number[] = [];
  for (let t = Math.max(options.minTrain, y.length - options.windows); t < y.length; t++) origins.push(t);
  const scales = origins.map((t) => seriesScale(y, t, period));
  const annual = period === 1;
  const trends: boolean[][] = [];
  const runs: ModelRun[] = candidates.models.map((model) => {
    const forecasts: (number[] | undefined)[] = [];
    const bands: (Record<number, Band> | undefined)[] = [];
    const trend: boolean[] = [];
    trends.push(trend);
    const issues: DomainIssue[] = [];
    let fitted: FittedForecaster | undefined;
    let fittedAt = -Infinity;
    for (const origin of origins) {
      const train = y.slice(0, origin);
      if (!fitted || origin - fittedAt >= options.refitEvery) {
        const result = model.fit(train);
        if (!result.ok) {
          if (issues.length === 0) issues.push(...result.issues);
          forecasts.push(undefined);
          bands.push(undefined);
          trend.push(false);
          fitted = undefined;
          continue;
        }
        fitted = result.value;
        fittedAt = origin;
      } else {
        fitted = fitted.update(train);
      }
      const mean = fitted.predict(options.horizon, { nonNegative: true }).mean;
      forecasts.push(mean);
      trend.push(fitted.trend ?? false);
      if (annual) bands.push(annualBands(mean, train, { trend: fitted.trend ?? false, levels: BACKTEST_LEVELS, nonNegative: true }));
    }
    return { model: model.name, forecasts, issues, ...(annual ? { bands } : {}) };
  });
  const [nameA, nameB] = candidates.combination;
  const runA = runs.find((r) => r.model === nameA);
  const runB = runs.find((r) => r.model === nameB);
  if (runA && runB) {
    const trendA = trends[runs.indexOf(runA)]!;
    const trendB = trends[runs.indexOf(runB)]!;
    const forecasts = runA.forecasts.map((fa, w) => {
      const fb = runB.forecasts[w];
      return fa && fb ? fa.map((v, k) => (v + fb[k]!) / 2) : undefined;
    });
    runs.push({
      model: 'combination',
      forecasts,
      issues: [...runA.issues, ...runB.issues],
      ...(annual ? { bands: forecasts.map((f, w) => (f ? annualBands(f, y.slice(0, origins[w]!), { trend: trendA[w]! || trendB[w]!, levels: BACKTEST_LEVELS, nonNegative: true }) : undefined)) } : {}),
    });
  }
  return { y, origins, scales, horizon: options.horizon, runs };
}

/**
 * Scaled errors of one run: err[w][k] = (actual − forecast) / scale_w, NaN where the actual is not
 * yet known (the window runs past the end) or the model failed.
 *
 * @param backtest - the series backtest
 * @param run - one model's run
 * @returns the error matrix, windows × horizon
 * @example scaledErrors(bt, bt.runs[0]!)[0]!.length //=> bt.horizon
 * @see backtestSeries
 */
export function scaledErrors(backtest: SeriesBacktest, run: ModelRun): number[][] {
  return backtest.origins.map((origin, w) => {
    const f = run.forecasts[w];
    return Array.from({ length: backtest.horizon }, (_, k) => {
      const actual = backtest.y[origin + k];
      return actual === undefined || !f ? Number.NaN : (actual - f[k]!) / backtest.scales[w]!;
    });
  });
}
