import { type Decimal, ZERO } from '../money/decimal';
import { actualDaysBetween } from '../dates/isoDate';
import type { BalanceSpan } from './types';

/**
 * 积数 (balance-days): the sum of end-of-day balances, i.e. Σ balance × actual days of each span
 * (first day counted, last not).
 * @see docs/domain.md §5.1 F2; §5.3 worked example E1: 10,000,000 × 41 + 12,000,000 × 51 = 1,022,000,000
 * @example balanceDays([{ from: '2025-03-21', to: '2025-05-01', balance: dec(10000000) }]).toString() //=> '410000000'
 */
export function balanceDays(spans: readonly BalanceSpan[]): Decimal {
  let total = ZERO;
  for (const span of spans) total = total.plus(span.balance.times(actualDaysBetween(span.from, span.to)));
  return total;
}
