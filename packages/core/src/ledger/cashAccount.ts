import { type Decimal, ZERO, maxDecimal } from '../money/decimal';
import { type IsoDate, actualDaysBetween, compareDates } from '../dates/isoDate';
import type { Account, Bank } from '../schemas/scenario';
import type { BalanceSpan } from '../interest/types';
import { accrueDemandDeposit } from '../interest/accrueDemandDeposit';
import { accrueAgreedDeposit } from '../interest/accrueAgreedDeposit';
import { rateOn } from '../interest/rateOn';

/**
 * A fund type's settlement account: its cash, and the daily balances since the last interest
 * settlement (for the 积数). Mutable, private to one ledger run.
 */
export class CashAccount {
  cash: Decimal;
  private spanStart: IsoDate;
  private spans: BalanceSpan[] = [];
  /** Whether the cash moved since the last span was closed. */
  private changed = false;
  /** 积数 since the last call to {@link takeBalanceDays}, for the settlement-days KPI. */
  private balanceDaysSinceTake = ZERO;

  constructor(
    readonly account: Account,
    readonly bank: Bank | undefined,
    opening: Decimal,
    start: IsoDate,
  ) {
    this.cash = opening;
    this.spanStart = start;
  }

  /**
   * Closes the current balance span at `date` (the balance held until the day before). A span that
   * follows one with the same balance extends it (a balance held over a month end is one span).
   */
  private close(date: IsoDate): void {
    if (compareDates(date, this.spanStart) <= 0) return;
    const balance = maxDecimal(this.cash, ZERO);
    this.balanceDaysSinceTake = this.balanceDaysSinceTake.plus(balance.times(actualDaysBetween(this.spanStart, date)));
    const last = this.spans[this.spans.length - 1];
    if (!this.changed && last && last.to === this.spanStart) this.spans[this.spans.length - 1] = { from: last.from, to: date, balance };
    else this.spans.push({ from: this.spanStart, to: date, balance });
    this.spanStart = date;
    this.changed = false;
  }

  /** Adds `delta` (may be negative) to the cash on `date`. */
  post(date: IsoDate, delta: Decimal): void {
    if (delta.isZero()) return;
    this.close(date);
    this.cash = this.cash.plus(delta);
    this.changed = true;
  }

  /**
   * The interest owed on the spans up to (not including) `creditDate`, settled on the day before
   * it (the 20th): demand at the account's contract rate, or the agreed split where the account has
   * an agreed contract. Unrounded; clears the spans.
   */
  settle(creditDate: IsoDate, settlementDate: IsoDate): { interest: Decimal; formula: string } {
    this.close(creditDate);
    const spans = this.spans;
    this.spans = [];
    return this.interestOn(spans, settlementDate);
  }

  /** Interest accrued since the last settlement up to `date`, not yet paid (unrounded). Does not clear. */
  accruedTo(date: IsoDate): Decimal {
    this.close(date);
    return this.interestOn(this.spans, date).interest;
  }

  private interestOn(spans: readonly BalanceSpan[], settlementDate: IsoDate): { interest: Decimal; formula: string } {
    const basis = this.bank?.conventions.dayBasis ?? 'thirty360';
    const agreed = this.account.agreed;
    if (!agreed) return accrueDemandDeposit({ spans, rates: this.account.contractRates, basis, rateChangeMethod: this.bank?.conventions.rateChangeMethod ?? 'segmented', settlementDate });
    const agreedRate = rateOn(agreed.agreedRates, settlementDate) ?? ZERO;
    const demandRate = rateOn(this.account.contractRates, settlementDate) ?? ZERO;
    return accrueAgreedDeposit({ spans, baseAmount: agreed.baseAmount, agreedRate, demandRate, basis });
  }

  /** 积数 accumulated since the previous call, closing the span at `date` (for the settlement-days KPI). */
  takeBalanceDays(date: IsoDate): Decimal {
    this.close(date);
    const total = this.balanceDaysSinceTake;
    this.balanceDaysSinceTake = ZERO;
    return total;
  }
}
