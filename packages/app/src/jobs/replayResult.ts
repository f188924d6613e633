import { z } from 'zod';
import { domainIssue, money, wordedIssue } from '../wire/codecs';
import { scenarioRef } from './evaluation';

// The replay job's result (docs/audit.md §1), kept apart from the job (which loads the optimizer) so that
// `@fundladder/app/wire` can hand it to a front end that must not load the engine.

/** One day a fund type could not pay: its settlement cash below zero (rule `cashNotNegative`). */
export const payoutGap = z.strictObject({ date: z.string(), month: z.string(), fundType: z.string(), amount: money });
/** One month-end the liquid money was below the reserve (rule `liquidityReserve`). */
export const reserveBreach = z.strictObject({ month: z.string(), fundType: z.string().optional(), liquid: money, required: money, short: money });

/** A plan run through the exact ledger on the actual flows. Money in yuan to the fen (the CLI shows 万元). */
export const replaySide = z.strictObject({
  plan: z.string(),
  placements: z.int(),
  /** Interest earned inside the replayed months (received + accrued at the end − accrued at the start, docs/ledger.md "Horizon end"). */
  interest: money,
  interestReceived: money,
  payoutGaps: z.array(payoutGap),
  /** The largest overdrawn amount on any day, 0 when none. */
  largestGap: money,
  reserveBreaches: z.array(reserveBreach),
  /** Every rule the plan breaks on the actual flows (the gaps and breaches above included), as the ledger reports them. */
  issues: z.array(domainIssue),
});
export type ReplaySide = z.output<typeof replaySide>;

export const rollingStep = z.strictObject({ start: z.string(), status: z.enum(['optimal', 'elastic', 'infeasible', 'error']), placements: z.int(), expected: z.enum(['budget', 'forecast']) });

export const replayResult = z.strictObject({
  kind: z.literal('replay'),
  scenario: scenarioRef,
  months: z.strictObject({ from: z.string(), to: z.string(), count: z.int() }),
  /** Placements of the plan after the replayed months, left out. */
  droppedPlacements: z.int(),
  /** The past plan on the actual flows. */
  actual: replaySide,
  /** The optimizer's plan knowing the actual flows; absent when not asked or when it found none (`hindsightIssues`). */
  hindsight: replaySide.optional(),
  /** Why the hindsight plan was not found, each issue with its sentence in both languages (`text`). */
  hindsightIssues: z.array(wordedIssue).optional(),
  /**
   * Why no plan keeps every rule on the actual flows, in both languages (`explainInfeasible` worded by
   * `infeasibilityLines`, banks and fund types by the scenario's names); absent when the optimizer stopped for another
   * reason, and on results stored before it.
   */
  hindsightWhy: z.strictObject({ zh: z.array(z.string()), en: z.array(z.string()) }).optional(),
  /** Re-planned every `stepMonths` on what was known at each start, realised on the actual flows. */
  rolling: replaySide.extend({ steps: z.array(rollingStep) }).optional(),
  /** Interest forgone by the past plan: hindsight − actual, rolling − actual (negative: the past plan earned more). */
  forgone: z.strictObject({ vsHindsight: money.optional(), vsRolling: money.optional() }),
  /** The scenario's warnings, each with its sentence in both languages (`text`). */
  warnings: z.array(wordedIssue),
});
export type ReplayResult = z.output<typeof replayResult>;
