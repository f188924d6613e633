import { type BacktestOptions, defaultBacktestOptions } from './backtest';
import type { FlowSide } from './forecastFlows';
import type { FlowTable } from './input/flowTable';
import { calendarIndex } from './paths/pathModel';
import { simulateFlowTable } from './simulateFlowTable';

/** Options of {@link pathCalibration}. */
export interface PathCalibrationOptions {
  /** Paths simulated at each origin. */
  readonly paths: number;
  readonly seed: number;
  /** Central ranges to score, percent (default [80, 95]). */
  readonly levels?: readonly number[];
  /** How many rolling origins, the latest ones (default 18 monthly, 5 annual); never fewer than the backtest's minimum training length plus one period of history. */
  readonly origins?: number;
  /** Periods ahead scored from each origin (default the backtest horizon: 12 monthly, 3 annual). */
  readonly horizon?: number;
  /** Backtest options for the forecast redone at each origin (defaults per frequency). */
  readonly backtest?: Partial<BacktestOptions>;
  /** Called after each origin with (done, total), e.g. for a progress bar. */
  readonly progress?: (done: number, total: number) => void;
}

/** Pairs scored and, per level, how many actuals fell inside the paths' central range. */
export interface CalibrationCell {
  readonly scored: number;
  readonly hits: Record<number, number>;
}

/** Out-of-sample coverage of simulated paths. */
export interface PathCalibration {
  readonly levels: number[];
  readonly horizon: number;
  readonly paths: number;
  readonly seed: number;
  /** The last history period kept at each origin. */
  readonly origins: string[];
  /** byMonth[side][c]: target calendar month c (0 = January; a single cell for annual tables). */
  readonly byMonth: Record<FlowSide, CalibrationCell[]>;
  /** byHorizon[side][h − 1]. */
  readonly byHorizon: Record<FlowSide, CalibrationCell[]>;
  readonly pooled: Record<FlowSide | 'all', CalibrationCell>;
  /** Fewest distinct paths at any origin (equal to `paths` when every path differs). */
  readonly minDistinctPaths: number;
  /** Series left out because they are all zero at every origin (nothing to calibrate). */
  readonly skipped: string[];
}

/**
 * How honest the simulated paths are, measured out of sample: at each of the latest rolling origins the
 * table is cut to the history before it, the whole forecast is redone on that history (model choice,
 * backtest, path model) and `paths` joint paths are simulated; each later actual of every series that is
 * not forecast as zero is then checked against the central `level`% range of the paths at that step
 * (the sorted path values at 0-based ranks ⌊N·(100 − level)/200⌋ and ⌈N·(100 + level)/200⌉ − 1: for N = 1,000
 * and 95% the 26th and the 975th smallest, which hold 950 of the values between them).
 * Counts are kept by the target's calendar month, by horizon and pooled, for inflows and outflows.
 * Pairs are not independent (one actual is seen from up to `horizon` origins, and fund types share
 * months), so a cell's share is an estimate with a wide margin: read the counts.
 *
 * @param table - the full history
 * @param options - paths per origin, seed, levels, number of origins, horizon
 * @returns the coverage counts
 * @example pathCalibration(table, { paths: 500, seed: 1 }).pooled.all.hits[95] / …scored //=> about 0.9 on the sample
 * @see Tashman, IJF 16 (2000) (rolling origins); Gneiting, Balabdaoui & Raftery, "Probabilistic forecasts, calibration and sharpness", JRSS B 69 (2007) (coverage of central intervals as a calibration check).
 */
export function pathCalibration(table: FlowTable, options: PathCalibrationOptions): PathCalibration {
  const period = table.period;
  const levels = [...(options.levels ?? [80, 95])].sort((a, b) => a - b);
  const backtest = { ...defaultBacktestOptions(period), ...options.backtest };
  const horizon = options.horizon ?? backtest.horizon;
  const n = table.periods.length;
  const shortest = Math.max(backtest.minTrain + 1, 2 * period);
  const count = Math.max(0, Math.min(options.origins ?? (period > 1 ? 18 : 5), n - shortest));
  const cell = (): { scored: number; hits: Record<number, number> } => ({ scored: 0, hits: Object.fromEntries(levels.map((l) => [l, 0])) });
  const byMonth = { inflow: Array.from({ length: period }, cell), outflow: Array.from({ length: period }, cell) };
  const byHorizon = { inflow: Array.from({ length: horizon }, cell), outflow: Array.from({ length: horizon }, cell) };
  const pooled = { inflow: cell(), outflow: cell(), all: cell() };
  const origins: string[] = [];
  const scoredSeries = new Set<string>();
  let minDistinctPaths = Number.POSITIVE_INFINITY;
  const sorted = new Array<number>(options.paths);
  for (let origin = n - count; origin < n; origin++) {
    const cut: FlowTable = {
      ...table,
      periods: table.periods.slice(0, origin),
      series: table.series.map((s) => ({ ...s, inflow: s.inflow.slice(0, origin), outflow: s.outflow.slice(0, origin), cohort: s.cohort.slice(0, origin) })),
    };
    const steps = Math.min(horizon, n - origin);
    const run = simulateFlowTable(cut, { horizon, paths: options.paths, seed: options.seed, ...(options.backtest ? { forecast: { backtest: options.backtest } } : {}) });
    if (!run.ok) throw new Error(`pathCalibration: ${run.issues[0]?.message}`); // no shocks, so no issues
    const { forecast, paths } = run.value;
    origins.push(cut.periods.at(-1)!);
    options.progress?.(origins.length, count);
    minDistinctPaths = Math.min(minDistinctPaths, paths.distinctPaths);
    for (const s of forecast.series) {
      if (s.model === 'zero') continue;
      scoredSeries.add(`${s.fundType}/${s.side}`);
      const actualSeries = table.series.find((x) => x.fundType === s.fundType)![s.side];
      for (let k = 0; k < steps; k++) {
        for (let p = 0; p < paths.paths.length; p++) sorted[p] = paths.paths[p]![s.fundType]![s.side][k]!;
        sorted.sort((a, b) => a - b);
        const actual = actualSeries[origin + k]!;
        const targets = [byMonth[s.side][calendarIndex(table.periods[origin + k]!, period)]!, byHorizon[s.side][k]!, pooled[s.side], pooled.all];
        for (const target of targets) target.scored++;
        for (const level of levels) {
          // Ranks from the level in percent: 1 − 80/100 is 0.19999…, which would take rank 99 instead of 100 of 1,000.
          const lo = sorted[Math.floor((options.paths * (100 - level)) / 200)]!;
          const hi = sorted[Math.max(0, Math.ceil((options.paths * (100 + level)) / 200) - 1)]!;
          if (actual >= lo && actual <= hi) for (const target of targets) target.hits[level] = target.hits[level]! + 1;
        }
      }
    }
  }
  const skipped = table.series.flatMap((s) => (['inflow', 'outflow'] as const).map((side) => `${s.fundType}/${side}`)).filter((key) => !scoredSeries.has(key));
  return { levels, horizon, paths: options.paths, seed: options.seed, origins, byMonth, byHorizon, pooled, minDistinctPaths: Number.isFinite(minDistinctPaths) ? minDistinctPaths : 0, skipped };
}
