import { type ModelRun, type SeriesBacktest, scaledErrors } from './backtest';
import { predictionBounds } from './stats/predictionBounds';

/** Accuracy of one model at one horizon. */
export interface HorizonScore {
  readonly horizon: number;
  /** Mean absolute percentage error, percent (actuals of zero skipped); NaN when none. */
  readonly mape: number;
  /** MAE of the model ÷ MAE of the baseline over the same origins (1 = as good as seasonal naive). */
  readonly mase: number;
  /** Share of windows whose actual fell inside the 80% / 95% band calibrated on earlier windows only; NaN when too few. */
  readonly coverage80: number;
  readonly coverage95: number;
  /** Windows scored at this horizon. */
  readonly windows: number;
}

/** One candidate's backtest score. */
export interface ModelScore {
  readonly model: string;
  /** MASE over every window and horizon (the selection criterion); Infinity when the model failed. */
  readonly mase: number;
  readonly byHorizon: HorizonScore[];
  /** Coverage of the 80% / 95% bands pooled over every horizon 1..H and window; NaN when too few. */
  readonly coverage80: number;
  readonly coverage95: number;
  /** The counts behind `coverage80`/`coverage95` (window × horizon pairs scored and inside each band), so coverage can be pooled across series. */
  readonly coverageCounts: CoverageCounts;
  /** Why it could not be scored, if so. */
  readonly failure?: string;
}

/** Window × horizon pairs whose band could be scored, and how many actuals fell inside the 80% and 95% bands. */
export interface CoverageCounts {
  readonly scored: number;
  readonly hits80: number;
  readonly hits95: number;
}

/** Minimum earlier errors before a window's band is scored for coverage. */
export const MIN_CALIBRATION = 8;

function absErrors(backtest: SeriesBacktest, run: ModelRun, k: number): number[] {
  return backtest.origins.map((origin, w) => {
    const actual = backtest.y[origin + k];
    const f = run.forecasts[w];
    return actual === undefined || !f ? Number.NaN : Math.abs(actual - f[k]!);
  });
}

function ratio(num: number, den: number): number {
  if (den === 0) return num === 0 ? 1 : Number.POSITIVE_INFINITY;
  return num / den;
}

/**
 * Scores one run against the baseline run: MAPE, MASE (MAE relative to the baseline's MAE at the same
 * origins and horizon, so the baseline scores 1 and < 1 beats it) and the coverage of 80%/95% bands.
 * A band for window w at horizon k is built only from errors of windows whose actual at k was known at
 * w's origin (origin_v + k ≤ origin_w), so coverage is measured out of sample. Annual runs carry their own
 * bands (`ModelRun.bands`, the random-walk bands from the history before each origin): those are scored as they are.
 *
 * @param backtest - the series backtest
 * @param run - the model's run
 * @param baseline - the baseline's run (seasonal naive)
 * @param horizons - horizons to report, e.g. [1, 3, 6, 12]
 * @returns the score
 * @example scoreRun(bt, bt.runs[0]!, bt.runs[0]!, [1]).mase //=> 1
 * @see Hyndman & Koehler, "Another look at measures of forecast accuracy", IJF 22 (2006) (MASE; here scaled by the seasonal-naive backtest MAE); Angelopoulos & Bates (2021) for split-conformal bands; Hahn & Meeker (1991) §4.7 where the calibration set is too small for the conformal rank (see `predictionBounds`).
 */
export function scoreRun(backtest: SeriesBacktest, run: ModelRun, baseline: ModelRun, horizons: readonly number[]): ModelScore {
  if (run.forecasts.some((f) => f === undefined)) {
    // A model that cannot forecast at every origin is not scored on fewer windows than the others.
    return { model: run.model, mase: Number.POSITIVE_INFINITY, byHorizon: [], coverage80: Number.NaN, coverage95: Number.NaN, coverageCounts: { scored: 0, hits80: 0, hits95: 0 }, failure: run.issues[0]?.message ?? 'no forecast at some origins' };
  }
  let totalModel = 0;
  let totalBase = 0;
  let pairs = 0;
  for (let k = 0; k < backtest.horizon; k++) {
    const m = absErrors(backtest, run, k);
    const b = absErrors(backtest, baseline, k);
    m.forEach((e, w) => {
      if (Number.isFinite(e) && Number.isFinite(b[w]!)) {
        totalModel += e;
        totalBase += b[w]!;
        pairs++;
      }
    });
  }
  const errors = scaledErrors(backtest, run);
  const byHorizon = horizons
    .filter((h) => h <= backtest.horizon)
    .map((h): HorizonScore => {
      const k = h - 1;
      const m = absErrors(backtest, run, k);
      const b = absErrors(backtest, baseline, k);
      let sm = 0;
      let sb = 0;
      let ape = 0;
      let apeCount = 0;
      let windows = 0;
      m.forEach((e, w) => {
        if (!Number.isFinite(e) || !Number.isFinite(b[w]!)) return;
        windows++;
        sm += e;
        sb += b[w]!;
        const actual = backtest.y[backtest.origins[w]! + k]!;
        if (actual !== 0) {
          ape += e / Math.abs(actual);
          apeCount++;
        }
      });
      const cover = (level: number): number => {
        const c = coverage(backtest, run, errors, k, level);
        return c.scored ? c.hits / c.scored : Number.NaN;
      };
      return { horizon: h, mape: apeCount ? (100 * ape) / apeCount : Number.NaN, mase: windows ? ratio(sm, sb) : Number.NaN, coverage80: cover(80), coverage95: cover(95), windows };
    });
  const pooled = (level: number): { hits: number; scored: number } => {
    let hits = 0;
    let scored = 0;
    for (let k = 0; k < backtest.horizon; k++) {
      const c = coverage(backtest, run, errors, k, level);
      hits += c.hits;
      scored += c.scored;
    }
    return { hits, scored };
  };
  const c80 = pooled(80);
  const c95 = pooled(95);
  const share = (c: { hits: number; scored: number }): number => (c.scored ? c.hits / c.scored : Number.NaN);
  return {
    model: run.model,
    mase: pairs ? ratio(totalModel, totalBase) : Number.NaN,
    byHorizon,
    coverage80: share(c80),
    coverage95: share(c95),
    coverageCounts: { scored: c95.scored, hits80: c80.hits, hits95: c95.hits },
  };
}

function coverage(backtest: SeriesBacktest, run: ModelRun, errors: readonly (readonly number[])[], k: number, level: number): { hits: number; scored: number } {
  let hits = 0;
  let scored = 0;
  if (run.bands) {
    // Annual: the band the forecast carried at its origin (`annualBands`, from the history before it), scored as is.
    backtest.origins.forEach((origin, w) => {
      const actual = backtest.y[origin + k];
      const band = run.bands![w]?.[level];
      if (actual === undefined || !band) return;
      scored++;
      if (actual >= band.lo[k]! && actual <= band.hi[k]!) hits++;
    });
    return { hits, scored };
  }
  // Origins ascend one period apart, so the calibration set of window w is a prefix of the windows:
  // keep it sorted incrementally instead of re-sorting per window.
  const calibration: number[] = [];
  let next = 0;
  backtest.origins.forEach((origin, w) => {
    while (next < backtest.origins.length && backtest.origins[next]! + k + 1 <= origin) {
      const value = errors[next]![k]!;
      next++;
      if (!Number.isFinite(value)) continue;
      let lo = 0;
      let hi = calibration.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (calibration[mid]! < value) lo = mid + 1;
        else hi = mid;
      }
      calibration.splice(lo, 0, value);
    }
    const e = errors[w]![k]!;
    if (!Number.isFinite(e) || calibration.length < MIN_CALIBRATION) return;
    scored++;
    const band = predictionBounds(calibration, level);
    if (e >= band.lo && e <= band.hi) hits++;
  });
  return { hits, scored };
}
