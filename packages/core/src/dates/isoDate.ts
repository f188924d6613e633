import { type MonthKey, monthKeyOf, monthParts } from './monthKey';

/**
 * A calendar day, `'YYYY-MM-DD'`, with no time and no zone. Branded: only {@link parseIsoDate} /
 * {@link isoDate} mint one. Arithmetic goes through integer day numbers (no `Date`), so results do
 * not depend on the machine's time zone.
 */
export type IsoDate = string & { readonly __brand: 'IsoDate' };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for Gregorian leap years. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a 1-based month. */
export function daysInMonth(year: number, month1: number): number {
  if (month1 === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month1) ? 30 : 31;
}

/** Parses `YYYY-MM-DD`, checking that the day exists; undefined otherwise. */
export function parseIsoDate(text: string): IsoDate | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return text as IsoDate;
}

/** Mints an IsoDate from text the program wrote; throws on a malformed date (a programmer error). */
export function isoDate(text: string): IsoDate {
  const d = parseIsoDate(text);
  if (!d) throw new TypeError(`isoDate: '${text}' is not a valid YYYY-MM-DD day`);
  return d;
}

/** Year, 1-based month and day of an IsoDate. */
export function dateParts(d: IsoDate): { year: number; month: number; day: number } {
  return { year: Number(d.slice(0, 4)), month: Number(d.slice(5, 7)), day: Number(d.slice(8, 10)) };
}

/** Builds an IsoDate from parts (the day must exist). */
export function isoDateOf(year: number, month1: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month1).padStart(2, '0')}-${String(day).padStart(2, '0')}` as IsoDate;
}

/**
 * Day number since 1970-01-01 (H. Hinnant's days_from_civil), exact for the proleptic Gregorian calendar.
 * @example dayNumber(isoDate('1970-01-02')) //=> 1
 */
export function dayNumber(d: IsoDate): number {
  const { year, month, day } = dateParts(d);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of {@link dayNumber}. */
export function dateFromDayNumber(n: number): IsoDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return isoDateOf(year, month, day);
}

/**
 * Actual days from `startDate` to `endDate`, counting the first day and not the last (算头不算尾).
 * @see docs/domain.md §5.1 F4
 * @example actualDaysBetween(isoDate('2025-03-21'), isoDate('2025-06-21')) //=> 92
 */
export function actualDaysBetween(startDate: IsoDate, endDate: IsoDate): number {
  return dayNumber(endDate) - dayNumber(startDate);
}

/** Adds whole days. */
export function addDays(d: IsoDate, days: number): IsoDate {
  return dateFromDayNumber(dayNumber(d) + days);
}

/**
 * Adds calendar months the way deposits mature (对年对月对日): the same day of the month, or the
 * month's last day when that day does not exist.
 * @see docs/domain.md §5.1 F4 [R38][R39]
 * @example addMonthsToDate(isoDate('2025-01-31'), 1) //=> '2025-02-28'
 */
export function addMonthsToDate(d: IsoDate, months: number): IsoDate {
  const { year, month, day } = dateParts(d);
  const ordinal = year * 12 + (month - 1) + months;
  const y = Math.floor(ordinal / 12);
  const m = (ordinal % 12) + 1;
  return isoDateOf(y, m, Math.min(day, daysInMonth(y, m)));
}

/** The MonthKey a day falls in. */
export function monthOfDate(d: IsoDate): MonthKey {
  const { year, month } = dateParts(d);
  return monthKeyOf(year, month);
}

/** The first day of a month. */
export function firstDayOfMonth(mk: MonthKey): IsoDate {
  const { year, month } = monthParts(mk);
  return isoDateOf(year, month, 1);
}

/** A given day of a month, clamped to the month's last day. */
export function dayOfMonth(mk: MonthKey, day: number): IsoDate {
  const { year, month } = monthParts(mk);
  return isoDateOf(year, month, Math.min(day, daysInMonth(year, month)));
}

/** Compares two IsoDates as strings sort (they are zero-padded). */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
