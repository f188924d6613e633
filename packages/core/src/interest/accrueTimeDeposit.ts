import { type Decimal, ZERO } from '../money/decimal';
import type { DayBasis } from '../dates/dayCount';
import { type IsoDate, addMonthsToDate, compareDates } from '../dates/isoDate';
import type { InterestComputation } from './types';
import { simpleInterestForPeriod } from './simpleInterestForPeriod';
import { formatRate } from './formatRate';
import { withFormulaOnRead } from './lazyFormula';

/** Interest over the whole term: whole months under 30/360 (F3), the actual days otherwise. */
function termInterest(principal: Decimal, annualRate: Decimal, startDate: IsoDate, termMonths: number, maturityDate: IsoDate, basis: DayBasis): { interest: Decimal; formula: string } {
  if (basis === 'thirty360') {
    return withFormulaOnRead({ interest: principal.times(annualRate).times(termMonths).div(12) }, () => `${principal.toFixed()} × ${formatRate(annualRate)} × ${termMonths}/12`);
  }
  return simpleInterestForPeriod(principal, annualRate, startDate, maturityDate, basis);
}

/** How a time deposit (or CD) ended: held to maturity, withdrawn early, or left in the bank after maturity. */
export type TimeDepositOutcome = 'heldToMaturity' | 'earlyWithdrawal' | 'leftAfterMaturity';

/**
 * Interest on a lump-sum time deposit (整存整取) or large CD (大额存单), simple interest over the term:
 * - held to maturity: P × r × term — P × r × months / 12 under `thirty360` (whole months, F3), or
 *   P × r × actual days / 365 under `actual365` (ICBC's variant, [R40]);
 * - withdrawn early (提前支取): the whole principal at the **demand rate on the withdrawal day**
 *   for the days held, the contract rate lost [R29][R30];
 * - left in the bank after maturity: term interest plus the demand rate for the days after maturity
 *   (no automatic rollover assumed; a rollover is a new placement) [R31][R70].
 * No compounding inside a term (F6).
 *
 * @param input.endDate - the day the money is taken out; omit for exactly at maturity
 * @param input.demandRate - the demand rate on the withdrawal day (needed for early or late exit)
 * @see docs/domain.md §4.4 整存整取, §5.1 F3/F6; §5.3 worked examples E2 (50,000,000 × 3 × 1.25% = 1,875,000.00)
 *   and E3 (1,000,000 × 225 × 0.05% / 360 = 312.50; actual/365: 310.96)
 */
export function accrueTimeDeposit(input: {
  principal: Decimal;
  annualRate: Decimal;
  startDate: IsoDate;
  termMonths: number;
  basis: DayBasis;
  endDate?: IsoDate;
  demandRate?: Decimal;
}): InterestComputation & { outcome: TimeDepositOutcome; maturityDate: IsoDate; needsDemandRate: boolean } {
  const { principal, annualRate, startDate, termMonths, basis } = input;
  const maturityDate = addMonthsToDate(startDate, termMonths);
  const endDate = input.endDate ?? maturityDate;
  const source = 'docs/domain.md §4.4 整存整取, §5.1 F3/F6 [R29][R30][R31]';
  const cmp = compareDates(endDate, maturityDate);


  if (cmp === 0) {
    const t = termInterest(principal, annualRate, startDate, termMonths, maturityDate, basis);
    return withFormulaOnRead({ interest: t.interest, rule: 'timeDeposit/heldToMaturity', source, outcome: 'heldToMaturity' as const, maturityDate, needsDemandRate: false }, () => t.formula);
  }
  const demandRate = input.demandRate;
  if (demandRate === undefined) {
    return {
      interest: ZERO,
      formula: 'demand rate on the withdrawal day is required',
      rule: cmp < 0 ? 'timeDeposit/earlyWithdrawal' : 'timeDeposit/leftAfterMaturity',
      source,
      outcome: cmp < 0 ? 'earlyWithdrawal' : 'leftAfterMaturity',
      maturityDate,
      needsDemandRate: true,
    };
  }
  if (cmp < 0) {
    const early = simpleInterestForPeriod(principal, demandRate, startDate, endDate, basis);
    return { interest: early.interest, formula: early.formula, rule: 'timeDeposit/earlyWithdrawal', source, outcome: 'earlyWithdrawal', maturityDate, needsDemandRate: false };
  }
  const t = termInterest(principal, annualRate, startDate, termMonths, maturityDate, basis);
  const after = simpleInterestForPeriod(principal, demandRate, maturityDate, endDate, basis);
  return {
    interest: t.interest.plus(after.interest),
    formula: `${t.formula} + ${after.formula}`,
    rule: 'timeDeposit/leftAfterMaturity',
    source,
    outcome: 'leftAfterMaturity',
    maturityDate,
    needsDemandRate: false,
  };
}

/**
 * Partial early withdrawal: the withdrawn part earns the demand rate for the days held; the rest
 * stays at the original rate to maturity (banks allow one partial withdrawal [R29][R70]).
 * @returns the interest on the withdrawn part now, and the principal that remains on deposit
 */
export function splitEarlyWithdrawal(input: {
  principal: Decimal;
  withdrawnAmount: Decimal;
  startDate: IsoDate;
  withdrawOn: IsoDate;
  demandRate: Decimal;
  basis: DayBasis;
}): { withdrawnInterest: Decimal; remainingPrincipal: Decimal; formula: string } {
  const part = simpleInterestForPeriod(input.withdrawnAmount, input.demandRate, input.startDate, input.withdrawOn, input.basis);
  return { withdrawnInterest: part.interest, remainingPrincipal: input.principal.minus(input.withdrawnAmount), formula: part.formula };
}
