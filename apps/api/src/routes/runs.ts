import { createRoute, z } from '@hono/zod-openapi';
import { JOB_KINDS, type JobKind } from '@fundladder/app';
import { streamSSE } from 'hono/streaming';
import { router } from '../http/router';
import { requireRole } from '../http/access';
import { hashJson } from '../http/hash';
import { bodyIssues, problem } from '../http/problem';
import { fundIdParam, idParam, jsonBody, responses, runSchema } from '../http/schemas';
import { type Run, createRun, getRun, listRuns, requestCancel } from '../repo/runs';
import { ResultCache } from '../http/resultCache';
import { resolveRunRequest } from '../runRequest';

const params = z.object({ fundId: fundIdParam });
const runParams = params.extend({ runId: idParam('runId') });
const runRequestSchema = z
  // Every kind the application layer runs (a kind added there is accepted here without a second list to keep).
  .object({ kind: z.enum(JOB_KINDS as [JobKind, ...JobKind[]]) })
  .passthrough()
  .openapi('RunRequest', { description: "An application-layer request (docs/app.md §1) whose scenarios are references { scenarioVersion: '<id>' }" });

const create = createRoute({
  method: 'post', path: '/api/funds/{fundId}/runs', summary: 'Run a job on stored scenario versions: 202 with the queued run at once, or the stored run when the same request was made before', middleware: [requireRole('planner')] as const,
  request: { params, body: jsonBody(runRequestSchema) },
  responses: { ...responses(202, 'queued (or the identical earlier run, `reused: true`)', z.object({ run: runSchema, reused: z.boolean() })), 200: { description: 'the identical earlier run', content: { 'application/json': { schema: z.object({ run: runSchema, reused: z.boolean() }) } } } },
});
const list = createRoute({ method: 'get', path: '/api/funds/{fundId}/runs', summary: "The fund's runs, newest first", middleware: [requireRole('viewer')] as const, request: { params, query: z.object({ before: z.string().regex(/^\d{1,18}$/).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }) }, responses: responses(200, 'runs', z.object({ runs: z.array(runSchema) })) });
const one = createRoute({ method: 'get', path: '/api/funds/{fundId}/runs/{runId}', summary: 'A run, with its result when done', middleware: [requireRole('viewer')] as const, request: { params: runParams }, responses: responses(200, 'the run', runSchema) });
const cancel = createRoute({ method: 'post', path: '/api/funds/{fundId}/runs/{runId}/cancel', summary: 'Cancel a queued or running run', middleware: [requireRole('planner')] as const, request: { params: runParams }, responses: responses(200, 'the run, cancelled or asked to stop', runSchema) });
const events = createRoute({ method: 'get', path: '/api/funds/{fundId}/runs/{runId}/events', summary: "The run's progress as server-sent events (`progress`, then one `end` with its final state)", middleware: [requireRole('viewer')] as const, request: { params: runParams }, responses: { 200: { description: 'text/event-stream' } } });

export interface RunRouteOptions {
  /** Called after a run is queued (the in-process runner looks at once). */
  readonly onQueued?: () => void;
  /** How often the event stream reads the run's row (default 250 ms). */
  readonly eventPollMs?: number;
  /** Memory for finished runs' result texts (default 64 MiB; docs/api.md §10). */
  readonly resultCacheBytes?: number;
}

export function runRoutes(options: RunRouteOptions = {}) {
  const results = new ResultCache<Uint8Array<ArrayBuffer>>(options.resultCacheBytes ?? 64 * 1024 * 1024);

  return router()
    .openapi(create, async (c) => {
    const { fundId } = c.req.valid('param');
    const resolved = await resolveRunRequest(c.var.store, fundId, c.req.valid('json'));
    if (!resolved.ok) return problem(c, 422, 'invalid_request', 'the run request breaks a rule', bodyIssues(resolved.issues)) as never;
    const r = resolved.value;
    // The hash covers what decides the result: the request (scenario versions by id, immutable) and the code version.
    const requestHash = hashJson({ request: r.stored, codeVersion: c.var.codeVersion });
    const { run, reused } = await createRun(c.var.store, { fundId, kind: r.kind, scenarioVersionIds: r.scenarioVersionIds, request: r.stored, requestHash, codeVersion: c.var.codeVersion, createdBy: c.var.user!.name });
    if (!reused) options.onQueued?.();
    return (reused ? c.json({ run, reused }, 200) : c.json({ run, reused }, 202)) as never;
  })
    .openapi(list, async (c) => {
    const { fundId } = c.req.valid('param');
    const q = c.req.valid('query');
    return c.json({ runs: await listRuns(c.var.store, fundId, { limit: q.limit, ...(q.before ? { before: q.before } : {}) }) }, 200);
  })
    .openapi(one, async (c) => {
    const { fundId, runId } = c.req.valid('param');
    // A done run never changes again (every update of a run row needs it queued or running: src/repo/runs.ts), so its
    // whole answer is kept as text after the first read: later reads ask the store nothing.
    const key = `${fundId}\u0000${runId}`;
    const kept = results.get(key);
    if (kept !== undefined) return c.body(kept, 200, { 'content-type': 'application/json' }) as never;
    const run = await getRun(c.var.store, fundId, runId);
    if (!run) return problem(c, 404, 'not_found', 'no such run in this fund') as never;
    if (run.state !== 'done') return c.json(run, 200);
    const full = await getRun(c.var.store, fundId, runId, true);
    // Exactly what c.json({ ...run, result }) sends, built once.
    // Kept as UTF-8 bytes: each later read writes them to the socket as they are, without encoding 60 KiB again.
    const bytes = new TextEncoder().encode(`${JSON.stringify(run).slice(0, -1)},"result":${JSON.stringify(full!.result)}}`);
    results.set(key, bytes);
    return c.body(bytes, 200, { 'content-type': 'application/json' }) as never;
  })
    .openapi(cancel, async (c) => {
    const { fundId, runId } = c.req.valid('param');
    const run = await requestCancel(c.var.store, fundId, runId);
    return run ? c.json(run, 200) : (problem(c, 404, 'not_found', 'no such run in this fund') as never);
  })
    .openapi(events, async (c) => {
    const { fundId, runId } = c.req.valid('param');
    const first = await getRun(c.var.store, fundId, runId);
    if (!first) return problem(c, 404, 'not_found', 'no such run in this fund') as never;
    const pollMs = options.eventPollMs ?? 250;
    return streamSSE(c, async (stream) => {
      let last = '';
      let run: Run | undefined = first;
      let id = 0;
      while (run && !stream.aborted) {
        const now = JSON.stringify({ state: run.state, progress: run.progress });
        if (now !== last) {
          last = now;
          await stream.writeSSE({ event: 'progress', id: String(id++), data: now });
        }
        if (['done', 'failed', 'cancelled'].includes(run.state)) {
          await stream.writeSSE({ event: 'end', id: String(id++), data: JSON.stringify({ state: run.state, issues: run.issues }) });
          return;
        }
        await stream.sleep(pollMs);
        run = await getRun(c.var.store, fundId, runId);
      }
    }) as never;
  });
}
