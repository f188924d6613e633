import { z } from 'zod';
import { exact, money, stringMap, wordedIssue } from '../wire/codecs';
import { evaluationSummary, placement, scenarioRef } from './evaluation';

const probability = z.number().min(0).max(1);

/** One fund type's risk on the check paths (docs/optimizer.md §16). */
export const fundTypeStress = z.strictObject({
  fundType: z.string(),
  planCausedShortProbability: probability,
  planCausedShortFirstQuarterProbability: probability,
  structuralShortProbability: probability,
  structuralMedianFirstMonth: z.string().optional(),
  /** Median of the largest structural shortfall over the paths that have one (yuan, to the fen). */
  structuralMedianShort: money.optional(),
});

/** A plan run through the ledger on many paths, without the per-path outcomes (docs/optimizer.md §14, §16). */
export const stressSummary = z.strictObject({
  paths: z.int(),
  distinctPaths: z.int(),
  /** True when the paths were drawn apart from those the plan was fitted to. */
  outOfSample: z.boolean(),
  payoutShortProbability: probability,
  payoutShortFirstQuarterProbability: probability,
  medianFirstPayoutShortMonth: z.string().optional(),
  shortProbability: probability,
  structuralShortProbability: probability.optional(),
  planCausedShortProbability: probability.optional(),
  planCausedShortFirstQuarterProbability: probability.optional(),
  byFundType: z.array(fundTypeStress),
  reserveBreachProbability: probability,
  expectedInterest: money,
  p5Interest: money,
  mostCommonShortMonth: z.strictObject({ month: z.string(), paths: z.int() }).optional(),
  largestShort: money,
});
export type StressSummary = z.output<typeof stressSummary>;

/** What safety is asked for and what it costs (docs/optimizer.md §16). */
export const safetySummary = z.strictObject({
  confidence: z.number().min(0).lt(1),
  planningPaths: z.int().optional(),
  discardedPlanningPaths: z.int().optional(),
  safetyMonths: z.int().optional(),
  perFundType: z.boolean().optional(),
  /** Interest the safe plan gives up against the mean-flow plan (ledger, yuan). */
  costOfSafety: money.optional(),
  meanFlowPlan: z.strictObject({ interest: money, stress: stressSummary.optional() }).optional(),
  /** 按月预拨: per fund type, per month of the horizon, the transfer the month's payouts need at the confidence (yuan). */
  preAllocation: stringMap(z.array(money)).optional(),
});

export const frontierPoint = z.strictObject({
  confidence: z.number(),
  status: z.enum(['optimal', 'infeasible', 'error', 'tooFewPaths']),
  pathsNeeded: z.int().optional(),
  interest: money.optional(),
  planCausedShortProbability: probability.optional(),
  planCausedShortFirstQuarterProbability: probability.optional(),
  payoutShortProbability: probability.optional(),
  expectedInterest: money.optional(),
  p5Interest: money.optional(),
});

const rollingSide = z.strictObject({ payoutShortProbability: probability, planCausedShortProbability: probability, meanInterest: money, p5Interest: money });

export const rollingSummary = z.strictObject({
  paths: z.int(),
  rows: z.array(z.strictObject({
    path: z.int(),
    staticInterest: money,
    rollingInterest: money,
    staticFirstShort: z.string().optional(),
    rollingFirstShort: z.string().optional(),
    staticPlanCaused: z.boolean(),
    rollingPlanCaused: z.boolean(),
    failedSteps: z.array(z.string()),
  })),
  static: rollingSide,
  rolling: rollingSide,
  replans: z.int(),
  elasticReplans: z.int(),
  wallMs: z.number(),
});

/** Why a placement of the next quarter went to its bank and term, as a fact (worded by the message catalogue). */
export const rolloverReason = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('bestRate'), rate: exact }),
  z.strictObject({ kind: z.literal('heldByCap'), belowBestBp: z.int(), bankId: z.string(), rule: z.string() }),
  z.strictObject({ kind: z.literal('atCapOrMinimum'), belowBestBp: z.int() }),
]);
export type RolloverReason = z.output<typeof rolloverReason>;

export const rolloverSummary = z.strictObject({
  months: z.array(z.string()),
  maturities: z.array(z.strictObject({ date: z.string(), id: z.string(), origin: z.enum(['existing', 'plan']), fundType: z.string(), bankId: z.string().optional(), product: z.string(), principal: money, interest: money })),
  placements: z.array(z.strictObject({ month: z.string(), fundType: z.string().optional(), bankId: z.string().optional(), product: z.string(), termMonths: z.int(), annualRate: exact, amount: money, maturesIn: z.string(), bestRateForTerm: exact, reason: rolloverReason })),
  liquidity: z.array(z.strictObject({ month: z.string(), liquid: money, reserve: money })),
});

/** What the caps do on this scenario (docs/optimizer.md §5.10). */
export const capFinding = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('capsNeedMoreBanks'), cap: z.enum(['A', 'C']), rule: z.enum(['trancheShareCap', 'fundTimeDepositShareCap']), share: exact, needed: z.int(), eligible: z.int(), minBanks: z.int().optional(), alsoHolding: z.int().optional() }),
  z.strictObject({ kind: z.literal('holdingsOverCap'), bankId: z.string(), cap: z.enum(['B', 'C']), rule: z.enum(['bankLocalDepositCap', 'fundTimeDepositShareCap']), share: exact, overYuan: money, firstMonth: z.string(), lastMonth: z.string(), newMoneyFrom: z.string().optional() }),
]);

/** A rule that binds the optimum and what it costs, from the LP's shadow prices ("about": duals are not unique). */
export const bindingFact = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('noDuals') }),
  z.strictObject({ kind: z.literal('nothingBinds') }),
  /** The reserve binds in `months` months; one more month of payouts in reserve costs about `costWan` 万元. */
  z.strictObject({ kind: z.literal('reserve'), months: z.int(), costWan: z.number() }),
  /** A cap at a bank in a month: raising it by 1亿 would add about `gainWan` 万元. */
  z.strictObject({ kind: z.literal('cap'), rule: z.string(), bankId: z.string(), month: z.string(), gainWan: z.number() }),
  z.strictObject({ kind: z.literal('moreCaps'), count: z.int() }),
]);
export type BindingFact = z.output<typeof bindingFact>;

/** Where an infeasible scenario must bend (elastic LP, 万元 as the LP sees them). */
export const shortfall = z.strictObject({ monthKey: z.string(), rule: z.string(), bankId: z.string().optional(), fundType: z.string().optional(), shortWan: z.number() });

export const optimizeResult = z.strictObject({
  kind: z.literal('optimize'),
  status: z.enum(['optimal', 'infeasible', 'error']),
  scenario: scenarioRef,
  /** The scenario's warnings, each with its sentence in both languages (`text`; none on results stored before it). */
  warnings: z.array(wordedIssue),
  /** Why there is no plan (status other than optimal), each with its sentence in both languages (`text`, as `warnings`). */
  issues: z.array(wordedIssue),
  capFindings: z.array(capFinding),
  safety: safetySummary,
  /** The plan's risk on the check paths, stated before its interest. */
  stress: stressSummary.optional(),
  plan: z.strictObject({ name: z.string(), placements: z.array(placement) }).optional(),
  /** The ledger's interest earned (the figure that counts) and the LP's, side by side. */
  interest: money.optional(),
  lpInterest: money.optional(),
  optimality: z.strictObject({ strategy: z.enum(['pooled+split', 'joint']), fallback: z.string().optional(), bound: money, gap: z.number(), splitSolveMs: z.number() }).optional(),
  solver: z.strictObject({ backend: z.string(), variables: z.int(), rows: z.int(), nonZeros: z.int(), buildMs: z.number(), solveMs: z.number(), rounds: z.int() }).optional(),
  evaluation: evaluationSummary.optional(),
  binding: z.array(bindingFact),
  rollover: rolloverSummary.optional(),
  exclusions: z.array(z.strictObject({ bankId: z.string().optional(), product: z.string().optional(), termMonths: z.int().optional(), rule: z.string(), received: z.string().optional(), limit: z.string().optional(), reason: z.string() })),
  frontier: z.array(frontierPoint).optional(),
  rolling: rollingSummary.optional(),
  infeasibility: z.array(shortfall).optional(),
  /**
   * Why an infeasible scenario has no plan, in both languages, banks and fund types by the scenario's names
   * (`infeasibilityLines`: the first month and the rules, the largest shortfall or excess, the bends). Results stored
   * before it have only the facts (`infeasibility`).
   */
  infeasibilityWhy: z.strictObject({ zh: z.array(z.string()), en: z.array(z.string()) }).optional(),
  /** What would fix an infeasible scenario, one line per bent rule, in both languages (`infeasibilityFixes`, worded by `infeasibilityFixLine`, banks and fund types by the scenario's names). */
  infeasibilityFix: z.strictObject({ zh: z.array(z.string()), en: z.array(z.string()) }).optional(),
});
export type OptimizeResult = z.output<typeof optimizeResult>;
