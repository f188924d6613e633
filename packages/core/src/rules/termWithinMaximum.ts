import type { DomainIssue } from '../issues';
import type { Policy } from '../schemas/scenario';
import { type ResolvedPlacement, placementPath } from './types';

/** No placement longer than the policy's maximum term (default 60 months). */
export function termWithinMaximum(p: ResolvedPlacement, policy: Policy): DomainIssue | undefined {
  if (p.termMonths <= policy.maxTermMonths) return undefined;
  return { code: 'too_long', path: placementPath(p, 'termMonths'), rule: 'maxTerm', message: `a term of ${p.termMonths} months exceeds the policy's maximum of ${policy.maxTermMonths}`, received: String(p.termMonths), limit: String(policy.maxTermMonths), monthKey: p.month };
}
