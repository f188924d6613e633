// Columns no plan can fill to their product's minimum are left out of the per-fund-type LP (docs/optimizer.md §5.9):
// the bound of model/placeable.ts, checked by hand and against the full LP itself.
import { describe, expect, it } from 'vitest';
import { type FundType, scenarioSchema } from '@fundladder/core';
import { tinyScenario } from '@fundladder/core/testing';
import { highsBackend } from '../backends/highs';
import { type LadderData, minimumPlacementYuan, prepareLadderData } from './data';
import { buildLadderModel } from './buildLadderModel';
import { fitsUnderBound, placeableBoundWan } from './placeable';

describe('placeableBoundWan', () => {
  it('is the cash with nothing placed less the floor, plus a month of interest at the best rate on what was free before', () => {
    // Worked by hand: 10万 opening, +2万 net in month 1, floor 4万 in month 0; best rate 3.6% → r_m = 0.036·31/360 = 0.0031.
    const data = {
      fundTypes: ['workInjury'] as FundType[],
      months: ['2026-01', '2026-02'],
      openingCash: new Map([['workInjury', 10]]),
      netFlow: new Map([['workInjury', [0, 2]]]),
      existingCash: new Map([['workInjury', [0, 0]]]),
      cashFloor: new Map([['workInjury', [4, 0]]]),
      options: [{ rateByMonth: [{ toNumber: () => 0.036 }, undefined] }],
    } as unknown as Parameters<typeof placeableBoundWan>[0];
    const bound = placeableBoundWan(data).get('workInjury' as FundType)!;
    expect(bound[0]).toBeCloseTo(6, 12);
    expect(bound[1]).toBeCloseTo(12 + 0.0031 * 6, 12);
  });

  it('never goes below zero: a floor at the cash with nothing placed leaves nothing free', () => {
    const data = {
      fundTypes: ['maternity'] as FundType[],
      months: ['2026-01'],
      openingCash: new Map([['maternity', 5]]),
      netFlow: new Map([['maternity', [-1]]]),
      existingCash: new Map([['maternity', [0]]]),
      cashFloor: new Map([['maternity', [4.5]]]),
      options: [],
    } as unknown as Parameters<typeof placeableBoundWan>[0];
    expect(placeableBoundWan(data).get('maternity' as FundType)![0]).toBe(0);
  });
});

describe('fitsUnderBound', () => {
  it('asks for the minimum in every month the placement is outstanding, inside the horizon', () => {
    const bound = Float64Array.of(5, 0.5, 5);
    expect(fitsUnderBound(bound, 0, 3, 1)).toBe(false);
    expect(fitsUnderBound(bound, 0, 1, 1)).toBe(true);
    expect(fitsUnderBound(bound, 2, 12, 1)).toBe(true);
    expect(fitsUnderBound(bound, 1, 1, 0.5)).toBe(true);
  });
});

describe('leaving out the columns no plan can fill', () => {
  // The tiny county with work injury's cash held at 99.5% of what it has with nothing placed: it has some money free,
  // but not a CD lot's worth, and in the months where the floor is tight not even a time deposit's minimum.
  const scenario = scenarioSchema.parse(tinyScenario());
  const base = prepareLadderData(scenario);
  const T = base.months.length;
  const floor = (ft: FundType) => {
    let plain = 0;
    return Array.from({ length: T }, (_, t) => {
      plain += (t === 0 ? base.openingCash.get(ft)! : 0) + base.netFlow.get(ft)![t]! + base.existingCash.get(ft)![t]!;
      return ft === 'workInjury' ? Math.max(0, plain * 0.995) : 0;
    });
  };
  const data: LadderData = { ...base, cashFloor: new Map(base.fundTypes.map((ft) => [ft, floor(ft as FundType)])) };
  const full = buildLadderModel(data, { lots: 'ignore' });
  const pruned = buildLadderModel(data, { lots: 'ignore', leaveOutUnaffordable: true });
  const kept = new Set(pruned.model.variables.map((v) => v.name));
  const left = full.model.variables.flatMap((v, j) => (v.name.startsWith('place[') && !kept.has(v.name) ? [j] : []));

  it('leaves some out (CDs for work injury), and keeps every other column and row', () => {
    expect(left.length).toBeGreaterThan(0);
    expect(left.every((j) => full.model.variables[j]!.name.endsWith('[workInjury]'))).toBe(true);
    expect(pruned.model.rows.map((r) => r.name)).toEqual(full.model.rows.map((r) => r.name));
  });

  it('in the full LP, none of those columns can carry its product’s minimum: maximising each alone stays below it', async () => {
    for (const j of left.slice(0, 6)) {
      const name = full.model.variables[j]!.name;
      const option = data.options.find((o) => name.startsWith(`place[${o.id}]`))!;
      const alone = { ...full.model, sense: 'maximize' as const, offset: 0, variables: full.model.variables.map((v, k) => ({ ...v, cost: k === j ? 1 : 0 })) };
      const r = await highsBackend.solve(alone);
      expect(r.termination).toBe('optimal');
      expect(r.objective).toBeLessThan(minimumPlacementYuan(scenario, option.product) / 10_000);
    }
  });
});
