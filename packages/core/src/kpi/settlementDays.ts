import type { Decimal } from '../money/decimal';

/**
 * 银行结算户流转天数 (settlement-account days): demand-interest 积数 / (contributions collected +
 * pensions paid). Lower is better: money passes through the settlement account quickly.
 * @see docs/domain.md §9.1 from [001] (verbatim); §9.2 test: E1's 积数 1,022,000,000 / (30m + 25m) = 18.58 days
 */
export function settlementDays(balanceDays: Decimal, collected: Decimal, paid: Decimal): Decimal | undefined {
  const flow = collected.plus(paid);
  return flow.isZero() ? undefined : balanceDays.div(flow);
}
