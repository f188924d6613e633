import type { Decimal } from '../money/decimal';

/**
 * 平均收益率 (average yield) of balances earning by the accumulated method: interest × 360 / 积数.
 * @see docs/domain.md §9.1 (named in [000]; definition ours); §9.2 test: E1 31,227.78 × 360 / 1,022,000,000 = 1.10%
 */
export function averageYield(interest: Decimal, balanceDays: Decimal, yearDays = 360): Decimal | undefined {
  return balanceDays.isZero() ? undefined : interest.times(yearDays).div(balanceDays);
}
