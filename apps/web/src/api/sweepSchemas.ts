// The answers of the sweep routes (docs/api.md, docs/sweep.md §8), checked before use. A point's result is the sweep
// job's wire form (packages/app/src/jobs/sweep.ts `sweepPointResult`): money as yuan strings to the fen, probabilities
// as numbers from 0 to 1.
import { z } from 'zod';
import { issueSchema, yuan } from './schemas';

export const SWEEP_STATES = ['queued', 'running', 'done', 'cancelled'] as const;
export const POINT_STATES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;

/** The rules a sweep reports as binding (packages/app/src/sweep/binding.ts `BINDABLE_RULES`); another is shown by its name. */
export const BINDABLE_RULES = ['liquidityReserve', 'trancheShareCap', 'bankLocalDepositCap', 'fundTimeDepositShareCap', 'maxBondShare', 'liquidAtEnd', 'safetyFloor'] as const;

export const sweepCountsSchema = z.object({ queued: z.number(), running: z.number(), done: z.number(), failed: z.number(), cancelled: z.number(), total: z.number() });

export const sweepPathsSchema = z.object({ check: z.number(), planning: z.number(), seed: z.number(), distinct: z.number(), fingerprint: z.string() });

export const sweepSummarySchema = z.object({
  id: z.string(),
  fundId: z.string(),
  scenarioVersionId: z.string(),
  codeVersion: z.string(),
  state: z.enum(SWEEP_STATES),
  counts: sweepCountsSchema,
  paths: sweepPathsSchema,
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  cancelledAt: z.string().nullable(),
});
export type SweepSummary = z.output<typeof sweepSummarySchema>;

export const sweepListSchema = z.object({ sweeps: z.array(sweepSummarySchema) });
export const sweepCreatedSchema = z.object({ sweep: sweepSummarySchema, reused: z.boolean() });

/** A finished point's result (status, the ledger's interest, its risk on the shared paths, the rules that bind). */
export const sweepPointResultSchema = z.object({
  index: z.number(),
  values: z.record(z.string(), z.string()),
  status: z.enum(['optimal', 'infeasible', 'error', 'invalid']),
  interest: yuan.optional(),
  risk: z
    .object({
      paths: z.number(),
      planCausedShortProbability: z.number(),
      planCausedShortFirstQuarterProbability: z.number(),
      payoutShortProbability: z.number(),
      structuralShortProbability: z.number(),
      reserveBreachProbability: z.number(),
      expectedInterest: yuan,
      p5Interest: yuan,
    })
    .optional(),
  binding: z.array(z.object({ rule: z.string(), count: z.number(), valuePerWan: z.number().optional() })),
  issues: z.array(issueSchema).default([]),
  /** Why an infeasible point has no plan, in both languages (the elastic explanation's first lines). */
  why: z.object({ zh: z.array(z.string()), en: z.array(z.string()) }).optional(),
  /** What would fix an infeasible point, in both languages. */
  fix: z.object({ zh: z.array(z.string()), en: z.array(z.string()) }).optional(),
  ms: z.number(),
});
export type SweepPointResult = z.output<typeof sweepPointResultSchema>;

export const sweepPointSchema = z.object({
  index: z.number(),
  values: z.record(z.string(), z.string()),
  state: z.enum(POINT_STATES),
  attempts: z.number(),
  result: sweepPointResultSchema.optional(),
  issues: z.array(issueSchema).optional(),
});
export type SweepPoint = z.output<typeof sweepPointSchema>;

export const sweepChangeSchema = z.object({ parameter: z.string(), fromIndex: z.number(), toIndex: z.number(), fromValue: z.string(), toValue: z.string(), starts: z.array(z.string()), stops: z.array(z.string()) });

export const sweepSchema = z.object({
  sweep: sweepSummarySchema.extend({ parameters: z.array(z.object({ name: z.string(), values: z.array(z.string()) })), options: z.unknown() }),
  /** Every point (since null), or only those changed since the cursor the read was asked with. */
  points: z.array(sweepPointSchema),
  since: z.string().nullable(),
  /** What to send as `since` with the next read (docs/sweep.md §8). */
  cursor: z.string(),
  frontier: z.array(z.number()).nullable(),
  changes: z.array(sweepChangeSchema).nullable(),
});
export type SweepAnswer = z.output<typeof sweepSchema>;
