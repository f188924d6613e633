import type { Decimal } from '../money/decimal';

/** A rate fraction as a percentage for formulas: 0.011 → `1.10%` (at least 2 places, exact). */
export function formatRate(annualRate: Decimal): string {
  const pct = annualRate.times(100);
  return `${pct.decimalPlaces() <= 2 ? pct.toFixed(2) : pct.toFixed()}%`;
}
