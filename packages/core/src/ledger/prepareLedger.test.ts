import { describe, expect, it } from 'vitest';
import { dec } from '../money/decimal';
import { scenarioSchema } from '../schemas/scenario';
import { resolvePlan } from '../schemas/resolvePlan';
import type { PlanInput } from '../schemas/plan';
import { toWire } from '../evaluatePlan';
import { tinyPlan, tinyScenario } from '../testing/fixtures';
import { runLedger } from './runLedger';
import { prepareLedger } from './prepareLedger';

const wire = (value: unknown) => JSON.stringify(toWire(value));

function setUp(plan: PlanInput, scenarioJson = tinyScenario()) {
  const scenario = scenarioSchema.parse(scenarioJson);
  const resolved = resolvePlan(plan, scenario);
  if (!resolved.ok) throw new Error(JSON.stringify(resolved.issues));
  return { scenario, placements: resolved.value.placements };
}

describe('prepareLedger', () => {
  it('posts payouts on timing.outflowDay before the inflows of timing.inflowDay, as runLedger does (docs/ledger.md "Time inside a month"): 2026-01-05 short by 500,000', () => {
    // The example of runLedger.test.ts: 1,000,000 in the account, 1,500,000 paid on the 5th, 2,000,000 in on the 20th.
    const account = { id: 'wi', kind: 'fiscalSpecial', fundType: 'workInjury', bankId: 'ccb', openingBalance: '1000000.00', contractRates: [{ effectiveFrom: '2025-01-01', annualRate: '0.011' }] };
    const flows = ['2026-01', '2026-02'].map((month) => ({ month, fundType: 'workInjury', inflow: '2000000.00', outflow: '1500000.00' }));
    const { scenario, placements } = setUp({ schemaVersion: 1, name: 'none', placements: [] }, tinyScenario({ fundTypes: ['workInjury'], accounts: [account], flows, horizonMonths: 2, timing: { flowDay: 1, placementDay: 1, outflowDay: 5, inflowDay: 20 } } as never));
    const report = prepareLedger(scenario, placements).run(scenario.flows);
    if (!report.ok) throw new Error(JSON.stringify(report.issues));
    expect(report.value.issues.filter((i) => i.rule === 'cashNotNegative').map((i) => [i.monthKey, i.amount])).toEqual([['2026-01', '500000.00']]);
    expect(wire(report)).toBe(wire(runLedger({ scenario, placements, flows: scenario.flows })));
  });

  it('runs one plan on many paths from one preparation, each report the one runLedger gives for that path', () => {
    const { scenario, placements } = setUp(tinyPlan());
    const prepared = prepareLedger(scenario, placements);
    expect(prepared.mode).toBe('prepared');
    const paths = [1, 2, 3].map((times) => scenario.flows.map((f) => ({ ...f, outflow: f.outflow.times(times) })));
    for (const flows of paths) expect(wire(prepared.run(flows))).toBe(wire(runLedger({ scenario, placements, flows })));
  });

  it('does not let one run change another: a report is the same after later runs on other paths, and its arrays and maps are its own', () => {
    const { scenario, placements } = setUp(tinyPlan());
    const prepared = prepareLedger(scenario, placements);
    const first = prepared.run(scenario.flows);
    if (!first.ok) throw new Error('run failed');
    const before = wire(first);
    const second = prepared.run(scenario.flows.map((f) => ({ ...f, outflow: f.outflow.times(5) })));
    if (!second.ok) throw new Error('run failed');
    expect(wire(first)).toBe(before);
    expect(second.value.months[0]!.holdings).not.toBe(first.value.months[0]!.holdings);
    expect(second.value.months[0]!.trancheByBank).not.toBe(first.value.months[0]!.trancheByBank);
    expect(second.value.issues).not.toBe(first.value.issues);
    expect(second.value.openPositions).not.toBe(first.value.openPositions);
  });

  it('answers a path with a month missing as runLedger does (flowsCoverHorizon), and does not throw', () => {
    const { scenario, placements } = setUp(tinyPlan());
    const holed = scenario.flows.filter((f) => !(f.month === '2026-03' && f.fundType === 'workInjury'));
    const report = prepareLedger(scenario, placements).run(holed);
    expect(report.ok).toBe(false);
    expect(wire(report)).toBe(wire(runLedger({ scenario, placements, flows: holed })));
  });

  it('falls back to runLedger for a plan with a placement that names no fund type (split pro rata by cash on the day)', () => {
    const plan = tinyPlan();
    const { fundType: _dropped, ...anyFund } = plan.placements[0] as { fundType?: string };
    const { scenario, placements } = setUp({ ...plan, placements: [anyFund, ...plan.placements.slice(1)] } as PlanInput);
    const prepared = prepareLedger(scenario, placements);
    expect(prepared.mode).toBe('fullRun');
    const flows = scenario.flows.map((f) => ({ ...f, inflow: f.inflow.plus(dec('0.01')) }));
    expect(wire(prepared.run(flows))).toBe(wire(runLedger({ scenario, placements, flows })));
  });
});
