import { z } from 'zod';
import { type DomainIssue, type Result, Decimal, parseDecimal, parseInput } from '@fundladder/core';
import {
  type DerivedForecast, type FlowForecast, type FlowTable, type ForecastOptions, type Shock, type SimulatedPaths,
  addPeriods, cohortInputFromSeries, forecastFlows, projectCohort, shockIssues, simulatePaths, yuanString,
} from '@fundladder/forecast';
import { type JobContext, cancelledIssue } from './context';
import { flowHistory, readFlowHistory } from './flowHistory';
import { type ForecastPeriod, type ForecastResult, type ShockRequest, forecastResult, forecastShock } from './forecastResult';

/**
 * Forecast a history's inflows and outflows (docs/forecast.md): the history (a scenario or a flows file's rows) and
 * bounded options. Horizons up to 240 periods (20 years of months); paths as many as optimize checks at most.
 */
export const forecastRequest = z.strictObject({
  kind: z.literal('forecast'),
  history: flowHistory,
  options: z
    .strictObject({
      /** Periods ahead (default 24 monthly, 5 annual). */
      horizon: z.int().min(1).max(240).optional(),
      /** Band levels in percent; the 50% band is always there. */
      levels: z.array(z.number().gt(0).lt(100)).min(1).max(10).default([50, 80, 95]),
      /** Joint simulated paths (0 = none). */
      paths: z.int().min(0).max(20_000).default(0),
      seed: z.int().min(0).max(4_294_967_295).default(1),
      /** Shocks on the simulated paths. */
      shocks: z.array(forecastShock).max(20).default([]),
      /** Return the simulated paths themselves (for a paths file), not only their summary. */
      returnPaths: z.boolean().default(false),
    })
    .default({ levels: [50, 80, 95], paths: 0, seed: 1, shocks: [], returnPaths: false }),
});
export type ForecastRequest = z.input<typeof forecastRequest>;

/** The shocks a front end offers as text (`--shock-outflow FUND:PERIOD:AMOUNT`, a form field …), by kind. */
export interface ShockTexts {
  /** An extra payout growth a year, a fraction: `0.05`. */
  readonly payoutGrowth?: string;
  /** The yearly contribution-base raise that does not happen, a fraction: `0.05`. */
  readonly contributionBaseFreeze?: string;
  /** `FUND:PERIOD:AMOUNT`, e.g. `employeePension:2026-07:50000000` (yuan). */
  readonly oneOffOutflow?: string;
  /** `BP:FROM`, e.g. `25:2026-01`. */
  readonly rateCut?: string;
}

/**
 * Shocks from their text forms, for the request (the job checks their bounds and periods). Every malformed text is an
 * issue at `['shocks', kind]`; numbers are plain decimals only (`1e9`, `0x10`, `` are refused).
 * @example shocksFromText({ oneOffOutflow: 'employeePension:2026-07:50000000' }) //=> { ok: true, value: [{ kind: 'oneOffOutflow', fundType: 'employeePension', period: '2026-07', amount: '50000000' }] }
 */
export function shocksFromText(texts: ShockTexts): Result<ShockRequest[]> {
  const shocks: ShockRequest[] = [];
  const issues: DomainIssue[] = [];
  const bad = (kind: keyof ShockTexts, form: string, example: string) => issues.push({ code: 'invalid_format', path: ['shocks', kind], rule: 'shockText', message: `is ${form}, e.g. ${example}`, received: texts[kind]!, limit: form });
  const num = (text: string | undefined) => (text === undefined ? undefined : parseDecimal(text.trim())?.toNumber());
  if (texts.payoutGrowth !== undefined) {
    const rate = num(texts.payoutGrowth);
    if (rate === undefined) bad('payoutGrowth', 'a fraction a year', '0.05');
    else shocks.push({ kind: 'payoutGrowth', annualRate: rate });
  }
  if (texts.contributionBaseFreeze !== undefined) {
    const rate = num(texts.contributionBaseFreeze);
    if (rate === undefined) bad('contributionBaseFreeze', 'a fraction a year', '0.05');
    else shocks.push({ kind: 'contributionBaseFreeze', baseGrowth: rate });
  }
  if (texts.oneOffOutflow !== undefined) {
    const [fundType, period, amount, ...rest] = texts.oneOffOutflow.split(':');
    if (!fundType || !period || amount === undefined || rest.length || !parseDecimal(amount.trim())) bad('oneOffOutflow', 'FUND:PERIOD:AMOUNT', 'employeePension:2026-07:50000000');
    else shocks.push({ kind: 'oneOffOutflow', fundType, period, amount: amount.trim() });
  }
  if (texts.rateCut !== undefined) {
    const [bp, from, ...rest] = texts.rateCut.split(':');
    const n = num(bp);
    if (n === undefined || !from || rest.length) bad('rateCut', 'BP:FROM', '25:2026-01');
    else shocks.push({ kind: 'rateCut', bp: n, from });
  }
  return issues.length ? { ok: false, issues } : { ok: true, value: shocks };
}

/** The cohort model's means where a series has complete cohort columns (docs/forecast.md "Models"). */
function cohortOverrides(table: FlowTable, periods: readonly string[]): { overrides: NonNullable<ForecastOptions['overrides']>; columns: boolean; issues: DomainIssue[] } {
  const overrides: Record<string, { model: string; mean: number[] }> = {};
  const columns = table.series.some((s) => s.cohort.some((row) => Object.keys(row).length > 0));
  const issues: DomainIssue[] = [];
  if (!columns) return { overrides, columns, issues };
  for (const s of table.series) {
    const input = cohortInputFromSeries(s, table.period);
    if (!input.ok) {
      issues.push(...input.issues);
      continue;
    }
    const projected = projectCohort(input.value, periods);
    overrides[`${s.fundType}/inflow`] = { model: 'cohort', mean: projected.inflow };
    overrides[`${s.fundType}/outflow`] = { model: 'cohort', mean: projected.outflow };
  }
  return { overrides, columns, issues };
}

/** A model float of yuan as money to the fen: the one conversion back (`yuanString`, docs/conventions.md §3). */
const yuan = (x: number) => new Decimal(yuanString(x));

function periodRows(fc: FlowForecast, sides: Record<'inflow' | 'outflow' | 'net', DerivedForecast>): ForecastPeriod[] {
  const value = (d: DerivedForecast, k: number) => ({ mean: yuan(d.mean[k]!), bands: fc.levels.map((level) => ({ level, lo: yuan(d.bands[level]!.lo[k]!), hi: yuan(d.bands[level]!.hi[k]!) })) });
  return fc.periods.map((period, k) => ({ period, inflow: value(sides.inflow, k), outflow: value(sides.outflow, k), net: value(sides.net, k) }));
}

function summarizePaths(sim: SimulatedPaths, withPaths: boolean): NonNullable<ForecastResult['paths']> {
  const cumulative = sim.paths.map((p) => Object.values(p).reduce((acc, v) => acc + v.inflow.reduce((a, b) => a + b, 0) - v.outflow.reduce((a, b) => a + b, 0), 0)).sort((a, b) => a - b);
  const q = (p: number) => yuan(cumulative[Math.min(cumulative.length - 1, Math.floor(p * cumulative.length))]!);
  return {
    count: sim.paths.length,
    distinct: sim.distinctPaths,
    seed: sim.seed,
    rateDeltaBp: [...sim.rateDeltaBp],
    cumulativeNet: { p5: q(0.05), median: q(0.5), p95: q(0.95) },
    ...(withPaths ? { simulated: sim.paths.map((p) => Object.fromEntries(Object.entries(p).map(([ft, v]) => [ft, { inflow: v.inflow.map(yuan), outflow: v.outflow.map(yuan) }]))) } : {}),
  };
}

/** A turn of the event loop between stages, so that an abort sent meanwhile is seen. */
const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The forecast job (docs/forecast.md): the history checked; the cohort model's means where the history has cohort
 * columns; per series the model with the lowest backtest MASE, bands from its backtest errors, totals from joint
 * scenarios; then, if asked, seeded joint paths with shocks. Progress by stage (`forecast`, `paths`); a cancelled job
 * returns the issue `cancelled`. Bad input is an issue naming its field or row, never a throw.
 */
export async function runForecast(request: ForecastRequest, context: JobContext = {}): Promise<Result<ForecastResult>> {
  const parsed = parseInput(forecastRequest, request);
  if (!parsed.ok) return parsed;
  const o = parsed.value.options;
  const { signal, onProgress } = context;
  if (signal?.aborted) return { ok: false, issues: [cancelledIssue('start')] };
  const read = readFlowHistory(parsed.value.history);
  if (!read.ok) return read;
  const { table } = read.value;
  const horizon = o.horizon ?? (table.period === 1 ? 5 : 24);
  // The forecast periods follow the table's last period; the cohort projection needs them before the one forecast.
  const periods = Array.from({ length: horizon }, (_, k) => addPeriods(table.periods.at(-1)!, k + 1));
  const cohort = cohortOverrides(table, periods);
  onProgress?.({ stage: 'forecast', done: 0, total: 1 });
  await nextTurn();
  if (signal?.aborted) return { ok: false, issues: [cancelledIssue('forecast')] };
  const fc = forecastFlows(table, { horizon, levels: [...new Set([50, ...o.levels])], ...(Object.keys(cohort.overrides).length ? { overrides: cohort.overrides } : {}) });
  onProgress?.({ stage: 'forecast', done: 1, total: 1 });
  const shocks: Shock[] = o.shocks.map((s) => (s.kind === 'oneOffOutflow' ? { ...s, amount: s.amount.toNumber() } : s));
  const badShocks = shockIssues(fc, shocks);
  if (badShocks.length) return { ok: false, issues: badShocks.map((i) => ({ ...i, path: ['options', ...i.path] })) };
  let sim: SimulatedPaths | undefined;
  if (o.paths > 0) {
    onProgress?.({ stage: 'paths', done: 0, total: 1 });
    await nextTurn();
    if (signal?.aborted) return { ok: false, issues: [cancelledIssue('paths')] };
    const simulated = simulatePaths(fc, { paths: o.paths, seed: o.seed, shocks });
    if (!simulated.ok) return { ok: false, issues: simulated.issues.map((i) => ({ ...i, path: ['options', ...i.path] })) };
    sim = simulated.value;
    onProgress?.({ stage: 'paths', done: 1, total: 1 });
  }
  const fundTypes = [...new Set(fc.series.map((s) => s.fundType))];
  const side = (fundType: string, s: 'inflow' | 'outflow') => fc.series.find((x) => x.fundType === fundType && x.side === s)!;
  const value: ForecastResult = {
    kind: 'forecast',
    ...(parsed.value.history.file !== undefined ? { file: parsed.value.history.file } : {}),
    ...(read.value.scenario !== undefined ? { scenario: read.value.scenario } : {}),
    frequency: fc.frequency,
    history: { first: table.periods[0]!, last: table.periods.at(-1)!, periods: table.periods.length },
    periods: [...fc.periods],
    levels: [...fc.levels],
    backtest: { ...fc.backtest },
    fundTypes: fundTypes.map((fundType) => ({
      fundType,
      models: { inflow: side(fundType, 'inflow').model, outflow: side(fundType, 'outflow').model },
      periods: periodRows(fc, { inflow: side(fundType, 'inflow'), outflow: side(fundType, 'outflow'), net: fc.net[fundType]! }),
    })),
    total: periodRows(fc, fc.total),
    cohort: { columns: cohort.columns, series: Object.keys(cohort.overrides), issues: cohort.issues },
    notes: [...fc.notes],
    warnings: read.value.warnings,
    shocks: o.shocks,
    ...(sim ? { paths: summarizePaths(sim, o.returnPaths) } : {}),
  };
  // The result is checked against its own wire schema before it leaves: a figure finer than the fen is a bug here. The
  // simulated paths' values (10⁵ and more) are left out of the check: they are `yuanString`'s, to the fen by construction.
  const checked = forecastResult.safeEncode(value.paths?.simulated ? { ...value, paths: { ...value.paths, simulated: [] } } : value);
  if (!checked.success) return { ok: false, issues: checked.error.issues.map((i) => ({ code: 'internal', path: ['result', ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], rule: 'resultSchema', message: i.message })) };
  return { ok: true, value };
}
