import type { Decimal } from '../money/decimal';
import type { StatutoryRateRule } from '../rules/statutoryDemandRate';

/** The rate a fund can claim on a demand balance, and the rule that gives it. */
export interface ClaimedRate {
  /** The higher of the contract rate and every **confirmed** statutory rule that applies. */
  readonly annualRate: Decimal;
  /** `contractRate` when the contract governs (or ties), else the statutory rule's id (e.g. `pensionDemandAtThreeMonth`). */
  readonly rule: string;
  /** Where the governing rule comes from: the account's contract, or the notice. */
  readonly source: string;
  /**
   * The highest statutory rule marked unconfirmed, when it is above the claimed rate: shown beside the claim, never in
   * it (docs/domain.md: an unconfirmed rule is reported with `confirmed: false`, "so that nobody mistakes it for law").
   */
  readonly unconfirmed?: StatutoryRateRule;
}

/**
 * Which rate a bank owes on a fund's demand balance. Each statutory rule is a floor the fund is entitled to ("not
 * lower than"), and where several apply the highest governs; the contract rate is what the bank agreed to pay. So the
 * fund is owed the **higher** of the contract rate and the statutory floors. Only confirmed rules enter the claim; an
 * unconfirmed one above it is returned apart so a report can show it as a question, not a debt.
 *
 * @param input - the contract rate in force, and the statutory rules that apply to the account (`statutoryDemandRate(…).applicable`)
 * @returns the claimed rate with its rule and source, and the unconfirmed rule above it if any
 * @example claimedDemandRate({ contractRate: dec('0.0065'), statutory: [pension3m] }) //=> { annualRate: 0.011, rule: 'pensionDemandAtThreeMonth', … }
 * @see docs/domain.md §2.1 ("each rule is a floor … the highest governs"), §2.2 (contract rates are per-account inputs)
 */
export function claimedDemandRate(input: { contractRate: Decimal; statutory: readonly StatutoryRateRule[] }): ClaimedRate {
  const confirmed = input.statutory.filter((r) => r.confirmed);
  const topConfirmed = confirmed.reduce<StatutoryRateRule | undefined>((best, r) => (!best || r.annualRate.gt(best.annualRate) ? r : best), undefined);
  const claimed: ClaimedRate = topConfirmed && topConfirmed.annualRate.gt(input.contractRate)
    ? { annualRate: topConfirmed.annualRate, rule: topConfirmed.rule, source: topConfirmed.source }
    : { annualRate: input.contractRate, rule: 'contractRate', source: 'accounts[].contractRates (docs/domain.md §2.2)' };
  const topUnconfirmed = input.statutory.filter((r) => !r.confirmed).reduce<StatutoryRateRule | undefined>((best, r) => (!best || r.annualRate.gt(best.annualRate) ? r : best), undefined);
  return topUnconfirmed && topUnconfirmed.annualRate.gt(claimed.annualRate) ? { ...claimed, unconfirmed: topUnconfirmed } : claimed;
}
