import type { Decimal } from '../money/decimal';

/**
 * 年增殖率 (annual value-added rate): (I1 + I2) / (P1 + P2) × 12.
 * I1 = interest realised in the period (demand + matured certificates); I2 = interest of the time
 * certificates held (face × rate × term, summed); P1 = Σ over the period's months of (month-end
 * balance + contributions due but not collected); P2 = Σ over certificates held after the period of
 * remaining months × face. ×12 because P sums monthly balances.
 * @see docs/domain.md §9.1 from [001] (the formula itself is missing from that text;
 *   reconstructed from its definitions)
 * @returns a fraction (0.024 = 2.40%), or undefined when P1 + P2 is zero
 * @example annualYieldRate({ realisedInterest: dec(1200000), realisableInterest: dec(3000000), balanceMonths: dec(1200000000), certificateMonthsAfter: dec(900000000) })?.toString() //=> '0.024'
 */
export function annualYieldRate(input: { realisedInterest: Decimal; realisableInterest: Decimal; balanceMonths: Decimal; certificateMonthsAfter: Decimal }): Decimal | undefined {
  const denominator = input.balanceMonths.plus(input.certificateMonthsAfter);
  if (denominator.isZero()) return undefined;
  return input.realisedInterest.plus(input.realisableInterest).div(denominator).times(12);
}
