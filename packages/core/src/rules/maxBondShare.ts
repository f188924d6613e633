import { type Decimal, ZERO } from '../money/decimal';
import type { MonthKey } from '../dates/monthKey';
import type { DomainIssue } from '../issues';
import { money } from './types';

/** Bonds may be at most `maxShare` of all placed money (policy input; none by default). */
export function maxBondShare(monthKey: MonthKey, bonds: Decimal, placedTotal: Decimal, maxShare: Decimal): DomainIssue | undefined {
  if (placedTotal.lte(ZERO) || bonds.lte(placedTotal.times(maxShare))) return undefined;
  return { code: 'share_exceeded', path: ['ledger', monthKey, 'bonds'], rule: 'maxBondShare', message: `bonds are ${bonds.div(placedTotal).times(100).toFixed(2)}% of placed money, above the ${maxShare.times(100).toFixed(0)}% maximum`, received: money(bonds), limit: money(placedTotal.times(maxShare)), monthKey, amount: money(bonds.minus(placedTotal.times(maxShare))) };
}
