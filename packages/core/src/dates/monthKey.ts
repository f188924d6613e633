/**
 * A month, `'YYYY-MM'`. Branded: only {@link parseMonthKey} / {@link monthKey} mint one.
 */
export type MonthKey = string & { readonly __brand: 'MonthKey' };

/** The pattern a month key must match (docs/conventions.md §4). */
export const MONTH_KEY_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Returns the MonthKey, or undefined when `text` is not `YYYY-MM` with a month 01..12. */
export function parseMonthKey(text: string): MonthKey | undefined {
  return MONTH_KEY_PATTERN.test(text) ? (text as MonthKey) : undefined;
}

/** Mints a MonthKey from text the program wrote; throws on a malformed key (a programmer error). */
export function monthKey(text: string): MonthKey {
  const mk = parseMonthKey(text);
  if (!mk) throw new TypeError(`monthKey: '${text}' is not YYYY-MM`);
  return mk;
}

/** Builds a MonthKey from a year and a 1-based month. */
export function monthKeyOf(year: number, month1: number): MonthKey {
  return `${String(year).padStart(4, '0')}-${String(month1).padStart(2, '0')}` as MonthKey;
}

/** Year and 1-based month of a MonthKey. */
export function monthParts(mk: MonthKey): { year: number; month: number } {
  return { year: Number(mk.slice(0, 4)), month: Number(mk.slice(5, 7)) };
}

/** Months since year 0, for arithmetic. */
export function monthOrdinal(mk: MonthKey): number {
  const { year, month } = monthParts(mk);
  return year * 12 + (month - 1);
}

/** The MonthKey of a month ordinal (inverse of {@link monthOrdinal}). */
export function monthFromOrdinal(ordinal: number): MonthKey {
  return monthKeyOf(Math.floor(ordinal / 12), (ordinal % 12) + 1);
}

/**
 * Adds `months` (may be negative) to a MonthKey.
 * @example addMonthsToKey(monthKey('2025-11'), 3) //=> '2026-02'
 */
export function addMonthsToKey(mk: MonthKey, months: number): MonthKey {
  return monthFromOrdinal(monthOrdinal(mk) + months);
}

/**
 * Number of months from `earlier` to `later` (later − earlier); negative when `later` is earlier.
 * @example monthsBetween(monthKey('2025-11'), monthKey('2026-02')) //=> 3
 */
export function monthsBetween(earlier: MonthKey, later: MonthKey): number {
  return monthOrdinal(later) - monthOrdinal(earlier);
}

/**
 * Every month from `from` to `to`, **both included**. Empty when `to` is before `from`.
 * @example monthKeyRange(monthKey('2025-11'), monthKey('2026-01')) //=> ['2025-11', '2025-12', '2026-01']
 */
export function monthKeyRange(from: MonthKey, to: MonthKey): MonthKey[] {
  const out: MonthKey[] = [];
  for (let o = monthOrdinal(from); o <= monthOrdinal(to); o++) out.push(monthFromOrdinal(o));
  return out;
}
