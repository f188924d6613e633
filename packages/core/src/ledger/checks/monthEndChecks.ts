import { type Decimal, ZERO, sum } from '../../money/decimal';
import type { MonthKey } from '../../dates/monthKey';
import type { DomainIssue } from '../../issues';
import type { Scenario } from '../../schemas/scenario';
import { trancheShareCap } from '../../rules/trancheShareCap';
import { bankLocalDepositCap } from '../../rules/bankLocalDepositCap';
import { aboveFundShareWithMinBanks, fundTimeDepositShareCap } from '../../rules/fundTimeDepositShareCap';
import { minimumBankCount } from '../../rules/minimumBankCount';
import { reserveHeld } from '../../rules/reserveRequirement';
import { maxBondShare } from '../../rules/maxBondShare';

/** What the month-end checks look at. */
export interface MonthEndState {
  readonly month: MonthKey;
  readonly trancheByBank: ReadonlyMap<string, Decimal>;
  /** Outstanding time deposits + CDs per bank: existing holdings and the plan's placements together. */
  readonly timeDepositsByBank: ReadonlyMap<string, Decimal>;
  /** The plan's part of `timeDepositsByBank` (its own placements still outstanding); the rest is the starting position. */
  readonly placedTimeDepositsByBank: ReadonlyMap<string, Decimal>;
  /** Liquid money (cash + call + agreed) and the reserve, per scope ('total' or a fund type). */
  readonly reserve: ReadonlyArray<{ scope: string; liquid: Decimal; required: Decimal }>;
  readonly bonds: Decimal;
  readonly placedTotal: Decimal;
}

export type MonthEndCheck = (state: MonthEndState, scenario: Scenario) => DomainIssue[];

const one = (issue: DomainIssue | undefined): DomainIssue[] => (issue ? [issue] : []);

/** Every month-end rule: the three bank caps [004], minimum banks, the reserve, the bond share. */
export const MONTH_END_CHECKS: readonly MonthEndCheck[] = [
  (st, s) => trancheShareCap(st.month, st.trancheByBank, s.policy.caps.trancheShare),
  (st, s) =>
    [...st.timeDepositsByBank].flatMap(([bankId, outstanding]) => {
      const bank = s.banks.find((b) => b.id === bankId);
      return bank ? one(bankLocalDepositCap(st.month, bankId, outstanding, bank.localGeneralDeposits, s.policy.caps.bankLocalDepositShare)) : [];
    }),
  (st, s) => fundTimeDepositShareCap(st.month, st.timeDepositsByBank, s.policy.caps.fundTimeDepositShare),
  (st, s) => one(minimumBankCount(st.month, st.timeDepositsByBank, s.policy.minBanks)),
  (st) => st.reserve.flatMap((r) => one(reserveHeld(st.month, r.liquid, r.required, r.scope))),
  (st, s) => one(maxBondShare(st.month, st.bonds, st.placedTotal, s.policy.maxBondShare)),
];

/**
 * Whether the starting position alone breaks cap C as the LP reads it in this month: some bank's existing
 * time deposits above min(cap C, 1/minBanks) of all existing time deposits. Then cap C no longer implies the
 * minimum bank count (docs/optimizer.md §5.6), and a short count is the starting position's.
 */
function startingPositionOverCapC(state: MonthEndState, scenario: Scenario): boolean {
  const existing = [...state.timeDepositsByBank].map(([bankId, amount]) => amount.minus(state.placedTimeDepositsByBank.get(bankId) ?? ZERO));
  const total = sum(existing);
  if (total.lte(ZERO)) return false;
  return existing.some((amount) => aboveFundShareWithMinBanks(amount, total, scenario.policy.caps.fundTimeDepositShare, scenario.policy.minBanks));
}

/**
 * A cap issue that the plan did not cause, restated as a finding about the starting position: cap B or C
 * broken at a bank where the plan holds nothing (its existing holdings alone are over; the plan adds no
 * money there), or too few banks while the plan holds no time deposits or the starting position is itself
 * over cap C. Everything else stays an issue — in particular any money the plan adds to a bank over a cap.
 */
function startingPosition(issue: DomainIssue, state: MonthEndState, scenario: Scenario): DomainIssue | undefined {
  if ((issue.rule === 'fundTimeDepositShareCap' || issue.rule === 'bankLocalDepositCap') && issue.bankId !== undefined) {
    if ((state.placedTimeDepositsByBank.get(issue.bankId) ?? ZERO).gt(ZERO)) return undefined;
    return { ...issue, code: 'holding_over_cap', message: `${issue.message}; these are existing holdings (the starting position), the plan adds no money there` };
  }
  if (issue.rule === 'minimumBankCount') {
    const placed = sum(state.placedTimeDepositsByBank.values());
    if (placed.gt(ZERO) && !startingPositionOverCapC(state, scenario)) return undefined;
    return { ...issue, code: 'holdings_too_few_banks', message: `${issue.message}; the starting position's time deposits are that concentrated, not the plan's` };
  }
  return undefined;
}

/**
 * Runs every month-end check and sorts what it finds: rules the plan breaks (`issues`), and caps the
 * starting position already breaks without the plan adding to them (`findings`, see {@link startingPosition}).
 * Every comparison is exact (Decimal, no tolerance).
 * @returns the plan's issues and the starting position's findings for the month
 */
export function checkMonthEnd(state: MonthEndState, scenario: Scenario): { issues: DomainIssue[]; findings: DomainIssue[] } {
  const issues: DomainIssue[] = [];
  const findings: DomainIssue[] = [];
  for (const issue of MONTH_END_CHECKS.flatMap((check) => check(state, scenario))) {
    const finding = startingPosition(issue, state, scenario);
    if (finding) findings.push(finding);
    else issues.push(issue);
  }
  return { issues, findings };
}
