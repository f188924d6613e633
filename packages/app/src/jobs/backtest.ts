import { z } from 'zod';
import { type Result, parseInput } from '@fundladder/core';
import { type BacktestOptions, type CalibrationCell, type PathCalibration, type SeriesForecast, defaultBacktestOptions, forecastFlows, pathCalibration } from '@fundladder/forecast';
import { domainIssue, intMap } from '../wire/codecs';
import { type JobContext, cancelledIssue } from './context';
import { flowHistory, readFlowHistory } from './flowHistory';

/**
 * Backtest the forecast models on a history (docs/forecast.md "Automatic choice"), or, with `pathsCalibration`, check
 * the simulated paths out of sample ("Path calibration"). Windows and origins are bounded by 20 years of monthly
 * history; horizons and refits by 10 years.
 */
export const backtestRequest = z.strictObject({
  kind: z.literal('backtest'),
  history: flowHistory,
  options: z
    .strictObject({
      /** Periods forecast from each origin (default 12 monthly, 3 annual). */
      horizon: z.int().min(1).max(120).optional(),
      /** At most this many origins, the latest (default 48 monthly, 10 annual). */
      windows: z.int().min(1).max(240).optional(),
      /** Refit every this many origins (default 12 monthly, 1 annual). */
      refitEvery: z.int().min(1).max(120).optional(),
      /** Check the simulated paths instead of scoring the models. */
      pathsCalibration: z
        .strictObject({
          paths: z.int().min(1).max(20_000).default(1000),
          seed: z.int().min(0).max(4_294_967_295).default(1),
          /** Rolling origins (default 18 monthly, 5 annual). */
          origins: z.int().min(1).max(240).optional(),
          levels: z.array(z.int().min(1).max(99)).min(1).max(5).default([80, 95]),
        })
        .optional(),
    })
    .default({}),
});
export type BacktestRequest = z.input<typeof backtestRequest>;

/**
 * A score that may be undefined (NaN: nothing scored) or unbounded (∞: the baseline's error is zero): a JSON number
 * on the wire, `null` for NaN, `"Infinity"` for ±∞ (JSON has neither).
 */
const score = z.codec(z.union([z.number(), z.null(), z.enum(['Infinity', '-Infinity'])]), z.custom<number>((v) => typeof v === 'number'), {
  decode: (v) => (v === null ? Number.NaN : v === 'Infinity' ? Number.POSITIVE_INFINITY : v === '-Infinity' ? Number.NEGATIVE_INFINITY : v),
  encode: (n) => (Number.isNaN(n) ? null : n === Number.POSITIVE_INFINITY ? ('Infinity' as const) : n === Number.NEGATIVE_INFINITY ? ('-Infinity' as const) : n),
});

const coverageCounts = z.strictObject({ scored: z.int(), hits80: z.int(), hits95: z.int() });

/** One candidate model's backtest score (forecast's `ModelScore`): MASE against seasonal naive, MAPE in percent, coverage shares. */
export const modelScore = z.strictObject({
  model: z.string(),
  mase: score,
  coverage80: score,
  coverage95: score,
  coverageCounts,
  byHorizon: z.array(z.strictObject({ horizon: z.int(), mape: score, mase: score, coverage80: score, coverage95: score, windows: z.int() })),
  /** Why the model could not be scored (it failed at some origin). */
  failure: z.string().optional(),
});

/**
 * The automatic choice scored out of sample (forecast's `SelectionScore`, docs/forecast.md "Automatic choice"): at each
 * window the model the rule picks from earlier errors only, scored against the baseline; `mase` null when no window
 * had an earlier error to choose on.
 */
const selection = z.strictObject({ mase: score, pairs: z.int(), windows: z.int(), informedWindows: z.int(), picks: z.array(z.string()) });

const backtestOptions = z.strictObject({ horizon: z.int(), windows: z.int(), refitEvery: z.int(), minTrain: z.int() });
const common = {
  kind: z.literal('backtest'),
  file: z.string().optional(),
  scenario: z.string().optional(),
  frequency: z.enum(['monthly', 'annual']),
  history: z.strictObject({ first: z.string(), last: z.string(), periods: z.int() }),
  backtest: backtestOptions,
  warnings: z.array(domainIssue),
};

const cell = z.strictObject({ scored: z.int(), hits: intMap(z.int()) });

export const backtestResult = z.discriminatedUnion('mode', [
  z.strictObject({
    ...common,
    mode: z.literal('models'),
    reportHorizons: z.array(z.int()),
    series: z.array(z.strictObject({ fundType: z.string(), side: z.enum(['inflow', 'outflow']), chosen: z.string(), scores: z.array(modelScore), selection })),
    /** Coverage pooled over every scored window × horizon of every chosen model (not a mean of per-series shares). */
    pooledCoverage: coverageCounts,
    /** The chosen models' MASE (median, worst) and 95% coverage (median, lowest), over the series where they are defined. */
    chosen: z.strictObject({ maseMedian: score, maseWorst: score, coverage95Median: score, coverage95Lowest: score }),
  }),
  z.strictObject({
    ...common,
    mode: z.literal('pathCalibration'),
    /** Forecast's `PathCalibration`: hits per level, by calendar month, by horizon and pooled. */
    pathCalibration: z.strictObject({
      levels: z.array(z.int()),
      horizon: z.int(),
      paths: z.int(),
      seed: z.int(),
      origins: z.array(z.string()),
      byMonth: z.strictObject({ inflow: z.array(cell), outflow: z.array(cell) }),
      byHorizon: z.strictObject({ inflow: z.array(cell), outflow: z.array(cell) }),
      pooled: z.strictObject({ inflow: cell, outflow: cell, all: cell }),
      minDistinctPaths: z.int(),
      skipped: z.array(z.string()),
    }),
  }),
]);
export type BacktestResult = z.output<typeof backtestResult>;
export type ModelScoreResult = z.output<typeof modelScore>;

function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function chosenSummary(series: readonly SeriesForecast[]): Extract<BacktestResult, { mode: 'models' }>['chosen'] {
  const chosen = series.map((s) => s.scores.find((c) => c.model === s.model));
  const mase = chosen.map((c) => c?.mase ?? Number.NaN).filter(Number.isFinite);
  const coverage = chosen.map((c) => c?.coverage95 ?? Number.NaN).filter(Number.isFinite);
  return { maseMedian: median(mase), maseWorst: mase.length ? Math.max(...mase) : Number.NaN, coverage95Median: median(coverage), coverage95Lowest: coverage.length ? Math.min(...coverage) : Number.NaN };
}

const cellOf = (c: CalibrationCell) => ({ scored: c.scored, hits: new Map(Object.entries(c.hits).map(([level, hits]) => [Number(level), hits])) });

function summarizeCalibration(r: PathCalibration): Extract<BacktestResult, { mode: 'pathCalibration' }>['pathCalibration'] {
  return {
    levels: [...r.levels],
    horizon: r.horizon,
    paths: r.paths,
    seed: r.seed,
    origins: [...r.origins],
    byMonth: { inflow: r.byMonth.inflow.map(cellOf), outflow: r.byMonth.outflow.map(cellOf) },
    byHorizon: { inflow: r.byHorizon.inflow.map(cellOf), outflow: r.byHorizon.outflow.map(cellOf) },
    pooled: { inflow: cellOf(r.pooled.inflow), outflow: cellOf(r.pooled.outflow), all: cellOf(r.pooled.all) },
    minDistinctPaths: r.minDistinctPaths,
    skipped: [...r.skipped],
  };
}

/** Thrown from pathCalibration's progress callback when the job is cancelled, and caught right here. */
class Cancelled extends Error {}

/**
 * The backtest job: every candidate model of every series scored on rolling origins (MAPE, MASE against seasonal
 * naive, band coverage per horizon) with the automatic choice and the chosen models' pooled coverage; or, with
 * `pathsCalibration`, the out-of-sample coverage of the simulated paths (`pathCalibration`). Progress by stage
 * (`backtest`; `calibration` per origin); a cancelled job returns the issue `cancelled`.
 */
export async function runBacktest(request: BacktestRequest, context: JobContext = {}): Promise<Result<BacktestResult>> {
  const parsed = parseInput(backtestRequest, request);
  if (!parsed.ok) return parsed;
  const o = parsed.value.options;
  const { signal, onProgress } = context;
  if (signal?.aborted) return { ok: false, issues: [cancelledIssue('start')] };
  const read = readFlowHistory(parsed.value.history);
  if (!read.ok) return read;
  const { table } = read.value;
  const defaults = defaultBacktestOptions(table.period);
  const options: BacktestOptions = { ...defaults, horizon: o.horizon ?? defaults.horizon, windows: o.windows ?? defaults.windows, refitEvery: o.refitEvery ?? defaults.refitEvery };
  const history = parsed.value.history;
  const base = {
    kind: 'backtest' as const,
    ...(history.file !== undefined ? { file: history.file } : {}),
    ...(read.value.scenario !== undefined ? { scenario: read.value.scenario } : {}),
    frequency: table.frequency,
    history: { first: table.periods[0]!, last: table.periods.at(-1)!, periods: table.periods.length },
    backtest: { ...options },
    warnings: read.value.warnings,
  };
  await new Promise<void>((resolve) => setTimeout(resolve, 0));
  if (signal?.aborted) return { ok: false, issues: [cancelledIssue('start')] };
  let value: BacktestResult;
  const c = o.pathsCalibration;
  if (c) {
    let calibration: PathCalibration;
    try {
      calibration = pathCalibration(table, {
        paths: c.paths,
        seed: c.seed,
        levels: c.levels,
        horizon: options.horizon,
        backtest: options,
        ...(c.origins !== undefined ? { origins: c.origins } : {}),
        progress: (done, total) => {
          onProgress?.({ stage: 'calibration', done, total });
          if (signal?.aborted) throw new Cancelled();
        },
      });
    } catch (e) {
      if (e instanceof Cancelled) return { ok: false, issues: [cancelledIssue('calibration')] };
      throw e;
    }
    value = { ...base, mode: 'pathCalibration', pathCalibration: summarizeCalibration(calibration) };
  } else {
    const reportHorizons = (table.period > 1 ? [1, 3, 6, 12] : [1, 2, 3]).filter((h) => h <= options.horizon);
    onProgress?.({ stage: 'backtest', done: 0, total: 1 });
    const fc = forecastFlows(table, { horizon: options.horizon, backtest: options, reportHorizons });
    onProgress?.({ stage: 'backtest', done: 1, total: 1 });
    const pooled = { scored: 0, hits80: 0, hits95: 0 };
    for (const s of fc.series) {
      const counts = s.scores.find((sc) => sc.model === s.model)?.coverageCounts;
      if (!counts) continue;
      pooled.scored += counts.scored;
      pooled.hits80 += counts.hits80;
      pooled.hits95 += counts.hits95;
    }
    value = {
      ...base,
      mode: 'models',
      reportHorizons,
      series: fc.series.map((s) => ({
        fundType: s.fundType,
        side: s.side,
        chosen: s.model,
        scores: s.scores.map((sc) => ({ model: sc.model, mase: sc.mase, coverage80: sc.coverage80, coverage95: sc.coverage95, coverageCounts: { ...sc.coverageCounts }, byHorizon: sc.byHorizon.map((h) => ({ ...h })), ...(sc.failure !== undefined ? { failure: sc.failure } : {}) })),
        selection: { ...s.selection, picks: [...s.selection.picks] },
      })),
      pooledCoverage: pooled,
      chosen: chosenSummary(fc.series),
    };
  }
  const checked = backtestResult.safeEncode(value);
  if (!checked.success) return { ok: false, issues: checked.error.issues.map((i) => ({ code: 'internal', path: ['result', ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], rule: 'resultSchema', message: i.message })) };
  return { ok: true, value };
}
