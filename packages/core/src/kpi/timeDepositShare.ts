import type { Decimal } from '../money/decimal';

/**
 * 定期存款占比 (time-deposit share): (time deposits + large CDs) / all deposits. Tenders in Fujian,
 * Mawei and Suqian count 大额存单 as time deposits [R52][R53][R54].
 * @see docs/domain.md §9.1 (named in [000]; the definition is ours)
 */
export function timeDepositShare(timeAndCds: Decimal, allDeposits: Decimal): Decimal | undefined {
  return allDeposits.isZero() ? undefined : timeAndCds.div(allDeposits);
}
