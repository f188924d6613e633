import type { Decimal } from '../money/decimal';

/**
 * 可支付月数 (months payable): year-end balance / (annual expenditure / 12).
 * @see docs/domain.md §9.1 (MOHRSS reports 17.7 months in 2015 [R62]; definition text not seen, unconfirmed);
 *   test: 2021 national basic pension 63,970 / (60,197 / 12) = 12.75 months [R57]
 */
export function monthsPayable(balance: Decimal, annualExpenditure: Decimal): Decimal | undefined {
  return annualExpenditure.isZero() ? undefined : balance.div(annualExpenditure.div(12));
}
