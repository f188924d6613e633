import { createRoute, z } from '@hono/zod-openapi';
import type { Role } from '../auth/access';
import { approvalState, checkDecision } from '../decisions/rules';
import { router } from '../http/router';
import { requireRole } from '../http/access';
import { problem } from '../http/problem';
import { fundIdParam, idParam, jsonBody, responses } from '../http/schemas';
import { DECISION_ACTIONS, appendDecision, listDecisions, runDecisions, verifyChain } from '../repo/decisions';
import { lockFund } from '../repo/fundLock';
import { getRun } from '../repo/runs';

const params = z.object({ fundId: fundIdParam });
const runParams = params.extend({ runId: idParam('runId') });

export const decisionSchema = z
  .object({ id: z.string(), fundId: z.string(), runId: z.string(), action: z.enum(DECISION_ACTIONS), userName: z.string(), comment: z.string().nullable(), createdAt: z.string(), prevHash: z.string(), hash: z.string() })
  .openapi('Decision');
const chainBreakSchema = z.object({ id: z.string(), reason: z.enum(['hash', 'link']), expected: z.string(), stored: z.string() }).openapi('ChainBreak');
const approvalSchema = z.enum(['none', 'proposed', 'approved', 'rejected', 'withdrawn']);

const append = createRoute({
  method: 'post', path: '/api/funds/{fundId}/runs/{runId}/decisions',
  summary: 'Propose a finished run (planner), review, approve or reject it (approver, never the one who proposed or created it), or withdraw it (its proposer): one entry appended to the fund’s hash chain',
  middleware: [requireRole('planner')] as const,
  request: { params: runParams, body: jsonBody(z.strictObject({ action: z.enum(DECISION_ACTIONS), comment: z.string().max(2000).optional() })) },
  responses: responses(201, 'the entry, and where the run stands now', z.object({ decision: decisionSchema, state: approvalSchema })),
});
const chain = createRoute({
  method: 'get', path: '/api/funds/{fundId}/decisions', summary: "The fund's decision log, oldest first, with every hash recomputed: `verified`, and the first entry that breaks the chain",
  middleware: [requireRole('viewer')] as const, request: { params },
  responses: responses(200, 'the chain', z.object({ decisions: z.array(decisionSchema), verified: z.boolean(), firstBroken: chainBreakSchema.nullable() })),
});
const ofRun = createRoute({
  method: 'get', path: '/api/funds/{fundId}/runs/{runId}/decisions', summary: "One run's entries, oldest first, and where it stands (none, proposed, approved, rejected, withdrawn)",
  middleware: [requireRole('viewer')] as const, request: { params: runParams },
  responses: responses(200, "the run's entries", z.object({ runId: z.string(), state: approvalSchema, proposer: z.string().nullable(), decisions: z.array(decisionSchema) })),
});

export function decisionRoutes() {
  return router()
    .openapi(append, async (c) => {
    const { fundId, runId } = c.req.valid('param');
    const { action, comment } = c.req.valid('json');
    const user = c.var.user!.name;
    const role = c.get('role' as never) as Role;
    // Read, check and append under the fund's lock, in one transaction: a refusal or a failure appends nothing, and
    // two requests at once are checked one after the other (the second sees the first's entry).
    const out = await c.var.store.transaction(async (tx) => {
      await lockFund(tx, fundId);
      const run = await getRun(tx, fundId, runId);
      if (!run) return { ok: false as const, notFound: true as const };
      const entries = await runDecisions(tx, fundId, runId);
      const refusal = checkDecision({ action, user, role, runState: run.state, createdBy: run.createdBy, entries });
      if (refusal) return { ok: false as const, refusal };
      const decision = await appendDecision(tx, { fundId, runId, action, userName: user, comment: comment ?? null });
      return { ok: true as const, decision, state: approvalState([...entries, decision]).state };
    });
    if (!out.ok && 'notFound' in out) return problem(c, 404, 'not_found', 'no such run in this fund') as never;
    if (!out.ok) return problem(c, out.refusal.status, out.refusal.code, out.refusal.issue.message, [out.refusal.issue]) as never;
    return c.json({ decision: out.decision, state: out.state }, 201);
  })
    .openapi(chain, async (c) => {
    const decisions = await listDecisions(c.var.store, c.req.valid('param').fundId);
    const firstBroken = verifyChain(decisions) ?? null;
    return c.json({ decisions, verified: firstBroken === null, firstBroken }, 200);
  })
    .openapi(ofRun, async (c) => {
    const { fundId, runId } = c.req.valid('param');
    if (!(await getRun(c.var.store, fundId, runId))) return problem(c, 404, 'not_found', 'no such run in this fund') as never;
    const decisions = await runDecisions(c.var.store, fundId, runId);
    const { state, proposer } = approvalState(decisions);
    return c.json({ runId, state, proposer: proposer ?? null, decisions }, 200);
  });
}
