import type { FlowForecast } from './forecastFlows';
import { periodOrdinal } from './input/periodOrdinal';
import { type DomainIssue, type Result, mulberry32 } from '@fundladder/core';

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

/** The first forecast step a shock applies from (0 when it starts before the forecast; checked by {@link shockIssues}). */
function appliesFrom(periods: readonly string[], from: string | undefined): number {
  if (from === undefined) return 0;
  const target = periodOrdinal(from)!.ordinal;
  return Math.max(0, target - periodOrdinal(periods[0]!)!.ordinal);
}

/**
 * What is wrong with shocks for this forecast: a period that is not a label of the forecast's frequency
 * ('2027' on a monthly forecast, '2026-13', 'bogus'), a start after the forecast's last period (the shock
 * would change nothing), a one-off outflow outside the forecast, a fund type the forecast does not have.
 * A shock that changes nothing is an error, never silence.
 *
 * @returns the issues, with the path `['shocks', index, field]`; empty when every shock applies
 * @example shockIssues(fc, [{ kind: 'rateCut', bp: 25, from: '2027' }])[0]?.rule //=> 'shockPeriod' (on a monthly forecast)
 */
export function shockIssues(forecast: FlowForecast, shocks: readonly Shock[]): DomainIssue[] {
  const issues: DomainIssue[] = [];
  const first = periodOrdinal(forecast.periods[0]!)!.ordinal;
  const last = periodOrdinal(forecast.periods.at(-1)!)!.ordinal;
  const label = forecast.frequency === 'monthly' ? 'YYYY-MM' : 'YYYY';
  const fundTypes = new Set(forecast.series.map((s) => s.fundType));
  shocks.forEach((shock, i) => {
    const period = shock.kind === 'oneOffOutflow' ? shock.period : shock.from;
    const field = shock.kind === 'oneOffOutflow' ? 'period' : 'from';
    if (period !== undefined) {
      const parsed = periodOrdinal(period);
      if (!parsed || parsed.frequency !== forecast.frequency) {
        issues.push({ code: 'invalid_format', path: ['shocks', i, field], rule: 'shockPeriod', message: `a ${shock.kind} shock's period is ${label} on this ${forecast.frequency} forecast`, received: period });
      } else if (parsed.ordinal > last || (shock.kind === 'oneOffOutflow' && parsed.ordinal < first)) {
        issues.push({ code: 'out_of_range', path: ['shocks', i, field], rule: 'shockPeriod', message: `the forecast runs ${forecast.periods[0]} to ${forecast.periods.at(-1)}: a ${shock.kind} shock in ${period} would change nothing`, received: period, limit: `${forecast.periods[0]}…${forecast.periods.at(-1)}` });
      }
    }
    const fundType = shock.kind === 'rateCut' ? undefined : shock.fundType;
    if (fundType !== undefined && !fundTypes.has(fundType)) {
      issues.push({ code: 'unknown', path: ['shocks', i, 'fundType'], rule: 'shockFundType', message: `the forecast has no fund type ${fundType}`, received: fundType, limit: [...fundTypes].join(', ') });
    }
  });
  return issues;
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
 * @returns the paths (the same seed gives the same paths), or the shocks' issues ({@link shockIssues})
 * @example simulatePaths(fc, { paths: 2, seed: 1 }).ok && simulatePaths(fc, { paths: 2, seed: 1 }).value.paths.length //=> 2
 * @see Efron & Tibshirani (1993) ch. 8 (bootstrap of dependent data by resampling whole blocks); issue 4 §5.
 */
export function simulatePaths(forecast: FlowForecast, options: SimulateOptions): Result<SimulatedPaths> {
  const issues = shockIssues(forecast, options.shocks ?? []);
  if (issues.length) return { ok: false, issues };
  const rng = mulberry32(options.seed);
  const periods = forecast.periods;
  const horizon = periods.length;
  const fundTypes = [...new Set(forecast.series.map((s) => s.fundType))];
  const complete = forecast.windows[horizon - 1] ?? [];
  const pool = complete;
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
  return { ok: true, value: { seed: options.seed, periods, fundTypes, paths, rateDeltaBp, windowOfPath } };
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
      const k = appliesFrom(periods, shock.period);
      const flows = path[shock.fundType]!;
      flows.outflow[k] = flows.outflow[k]! + shock.amount;
      return;
    }
    case 'rateCut':
      return;
  }
}
