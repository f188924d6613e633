import type { Decimal } from '../money/decimal';
import type { DomainIssue } from '../issues';
import type { Scenario } from '../schemas/scenario';
import { type ResolvedPlacement, money, placementPath } from './types';

/**
 * The smallest amount a product takes: large CDs ≥ 10,000,000 for institutions (PBOC 2015 interim
 * measures [R41][R42]), time deposits ≥ 10,000 [R29], call deposits ≥ 500,000 [R27][R28]; all are
 * scenario inputs with these defaults. A CD lot increment, where set, must also be respected.
 */
export function productMinimumAmount(p: ResolvedPlacement, products: Scenario['products']): DomainIssue | undefined {
  let minimum: Decimal | undefined;
  let rule = '';
  switch (p.product) {
    case 'largeCd':
      minimum = products.largeCd.minimumLot;
      rule = 'largeCdMinimumLot';
      break;
    case 'timeDeposit':
      minimum = products.timeDeposit.minimumAmount;
      rule = 'timeDepositMinimum';
      break;
    case 'callDeposit1d':
    case 'callDeposit7d':
      minimum = products.callDeposit.minimumAmount;
      rule = 'callDepositMinimum';
      break;
    default:
      return undefined;
  }
  if (p.amount.lt(minimum)) {
    return { code: 'below_minimum', path: placementPath(p, 'amount'), rule, message: `a ${p.product} of ${money(p.amount)} is below the minimum of ${money(minimum)}`, received: money(p.amount), limit: money(minimum), monthKey: p.month, ...(p.bankId ? { bankId: p.bankId } : {}), amount: money(p.amount) };
  }
  const increment = products.largeCd.lotIncrement;
  if (p.product === 'largeCd' && increment && !increment.isZero() && !p.amount.minus(minimum).mod(increment).isZero()) {
    return { code: 'not_multiple', path: placementPath(p, 'amount'), rule: 'largeCdLotIncrement', message: `a large CD above the minimum must go up in steps of ${money(increment)}`, received: money(p.amount), limit: money(increment), monthKey: p.month, amount: money(p.amount) };
  }
  return undefined;
}
