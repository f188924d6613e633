import { type Decimal, ZERO, minDecimal, maxDecimal } from '../money/decimal';
import type { DayBasis } from '../dates/dayCount';
import { actualDaysBetween } from '../dates/isoDate';
import type { BalanceSpan, InterestComputation } from './types';
import { formatRate } from './formatRate';
import { withFormulaOnRead } from './lazyFormula';

/**
 * Agreed deposit (协定存款): the part of each day's balance up to the contract's base amount
 * (基本存款额度) earns the demand rate; the excess earns the agreed rate. Accumulated method, so
 * 积数 × r / 360 for each part (/365 under `actual365`).
 * @see docs/domain.md §4.2 协定存款 [R25][R26]; §5.3 worked example E4: 500,000 × 92 × 0.35% / 360 +
 *   2,500,000 × 92 × 1.15% / 360 = 447.22 + 7,347.22 = 7,794.44
 */
export function accrueAgreedDeposit(input: {
  spans: readonly BalanceSpan[];
  baseAmount: Decimal;
  agreedRate: Decimal;
  demandRate: Decimal;
  basis: DayBasis;
}): InterestComputation & { baseInterest: Decimal; excessInterest: Decimal } {
  const { spans, baseAmount, agreedRate, demandRate, basis } = input;
  const divisor = basis === 'thirty360' ? 360 : 365;
  let baseDays = ZERO;
  let excessDays = ZERO;
  for (const span of spans) {
    const days = actualDaysBetween(span.from, span.to);
    const positive = maxDecimal(span.balance, ZERO);
    baseDays = baseDays.plus(minDecimal(positive, baseAmount).times(days));
    excessDays = excessDays.plus(maxDecimal(positive.minus(baseAmount), ZERO).times(days));
  }
  const baseInterest = baseDays.times(demandRate).div(divisor);
  const excessInterest = excessDays.times(agreedRate).div(divisor);
  return withFormulaOnRead(
    { interest: baseInterest.plus(excessInterest), baseInterest, excessInterest, rule: 'agreedDeposit', source: 'docs/domain.md §4.2 协定存款 [R25][R26]' },
    () => `${baseDays.toFixed()} × ${formatRate(demandRate)} / ${divisor} + ${excessDays.toFixed()} × ${formatRate(agreedRate)} / ${divisor}`,
  );
}
