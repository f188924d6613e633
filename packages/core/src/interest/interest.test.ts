// Worked examples E1–E6 of docs/domain.md §5.3 (来源: docs/domain.md §5.3; formulas F2/F3/F4 of §5.1 from [R35]–[R38]).
import { describe, expect, it } from 'vitest';
import { dec } from '../money/decimal';
import { LEDGER_ROUNDING } from '../money/rounding';
import { isoDate } from '../dates/isoDate';
import { accrueDemandDeposit } from './accrueDemandDeposit';
import { accrueTimeDeposit, splitEarlyWithdrawal } from './accrueTimeDeposit';
import { accrueAgreedDeposit } from './accrueAgreedDeposit';
import { accrueCallDeposit } from './accrueCallDeposit';
import { bondAccruedInterest, bondCoupon, bondCouponDates } from './bondCoupon';
import { balanceDays } from './balanceDays';
import { demandSettlementDates } from './demandSettlementDates';

const fen = (d: { interest: ReturnType<typeof dec> }) => LEDGER_ROUNDING.apply(d.interest).toFixed(2);
const E1_SPANS = [
  { from: isoDate('2025-03-21'), to: isoDate('2025-05-01'), balance: dec(10_000_000) },
  { from: isoDate('2025-05-01'), to: isoDate('2025-06-21'), balance: dec(12_000_000) },
];
const flat = (rate: string) => [{ effectiveFrom: isoDate('2015-10-24'), annualRate: dec(rate) }];

describe('accrueDemandDeposit (积数计息法, docs/domain.md §5.3 E1)', () => {
  it('E1: 积数 1,022,000,000 × 1.10% / 360 = 31,227.78', () => {
    const r = accrueDemandDeposit({ spans: E1_SPANS, rates: flat('0.011'), basis: 'thirty360', rateChangeMethod: 'segmented', settlementDate: isoDate('2025-06-20') });
    expect(r.balanceDays.toString()).toBe('1022000000');
    expect(fen(r)).toBe('31227.78');
  });
  it('E1 at 0.35% = 9,936.11 and at 0.05% = 1,419.44', () => {
    const at = (rate: string) => fen(accrueDemandDeposit({ spans: E1_SPANS, rates: flat(rate), basis: 'thirty360', rateChangeMethod: 'segmented', settlementDate: isoDate('2025-06-20') }));
    expect(at('0.0035')).toBe('9936.11');
    expect(at('0.0005')).toBe('1419.44');
  });
  it('splits at a rate change when segmented (BOC [R33]) and uses the settlement-date rate otherwise (CIB [R34])', () => {
    const rates = [
      { effectiveFrom: isoDate('2024-10-18'), annualRate: dec('0.001') },
      { effectiveFrom: isoDate('2025-05-20'), annualRate: dec('0.0005') },
    ];
    const seg = accrueDemandDeposit({ spans: E1_SPANS, rates, basis: 'thirty360', rateChangeMethod: 'segmented', settlementDate: isoDate('2025-06-20') });
    // 10,000,000×41 + 12,000,000×19 days at 0.10% (to 05-20), 12,000,000×32 days at 0.05%
    const expected = dec(10_000_000 * 41 + 12_000_000 * 19).times('0.001').div(360).plus(dec(12_000_000 * 32).times('0.0005').div(360));
    expect(seg.interest.toFixed(10)).toBe(expected.toFixed(10));
    const cib = accrueDemandDeposit({ spans: E1_SPANS, rates, basis: 'thirty360', rateChangeMethod: 'settlementDateRate', settlementDate: isoDate('2025-06-20') });
    expect(fen(cib)).toBe('1419.44');
  });
  it('balanceDays sums daily balances, first day in, last day out (F2, F4)', () => {
    expect(balanceDays(E1_SPANS).toString()).toBe('1022000000');
  });
  it('settles on the 20th of Mar/Jun/Sep/Dec, credited the 21st ([R32])', () => {
    expect(demandSettlementDates(isoDate('2025-01-01'), isoDate('2025-12-31')).map((d) => d.credited)).toEqual(['2025-03-21', '2025-06-21', '2025-09-21', '2025-12-21']);
  });
});

describe('accrueTimeDeposit (整存整取, docs/domain.md §5.3 E2, E3)', () => {
  it('E2: 50,000,000 × 3 × 1.25% = 1,875,000.00', () => {
    const r = accrueTimeDeposit({ principal: dec(50_000_000), annualRate: dec('0.0125'), startDate: isoDate('2025-01-01'), termMonths: 36, basis: 'thirty360' });
    expect(fen(r)).toBe('1875000.00');
    expect(r.maturityDate).toBe('2028-01-01');
  });
  it('E3: withdrawn early after 7 months 15 days (225 days, 30/360) at the demand rate 0.05% = 312.50', () => {
    const r = accrueTimeDeposit({ principal: dec(1_000_000), annualRate: dec('0.0095'), startDate: isoDate('2025-01-10'), termMonths: 12, basis: 'thirty360', endDate: isoDate('2025-08-25'), demandRate: dec('0.0005') });
    expect(r.outcome).toBe('earlyWithdrawal');
    expect(fen(r)).toBe('312.50');
  });
  it('E3 under actual/365: 227 days = 310.96', () => {
    const r = accrueTimeDeposit({ principal: dec(1_000_000), annualRate: dec('0.0095'), startDate: isoDate('2025-01-10'), termMonths: 12, basis: 'actual365', endDate: isoDate('2025-08-25'), demandRate: dec('0.0005') });
    expect(fen(r)).toBe('310.96');
  });
  it('a matured deposit left in the bank earns the demand rate after maturity ([R31])', () => {
    const r = accrueTimeDeposit({ principal: dec(1_000_000), annualRate: dec('0.0095'), startDate: isoDate('2025-01-10'), termMonths: 12, basis: 'thirty360', endDate: isoDate('2026-02-10'), demandRate: dec('0.0005') });
    // 9,500.00 for the year + 1,000,000 × 30 × 0.05% / 360 = 41.666… → 9,541.67
    expect(r.outcome).toBe('leftAfterMaturity');
    expect(fen(r)).toBe('9541.67');
  });
  it('says when the demand rate needed for an early exit is missing instead of guessing', () => {
    const r = accrueTimeDeposit({ principal: dec(1_000_000), annualRate: dec('0.0095'), startDate: isoDate('2025-01-10'), termMonths: 12, basis: 'thirty360', endDate: isoDate('2025-08-25') });
    expect(r.needsDemandRate).toBe(true);
  });
});

describe('accrueAgreedDeposit (协定存款, docs/domain.md §5.3 E4)', () => {
  it('E4: base 500,000 at 0.35% + excess 2,500,000 at 1.15% over 92 days = 7,794.44', () => {
    const r = accrueAgreedDeposit({ spans: [{ from: isoDate('2025-03-21'), to: isoDate('2025-06-21'), balance: dec(3_000_000) }], baseAmount: dec(500_000), agreedRate: dec('0.0115'), demandRate: dec('0.0035'), basis: 'thirty360' });
    expect(LEDGER_ROUNDING.apply(r.baseInterest).toFixed(2)).toBe('447.22');
    expect(LEDGER_ROUNDING.apply(r.excessInterest).toFixed(2)).toBe('7347.22');
    expect(fen(r)).toBe('7794.44');
  });
  it('a balance under the base earns only the demand rate', () => {
    const r = accrueAgreedDeposit({ spans: [{ from: isoDate('2025-03-21'), to: isoDate('2025-06-21'), balance: dec(400_000) }], baseAmount: dec(500_000), agreedRate: dec('0.0115'), demandRate: dec('0.0035'), basis: 'thirty360' });
    expect(r.excessInterest.isZero()).toBe(true);
    expect(fen(r)).toBe('357.78');
  });
});

describe('accrueCallDeposit (通知存款, docs/domain.md §5.3 E5)', () => {
  it('E5: 5,000,000 × 30 × 0.30% / 360 = 1,250.00', () => {
    const r = accrueCallDeposit({ principal: dec(5_000_000), withdrawalDayRate: dec('0.003'), startDate: isoDate('2025-01-01'), endDate: isoDate('2025-01-31'), basis: 'thirty360' });
    expect(r.days).toBe(30);
    expect(fen(r)).toBe('1250.00');
  });
});

describe('bondCoupon (记账式国债, docs/domain.md §5.3 E6)', () => {
  it('E6: 10,000,000 × 1.85% / 2 = 92,500.00 per coupon', () => {
    expect(fen(bondCoupon({ face: dec(10_000_000), couponRate: dec('0.0185'), couponFrequency: 2 }))).toBe('92500.00');
  });
  it('a 10-year semi-annual bond pays 20 coupons, the last on maturity', () => {
    const dates = bondCouponDates(isoDate('2025-01-01'), 120, 2);
    expect(dates).toHaveLength(20);
    expect(dates.at(-1)).toBe('2035-01-01');
  });
  it('accrued interest is actual/actual within the coupon period (CFFEX 2013-09-03 notice): half a period accrues half a coupon', () => {
    // 2025-01-01 → 2025-07-01 is 181 days; on 2025-04-01, 90 days have passed.
    const r = bondAccruedInterest({ face: dec(10_000_000), couponRate: dec('0.0185'), couponFrequency: 2, lastCouponDate: isoDate('2025-01-01'), nextCouponDate: isoDate('2025-07-01'), onDate: isoDate('2025-04-01') });
    expect(fen(r)).toBe(LEDGER_ROUNDING.apply(dec(92_500).times(90).div(181)).toFixed(2));
    expect(fen(r)).toBe('45994.48');
  });
});

describe('splitEarlyWithdrawal (部分提前支取)', () => {
  it('pays the withdrawn part at the demand rate and leaves the rest on deposit: E3 with 400,000 of 1,000,000 withdrawn', () => {
    // 来源: docs/domain.md §4.4 整存整取 (withdrawn part at the demand rate on the withdrawal day, the rest at the original rate
    // [R29][R70]) applied to E3's dates: 400,000 × 225 × 0.05% / 360 = 125.00.
    const r = splitEarlyWithdrawal({ principal: dec(1_000_000), withdrawnAmount: dec(400_000), startDate: isoDate('2025-01-10'), withdrawOn: isoDate('2025-08-25'), demandRate: dec('0.0005'), basis: 'thirty360' });
    expect(LEDGER_ROUNDING.apply(r.withdrawnInterest).toFixed(2)).toBe('125.00');
    expect(r.remainingPrincipal.toString()).toBe('600000');
  });
});
