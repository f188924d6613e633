import type { Decimal } from '../money/decimal';
import type { MonthKey } from '../dates/monthKey';
import type { DomainIssue } from '../issues';
import { money } from './types';

/**
 * Liquid money at the end of the last month — settlement cash, 周转金 and other accounts, call and agreed deposits
 * outstanding, as the reserve counts it — is at least `policy.liquidAtEnd` (money the fund must have in
 * hand when the horizon ends; docs/optimizer.md §5.11). Checked for the fund as a whole.
 *
 * @param lastMonth - The horizon's last month.
 * @param liquid - Liquid money at its end (yuan).
 * @param required - `policy.liquidAtEnd` (yuan).
 * @returns `liquid_at_end_short` with the shortfall, or undefined.
 * @example
 * liquidAtEndHeld(monthKey('2028-12'), dec('90000000'), dec('100000000'))?.amount //=> '10000000.00'
 */
export function liquidAtEndHeld(lastMonth: MonthKey, liquid: Decimal, required: Decimal): DomainIssue | undefined {
  if (liquid.gte(required)) return undefined;
  const short = required.minus(liquid);
  return { code: 'liquid_at_end_short', path: ['ledger', lastMonth, 'liquid', 'total'], rule: 'liquidAtEnd', message: `liquid money at the horizon end ${money(liquid)} is below policy.liquidAtEnd ${money(required)} (short by ${money(short)})`, received: money(liquid), limit: money(required), monthKey: lastMonth, amount: money(short) };
}
