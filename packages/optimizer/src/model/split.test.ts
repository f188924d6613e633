// The second stage of the two-stage solve (docs/optimizer.md §13): pooled placements split among fund types so
// that each fund type pays only with its own money.
import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '@fundladder/core';
import { tinyScenario } from '@fundladder/core/testing';
import { highsBackend } from '../backends/highs';
import { verifySolution } from '../verify';
import { prepareLadderData } from './data';
import { buildSplitModel } from './split';

// Tiny county: employee pension holds 4亿 (40,000万), work injury 3,000万; both with small net flows.
const data = prepareLadderData(scenarioSchema.parse(tinyScenario()));
const twelveMonth = data.options.findIndex((o) => o.product === 'timeDeposit' && o.termMonths === 3 && o.bankId === 'icbc');

describe('buildSplitModel', () => {
  it('gives a placement only one fund type can pay to that fund type, and keeps the parts adding up', async () => {
    // 35,000万 in month 0: more than work injury has, so pension must pay (nearly) all of it.
    const model = buildSplitModel(data, [{ option: twelveMonth, month: 0, amountWan: 35_000 }]);
    const r = await highsBackend.solve(model.model);
    expect(r.termination).toBe('optimal');
    expect(verifySolution(model.model, r.columnValues).ok).toBe(true);
    const parts = Object.fromEntries(model.variables.shares.map((s) => [s.fund, r.columnValues[s.column]!]));
    expect(parts.employeePension! + parts.workInjury!).toBeCloseTo(35_000, 6);
    // Work injury can give at most what it has by the placement day: opening + month 0's net flow + returns.
    const injuryMoney = data.openingCash.get('workInjury')! + data.netFlow.get('workInjury')![0]! + data.existingCash.get('workInjury')![0]!;
    expect(parts.workInjury!).toBeLessThanOrEqual(injuryMoney + 1e-6);
    expect(parts.employeePension!).toBeGreaterThanOrEqual(35_000 - injuryMoney - 1e-6);
  });

  it('is infeasible when the fund as a whole could pay but no split lets each fund type pay its part', async () => {
    // 43,500万: more than pension's 40,000万 plus work injury's 3,000万 at the start.
    const model = buildSplitModel(data, [{ option: twelveMonth, month: 0, amountWan: 43_500 }]);
    const r = await highsBackend.solve(model.model);
    expect(r.termination).toBe('infeasible');
  });

  it('with minimums, each part is nothing or at least the minimum (semi-continuous)', async () => {
    const minimum = 5_000;
    const model = buildSplitModel(data, [{ option: twelveMonth, month: 0, amountWan: 6_000 }], () => 'noneOrMinimum', () => minimum);
    const r = await highsBackend.solve(model.model);
    expect(r.termination).toBe('optimal');
    for (const s of model.variables.shares) {
      const v = r.columnValues[s.column]!;
      expect(v < 1e-6 || v >= minimum - 1e-6, `${s.fund}: ${v}`).toBe(true);
    }
  });
});
