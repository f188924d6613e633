import DecimalJs from 'decimal.js';

/**
 * The one Decimal class used by fundladder: 34 significant digits (IEEE decimal128), cloned so no
 * global `Decimal.set` leaks into other packages. Rounding is never left to this default: every
 * rounding call passes a named mode (see {@link ./rounding}).
 */
export const Decimal = DecimalJs.clone({ precision: 34, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Decimal = InstanceType<typeof Decimal>;

const DECIMAL_TEXT = /^-?(\d+)(\.\d+)?$/;

/**
 * Builds a Decimal from a decimal string or a safe integer; refuses garbage (NaN, Infinity, '',
 * '1e5', '1,000', fractional JS numbers). Throws: this is for values the program itself wrote.
 * Input from users goes through {@link parseDecimal}, which returns a result instead.
 *
 * @example dec('1234.56').toFixed(2) //=> '1234.56'
 * @example dec(0.1) // throws: a float is not money
 */
export function dec(value: string | number | Decimal): Decimal {
  if (value instanceof Decimal) return value;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new TypeError(`dec: ${value} is not a safe integer; pass a decimal string`);
    return new Decimal(value);
  }
  if (!DECIMAL_TEXT.test(value)) throw new TypeError(`dec: '${value}' is not a plain decimal string`);
  return new Decimal(value);
}

/**
 * Parses user input as a plain decimal string (`'1234.56'`, `'-3'`), never throwing.
 * @returns the Decimal, or `undefined` when the text is not a plain decimal.
 * @example parseDecimal('12.5')?.toString() //=> '12.5'
 * @example parseDecimal('1e3') //=> undefined
 */
export function parseDecimal(text: string): Decimal | undefined {
  return DECIMAL_TEXT.test(text) ? new Decimal(text) : undefined;
}

/** Zero, shared. Decimals are immutable, so sharing is safe. */
export const ZERO = new Decimal(0);

/** Sums Decimals exactly. @example sum([dec('0.1'), dec('0.2')]).toString() //=> '0.3' */
export function sum(values: Iterable<Decimal>): Decimal {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}

/** The larger of two Decimals. */
export function maxDecimal(a: Decimal, b: Decimal): Decimal {
  return a.gte(b) ? a : b;
}

/** The smaller of two Decimals. */
export function minDecimal(a: Decimal, b: Decimal): Decimal {
  return a.lte(b) ? a : b;
}
