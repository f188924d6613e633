import type { FlowForecast } from './forecastFlows';
import { periodOrdinal } from './input/periodOrdinal';
import { countDistinctPaths } from './paths/countDistinctPaths';
import { calendarIndex } from './paths/pathModel';
import { scaleMixture } from './paths/scaleMixture';
import { stationaryBootstrap } from './paths/stationaryBootstrap';
import { normalQuantile } from './stats/normalQuantile';
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
  /** How many of the paths differ from every other (after shocks); equal to the number of paths unless the history gives nothing to resample. */
  readonly distinctPaths: number;
  /**
   * For audit: sourcePeriods[p][k] is the history period whose joint residual vector drove step k of path p
   * (consecutive periods within a block of the stationary bootstrap). Replaces the first version's
   * `windowOfPath` (one backtest window per path).
   */
  readonly sourcePeriods: string[][];
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
 * Draws N joint paths of monthly (or yearly) inflows and outflows per fund type (docs/forecast.md "Paths").
 * Each path resamples, with a stationary block bootstrap (seeded mulberry32), a sequence of history
 * periods t_0 … t_{H−1}; period t supplies every series' standardised one-step residual z_t at once, so
 * fund types and the two sides of a fund move together as they did in that month. Series s deviates
 * from its mean forecast at step k by scale·m·f_{s,k}·Σ_{i≤k} impulse_s[i][k]·σ_{s,c(i)}·z_{s,t_i}: each
 * month's surprise is sized by its calendar month (σ_c ∝ the month's size: a lump month's surprise is
 * bigger) and carries into later months as the model would carry it (a level shift persists under ETS, a
 * seasonal-naive surprise repeats a year later); f_{s,k} brings the spread to what the backtest missed
 * at that horizon (`SeriesPathModel.stepFactor`), and m = `scaleMixture(ν_s, g)` widens or narrows the
 * whole path for the spread's own uncertainty (one normal g per path, shared by every series). A month
 * that never had a flow stays at its mean.
 * Values are clipped at zero (flows cannot be negative); totals are sums of the clipped parts. Shocks
 * are then applied.
 *
 * @param forecast - the result of `forecastFlows`
 * @param options - number of paths, seed and shocks
 * @returns the paths (the same seed gives the same paths), or the shocks' issues ({@link shockIssues})
 * @example simulatePaths(fc, { paths: 2, seed: 1 }).ok && simulatePaths(fc, { paths: 2, seed: 1 }).value.paths.length //=> 2
 * @see Politis & Romano, JASA 89 (1994) (stationary bootstrap); Hyndman & Athanasopoulos FPP3 §5.5 (bootstrapped
 *   residuals fed through the model); Hyndman et al., Forecasting with Exponential Smoothing (2008) §6.1; docs/forecast.md "Paths".
 */
export function simulatePaths(forecast: FlowForecast, options: SimulateOptions): Result<SimulatedPaths> {
  const issues = shockIssues(forecast, options.shocks ?? []);
  if (issues.length) return { ok: false, issues };
  const rng = mulberry32(options.seed);
  const periods = forecast.periods;
  const horizon = periods.length;
  const fundTypes = [...new Set(forecast.series.map((s) => s.fundType))];
  const shocks = options.shocks ?? [];
  const perYear = forecast.frequency === 'monthly' ? 12 : 1;
  const rateDeltaBp = new Array<number>(horizon).fill(0);
  for (const shock of shocks) {
    if (shock.kind !== 'rateCut') continue;
    for (let k = appliesFrom(periods, shock.from); k < horizon; k++) rateDeltaBp[k] = rateDeltaBp[k]! - shock.bp;
  }
  const model = forecast.pathModel;
  const sources = model.periods.length;
  const stepCalendar = periods.map((p) => calendarIndex(p, perYear));
  // Per series: the spread of each step's month and, per step k, the steps i ≤ k whose surprises move it (with their weights).
  const prepared = forecast.series.map((s, index) => {
    const m = model.series[index]!;
    const stepSd = stepCalendar.map((c) => m.monthSd[c]!);
    const columns = periods.map((_, k) => {
      const from: number[] = [];
      const weight: number[] = [];
      for (let i = 0; i <= k; i++) {
        const w = m.impulse[i]![k]!;
        if (Math.abs(w) > 1e-12) {
          from.push(i);
          weight.push(w);
        }
      }
      return { from, weight };
    });
    return { s, z: m.innovations, stepSd, stepFactor: m.stepFactor, nu: m.degreesOfFreedom, columns, moves: sources > 0 && stepSd.some((v) => v > 0) && m.innovations.some((v) => v !== 0) };
  });
  const paths: SimulatedPaths['paths'] = [];
  const sourcePeriods: string[][] = [];
  const eta = new Array<number>(horizon).fill(0);
  for (let p = 0; p < options.paths; p++) {
    // One normal draw per path sets how wide every series of the path is (comonotone: they were estimated from the same months).
    const spreadDraw = normalQuantile(Math.min(1 - 1e-12, Math.max(1e-12, rng())));
    const drawn = sources > 0 ? stationaryBootstrap(rng, sources, horizon, model.meanBlock) : [];
    sourcePeriods.push(drawn.map((t) => model.periods[t]!));
    const path: Record<string, { inflow: number[]; outflow: number[] }> = {};
    for (const fundType of fundTypes) path[fundType] = { inflow: new Array<number>(horizon).fill(0), outflow: new Array<number>(horizon).fill(0) };
    for (const { s, z, stepSd, stepFactor, nu, columns, moves } of prepared) {
      const values = path[s.fundType]![s.side];
      if (!moves) {
        for (let k = 0; k < horizon; k++) values[k] = Math.max(0, s.mean[k]!);
        continue;
      }
      const spread = s.scale * scaleMixture(nu, spreadDraw);
      for (let k = 0; k < horizon; k++) eta[k] = stepSd[k]! * z[drawn[k]!]!;
      for (let k = 0; k < horizon; k++) {
        const { from, weight } = columns[k]!;
        let d = 0;
        for (let j = 0; j < from.length; j++) d += weight[j]! * eta[from[j]!]!;
        // A month that never had a flow (σ = 0) stays at its mean: no surprise elsewhere gives it one.
        values[k] = stepSd[k]! > 0 ? Math.max(0, s.mean[k]! + spread * stepFactor[k]! * d) : Math.max(0, s.mean[k]!);
      }
    }
    for (const shock of shocks) applyShock(path, shock, periods, perYear);
    paths.push(path);
  }
  return { ok: true, value: { seed: options.seed, periods, fundTypes, paths, rateDeltaBp, distinctPaths: countDistinctPaths(paths), sourcePeriods } };
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
