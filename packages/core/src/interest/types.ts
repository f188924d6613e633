import type { Decimal } from '../money/decimal';
import type { IsoDate } from '../dates/isoDate';

/** An annual rate in force from a date on (a fraction: 0.0135 means 1.35% a year). */
export interface RatePoint {
  readonly effectiveFrom: IsoDate;
  readonly annualRate: Decimal;
}

/** A dated rate schedule, in any order; {@link rateOn} picks the point in force. */
export type RateSchedule = readonly RatePoint[];

/** A balance held from `from` (counted) to `to` (not counted), 算头不算尾. */
export interface BalanceSpan {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly balance: Decimal;
}

/**
 * What an interest rule returns: the unrounded interest (rounding happens once, at the ledger
 * boundary, with a named mode) and the formula as a person would write it on paper.
 */
export interface InterestComputation {
  /** Unrounded interest in yuan. */
  readonly interest: Decimal;
  /** The formula with the figures filled in, e.g. `1022000000 × 1.10% / 360`. */
  readonly formula: string;
  /** The rule's name, e.g. `accumulatedMethod`. */
  readonly rule: string;
  /** Where the rule comes from. */
  readonly source: string;
}

/** How a bank treats a rate change inside a settlement period (docs/domain.md §5.2). */
export type RateChangeMethod =
  /** Split the period at each change and apply each rate to its own days (BOC, 分段计息 [R33]). */
  | 'segmented'
  /** Apply the rate in force on the settlement date to the whole period (CIB [R34]). */
  | 'settlementDateRate';
