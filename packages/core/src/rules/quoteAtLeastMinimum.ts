import type { DomainIssue } from '../issues';
import type { Policy } from '../schemas/scenario';
import { type ResolvedPlacement, placementPath } from './types';

/**
 * A deposit quoted below the minimum rate (起存利率) is not eligible for new money (Shenzhen
 * rules [004]; the value is not stated there, so it is a policy input with no default).
 */
export function quoteAtLeastMinimum(p: ResolvedPlacement, policy: Policy): DomainIssue | undefined {
  if (!policy.minQuoteRate || p.product === 'govBond' || p.annualRate.gte(policy.minQuoteRate)) return undefined;
  return { code: 'below_minimum', path: placementPath(p, 'annualRate'), rule: 'minQuoteRate', message: `the rate ${p.annualRate.toString()} is below the minimum quote ${policy.minQuoteRate.toString()}`, received: p.annualRate.toString(), limit: policy.minQuoteRate.toString(), monthKey: p.month, ...(p.bankId ? { bankId: p.bankId } : {}) };
}
