// An infeasible plan is explained with what would fix it (docs/optimizer.md §9): the reserve rule of docs/domain.md §7
// (keep the next N months of payouts liquid, 国发〔1997〕26号: 2 months [R9]) asks Σ of the next N months' payouts.
import { describe, expect, it } from 'vitest';
import { Decimal } from '@fundladder/core';
import { infeasibilityFixes, mostReserveMonths } from './explain';

describe('mostReserveMonths', () => {
  it('payouts of 10万 a month, 3 months asked (30万), at most 15万 liquid in the first month: 1 month fits (10万), 2 do not (20万)', () => {
    expect(mostReserveMonths(3, [10, 10, 10, 10, 10], [30, 30, 30, 20, 10], [{ t: 0, shortWan: 15 }])).toBe(1);
  });

  it('every month short counts: 20万 liquid in month 0 fits 2 months, but 5万 in month 1 fits none', () => {
    expect(mostReserveMonths(3, [10, 10, 10, 10, 10], [30, 30, 30, 20, 10], [{ t: 0, shortWan: 10 }])).toBe(2);
    expect(mostReserveMonths(3, [10, 10, 10, 10, 10], [30, 30, 30, 20, 10], [{ t: 0, shortWan: 10 }, { t: 1, shortWan: 25 }])).toBe(0);
  });

  it('past the horizon the last month repeats, as the rule does: in the last month but one, 2 months ask 2 × the last payout', () => {
    // Month 3 of 5: next payouts [40]; 2 months ask 40 + 40 = 80, 1 month 40. At most 50 liquid: 1 month.
    expect(mostReserveMonths(3, [10, 10, 10, 10, 40], [120, 120, 120, 120, 120], [{ t: 3, shortWan: 70 }])).toBe(1);
  });
});

// Facts only: the sentences are @fundladder/app's (packages/app/src/messages/infeasibility.test.ts words these same cases).
describe('infeasibilityFixes', () => {
  const context = { reserve: { rule: 'monthsOfPayouts' as const, months: 3 }, extraReserve: false, months: ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05'], outflowWan: [10, 10, 10, 10, 10], requiredWan: [30, 30, 30, 20, 10] };

  it('a short total reserve: the most months the money covers, or the largest shortfall in money from the first month short on', () => {
    const fixes = infeasibilityFixes([{ monthKey: '2026-01', rule: 'liquidityReserve', shortWan: 15 }, { monthKey: '2026-02', rule: 'liquidityReserve', shortWan: 12 }], context);
    expect(fixes).toEqual([{ kind: 'reserveMonths', atMost: 1, now: 3, orExtraWan: 15, from: '2026-01' }]);
  });

  it('with a reserve from the forecast on top, or a fixed amount, the months are not the measure: the amount to lower it by', () => {
    const fixes = infeasibilityFixes([{ monthKey: '2026-02', rule: 'liquidityReserve', shortWan: 12 }], { ...context, extraReserve: true });
    expect(fixes).toEqual([{ kind: 'reserveAmount', monthKey: '2026-02', lowerWan: 12 }]);
    const fixed = infeasibilityFixes([{ monthKey: '2026-02', rule: 'liquidityReserve', shortWan: 12 }], { ...context, reserve: { rule: 'fixedAmount', amount: new Decimal('1000000.00') } });
    expect(fixed).toEqual([{ kind: 'reserveAmount', monthKey: '2026-02', lowerWan: 12 }]);
  });

  it("a fund type's own reserve short: the amount to lower it by, in that fund type", () => {
    const fixes = infeasibilityFixes([{ monthKey: '2026-02', rule: 'liquidityReserve', fundType: 'maternity', shortWan: 12 }], context);
    expect(fixes).toEqual([{ kind: 'reserveAmount', monthKey: '2026-02', lowerWan: 12, fundType: 'maternity' }]);
  });

  it('a fund type that cannot pay from its own money: what it lacks in all, from outside, from the first month short', () => {
    const fixes = infeasibilityFixes([{ monthKey: '2026-03', rule: 'cashBalance', fundType: 'maternity', shortWan: 2 }, { monthKey: '2026-04', rule: 'cashBalance', fundType: 'maternity', shortWan: 3 }], context);
    expect(fixes).toEqual([{ kind: 'fundTypeOwnMoney', fundType: 'maternity', shortWan: 5, from: '2026-03' }]);
  });

  it('a cap over: the cap to raise or the banks to add, at the largest excess; the bond share has no bank', () => {
    const fixes = infeasibilityFixes([{ monthKey: '2026-01', rule: 'fundTimeDepositShareCap', bankId: 'icbc', shortWan: 1 }, { monthKey: '2026-02', rule: 'fundTimeDepositShareCap', bankId: 'ccb', shortWan: 4 }, { monthKey: '2026-01', rule: 'maxBondShare', shortWan: 3000 }], context);
    expect(fixes).toEqual([
      { kind: 'relaxCap', rule: 'fundTimeDepositShareCap', monthKey: '2026-02', bankId: 'ccb', overWan: 4 },
      { kind: 'relaxCap', rule: 'maxBondShare', monthKey: '2026-01', overWan: 3000 },
    ]);
  });

  it('one fix per bent rule, the reserve first, then the fund types, then the caps A, B, C and the bond share', () => {
    const fixes = infeasibilityFixes([
      { monthKey: '2026-01', rule: 'maxBondShare', shortWan: 1 },
      { monthKey: '2026-01', rule: 'trancheShareCap', bankId: 'icbc', shortWan: 1 },
      { monthKey: '2026-02', rule: 'cashBalance', fundType: 'maternity', shortWan: 1 },
      { monthKey: '2026-03', rule: 'liquidityReserve', shortWan: 1 },
    ], context);
    expect(fixes.map((f) => (f.kind === 'relaxCap' ? f.rule : f.kind))).toEqual(['reserveMonths', 'fundTypeOwnMoney', 'trancheShareCap', 'maxBondShare']);
  });
});
