import { Decimal } from '../money/decimal';
import type { RoundingRule } from '../money/rounding';
import type { RateScoreMethod } from './schema';

/**
 * Marks are kept to two decimal places, rounded half up (得分保留两位小数, the usual rule of tender scoring sheets; [004]
 * gives none, so this is a named choice, docs/tender.md §2).
 */
export const TENDER_MARK_ROUNDING: RoundingRule = { name: 'markHalfUp(2)', places: 2, apply: (v) => v.toDecimalPlaces(2, Decimal.ROUND_HALF_UP) };

const HUNDRED = new Decimal(100);

/**
 * The quote's mark out of 100. `relativeToBest`: 100 × quote / best quote among the banks scored (the best gets 100, a
 * quote of 0 gets 0). `betweenFloorAndBest`: 100 × (quote − floor) / (best − floor), the floor scoring 0 (without a floor,
 * as `relativeToBest`; when every quote equals the floor, 100). Rounded by {@link TENDER_MARK_ROUNDING}.
 * @param quote - the bank's rate, a fraction
 * @param best - the highest quote among the banks scored (not suspended)
 * @param floor - the 起存利率, if any
 * @returns the mark, 0–100 to two places
 * @example rateScore(dec('0.0155'), dec('0.0175'), 'relativeToBest').toFixed(2) //=> '88.57'
 * @example rateScore(dec('0.0155'), dec('0.0175'), 'betweenFloorAndBest', dec('0.0140')).toFixed(2) //=> '42.86'
 * @see docs/tender.md §2 (a choice: [004] scores the quote but leaves the formula to the service agreement)
 */
export function rateScore(quote: Decimal, best: Decimal, method: RateScoreMethod, floor?: Decimal): Decimal {
  if (method === 'betweenFloorAndBest' && floor !== undefined) {
    if (best.lte(floor)) return HUNDRED;
    return TENDER_MARK_ROUNDING.apply(HUNDRED.times(Decimal.max(quote.minus(floor), 0)).div(best.minus(floor)));
  }
  if (best.isZero()) return HUNDRED;
  return TENDER_MARK_ROUNDING.apply(HUNDRED.times(quote).div(best));
}
