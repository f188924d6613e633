// The compare run's result (packages/app/src/jobs/compareResult.ts, wire form), as far as the Compare screen reads it.
import { z } from 'zod';
import { stressSchema, yuan } from './schemas';

const moneyMap = z.record(z.string(), yuan);

export const compareColumnSchema = z.object({
  requestIndex: z.int().min(0),
  scenario: z.int().min(0),
  source: z.object({ kind: z.string() }),
  label: z.string(),
  status: z.enum(['optimal', 'infeasible', 'error']),
  plan: z.string().optional(),
  confidence: z.number(),
  pathGroup: z.int().optional(),
  safe: z.boolean().optional(),
  stress: stressSchema.optional(),
  meanLargestShort: yuan.optional(),
  ledger: z
    .object({
      interest: yuan,
      interestReceived: yuan,
      interestByProduct: moneyMap,
      interestByBank: moneyMap,
      kpis: z.object({ annualYieldRate: z.string().optional(), monthsPayable: z.string().optional() }),
      lowestLiquid: yuan,
      liquidity: z.array(z.object({ month: z.string(), closingLiquid: yuan, reserveRequired: yuan })).optional(),
      ruleBreaks: z.record(z.string(), z.int()),
    })
    .optional(),
});
export type CompareColumn = z.output<typeof compareColumnSchema>;

export const compareResultSchema = z.object({
  kind: z.literal('compare'),
  scenarios: z.array(z.object({ name: z.string(), startMonth: z.string(), horizonMonths: z.int(), bankNames: z.record(z.string(), z.string()) })),
  paths: z.object({ seed: z.int(), check: z.int(), planning: z.int(), groups: z.array(z.object({ scenarios: z.array(z.int()), distinctPaths: z.int() })), samePaths: z.boolean() }),
  columns: z.array(compareColumnSchema),
});
export type CompareResult = z.output<typeof compareResultSchema>;
