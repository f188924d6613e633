// Strict input: implausible values warn, never fail. Bands: docs/domain.md §6.1–6.3 (2015 benchmarks [R14][R15],
// self-regulation ceilings [R22][R23], the big banks' 0.05% demand rate since 2025-05-20 [R16][R17]).
import { describe, expect, it } from 'vitest';
import { scenarioSchema } from './scenario';
import { planSchema } from './plan';
import { planWarnings, scenarioWarnings } from './plausibleValues';
import { validateScenario } from './validateScenario';
import { tinyPlan, tinyScenario } from '../testing/fixtures';

const parse = (edit: (json: ReturnType<typeof JSON.parse>) => void) => {
  const json = JSON.parse(JSON.stringify(tinyScenario()));
  edit(json);
  return scenarioSchema.parse(json);
};
const brief = (issues: ReadonlyArray<{ path: ReadonlyArray<string | number>; suggestion?: string; severity?: string }>) => issues.map((i) => [i.path.join('.'), i.suggestion, i.severity]);

describe('scenarioWarnings', () => {
  it('finds nothing in the fixture (the 2025-05-20 listed rates)', () => {
    expect(scenarioWarnings(scenarioSchema.parse(tinyScenario()))).toEqual([]);
  });

  it('a demand rate of 0.05 is 5%, above the 3% band: a warning that suggests 0.0005 (0.05%), and the scenario stays valid', () => {
    const json = JSON.parse(JSON.stringify(tinyScenario()));
    json.accounts[1].contractRates[0].annualRate = '0.05';
    expect(validateScenario(json).ok).toBe(true);
    const warnings = scenarioWarnings(scenarioSchema.parse(json));
    expect(warnings).toEqual([
      {
        code: 'implausible_rate',
        path: ['accounts', 1, 'contractRates', 0, 'annualRate'],
        rule: 'plausibleRate',
        severity: 'warning',
        message: 'a demand, agreed or call-deposit rate of 0.05 is 5% a year, above the plausible 3%: rates are fractions; did you mean 0.0005 (0.05%)?',
        received: '0.05',
        limit: '0.03',
        suggestion: '0.0005',
      },
    ]);
  });

  it('holds term rates to 10%: a 3-year deposit at 0.12 warns, at 0.0275 (the 2015 benchmark) does not', () => {
    const s = parse((json) => {
      json.banks[0].quotes[6].annualRate = '0.12';
      json.banks[1].quotes[6].annualRate = '0.0275';
      json.banks[2].quotes[1].annualRate = '0.031';
    });
    expect(brief(scenarioWarnings(s))).toEqual([
      ['banks.0.quotes.6.annualRate', '0.0012', 'warning'],
      ['banks.2.quotes.1.annualRate', '0.00031', 'warning'],
    ]);
  });

  it('puts the edges on the plausible side: exactly 3% liquid and 10% term do not warn', () => {
    const s = parse((json) => {
      json.banks[0].quotes[1].annualRate = '0.03';
      json.banks[0].quotes[6].annualRate = '0.10';
    });
    expect(scenarioWarnings(s)).toEqual([]);
  });

  it('checks holdings, bond yields, the benchmark table and crediting rates by their band', () => {
    const s = parse((json) => {
      Object.assign(json, {
        holdings: [{ id: 'h', fundType: 'employeePension', product: 'callDeposit7d', bankId: 'icbc', principal: '1000000.00', annualRate: '0.04', startDate: '2025-12-01', termMonths: 1 }],
        bondYields: [{ termMonths: 36, annualRate: '0.15', couponFrequency: 1, effectiveFrom: '2025-01-01' }],
        statutory: { benchmark: { demand: '0.035', time3m: '0.011', time6m: '0.013', time1y: '0.015', time2y: '0.021', time3y: '0.0275', installment1y: '0.011', installment3y: '0.013', agreed: '0.0115', call1d: '0.008', call7d: '0.0135' }, creditingRates: [{ year: 2016, annualRate: '0.0831' }] },
      });
    });
    expect(brief(scenarioWarnings(s))).toEqual([
      ['holdings.0.annualRate', '0.0004', 'warning'],
      ['bondYields.0.annualRate', '0.0015', 'warning'],
      ['statutory.benchmark.demand', '0.00035', 'warning'],
    ]);
  });

  it('warns on a balance of 10¹⁵ yuan or more, not on 999,999,999,999,999.99', () => {
    const s = parse((json) => {
      json.accounts[0].openingBalance = '1000000000000000.00';
      json.accounts[1].openingBalance = '999999999999999.99';
      json.flows[3].outflow = '4000000000000000000';
    });
    expect(scenarioWarnings(s).map((w) => [w.path.join('.'), w.rule, w.received])).toEqual([
      ['accounts.0.openingBalance', 'plausibleAmount', '1000000000000000.00'],
      ['flows.3.outflow', 'plausibleAmount', '4000000000000000000.00'],
    ]);
  });
});

describe('planWarnings', () => {
  it('checks each placement’s own rate by its product and its amount', () => {
    const json = JSON.parse(JSON.stringify(tinyPlan()));
    json.placements[0].annualRate = '0.015';
    json.placements[1] = { ...json.placements[1], product: 'agreedDeposit', annualRate: '0.05' };
    json.placements[2].amount = '1000000000000000.00';
    expect(brief(planWarnings(planSchema.parse(json)))).toEqual([
      ['placements.1.annualRate', '0.0005', 'warning'],
      ['placements.2.amount', undefined, 'warning'],
    ]);
  });
});
