// An infeasible plan is explained with what would fix it (docs/optimizer.md §9): the reserve rule of docs/domain.md §7
// (keep the next N months of payouts liquid, 国发〔1997〕26号: 2 months [R9]) asks Σ of the next N months' payouts.
import { describe, expect, it } from 'vitest';
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

describe('infeasibilityFixes', () => {
  const context = { reserve: { rule: 'monthsOfPayouts' as const, months: 3 }, extraReserve: false, months: ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05'], outflowWan: [10, 10, 10, 10, 10], requiredWan: [30, 30, 30, 20, 10] };

  it('a short total reserve: the most months the money covers, or the largest shortfall in money from the first month short on', () => {
    const fixes = infeasibilityFixes([{ monthKey: '2026-01', rule: 'liquidityReserve', shortWan: 15 }, { monthKey: '2026-02', rule: 'liquidityReserve', shortWan: 12 }], context);
    expect(fixes.en).toEqual(['What would fix it: a reserve of at most 1 month of payouts (now 3), or 15.0万 more liquid money from 2026-01 on']);
    expect(fixes.zh).toEqual(['可行的做法：流动性储备至多 1 个月支付（现为 3 个月），或从 2026-01 起另有 15.0 万元流动资金']);
  });

  it('with a reserve from the forecast on top, or a fixed amount, the months are not the measure: the amount to lower it by', () => {
    const fixes = infeasibilityFixes([{ monthKey: '2026-02', rule: 'liquidityReserve', shortWan: 12 }], { ...context, extraReserve: true });
    expect(fixes.en).toEqual(['What would fix it: a reserve 12.0万 lower in 2026-02, or that much more liquid money']);
  });

  it('a fund type that cannot pay from its own money: what it lacks in all, from outside, from the first month short', () => {
    const fixes = infeasibilityFixes([{ monthKey: '2026-03', rule: 'cashBalance', fundType: 'maternity', shortWan: 2 }, { monthKey: '2026-04', rule: 'cashBalance', fundType: 'maternity', shortWan: 3 }], context);
    expect(fixes.en).toEqual(["maternity cannot pay its own payouts: 5.0万 short in all from 2026-03 on; it needs money from outside (调剂金 or a fiscal subsidy; one fund type may not pay from another's money), or its flows need checking"]);
  });

  it('a cap over: the cap to raise or the banks to add, at the largest excess', () => {
    const fixes = infeasibilityFixes([{ monthKey: '2026-01', rule: 'fundTimeDepositShareCap', bankId: 'icbc', shortWan: 1 }, { monthKey: '2026-02', rule: 'fundTimeDepositShareCap', bankId: 'ccb', shortWan: 4 }], context);
    expect(fixes.en).toEqual(['What would fix it: a higher cap C or more eligible banks (2026-02 ccb over by 4.0万)']);
  });
});
