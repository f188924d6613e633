import { describe, expect, it } from 'vitest';
import scenario from '../../../../examples/county-fund/scenario.json' with { type: 'json' };
import planJson from '../../../../examples/county-fund/plan.json' with { type: 'json' };
import { checkRequestInputs } from './inputs';

const plan = planJson as { placements: Array<Record<string, unknown>> };

describe('checkRequestInputs: a request’s plans and flow files checked before a run is queued', () => {
  it('passes the sample’s own scenario and plan', () => {
    expect(checkRequestInputs({ kind: 'evaluate', scenario, plan })).toEqual([]);
  });

  it('names an unknown key in a plan’s placement by its path in the request', () => {
    const bad = structuredClone(plan);
    bad.placements[1]!.colour = 'red';
    const issues = checkRequestInputs({ kind: 'evaluate', scenario, plan: bad });
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0]!.path.slice(0, 3)).toEqual(['plan', 'placements', 1]);
  });

  it('names a bank the scenario does not have', () => {
    const bad = structuredClone(plan);
    bad.placements[0]!.bankId = 'no-such-bank';
    const issues = checkRequestInputs({ kind: 'evaluate', scenario, plan: bad });
    expect(issues.map((i) => i.path.slice(0, 4))).toContainEqual(['plan', 'placements', 0, 'bankId']);
  });

  it('names a bad flow file under the key it sits at: flows for evaluate, actuals for replay', () => {
    const flows = [{ month: '2026-13', fundType: 'pension', inflow: '1.00', outflow: '0.00' }];
    expect(checkRequestInputs({ kind: 'evaluate', scenario, plan, flows }).map((i) => i.path.slice(0, 3))).toContainEqual(['flows', 0, 'month']);
    expect(checkRequestInputs({ kind: 'replay', scenario, plan, actuals: flows, options: {} }).map((i) => i.path.slice(0, 3))).toContainEqual(['actuals', 0, 'month']);
  });

  it('checks each given plan of a comparison against the scenario its column names', () => {
    const bad = structuredClone(plan);
    bad.placements[0]!.bankId = 'no-such-bank';
    const issues = checkRequestInputs({ kind: 'compare', scenarios: [scenario], columns: [{ scenario: 0, plan: { kind: 'baseline', policy: 'oneYearEven' } }, { scenario: 0, plan: { kind: 'given', plan: bad } }] });
    expect(issues.map((i) => i.path.slice(0, 7))).toContainEqual(['columns', 1, 'plan', 'plan', 'placements', 0, 'bankId']);
  });
});
