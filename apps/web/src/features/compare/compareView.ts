// What the Compare screen shows, from a compare run's result by pure functions (tested beside this file): the request
// that compares finished optimize runs on the same paths, the KPI table against the frozen baseline with safety rows
// first, the interest difference as waterfall steps by product and by bank, all money differences exact in fen.
import type { CompareColumn, CompareResult } from '../../api/results';
import { fenOf, type YuanText, yuanTextOf } from '../../format/money';

/** A finished optimize run to compare: its scenario version and its plan (the result's `plan`, wire form). */
export interface RunChoice {
  readonly runId: string;
  readonly versionId: string;
  readonly plan: { name: string; placements: readonly unknown[] };
}

/** The name a run's plan carries inside the comparison, so that a column says which run it is. */
export const planNameOf = (runId: string) => `#${runId}`;

/**
 * The run id a column's plan name carries (see {@link planNameOf}), or undefined for a column not made from a run.
 * @example runIdOfColumn({ plan: '#12' }) //=> '12'
 */
export function runIdOfColumn(column: Pick<CompareColumn, 'plan'>): string | undefined {
  const m = /^#(\d{1,18})$/.exec(column.plan ?? '');
  return m?.[1];
}

/**
 * The compare request (kind `compare`, docs/app.md §1): each run's plan as a `given` column of its scenario version,
 * the versions by reference, the baseline's first; every column is run on the paths drawn from the same seed (the same
 * paths where the versions share their history).
 * @example compareRequestOf([{ runId: '3', versionId: '1', plan }, { runId: '5', versionId: '2', plan }], { paths: 200, seed: 1 }).columns.map((c) => c.scenario) //=> [0, 1]
 */
export function compareRequestOf(choices: readonly RunChoice[], options: { paths: number; seed: number }) {
  const versions = [...new Set(choices.map((c) => c.versionId))];
  return {
    kind: 'compare' as const,
    scenarios: versions.map((id) => ({ scenarioVersion: id })),
    columns: choices.map((c) => ({ scenario: versions.indexOf(c.versionId), plan: { kind: 'given' as const, plan: { schemaVersion: 1, name: planNameOf(c.runId), placements: c.plan.placements } } })),
    options: { paths: options.paths, seed: options.seed },
  };
}

/** What a KPI row holds: a probability (a number), money (yuan text), a rate (decimal text), a count, or the verdict. */
export type Cell = { kind: 'probability'; value: number } | { kind: 'money'; value: YuanText } | { kind: 'rate'; value: string } | { kind: 'count'; value: number } | { kind: 'verdict'; value: boolean } | { kind: 'none' };
/** A column against the baseline: percentage points, money (exact), a count, or nothing. */
export type Delta = { kind: 'points'; value: number } | { kind: 'money'; value: YuanText } | { kind: 'count'; value: number } | { kind: 'none' };

export const KPI_KEYS = ['verdict', 'payoutGapQ1', 'payoutGap', 'planCaused', 'structural', 'meanLargestShort', 'interest', 'expectedInterest', 'p5Interest', 'lowestLiquid', 'annualYield', 'ruleBreaks'] as const;
export type KpiKey = (typeof KPI_KEYS)[number];
/** The rows about safety, shown first (risk before reward). */
export const SAFETY_KEYS: readonly KpiKey[] = ['verdict', 'payoutGapQ1', 'payoutGap', 'planCaused', 'structural', 'meanLargestShort'];

const money = (v: string | undefined): Cell => (v === undefined ? { kind: 'none' } : { kind: 'money', value: v as YuanText });
const prob = (v: number | undefined): Cell => (v === undefined ? { kind: 'none' } : { kind: 'probability', value: v });

/** One column's cell of a KPI row. */
export function cellOf(column: CompareColumn, key: KpiKey): Cell {
  const st = column.stress;
  const l = column.ledger;
  switch (key) {
    case 'verdict':
      return column.safe === undefined ? { kind: 'none' } : { kind: 'verdict', value: column.safe };
    case 'payoutGapQ1':
      return prob(st?.payoutShortFirstQuarterProbability);
    case 'payoutGap':
      return prob(st?.payoutShortProbability);
    case 'planCaused':
      return prob(st?.planCausedShortProbability);
    case 'structural':
      return prob(st?.structuralShortProbability);
    case 'meanLargestShort':
      return money(column.meanLargestShort);
    case 'interest':
      return money(l?.interest);
    case 'expectedInterest':
      return money(st?.expectedInterest);
    case 'p5Interest':
      return money(st?.p5Interest);
    case 'lowestLiquid':
      return money(l?.lowestLiquid);
    case 'annualYield':
      return l?.kpis.annualYieldRate ? { kind: 'rate', value: l.kpis.annualYieldRate } : { kind: 'none' };
    case 'ruleBreaks':
      return l ? { kind: 'count', value: Object.values(l.ruleBreaks).reduce((a, n) => a + n, 0) } : { kind: 'none' };
  }
}

/**
 * A cell against the baseline's: money subtracted exactly in fen, probabilities in percentage points, counts.
 * @example deltaOf({ kind: 'money', value: '10.05' }, { kind: 'money', value: '7.10' }) //=> { kind: 'money', value: '2.95' }
 */
export function deltaOf(mine: Cell, base: Cell): Delta {
  if (mine.kind === 'money' && base.kind === 'money') return { kind: 'money', value: yuanTextOf(fenOf(mine.value) - fenOf(base.value)) };
  if (mine.kind === 'probability' && base.kind === 'probability') return { kind: 'points', value: Math.round((mine.value - base.value) * 10000) / 100 };
  if (mine.kind === 'count' && base.kind === 'count') return { kind: 'count', value: mine.value - base.value };
  return { kind: 'none' };
}

export interface KpiRow {
  readonly key: KpiKey;
  readonly cells: readonly Cell[];
  /** Per column against the baseline (none on the baseline itself). */
  readonly deltas: readonly Delta[];
}

/**
 * The KPI table: safety rows first, then interest and liquidity, each column against the baseline column.
 * @param baseline - index into `result.columns`
 */
export function kpiTable(result: Pick<CompareResult, 'columns'>, baseline: number): KpiRow[] {
  const base = result.columns[baseline];
  return KPI_KEYS.map((key) => {
    const cells = result.columns.map((c) => cellOf(c, key));
    return { key, cells, deltas: cells.map((c, i) => (i === baseline || !base ? { kind: 'none' } : deltaOf(c, cellOf(base, key)))) };
  });
}

/** One step of the interest waterfall: a product's or a bank's part of the difference (yuan, exact). */
export interface Step {
  readonly key: string;
  readonly amount: YuanText;
}

export interface Waterfall {
  readonly start: YuanText;
  readonly steps: readonly Step[];
  readonly end: YuanText;
}

/**
 * The interest received by `other` against `base` as a waterfall: from the baseline's interest, one step per product
 * (or per bank; bonds, held at no bank, are the step `govBond`) whose interest differs, largest first, to the other's.
 * The steps add up exactly (the ledger's breakdowns add up to the interest received).
 * @example waterfallOf(base, other, 'product').steps //=> [{ key: 'timeDeposit', amount: '120000.00' }, { key: 'govBond', amount: '-30000.00' }]
 */
export function waterfallOf(base: NonNullable<CompareColumn['ledger']>, other: NonNullable<CompareColumn['ledger']>, by: 'product' | 'bank'): Waterfall {
  const diff = (a: Record<string, string>, b: Record<string, string>) => [...new Set([...Object.keys(b), ...Object.keys(a)])].map((k) => ({ key: k, fen: fenOf(a[k] ?? '0') - fenOf(b[k] ?? '0') }));
  const parts = by === 'product' ? diff(other.interestByProduct, base.interestByProduct) : [...diff(other.interestByBank, base.interestByBank), { key: 'govBond', fen: fenOf(other.interestByProduct.govBond ?? '0') - fenOf(base.interestByProduct.govBond ?? '0') }];
  const abs = (x: bigint) => (x < 0n ? -x : x);
  const steps = parts.filter((p) => p.fen !== 0n).sort((a, b) => (abs(b.fen) > abs(a.fen) ? 1 : abs(b.fen) < abs(a.fen) ? -1 : a.key < b.key ? -1 : 1));
  return { start: base.interestReceived as YuanText, steps: steps.map((s) => ({ key: s.key, amount: yuanTextOf(s.fen) })), end: other.interestReceived as YuanText };
}

/** The column whose plan came from `runId`, else the result's first (the safest): the baseline in use. */
export function baselineIndex(columns: readonly Pick<CompareColumn, 'plan'>[], frozenRunId: string | undefined): number {
  const k = frozenRunId === undefined ? -1 : columns.findIndex((c) => runIdOfColumn(c) === frozenRunId);
  return k >= 0 ? k : 0;
}
