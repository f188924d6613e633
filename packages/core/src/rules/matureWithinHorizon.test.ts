// 来源: docs/optimizer.md §4 (the horizon end as a choice): under policy.horizonEnd 'matureWithin' every new placement
// matures on or before the horizon end H, the first day after the last month; placements mature on the same day
// termMonths later (对年对月对日, docs/domain.md §5.1 F4).
import { describe, expect, it } from 'vitest';
import { dec } from '../money/decimal';
import { monthKey } from '../dates/monthKey';
import { scenarioSchema } from '../schemas/scenario';
import { evaluatePlan } from '../evaluatePlan';
import { tinyPlan, tinyScenario } from '../testing/fixtures';
import type { ResolvedPlacement } from './types';
import { matureWithinHorizon } from './matureWithinHorizon';

// Tiny county: 2026-01 + 6 months, so H = 2026-07-01; placements on the 1st.
const within = scenarioSchema.parse(tinyScenario({ policy: { horizonEnd: 'matureWithin' } } as never));
const accrue = scenarioSchema.parse(tinyScenario());

const placement = (month: string, termMonths: number): ResolvedPlacement => ({ index: 4, month: monthKey(month), product: 'timeDeposit', termMonths, bankId: 'icbc', fundType: 'employeePension', amount: dec('1000000'), annualRate: dec('0.0095'), couponFrequency: 0, bondKind: 'bookEntry' });

describe('matureWithinHorizon (policy.horizonEnd matureWithin)', () => {
  it('a 3-month deposit placed on 2026-04-01 matures on H itself (2026-07-01): kept', () => {
    expect(matureWithinHorizon(placement('2026-04', 3), within)).toBeUndefined();
  });

  it('a 6-month deposit placed on 2026-02-01 matures on 2026-08-01, after H: broken, with both dates', () => {
    expect(matureWithinHorizon(placement('2026-02', 6), within)).toEqual({
      code: 'matures_after_horizon',
      path: ['plan', 'placements', 4, 'termMonths'],
      rule: 'matureWithinHorizon',
      message: "a 6-month timeDeposit placed in 2026-02 matures on 2026-08-01, after the horizon end 2026-07-01 (policy.horizonEnd is 'matureWithin')",
      received: '2026-08-01',
      limit: '2026-07-01',
      monthKey: '2026-02',
      bankId: 'icbc',
      fundType: 'employeePension',
    });
  });

  it("follows the placement day: placed on the 15th, a 3-month deposit of 2026-04 matures on 2026-07-15, after H", () => {
    const mid = { ...within, timing: { ...within.timing, placementDay: 15 } };
    expect(matureWithinHorizon(placement('2026-04', 3), mid)?.received).toBe('2026-07-15');
  });

  it("checks nothing under 'accrue', the default (positions outliving the horizon are valued at accrued interest)", () => {
    expect(accrue.policy.horizonEnd).toBe('accrue');
    expect(matureWithinHorizon(placement('2026-06', 36), accrue)).toBeUndefined();
  });

  it('is one of the ledger’s placement checks: the five 12-month deposits of 2026-02 in the tiny plan break it', () => {
    const r = evaluatePlan(within, tinyPlan());
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const broken = r.value.report.issues.filter((i) => i.rule === 'matureWithinHorizon');
    expect(broken.map((i) => i.path[2])).toEqual([5, 6, 7, 8, 9]);
    expect(new Set(broken.map((i) => i.received))).toEqual(new Set(['2027-02-01']));
    const same = evaluatePlan(accrue, tinyPlan());
    if (!same.ok) throw new Error(JSON.stringify(same.issues));
    expect(same.value.report.issues.filter((i) => i.rule === 'matureWithinHorizon')).toEqual([]);
  });
});
