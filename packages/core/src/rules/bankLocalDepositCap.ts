import type { Decimal } from '../money/decimal';
import type { MonthKey } from '../dates/monthKey';
import type { DomainIssue } from '../issues';
import { money } from './types';
import { formatRate } from '../interest/formatRate';

/**
 * Cap B (Shenzhen [004]): a bank's outstanding fund time deposits (incl. large CDs) ≤ `capShare`
 * (default 20%) of the bank's local general deposits (一般性存款, incl. interbank).
 */
export function bankLocalDepositCap(monthKey: MonthKey, bankId: string, outstanding: Decimal, localGeneralDeposits: Decimal, capShare: Decimal): DomainIssue | undefined {
  const limit = localGeneralDeposits.times(capShare);
  if (outstanding.lte(limit)) return undefined;
  return { code: 'bank_cap_exceeded', path: ['ledger', monthKey, 'outstanding', bankId], rule: 'bankLocalDepositCap', message: `bank ${bankId} holds ${money(outstanding)} of the fund's time deposits, above ${formatRate(capShare)} of its local general deposits (${money(limit)})`, received: money(outstanding), limit: money(limit), monthKey, bankId, amount: money(outstanding.minus(limit)) };
}
