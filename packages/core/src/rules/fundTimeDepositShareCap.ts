import { Decimal, ZERO, sum } from '../money/decimal';
import type { MonthKey } from '../dates/monthKey';
import type { DomainIssue } from '../issues';
import { money } from './types';
import { formatRate } from '../interest/formatRate';
import { formatPercent } from '../money/units';

/**
 * Cap C (Shenzhen [004]): a bank's outstanding fund time deposits (incl. large CDs) ≤ `capShare`
 * (default 20%) of all the fund's outstanding time deposits. With 20% the fund needs at least 5
 * banks (docs/domain.md §8.2).
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

/**
 * The most any one bank may hold of the fund's time deposits under cap C and the minimum bank count
 * together: min(cap C, 1/minBanks) (1/minBanks of the total at every bank is what "at least minBanks banks"
 * asks of a share cap; docs/domain.md §8.2). The optimizer's cap C rows use this share.
 * @param capShare - cap C, e.g. 0.20
 * @param minBanks - the policy's minimum number of banks (0 = none)
 * @returns the share, exact
 * @example fundShareWithMinBanks(dec('0.25'), 5).toString() //=> '0.2'
 * @example fundShareWithMinBanks(dec('0.20'), 4).toString() //=> '0.2'
 * @see docs/domain.md §8.1 [004] cap C; §8.2 minimum bank counts
 */
export function fundShareWithMinBanks(capShare: Decimal, minBanks: number): Decimal {
  return minBanks > 0 ? Decimal.min(capShare, new Decimal(1).div(minBanks)) : capShare;
}

/**
 * Whether `amount` is above {@link fundShareWithMinBanks} of `total`, compared exactly: amount > cap C × total,
 * or amount × minBanks > total (1/minBanks is not a finite decimal for 3, 6, 7 … banks).
 * @example aboveFundShareWithMinBanks(dec(1), dec(3), dec('0.5'), 3) //=> false
 * @example aboveFundShareWithMinBanks(dec(21), dec(100), dec('0.25'), 5) //=> true
 */
export function aboveFundShareWithMinBanks(amount: Decimal, total: Decimal, capShare: Decimal, minBanks: number): boolean {
  return amount.gt(total.times(capShare)) || (minBanks > 0 && amount.times(minBanks).gt(total));
}
