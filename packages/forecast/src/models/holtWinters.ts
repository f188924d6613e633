import type { Result } from '@fundladder/core';
import { nelderMead } from '../optim/nelderMead';
import type { FittedForecaster, Forecaster } from '../types';
import { holtWintersStart, type HoltWintersStart } from './holtWintersStart';
import { residualBands } from './residualBands';

/** Which exponential-smoothing (ETS) variant. */
export interface HoltWintersSpec {
  /** Season length (12 monthly; 1 = no seasonality). */
  readonly period: number;
  readonly seasonal: 'additive' | 'multiplicative' | 'none';
  /** 'none' = simple exponential smoothing; 'damped' adds φ ∈ [0.8, 0.98] (Gardner & McKenzie). */
  readonly trend: 'none' | 'additive' | 'damped';
}

/** Smoothing parameters. */
export interface HoltWintersParams {
  readonly alpha: number;
  readonly beta: number;
  readonly gamma: number;
  readonly phi: number;
}

interface FilterState {
  sse: number;
  level: number;
  trend: number;
  /** Last `period` seasonal indices, oldest first: season[0] applies to the next observation. */
  season: number[];
  fitted: number[];
}

/**
 * Runs the Holt–Winters recursions (R `stats::HoltWinters` C code, plus a damping factor φ):
 * ŷ = (ℓ + φb) ⊕ s, ℓ' = α(y ⊖ s) + (1−α)(ℓ + φb), b' = β(ℓ' − ℓ) + (1−β)φb, s' = γ(y ⊖ ℓ') + (1−γ)s,
 * where ⊕/⊖ are +/− (additive) or ×/÷ (multiplicative).
 */
function runFilter(y: readonly number[], spec: HoltWintersSpec, start: HoltWintersStart, p: HoltWintersParams): FilterState {
  const mult = spec.seasonal === 'multiplicative';
  const seasonal = spec.seasonal !== 'none' && spec.period > 1;
  let level = start.level;
  let trend = start.trend;
  const season = [...start.season];
  const fitted = new Array<number>(y.length).fill(Number.NaN);
  let sse = 0;
  for (let t = start.firstPredicted; t < y.length; t++) {
    const s = seasonal ? season[(t - start.firstPredicted) % spec.period]! : mult ? 1 : 0;
    const base = level + p.phi * trend;
    const yhat = seasonal ? (mult ? base * s : base + s) : base;
    fitted[t] = yhat;
    const obs = y[t]!;
    sse += (obs - yhat) ** 2;
    const newLevel = p.alpha * (seasonal ? (mult ? obs / s : obs - s) : obs) + (1 - p.alpha) * base;
    trend = p.beta * (newLevel - level) + (1 - p.beta) * p.phi * trend;
    level = newLevel;
    if (seasonal) season[(t - start.firstPredicted) % spec.period] = p.gamma * (mult ? obs / level : obs - level) + (1 - p.gamma) * s;
  }
  const steps = y.length - start.firstPredicted;
  const rotated = seasonal ? season.map((_, i) => season[(steps + i) % spec.period]!) : [];
  return { sse, level, trend, season: rotated, fitted };
}

/** Name of a variant: `ets(A,Ad,M)` style (error type omitted: parameters are fitted by SSE). */
export function holtWintersName(spec: HoltWintersSpec): string {
  const trend = spec.trend === 'none' ? 'N' : spec.trend === 'damped' ? 'Ad' : 'A';
  const season = spec.seasonal === 'none' || spec.period === 1 ? 'N' : spec.seasonal === 'additive' ? 'A' : 'M';
  return `ets(${trend},${season})`;
}

function build(y: readonly number[], spec: HoltWintersSpec, params: HoltWintersParams, name: string): FittedForecaster {
  const start = holtWintersStart(y, spec.period, spec.seasonal, spec.trend !== 'none');
  const state = runFilter(y, spec, start, params);
  const mult = spec.seasonal === 'multiplicative';
  const seasonal = spec.seasonal !== 'none' && spec.period > 1;
  return {
    name,
    params: { ...params, sse: state.sse, level: state.level, trend: state.trend },
    fitted: state.fitted,
    stateful: true,
    trend: spec.trend !== 'none',
    predict(h, options = {}) {
      const mean: number[] = [];
      let damp = 0;
      for (let k = 1; k <= h; k++) {
        damp += params.phi ** k;
        const base = state.level + damp * state.trend;
        const s = seasonal ? state.season[(k - 1) % spec.period]! : mult ? 1 : 0;
        mean.push(seasonal ? (mult ? base * s : base + s) : base);
      }
      return residualBands(mean, y, state.fitted, options.levels ?? [], options.nonNegative ?? true);
    },
    update: (longer) => build(longer, spec, params, name),
  };
}

/**
 * Holt–Winters exponential smoothing (ETS without the error term's likelihood): additive or
 * multiplicative seasonality, none/additive/damped trend. α, β, γ (and φ when damped) are fitted by
 * minimising the in-sample SSE of one-step predictions with {@link nelderMead} from R's start
 * (α 0.3, β 0.1, γ 0.1), in [0, 1] (φ in [0.8, 0.98]); start values as R's `HoltWinters`.
 *
 * @param spec - period, seasonal and trend type
 * @returns the forecaster; `fit` fails (as data) on too short a history or a multiplicative model on non-positive values
 * @example holtWinters({ period: 12, seasonal: 'multiplicative', trend: 'additive' }).fit(airPassengers) // α ≈ 0.2756, β ≈ 0.0327, γ ≈ 0.8707 as R
 * @see R stats::HoltWinters (Holt 1957, Winters 1960); Gardner & McKenzie (1985) damped trend; Hyndman & Athanasopoulos FPP3 §8.3.
 */
export function holtWinters(spec: HoltWintersSpec): Forecaster {
  const name = holtWintersName(spec);
  const seasonal = spec.seasonal !== 'none' && spec.period > 1;
  const minLength = seasonal ? 2 * spec.period + 1 : spec.trend === 'none' ? 2 : 3;
  return {
    name,
    minLength,
    fit(y): Result<FittedForecaster> {
      if (y.length < minLength) {
        return { ok: false, issues: [{ code: 'too_short', path: ['series'], rule: 'twoSeasons', message: `${name} needs at least ${minLength} observations`, received: String(y.length), limit: String(minLength) }] };
      }
      if (spec.seasonal === 'multiplicative' && y.some((v) => !(v > 0))) {
        return { ok: false, issues: [{ code: 'not_positive', path: ['series'], rule: 'multiplicativeNeedsPositive', message: `${name} needs strictly positive values`, received: String(Math.min(...y)) }] };
      }
      const start = holtWintersStart(y, spec.period, spec.seasonal, spec.trend !== 'none');
      const keys: (keyof HoltWintersParams)[] = ['alpha'];
      if (spec.trend !== 'none') keys.push('beta');
      if (seasonal) keys.push('gamma');
      if (spec.trend === 'damped') keys.push('phi');
      const startPoint: Record<keyof HoltWintersParams, number> = { alpha: 0.3, beta: 0.1, gamma: 0.1, phi: 0.9 };
      const lower = keys.map((k) => (k === 'phi' ? 0.8 : 0));
      const upper = keys.map((k) => (k === 'phi' ? 0.98 : 1));
      const toParams = (x: readonly number[]): HoltWintersParams => {
        const p = { alpha: 0, beta: 0, gamma: 0, phi: 1 };
        keys.forEach((k, i) => (p[k] = x[i]!));
        return p;
      };
      const result = nelderMead((x) => runFilter(y, spec, start, toParams(x)).sse, keys.map((k) => startPoint[k]), { lower, upper, tolerance: 1e-12, maxEvaluations: 600 });
      return { ok: true, value: build(y, spec, toParams(result.x), name) };
    },
  };
}
