import { type IsoDate, actualDaysBetween, addMonthsToDate, compareDates, dateParts, isLeapYear, isoDateOf } from './isoDate';

/**
 * How a bank turns days into a fraction of a year. Chosen per bank (docs/domain.md §5.2, §5.1 F3):
 * - `thirty360`: 30-day months and a 360-day year (F1, F4). Whole months count 30 days each,
 *   counted 对月对日 from the start; odd days are actual days. Accumulated balances (积数) divide by 360.
 * - `actual365`: actual days over a 365-day year (ICBC uses it on one product [R40]).
 * - `actualActual`: actual days, each day divided by its own year's length (365 or 366 in a leap
 *   year) — the "(366 leap)" reading of F3.
 */
export type DayBasis = 'thirty360' | 'actual365' | 'actualActual';

export const DAY_BASES: readonly DayBasis[] = ['thirty360', 'actual365', 'actualActual'];

/**
 * Whole months from `startDate` to `endDate` counted 对月对日 (month-end clamped), and the actual
 * days left over.
 * @example wholeMonthsAndOddDays(isoDate('2025-01-10'), isoDate('2025-08-25')) //=> { months: 7, oddDays: 15 }
 */
export function wholeMonthsAndOddDays(startDate: IsoDate, endDate: IsoDate): { months: number; oddDays: number } {
  if (compareDates(endDate, startDate) <= 0) return { months: 0, oddDays: 0 };
  const s = dateParts(startDate);
  const e = dateParts(endDate);
  let months = (e.year - s.year) * 12 + (e.month - s.month);
  while (months > 0 && compareDates(addMonthsToDate(startDate, months), endDate) > 0) months--;
  const anniversary = addMonthsToDate(startDate, months);
  return { months, oddDays: actualDaysBetween(anniversary, endDate) };
}

/**
 * Days that earn interest between two dates under a bank's basis, and the divisor they go over.
 * Under `thirty360` the days are 30 × whole months + odd actual days (E3: 2025-01-10 → 2025-08-25 is
 * 7 months + 15 days = 225 days); under the actual bases they are calendar days (E3: 227).
 * `actualActual` returns the exact year fraction with divisor 1.
 * @see docs/domain.md §5.1 F3, F4; §5.3 worked example E3
 */
export function accrualDays(startDate: IsoDate, endDate: IsoDate, basis: DayBasis): { days: number; yearDays: number } {
  switch (basis) {
    case 'thirty360': {
      const { months, oddDays } = wholeMonthsAndOddDays(startDate, endDate);
      return { days: months * 30 + oddDays, yearDays: 360 };
    }
    case 'actual365':
      return { days: actualDaysBetween(startDate, endDate), yearDays: 365 };
    case 'actualActual':
      return { days: actualDaysBetween(startDate, endDate), yearDays: 0 };
  }
}

/**
 * Splits a span of actual days into the days that fall in each calendar year, for `actualActual`.
 * First day counted, last day not.
 */
export function daysByYear(startDate: IsoDate, endDate: IsoDate): Array<{ year: number; days: number; yearLength: number }> {
  const out: Array<{ year: number; days: number; yearLength: number }> = [];
  let cursor = startDate;
  while (compareDates(cursor, endDate) < 0) {
    const { year } = dateParts(cursor);
    const nextYear = isoDateOf(year + 1, 1, 1);
    const stop = compareDates(nextYear, endDate) < 0 ? nextYear : endDate;
    out.push({ year, days: actualDaysBetween(cursor, stop), yearLength: isLeapYear(year) ? 366 : 365 });
    cursor = stop;
  }
  return out;
}
