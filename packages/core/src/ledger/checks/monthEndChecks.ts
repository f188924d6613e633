import type { Decimal } from '../../money/decimal';
import type { MonthKey } from '../../dates/monthKey';
import type { DomainIssue } from '../../issues';
import type { Scenario } from '../../schemas/scenario';
import { trancheShareCap } from '../../rules/trancheShareCap';
import { bankLocalDepositCap } from '../../rules/bankLocalDepositCap';
import { fundTimeDepositShareCap } from '../../rules/fundTimeDepositShareCap';
import { minimumBankCount } from '../../rules/minimumBankCount';
import { reserveHeld } from '../../rules/reserveRequirement';
import { maxBondShare } from '../../rules/maxBondShare';

/** What the month-end checks look at. */
export interface MonthEndState {
  readonly month: MonthKey;
  readonly trancheByBank: ReadonlyMap<string, Decimal>;
  readonly timeDepositsByBank: ReadonlyMap<string, Decimal>;
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

export function checkMonthEnd(state: MonthEndState, scenario: Scenario): DomainIssue[] {
  return MONTH_END_CHECKS.flatMap((check) => check(state, scenario));
}
