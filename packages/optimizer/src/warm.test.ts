// The solved HiGHS model kept warm for re-solves (docs/optimizer.md §8): a what-if (one month's flow changed). The warm
// re-solve must give the optimum a cold solve of the changed scenario gives.
import { describe, expect, it } from 'vitest';
import { type FundType, type MonthKey, type Scenario, Decimal, monthKey, validateScenario } from '@fundladder/core';
import { highsBackend } from './backends/highs';
import { buildLadderModel } from './model/buildLadderModel';
import { poolFundTypes, prepareLadderData } from './model/data';
import { verifySolution } from './verify';
import { WarmLadderModel } from './warm';
import sample from '../../../examples/county-fund/scenario.json';

const parsed = validateScenario(sample);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
const scenario = parsed.value;

/** The scenario with one month's net flow of one fund type set to `netYuan`, through its inflow (payouts unchanged). */
function withNet(s: Scenario, fundType: FundType, month: MonthKey, netYuan: Decimal): Scenario {
  return { ...s, flows: s.flows.map((f) => (f.fundType === fundType && f.month === month ? { ...f, inflow: netYuan.plus(f.outflow) } : f)) };
}

async function coldObjective(s: Scenario): Promise<number> {
  const model = buildLadderModel(poolFundTypes(prepareLadderData(s)), { lots: 'ignore' }).model;
  const r = await highsBackend.solve(model);
  expect(r.termination).toBe('optimal');
  return r.objective;
}

describe('WarmLadderModel', () => {
  it('re-solves a what-if from the last basis and finds the optimum a cold solve of the changed scenario finds', async () => {
    const warm = await WarmLadderModel.create(scenario);
    try {
      const base = warm.resolve();
      expect(base.raw.warm).toBe('cold');
      expect(base.objective).toBeCloseTo(await coldObjective(scenario), 6);
      // What-ifs: employee pension receives 2亿 less in 2026-06, then resident medical 3亿 more in 2027-03 on top.
      const pension = scenario.flows.find((f) => f.fundType === 'employeePension' && f.month === '2026-06')!;
      const lessNet = pension.inflow.minus(pension.outflow).minus('200000000');
      warm.setFlow('employeePension', monthKey('2026-06'), lessNet);
      const first = warm.resolve();
      expect(first.raw.warm).toBe('warm');
      let changed = withNet(scenario, 'employeePension', monthKey('2026-06'), lessNet);
      expect(first.objective).toBeCloseTo(await coldObjective(changed), 6);
      expect(first.objective).toBeLessThan(base.objective);
      const medical = scenario.flows.find((f) => f.fundType === 'residentMedical' && f.month === '2027-03')!;
      const moreNet = medical.inflow.minus(medical.outflow).plus('300000000');
      warm.setFlow('residentMedical', monthKey('2027-03'), moreNet);
      const second = warm.resolve();
      changed = withNet(changed, 'residentMedical', monthKey('2027-03'), moreNet);
      expect(second.objective).toBeCloseTo(await coldObjective(changed), 6);
      // The point checks against the model with the moved bounds.
      expect(verifySolution(warm.model, second.columnValues).ok).toBe(true);
    } finally {
      warm.dispose();
    }
  }, 60_000);

  it('refuses a month outside the horizon', async () => {
    const warm = await WarmLadderModel.create(scenario);
    try {
      expect(() => warm.setFlow('employeePension', monthKey('2040-01'), new Decimal(0))).toThrow(RangeError);
    } finally {
      warm.dispose();
    }
  });
});
