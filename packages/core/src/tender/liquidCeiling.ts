import { Decimal, ZERO } from '../money/decimal';
import type { MonthKey } from '../dates/monthKey';

/** One month end of the tranche's life, under the plan without the tranche: the liquid money and the reserve asked for. */
export interface LiquidAtMonthEnd {
  readonly month: MonthKey;
  /** Cash + call and agreed deposits of the whole fund (the ledger's `closingLiquid`), yuan. */
  readonly liquid: Decimal;
  /** The reserve the policy asks for at this month end (the ledger's `reserveRequired`), yuan. */
  readonly reserve: Decimal;
  /** Each fund type's liquid money, when fund types are kept apart (分账核算), yuan. */
  readonly liquidByFundType?: ReadonlyMap<string, Decimal>;
}

/** The most a tender may place, and the month end (and fund type) that sets it. */
export interface LiquidCeiling {
  readonly amount: Decimal;
  readonly month: MonthKey;
  /** Set when one fund type's own money binds (its share of the tranche × the total would overdraw it). */
  readonly fundType?: string;
}

/**
 * The most a tender may lock up for its term: money placed in the tranche's month stays out until maturity, so at every
 * month end of its life the fund must still hold the reserve in liquid money. Under the plan without the tranche, the
 * ceiling is the least, over those month ends, of liquid − reserve (never below 0); with fund types kept apart and the
 * tranche split by `shares` (each fund type's part of it), also the least of each fund type's liquid money ÷ its share
 * — one fund type's money may not pay another's part (分别建账、分账核算, docs/domain.md). A month-end figure: a payout
 * inside a month can still dip below it, which the comparison's ledger run then shows day by day.
 *
 * @example
 * // Two month ends: 5,000万 liquid over a 3,000万 reserve, then 4,500万 over 3,000万: at most 1,500万 (the second).
 * liquidCeiling([{ month: '2026-01', liquid: dec('50000000'), reserve: dec('30000000') }, { month: '2026-02', liquid: dec('45000000'), reserve: dec('30000000') }])
 * //=> { amount: 15000000.00, month: '2026-02' }
 */
export function liquidCeiling(lifeMonths: readonly LiquidAtMonthEnd[], shares: ReadonlyArray<readonly [string, Decimal]> = []): LiquidCeiling {
  if (!lifeMonths.length) throw new Error('liquidCeiling: the tranche has no month end in the horizon');
  let best: LiquidCeiling | undefined;
  const consider = (amount: Decimal, month: MonthKey, fundType?: string) => {
    const floored = Decimal.max(amount, ZERO).toDecimalPlaces(2, Decimal.ROUND_DOWN);
    if (!best || floored.lt(best.amount)) best = { amount: floored, month, ...(fundType ? { fundType } : {}) };
  };
  const sharesTotal = shares.reduce((s, [, v]) => s.plus(v), ZERO);
  for (const m of lifeMonths) {
    consider(m.liquid.minus(m.reserve), m.month);
    if (!m.liquidByFundType || sharesTotal.isZero()) continue;
    for (const [fundType, part] of shares) {
      if (!part.gt(0)) continue;
      consider((m.liquidByFundType.get(fundType) ?? ZERO).times(sharesTotal).div(part), m.month, fundType);
    }
  }
  return best!;
}
