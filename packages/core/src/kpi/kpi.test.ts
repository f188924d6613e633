// Worked KPI examples (来源: docs/domain.md §9.2; definitions §9.1 from [000] and [001]; [R57] for months payable).
import { describe, expect, it } from 'vitest';
import { dec } from '../money/decimal';
import { annualYieldRate } from './annualYieldRate';
import { collectionTimeliness } from './collectionTimeliness';
import { settlementDays } from './settlementDays';
import { tierShare } from './tierShare';
import { timeDepositShare } from './timeDepositShare';
import { rateUplift } from './rateUplift';
import { averageYield } from './averageYield';
import { monthsPayable } from './monthsPayable';
import { bankCapUsage } from './bankCapUsage';

const pct = (d: ReturnType<typeof dec> | undefined) => d!.times(100).toFixed(2);

describe('KPIs (docs/domain.md §9)', () => {
  it('annualYieldRate: I1 1.2m, I2 3.0m, P1 1,200m, P2 900m → 2.40%', () => {
    expect(pct(annualYieldRate({ realisedInterest: dec(1_200_000), realisableInterest: dec(3_000_000), balanceMonths: dec(1_200_000_000), certificateMonthsAfter: dec(900_000_000) }))).toBe('2.40');
  });
  it('collectionTimeliness: Yi = 100 a month, 10 of January paid in February → 99.17% (year-end ratio 100%)', () => {
    const due = Array.from({ length: 12 }, () => dec(100));
    const onTime = [dec(90), ...Array.from({ length: 11 }, () => dec(100))];
    expect(pct(collectionTimeliness(onTime, due))).toBe('99.17');
    const yearEnd = collectionTimeliness(due, due);
    expect(pct(yearEnd)).toBe('100.00');
  });
  it('settlementDays: E1 积数 1,022,000,000 / (30m collected + 25m paid) = 18.58 days', () => {
    expect(settlementDays(dec(1_022_000_000), dec(30_000_000), dec(25_000_000))!.toFixed(2)).toBe('18.58');
  });
  it('averageYield: E1 31,227.78 × 360 / 1,022,000,000 = 1.10%', () => {
    expect(pct(averageYield(dec('31227.78'), dec(1_022_000_000)))).toBe('1.10');
  });
  it('rateUplift: 1.75% against 1.25% → 40%, +50 bp', () => {
    const r = rateUplift(dec('0.0175'), dec('0.0125'));
    expect(pct(r.relative)).toBe('40.00');
    expect(r.basisPoints.toString()).toBe('50');
  });
  it('monthsPayable: 2021 national basic pension 63,970 / (60,197 / 12) = 12.75 months [R57]', () => {
    expect(monthsPayable(dec(63_970), dec(60_197))!.toFixed(2)).toBe('12.75');
  });
  it('timeDepositShare: (time + CDs) / all deposits', () => {
    expect(pct(timeDepositShare(dec(300), dec(800)))).toBe('37.50');
    expect(timeDepositShare(dec(0), dec(0))).toBeUndefined();
  });
  it('tierShare: each term tier over the time-deposit total, adding up to 100%', () => {
    const shares = tierShare([{ termMonths: 12, amount: dec(50) }, { termMonths: 36, amount: dec(30) }, { termMonths: 12, amount: dec(20) }]);
    expect([...shares].map(([t, s]) => [t, pct(s)])).toEqual([[12, '70.00'], [36, '30.00']]);
  });
  it('bankCapUsage: a bank at exactly 20% of the fund and 25% of the tranche uses 100% of caps A and C', () => {
    const [use] = bankCapUsage({
      banks: [{ id: 'a', localGeneralDeposits: dec(1000) }],
      trancheByBank: new Map([['a', dec(25)], ['b', dec(75)]]),
      outstandingByBank: new Map([['a', dec(20)], ['b', dec(80)]]),
      caps: { trancheShare: dec('0.25'), bankLocalDepositShare: dec('0.2'), fundTimeDepositShare: dec('0.2') },
    });
    expect(use!.tranche!.toString()).toBe('1');
    expect(use!.fundShare!.toString()).toBe('1');
    expect(use!.localDeposits!.toString()).toBe('0.1');
  });
});
