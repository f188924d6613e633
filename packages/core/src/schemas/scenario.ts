import { z } from 'zod';
import { DAY_BASES } from '../dates/dayCount';
import { annualRate, couponFrequencySchema, idSchema, isoDateSchema, monthKeySchema, moneyString, shareFraction, termMonthsSchema } from './primitives';
import { accountKindSchema, bankTypeSchema, bondKindSchema, fundTypeSchema, placeableKindSchema, productKindSchema, vintageSchema } from './enums';
import { tenderSchema } from '../tender/schema';

/** Where a figure comes from (a notice, a bank's rate sheet, a contract), carried with the data. */
const source = z.string().optional();
const ratePoint = z.strictObject({ effectiveFrom: isoDateSchema, annualRate, source });

/** A bank's interest conventions where banks differ (docs/domain.md §5.2). Defaults: the Chinese 30/360 rule, segmented accrual. */
export const bankConventionsSchema = z
  .strictObject({
    /** 30/360 with whole months (F1/F4) by default; `actual365` for banks that use it [R40]. */
    dayBasis: z.enum(DAY_BASES).default('thirty360'),
    /** BOC splits at rate changes [R33] (default); CIB applies the settlement-date rate [R34]. */
    rateChangeMethod: z.enum(['segmented', 'settlementDateRate']).default('segmented'),
  })
  .default({ dayBasis: 'thirty360', rateChangeMethod: 'segmented' });

/** A bank's quoted rate for a product and term, in force from a date. */
export const quoteSchema = z.strictObject({
  product: productKindSchema,
  termMonths: termMonthsSchema.optional(),
  annualRate,
  effectiveFrom: isoDateSchema,
  source,
});

export const bankSchema = z.strictObject({
  id: idSchema,
  name: z.string().min(1),
  type: bankTypeSchema,
  /** Regulator's rating or the tender score, as text (e.g. CBIRC composite 2, PBOC rating A). */
  rating: z.string().optional(),
  /** The bank's general deposits in the area (一般性存款), the base of cap B [004]. */
  localGeneralDeposits: moneyString,
  status: z.enum(['eligible', 'suspended']),
  suspendedReason: z.string().optional(),
  conventions: bankConventionsSchema,
  quotes: z.array(quoteSchema),
});

/** An account at a bank, with its dated contract demand rate (docs/domain.md §2.2: a per-bank input). */
export const accountSchema = z.strictObject({
  id: idSchema,
  kind: accountKindSchema,
  fundType: fundTypeSchema,
  bankId: idSchema,
  openingBalance: moneyString,
  /** Medical-fund money only: this year's, carried over, or settled in the 财政专户 [R6]. */
  vintage: vintageSchema.optional(),
  /** The rate the bank contracted to pay on this account's demand balance, dated. */
  contractRates: z.array(ratePoint).min(1, { error: 'an account needs at least one contract rate' }),
  /**
   * An agreed-deposit (协定) contract on this account: base at the demand rate, excess at the agreed
   * rate. These rates price this account's balance; a bank's `agreedDeposit` quote prices new
   * agreed-deposit placements the plan makes.
   */
  agreed: z.strictObject({ baseAmount: moneyString, agreedRates: z.array(ratePoint).min(1) }).optional(),
  /** The account that receives the fund type's flows and funds its placements (one per fund type). */
  settlement: z.boolean().default(false),
});

/** A deposit or bond the fund already holds at the start. */
export const holdingSchema = z.strictObject({
  id: idSchema,
  fundType: fundTypeSchema,
  product: placeableKindSchema,
  bankId: idSchema.optional(),
  principal: moneyString,
  annualRate,
  startDate: isoDateSchema,
  termMonths: termMonthsSchema,
  couponFrequency: couponFrequencySchema.optional(),
  bondKind: bondKindSchema.optional(),
});

const DEFAULT_TIME_TERMS = [3, 6, 12, 24, 36, 60];
/** Large-CD terms: 9 standard terms from 1 month to 5 years; the exact list is unconfirmed (docs/domain.md §4.5). */
const DEFAULT_CD_TERMS = [1, 3, 6, 9, 12, 18, 24, 36, 60];
const DEFAULT_BOND_TERMS = [12, 24, 36, 60, 84, 120];

/** Product parameters, with defaults from docs/domain.md §4.7. */
export const productsSchema = z
  .strictObject({
    timeDeposit: z
      .strictObject({ termsMonths: z.array(termMonthsSchema).default(DEFAULT_TIME_TERMS), minimumAmount: moneyString.prefault('10000') })
      .prefault({}),
    largeCd: z
      .strictObject({
        termsMonths: z.array(termMonthsSchema).default(DEFAULT_CD_TERMS),
        /** Institutions: at least 10,000,000 per CD (PBOC interim measures 2015 [R41][R42]). */
        minimumLot: moneyString.prefault('10000000'),
        /** Increment above the minimum, if the bank sets one (no source: docs/domain.md §4.5); omitted = any amount. */
        lotIncrement: moneyString.optional(),
      })
      .prefault({}),
    callDeposit: z
      .strictObject({
        /** Corporate minimum 500,000 (PSBC, CIB [R27][R28]). */
        minimumAmount: moneyString.prefault('500000'),
        /** Minimum withdrawal 100,000 [R27]. */
        minimumWithdrawal: moneyString.prefault('100000'),
      })
      .prefault({}),
    agreedDeposit: z
      .strictObject({ minimumBase: moneyString.prefault('10000') })
      .prefault({}),
    govBond: z
      .strictObject({ termsMonths: z.array(termMonthsSchema).default(DEFAULT_BOND_TERMS) })
      .default({ termsMonths: DEFAULT_BOND_TERMS }),
  })
  .prefault({});

/** Book-entry bond yields at par, by term (docs/domain.md §6.5), with the coupon frequency of that term. */
export const bondYieldSchema = z.strictObject({
  termMonths: termMonthsSchema,
  annualRate,
  couponFrequency: couponFrequencySchema,
  effectiveFrom: isoDateSchema,
  source,
});

export const reserveRuleSchema = z.discriminatedUnion('rule', [
  /** Keep liquid at least the payouts of the next N months (国发〔1997〕26号: 2 months [R9]). */
  z.strictObject({ rule: z.literal('monthsOfPayouts'), months: z.number().int().min(0).max(36) }),
  /** Keep liquid at least a fixed amount. */
  z.strictObject({ rule: z.literal('fixedAmount'), amount: moneyString }),
]);

/** Policy: reserve rule, the three bank caps of [004], and eligibility. Defaults as docs/domain.md §7 and §8. */
export const policySchema = z.strictObject({
  reserve: reserveRuleSchema.default({ rule: 'monthsOfPayouts', months: 2 }),
  caps: z
    .strictObject({
      /** Cap A: one bank's share of a month's new time deposits (tranche) ≤ 25% [004]. */
      trancheShare: shareFraction.prefault('0.25'),
      /** Cap B: one bank's outstanding time deposits ≤ 20% of its local general deposits [004]. */
      bankLocalDepositShare: shareFraction.prefault('0.20'),
      /** Cap C: one bank's outstanding time deposits ≤ 20% of the fund's outstanding time deposits [004]. */
      fundTimeDepositShare: shareFraction.prefault('0.20'),
    })
    .prefault({}),
  /** Minimum number of banks holding time deposits whenever any are held ([004] implies 5 under cap C). */
  minBanks: z.number().int().min(0).max(100).default(5),
  /** Lowest quote eligible for new money (起存利率 [004], value not stated: none by default). */
  minQuoteRate: annualRate.optional(),
  allowedProducts: z.array(placeableKindSchema).default(['agreedDeposit', 'callDeposit1d', 'callDeposit7d', 'timeDeposit', 'largeCd', 'govBond']),
  maxTermMonths: termMonthsSchema.default(60),
  /** Largest share of bonds in all placed money (none by default). */
  maxBondShare: shareFraction.prefault('1'),
  /** Keep each fund type's cash apart (a placement must name its fund type). */
  keepFundTypesApart: z.boolean().default(false),
  /**
   * The optimizer's reserve from the forecast (docs/optimizer.md §3.4): at each month also keep liquid the `quantile` of the
   * next `months` months' net outflow over the forecast's joint paths (whichever of this and `reserve` is larger).
   * Absent: only `reserve`. The ledger checks `reserve` (core does not forecast); the CLI's --reserve-quantile and
   * --reserve-months override these values.
   */
  reserveForecast: z
    .strictObject({
      quantile: z.number().gt(0, { error: 'a quantile is between 0 and 1, e.g. 0.95' }).lt(1, { error: 'a quantile is between 0 and 1, e.g. 0.95' }),
      months: z.number().int().min(1).max(36).default(3),
    })
    .optional(),
  /**
   * Safe plans (docs/optimizer.md §16): if the plan is followed without re-planning, every fund type pays every payout on the
   * day it is due on at least `confidence` of the forecast's paths, over the first `horizonMonths` months (all
   * of them when absent), except where its own money would run out even with nothing placed (a structural gap,
   * reported, not planned against). `confidence: 0` plans on the mean flows alone (no safety rows).
   * `perFundType` (default on) measures each fund type on its own money (分别建账、分账核算); off, the fund
   * is measured as one pool. Checked by the optimizer on forecast paths; the CLI's --confidence overrides it.
   */
  safety: z
    .strictObject({
      confidence: z
        .number()
        .min(0, { error: 'a confidence is a share of paths between 0 and 1, e.g. 0.99 (0 = plan on the mean flows)' })
        .lt(1, { error: 'a confidence is below 1: no finite set of paths shows certainty, e.g. 0.99' })
        .default(0.99),
      horizonMonths: z.number().int().min(1).max(600).optional(),
      perFundType: z.boolean().default(true),
    })
    .prefault({}),
  /**
   * What happens at the horizon end (docs/optimizer.md §4): 'accrue' (default) values positions that outlive the horizon at the
   * interest accrued to its end; 'matureWithin' requires every new placement to mature by the horizon end (a bureau
   * that must return principal by a date). `liquidAtEnd` (yuan, optional): liquid money required at the horizon end.
   */
  horizonEnd: z.enum(['accrue', 'matureWithin']).default('accrue'),
  liquidAtEnd: moneyString.optional(),
});

/** A month of flows of one fund type: money in and money out, in yuan. */
export const monthlyFlowSchema = z.strictObject({
  month: monthKeySchema,
  fundType: fundTypeSchema,
  inflow: moneyString,
  outflow: moneyString,
});

/** Benchmark rates (PBOC, effective 2015-10-24 [R14][R15]), the base of the statutory preferential rates. */
export const benchmarkSchema = z.strictObject({
  demand: annualRate,
  time3m: annualRate,
  time6m: annualRate,
  time1y: annualRate,
  time2y: annualRate,
  time3y: annualRate,
  installment1y: annualRate,
  installment3y: annualRate,
  agreed: annualRate,
  call1d: annualRate,
  call7d: annualRate,
});

/** The PBOC benchmark table of 2015-10-24 (docs/domain.md §6.1 [R14][R15]), in fractions. */
export const BENCHMARK_2015 = {
  demand: '0.0035',
  time3m: '0.011',
  time6m: '0.013',
  time1y: '0.015',
  time2y: '0.021',
  time3y: '0.0275',
  installment1y: '0.011',
  installment3y: '0.013',
  agreed: '0.0115',
  call1d: '0.008',
  call7d: '0.0135',
} as const;

export const statutorySchema = z
  .strictObject({
    benchmark: benchmarkSchema.prefault(BENCHMARK_2015),
    /** 记账利率 by year (unconfirmed: no official notice seen, docs/domain.md §2.3); none by default. */
    creditingRates: z.array(z.strictObject({ year: z.number().int(), annualRate })).default([]),
    /** Which reading of "the 3-month rate" applies: the frozen benchmark or the bank's listed rate (docs/domain.md §2.2). */
    reading: z.enum(['benchmark', 'listed']).default('benchmark'),
  })
  .prefault({});

/** When inside a month the ledger posts what the plan and the flows say (docs/ledger.md). */
export const timingSchema = z
  .strictObject({
    /** Day of month on which the month's inflows and outflows post (1–28). */
    flowDay: z.number().int().min(1).max(28).default(1),
    /** Day of month on which the month's placements are made (1–28); they mature on the same day. */
    placementDay: z.number().int().min(1).max(28).default(1),
    /**
     * Day of month on which the month's inflows (contributions, subsidies, interest transfers) post (1–28);
     * `flowDay` when absent. Input with a documented default: no statutory collection day is known (unconfirmed).
     */
    inflowDay: z.number().int().min(1).max(28).optional(),
    /**
     * Day of month on which the month's payouts post (1–28; pensions are paid on a fixed day); `flowDay` when
     * absent. A payout due before the month's inflows needs cash on that day.
     */
    outflowDay: z.number().int().min(1).max(28).optional(),
  })
  .default({ flowDay: 1, placementDay: 1 });

/**
 * A scenario file. Every object in it is strict: a key the schema does not know is an error naming the
 * nearest known key (strict input), never dropped — a misspelt `policy.reserv` used to leave the
 * 2-month default in force without a word.
 */
export const scenarioSchema = z.strictObject({
  schemaVersion: z.literal(1),
  name: z.string().min(1),
  description: z.string().optional(),
  /** The day the figures are as of; the ledger never reads a clock. */
  asOf: isoDateSchema,
  startMonth: monthKeySchema,
  horizonMonths: z.number().int().min(1).max(240),
  fundTypes: z.array(fundTypeSchema).min(1),
  banks: z.array(bankSchema).min(1),
  accounts: z.array(accountSchema).min(1),
  holdings: z.array(holdingSchema).default([]),
  products: productsSchema,
  bondYields: z.array(bondYieldSchema).default([]),
  policy: policySchema.prefault({}),
  statutory: statutorySchema,
  timing: timingSchema,
  /** Monthly history per fund type (for forecasting). */
  history: z.array(monthlyFlowSchema).default([]),
  /** Expected flows over the horizon (a budget or a forecast), used when no flow path is given. */
  flows: z.array(monthlyFlowSchema).default([]),
  /** A tender for one period's time deposits: weights, bids, thresholds ([004], docs/tender.md); optional. */
  tender: tenderSchema.optional(),
});

export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Bank = z.output<typeof bankSchema>;
export type Account = z.output<typeof accountSchema>;
export type Holding = z.output<typeof holdingSchema>;
export type Policy = z.output<typeof policySchema>;
export type MonthlyFlow = z.output<typeof monthlyFlowSchema>;
export type Benchmark = z.output<typeof benchmarkSchema>;
export type BankConventions = z.output<typeof bankConventionsSchema>;
