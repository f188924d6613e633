import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addMonthsToKey, monthKey, monthKeyRange, monthsBetween, parseMonthKey } from './monthKey';
import { actualDaysBetween, addMonthsToDate, dateFromDayNumber, dayNumber, isoDate, isoDateOf, parseIsoDate } from './isoDate';
import { accrualDays, wholeMonthsAndOddDays } from './dayCount';

const RUNS = Number(process.env.FL_PROPERTY_RUNS ?? 1000);

describe('MonthKey', () => {
  it('accepts YYYY-MM with months 01..12 only (2025-13 is refused)', () => {
    expect(parseMonthKey('2025-12')).toBe('2025-12');
    expect(parseMonthKey('2025-13')).toBeUndefined();
    expect(parseMonthKey('2025-1')).toBeUndefined();
  });
  it('monthKeyRange includes both ends', () => {
    expect(monthKeyRange(monthKey('2025-11'), monthKey('2026-01'))).toEqual(['2025-11', '2025-12', '2026-01']);
    expect(monthKeyRange(monthKey('2026-01'), monthKey('2025-11'))).toEqual([]);
  });
  it('adds months across years and measures the gap', () => {
    expect(addMonthsToKey(monthKey('2025-11'), 3)).toBe('2026-02');
    expect(addMonthsToKey(monthKey('2025-01'), -1)).toBe('2024-12');
    expect(monthsBetween(monthKey('2025-11'), monthKey('2026-02'))).toBe(3);
  });
});

describe('IsoDate', () => {
  it('refuses days that do not exist', () => {
    expect(parseIsoDate('2025-02-29')).toBeUndefined();
    expect(parseIsoDate('2024-02-29')).toBe('2024-02-29');
  });
  it('counts the first day, not the last (算头不算尾, docs/domain.md §5.1 F4): E1 spans 92 days', () => {
    expect(actualDaysBetween(isoDate('2025-03-21'), isoDate('2025-06-21'))).toBe(92);
  });
  it('matures on the same day of the month, or the month end when that day is missing (对月对日, F4 [R38][R39])', () => {
    expect(addMonthsToDate(isoDate('2025-01-31'), 1)).toBe('2025-02-28');
    expect(addMonthsToDate(isoDate('2024-01-31'), 1)).toBe('2024-02-29');
    expect(addMonthsToDate(isoDate('2025-08-31'), 6)).toBe('2026-02-28');
  });
  it('day numbers round-trip for every day from 1900 to 2200, whatever the machine zone', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumber(isoDate('1900-01-01')), max: dayNumber(isoDate('2200-12-31')) }), (n) => dayNumber(dateFromDayNumber(n)) === n),
      { numRuns: RUNS },
    );
    expect(dayNumber(isoDateOf(1970, 1, 1))).toBe(0);
  });
});

describe('day bases (docs/domain.md §5.1 F3/F4, §5.3 E3)', () => {
  it('E3: 2025-01-10 → 2025-08-25 is 7 months + 15 days = 225 days under 30/360, 227 actual days', () => {
    expect(wholeMonthsAndOddDays(isoDate('2025-01-10'), isoDate('2025-08-25'))).toEqual({ months: 7, oddDays: 15 });
    expect(accrualDays(isoDate('2025-01-10'), isoDate('2025-08-25'), 'thirty360')).toEqual({ days: 225, yearDays: 360 });
    expect(accrualDays(isoDate('2025-01-10'), isoDate('2025-08-25'), 'actual365')).toEqual({ days: 227, yearDays: 365 });
  });
  it('a whole year is 360 days under 30/360, also from a month end', () => {
    expect(accrualDays(isoDate('2025-01-31'), isoDate('2026-01-31'), 'thirty360').days).toBe(360);
  });
});
