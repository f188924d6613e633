import type { Decimal } from '../money/decimal';
import { formatRate } from '../interest/formatRate';

/**
 * Demand interest by the accumulated method (积数计息法): 积数 × annual rate / the days of the year, unrounded.
 * The year has 360 days under the default convention (F1), 365 for a bank on actual/365 (docs/domain.md §5.2).
 *
 * @param input - `balanceDays` (积数, yuan-days), the annual rate as a fraction, and the year's days
 * @returns the unrounded interest in yuan and the formula as written on paper; rounding to the fen is the caller's,
 *   once, with a named mode
 * @example interestOnBalanceDays({ balanceDays: dec('1022000000'), annualRate: dec('0.011'), yearDays: 360 }).interest.toFixed(4) //=> '31227.7778'
 * @see docs/domain.md §5.1 F1, F2; §5.3 E1 (1,022,000,000 × 1.10% / 360 = 31,227.78)
 */
export function interestOnBalanceDays(input: { balanceDays: Decimal; annualRate: Decimal; yearDays: 360 | 365 | 366 }): { interest: Decimal; formula: string } {
  const { balanceDays, annualRate, yearDays } = input;
  return { interest: balanceDays.times(annualRate).div(yearDays), formula: `${balanceDays.toFixed()} × ${formatRate(annualRate)} / ${yearDays}` };
}
