import { z } from 'zod';
import { Decimal } from '@fundladder/core';

/**
 * The wire codec's building blocks (zod codecs: one schema, both directions). A result's decoded form holds `Decimal`s
 * and `Map`s, as the engine made them; its wire form is plain JSON — money as a decimal string to the fen, rates and
 * other exact figures as decimal strings, maps as objects — so a result can be stored, sent between threads
 * (`structuredClone`), diffed and decoded back unchanged.
 */

const MONEY_TEXT = /^-?\d+\.\d{2}$/;
const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;

/** Money: a `Decimal` of yuan at the fen ↔ `"1234.50"`. A value finer than the fen is refused (it is not money). */
export const money = z.codec(
  z.string().regex(MONEY_TEXT, 'money is a decimal string of yuan to the fen, e.g. "1234.50"'),
  z.instanceof(Decimal).refine((d) => d.isFinite() && d.decimalPlaces() <= 2, 'money is yuan to the fen'),
  { decode: (text) => new Decimal(text), encode: (d) => d.toFixed(2) },
);

/** An exact figure that is not money (a rate as a fraction, a share, days): a `Decimal` ↔ its full decimal string. */
export const exact = z.codec(
  z.string().regex(DECIMAL_TEXT, 'a decimal string, e.g. "0.0175"'),
  z.instanceof(Decimal).refine((d) => d.isFinite(), 'a finite decimal'),
  { decode: (text) => new Decimal(text), encode: (d) => d.toFixed() },
);

/** A map with string keys ↔ an object. */
export function stringMap<V extends z.ZodType>(value: V) {
  return z.codec(z.record(z.string(), value), z.map(z.string(), z.custom<z.output<V>>(() => true)), {
    decode: (record) => new Map(Object.entries(record)),
    encode: (map) => Object.fromEntries(map),
  });
}

/** A map with whole-number keys (terms in months) ↔ an object keyed by their decimal text. */
export function intMap<V extends z.ZodType>(value: V) {
  return z.codec(z.record(z.string().regex(/^-?\d+$/), value), z.map(z.int(), z.custom<z.output<V>>(() => true)), {
    decode: (record) => new Map(Object.entries(record).map(([k, v]) => [Number(k), v])),
    encode: (map) => Object.fromEntries([...map].map(([k, v]) => [String(k), v])),
  });
}

/** A core `DomainIssue`: plain text already, checked key by key. */
export const domainIssue = z.strictObject({
  code: z.string(),
  path: z.array(z.union([z.string(), z.number()])).readonly(),
  rule: z.string(),
  message: z.string(),
  received: z.string().optional(),
  limit: z.string().optional(),
  monthKey: z.string().optional(),
  date: z.string().optional(),
  bankId: z.string().optional(),
  subject: z.string().optional(),
  fundType: z.string().optional(),
  amount: z.string().optional(),
  suggestion: z.string().optional(),
  severity: z.literal('warning').optional(),
});

/**
 * A `DomainIssue` with its sentence for people in each language (`wordIssue`, from the message catalogue the CLI prints),
 * for the issues of a result that a front end shows as they come: the web app has no catalogue and reads `text`, as it
 * does on the API's problems. Optional: results stored before it was added have none.
 */
export const wordedIssue = domainIssue.extend({ text: z.strictObject({ zh: z.string(), en: z.string() }).optional() });
