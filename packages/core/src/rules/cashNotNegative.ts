import { type Decimal, ZERO } from '../money/decimal';
import type { IsoDate } from '../dates/isoDate';
import type { MonthKey } from '../dates/monthKey';
import type { DomainIssue } from '../issues';
import { money } from './types';

/**
 * A fund type's cash may never go below zero: the funds are accounted for separately (分别建账、分账核算)
 * and one fund may not lend to another; a plan that spends money it does not have is broken, not
 * silently fixed.
 */
export function cashNotNegative(monthKey: MonthKey, date: IsoDate, fundType: string, cash: Decimal): DomainIssue | undefined {
  if (cash.gte(ZERO)) return undefined;
  return { code: 'cash_negative', path: ['ledger', monthKey, 'cash', fundType], rule: 'cashNotNegative', message: `${fundType} cash is ${money(cash)} on ${date}: the plan spends ${money(cash.negated())} it does not have`, received: money(cash), limit: '0.00', monthKey, date, fundType, amount: money(cash.negated()) };
}
