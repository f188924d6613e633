import type { DomainIssue } from '../../issues';
import type { Scenario } from '../../schemas/scenario';
import type { ResolvedPlacement } from '../../rules/types';
import { suspendedBankNoNewMoney } from '../../rules/suspendedBankNoNewMoney';
import { productMinimumAmount } from '../../rules/productMinimumAmount';
import { productAllowed } from '../../rules/productAllowed';
import { termWithinMaximum } from '../../rules/termWithinMaximum';
import { termOffered } from '../../rules/termOffered';
import { quoteAtLeastMinimum } from '../../rules/quoteAtLeastMinimum';
import { matureWithinHorizon } from '../../rules/matureWithinHorizon';

/** A check on one placement, by itself. */
export type PlacementCheck = (p: ResolvedPlacement, scenario: Scenario) => DomainIssue | undefined;

/** Every rule a single placement can break, run as a list (beancount's VALIDATIONS pattern). */
export const PLACEMENT_CHECKS: readonly PlacementCheck[] = [
  (p, s) => suspendedBankNoNewMoney(p, p.bankId ? s.banks.find((b) => b.id === p.bankId) : undefined),
  (p, s) => productMinimumAmount(p, s.products),
  (p, s) => productAllowed(p, s.policy),
  (p, s) => termWithinMaximum(p, s.policy),
  (p, s) => termOffered(p, s),
  (p, s) => quoteAtLeastMinimum(p, s.policy),
  (p, s) => matureWithinHorizon(p, s),
];

/** Runs every placement check on every placement; collects, never stops at the first. */
export function checkPlacements(placements: readonly ResolvedPlacement[], scenario: Scenario): DomainIssue[] {
  const out: DomainIssue[] = [];
  for (const p of placements) {
    for (const check of PLACEMENT_CHECKS) {
      const issue = check(p, scenario);
      if (issue) out.push(issue);
    }
  }
  return out;
}
