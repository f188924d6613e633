import type { FlowForecast } from './forecastFlows';
import { periodOrdinal } from './input/periodOrdinal';
import { mulberry32 } from '@fundladder/core';

/** A scenario shock applied to every simulated path. */
export type Shock =
  /** Payouts grow by an extra `annualRate` a year (0.05 = +5%), compounding per period from `from` (default: the first forecast period). */
  | { readonly kind: 'payoutGrowth'; readonly annualRate: number; readonly from?: string; readonly fundType?: string }
  /** The contribution base is not raised: inflows lose the assumed yearly raise `baseGrowth` at each January (each year, annual series) from `from`. */
  | { readonly kind: 'contributionBaseFreeze'; readonly baseGrowth: number; readonly from?: string; readonly fundType?: string }
  /** One extra outflow of `amount` yuan in `period`. */
  | { readonly kind: 'oneOffOutflow'; readonly fundType: string; readonly period: string; readonly amount: number }
  /** Deposit rates fall by `bp` basis points from `from`: not a flow, carried on the paths for the optimizer. */
  | { readonly kind: 'rateCut'; readonly bp: number; readonly from: string };

/** Options of {@link simulatePaths}. */
export interface SimulateOptions {
  readonly paths: number;
  readonly seed: number;
  readonly shocks?: readonly Shock[];
}

/** Joint simulated paths: paths[p][fundType].inflow[k], yuan (floats). */
export interface SimulatedPaths {
  readonly seed: number;
  readonly periods: string[];
  readonly fundTypes: string[];
  readonly paths: Array<Record<string, { inflow: number[]; outflow: number[] }>>;
  /** Deposit-rate change in basis points per period (0 without a rate-cut shock), for the optimizer. */
  readonly rateDeltaBp: number[];
  /** The backtest window each path resampled (for audit). */
  readonly windowOfPath: number[];
}

function appliesFrom(periods: readonly string[], from: string | undefined): number {
  if (from === undefined) return 0;
  const target = periodOrdinal(from)?.ordinal;
  const index = periods.findIndex((p) => periodOrdinal(p)?.ordinal === target);
  return index < 0 ? (target !== undefined && target < periodOrdinal(periods[0]!)!.ordinal ? 0 : periods.length) : index;
}

/**
 * Draws N joint paths of monthly (or yearly) inflows and outflows per fund type. Each path picks one
 * backtest window (seeded mulberry32) and applies that window's errors to every fund type and both
 * sides at once, so the cross-fund and across-horizon dependence seen in the backtest is kept and the
 * total of a path is coherent with its parts. With W windows there are at most W distinct error
 * patterns before shocks. Values are clipped at zero; shocks are then applied.
 *
 * @param forecast - the result of `forecastFlows`
 * @param options - number of paths, seed and shocks
 * @returns the paths; the same seed gives the same paths
 * @example simulatePaths(fc, { paths: 2, seed: 1 }).paths.length //=> 2
 * @see Efron & Tibshirani (1993) ch. 8 (bootstrap of dependent data by resampling whole blocks); issue 4 §5.
 */
export function simulatePaths(forecast: FlowForecast, options: SimulateOptions): SimulatedPaths {
  const rng = mulberry32(options.seed);
  const periods = forecast.periods;
  const horizon = periods.length;
  const fundTypes = [...new Set(forecast.series.map((s) => s.fundType))];
  const complete = forecast.windows[horizon - 1] ?? [];
  const pool = complete.length ? complete : [];
  const shocks = options.shocks ?? [];
  const perYear = forecast.frequency === 'monthly' ? 12 : 1;
  const rateDeltaBp = new Array<number>(horizon).fill(0);
  for (const shock of shocks) {
    if (shock.kind !== 'rateCut') continue;
    for (let k = appliesFrom(periods, shock.from); k < horizon; k++) rateDeltaBp[k] = rateDeltaBp[k]! - shock.bp;
  }
  const paths: SimulatedPaths['paths'] = [];
  const windowOfPath: number[] = [];
  for (let p = 0; p < options.paths; p++) {
    const w = pool.length ? pool[Math.floor(rng() * pool.length)]! : -1;
    windowOfPath.push(w);
    const path: Record<string, { inflow: number[]; outflow: number[] }> = {};
    for (const fundType of fundTypes) path[fundType] = { inflow: new Array<number>(horizon).fill(0), outflow: new Array<number>(horizon).fill(0) };
    for (const s of forecast.series) {
      const values = path[s.fundType]![s.side];
      for (let k = 0; k < horizon; k++) values[k] = Math.max(0, s.mean[k]! + (w >= 0 ? s.errors[w]![k]! * s.scale : 0));
    }
    for (const shock of shocks) applyShock(path, shock, periods, perYear);
    paths.push(path);
  }
  return { seed: options.seed, periods, fundTypes, paths, rateDeltaBp, windowOfPath };
}

function applyShock(path: Record<string, { inflow: number[]; outflow: number[] }>, shock: Shock, periods: readonly string[], perYear: number): void {
  const targets = (fundType: string | undefined) => Object.entries(path).filter(([ft]) => fundType === undefined || ft === fundType);
  switch (shock.kind) {
    case 'payoutGrowth': {
      const start = appliesFrom(periods, shock.from);
      for (const [, flows] of targets(shock.fundType)) for (let k = start; k < periods.length; k++) flows.outflow[k] = flows.outflow[k]! * (1 + shock.annualRate) ** ((k - start + 1) / perYear);
      return;
    }
    case 'contributionBaseFreeze': {
      const start = appliesFrom(periods, shock.from);
      for (const [, flows] of targets(shock.fundType)) {
        let raisesSkipped = 0;
        for (let k = start; k < periods.length; k++) {
          if (perYear === 1 || periods[k]!.endsWith('-01')) raisesSkipped++;
          flows.inflow[k] = flows.inflow[k]! / (1 + shock.baseGrowth) ** raisesSkipped;
        }
      }
      return;
    }
    case 'oneOffOutflow': {
      const k = periods.indexOf(shock.period);
      const flows = path[shock.fundType];
      if (k >= 0 && flows) flows.outflow[k] = flows.outflow[k]! + shock.amount;
      return;
    }
    case 'rateCut':
      return;
  }
}
