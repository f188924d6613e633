// validate checks what evaluate and optimize would refuse later, with the functions they use (the ledger's
// indexFlows, the forecast's history table, the optimizer's cap findings). 来源: docs/optimizer.md §5.5–5.6 (holdings
// over cap B or C: no new money to that bank while they are over).
import { validateScenario } from '@fundladder/core';
import { describe, expect, it } from 'vitest';
import sampleScenario from '../../../../examples/county-fund/scenario.json' with { type: 'json' };
import { scenarioReadiness } from './readiness';

/** The sample, edited as JSON, then validated (it must stay valid: readiness is about what comes after). */
function sample(edit: (json: typeof sampleScenario) => void) {
  const json = JSON.parse(JSON.stringify(sampleScenario)) as typeof sampleScenario;
  edit(json);
  const r = validateScenario(json);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

describe('scenarioReadiness', () => {
  it('finds nothing to refuse in the sample', () => {
    const r = scenarioReadiness(sample(() => undefined));
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  it('flows missing for a fund type over the horizon: an error (evaluate without --flows and optimize refuse it)', () => {
    const r = scenarioReadiness(sample((json) => void (json.flows = json.flows.filter((f) => f.fundType !== 'maternity'))));
    expect(r.errors.map((i) => [i.rule, i.fundType, i.received, i.limit, i.monthKey])).toEqual([['flowsCoverHorizon', 'maternity', '0', '36', '2026-01']]);
  });

  it('a fund type with no history: an error while optimize draws forecast paths (confidence above 0), a warning at confidence 0', () => {
    const noHistory = (json: typeof sampleScenario) => void (json.history = json.history.filter((f) => f.fundType !== 'maternity'));
    const r = scenarioReadiness(sample(noHistory));
    expect(r.errors.map((i) => [i.rule, i.fundType])).toEqual([['historyPerFundType', 'maternity']]);
    expect(r.errors[0]!.message).toContain('maternity has no history');
    const atZero = scenarioReadiness(sample((json) => {
      noHistory(json);
      (json.policy as Record<string, unknown>).safety = { confidence: 0 };
    }));
    expect(atZero.errors).toEqual([]);
    expect(atZero.warnings.map((i) => [i.rule, i.severity])).toEqual([['historyPerFundType', 'warning']]);
  });

  it('existing holdings already over cap C: a cap finding saying until when the bank takes no new money, not an error', () => {
    const r = scenarioReadiness(sample((json) => {
      json.holdings.push({ id: 'big', fundType: 'employeePension', product: 'timeDeposit', bankId: 'icbc', principal: '900000000.00', annualRate: '0.015', startDate: '2025-06-01', termMonths: 12 });
    }));
    expect(r.errors).toEqual([]);
    expect(r.capFindings).toEqual([expect.objectContaining({ kind: 'holdingsOverCap', bankId: 'icbc', cap: 'C', firstMonth: '2026-01', lastMonth: '2026-05', newMoneyFrom: '2026-06' })]);
  });

  it('passes on core’s warnings: a demand contract rate of 0.05 (5%)', () => {
    const r = scenarioReadiness(sample((json) => void (json.accounts[0]!.contractRates[0]!.annualRate = '0.05')));
    expect(r.warnings.map((i) => [i.rule, i.suggestion])).toEqual([['plausibleRate', '0.0005']]);
  });
});
