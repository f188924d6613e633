// A fund's policy sweeps (docs/sweep.md §8): start one on a stored scenario version with the CLI's grid, read its points
// as they arrive with the frontier once every point is finished, cancel it. Checking, paths, points and the frontier
// are the application layer's (prepareSweep, drawSweepPaths, runSweepPoint, summarizeSweep); the points go to the
// sweep queue of migration 005 (src/jobs/sweepQueue.ts), which the API's job runner and `fundladder worker` processes
// take from.
import { createRoute, z } from '@hono/zod-openapi';
import type { DomainIssue } from '@fundladder/core';
import {
  type SweepPointResult, type SweepRequest, type SweepResult, type SweepSetup, type VarySpec, canonicalJson, expandGrid, parseVary, readScenarioJson, sha256Hex, summarizeSweep, sweepParameter, sweepPointKey,
  sweepPointResult, sweepResult,
} from '@fundladder/app';
import { router } from '../http/router';
import { requireRole } from '../http/access';
import { bodyIssues, problem, worded } from '../http/problem';
import { fundIdParam, idParam, jsonBody, responses } from '../http/schemas';
import { getVersion } from '../repo/scenarios';
import { type FundSweep, type StoredPoint, SINCE_MARGIN_SECONDS, SWEEP_CURSOR, cancelSweep, getFundSweep, listSweeps, resumeSweep, sweepCursor, sweepPoints } from '../repo/sweeps';
import { enqueueSweep, getSweepByKey } from '../jobs/sweepQueue';
import { type SweepExecutor, workerSweepExecutor } from '../jobs/sweepExecutor';

const params = z.object({ fundId: fundIdParam });
const sweepParams = params.extend({ sweepId: idParam('sweepId') });

const varyItem = z.union([
  z.string().min(1).max(400).openapi({ description: "the CLI's --vary text: NAME=FROM..TO[:STEP] or NAME=V1,V2,…", example: 'reserveMonths=1..3' }),
  z.object({ name: z.string().min(1).max(100), values: z.array(z.string().min(1).max(40)).min(1).max(1000) }).strict(),
]);
const sweepBody = z
  .object({
    scenario: z.object({ scenarioVersion: z.string() }).strict().openapi({ description: 'the stored scenario version the sweep varies' }),
    vary: z.array(varyItem).min(1).max(2),
    options: z.record(z.string(), z.unknown()).optional().openapi({ description: 'paths (check paths, default 200), planningPaths (default 1000), seed (default 1), solver (highs|jsls): the sweep job\'s options, checked by the application layer' }),
  })
  .strict()
  .openapi('SweepRequest', { description: 'A policy sweep (docs/sweep.md): one or two parameters over a grid, on a stored scenario version of the fund' });

const countsSchema = z.object({ queued: z.number(), running: z.number(), done: z.number(), failed: z.number(), cancelled: z.number(), total: z.number() });
const sweepSummarySchema = z
  .object({
    id: z.string(), fundId: z.string(), scenarioVersionId: z.string(), codeVersion: z.string(), state: z.enum(['queued', 'running', 'done', 'cancelled']), counts: countsSchema,
    paths: z.unknown().openapi({ description: 'the shared paths: check, planning, seed, distinct, fingerprint' }), createdBy: z.string().nullable(), createdAt: z.string(), cancelledAt: z.string().nullable(),
  })
  .openapi('SweepSummary');
const pointSchema = z
  .object({
    index: z.number(), values: z.record(z.string(), z.string()), state: z.enum(['queued', 'running', 'done', 'failed', 'cancelled']), attempts: z.number(),
    result: z.unknown().optional().openapi({ description: "the point's result in the sweep job's wire form (sweepPointResult: status, interest in yuan, risk, binding rules), when done" }),
    issues: z.array(z.unknown()).optional().openapi({ description: 'why a failed or cancelled point has no result' }),
  })
  .openapi('SweepPoint');
const sweepSchema = z
  .object({
    sweep: sweepSummarySchema.extend({ parameters: z.array(z.object({ name: z.string(), values: z.array(z.string()) })), options: z.unknown() }),
    points: z.array(pointSchema).openapi({ description: 'every point, by index; with `since`, only the points whose state, attempts, result or issues changed at or after that cursor' }),
    since: z.string().nullable().openapi({ description: 'the cursor this answer was asked with (`points` holds only the points changed since it), or null (`points` holds every point)' }),
    cursor: z.string().openapi({ description: `send as \`since\` with the next read: the database's clock at this read less ${SINCE_MARGIN_SECONDS} s (points changed in that margin are sent again; merge them by index)`, example: '1767225590000000' }),
    frontier: z.array(z.number()).nullable().openapi({ description: 'indices of the points on the Pareto front (least gap probability first), once no point is queued or running' }),
    changes: z.array(z.unknown()).nullable().openapi({ description: 'where binding rules start or stop along the grid, with the frontier' }),
  })
  .openapi('Sweep');

const create = createRoute({
  method: 'post', path: '/api/funds/{fundId}/sweeps', summary: 'Start a policy sweep on a stored scenario version: 202 with its points queued, or 200 with the same sweep asked for before', middleware: [requireRole('planner')] as const,
  request: { params, body: jsonBody(sweepBody) },
  responses: { ...responses(202, 'queued (or a cancelled identical sweep queued again, `reused: true`)', z.object({ sweep: sweepSummarySchema, reused: z.boolean() })), 200: { description: 'the identical earlier sweep', content: { 'application/json': { schema: z.object({ sweep: sweepSummarySchema, reused: z.boolean() }) } } } },
});
const list = createRoute({ method: 'get', path: '/api/funds/{fundId}/sweeps', summary: "The fund's sweeps, newest first, with their points per state", middleware: [requireRole('viewer')] as const, request: { params }, responses: responses(200, 'sweeps', z.object({ sweeps: z.array(sweepSummarySchema) })) });
const sinceQuery = z.object({
  since: z
    .string()
    .refine((v) => SWEEP_CURSOR.test(v), { message: 'a cursor is the `cursor` an earlier read of this sweep returned (decimal digits, at most 17)', params: { rule: 'sweepCursor' } })
    .optional()
    .openapi({ description: 'the `cursor` of an earlier read: answer only the points changed since it (the summary, counts and frontier are always whole)', example: '1767225590000000' }),
});
const one = createRoute({
  method: 'get', path: '/api/funds/{fundId}/sweeps/{sweepId}', middleware: [requireRole('viewer')] as const, request: { params: sweepParams, query: sinceQuery }, responses: responses(200, 'the sweep', sweepSchema),
  summary: 'A sweep with its points so far (with `since`, only those changed since that cursor), and the frontier once every point is finished',
  description: `Without \`since\`: every point. With \`since\` (the \`cursor\` of an earlier answer): the sweep's summary and counts, the frontier and changes once no point is queued or running, and only the points whose state, attempts, result or issues changed at or after the cursor. The cursor is the database's clock at the read less ${SINCE_MARGIN_SECONDS} s, so a point written by an UPDATE that committed just after a read is still sent by the next; such points come twice, and a reader merges points by \`index\`. A reader that follows a running sweep with \`since\` reads it once more without \`since\` when it stops running.`,
});
const cancel = createRoute({ method: 'post', path: '/api/funds/{fundId}/sweeps/{sweepId}/cancel', summary: 'Cancel a sweep: its unfinished points fail as cancelled, finished points stay', middleware: [requireRole('planner')] as const, request: { params: sweepParams }, responses: responses(200, 'the sweep', sweepSummarySchema) });

export interface SweepRouteOptions {
  /** Called after a sweep's points are queued (the in-process runner looks at once). */
  readonly onQueued?: () => void;
  /** Where a new sweep's paths are drawn (default: a worker thread, src/jobs/sweepExecutor.ts). */
  readonly sweepExecutor?: SweepExecutor;
}

/**
 * The vary items as the app layer's specs, names made canonical: a text item read by the CLI's grammar (parseVary), a
 * name checked by sweepParameter; issues under `vary[i]`.
 */
function varySpecs(items: readonly (string | { name: string; values: string[] })[]): { ok: true; value: VarySpec[] } | { ok: false; issues: DomainIssue[] } {
  const issues: DomainIssue[] = [];
  const specs: VarySpec[] = [];
  items.forEach((item, i) => {
    const spec = typeof item === 'string' ? parseVary(item) : ({ ok: true, value: item } as const);
    if (!spec.ok) return void issues.push(...spec.issues.map((x) => ({ ...x, path: ['vary', i] })));
    const parameter = sweepParameter(spec.value.name);
    if (!parameter.ok) return void issues.push(...parameter.issues.map((x) => ({ ...x, path: ['vary', i, ...(typeof item === 'string' ? [] : ['name'])] })));
    specs.push({ name: parameter.value.name, values: [...spec.value.values] });
  });
  return issues.length ? { ok: false, issues } : { ok: true, value: specs };
}

/**
 * prepareSweep's issues at their place in the body: the request's own under their path; the grid's (`--vary`) under
 * `vary`; a value the scenario's schema refuses under `vary[i].values[j]` (its message names the field).
 */
function placeIssues(issues: readonly DomainIssue[], vary: readonly VarySpec[]): DomainIssue[] {
  return issues.map((issue) => {
    const [head, ...rest] = issue.path;
    if (head === 'request') return { ...issue, path: rest };
    if (head === '--vary') return { ...issue, path: ['vary'] };
    if (head === 'options') return issue;
    for (const [i, axis] of vary.entries()) {
      const j = axis.values.findIndex((v) => issue.message.startsWith(`${axis.name}=${v}:`));
      if (j >= 0) return { ...issue, path: ['vary', i, 'values', j], message: `${issue.message} (scenario field ${issue.path.join('.')})` };
    }
    return { ...issue, path: ['scenario', ...issue.path] };
  });
}

const summaryOf = (s: FundSweep | Omit<FundSweep, 'request'>) => ({
  id: s.id, fundId: s.fundId, scenarioVersionId: s.scenarioVersionId, codeVersion: s.codeVersion, state: s.state, counts: s.counts, paths: s.paths, createdBy: s.createdBy, createdAt: s.createdAt, cancelledAt: s.cancelledAt,
});

const pointOf = (p: StoredPoint) => ({
  index: p.index, values: p.values, state: p.state, attempts: p.attempts,
  ...(p.state === 'done' ? { result: p.result } : {}),
  ...((p.state === 'failed' || p.state === 'cancelled') && p.issues ? { issues: p.issues.map(worded) } : {}),
});

/**
 * A stored sweep's setup as summarizeSweep needs it: the stored request was checked by prepareSweep when the sweep
 * started (every value on the scenario: tens of ms each), so here only its scenario is read and its grid expanded.
 */
function storedSetup(sweep: FundSweep): SweepSetup | undefined {
  const request = sweep.request as SweepSetup['request'];
  const scenario = readScenarioJson(request.scenario);
  const points = expandGrid(request.vary);
  if (!scenario.ok || !points.ok) return undefined;
  return { request, scenario: scenario.value.scenario, points: points.value, safe: false };
}

/**
 * The frontier and the changes of binding rules over the points done (summarizeSweep), once no point is queued or
 * running; the paths' summary is the stored one (drawn when the sweep started), so reading draws nothing.
 */
function frontierOf(sweep: FundSweep, points: readonly StoredPoint[]): Pick<SweepResult, 'frontier' | 'changes'> | undefined {
  if (sweep.counts.queued + sweep.counts.running > 0) return undefined;
  const setup = storedSetup(sweep);
  if (!setup) return undefined;
  const done: SweepPointResult[] = points.flatMap((p) => (p.state === 'done' ? [sweepPointResult.decode(p.result as never)] : []));
  const paths = sweep.paths as SweepResult['paths'];
  const summary = summarizeSweep(setup, { check: [], planning: [], fingerprint: paths.fingerprint, distinct: paths.distinct }, done);
  const wire = sweepResult.encode({ ...summary, paths });
  return { frontier: wire.frontier, changes: wire.changes };
}

/** Frontiers of finished sweeps, by sweep and what its points are: a finished sweep changes only when queued again. */
const FRONTIERS_KEPT = 64;

export function sweepRoutes(options: SweepRouteOptions = {}) {
  let executor = options.sweepExecutor;
  const sweeps = () => (executor ??= workerSweepExecutor());
  const frontiers = new Map<string, ReturnType<typeof frontierOf>>();
  // Every point is read only on a miss: a `?since=` read of a finished sweep whose frontier is kept reads the changed ones.
  const frontierKept = async (sweep: FundSweep, points: () => Promise<readonly StoredPoint[]>) => {
    if (sweep.counts.queued + sweep.counts.running > 0) return undefined;
    const key = `${sweep.id}:${JSON.stringify(sweep.counts)}:${sweep.cancelledAt ?? ''}`;
    if (frontiers.has(key)) return frontiers.get(key);
    const front = frontierOf(sweep, await points());
    frontiers.set(key, front);
    if (frontiers.size > FRONTIERS_KEPT) frontiers.delete(frontiers.keys().next().value!);
    return front;
  };

  return router()
    .openapi(create, async (c) => {
      const { fundId } = c.req.valid('param');
      const body = c.req.valid('json');
      const refuse = (issues: readonly DomainIssue[]) => problem(c, 422, 'invalid_request', 'the sweep request breaks a rule', bodyIssues(issues)) as never;
      const version = await getVersion(c.var.store, fundId, body.scenario.scenarioVersion);
      // The same words as a run naming a version this fund does not have: another fund's version is not told apart.
      if (!version) return refuse([{ code: 'unknown_reference', path: ['scenario', 'scenarioVersion'], rule: 'scenarioVersionOfFund', message: 'no scenario version with this id in this fund', received: body.scenario.scenarioVersion }]);
      const vary = varySpecs(body.vary);
      if (!vary.ok) return refuse(vary.issues);
      const request: SweepRequest = { kind: 'sweep', scenario: version.body, vary: vary.value.map((v) => ({ name: v.name, values: [...v.values] })), ...(body.options ? { options: body.options as SweepRequest['options'] } : {}) };
      // The checks before any work (the request's shape and bounds, each value on the scenario, the grid's size), in a
      // sweep thread: each value is put into the scenario and the scenario parsed (tens of ms a value, 2,000 at most).
      const checked = await sweeps().check(request);
      if (!checked.ok) return refuse(placeIssues(checked.issues, vary.value));
      const canonical = checked.value.request as SweepSetup['request'];
      // One sweep per fund, request and code: asked again, the same sweep (a cancelled one is queued again).
      const key = sha256Hex(canonicalJson({ request: canonical, code: c.var.codeVersion, fund: fundId }));
      const known = await getSweepByKey(c.var.store, key);
      if (known) {
        const resumed = await resumeSweep(c.var.store, fundId, known.id);
        const sweep = (await getFundSweep(c.var.store, fundId, known.id))!;
        if (resumed) options.onQueued?.();
        return c.json({ sweep: summaryOf(sweep), reused: true }, resumed ? 202 : 200) as never;
      }
      const prepared = await sweeps().prepare(canonical);
      if (!prepared.ok) return refuse(placeIssues(prepared.issues, vary.value));
      const { paths } = prepared.value;
      const grid = expandGrid(canonical.vary);
      if (!grid.ok) return refuse(placeIssues(grid.issues, vary.value));
      const points = grid.value.map((p) => ({ index: p.index, values: { ...p.values }, key: sweepPointKey({ scenario: canonical.scenario, values: p.values, options: canonical.options, pathsFingerprint: paths.fingerprint, codeVersion: c.var.codeVersion }) }));
      const { sweep, created } = await enqueueSweep(c.var.store, { key, request: prepared.value.request, pathsFingerprint: paths.fingerprint, codeVersion: c.var.codeVersion, points, fund: { fundId, scenarioVersionId: version.id, createdBy: c.var.user!.name, paths } });
      if (created) options.onQueued?.();
      const stored = (await getFundSweep(c.var.store, fundId, sweep.id))!;
      return c.json({ sweep: summaryOf(stored), reused: !created }, created ? 202 : 200) as never;
    })
    .openapi(list, async (c) => {
      const { fundId } = c.req.valid('param');
      return c.json({ sweeps: (await listSweeps(c.var.store, fundId)).map(summaryOf) }, 200);
    })
    .openapi(one, async (c) => {
      const { fundId, sweepId } = c.req.valid('param');
      const { since } = c.req.valid('query');
      // The clock before anything is read: a point this read does not see changes at or after the cursor (less the margin).
      const cursor = await sweepCursor(c.var.store);
      const sweep = await getFundSweep(c.var.store, fundId, sweepId);
      if (!sweep) return problem(c, 404, 'not_found', 'no such sweep in this fund') as never;
      const points = await sweepPoints(c.var.store, sweep.id, since === undefined ? {} : { changedSince: since });
      const request = sweep.request as { vary: VarySpec[]; options: unknown };
      const front = await frontierKept(sweep, async () => (since === undefined ? points : sweepPoints(c.var.store, sweep.id)));
      return c.json(
        {
          sweep: { ...summaryOf(sweep), parameters: request.vary.map((v) => ({ name: v.name, values: [...v.values] })), options: request.options },
          points: points.map(pointOf),
          since: since ?? null,
          cursor,
          frontier: front?.frontier ?? null,
          changes: front?.changes ?? null,
        },
        200,
      );
    })
    .openapi(cancel, async (c) => {
      const { fundId, sweepId } = c.req.valid('param');
      const sweep = await cancelSweep(c.var.store, fundId, sweepId);
      return sweep ? c.json(summaryOf(sweep), 200) : (problem(c, 404, 'not_found', 'no such sweep in this fund') as never);
    });
}
