// Every API response is checked here before a screen or chart sees it (the pattern of fava's
// frontend/src/api/validators.ts). The shapes follow docs/api.md and apps/api/src/http/schemas.ts; results follow the
// application layer's wire form (packages/app/src/jobs/optimizeResult.ts). Objects are not strict: a field the API adds
// later does not break the app, while a field the app reads that is missing or of the wrong kind does, at the boundary.
import { z } from 'zod';
import { isYuanText, type YuanText } from '../format/money';

/** Money on the wire: yuan as a decimal string to the fen. */
export const yuan = z.string().refine(isYuanText, 'money is yuan as a decimal string to the fen, e.g. "1234.50"').transform((s) => s as YuanText);
/** An exact decimal that is not money (a rate or a share as a fraction). */
export const decimalText = z.string().regex(/^-?\d+(\.\d+)?$/, 'a decimal string, e.g. "0.0175"');
const probability = z.number().min(0).max(1);

export const issueSchema = z.object({
  code: z.string(),
  path: z.array(z.union([z.string(), z.number()])).default([]),
  rule: z.string().optional(),
  message: z.string(),
  received: z.string().optional(),
  limit: z.string().optional(),
  /** The API's sentence for people in each language (docs/api.md §4), from the catalogue the CLI prints. */
  text: z.object({ zh: z.string(), en: z.string() }).optional(),
});
export type Issue = z.output<typeof issueSchema>;

/**
 * An issue as a reader sees it: the API's sentence in the reader's language, else its message and the value received.
 * @example issueSentence({ code: 'x', path: [], message: 'a share is a fraction', received: '5', text: { zh: '份额须为小数', en: 'a share is a fraction' } }, 'zh') //=> '份额须为小数'
 */
export function issueSentence(i: Issue, lang: 'zh' | 'en'): string {
  return i.text?.[lang] ?? `${i.message}${i.received !== undefined ? ` (${i.received})` : ''}`;
}

export const problemSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }), issues: z.array(issueSchema).default([]) });

export const ROLES = ['viewer', 'planner', 'approver', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const sessionSchema = z.object({
  user: z.object({ id: z.string(), name: z.string(), admin: z.boolean() }),
  csrfToken: z.string(),
  funds: z.union([z.literal('all'), z.array(z.object({ id: z.string(), role: z.enum(ROLES) }))]),
});
export type Session = z.output<typeof sessionSchema>;

export const fundSchema = z.object({ id: z.string(), name: z.string(), createdAt: z.string(), role: z.string().optional() });
export type Fund = z.output<typeof fundSchema>;
export const fundListSchema = z.object({ funds: z.array(fundSchema) });

export const scenarioSummarySchema = z.object({ id: z.string(), fundId: z.string(), name: z.string(), latestVersion: z.number(), latestVersionId: z.string(), createdAt: z.string() });
export type ScenarioSummary = z.output<typeof scenarioSummarySchema>;
export const scenarioVersionSchema = z.object({ id: z.string(), scenarioId: z.string(), version: z.number(), note: z.string().nullable(), createdBy: z.string().nullable(), createdAt: z.string() });
export type ScenarioVersion = z.output<typeof scenarioVersionSchema>;
export const scenarioListSchema = z.object({ scenarios: z.array(scenarioSummarySchema) });
export const scenarioDetailSchema = z.object({ scenario: scenarioSummarySchema, versions: z.array(scenarioVersionSchema) });

export const RUN_STATES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export type RunState = (typeof RUN_STATES)[number];
export const FINISHED: readonly RunState[] = ['done', 'failed', 'cancelled'];

export const progressSchema = z.object({ stage: z.string(), done: z.number(), total: z.number() });
export type RunProgress = z.output<typeof progressSchema>;

export const runSchema = z.object({
  id: z.string(),
  fundId: z.string(),
  kind: z.string(),
  scenarioVersionIds: z.array(z.string()),
  request: z.unknown(),
  state: z.enum(RUN_STATES),
  progress: progressSchema.nullable(),
  issues: z.array(issueSchema).nullable(),
  cancelRequested: z.boolean(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  result: z.unknown().optional(),
});
export type Run = z.output<typeof runSchema>;
export const runListSchema = z.object({ runs: z.array(runSchema) });
export const runCreatedSchema = z.object({ run: runSchema, reused: z.boolean() });

/** The event stream of a run: `progress` while it changes, then one `end`. */
export const progressEventSchema = z.object({ state: z.enum(RUN_STATES), progress: progressSchema.nullable() });
export const endEventSchema = z.object({ state: z.enum(RUN_STATES), issues: z.array(issueSchema).nullable() });

// ---- the optimize result (wire form), as far as the screens read it ----

const fundTypeStress = z.object({
  fundType: z.string(),
  planCausedShortProbability: probability,
  planCausedShortFirstQuarterProbability: probability,
  structuralShortProbability: probability,
  structuralMedianFirstMonth: z.string().optional(),
  structuralMedianShort: yuan.optional(),
});

export const stressSchema = z.object({
  paths: z.int(),
  distinctPaths: z.int(),
  outOfSample: z.boolean(),
  payoutShortProbability: probability,
  payoutShortFirstQuarterProbability: probability,
  medianFirstPayoutShortMonth: z.string().optional(),
  structuralShortProbability: probability.optional(),
  planCausedShortProbability: probability.optional(),
  planCausedShortFirstQuarterProbability: probability.optional(),
  byFundType: z.array(fundTypeStress),
  reserveBreachProbability: probability,
  expectedInterest: yuan,
  p5Interest: yuan,
  largestShort: yuan,
});
export type Stress = z.output<typeof stressSchema>;

export const rolloverReasonSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('bestRate'), rate: decimalText }),
  z.object({ kind: z.literal('heldByCap'), belowBestBp: z.int(), bankId: z.string(), rule: z.string() }),
  z.object({ kind: z.literal('atCapOrMinimum'), belowBestBp: z.int() }),
]);
export type RolloverReason = z.output<typeof rolloverReasonSchema>;

export const rolloverSchema = z.object({
  months: z.array(z.string()),
  maturities: z.array(z.object({ date: z.string(), id: z.string(), origin: z.enum(['existing', 'plan']), fundType: z.string(), bankId: z.string().optional(), product: z.string(), principal: yuan, interest: yuan })),
  placements: z.array(z.object({ month: z.string(), fundType: z.string().optional(), bankId: z.string().optional(), product: z.string(), termMonths: z.int(), annualRate: decimalText, amount: yuan, maturesIn: z.string(), bestRateForTerm: decimalText, reason: rolloverReasonSchema })),
  liquidity: z.array(z.object({ month: z.string(), liquid: yuan, reserve: yuan })),
});
export type Rollover = z.output<typeof rolloverSchema>;

export const ledgerMonthSchema = z.object({
  month: z.string(),
  inflows: yuan,
  outflows: yuan,
  placed: yuan,
  matured: yuan,
  interestReceived: yuan,
  closingLiquid: yuan,
  reserveRequired: yuan,
  closingTotal: yuan,
});
export type LedgerMonth = z.output<typeof ledgerMonthSchema>;

export const capUseSchema = z.object({ bankId: z.string(), tranche: decimalText.optional(), localDeposits: decimalText.optional(), fundShare: decimalText.optional() });
export type CapUse = z.output<typeof capUseSchema>;

export const evaluationSchema = z.object({
  months: z.array(ledgerMonthSchema),
  kpis: z.object({ annualYieldRate: decimalText.optional(), monthsPayable: decimalText.optional(), bankCapUsage: z.array(capUseSchema) }),
});

export const bindingSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('noDuals') }),
  z.object({ kind: z.literal('nothingBinds') }),
  z.object({ kind: z.literal('reserve'), months: z.int(), costWan: z.number() }),
  z.object({ kind: z.literal('cap'), rule: z.string(), bankId: z.string(), month: z.string(), gainWan: z.number() }),
  z.object({ kind: z.literal('moreCaps'), count: z.int() }),
]);
export type Binding = z.output<typeof bindingSchema>;

export const optimizeResultSchema = z.object({
  kind: z.literal('optimize'),
  status: z.enum(['optimal', 'infeasible', 'error']),
  scenario: z.object({ name: z.string(), startMonth: z.string(), horizonMonths: z.int(), bankNames: z.record(z.string(), z.string()) }),
  issues: z.array(issueSchema),
  warnings: z.array(issueSchema),
  safety: z.object({ confidence: z.number(), planningPaths: z.int().optional(), costOfSafety: yuan.optional(), meanFlowPlan: z.object({ interest: yuan, stress: stressSchema.optional() }).optional() }),
  stress: stressSchema.optional(),
  interest: yuan.optional(),
  evaluation: evaluationSchema.optional(),
  binding: z.array(bindingSchema),
  rollover: rolloverSchema.optional(),
  infeasibility: z.array(z.object({ monthKey: z.string(), rule: z.string(), bankId: z.string().optional(), fundType: z.string().optional(), shortWan: z.number() })).optional(),
});
export type OptimizeResult = z.output<typeof optimizeResultSchema>;
