// Stress on flow paths and the quantile reserve (docs/optimizer.md §3.4, §14).
import { describe, expect, it } from 'vitest';
import { type MonthlyFlow, Decimal, evaluatePlan, scenarioSchema } from '@fundladder/core';
import { tinyPlan, tinyScenario } from '@fundladder/core/testing';
import { countDistinct, reserveFromPaths, stressTest } from './stress';

const scenario = scenarioSchema.parse(tinyScenario());
const plan = tinyPlan() as Parameters<typeof stressTest>[1];

/** The scenario's flows with `extra` yuan more paid out by `fundType` in `month`. */
function shocked(month: string, fundType: string, extra: number): MonthlyFlow[] {
  return scenario.flows.map((f) => (f.month === month && f.fundType === fundType ? { ...f, outflow: f.outflow.plus(extra) } : f));
}

describe('stressTest', () => {
  it('on the mean path alone: the ledger’s own interest, nothing short', () => {
    const st = stressTest(scenario, plan, [scenario.flows]);
    const ev = evaluatePlan(scenario, plan);
    if (!ev.ok) throw new Error('tiny plan');
    expect(st.paths).toBe(1);
    expect(st.expectedInterest.eq(ev.value.report.totals.interestEarned)).toBe(true);
    expect(st.p5Interest.eq(ev.value.report.totals.interestEarned)).toBe(true);
    expect(st.payoutShortProbability).toBe(0);
    expect(st.shortProbability).toBe(0);
  });

  it('a path with a payout larger than everything the fund type holds is short in that month, and counted in the first quarter', () => {
    // Work injury holds 3,000万 in the tiny county; a 5亿 payout in 2026-02 cannot be met.
    const paths = [scenario.flows, shocked('2026-02', 'workInjury', 500_000_000), shocked('2026-05', 'workInjury', 500_000_000), scenario.flows];
    const st = stressTest(scenario, plan, paths);
    expect(st.payoutShortProbability).toBe(0.5);
    expect(st.payoutShortFirstQuarterProbability).toBe(0.25);
    expect(st.outcomes[1]!.firstPayoutShortMonth).toBe('2026-02');
    expect(st.outcomes[2]!.firstPayoutShortMonth).toBe('2026-05');
    expect(st.shortProbability).toBe(0.5);
    expect(st.largestShort.gt(0)).toBe(true);
    expect(st.medianFirstPayoutShortMonth).toBe('2026-02');
  });
});

describe('reserveFromPaths', () => {
  it('takes the lower empirical quantile of the next months’ net outflow at each month', () => {
    // 20 paths; on path k (1…20) the whole fund's net outflow in 2026-02 is k × 1,000,000 more than the mean path's.
    const base = scenario.flows;
    const netOf = (flows: readonly MonthlyFlow[], month: string) => flows.filter((f) => f.month === month).reduce((a, f) => a.plus(f.outflow).minus(f.inflow), new Decimal(0));
    const paths = Array.from({ length: 20 }, (_, k) => shocked('2026-02', 'employeePension', (k + 1) * 1_000_000));
    const r = reserveFromPaths(scenario, paths, 0.95, 1);
    // Month 0 looks at 2026-02 only: the 19th smallest of the 20 (⌈0.95 × 20⌉ = 19).
    const expected = Decimal.max(netOf(base, '2026-02').plus(19_000_000), 0);
    expect(r[0]!.eq(expected)).toBe(true);
    expect(r).toHaveLength(scenario.horizonMonths);
    // The last month has no next month: nothing to keep.
    expect(r.at(-1)!.isZero()).toBe(true);
  });
});

describe('countDistinct', () => {
  it('counts a repeated path once, a path that differs only in its last flow apart, and a difference below the fen not at all', () => {
    const last = scenario.flows.length - 1;
    const lastChanged = scenario.flows.map((f, k) => (k === last ? { ...f, outflow: f.outflow.plus(1) } : f));
    const belowTheFen = scenario.flows.map((f, k) => (k === last ? { ...f, outflow: f.outflow.plus('0.001') } : f));
    expect(countDistinct([scenario.flows, scenario.flows, lastChanged])).toBe(2);
    expect(countDistinct([scenario.flows, belowTheFen])).toBe(1);
    expect(countDistinct([])).toBe(0);
  });
});
