import { Decimal } from './decimal';

/** A named rounding step: how many places, and which mode. Passed at the call site, never implied. */
export interface RoundingRule {
  readonly name: string;
  /** Decimal places kept after the last step. */
  readonly places: number;
  apply(value: Decimal): Decimal;
}

/** Round half up (四舍五入) to `places`. */
export function halfUp(places: number): RoundingRule {
  return { name: `halfUp(${places})`, places, apply: (v) => v.toDecimalPlaces(places, Decimal.ROUND_HALF_UP) };
}

/** Round half to even (banker's rounding) to `places`. Not used by Chinese banks; offered for comparison. */
export function halfEven(places: number): RoundingRule {
  return { name: `halfEven(${places})`, places, apply: (v) => v.toDecimalPlaces(places, Decimal.ROUND_HALF_EVEN) };
}

/** Truncate toward zero to `places`. */
export function down(places: number): RoundingRule {
  return { name: `down(${places})`, places, apply: (v) => v.toDecimalPlaces(places, Decimal.ROUND_DOWN) };
}

/**
 * `LEDGER_ROUNDING`: interest is computed to the 厘 (0.001 yuan), then rounded half up to the 分
 * (0.01 yuan) — "计算到厘，四舍五入到分". Applied once per posting, at the ledger boundary.
 *
 * @see docs/domain.md §5.1 F5 (savings rules [R38]; corporate practice unconfirmed, so this
 *   is a named choice that a bank convention can replace).
 * @example LEDGER_ROUNDING.apply(dec('31227.7777')).toFixed(2) //=> '31227.78'
 */
export const LEDGER_ROUNDING: RoundingRule = {
  name: 'liThenFenHalfUp',
  places: 2,
  apply: (v) => v.toDecimalPlaces(3, Decimal.ROUND_HALF_UP).toDecimalPlaces(2, Decimal.ROUND_HALF_UP),
};

/** Rounds an amount of money to the 分 with the given named rule (default {@link LEDGER_ROUNDING}). */
export function roundToFen(value: Decimal, rule: RoundingRule = LEDGER_ROUNDING): Decimal {
  return rule.apply(value);
}
