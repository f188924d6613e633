import type { Decimal } from '../money/decimal';
import { type DayBasis, accrualDays, daysByYear } from '../dates/dayCount';
import type { IsoDate } from '../dates/isoDate';
import { formatRate } from './formatRate';
import { withFormulaOnRead } from './lazyFormula';

/**
 * Simple interest on `principal` from `startDate` to `endDate` (item method, 逐笔计息法) under a
 * bank's day basis: P × r × days / 360 (`thirty360`, whole months count 30 days), P × r × days / 365
 * (`actual365`), or P × r × Σ days_y / length_y (`actualActual`). No compounding (F6).
 * @see docs/domain.md §5.1 F3, F4, F6
 * @example simpleInterestForPeriod(dec(1000000), dec('0.0005'), isoDate('2025-01-10'), isoDate('2025-08-25'), 'thirty360').interest.toFixed(3) //=> '312.500'
 */
export function simpleInterestForPeriod(
  principal: Decimal,
  annualRate: Decimal,
  startDate: IsoDate,
  endDate: IsoDate,
  basis: DayBasis,
): { interest: Decimal; formula: string; days: number } {
  if (basis === 'actualActual') {
    const parts = daysByYear(startDate, endDate);
    let interest = principal.times(0);
    for (const p of parts) interest = interest.plus(principal.times(annualRate).times(p.days).div(p.yearLength));
    const days = parts.reduce((s, p) => s + p.days, 0);
    const formula = parts.map((p) => `${principal.toFixed()} × ${formatRate(annualRate)} × ${p.days}/${p.yearLength}`).join(' + ') || '0';
    return { interest, formula, days };
  }
  const { days, yearDays } = accrualDays(startDate, endDate, basis);
  // Written when read: the ledger prices hundreds of positions and reads few formulas.
  return withFormulaOnRead({ interest: principal.times(annualRate).times(days).div(yearDays), days }, () => `${principal.toFixed()} × ${days} × ${formatRate(annualRate)} / ${yearDays}`);
}
