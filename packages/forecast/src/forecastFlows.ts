import type { DomainIssue } from '@fundladder/core';
import { type BacktestOptions, backtestSeries, defaultBacktestOptions, scaledErrors, seriesScale } from './backtest';
import { annualBands, empiricalBands, monotoneBand } from './bands';
import { candidatesFor } from './candidates';
import type { FlowTable } from './input/flowTable';
import { addPeriods } from './input/periodOrdinal';
import { MIN_CALIBRATION, type ModelScore, scoreRun } from './metrics';
import { randomWalkSpread } from './models/randomWalkBands';
import { type SelectionScore, nestedSelectionScore } from './selectionScore';
import { selectModel } from './selectModel';
import { type PathModel, buildPathModel } from './paths/pathModel';
import type { Band, FittedForecaster, Prediction } from './types';

/** Options of {@link forecastFlows}. */
export interface ForecastOptions {
  /** Periods ahead (default 24 monthly, 5 annual). */
  readonly horizon?: number;
  /** Band levels in percent (default [50, 80, 95]). */
  readonly levels?: readonly number[];
  /** Backtest options (defaults per frequency, see `defaultBacktestOptions`). */
  readonly backtest?: Partial<BacktestOptions>;
  /** Horizons reported in the backtest table (default 1, 3, 6, 12 monthly; 1, 2, 3 annual). */
  readonly reportHorizons?: readonly number[];
  /** External forecasts that replace a series' time-series mean (e.g. the cohort model), keyed `fundType/inflow`. */
  readonly overrides?: Readonly<Record<string, { readonly model: string; readonly mean: readonly number[] }>>;
}

/** Which side of the cash flow. */
export type FlowSide = 'inflow' | 'outflow';

/** One series' forecast with its model choice. */
export interface SeriesForecast {
  readonly fundType: string;
  readonly side: FlowSide;
  /** The chosen model (or 'zero' for an all-zero series). */
  readonly model: string;
  /** Every candidate's backtest score, baseline first. The chosen model's own score is in-sample for the choice (it won on these windows). */
  readonly scores: ModelScore[];
  /** The choice scored out of sample: at each window the model the rule picks from earlier errors only (`nestedSelectionScore`). */
  readonly selection: SelectionScore;
  readonly mean: number[];
  readonly bands: Record<number, Band>;
  /** Scale of the errors now (mean |y| over the last season). */
  readonly scale: number;
  /** errors[w][k]: scaled backtest error of the chosen model, extended past the backtest horizon by √(k/H). */
  readonly errors: number[][];
}

/** Mean and bands of a derived quantity (net flow, totals). */
export interface DerivedForecast {
  readonly mean: number[];
  readonly bands: Record<number, Band>;
}

/** The forecast of a whole flow table. */
export interface FlowForecast {
  readonly frequency: 'monthly' | 'annual';
  /** The forecast periods, labels like the input's. */
  readonly periods: string[];
  readonly levels: number[];
  readonly backtest: BacktestOptions;
  readonly series: SeriesForecast[];
  /** Net flow (inflow − outflow) per fund type. */
  readonly net: Record<string, DerivedForecast>;
  /** Totals over fund types, from the joint scenarios (coherent, not the sum of the parts' bands). */
  readonly total: Record<'inflow' | 'outflow' | 'net', DerivedForecast>;
  /** windows[k]: indices of the backtest windows that supply scenarios at step k. */
  readonly windows: number[][];
  /** What `simulatePaths` resamples: joint one-step residual vectors, per-month spreads, impulse responses (docs/forecast.md "Paths"). */
  readonly pathModel: PathModel;
  /** Findings the user must see: bands that fall back to model residuals, overrides used. */
  readonly notes: DomainIssue[];
}

function errorAt(errors: readonly (readonly number[])[], w: number, k: number, horizon: number): number {
  const row = errors[w]!;
  if (k < horizon) return row[k]!;
  // Past the backtest horizon: the last horizon's error, widened like a random walk (√(k/H)).
  return row[horizon - 1]! * Math.sqrt((k + 1) / horizon);
}

/**
 * Forecasts every fund type's inflow and outflow: a rolling-origin backtest of every candidate per
 * series, the lowest-MASE model chosen and refitted on the whole history, and bands from the chosen
 * model's own backtest errors. The errors are kept per backtest window and the same window is used for
 * every series at once, so totals and nets are computed from joint scenarios and stay coherent.
 * Amounts that cannot be negative are clipped at zero in the mean, the bands and every scenario.
 *
 * @param table - checked flows (see `flowTableFromScenario`, or `buildFlowTable` of the rows a flows CSV gives)
 * @param options - horizon, levels, backtest options
 * @returns the forecast, with every candidate's score and notes
 * @example forecastFlows(table, { horizon: 12 }).series[0]!.model //=> e.g. 'ets(A,A)'
 * @see docs/forecast.md "Models", "Automatic choice" and "Bands"; Nixtla/statsforecast `cross_validation` and `ConformalIntervals`.
 */
export function forecastFlows(table: FlowTable, options: ForecastOptions = {}): FlowForecast {
  const period = table.period;
  const defaults = defaultBacktestOptions(period);
  const backtest: BacktestOptions = { ...defaults, ...options.backtest };
  const horizon = options.horizon ?? (period === 1 ? 5 : 24);
  const levels = [...(options.levels ?? [50, 80, 95])].sort((a, b) => a - b);
  const reportHorizons = options.reportHorizons ?? (period === 1 ? [1, 2, 3] : [1, 3, 6, 12]);
  const candidates = candidatesFor(period);
  const notes: DomainIssue[] = [];
  const lastPeriod = table.periods[table.periods.length - 1]!;
  const periods = Array.from({ length: horizon }, (_, k) => addPeriods(lastPeriod, k + 1));

  const drafts = table.series.flatMap((s) =>
    (['inflow', 'outflow'] as const).map((side) => {
      const y = s[side];
      const bt = backtestSeries(y, period, candidates, backtest);
      const baseline = bt.runs[0]!;
      const scores = bt.runs.map((run) => scoreRun(bt, run, baseline, reportHorizons));
      const selection = nestedSelectionScore(bt);
      const allZero = y.every((v) => v === 0);
      const chosen = allZero ? undefined : selectModel(scores);
      const chosenRun = chosen ? bt.runs.find((r) => r.model === chosen.model)! : undefined;
      const errors = chosenRun ? scaledErrors(bt, chosenRun) : bt.origins.map(() => new Array<number>(bt.horizon).fill(0));
      let prediction: Prediction = { mean: new Array<number>(horizon).fill(0), bands: {} };
      let model = 'zero';
      let fitted: FittedForecaster[] = [];
      if (chosen) {
        const members = chosen.model === 'combination' ? candidates.combination : [chosen.model];
        const fits = members.map((name) => candidates.models.find((m) => m.name === name)!.fit(y));
        fitted = fits.flatMap((f) => (f.ok ? [f.value] : []));
        const ok = fitted.map((f) => f.predict(horizon, { levels, nonNegative: true }));
        if (ok.length === members.length) {
          model = chosen.model;
          prediction = { mean: ok[0]!.mean.map((_, k) => ok.reduce((acc, p) => acc + p.mean[k]!, 0) / ok.length), bands: averageBands(ok, levels) };
        } else {
          notes.push({ code: 'fit_failed', path: [s.fundType, side], rule: 'fallbackModel', message: `${chosen.model} could not be refitted on the whole history; the baseline is used`, fundType: s.fundType });
          const base = candidates.baseline.fit(y);
          fitted = base.ok ? [base.value] : [];
          if (base.ok) prediction = base.value.predict(horizon, { levels, nonNegative: true });
          model = candidates.baseline.name;
        }
      }
      const override = options.overrides?.[`${s.fundType}/${side}`];
      if (override) {
        notes.push({ code: 'override', path: [s.fundType, side], rule: 'cohortModel', message: `mean from ${override.model}; bands from the backtest errors of ${model}`, fundType: s.fundType });
        model = override.model;
        // The model's own bands (used where the backtest has too few windows) move with the mean, so the
        // override's mean stays inside them; the empirical bands are built around the override mean below.
        const mean = [...override.mean].slice(0, horizon);
        const base = prediction;
        const shift = (values: readonly number[], floor: boolean) => values.map((v, k) => (floor ? Math.max(0, v + mean[k]! - base.mean[k]!) : v + mean[k]! - base.mean[k]!));
        prediction = { mean, bands: Object.fromEntries(Object.entries(base.bands).map(([level, band]) => [level, { lo: shift(band.lo, true), hi: shift(band.hi, false) }])) };
      }
      return { fundType: s.fundType, side, model, scores, selection, prediction, scale: seriesScale(y, y.length, period), rawErrors: errors, btHorizon: bt.horizon, y, fitted, origins: bt.origins, trend: fitted.some((f) => f.trend ?? false) };
    }),
  );

  const windowCount = drafts[0]?.rawErrors.length ?? 0;
  const btHorizon = drafts[0]?.btHorizon ?? backtest.horizon;
  const windows = periods.map((_, k) =>
    Array.from({ length: windowCount }, (_, w) => w).filter((w) => drafts.every((d) => Number.isFinite(errorAt(d.rawErrors, w, k, btHorizon)))),
  );
  const scenario = (d: (typeof drafts)[number], w: number, k: number): number => Math.max(0, d.prediction.mean[k]! + errorAt(d.rawErrors, w, k, btHorizon) * d.scale);
  const annual = period === 1;
  const enough = (k: number): boolean => windows[k]!.length >= 2;
  if (!annual && periods.some((_, k) => !enough(k))) {
    notes.push({ code: 'few_backtest_windows', path: ['bands'], rule: 'bandsFromBacktest', message: 'too few backtest windows for empirical bands at some steps: those bands are the models\' residual bands and the totals there are sums of the parts\' bounds (not coherent)', received: String(windowCount), limit: '2' });
  }

  // Annual: random-walk bands around each mean, from the history's year-on-year changes (docs/forecast.md "Annual
  // bands"); derived quantities (nets, totals) from the changes of their own summed history, so correlation between
  // the parts is whatever the history shows.
  const annualBandsOf = (mean: readonly number[], history: readonly number[], trend: boolean, nonNegative: boolean, path: (string | number)[]): Record<number, Band> => {
    // A table built by hand with 2 years (buildFlowTable refuses it) gets the naive band: a drift's spread needs 3.
    const drift = trend && history.length >= 3;
    const bands = annualBands(mean, history, { trend: drift, levels, nonNegative });
    if (!bands) throw new RangeError(`forecastFlows: ${history.length} year(s) are too few for an annual band`);
    if (history.some((v) => v !== 0) && randomWalkSpread(history, drift).floored) {
      notes.push({ code: 'band_floor', path, rule: 'sigmaFloor', message: 'the year-on-year changes are (nearly) all equal: the band is the floor of 1% of the level a year, not an estimate', received: history.join(','), limit: '0.01', ...(path[0] !== 'total' ? { fundType: String(path[0]) } : {}) });
    }
    return bands;
  };
  const series: SeriesForecast[] = drafts.map((d) => {
    const bands: Record<number, Band> = {};
    if (annual) {
      Object.assign(bands, annualBandsOf(d.prediction.mean, d.y, d.trend, true, [d.fundType, d.side]));
    } else {
      const empirical = empiricalBands(periods.map((_, k) => (enough(k) ? windows[k]!.map((w) => scenario(d, w, k)) : [0])), levels, { floor: 0 });
      for (const level of levels) {
        const model = d.prediction.bands[level];
        bands[level] = {
          lo: periods.map((_, k) => (enough(k) ? empirical[level]!.lo[k]! : (model?.lo[k] ?? d.prediction.mean[k]!))),
          hi: periods.map((_, k) => (enough(k) ? empirical[level]!.hi[k]! : (model?.hi[k] ?? d.prediction.mean[k]!))),
        };
      }
    }
    for (const level of levels) bands[level] = monotoneBand(d.prediction.mean, bands[level]!, 0);
    const errors = Array.from({ length: windowCount }, (_, w) => periods.map((_, k) => errorAt(d.rawErrors, w, k, btHorizon)));
    return { fundType: d.fundType, side: d.side, model: d.model, scores: d.scores, selection: d.selection, mean: d.prediction.mean, bands, scale: d.scale, errors };
  });

  const derive = (parts: { sign: number; d: (typeof drafts)[number]; s: SeriesForecast }[], path: (string | number)[]): DerivedForecast => {
    const mean = periods.map((_, k) => parts.reduce((acc, p) => acc + p.sign * p.d.prediction.mean[k]!, 0));
    const nonNegative = parts.every((p) => p.sign > 0);
    if (annual) {
      const history = table.periods.map((_, t) => parts.reduce((acc, p) => acc + p.sign * p.d.y[t]!, 0));
      const bands = annualBandsOf(mean, history, parts.some((p) => p.d.trend), nonNegative, path);
      for (const level of levels) bands[level] = monotoneBand(mean, bands[level]!, nonNegative ? 0 : Number.NEGATIVE_INFINITY);
      return { mean, bands };
    }
    const empirical = empiricalBands(periods.map((_, k) => (enough(k) ? windows[k]!.map((w) => parts.reduce((acc, p) => acc + p.sign * scenario(p.d, w, k), 0)) : [0])), levels, parts.every((p) => p.sign > 0) ? { floor: 0 } : {});
    const bands: Record<number, Band> = {};
    for (const level of levels) {
      bands[level] = {
        lo: periods.map((_, k) => (enough(k) ? empirical[level]!.lo[k]! : parts.reduce((acc, p) => acc + p.sign * (p.sign > 0 ? p.s.bands[level]!.lo[k]! : p.s.bands[level]!.hi[k]!), 0))),
        hi: periods.map((_, k) => (enough(k) ? empirical[level]!.hi[k]! : parts.reduce((acc, p) => acc + p.sign * (p.sign > 0 ? p.s.bands[level]!.hi[k]! : p.s.bands[level]!.lo[k]!), 0))),
      };
    }
    for (const level of levels) bands[level] = monotoneBand(mean, bands[level]!, nonNegative ? 0 : Number.NEGATIVE_INFINITY);
    return { mean, bands };
  };
  const part = (fundType: string | undefined, side: FlowSide, sign: number) =>
    drafts.flatMap((d, i) => (d.side === side && (fundType === undefined || d.fundType === fundType) ? [{ sign, d, s: series[i]! }] : []));
  const net: Record<string, DerivedForecast> = {};
  for (const s of table.series) net[s.fundType] = derive([...part(s.fundType, 'inflow', 1), ...part(s.fundType, 'outflow', -1)], [s.fundType, 'net']);
  const total = {
    inflow: derive(part(undefined, 'inflow', 1), ['total', 'inflow']),
    outflow: derive(part(undefined, 'outflow', 1), ['total', 'outflow']),
    net: derive([...part(undefined, 'inflow', 1), ...part(undefined, 'outflow', -1)], ['total', 'net']),
  };
  const pathModel = buildPathModel(
    drafts.map((d) => ({ y: d.y, members: d.fitted, scale: d.scale, errors: d.rawErrors, origins: d.origins })),
    table.periods,
    periods,
    period,
    btHorizon,
  );
  if (pathModel.series.some((m) => m.calibrationPairs < MIN_CALIBRATION && m.innovations.some((z) => z !== 0))) {
    notes.push({ code: 'paths_in_sample', path: ['paths'], rule: 'pathsFromResiduals', message: `fewer than ${MIN_CALIBRATION} backtest errors for some series: their simulated paths use in-sample residuals only and are likely too narrow`, limit: String(MIN_CALIBRATION) });
  }
  return { frequency: table.frequency, periods, levels, backtest, series, net, total, windows, pathModel, notes };
}

function averageBands(predictions: readonly Prediction[], levels: readonly number[]): Record<number, Band> {
  const bands: Record<number, Band> = {};
  for (const level of levels) {
    const first = predictions[0]!.bands[level]!;
    bands[level] = {
      lo: first.lo.map((_, k) => predictions.reduce((acc, p) => acc + p.bands[level]!.lo[k]!, 0) / predictions.length),
      hi: first.hi.map((_, k) => predictions.reduce((acc, p) => acc + p.bands[level]!.hi[k]!, 0) / predictions.length),
    };
  }
  return bands;
}
