import { z } from 'zod';
import { PBOC_RATINGS, RATE_SCORE_METHODS, REGULATORY_INDICATORS, TENDER_CRITERIA } from '@fundladder/core';
import { exact, money } from '../wire/codecs';
import { scenarioRef } from './evaluation';
import { compareResult } from './compareResult';

/** Why a bank gets no new money from the tender (core's `SuspensionReason`), on the wire. */
export const suspensionReason = z.discriminatedUnion('rule', [
  z.strictObject({ rule: z.literal('tenderRegulatoryRating'), indicator: z.enum(REGULATORY_INDICATORS), level: z.int(), from: z.int() }),
  z.strictObject({ rule: z.literal('tenderPbocRating'), rating: z.enum(PBOC_RATINGS), from: z.enum(PBOC_RATINGS) }),
  z.strictObject({ rule: z.literal('minQuoteRate'), quote: exact, floor: exact }),
  z.strictObject({ rule: z.literal('suspendedBankNoNewMoney'), reason: z.string().optional() }),
  z.strictObject({ rule: z.literal('tenderQuoteMissing') }),
]);

const limitRule = z.enum(['trancheShareCap', 'bankLocalDepositCap', 'fundTimeDepositShareCap', 'minimumBankCount']);

/** One bid: its rate, marks and score (or why it is suspended), what it gets and the cap that limits it. */
export const tenderBidResult = z.strictObject({
  bankId: z.string(),
  quotedRate: exact.optional(),
  quoteSource: z.enum(['bid', 'bankQuote', 'none']),
  suspended: z.boolean(),
  reasons: z.array(suspensionReason),
  /** The five marks out of 100 (the quote's computed), for banks taking part. */
  marks: z.record(z.enum(TENDER_CRITERIA), exact).optional(),
  score: exact.optional(),
  /** What the tender gives the bank, yuan. */
  amount: money,
  /** The bank's share of the tranche placed, to six places half up (0 when nothing is placed). */
  share: exact,
  /** The most the caps let it take of the tranche placed, and the cap that sets it (banks taking part). */
  limit: money.optional(),
  limitRule: limitRule.optional(),
  limitMonth: z.string().optional(),
  /** Whether the cap bound (the bank got its limit rather than its share by score). */
  capped: z.boolean(),
  /** What the optimizer's plan places at this bank as new time deposits and CDs that month, yuan. */
  optimizerAmount: money,
});

/**
 * The tender job's result (docs/tender.md): the bids scored and suspended, the tranche split by score within caps A, B
 * and C, and the comparison of the tender plan (the optimizer's plan with that month's new time deposits and CDs
 * replaced by the tender's split) with the optimizer's plan, in the same ledger on the same forecast paths.
 */
export const tenderResult = z.strictObject({
  kind: z.literal('tender'),
  scenario: scenarioRef,
  month: z.string(),
  product: z.enum(['timeDeposit', 'largeCd']),
  termMonths: z.int(),
  source: z.string().optional(),
  weights: z.record(z.enum(TENDER_CRITERIA), exact),
  rateScore: z.enum(RATE_SCORE_METHODS),
  /** The 起存利率 applied, if any. */
  floor: exact.optional(),
  total: z.strictObject({
    /** The period's total asked for, and where it came from. */
    asked: money,
    askedFrom: z.enum(['request', 'scenario', 'optimizer']),
    /** The tranche placed: the most of `asked` the caps let the banks take. */
    placed: money,
    unplaced: money,
    /** The optimizer's own new time deposits and CDs that month. */
    optimizerTranche: money,
    /**
     * The most that can be locked up for the term and still leave the reserve liquid at every month end of its life
     * (under the rest of the optimizer's plan; kept apart, from each fund type's own money): `liquidCeiling`. A total
     * above it is allowed and said; its price is the comparison's payout-gap rows.
     */
    withinReserve: z.strictObject({ amount: money, month: z.string(), fundType: z.string().optional() }),
  }),
  bids: z.array(tenderBidResult),
  /** Banks of the scenario without a bid. */
  noBid: z.array(z.string()),
  /** The tender's placements (the rest of the tender plan is the optimizer's). */
  placements: z.array(z.strictObject({ bankId: z.string(), fundType: z.string().optional(), amount: money, annualRate: exact })),
  /** The two plans side by side (compare job): the optimizer's plan and the tender plan. */
  comparison: compareResult,
  /** Interest of the tender plan − the optimizer's plan in the ledger on the scenario's flows, yuan. */
  interestDifference: money.optional(),
  /** The two plans' names, as the comparison's columns are labelled. */
  plans: z.strictObject({ optimizer: z.string(), tender: z.string() }),
});
export type TenderResult = z.output<typeof tenderResult>;
export type TenderBidResult = z.output<typeof tenderBidResult>;
