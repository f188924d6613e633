import type { Decimal } from '../money/decimal';
import type { DomainIssue } from '../issues';
import type { Scenario } from '../schemas/scenario';
import type { ProductKind } from '../schemas/enums';
import { type ResolvedPlacement, money, placementPath } from './types';

/**
 * The smallest amount one placement of a product may be, and the rule that says so: large CDs
 * ≥ 10,000,000 for institutions (PBOC 2015 interim measures [R41][R42]), time deposits ≥ 10,000 [R29],
 * call deposits ≥ 500,000 [R27][R28]; all scenario inputs with these defaults. Other products: none.
 * @returns the minimum in yuan and the rule's name, or undefined where the product has none
 * @example minimumAmountOf('timeDeposit', scenario.products)?.minimum.toFixed(2) //=> '10000.00'
 * @see docs/domain.md §4.7
 */
export function minimumAmountOf(product: ProductKind, products: Scenario['products']): { minimum: Decimal; rule: string } | undefined {
  switch (product) {
    case 'largeCd':
      return { minimum: products.largeCd.minimumLot, rule: 'largeCdMinimumLot' };
    case 'timeDeposit':
      return { minimum: products.timeDeposit.minimumAmount, rule: 'timeDepositMinimum' };
    case 'callDeposit1d':
    case 'callDeposit7d':
      return { minimum: products.callDeposit.minimumAmount, rule: 'callDepositMinimum' };
    default:
      return undefined;
  }
}

/**
 * A placement below its product's minimum ({@link minimumAmountOf}), or a large CD above its minimum lot
 * that is not a whole number of lot increments where the scenario sets one.
 */
export function productMinimumAmount(p: ResolvedPlacement, products: Scenario['products']): DomainIssue | undefined {
  const found = minimumAmountOf(p.product, products);
  if (!found) return undefined;
  const { minimum, rule } = found;
  if (p.amount.lt(minimum)) {
    return { code: 'below_minimum', path: placementPath(p, 'amount'), rule, message: `a ${p.product} of ${money(p.amount)} is below the minimum of ${money(minimum)}`, received: money(p.amount), limit: money(minimum), monthKey: p.month, ...(p.bankId ? { bankId: p.bankId } : {}), amount: money(p.amount) };
  }
  const increment = products.largeCd.lotIncrement;
  if (p.product === 'largeCd' && increment && !increment.isZero() && !p.amount.minus(minimum).mod(increment).isZero()) {
    return { code: 'not_multiple', path: placementPath(p, 'amount'), rule: 'largeCdLotIncrement', message: `a large CD above the minimum must go up in steps of ${money(increment)}`, received: money(p.amount), limit: money(increment), monthKey: p.month, amount: money(p.amount) };
  }
  return undefined;
}
