import {
  type Decimal, type MonthKey, type Scenario,
  TERM_DEPOSIT_KINDS, ZERO, aboveFundShareWithMinBanks, addMonthsToKey, compareDates, firstDayOfMonth, fundShareWithMinBanks, monthKeyRange, positionFromHolding, sum,
} from '@fundladder/core';

/** A bank whose existing holdings alone are over cap B or C in some months of the horizon. */
export interface HoldingsOverCap {
  readonly bankId: string;
  readonly cap: 'B' | 'C';
  readonly rule: 'bankLocalDepositCap' | 'fundTimeDepositShareCap';
  /** The share the cap allows: β of the bank's local deposits (B), min(cap C, 1/minBanks) of the fund's time deposits (C). */
  readonly share: Decimal;
  /** Per horizon month: how far the existing holdings are over the cap at month end (yuan, exact), undefined where within. */
  readonly overByMonth: ReadonlyArray<Decimal | undefined>;
}

/** The starting position against the caps, month by month (docs/optimizer.md §5.5, §5.6). */
export interface CapsAtStart {
  readonly months: readonly MonthKey[];
  /** Existing time deposits + CDs per bank outstanding at each month end (yuan, exact; the ledger's month-end snapshot). */
  readonly existingByBank: ReadonlyMap<string, readonly Decimal[]>;
  /** Every bank and cap the existing holdings break in at least one month. */
  readonly overCaps: readonly HoldingsOverCap[];
}

const memo = new WeakMap<Scenario, CapsAtStart>();

function isDefined<T>(x: T | undefined): x is T {
  return x !== undefined;
}

/**
 * Where the existing holdings alone break cap B or C: at a month end, a bank's existing time deposits + CDs
 * above β × its local general deposits (B), or above min(cap C, 1/minBanks) of all existing time deposits (C).
 * The LP gives such a bank no new money in those months (the cap stays for new money; the starting position
 * is not made the plan's fault, nor the whole plan infeasible), and `fundladder optimize` says so. Exact
 * (Decimal), so the LP's rows and the ledger's findings agree on which months are over. Holdings that matured
 * before the horizon are left out and a holding counts while its maturity date is on or after the first day of
 * the next month, as in the ledger and in `prepareLadderData`.
 * @param scenario - a validated scenario
 * @returns the existing time deposits per bank and month, and every (bank, cap) over in some month
 * @example holdingsOverCaps(tinyWith44PercentAtIcbc).overCaps.map((o) => [o.bankId, o.cap]) //=> [['icbc', 'C']]
 * @see docs/domain.md §8.1 [004] caps B and C; docs/optimizer.md §5.10
 */
export function holdingsOverCaps(scenario: Scenario): CapsAtStart {
  const cached = memo.get(scenario);
  if (cached) return cached;
  const months = monthKeyRange(scenario.startMonth, addMonthsToKey(scenario.startMonth, scenario.horizonMonths - 1));
  const horizonStart = firstDayOfMonth(scenario.startMonth);
  const nextMonthStarts = months.map((m) => firstDayOfMonth(addMonthsToKey(m, 1)));
  const existingByBank = new Map<string, Decimal[]>();
  for (const h of scenario.holdings) {
    if (!TERM_DEPOSIT_KINDS.includes(h.product) || !h.bankId) continue;
    const pos = positionFromHolding(h, scenario);
    if (compareDates(pos.maturityDate, horizonStart) < 0) continue;
    const row = existingByBank.get(h.bankId) ?? months.map(() => ZERO);
    // Plain loops in this function: it runs once a scenario (a sweep point), and callbacks made here lost their
    // optimized code at each full GC between points (docs/sweep.md §6).
    for (let t = 0; t < months.length; t++) if (compareDates(pos.maturityDate, nextMonthStarts[t]!) >= 0) row[t] = row[t]!.plus(pos.principal);
    existingByBank.set(h.bankId, row);
  }
  const totals = months.map((_, t) => sum([...existingByBank.values()].map((row) => row[t]!)));
  const { caps, minBanks } = scenario.policy;
  const shareC = fundShareWithMinBanks(caps.fundTimeDepositShare, minBanks);
  const overCaps: HoldingsOverCap[] = [];
  for (const [bankId, row] of existingByBank) {
    const bank = scenario.banks.find((b) => b.id === bankId);
    if (bank) {
      const limitB = bank.localGeneralDeposits.times(caps.bankLocalDepositShare);
      const overB: Array<Decimal | undefined> = [];
      for (const x of row) overB.push(x.gt(limitB) ? x.minus(limitB) : undefined);
      if (overB.some(isDefined)) overCaps.push({ bankId, cap: 'B', rule: 'bankLocalDepositCap', share: caps.bankLocalDepositShare, overByMonth: overB });
    }
    const overC: Array<Decimal | undefined> = [];
    for (let t = 0; t < row.length; t++) overC.push(aboveFundShareWithMinBanks(row[t]!, totals[t]!, caps.fundTimeDepositShare, minBanks) ? row[t]!.minus(totals[t]!.times(shareC)) : undefined);
    if (overC.some(isDefined)) overCaps.push({ bankId, cap: 'C', rule: 'fundTimeDepositShareCap', share: shareC, overByMonth: overC });
  }
  const result: CapsAtStart = { months, existingByBank, overCaps };
  memo.set(scenario, result);
  return result;
}

/** Whether the existing holdings at `bankId` are over cap `cap` at the end of month index `t` (see {@link holdingsOverCaps}). */
export function overAtStart(capsAtStart: CapsAtStart, bankId: string, cap: 'B' | 'C', t: number): boolean {
  return capsAtStart.overCaps.some((o) => o.bankId === bankId && o.cap === cap && o.overByMonth[t] !== undefined);
}
