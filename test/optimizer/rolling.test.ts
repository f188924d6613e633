// The rolling (receding-horizon) mode on the sample county fund (docs/optimizer.md §15).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Scenario, Decimal, addMonthsToKey, evaluatePlan, validateScenario } from '@fundladder/core';
import { optimize, rollingPlan, rollingState } from '@fundladder/optimizer';
import { ROOT } from '../cli/harness';

function load(): Scenario {
  const s = validateScenario(JSON.parse(readFileSync(join(ROOT, 'examples/county-fund/scenario.json'), 'utf8')));
  if (!s.ok) throw new Error(JSON.stringify(s.issues));
  return s.value;
}

describe('rolling re-plans', () => {
  const scenario = load();

  it('hands the ledger’s state to the next re-plan: settlement cash and every open position', () => {
    // No placements: the state after 3 months is the scenario's own money after 3 months of flows.
    const st = rollingState(scenario, 3, [], scenario.flows);
    const head = evaluatePlan({ ...scenario, horizonMonths: 3 }, { schemaVersion: 1, name: 'none', placements: [] }, scenario.flows.filter((f) => f.month < '2026-04'));
    if (!head.ok) throw new Error('head');
    const total = (s: Scenario) => s.accounts.reduce((a, x) => a.plus(x.openingBalance), new Decimal(0)).plus(s.holdings.reduce((a, h) => a.plus(h.principal), new Decimal(0)));
    expect(total(st.scenario).eq(head.value.report.months.at(-1)!.closingTotal)).toBe(true);
    expect(st.overdrawn.isZero()).toBe(true);
    // Holdings that matured in the first quarter are gone; the rest are kept with their own ids.
    expect(st.scenario.holdings.every((h) => scenario.holdings.some((g) => g.id === h.id))).toBe(true);
    expect(st.scenario.holdings.length).toBeLessThan(scenario.holdings.length);
  });

  it('on the expected flows, every quarter re-plans, the realised plan breaks no rule, and it earns at least the one-off plan less 1%', async () => {
    const once = await optimize(scenario);
    if (once.status !== 'optimal') throw new Error(once.status);
    const r = await rollingPlan(scenario, { realised: scenario.flows });
    expect(r.steps).toHaveLength(12);
    expect(r.steps.map((s) => s.status)).toEqual(Array(12).fill('optimal'));
    expect(r.realised.report.issues).toEqual([]);
    // Measured 2026-11-23: one-off 4,126.37万, rolling 4,158.42万 (re-planning sees a shorter horizon each time).
    expect(r.realised.report.totals.interestEarned.gte(once.ledgerInterest.times(0.99))).toBe(true);
    // Only the quarter's placements are made at each step.
    for (const s of r.steps) for (const p of s.placements) expect(p.month >= s.start && p.month < addMonthsToKey(s.start, 3)).toBe(true);
  }, 120_000);
});
