import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { createRoute, z } from '@hono/zod-openapi';
import { JOB_KINDS, type JobKind } from '@fundladder/app';
import { streamSSE } from 'hono/streaming';
import { router } from '../http/router';
import { requireRole } from '../http/access';
import { hashJson } from '../http/hash';
import { bodyIssues, problem, worded } from '../http/problem';
import { fundIdParam, idParam, jsonBody, responses, runSchema } from '../http/schemas';
import { type Run, createRun, getRun, listRuns, requestCancel } from '../repo/runs';
import { ResultCache } from '../http/resultCache';
import { acceptsGzip, noneMatch } from '../http/encoding';
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

/** A done run's whole answer, kept: its bytes as sent without and with gzip, and its entity tag. */
interface KeptAnswer {
  readonly identity: Uint8Array<ArrayBuffer>;
  readonly gzip: Uint8Array<ArrayBuffer>;
  readonly etag: string;
}

/** The answer of a done run, built once: the JSON bytes, the same gzipped (level 6), and a strong tag of their hash. */
function keptAnswer(json: string): KeptAnswer {
  const identity = new TextEncoder().encode(json);
  const gzip = new Uint8Array(gzipSync(identity, { level: 6 }));
  return { identity, gzip, etag: `"${createHash('sha256').update(identity).digest('base64url').slice(0, 27)}"` };
}

export function runRoutes(options: RunRouteOptions = {}) {
  const results = new ResultCache<KeptAnswer>(options.resultCacheBytes ?? 64 * 1024 * 1024, (a) => a.identity.byteLength + a.gzip.byteLength);

  /**
   * A kept answer as the client asked for it: 304 when its copy is current (If-None-Match), gzip when it takes gzip.
   * `no-cache`: a client may keep the answer but must ask again before using it, so that the access checks (which ran
   * before this) decide every use; a 304 costs a few bytes.
   */
  const send = (header: (name: string) => string | undefined, a: KeptAnswer): Response => {
    const headers: Record<string, string> = { etag: a.etag, vary: 'accept-encoding', 'cache-control': 'private, no-cache' };
    if (noneMatch(header('if-none-match'), a.etag)) return new Response(null, { status: 304, headers });
    if (acceptsGzip(header('accept-encoding'))) return new Response(a.gzip, { status: 200, headers: { ...headers, 'content-type': 'application/json', 'content-encoding': 'gzip' } });
    return new Response(a.identity, { status: 200, headers: { ...headers, 'content-type': 'application/json' } });
  };

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
    if (kept !== undefined) return send((h) => c.req.header(h), kept) as never;
    const run = await getRun(c.var.store, fundId, runId);
    if (!run) return problem(c, 404, 'not_found', 'no such run in this fund') as never;
    // A failed or cancelled run's issues carry the catalogue's sentences (text.zh, text.en), as a refused request's do.
    if (run.state !== 'done') return c.json({ ...run, issues: run.issues?.map(worded) ?? null }, 200);
    const full = await getRun(c.var.store, fundId, runId, true);
    // Exactly what c.json({ ...run, result }) sends, built once. Kept as UTF-8 bytes and gzipped (a 63 KiB answer is
    // about a tenth of it gzipped): each later read writes them to the socket as they are.
    const answer = keptAnswer(`${JSON.stringify(run).slice(0, -1)},"result":${JSON.stringify(full!.result)}}`);
    results.set(key, answer);
    return send((h) => c.req.header(h), answer) as never;
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
          await stream.writeSSE({ event: 'end', id: String(id++), data: JSON.stringify({ state: run.state, issues: run.issues?.map(worded) ?? null }) });
          return;
        }
        await stream.sleep(pollMs);
        run = await getRun(c.var.store, fundId, runId);
      }
    }) as never;
  });
}
