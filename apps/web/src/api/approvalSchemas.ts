// The decision log (apps/api/src/routes/decisions.ts): a run's entries and state, and the fund's hash chain.
import { z } from 'zod';

export const DECISION_ACTIONS = ['propose', 'review', 'approve', 'reject', 'withdraw'] as const;
export type DecisionAction = (typeof DECISION_ACTIONS)[number];
export const APPROVAL_STATES = ['none', 'proposed', 'approved', 'rejected', 'withdrawn'] as const;
export type ApprovalState = (typeof APPROVAL_STATES)[number];

export const decisionSchema = z.object({ id: z.string(), runId: z.string(), action: z.enum(DECISION_ACTIONS), userName: z.string(), comment: z.string().nullable(), createdAt: z.string(), prevHash: z.string(), hash: z.string() });
export type Decision = z.output<typeof decisionSchema>;

export const runDecisionsSchema = z.object({ runId: z.string(), state: z.enum(APPROVAL_STATES), proposer: z.string().nullable(), decisions: z.array(decisionSchema) });
export type RunDecisions = z.output<typeof runDecisionsSchema>;
export const chainSchema = z.object({ decisions: z.array(decisionSchema), verified: z.boolean(), firstBroken: z.object({ id: z.string(), reason: z.string(), expected: z.string(), stored: z.string() }).nullable() });
export type Chain = z.output<typeof chainSchema>;
export const decidedSchema = z.object({ decision: decisionSchema, state: z.enum(APPROVAL_STATES) });
