import { type Decimal, sum } from '../money/decimal';

/**
 * 收缴及时率 (collection timeliness): Σ Xi / Σ Yi over the months, where Xi is month i's dues
 * collected in month i and Yi the dues of month i (the Yi-weighted mean of Xi/Yi). It differs from
 * the year-end collected/due ratio, which counts late payments as collected.
 * @see docs/domain.md §9.1 from [001] (the text keeps only "i=1"; the weighting is inferred)
 * @example collectionTimeliness([dec(90), ...Array(11).fill(dec(100))], Array(12).fill(dec(100)))?.toFixed(4) //=> '0.9917'
 */
export function collectionTimeliness(collectedOnTime: readonly Decimal[], due: readonly Decimal[]): Decimal | undefined {
  const totalDue = sum(due);
  return totalDue.isZero() ? undefined : sum(collectedOnTime).div(totalDue);
}
