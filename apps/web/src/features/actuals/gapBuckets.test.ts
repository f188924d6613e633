import { describe, expect, it } from 'vitest';
import { type GapMonth, gapBuckets, netVariance } from './gapBuckets';

// A constructed ledger of four months (yuan), the shape of an evaluation's months (packages/app/src/jobs/evaluation.ts).
const month = (m: string, inflows: string, outflows: string, matured: string, placed: string, liquid: string, reserve: string): GapMonth => ({ month: m, inflows, outflows, placed, matured, interestReceived: '10.00', closingLiquid: liquid, reserveRequired: reserve });
const months = [
  month('2026-01', '1000.00', '800.00', '0.00', '0.00', '5000.00', '1600.00'),
  month('2026-02', '900.00', '1200.00', '500.00', '0.00', '5210.00', '1700.00'),
  month('2026-03', '800.00', '1300.00', '0.00', '2000.00', '1720.00', '1800.00'),
  month('2026-04', '1000.00', '900.00', '0.00', '0.00', '1830.00', '1800.00'),
];

describe('the liquidity gap by bucket', () => {
  it('sums money in and out over this month, the quarter and the year, to the fen', () => {
    const [thisMonth, quarter, year] = gapBuckets(months, '2026-02', '0.00');
    // 2026-02: in 900 + 500 + 10 = 1,410; out 1,200; gap 210
    expect(thisMonth).toMatchObject({ key: 'thisMonth', from: '2026-02', to: '2026-02', months: 1, moneyIn: '1410.00', moneyOut: '1200.00', gap: '210.00', liquid: '5210.00', reserve: '1700.00', headroom: '3510.00', belowReserve: false });
    // 2026-02..04: in 1,410 + 810 + 1,010 = 3,230; out 1,200 + 3,300 + 900 = 5,400
    expect(quarter).toMatchObject({ from: '2026-02', to: '2026-04', months: 3, moneyIn: '3230.00', moneyOut: '5400.00', gap: '-2170.00', liquid: '1830.00', headroom: '30.00' });
    // the tightest month is March: 1,720 against a floor of 1,800
    expect(quarter!.tightest).toEqual({ month: '2026-03', headroom: '-80.00' });
    expect(quarter!.belowReserve).toBe(true);
    expect(year).toMatchObject({ to: '2026-04', months: 3 });
  });

  it('moves the liquid money by the variance already recorded', () => {
    const [thisMonth] = gapBuckets(months, '2026-02', '-3600.00');
    expect(thisMonth).toMatchObject({ liquid: '1610.00', headroom: '-90.00', belowReserve: true });
  });

  it('has no bucket from a month the ledger does not reach', () => {
    expect(gapBuckets(months, '2026-05', '0.00')).toEqual([]);
  });

  it('adds up the net variance of the months before the bucket, skipping months without a forecast', () => {
    const rows = [
      { month: '2026-01', inflow: { variance: '-10.00' }, outflow: { variance: '5.00' } },
      { month: '2025-12', inflow: { variance: null }, outflow: { variance: null } },
      { month: '2026-02', inflow: { variance: '100.00' }, outflow: { variance: '0.00' } },
    ];
    expect(netVariance(rows, '2026-02')).toBe('-15.00');
    expect(netVariance(rows, '2026-03')).toBe('85.00');
  });
});
