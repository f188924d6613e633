import { z } from 'zod';
import { domainIssue, money, stringMap } from '../wire/codecs';
import { ledgerKpis, scenarioRef } from './evaluation';
import { stressSummary } from './optimizeResult';

/** Where a column's plan comes from: the optimizer's safe plan, a plan given with the request, or a simple baseline. */
export const columnSource = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('optimized') }),
  z.strictObject({ kind: z.literal('given') }),
  z.strictObject({ kind: z.literal('baseline'), policy: z.enum(['oneYearEven', 'ladder3612']) }),
]);
export type ColumnSource = z.output<typeof columnSource>;

/**
 * A plan on the scenario's own (mean) flows, in the exact ledger: interest earned (the figure to compare plans by,
 * docs/ledger.md "Horizon end"), interest received and its breakdown by product and by bank (postings inside the
 * horizon; they add up to `interestReceived`), the KPIs, the lowest month-end liquid money and each month's liquid money
 * against the reserve, and the rule breaks by rule.
 */
export const columnLedger = z.strictObject({
  interest: money,
  interestReceived: money,
  interestByProduct: stringMap(money),
  interestByBank: stringMap(money),
  kpis: ledgerKpis,
  lowestLiquid: money,
  /** Each month's closing liquid money and the reserve it must stay above (the overlaid liquid-balance lines). */
  liquidity: z.array(z.strictObject({ month: z.string(), closingLiquid: money, reserveRequired: money })),
  ruleBreaks: stringMap(z.int().min(1)),
});
export type ColumnLedger = z.output<typeof columnLedger>;

/** A column against the first column (this − first, yuan): the interest, and the interest received by product and bank. */
export const columnDifference = z.strictObject({
  interest: money,
  interestReceived: money,
  /** Present when both columns were run on the forecast paths. */
  expectedInterest: money.optional(),
  lowestLiquid: money,
  interestByProduct: stringMap(money),
  interestByBank: stringMap(money),
});
export type ColumnDifference = z.output<typeof columnDifference>;

/** One column of the comparison: a plan of one of the request's scenarios, with its risk and its ledger figures. */
export const compareColumn = z.strictObject({
  /** The column's place in the request (the result lists columns safe first). */
  requestIndex: z.int().min(0),
  /** Index into the result's `scenarios`. */
  scenario: z.int().min(0),
  source: columnSource,
  /**
   * The column's name in English, unique among the columns: the scenario's name when the request compares
   * several scenarios, else the plan's (the message catalogue's `columnLabel` words it in Chinese).
   */
  label: z.string(),
  /** 2, 3, … when another column before it would otherwise carry the same label (the label then ends in " (2)"). */
  repeat: z.int().min(2).optional(),
  /** 'optimal' when the column has a plan; otherwise why the optimizer gave none (`issues`). */
  status: z.enum(['optimal', 'infeasible', 'error']),
  issues: z.array(domainIssue),
  plan: z.string().optional(),
  /** The share of paths on which the plan should cause no payout gap (the plan's target; 0 = mean flows). */
  confidence: z.number().min(0).lt(1),
  /** Index into `paths.groups`: the forecast paths this column was run on. */
  pathGroup: z.int().min(0).optional(),
  /** The plan-caused gap probability within the target (1 − confidence; 0 at confidence 0). Absent without paths. */
  safe: z.boolean().optional(),
  /** The plan on the forecast paths, risk first (absent with no paths or no plan). */
  stress: stressSummary.optional(),
  /** The mean over the paths of each path's largest shortfall (yuan). */
  meanLargestShort: money.optional(),
  ledger: columnLedger.optional(),
  /** Against the first column (absent on the first column, and where either column has no plan). */
  vsFirst: columnDifference.optional(),
});
export type CompareColumn = z.output<typeof compareColumn>;

/**
 * The forecast paths the columns were run on. Each scenario's paths are drawn from its own history with the same
 * seed; scenarios with the same history, fund types, start and horizon get the same paths (one group). When the
 * groups are more than one, the columns were NOT run on the same paths, and a front end must say so.
 */
export const comparePaths = z.strictObject({
  seed: z.int(),
  /** Paths per group every plan is run on (0 = none: no risk rows). */
  check: z.int().min(0),
  /** Paths the optimized plans were fitted to (another seed; 0 when no column is optimized safely). */
  planning: z.int().min(0),
  /** Per group, the scenarios (indices) whose paths it holds. */
  groups: z.array(z.strictObject({ scenarios: z.array(z.int().min(0)), distinctPaths: z.int().min(0) })),
  /** Every column with a plan ran on the same paths (one group). */
  samePaths: z.boolean(),
});

export const compareResult = z.strictObject({
  kind: z.literal('compare'),
  scenarios: z.array(scenarioRef),
  paths: comparePaths,
  /** Safe plans first, then plans that miss their confidence, then columns without a plan; the first is the base. */
  columns: z.array(compareColumn),
  warnings: z.array(domainIssue),
});
export type CompareResult = z.output<typeof compareResult>;
