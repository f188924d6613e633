import { z } from 'zod';
import {
  type DomainIssue, type IsoDate, type Result, AMOUNT_WARN_FROM_YUAN, DAY_BASES, Decimal, LEDGER_ROUNDING, ZERO, accrueAgreedDeposit, accrueCallDeposit,
  accrueDemandDeposit, accrueTimeDeposit, actualDaysBetween, bondAccruedInterest, bondCoupon, bondCouponDates, compareDates, parseInput, parseIsoDate,
  wholeMonthsAndOddDays,
} from '@fundladder/core';
import { exact, money } from '../wire/codecs';
import type { JobContext } from './context';

const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;
const required = (what: string) => (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : `is not ${what}`);

/** Yuan as typed: a plain decimal, not negative, below 10¹⁵ (more than all deposits in China). */
const yuanText = z
  .string({ error: required('text') })
  .regex(DECIMAL_TEXT, 'is not a plain decimal number')
  .transform((t) => new Decimal(t))
  .pipe(
    z.instanceof(Decimal)
      .refine((d) => d.gte(0), { error: 'may not be negative', params: { rule: 'nonNegativeAmount' } })
      .refine((d) => d.lt(AMOUNT_WARN_FROM_YUAN), { error: 'is 10^15 yuan or more (more than all deposits in China)', params: { rule: 'plausibleAmount' } }),
  );

/** A rate as a fraction; above 0.2 it was typed as a percentage. */
const rateText = yuanText.pipe(z.instanceof(Decimal).refine((d) => d.lte('0.2'), { error: 'looks like a percentage; rates are fractions (0.0135 = 1.35%)', params: { rule: 'rateAsFraction' } }));

const dayText = z
  .string({ error: required('text') })
  .refine((t) => parseIsoDate(t) !== undefined, { error: 'is not a day YYYY-MM-DD', params: { rule: 'isoDate' } })
  .transform((t) => t as IsoDate);

export const INTEREST_PRODUCTS = ['demand', 'time', 'agreed', 'notice', 'cd', 'bond'] as const;

/**
 * One interest computation by the rule (docs/interest-conventions.md "The rules"; docs/domain.md §5.1 F1–F6): amounts
 * in yuan and rates as fractions, as decimal strings; days `YYYY-MM-DD`, the first counted and the last not.
 */
export const interestRequest = z.strictObject({
  kind: z.literal('interest'),
  product: z.enum(INTEREST_PRODUCTS, { error: (i) => (i.input === undefined ? 'is required' : `is not one of ${INTEREST_PRODUCTS.join(', ')}`) }),
  principal: yuanText,
  annualRate: rateText,
  from: dayText,
  to: dayText,
  /** The term (time deposit, CD, bond); default the whole months from `from` to `to`. Terms as in scenarios, at most 50 years. */
  termMonths: z.int().min(1).max(600).optional(),
  /** A time deposit or CD withdrawn on this day (early, or after maturity). */
  withdrawOn: dayText.optional(),
  /** An agreed deposit's base amount, which earns the demand rate. */
  baseAmount: yuanText.optional(),
  demandRate: rateText.optional(),
  /** Coupons a year of a bond (0 = at maturity). */
  couponFrequency: z.int().refine((n) => [0, 1, 2, 4, 12].includes(n), 'is not 0 (at maturity), 1, 2, 4 or 12').optional(),
  dayBasis: z.enum(DAY_BASES, { error: `is not one of ${DAY_BASES.join(', ')}` }).default('thirty360'),
});
export type InterestRequest = z.input<typeof interestRequest>;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** What each product's rule worked with, besides the interest itself. */
export const interestDetail = z.discriminatedUnion('kind', [
  /** Demand deposit, accumulated method: the balance held `days` days (积数 = principal × days). */
  z.strictObject({ kind: z.literal('demand'), days: z.int(), balanceDays: exact }),
  /** Time deposit or CD: how it ended (held to maturity, withdrawn early, left after maturity) and on which day. */
  z.strictObject({ kind: z.literal('term'), termMonths: z.int(), maturityDate: day, endDate: day, outcome: z.enum(['heldToMaturity', 'earlyWithdrawal', 'leftAfterMaturity']), demandRate: exact.optional() }),
  z.strictObject({ kind: z.literal('agreed'), baseAmount: exact, demandRate: exact }),
  z.strictObject({ kind: z.literal('notice'), days: z.int() }),
  /** Bond: the coupons paid in (from, to], each rounded to the fen, and the interest accrued since the last. */
  z.strictObject({ kind: z.literal('bond'), couponFrequency: z.int(), termMonths: z.int(), couponsPaid: z.array(day), coupon: money, accrued: exact }),
]);

export const interestResult = z.strictObject({
  kind: z.literal('interest'),
  product: z.enum(INTEREST_PRODUCTS),
  principal: exact,
  annualRate: exact,
  from: day,
  to: day,
  dayBasis: z.enum(DAY_BASES),
  /** The interest to the fen, rounded once by the ledger's named rule. */
  interest: money,
  unrounded: exact,
  /** The rounding rule's name (`LEDGER_ROUNDING`: to the li, then half up to the fen). */
  rounding: z.string(),
  /** The formula with the figures filled in, as on paper (core's rule gives it). */
  formula: z.string(),
  rule: z.string(),
  source: z.string(),
  detail: interestDetail,
});
export type InterestResult = z.output<typeof interestResult>;
type Computed = Pick<InterestResult, 'unrounded' | 'formula' | 'rule' | 'source' | 'detail'>;

const problem = (field: string, message: string, received?: string): DomainIssue => ({ code: 'invalid_value', path: [field], rule: 'interestInput', message, ...(received !== undefined ? { received } : {}) });

/**
 * The interest job: one rule per product, the interest unrounded and to the fen with the formula, so that a fund manager
 * can check a bank statement. Every problem with the input is an issue naming its field (all of them, not the first).
 */
export async function runInterest(request: InterestRequest, _context: JobContext = {}): Promise<Result<InterestResult>> {
  const parsed = parseInput(interestRequest, request);
  if (!parsed.ok) return parsed;
  const r = parsed.value;
  const { principal, annualRate, from, to, dayBasis: basis, withdrawOn, demandRate } = r;
  if (compareDates(to, from) <= 0) return { ok: false, issues: [problem('to', 'is not after the start day (from)', to)] };
  let computed: Computed | DomainIssue[];
  switch (r.product) {
    case 'demand': {
      const c = accrueDemandDeposit({ spans: [{ from, to, balance: principal }], rates: [{ effectiveFrom: from, annualRate }], basis, rateChangeMethod: 'segmented', settlementDate: to });
      const days = actualDaysBetween(from, to);
      computed = { unrounded: c.interest, formula: c.formula, rule: c.rule, source: c.source, detail: { kind: 'demand', days, balanceDays: principal.times(days) } };
      break;
    }
    case 'time':
    case 'cd': {
      const termMonths = r.termMonths ?? wholeMonthsAndOddDays(from, to).months;
      if (termMonths < 1) {
        computed = [problem('termMonths', 'is required: from `from` to `to` is less than a whole month')];
        break;
      }
      const c = accrueTimeDeposit({ principal, annualRate, startDate: from, termMonths, basis, endDate: withdrawOn ?? to, ...(demandRate ? { demandRate } : {}) });
      if (c.needsDemandRate) {
        computed = [problem('demandRate', `is required: ${c.outcome === 'earlyWithdrawal' ? 'early withdrawal' : 'money left after maturity'} is paid at the demand rate`)];
        break;
      }
      computed = { unrounded: c.interest, formula: c.formula, rule: c.rule, source: c.source, detail: { kind: 'term', termMonths, maturityDate: c.maturityDate, endDate: withdrawOn ?? to, outcome: c.outcome, ...(demandRate ? { demandRate } : {}) } };
      break;
    }
    case 'agreed': {
      const missing = [...(r.baseAmount ? [] : [problem('baseAmount', 'is required for an agreed deposit')]), ...(demandRate ? [] : [problem('demandRate', 'is required for an agreed deposit (the base earns it)')])];
      if (missing.length || !r.baseAmount || !demandRate) {
        computed = missing;
        break;
      }
      const c = accrueAgreedDeposit({ spans: [{ from, to, balance: principal }], baseAmount: r.baseAmount, agreedRate: annualRate, demandRate, basis });
      computed = { unrounded: c.interest, formula: c.formula, rule: c.rule, source: c.source, detail: { kind: 'agreed', baseAmount: r.baseAmount, demandRate } };
      break;
    }
    case 'notice': {
      const c = accrueCallDeposit({ principal, withdrawalDayRate: annualRate, startDate: from, endDate: to, basis });
      computed = { unrounded: c.interest, formula: c.formula, rule: c.rule, source: c.source, detail: { kind: 'notice', days: actualDaysBetween(from, to) } };
      break;
    }
    case 'bond':
      computed = bondInterest(principal, annualRate, from, to, r.couponFrequency ?? 1, r.termMonths ?? Math.max(wholeMonthsAndOddDays(from, to).months, 1));
      break;
  }
  if (Array.isArray(computed)) return { ok: false, issues: computed };
  const value: InterestResult = { kind: 'interest', product: r.product, principal, annualRate, from, to, dayBasis: basis, interest: LEDGER_ROUNDING.apply(computed.unrounded), rounding: LEDGER_ROUNDING.name, ...computed };
  const checked = interestResult.safeEncode(value);
  if (!checked.success) return { ok: false, issues: checked.error.issues.map((i) => ({ code: 'internal', path: ['result', ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], rule: 'resultSchema', message: i.message })) };
  return { ok: true, value };
}

/** A book-entry bond (记账式国债): the coupons paid in (from, to], each to the fen, plus the interest accrued on `to`. */
function bondInterest(face: Decimal, rate: Decimal, from: IsoDate, to: IsoDate, frequency: number, termMonths: number): Computed {
  const dates = bondCouponDates(from, termMonths, frequency);
  const paid = dates.filter((d) => compareDates(d, to) <= 0);
  const coupon = frequency === 0 ? { interest: face.times(rate).times(termMonths).div(12), formula: `${face.toFixed()} × ${rate.times(100).toFixed()}% × ${termMonths}/12` } : bondCoupon({ face, couponRate: rate, couponFrequency: frequency });
  const next = dates.find((d) => compareDates(d, to) > 0);
  const last = paid.at(-1) ?? from;
  const accrued = next && frequency > 0 ? bondAccruedInterest({ face, couponRate: rate, couponFrequency: frequency, lastCouponDate: last, nextCouponDate: next, onDate: to }) : { interest: ZERO, formula: '0' };
  const couponFen = LEDGER_ROUNDING.apply(coupon.interest);
  return {
    unrounded: couponFen.times(paid.length).plus(accrued.interest),
    formula: `${paid.length} × (${coupon.formula})${accrued.interest.isZero() ? '' : ` + ${accrued.formula}`}`,
    rule: 'govBond/coupon',
    source: 'docs/domain.md §4.6 记账式国债, §5.3 E6; accrued: CFFEX 2013-09-03 (actual/actual)',
    detail: { kind: 'bond', couponFrequency: frequency, termMonths, couponsPaid: [...paid], coupon: couponFen, accrued: accrued.interest },
  };
}
