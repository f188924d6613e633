import { type Decimal, ZERO } from '../money/decimal';
import type { MonthKey } from '../dates/monthKey';
import type { DomainIssue } from '../issues';
import { money } from './types';
import { formatRate } from '../interest/formatRate';
import { formatPercent } from '../money/units';

/** Bonds may be at most `maxShare` of all placed money (policy input; none by default). */
export function maxBondShare(monthKey: MonthKey, bonds: Decimal, placedTotal: Decimal, maxShare: Decimal): DomainIssue | undefined {
  if (placedTotal.lte(ZERO) || bonds.lte(placedTotal.times(maxShare))) return undefined;
  return { code: 'share_exceeded', path: ['ledger', monthKey, 'bonds'], rule: 'maxBondShare', message: `bonds are ${formatPercent(bonds.div(placedTotal))} of placed money, above the ${formatRate(maxShare)} maximum`, received: money(bonds), limit: money(placedTotal.times(maxShare)), monthKey, amount: money(bonds.minus(placedTotal.times(maxShare))) };
}
