// Every API response is checked before a screen or chart sees it (the pattern of fava's frontend/src/api/validators.ts).
// Here and in the *Schemas.ts files beside it: the API's own shapes, which the application layer does not define —
// the session, funds, scenarios and their versions, runs and their events, problems, lists, imports, actuals, the
// overview — following docs/api.md and apps/api/src/http/schemas.ts. Objects are not strict: a field the API adds later
// does not break the app, while a field the app reads that is missing or of the wrong kind does, at the boundary.
// A run's result is not declared here: it is checked with the application layer's own schemas (results.ts,
// `@fundladder/app/wire`), the ones the jobs encode it with.
import { z } from 'zod';
import { isYuanText, type YuanText } from '../format/money';

/** Money on the wire: yuan as a decimal string to the fen. */
export const yuan = z.string().refine(isYuanText, 'money is yuan as a decimal string to the fen, e.g. "1234.50"').transform((s) => s as YuanText);
/** An exact decimal that is not money (a rate or a share as a fraction). */
export const decimalText = z.string().regex(/^-?\d+(\.\d+)?$/, 'a decimal string, e.g. "0.0175"');

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
export function issueSentence(i: Pick<Issue, 'message' | 'received' | 'text'>, lang: 'zh' | 'en'): string {
  return i.text?.[lang] ?? `${i.message}${i.received !== undefined ? ` (${i.received})` : ''}`;
}

export const problemSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }), issues: z.array(issueSchema).default([]) });

export const ROLES = ['viewer', 'planner', 'approver', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Whether `role` (a user's role in a fund, if any) is `needed` or above, in the order of {@link ROLES} — the API's rule
 * (apps/api/src/auth/access.ts `roleAtLeast`); the screens offer only what it would allow.
 * @example roleAtLeast('approver', 'planner') //=> true
 * @example roleAtLeast(undefined, 'viewer') //=> false
 */
export function roleAtLeast(role: string | null | undefined, needed: Role): boolean {
  const rank = ROLES.indexOf(role as Role);
  return rank >= 0 && rank >= ROLES.indexOf(needed);
}

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
