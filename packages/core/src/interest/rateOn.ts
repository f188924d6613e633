import type { Decimal } from '../money/decimal';
import { type IsoDate, compareDates } from '../dates/isoDate';
import type { RatePoint, RateSchedule } from './types';

/**
 * The rate in force on `date`: the latest point whose `effectiveFrom` is on or before it.
 * @returns undefined when the schedule starts after `date` (no rate was agreed yet).
 * @example rateOn([{ effectiveFrom: '2025-05-20', annualRate: dec('0.0005') }], isoDate('2025-06-01'))?.toString() //=> '0.0005'
 */
export function rateOn(schedule: RateSchedule, date: IsoDate): Decimal | undefined {
  let best: RatePoint | undefined;
  for (const point of schedule) {
    if (compareDates(point.effectiveFrom, date) <= 0 && (!best || compareDates(point.effectiveFrom, best.effectiveFrom) > 0)) best = point;
  }
  return best?.annualRate;
}

/** The dates inside (start, end) on which the schedule changes rate, sorted. */
export function rateChangesWithin(schedule: RateSchedule, startDate: IsoDate, endDate: IsoDate): IsoDate[] {
  return schedule
    .map((p) => p.effectiveFrom)
    .filter((d) => compareDates(d, startDate) > 0 && compareDates(d, endDate) < 0)
    .sort(compareDates);
}
