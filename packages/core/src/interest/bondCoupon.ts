import type { Decimal } from '../money/decimal';
import { type IsoDate, actualDaysBetween, addMonthsToDate, compareDates } from '../dates/isoDate';
import type { InterestComputation } from './types';
import { formatRate } from './formatRate';

/**
 * One coupon of a book-entry government bond (记账式国债): face × coupon rate / payments per year.
 * Book-entry bonds of 1 to under 10 years pay once a year, 10 years and over twice a year; bonds
 * under 1 year are issued at a discount (MOF issues as reported in [R44][R45],
 * docs/domain.md §4.6). A frequency of 0 means everything is paid at maturity.
 * @see docs/domain.md §5.3 worked example E6: 10,000,000 × 1.85% / 2 = 92,500.00
 */
export function bondCoupon(input: { face: Decimal; couponRate: Decimal; couponFrequency: number }): InterestComputation {
  const frequency = input.couponFrequency === 0 ? 1 : input.couponFrequency;
  return {
    interest: input.face.times(input.couponRate).div(frequency),
    formula: `${input.face.toFixed()} × ${formatRate(input.couponRate)} / ${frequency}`,
    rule: 'govBond/coupon',
    source: 'docs/domain.md §4.6 记账式国债 [R44][R45], worked example E6',
  };
}

/**
 * The coupon frequency of a book-entry bond of this term when nothing says otherwise: 10 years and over
 * twice a year, over 1 year once a year, 1 year and under at maturity (for a 1-year bond the same cash as
 * one annual coupon) [R44][R45].
 * @example defaultCouponFrequency(120) //=> 2
 * @example defaultCouponFrequency(12) //=> 0
 */
export function defaultCouponFrequency(termMonths: number): number {
  return termMonths >= 120 ? 2 : termMonths > 12 ? 1 : 0;
}

/**
 * Coupon dates of a bond from its value date to maturity: every 12/frequency months, same day of
 * month (month-end clamped), the last one on the maturity date. Frequency 0: maturity only.
 * @example bondCouponDates(isoDate('2025-01-01'), 24, 2) //=> ['2025-07-01', '2026-01-01', '2026-07-01', '2027-01-01']
 */
export function bondCouponDates(valueDate: IsoDate, termMonths: number, couponFrequency: number): IsoDate[] {
  const maturity = addMonthsToDate(valueDate, termMonths);
  if (couponFrequency === 0) return [maturity];
  const step = 12 / couponFrequency;
  const out: IsoDate[] = [];
  for (let k = 1; k * step < termMonths; k++) out.push(addMonthsToDate(valueDate, k * step));
  out.push(maturity);
  return out;
}

/**
 * Accrued interest (应计利息) of a bond between coupon dates, actual/actual within the coupon
 * period: face × coupon / frequency × days since the last coupon / days in the current period.
 * @see China Financial Futures Exchange, 关于发布5年期国债期货转换因子和应计利息计算公式的通知
 *   (2013-09-03): "应计利息的日计数基准为'实际天数/实际天数'"; PBOC 银发〔2007〕200号 uses the
 *   same basis for interbank bond yields.
 */
export function bondAccruedInterest(input: {
  face: Decimal;
  couponRate: Decimal;
  couponFrequency: number;
  lastCouponDate: IsoDate;
  nextCouponDate: IsoDate;
  onDate: IsoDate;
}): InterestComputation {
  const { face, couponRate, lastCouponDate, nextCouponDate, onDate } = input;
  const frequency = input.couponFrequency === 0 ? 1 : input.couponFrequency;
  const clamped = compareDates(onDate, nextCouponDate) > 0 ? nextCouponDate : onDate;
  const elapsed = Math.max(0, actualDaysBetween(lastCouponDate, clamped));
  const period = actualDaysBetween(lastCouponDate, nextCouponDate);
  return {
    interest: face.times(couponRate).div(frequency).times(elapsed).div(period),
    formula: `${face.toFixed()} × ${formatRate(couponRate)} / ${frequency} × ${elapsed}/${period}`,
    rule: 'govBond/accruedInterest',
    source: 'CFFEX 2013-09-03 notice: actual/actual within the coupon period',
  };
}
