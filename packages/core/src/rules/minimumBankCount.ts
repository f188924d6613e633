import { type Decimal, ZERO } from '../money/decimal';
import type { MonthKey } from '../dates/monthKey';
import type { DomainIssue } from '../issues';

/**
 * While the fund holds any time deposits, at least `minBanks` banks must hold some (policy input,
 * default 5: the 20% cap C implies it, docs/domain.md §8.2).
 */
export function minimumBankCount(monthKey: MonthKey, outstandingByBank: ReadonlyMap<string, Decimal>, minBanks: number): DomainIssue | undefined {
  const holding = [...outstandingByBank.values()].filter((a) => a.gt(ZERO)).length;
  if (holding === 0 || holding >= minBanks) return undefined;
  return { code: 'too_few_banks', path: ['ledger', monthKey, 'outstanding'], rule: 'minimumBankCount', message: `${holding} banks hold time deposits; the policy wants at least ${minBanks}`, received: String(holding), limit: String(minBanks), monthKey };
}
