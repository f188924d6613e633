import { type Decimal, ZERO } from '../money/decimal';
import type { MonthKey } from '../dates/monthKey';
import type { DomainIssue } from '../issues';
import type { Policy } from '../schemas/scenario';
import { money } from './types';

/**
 * The liquid money to keep at the end of a month: the payouts of the next N months ("除预留相当于2个月
 * 的支付费用外", 国发〔1997〕26号 [R9]; 支出户 2-month 周转金 [R12]), or a fixed amount.
 * @param nextOutflows - outflows of the months after this one, in order; where the path ends
 *   before N months, the last known month is repeated (stated in docs/ledger.md)
 * @example reserveRequirement({ rule: 'monthsOfPayouts', months: 2 }, [dec(40), dec(50), dec(60)]).toString() //=> '90'
 */
export function reserveRequirement(reserve: Policy['reserve'], nextOutflows: readonly Decimal[]): Decimal {
  if (reserve.rule === 'fixedAmount') return reserve.amount;
  let total = ZERO;
  const last = nextOutflows.at(-1) ?? ZERO;
  for (let k = 0; k < reserve.months; k++) total = total.plus(nextOutflows[k] ?? last);
  return total;
}

/** The liquidity reserve holds: liquid money at month end ≥ the requirement. */
export function reserveHeld(monthKey: MonthKey, liquid: Decimal, required: Decimal, scope: string): DomainIssue | undefined {
  if (liquid.gte(required)) return undefined;
  return { code: 'reserve_breached', path: ['ledger', monthKey, 'liquid', scope], rule: 'liquidityReserve', message: `liquid money ${money(liquid)} is below the reserve of ${money(required)} (short by ${money(required.minus(liquid))})`, received: money(liquid), limit: money(required), monthKey, amount: money(required.minus(liquid)), ...(scope !== 'total' ? { fundType: scope } : {}) };
}
