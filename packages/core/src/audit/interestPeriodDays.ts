import { type IsoDate, actualDaysBetween } from '../dates/isoDate';

/**
 * The days of an interest period as a bank statement prints it: from the first interest day (起息日) to the last day
 * whose balance counts (the settlement day, 结息日), **both counted**. A quarterly demand settlement on the 20th of
 * June covers 21 March to 20 June: the 20th's end-of-day balance is in its 积数, and the next period starts on the 21st
 * (docs/domain.md §4.1, §5.3 E1: 2025-03-21…2025-06-20 is 92 days).
 *
 * @param firstDay - the first day counted (起息日)
 * @param lastDay - the last day counted (结息日 or 止息日 as printed)
 * @returns the number of days, 1 when both are the same day; 0 or less when `lastDay` is before `firstDay`
 * @example interestPeriodDays(isoDate('2025-03-21'), isoDate('2025-06-20')) //=> 92
 * @see docs/domain.md §5.1 F2 (积数 = Σ end-of-day balances), §5.3 E1
 */
export function interestPeriodDays(firstDay: IsoDate, lastDay: IsoDate): number {
  return actualDaysBetween(firstDay, lastDay) + 1;
}
