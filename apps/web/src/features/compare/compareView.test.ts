import { describe, expect, it } from 'vitest';
import { checkedResult, type CompareColumn, compareColumn } from '../../api/results';
import { fenOf } from '../../format/money';
import { baselineIndex, cellOf, compareRequestOf, deltaOf, kpiTable, runIdOfColumn, SAFETY_KEYS, waterfallOf } from './compareView';
import { liquidityLinesOption, waterfallOption } from './compareCharts';

// Two columns in the compare result's wire form (packages/app/src/jobs/compareResult.ts): small ledgers whose
// breakdowns add up to the interest received, as the ledger's do.
const stress = (gap: number, planCaused: number) => ({ paths: 200, distinctPaths: 200, outOfSample: false, payoutShortProbability: gap, payoutShortFirstQuarterProbability: gap / 2, shortProbability: gap, planCausedShortProbability: planCaused, structuralShortProbability: gap - planCaused, byFundType: [], reserveBreachProbability: 0, expectedInterest: '900.00', p5Interest: '800.00', largestShort: '0.00' });
const column = (plan: string, ledger: { interest: string; byProduct: Record<string, string>; byBank: Record<string, string>; liquid: string[]; reserve: string[] }, safe: boolean, gap: number): CompareColumn =>
  checkedResult(compareColumn, {
    requestIndex: 0, scenario: 0, source: { kind: 'given' }, label: plan, status: 'optimal', issues: [], plan, confidence: 0.99, pathGroup: 0, safe, stress: stress(gap, safe ? 0 : 0.02),
    ledger: {
      interest: ledger.interest, interestReceived: Object.values(ledger.byProduct).reduce((a, x) => a + fenOf(x), 0n).toString().replace(/(\d\d)$/, '.$1'),
      interestByProduct: ledger.byProduct, interestByBank: ledger.byBank, kpis: { annualYieldRate: '0.0123', tierShare: {}, bankCapUsage: [] }, lowestLiquid: ledger.liquid.reduce((a, b) => (fenOf(a) < fenOf(b) ? a : b)),
      liquidity: ledger.liquid.map((l, k) => ({ month: `2026-0${k + 1}`, closingLiquid: l, reserveRequired: ledger.reserve[k]! })), ruleBreaks: safe ? {} : { bankCap: 2 },
    },
  }, `column ${plan}`);
const a = column('#3', { interest: '1000.10', byProduct: { demandDeposit: '100.00', timeDeposit: '800.00', govBond: '100.10' }, byBank: { icbc: '500.00', ccb: '400.00' }, liquid: ['5000.00', '4000.00'], reserve: ['3000.00', '3000.00'] }, true, 0.03);
const b = column('#5', { interest: '1100.05', byProduct: { demandDeposit: '90.00', timeDeposit: '950.00', govBond: '60.05' }, byBank: { icbc: '640.00', ccb: '400.00' }, liquid: ['4500.00', '3500.00'], reserve: ['3000.00', '3000.00'] }, false, 0.05);

describe('comparing runs', () => {
  it('asks for each run’s plan as a given column of its version, the versions by reference, named by run', () => {
    const plan = { name: 'p', placements: [{ month: '2026-01', product: 'timeDeposit', termMonths: 12, amount: '1.00' }] };
    const r = compareRequestOf([{ runId: '3', versionId: '10', plan }, { runId: '5', versionId: '11', plan }, { runId: '7', versionId: '10', plan }], { paths: 200, seed: 1 });
    expect(r.scenarios).toEqual([{ scenarioVersion: '10' }, { scenarioVersion: '11' }]);
    expect(r.columns.map((c) => [c.scenario, c.plan.kind, c.plan.plan.name, c.plan.plan.schemaVersion])).toEqual([[0, 'given', '#3', 1], [1, 'given', '#5', 1], [0, 'given', '#7', 1]]);
    expect(r.options).toEqual({ paths: 200, seed: 1 });
    expect(runIdOfColumn({ plan: '#5' })).toBe('5');
    expect(runIdOfColumn({ plan: 'optimized' })).toBeUndefined();
  });

  it('puts safety rows first and states every difference against the frozen baseline, money exact to the fen', () => {
    const rows = kpiTable({ columns: [a, b] }, baselineIndex([a, b], '5'));
    expect(rows.slice(0, SAFETY_KEYS.length).map((r) => r.key)).toEqual([...SAFETY_KEYS]);
    const interest = rows.find((r) => r.key === 'interest')!;
    expect(interest.deltas).toEqual([{ kind: 'money', value: '-99.95' }, { kind: 'none' }]);
    expect(rows.find((r) => r.key === 'payoutGap')!.deltas[0]).toEqual({ kind: 'points', value: -2 });
    expect(rows.find((r) => r.key === 'ruleBreaks')!.cells).toEqual([{ kind: 'count', value: 0 }, { kind: 'count', value: 2 }]);
    expect(cellOf(a, 'verdict')).toEqual({ kind: 'verdict', value: true });
    expect(baselineIndex([a, b], undefined)).toBe(0);
    expect(baselineIndex([a, b], '99')).toBe(0);
    expect(deltaOf({ kind: 'money', value: '0.10' as never }, { kind: 'money', value: '0.20' as never })).toEqual({ kind: 'money', value: '-0.10' });
  });

  it('breaks the interest difference into steps by product and by bank (bonds a step of their own) that add up exactly', () => {
    for (const by of ['product', 'bank'] as const) {
      const w = waterfallOf(a.ledger!, b.ledger!, by);
      expect(w.steps.reduce((s, x) => s + fenOf(x.amount), fenOf(w.start))).toBe(fenOf(w.end));
    }
    expect(waterfallOf(a.ledger!, b.ledger!, 'product').steps).toEqual([{ key: 'timeDeposit', amount: '150.00' }, { key: 'govBond', amount: '-40.05' }, { key: 'demandDeposit', amount: '-10.00' }]);
    expect(waterfallOf(a.ledger!, b.ledger!, 'bank').steps.map((s) => s.key)).toEqual(['icbc', 'govBond']);
  });

  it('draws the waterfall with an invisible base under each step, rises and falls apart', () => {
    const w = waterfallOf(a.ledger!, b.ledger!, 'product');
    const option = waterfallOption(w, { start: '#3', end: '#5', step: (k) => k, up: 'up', down: 'down' }, 'zh');
    expect((option.xAxis as { data: string[] }).data).toEqual(['#3', 'timeDeposit', 'govBond', 'demandDeposit', '#5']);
    const [base, up, down, totals] = option.series as { data: (number | null)[] }[];
    expect(up!.data).toEqual([null, 0.015, null, null, null]);
    expect(down!.data).toEqual([null, null, 0.004005, 0.001, null]);
    // 1,000.10 + 150.00 = 1,150.10; the fall of 40.05 stands on 1,110.05 yuan.
    expect(base!.data[2]).toBeCloseTo(0.111005, 9);
    expect(totals!.data[0]).toBeCloseTo(0.10001, 9);
  });

  it('overlays each column’s liquid money with one reserve line when they share it', () => {
    const option = liquidityLinesOption([a, b], ['#3', '#5'], '储备下限', 'zh');
    const series = option.series as { name: string; data: number[] }[];
    expect(series.map((s) => s.name)).toEqual(['#3', '#5', '储备下限']);
    expect(series[1]!.data).toEqual([0.45, 0.35]);
  });
});
