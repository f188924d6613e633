import type { DomainIssue } from '../issues';
import type { Scenario } from '../schemas/scenario';
import { offeredTerms } from '../schemas/lookup';
import { type ResolvedPlacement, placementPath } from './types';

/** Time deposits, CDs and bonds come only in their standard terms (docs/domain.md §4.7: 3m–5y; CDs 1m–5y; bonds 1–10y). */
export function termOffered(p: ResolvedPlacement, scenario: Scenario): DomainIssue | undefined {
  const terms = offeredTerms(scenario, p.product);
  if (!terms || terms.includes(p.termMonths)) return undefined;
  return { code: 'invalid_value', path: placementPath(p, 'termMonths'), rule: 'standardTerm', message: `${p.product} is not offered for ${p.termMonths} months`, received: String(p.termMonths), limit: terms.join(' | '), monthKey: p.month };
}
