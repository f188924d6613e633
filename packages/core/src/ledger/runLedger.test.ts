import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '../schemas/scenario';
import { resolvePlan } from '../schemas/resolvePlan';
import { tinyPlan, tinyScenario } from '../testing/fixtures';
import { runLedger } from './runLedger';
import { dec } from '../money/decimal';
import type { PlanInput } from '../schemas/plan';

function run(planJson: PlanInput = tinyPlan(), scenarioJson = tinyScenario()) {
  const scenario = scenarioSchema.parse(scenarioJson);
  const resolved = resolvePlan(planJson, scenario);
  if (!resolved.ok) throw new Error(JSON.stringify(resolved.issues));
  const report = runLedger({ scenario, placements: resolved.value.placements, flows: scenario.flows });
  if (!report.ok) throw new Error(JSON.stringify(report.issues));
  return report.value;
}

describe('runLedger', () => {
  it('posts payouts on timing.outflowDay and inflows on timing.inflowDay: a payout due before the contributions needs cash on its day (docs/ledger.md "Time inside a month")', () => {
    const account = { id: 'wi', kind: 'fiscalSpecial', fundType: 'workInjury', bankId: 'ccb', openingBalance: '1000000.00', contractRates: [{ effectiveFrom: '2025-01-01', annualRate: '0.011' }] };
    const flows = ['2026-01', '2026-02'].map((month) => ({ month, fundType: 'workInjury', inflow: '2000000.00', outflow: '1500000.00' }));
    const none = { schemaVersion: 1 as const, name: 'none', placements: [] };
    const sameDay = run(none, tinyScenario({ fundTypes: ['workInjury'], accounts: [account], flows, horizonMonths: 2 } as never));
    // On one day the month nets +500,000: never below zero.
    expect(sameDay.issues.filter((i) => i.rule === 'cashNotNegative')).toEqual([]);
    const split = run(none, tinyScenario({ fundTypes: ['workInjury'], accounts: [account], flows, horizonMonths: 2, timing: { flowDay: 1, placementDay: 1, outflowDay: 5, inflowDay: 20 } } as never));
    // 2026-01-05: 1,000,000 − 1,500,000 = −500,000 before the contributions of the 20th; February's payout is covered.
    const short = split.issues.filter((i) => i.rule === 'cashNotNegative');
    expect(short.map((i) => [i.monthKey, i.date, i.amount])).toEqual([['2026-01', '2026-01-05', '500000.00']]);
    // The month's totals are the same either way.
    expect(split.months[0]!.byFundType.workInjury!.inflow.toFixed(2)).toBe('2000000.00');
    expect(split.months[0]!.byFundType.workInjury!.outflow.toFixed(2)).toBe('1500000.00');
    expect(split.totals.closingTotal.minus(split.totals.interestReceived).eq(sameDay.totals.closingTotal.minus(sameDay.totals.interestReceived))).toBe(true);
  });

  it('keeps a holding whose id looks like a plan position apart from the plan (regression: ids collided, the holding lost its coupon)', () => {
    const holding = (id: string) => ({ id, fundType: 'employeePension', product: 'govBond', principal: '10000000.00', annualRate: '0.02', startDate: '2025-05-01', termMonths: 24, couponFrequency: 1 });
    const base = tinyScenario();
    const named = (id: string) => run(tinyPlan(), { ...base, holdings: [...(base.holdings ?? []), holding(id)] } as never);
    const plain = named('bond-a');
    const lookalike = named('plan-0-employeePension');
    // The coupon of 2026-05-01 (10,000,000 × 2% = 200,000.00), after the plan's placement 0 has matured on 2026-04-01, is paid either way.
    expect(lookalike.totals.interestReceived.eq(plain.totals.interestReceived)).toBe(true);
    expect(lookalike.months[4]!.interest.some((p) => p.sourceId === 'plan-0-employeePension' && p.amount.eq(200_000))).toBe(true);
    expect(lookalike.totals.closingTotal.eq(plain.totals.closingTotal)).toBe(true);
  });

  it('credits demand interest on the 21st of March by the 积数 of 1 Jan–20 Mar at the contract rate (docs/domain.md §4.1 活期, [R32])', () => {
    const scenario = tinyScenario({ fundTypes: ['workInjury'], accounts: [{ id: 'wi', kind: 'fiscalSpecial', fundType: 'workInjury', bankId: 'ccb', openingBalance: '10000000.00', contractRates: [{ effectiveFrom: '2025-01-01', annualRate: '0.011' }] }], flows: ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'].map((month) => ({ month, fundType: 'workInjury', inflow: '0', outflow: '0' })) } as never);
    const report = run({ schemaVersion: 1, name: 'none', placements: [] }, scenario);
    const march = report.months[2]!;
    // 10,000,000 × 79 days (2026-01-01 … 2026-03-20) × 1.10% / 360 = 24,138.888… → 24,138.89
    expect(march.interest.map((p) => p.amount.toFixed(2))).toEqual(['24138.89']);
    expect(march.interest[0]!.date).toBe('2026-03-21');
    // June: (10,024,138.89 × 92 days: 03-21 … 06-20) × 1.10% / 360 → 28,180.97 (rounded from …0.968)
    const june = report.months[5]!;
    expect(june.interest[0]!.amount.toFixed(2)).toBe(dec('10024138.89').times(92).times('0.011').div(360).toDecimalPlaces(3, 4).toDecimalPlaces(2, 4).toFixed(2));
  });

  it('pays a 3-month time deposit placed on 1 Jan its term interest on 1 Apr: 30,000,000 × 0.65% × 3/12 = 48,750.00', () => {
    const report = run();
    const april = report.months[3]!;
    const icbc = april.interest.find((p) => p.bankId === 'icbc' && p.product === 'timeDeposit')!;
    expect(icbc.amount.toFixed(2)).toBe('48750.00');
    expect(icbc.date).toBe('2026-04-01');
    expect(april.matured.toFixed(2)).toBe('150000000.00');
  });

  it('finds no rule broken in a plan that keeps every rule', () => {
    expect(run().issues).toEqual([]);
  });

  it('reports every rule a bad plan breaks, with month, bank, amount and rule, and does not stop at the first', () => {
    const plan = {
      schemaVersion: 1,
      name: 'bad',
      placements: [
        { month: '2026-01', product: 'timeDeposit', termMonths: 12, bankId: 'icbc', fundType: 'employeePension', amount: '399000000.00' },
        { month: '2026-01', product: 'largeCd', termMonths: 12, bankId: 'ruralbank', fundType: 'workInjury', amount: '5000000.00' },
      ],
    } as PlanInput;
    const rules = new Set(run(plan).issues.map((i) => i.rule));
    for (const rule of ['suspendedBankNoNewMoney', 'largeCdMinimumLot', 'trancheShareCap', 'fundTimeDepositShareCap', 'minimumBankCount', 'liquidityReserve', 'cashNotNegative']) {
      expect(rules, rule).toContain(rule);
    }
    const cap = run(plan).issues.find((i) => i.rule === 'trancheShareCap' && i.bankId === 'icbc')!;
    expect(cap.monthKey).toBe('2026-01');
    expect(cap.received).toBe('399000000.00');
  });

  it('conserves money to the fen every month: closing = opening + in − out + interest', () => {
    for (const m of run().months) {
      expect(m.closingTotal.toFixed(2)).toBe(m.openingTotal.plus(m.inflows).minus(m.outflows).plus(m.interestReceived).toFixed(2));
      expect(m.closingCash.toFixed(2)).toBe(m.openingCash.plus(m.inflows).minus(m.outflows).minus(m.placed).plus(m.matured).plus(m.interestReceived).toFixed(2));
    }
  });

  it('reports a contract rate below the statutory rate as a finding, not a rule break (docs/domain.md §2.2)', () => {
    const report = run();
    const finding = report.findings.find((f) => f.rule === 'pensionDemandAtThreeMonth')!;
    expect(finding.received).toBe('0.0065');
    expect(finding.limit).toBe('0.011');
    expect(report.issues.some((i) => i.rule === 'pensionDemandAtThreeMonth')).toBe(false);
  });

  it('keeps a 支出户 at its own balance and rate, and sends its interest to the 财政专户 [R2]', () => {
    const base = tinyScenario();
    const scenario = { ...base, accounts: [...(base.accounts as object[]), { id: 'injury-exp', kind: 'expenditure', fundType: 'workInjury', bankId: 'psbc', openingBalance: '2400000.00', contractRates: [{ effectiveFrom: '2025-05-20', annualRate: '0.0005' }] }] };
    const report = run({ schemaVersion: 1, name: 'none', placements: [] }, scenario as never);
    const march = report.months[2]!;
    const exp = march.interest.find((p) => p.sourceId === 'injury-exp')!;
    // 2,400,000 × 79 days × 0.05% / 360 = 263.33
    expect(exp.amount.toFixed(2)).toBe('263.33');
    expect(exp.bankId).toBe('psbc');
    expect(march.byFundType.workInjury!.closingCash.minus(march.byFundType.workInjury!.openingCash).minus(march.byFundType.workInjury!.inflow).plus(march.byFundType.workInjury!.outflow).toFixed(2)).toBe(march.byFundType.workInjury!.interest.toFixed(2));
  });

  it('refuses to run when the flow path misses a month, naming the fund type and months', () => {
    const scenario = scenarioSchema.parse(tinyScenario());
    const r = runLedger({ scenario, placements: [], flows: scenario.flows.filter((f) => f.month !== '2026-03') });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]!.message).toContain('2026-03');
  });
});
