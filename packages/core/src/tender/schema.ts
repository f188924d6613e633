import { z } from 'zod';
import { Decimal } from '../money/decimal';
import { annualRate, idSchema, monthKeySchema, moneyString, shareFraction, termMonthsSchema } from '../schemas/primitives';

/**
 * The criteria a tender scores, in the order of the Shenzhen rules [004] (docs/domain.md §8.1): business condition
 * (capital adequacy, non-performing loans), service capability and quality, collateral, contribution to the city (tax,
 * headquarters), and the rate quoted. The first four are the panel's marks (0–100); the quote's mark is computed
 * ({@link rateScore}).
 */
export const TENDER_CRITERIA = ['businessCondition', 'service', 'collateral', 'localContribution', 'quotedRate'] as const;
export type TenderCriterion = (typeof TENDER_CRITERIA)[number];
/** The criteria the panel marks (all but the quote). */
export const PANEL_CRITERIA = ['businessCondition', 'service', 'collateral', 'localContribution'] as const;
export type PanelCriterion = (typeof PANEL_CRITERIA)[number];

/** The four indicators of the banking regulator's Shenzhen rating that [004] names: 风险管理, 营运控制, 资产质量, 合规性. */
export const REGULATORY_INDICATORS = ['riskManagement', 'operationalControl', 'assetQuality', 'compliance'] as const;
export type RegulatoryIndicator = (typeof REGULATORY_INDICATORS)[number];

/**
 * The PBOC Shenzhen rating, best first. [004] says only "C or worse" suspends; the letters after C are not in any source
 * we have (unconfirmed), so the scale is A–E and the threshold an input (`suspendFromPbocRating`, default C).
 */
export const PBOC_RATINGS = ['A', 'B', 'C', 'D', 'E'] as const;
export type PbocRating = (typeof PBOC_RATINGS)[number];

/** How a quote becomes a mark out of 100 (docs/tender.md §2; [004] leaves the formula to the service agreement). */
export const RATE_SCORE_METHODS = ['relativeToBest', 'betweenFloorAndBest'] as const;
export type RateScoreMethod = (typeof RATE_SCORE_METHODS)[number];

/** The weight of the business condition is at least 40% [004]. */
export const MIN_BUSINESS_WEIGHT = '0.4';

const DECIMAL_TEXT = /^\d+(\.\d+)?$/;

/** A panel mark 0–100, as a decimal string or a JSON number. */
const mark = z
  .union([z.string().regex(DECIMAL_TEXT, { error: 'a mark is a plain decimal from 0 to 100' }), z.number().finite()])
  .transform((v) => new Decimal(typeof v === 'number' ? String(v) : v))
  .refine((d) => d.gte(0) && d.lte(100), { error: 'a mark is between 0 and 100', params: { rule: 'tenderMarkRange' } });

/** A regulatory rating level, 1 (best) to 6. */
const level = z.number().int({ error: 'a rating level is a whole number 1–6' }).min(1).max(6);

/** One bank's bid: the panel's marks, its ratings and, if it quoted one, its rate. */
export const tenderBidSchema = z.strictObject({
  bankId: idSchema,
  /** The panel's marks out of 100 for the four criteria it scores. */
  marks: z.strictObject({ businessCondition: mark, service: mark, collateral: mark, localContribution: mark }),
  /** The regulator's Shenzhen rating on the four indicators [004], level 1 (best) to 6. */
  regulatoryRatings: z.strictObject({ riskManagement: level, operationalControl: level, assetQuality: level, compliance: level }),
  pbocRating: z.enum(PBOC_RATINGS),
  /** The rate bid; absent = the bank's quote for the tender's product and term in force on the placement day. */
  quotedRate: annualRate.optional(),
});

/**
 * A tender for one period's new time deposits (深圳市社会保险基金定期存款存放银行管理办法 [004], docs/domain.md §8.1 and
 * §8.3, docs/tender.md): weights of the criteria, the bids, the suspension thresholds, and what is placed (month,
 * product, term, total). Weights sum to 1 exactly and the business condition weighs at least 0.4 (checked by
 * `checkTender`, which names the path, the rule and the value).
 */
export const tenderSchema = z.strictObject({
  /** Where the rule comes from (a notice, a service agreement). */
  source: z.string().optional(),
  /** The month of the tranche; absent = the scenario's start month. */
  month: monthKeySchema.optional(),
  product: z.enum(['timeDeposit', 'largeCd']).default('timeDeposit'),
  termMonths: termMonthsSchema,
  /** The period's total in yuan; absent = what the optimizer places as new time deposits and CDs that month. */
  totalAmount: moneyString.optional(),
  /** One weight per criterion, fractions summing to exactly 1; `businessCondition` ≥ 0.4 [004]. */
  weights: z.strictObject({ businessCondition: shareFraction, service: shareFraction, collateral: shareFraction, localContribution: shareFraction, quotedRate: shareFraction }),
  rateScore: z.enum(RATE_SCORE_METHODS).default('relativeToBest'),
  /** The 起存利率 (value not stated in [004]); absent = `policy.minQuoteRate`; neither = no floor. */
  minQuoteRate: annualRate.optional(),
  /** A regulatory rating at this level or worse on any indicator suspends the bank [004]: level 4. */
  suspendFromRegulatoryLevel: level.default(4),
  /** A PBOC rating at this letter or worse suspends the bank [004]: C. */
  suspendFromPbocRating: z.enum(PBOC_RATINGS).default('C'),
  bids: z.array(tenderBidSchema).min(1),
});

export type Tender = z.output<typeof tenderSchema>;
export type TenderInput = z.input<typeof tenderSchema>;
export type TenderBid = z.output<typeof tenderBidSchema>;
