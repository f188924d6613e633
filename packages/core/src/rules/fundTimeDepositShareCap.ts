import { type Decimal, ZERO, sum } from '../money/decimal';
import type { MonthKey } from '../dates/monthKey';
import type { DomainIssue } from '../issues';
import { money } from './types';
import { formatRate } from '../interest/formatRate';
import { formatPercent } from '../money/units';

/**
 * Cap C (Shenzhen [004]): a bank's outstanding fund time deposits (incl. large CDs) ≤ `capShare`
 * (default 20%) of all the fund's outstanding time deposits. With 20% the fund needs at least 5
 * banks (domain.md §0.5).
 */
export function fundTimeDepositShareCap(monthKey: MonthKey, outstandingByBank: ReadonlyMap<string, Decimal>, capShare: Decimal): DomainIssue[] {
  const total = sum(outstandingByBank.values());
  if (total.lte(ZERO)) return [];
  const limit = total.times(capShare);
  const out: DomainIssue[] = [];
  for (const [bankId, amount] of outstandingByBank) {
    if (amount.gt(limit)) {
      out.push({ code: 'bank_cap_exceeded', path: ['ledger', monthKey, 'outstanding', bankId], rule: 'fundTimeDepositShareCap', message: `bank ${bankId} holds ${formatPercent(amount.div(total))} of the fund's time deposits, above the ${formatRate(capShare)} cap`, received: money(amount), limit: money(limit), monthKey, bankId, amount: money(amount.minus(limit)) });
    }
  }
  return out;
}
