import type { Decimal } from '../money/decimal';
import { type IsoDate, compareDates } from '../dates/isoDate';
import type { RateSchedule } from './types';

/**
 * The rate in force on `date`: the latest point whose `effectiveFrom` is on or before it.
 * @returns undefined when the schedule starts after `date` (no rate was agreed yet).
 * @example rateOn([{ effectiveFrom: '2025-05-20', annualRate: dec('0.0005') }], isoDate('2025-06-01'))?.toString() //=> '0.0005'
 */
export function rateOn(schedule: RateSchedule, date: IsoDate): Decimal | undefined {
  return inForceOn(schedule, date)?.annualRate;
}

/**
 * The dated entry in force on `date` (a rate point, a bank quote, a bond yield): the latest whose
 * `effectiveFrom` is on or before it; of two with the same date, the first listed.
 * @returns undefined when every entry starts after `date`
 * @example inForceOn([{ effectiveFrom: '2025-01-01' }, { effectiveFrom: '2025-06-01' }], isoDate('2025-03-01'))?.effectiveFrom //=> '2025-01-01'
 */
export function inForceOn<T extends { readonly effectiveFrom: IsoDate }>(entries: Iterable<T>, date: IsoDate): T | undefined {
  let best: T | undefined;
  for (const entry of entries) {
    if (compareDates(entry.effectiveFrom, date) <= 0 && (!best || compareDates(entry.effectiveFrom, best.effectiveFrom) > 0)) best = entry;
  }
  return best;
}

/** The dates inside (start, end) on which the schedule changes rate, sorted. */
export function rateChangesWithin(schedule: RateSchedule, startDate: IsoDate, endDate: IsoDate): IsoDate[] {
  return schedule
    .map((p) => p.effectiveFrom)
    .filter((d) => compareDates(d, startDate) > 0 && compareDates(d, endDate) < 0)
    .sort(compareDates);
}
