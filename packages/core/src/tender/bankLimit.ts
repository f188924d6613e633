import { Decimal, ZERO } from '../money/decimal';
import type { MonthKey } from '../dates/monthKey';

/** What the caps see in one month of the tranche's life: the time deposits and CDs already outstanding at its end. */
export interface OutstandingAtMonthEnd {
  readonly month: MonthKey;
  /** Outstanding time deposits + CDs by bank (holdings and the rest of the plan), yuan. */
  readonly byBank: ReadonlyMap<string, Decimal>;
  /** All of them, every bank (suspended ones too), yuan. */
  readonly total: Decimal;
}

/** The three caps of [004] and the minimum bank count, as `policy.caps` and `policy.minBanks` give them. */
export interface TenderCaps {
  /** Cap A: a bank's share of the tranche (0.25). */
  readonly trancheShare: Decimal;
  /** Cap B: a bank's balance as a share of its local general deposits (0.20). */
  readonly bankLocalDepositShare: Decimal;
  /** Cap C: a bank's balance as a share of the fund's time deposits (0.20). */
  readonly fundTimeDepositShare: Decimal;
  /** At least this many banks hold time deposits (5); 0 = none. */
  readonly minBanks: number;
}

export type LimitRule = 'trancheShareCap' | 'bankLocalDepositCap' | 'fundTimeDepositShareCap' | 'minimumBankCount';

/** The most a bank may take of a tranche, to the fen, and the cap that sets it. */
export interface BankLimit {
  readonly limit: Decimal;
  readonly rule: LimitRule;
  /** The month whose month end sets it (caps B and C), if not cap A. */
  readonly month?: MonthKey;
}

const fenFloor = (d: Decimal) => Decimal.max(d, ZERO).toDecimalPlaces(2, Decimal.ROUND_DOWN);

/**
 * The most bank `bankId` may take of a tranche of `tranche` yuan so that every cap holds at every month end of the
 * tranche's life (docs/tender.md §3):
 * - cap A: x ≤ a × tranche;
 * - cap B: outstanding(bank, t) + x ≤ β × localGeneralDeposits, each month t;
 * - cap C: outstanding(bank, t) + x ≤ c × (total(t) + tranche), and, for the minimum count,
 *   outstanding(bank, t) + x ≤ (total(t) + tranche) / minBanks (core's `fundShareWithMinBanks`), each month t.
 * The smallest, floored to the fen and never below 0 (a bank already over a cap takes nothing). On a tie cap A is named
 * first, then B, C, the count.
 * @param tranche - the tranche placed (every bank's new time deposits that month), yuan
 * @param localGeneralDeposits - the bank's 一般性存款 (cap B's base)
 * @param months - the month ends of the tranche's life inside the horizon
 * @returns the limit and the cap that sets it
 * @example bankLimit('icbc', dec('10000000'), dec('1000000000'), [], caps).limit.toFixed(2) //=> '2500000.00' (25% of the tranche)
 * @see docs/domain.md §8.1 caps A, B, C and §8.2 minimum bank count [004]
 */
export function bankLimit(bankId: string, tranche: Decimal, localGeneralDeposits: Decimal, months: readonly OutstandingAtMonthEnd[], caps: TenderCaps): BankLimit {
  let best: BankLimit = { limit: tranche.times(caps.trancheShare), rule: 'trancheShareCap' };
  const consider = (value: Decimal, rule: LimitRule, month: MonthKey) => {
    if (value.lt(best.limit)) best = { limit: value, rule, month };
  };
  for (const m of months) {
    const mine = m.byBank.get(bankId) ?? ZERO;
    consider(localGeneralDeposits.times(caps.bankLocalDepositShare).minus(mine), 'bankLocalDepositCap', m.month);
    const all = m.total.plus(tranche);
    consider(all.times(caps.fundTimeDepositShare).minus(mine), 'fundTimeDepositShareCap', m.month);
    if (caps.minBanks > 0) consider(all.div(caps.minBanks).minus(mine), 'minimumBankCount', m.month);
  }
  return { ...best, limit: fenFloor(best.limit) };
}
