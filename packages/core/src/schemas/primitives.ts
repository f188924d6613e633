import { z } from 'zod';
import { Decimal } from '../money/decimal';
import { type MonthKey, MONTH_KEY_PATTERN } from '../dates/monthKey';
import { type IsoDate, parseIsoDate } from '../dates/isoDate';

/** Highest annual rate accepted as a fraction. A rate above it was almost surely typed in percent. */
export const MAX_PLAUSIBLE_ANNUAL_RATE = '0.2';

const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;

/**
 * Money on the wire: a decimal string in yuan with at most 2 places (分), not negative.
 * Decoded to a `Decimal`.
 */
export const moneyString = z
  .string({ error: 'money is a decimal string in yuan, e.g. "1234.56"' })
  .regex(DECIMAL_TEXT, { error: 'not a plain decimal string (no exponent, no thousands separators)' })
  .refine((s) => !s.startsWith('-'), { error: 'an amount of money may not be negative', params: { rule: 'nonNegativeAmount' } })
  .refine((s) => (s.split('.')[1]?.length ?? 0) <= 2, { error: 'money has at most 2 decimal places (分)', params: { rule: 'toTheFen' } })
  .transform((s) => new Decimal(s));

/**
 * An annual rate as a fraction (0.0135 = 1.35% a year), given as a decimal string or a JSON number.
 * Refuses values above {@link MAX_PLAUSIBLE_ANNUAL_RATE}: 1.35 was meant as 0.0135.
 */
export const annualRate = z
  .union([z.string().regex(DECIMAL_TEXT, { error: 'not a plain decimal string' }), z.number().finite()], {
    error: 'an annual rate is a fraction, e.g. "0.0135" for 1.35%',
  })
  .transform((v) => new Decimal(typeof v === 'number' ? String(v) : v))
  .refine((d) => d.gte(0), { error: 'a rate may not be negative', params: { rule: 'nonNegativeRate' } })
  .refine((d) => d.lte(MAX_PLAUSIBLE_ANNUAL_RATE), {
    error: 'rates are fractions, not percentages: 1.35 means 135% a year; write 0.0135 for 1.35%',
    params: { rule: 'rateAsFraction' },
  });

/** A share (0..1) as a decimal string or number, e.g. a cap of 25% is "0.25". */
export const shareFraction = z
  .union([z.string().regex(DECIMAL_TEXT), z.number().finite()])
  .transform((v) => new Decimal(typeof v === 'number' ? String(v) : v))
  .refine((d) => d.gte(0) && d.lte(1), { error: 'a share is a fraction between 0 and 1 (0.25 = 25%)', params: { rule: 'shareAsFraction' } });

/** A month key `YYYY-MM` (01..12). */
export const monthKeySchema = z
  .string({ error: 'a month is a string YYYY-MM' })
  .refine((s) => MONTH_KEY_PATTERN.test(s), { error: 'a month is YYYY-MM with a month 01..12', params: { rule: 'monthKey' } })
  .transform((s) => s as MonthKey);

/** A calendar day `YYYY-MM-DD` that exists. */
export const isoDateSchema = z
  .string({ error: 'a day is a string YYYY-MM-DD' })
  .refine((s) => parseIsoDate(s) !== undefined, { error: 'a day is YYYY-MM-DD and must exist in the calendar', params: { rule: 'isoDate' } })
  .transform((s) => s as IsoDate);

/** An identifier: letters, digits, `-` and `_`, starting with a letter. */
export const idSchema = z
  .string()
  .refine((s) => /^[A-Za-z][A-Za-z0-9_-]{0,63}$/.test(s), { error: 'an id is 1–64 letters, digits, - or _, starting with a letter', params: { rule: 'identifier' } });

/** A positive whole number of months. */
export const termMonthsSchema = z.number().int({ error: 'a term is a whole number of months' }).min(1).max(600);

/**
 * Coupons a year: 0 (all at maturity) or a number that divides 12 months evenly (1, 2, 3, 4, 6, 12), so
 * every coupon falls on a whole month (记账式国债 pay once or twice a year, docs/domain.md §4.6 [R44]).
 */
export const couponFrequencySchema = z
  .number()
  .int()
  .refine((n) => [0, 1, 2, 3, 4, 6, 12].includes(n), { error: 'coupons a year are 0 (at maturity) or 1, 2, 3, 4, 6 or 12', params: { rule: 'couponFrequency' } });
