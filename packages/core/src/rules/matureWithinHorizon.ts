import type { DomainIssue } from '../issues';
import { addMonthsToDate, compareDates, dayOfMonth, firstDayOfMonth } from '../dates/isoDate';
import { addMonthsToKey } from '../dates/monthKey';
import type { Scenario } from '../schemas/scenario';
import { type ResolvedPlacement, placementPath } from './types';

/**
 * Under `policy.horizonEnd: 'matureWithin'` (a bureau that must have its principal back by a date; docs/optimizer.md §4) every
 * new placement matures on or before the horizon end H, the first day after the last month. A placement made on
 * `timing.placementDay` matures on the same day `termMonths` later (对年对月对日, F4), as the ledger opens it.
 * Under 'accrue' (the default) nothing is checked: what outlives the horizon is valued at its accrued interest.
 *
 * @param p - The placement.
 * @param scenario - For the policy, the horizon and the placement day.
 * @returns `matures_after_horizon` with the maturity date and H, or undefined.
 * @example
 * // horizon 2026-01 + 36 months, H = 2029-01-01; a 12-month deposit placed on 2028-03-01 matures 2029-03-01:
 * matureWithinHorizon({ month: '2028-03', termMonths: 12, … }, scenario)?.limit //=> '2029-01-01'
 * @see docs/optimizer.md §4 (end of the horizon)
 */
export function matureWithinHorizon(p: ResolvedPlacement, scenario: Pick<Scenario, 'policy' | 'timing' | 'startMonth' | 'horizonMonths'>): DomainIssue | undefined {
  if (scenario.policy.horizonEnd !== 'matureWithin') return undefined;
  const horizonEnd = firstDayOfMonth(addMonthsToKey(scenario.startMonth, scenario.horizonMonths));
  const maturity = addMonthsToDate(dayOfMonth(p.month, scenario.timing.placementDay), p.termMonths);
  if (compareDates(maturity, horizonEnd) <= 0) return undefined;
  return { code: 'matures_after_horizon', path: placementPath(p, 'termMonths'), rule: 'matureWithinHorizon', message: `a ${p.termMonths}-month ${p.product} placed in ${p.month} matures on ${maturity}, after the horizon end ${horizonEnd} (policy.horizonEnd is 'matureWithin')`, received: maturity, limit: horizonEnd, monthKey: p.month, ...(p.bankId ? { bankId: p.bankId } : {}), ...(p.fundType ? { fundType: p.fundType } : {}) };
}
