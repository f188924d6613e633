import { type IsoDate, addDays, compareDates, dateParts, isoDateOf } from '../dates/isoDate';

/** The months in which unit demand interest is settled: the last month of each quarter. */
export const DEMAND_SETTLEMENT_MONTHS = [3, 6, 9, 12] as const;
/** Day of the settlement month on which interest is settled (credited the next day). */
export const DEMAND_SETTLEMENT_DAY = 20;

/**
 * Unit demand interest settlement dates (结息日) that fall in [from, to]: the 20th of March, June,
 * September and December; the interest is credited on the 21st.
 * @see docs/domain.md §4.1 (活期) [R32][R33]
 * @example demandSettlementDates(isoDate('2025-01-01'), isoDate('2025-07-01')) //=> [{ settles: '2025-03-20', credited: '2025-03-21' }, { settles: '2025-06-20', credited: '2025-06-21' }]
 */
export function demandSettlementDates(from: IsoDate, to: IsoDate): Array<{ settles: IsoDate; credited: IsoDate }> {
  const out: Array<{ settles: IsoDate; credited: IsoDate }> = [];
  for (let year = dateParts(from).year; year <= dateParts(to).year; year++) {
    for (const month of DEMAND_SETTLEMENT_MONTHS) {
      const settles = isoDateOf(year, month, DEMAND_SETTLEMENT_DAY);
      if (compareDates(settles, from) >= 0 && compareDates(settles, to) <= 0) out.push({ settles, credited: addDays(settles, 1) });
    }
  }
  return out;
}
