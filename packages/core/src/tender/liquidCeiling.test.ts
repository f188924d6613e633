// The tender's liquid ceiling (docs/tender.md §5), from examples worked by hand below. The rule: money locked up for the
// term must leave the reserve liquid at every month end of its life (the reserve rule, docs/domain.md §5), and with fund
// types kept apart each fund type pays its own part (分别建账、分账核算, docs/domain.md §3).
import { describe, expect, it } from 'vitest';
import { dec } from '../money/decimal';
import { monthKey } from '../dates/monthKey';
import { liquidCeiling } from './liquidCeiling';

const m = (month: string, liquid: string, reserve: string, byFundType?: Record<string, string>) => ({
  month: monthKey(month),
  liquid: dec(liquid),
  reserve: dec(reserve),
  ...(byFundType ? { liquidByFundType: new Map(Object.entries(byFundType).map(([k, v]) => [k, dec(v)])) } : {}),
});

describe('liquidCeiling', () => {
  it('is the least liquid − reserve over the life: 5,000万 − 3,000万, then 4,500万 − 3,000万 → 1,500万 in February', () => {
    const c = liquidCeiling([m('2026-01', '50000000.00', '30000000.00'), m('2026-02', '45000000.00', '30000000.00'), m('2026-03', '60000000.00', '30000000.00')]);
    expect(c.amount.toFixed(2)).toBe('15000000.00');
    expect(c.month).toBe('2026-02');
    expect(c.fundType).toBeUndefined();
  });

  it('is 0, not negative, when a month end is already below the reserve', () => {
    expect(liquidCeiling([m('2026-01', '10000000.00', '30000000.00')]).amount.toFixed(2)).toBe('0.00');
  });

  it('with fund types kept apart: the fund type whose own money runs out first at its share binds', () => {
    // The tranche is 3 parts pension to 1 part medical. Pooled: 8,000万 − 2,000万 = 6,000万. Pension's own 3,000万 at a
    // 3/4 share allows 3,000 × 4/3 = 4,000万; medical's 1,200万 at 1/4 allows 4,800万: pension binds at 4,000万.
    const shares = [['pension', dec('75000000')], ['medical', dec('25000000')]] as const;
    const c = liquidCeiling([m('2026-01', '80000000.00', '20000000.00', { pension: '30000000.00', medical: '12000000.00' })], shares);
    expect(c.amount.toFixed(2)).toBe('40000000.00');
    expect(c.fundType).toBe('pension');
  });

  it('rounds down to the fen (a ceiling never allows a fen too many)', () => {
    // a holds 1,000.01 and takes 2/3 of the tranche: 1,000.01 × 3/2 = 1,500.015 → 1,500.01 (b: 5,000 × 3; pooled 9,000).
    const c = liquidCeiling([m('2026-01', '9000.00', '0.00', { a: '1000.01', b: '5000.00' })], [['a', dec('2')], ['b', dec('1')]]);
    expect(c.amount.toFixed(2)).toBe('1500.01');
    expect(c.fundType).toBe('a');
  });
});
