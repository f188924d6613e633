import { type Decimal, ZERO, sum } from '../money/decimal';

/**
 * 定期N年档次占比 (tier share): the year-end balance in each time-deposit term tier / the year-end total
 * of time deposits.
 * @see docs/domain.md §9.1 from [001] (tiers 8, 5, 3, 2, 1 years in the 1990s; here any term in months)
 * @returns share per term in months; empty when there are no time deposits
 */
export function tierShare(balances: ReadonlyArray<{ termMonths: number; amount: Decimal }>): Map<number, Decimal> {
  const total = sum(balances.map((b) => b.amount));
  const out = new Map<number, Decimal>();
  if (total.isZero()) return out;
  for (const b of balances) out.set(b.termMonths, (out.get(b.termMonths) ?? ZERO).plus(b.amount));
  for (const [term, amount] of out) out.set(term, amount.div(total));
  return new Map([...out].sort((a, b) => a[0] - b[0]));
}
