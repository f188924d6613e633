import type { DomainIssue } from '../issues';
import { sum } from '../money/decimal';
import { monthOrdinal } from '../dates/monthKey';
import type { Scenario } from '../schemas/scenario';
import { MIN_BUSINESS_WEIGHT, TENDER_CRITERIA, type Tender } from './schema';

/**
 * The weights of a tender's criteria add up to exactly 1 (decimal, no tolerance: 0.4 + 0.2 + 0.1 + 0.1 + 0.2).
 * @returns an issue at `tender.weights` with the sum received, or nothing
 * @example tenderWeightsSumToOne({ businessCondition: dec('0.4'), service: dec('0.2'), collateral: dec('0.1'), localContribution: dec('0.1'), quotedRate: dec('0.1') }) //=> issue, received '0.9'
 * @see docs/tender.md §1
 */
export function tenderWeightsSumToOne(weights: Tender['weights']): DomainIssue | undefined {
  const total = sum(TENDER_CRITERIA.map((c) => weights[c]));
  if (total.eq(1)) return undefined;
  return { code: 'weights_not_one', path: ['tender', 'weights'], rule: 'tenderWeightsSumToOne', message: `the weights add up to ${total.toString()}, not 1`, received: total.toString(), limit: '1' };
}

/**
 * The business condition (capital adequacy, non-performing loans) weighs at least 40% [004].
 * @returns an issue at `tender.weights.businessCondition` with the weight received, or nothing
 * @example tenderBusinessWeight({ businessCondition: dec('0.35'), … }) //=> issue, received '0.35', limit '0.4'
 * @see docs/domain.md §8.1 ([004]: 经营状况 ≥ 40%)
 */
export function tenderBusinessWeight(weights: Tender['weights']): DomainIssue | undefined {
  const w = weights.businessCondition;
  if (w.gte(MIN_BUSINESS_WEIGHT)) return undefined;
  return { code: 'weight_too_low', path: ['tender', 'weights', 'businessCondition'], rule: 'tenderBusinessWeight', message: `the business condition weighs ${w.toString()}; the Shenzhen rules want at least ${MIN_BUSINESS_WEIGHT}`, received: w.toString(), limit: MIN_BUSINESS_WEIGHT };
}

/**
 * Checks a scenario's `tender` section beyond its schema: the weights (sum 1, business ≥ 0.4), every bid names a bank of
 * the scenario once, the month is inside the horizon. Nothing when the scenario has no tender.
 * @returns every issue, each with its JSON path, rule and the value received
 * @see docs/tender.md §1
 */
export function checkTender(scenario: Scenario): DomainIssue[] {
  const t = scenario.tender;
  if (!t) return [];
  const issues: DomainIssue[] = [];
  const sumIssue = tenderWeightsSumToOne(t.weights);
  if (sumIssue) issues.push(sumIssue);
  const businessIssue = tenderBusinessWeight(t.weights);
  if (businessIssue) issues.push(businessIssue);
  const bankIds = new Set(scenario.banks.map((b) => b.id));
  const seen = new Map<string, number>();
  t.bids.forEach((bid, i) => {
    if (!bankIds.has(bid.bankId)) issues.push({ code: 'unknown_reference', path: ['tender', 'bids', i, 'bankId'], rule: 'knownBank', message: 'no bank with this id in banks', received: bid.bankId });
    const first = seen.get(bid.bankId);
    if (first !== undefined) issues.push({ code: 'duplicate', path: ['tender', 'bids', i, 'bankId'], rule: 'oneBidPerBank', message: `bank ${bid.bankId} already bid at tender.bids[${first}]`, received: bid.bankId });
    else seen.set(bid.bankId, i);
  });
  if (t.month !== undefined) {
    const o = monthOrdinal(t.month);
    const start = monthOrdinal(scenario.startMonth);
    if (o < start || o >= start + scenario.horizonMonths) {
      issues.push({ code: 'out_of_range', path: ['tender', 'month'], rule: 'tenderInHorizon', message: `the tender's month is outside startMonth + horizonMonths`, received: t.month });
    }
  }
  return issues;
}
