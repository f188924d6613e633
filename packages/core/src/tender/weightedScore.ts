import { type Decimal, sum } from '../money/decimal';
import { TENDER_CRITERIA, type TenderCriterion } from './schema';

/**
 * A bank's tender score: Σ weight × mark over the five criteria, exact (weights are fractions summing to 1, marks are to
 * two places, so the score is exact to at most 2 + the weights' places).
 * @param weights - one per criterion, summing to 1 (`checkTender`)
 * @param marks - one per criterion, 0–100 (the panel's four and the quote's)
 * @returns the score, 0–100
 * @example weightedScore({ businessCondition: dec('0.4'), service: dec('0.15'), collateral: dec('0.1'), localContribution: dec('0.15'), quotedRate: dec('0.2') }, { businessCondition: dec(90), service: dec(80), collateral: dec(70), localContribution: dec(60), quotedRate: dec(100) }).toString() //=> '84'
 * @see docs/domain.md §8.1 ([004]: weighted scoring, business condition ≥ 40%)
 */
export function weightedScore(weights: Readonly<Record<TenderCriterion, Decimal>>, marks: Readonly<Record<TenderCriterion, Decimal>>): Decimal {
  return sum(TENDER_CRITERIA.map((c) => weights[c].times(marks[c])));
}
