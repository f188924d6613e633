import type { DomainIssue } from '../issues';
import type { Policy } from '../schemas/scenario';
import { type ResolvedPlacement, placementPath } from './types';

/**
 * Only the products the policy allows (by law: bank deposits and government bonds, 国发〔1997〕26号
 * [R9]; a policy may narrow the list further), and never savings bonds, which are for individuals
 * only (储蓄国债 [R44]).
 */
export function productAllowed(p: ResolvedPlacement, policy: Policy): DomainIssue | undefined {
  if (p.product === 'govBond' && p.bondKind === 'savings') {
    return { code: 'forbidden', path: placementPath(p, 'bondKind'), rule: 'noSavingsBonds', message: 'institutions may not buy savings bonds (储蓄国债), only book-entry bonds (记账式国债) [R44]', received: 'savings', monthKey: p.month };
  }
  if (!policy.allowedProducts.includes(p.product)) {
    return { code: 'forbidden', path: placementPath(p, 'product'), rule: 'productAllowed', message: `the policy does not allow ${p.product}`, received: p.product, limit: policy.allowedProducts.join(' | '), monthKey: p.month };
  }
  return undefined;
}
