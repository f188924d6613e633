import { describe, expect, it } from 'vitest';
import { validateScenario } from './validateScenario';
import { resolvePlan } from './resolvePlan';
import { scenarioSchema } from './scenario';
import { checkPlacements } from '../ledger/checks/placementChecks';
import { tinyPlan, tinyScenario } from '../testing/fixtures';

const scenario = scenarioSchema.parse(tinyScenario());
const brief = (issues: ReadonlyArray<{ path: ReadonlyArray<string | number>; rule: string; received?: string }>) => issues.map((i) => ({ path: i.path.join('.'), rule: i.rule, received: i.received }));

describe('validateScenario: bad input named by JSON path, rule and value received', () => {
  it('accepts the fixture', () => {
    expect(validateScenario(tinyScenario()).ok).toBe(true);
  });
  it('lists every problem at once: a negative amount, month 2025-13, a rate typed as 1.35 and an unknown bank', () => {
    const bad = tinyScenario();
    const json = JSON.parse(JSON.stringify(bad));
    json.accounts[0].openingBalance = '-5.00';
    json.startMonth = '2025-13';
    json.banks[0].quotes[2].annualRate = 1.35;
    const r = validateScenario(json);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(brief(r.issues)).toEqual(
      expect.arrayContaining([
        { path: 'accounts.0.openingBalance', rule: 'nonNegativeAmount', received: '"-5.00"' },
        { path: 'startMonth', rule: 'monthKey', received: '"2025-13"' },
        { path: 'banks.0.quotes.2.annualRate', rule: 'rateAsFraction', received: '1.35' },
      ]),
    );
    expect(r.issues.find((i) => i.rule === 'rateAsFraction')!.message).toContain('0.0135');
  });
  it('takes the optimizer’s forecast reserve as a policy input, and names a quantile outside (0, 1) by its path', () => {
    const good = validateScenario({ ...tinyScenario(), policy: { reserveForecast: { quantile: 0.95 } } } as never);
    expect(good.ok && good.value.policy.reserveForecast).toEqual({ quantile: 0.95, months: 3 });
    const bad = validateScenario({ ...tinyScenario(), policy: { reserveForecast: { quantile: 95, months: 3 } } } as never);
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.issues.map((i) => i.path.join('.'))).toContain('policy.reserveForecast.quantile');
    expect(bad.issues.find((i) => i.path.join('.') === 'policy.reserveForecast.quantile')!.message).toContain('between 0 and 1');
  });
  it('refuses a coupon frequency that does not divide the year into whole months (5 a year made dates like 2025-3.4-01)', () => {
    const bad = validateScenario({ ...tinyScenario(), holdings: [{ id: 'b', fundType: 'employeePension', product: 'govBond', principal: '1000000.00', annualRate: '0.02', startDate: '2025-01-01', termMonths: 24, couponFrequency: 5 }] } as never);
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(brief(bad.issues)).toEqual([{ path: 'holdings.0.couponFrequency', rule: 'couponFrequency', received: '5' }]);
  });
  it('finds references that do not resolve once the shape is right', () => {
    const json = JSON.parse(JSON.stringify(tinyScenario()));
    json.accounts[0].bankId = 'nosuchbank';
    json.holdings = [{ id: 'h1', fundType: 'maternity', product: 'timeDeposit', bankId: 'icbc', principal: '100.00', annualRate: '0.01', startDate: '2025-01-01', termMonths: 12 }];
    const r = validateScenario(json);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(brief(r.issues)).toEqual([
      { path: 'accounts.0.bankId', rule: 'knownBank', received: 'nosuchbank' },
      { path: 'holdings.0.fundType', rule: 'knownFundType', received: 'maternity' },
    ]);
  });
  it('refuses a holding of savings bonds: institutions may buy only book-entry bonds [R44]', () => {
    const json = JSON.parse(JSON.stringify(tinyScenario()));
    json.holdings = [{ id: 'sb', fundType: 'workInjury', product: 'govBond', bondKind: 'savings', principal: '100.00', annualRate: '0.02', startDate: '2025-01-01', termMonths: 36 }];
    const r = validateScenario(json);
    expect(r.ok ? [] : brief(r.issues)).toEqual([{ path: 'holdings.0.bondKind', rule: 'noSavingsBonds', received: 'savings' }]);
  });
  it('never throws on garbage', () => {
    for (const junk of [null, 42, 'text', [], { schemaVersion: 2 }, { banks: 'x' }]) expect(validateScenario(junk).ok).toBe(false);
  });
});

describe('resolvePlan and placement rules', () => {
  it('names an unknown bank in a plan and a month outside the horizon', () => {
    const plan = JSON.parse(JSON.stringify(tinyPlan()));
    plan.placements[0].bankId = 'ghost';
    plan.placements[1].month = '2027-01';
    const r = resolvePlan(plan, scenario);
    expect(r.ok ? [] : brief(r.issues)).toEqual([
      { path: 'placements.0.bankId', rule: 'knownBank', received: 'ghost' },
      { path: 'placements.1.month', rule: 'placementInHorizon', received: '2027-01' },
    ]);
  });
  it('flags a large CD below the institutional minimum of 10,000,000 [R41][R42] and a term the policy forbids', () => {
    const plan = { schemaVersion: 1, name: 'x', placements: [
      { month: '2026-01', product: 'largeCd', termMonths: 12, bankId: 'icbc', amount: '5000000.00' },
      { month: '2026-01', product: 'timeDeposit', termMonths: 60, bankId: 'icbc', amount: '1000000.00', annualRate: '0.013' },
    ] };
    const r = resolvePlan(plan, scenarioSchema.parse({ ...tinyScenario(), policy: { maxTermMonths: 36 } }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const issues = checkPlacements(r.value.placements, scenarioSchema.parse({ ...tinyScenario(), policy: { maxTermMonths: 36 } }));
    expect(brief(issues)).toEqual([
      { path: 'plan.placements.0.amount', rule: 'largeCdMinimumLot', received: '5000000.00' },
      { path: 'plan.placements.1.termMonths', rule: 'maxTerm', received: '60' },
    ]);
    expect(issues[0]!.limit).toBe('10000000.00');
  });
  it('says when no rate is known instead of pricing at zero', () => {
    const r = resolvePlan({ schemaVersion: 1, name: 'x', placements: [{ month: '2026-01', product: 'timeDeposit', termMonths: 24, bankId: 'icbc', amount: '1000000.00' }].map((p) => ({ ...p, termMonths: 60 })) }, scenario);
    expect(r.ok ? [] : brief(r.issues)).toEqual([{ path: 'placements.0.annualRate', rule: 'knownRate', received: 'nothing' }]);
  });
});
