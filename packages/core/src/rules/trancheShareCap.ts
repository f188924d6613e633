import { type Decimal, ZERO, sum } from '../money/decimal';
import type { MonthKey } from '../dates/monthKey';
import type { DomainIssue } from '../issues';
import { money } from './types';
import { formatRate } from '../interest/formatRate';
import { formatPercent } from '../money/units';

/**
 * Cap A (Shenzhen [004], docs/domain.md §8.1): in one tranche (a month's new time deposits and large
 * CDs), one bank may take at most `capShare` (default 25%) of the tranche. With a 25% cap a tranche
 * needs at least 4 banks (docs/domain.md §8.2).
 * @param newByBank - the month's new time deposits + CDs per bank
 * @returns one issue per bank over the cap, with the amount over it
 * @example trancheShareCap('2026-01', new Map([['a', dec(30)], ['b', dec(70)]]), dec('0.25')).length //=> 2
 */
export function trancheShareCap(monthKey: MonthKey, newByBank: ReadonlyMap<string, Decimal>, capShare: Decimal): DomainIssue[] {
  const tranche = sum(newByBank.values());
  if (tranche.lte(ZERO)) return [];
  const limit = tranche.times(capShare);
  const out: DomainIssue[] = [];
  for (const [bankId, amount] of newByBank) {
    if (amount.gt(limit)) {
      out.push({ code: 'bank_cap_exceeded', path: ['ledger', monthKey, 'newTimeDeposits', bankId], rule: 'trancheShareCap', message: `bank ${bankId} takes ${formatPercent(amount.div(tranche))} of the ${monthKey} tranche, above the ${formatRate(capShare)} cap (over by ${money(amount.minus(limit))})`, received: money(amount), limit: money(limit), monthKey, bankId, amount: money(amount.minus(limit)) });
    }
  }
  return out;
}
