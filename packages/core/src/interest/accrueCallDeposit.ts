import type { Decimal } from '../money/decimal';
import type { DayBasis } from '../dates/dayCount';
import { type IsoDate, actualDaysBetween } from '../dates/isoDate';
import type { InterestComputation } from './types';
import { formatRate } from './formatRate';

/**
 * Call (notice) deposit (通知存款, 1-day or 7-day): the principal earns the rate in force on the
 * **withdrawal day** for the actual days held: P × days × r / 360 (/365 under the actual bases).
 * @see docs/domain.md §4.3 通知存款 [R27][R28]; §5.3 worked example E5: 5,000,000 × 30 × 0.30% / 360 = 1,250.00
 */
export function accrueCallDeposit(input: {
  principal: Decimal;
  withdrawalDayRate: Decimal;
  startDate: IsoDate;
  endDate: IsoDate;
  basis: DayBasis;
}): InterestComputation & { days: number } {
  const days = actualDaysBetween(input.startDate, input.endDate);
  const divisor = input.basis === 'thirty360' ? 360 : 365;
  return {
    interest: input.principal.times(days).times(input.withdrawalDayRate).div(divisor),
    days,
    formula: `${input.principal.toFixed()} × ${days} × ${formatRate(input.withdrawalDayRate)} / ${divisor}`,
    rule: 'callDeposit',
    source: 'docs/domain.md §4.3 通知存款 [R27][R28]',
  };
}
