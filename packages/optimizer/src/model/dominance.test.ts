// Time deposits that the same bank's large CD dominates are left out of the LP (docs/optimizer.md §3.1):
// the LP's optimum (lots aside) must not change.
import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '@fundladder/core';
import { tinyScenario } from '@fundladder/core/testing';
import { highsBackend } from '../backends/highs';
import { poolFundTypes, prepareLadderData, restoreAllDominated } from './data';
import { buildLadderModel } from './buildLadderModel';

describe('dominated time deposits', () => {
  const data = prepareLadderData(scenarioSchema.parse(tinyScenario()));

  it('marks a time deposit dominated where its bank’s CD of the same term pays at least as much (tiny county: 12-month TD 0.95% < CD 1.10%)', () => {
    const td = data.options.findIndex((o) => o.id === 'icbc/timeDeposit/12');
    const cd = data.options.findIndex((o) => o.id === 'icbc/largeCd/12');
    expect(data.options[td]!.dominatedBy.every((d) => d === cd)).toBe(true);
    // No CD of 3 months in the tiny county: the 3-month TD is never dominated.
    expect(data.options.find((o) => o.id === 'icbc/timeDeposit/3')!.dominatedBy.every((d) => d === undefined)).toBe(true);
    // Its coefficients are not computed until brought back.
    expect(Number.isNaN(data.options[td]!.valuePerWan[0])).toBe(true);
  });

  it('leaves the LP optimum unchanged (lots ignored): the same objective with every dominated column brought back', async () => {
    const pooled = poolFundTypes(data);
    const all = restoreAllDominated(data);
    expect(all.size).toBeGreaterThan(0);
    const without = buildLadderModel(pooled, { lots: 'ignore' }).model;
    const withAll = buildLadderModel(pooled, { lots: 'ignore', restored: all }).model;
    expect(withAll.variables.length).toBe(without.variables.length + all.size);
    const a = await highsBackend.solve(without);
    const b = await highsBackend.solve(withAll);
    expect(a.termination).toBe('optimal');
    expect(b.termination).toBe('optimal');
    expect(Math.abs(a.objective - b.objective) / Math.abs(b.objective)).toBeLessThan(1e-9);
  });
});
