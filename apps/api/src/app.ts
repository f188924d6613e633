import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { bodyLimit } from 'hono/body-limit';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import type { Store } from './db/store';
import { sessionMiddleware } from './http/access';
import { router } from './http/router';
import { AccessCache } from './http/accessCache';
import { bodyGuard } from './middleware/bodyGuard';
import { problem } from './http/problem';
import { actualRoutes } from './routes/actuals';
import { auditRoutes } from './routes/audits';
import { decisionRoutes } from './routes/decisions';
import { fundRoutes } from './routes/funds';
import { exportRoutes } from './routes/exports';
import { healthRoutes } from './routes/health';
import { importRoutes } from './routes/imports';
import { type RunRouteOptions, runRoutes } from './routes/runs';
import { scenarioRoutes } from './routes/scenarios';
import { type SweepRouteOptions, sweepRoutes } from './routes/sweeps';
import { warningRoutes } from './routes/warnings';
import { overviewRoutes } from './routes/overview';
import { type SessionOptions, sessionRoutes } from './routes/session';

export interface ApiOptions extends SessionOptions, RunRouteOptions, SweepRouteOptions {
  readonly store: Store;
  /** The code that answers: recorded with every run (default the package version). */
  readonly codeVersion: string;
  /** Largest request body (default 8 MiB: a scenario with years of history is well under 1 MiB). */
  readonly maxBodyBytes?: number;
  /** Origins allowed to write (besides the API's own), for the CSRF origin check. */
  readonly origins?: readonly string[];
  /**
   * How long (ms) the answers of the access checks are kept in memory (default 2000; 0: asked every time). A session
   * or role changed by another process is seen here at most this much later (src/http/accessCache.ts).
   */
  readonly accessCacheMs?: number;
  /** The built web app, served outside /api (default apps/web/dist, when `npm install` has built it); false: none. */
  readonly webRoot?: string | false;
}

/**
 * The HTTP API (docs/api.md): hono routes over the store, with sessions, roles per fund, CSRF protection, size limits
 * and strict bodies; every job goes through the application layer. Serve it with `@hono/node-server` (src/server.ts)
 * or call `app.request()` in tests.
 */
export function createApi(options: ApiOptions) {
  const app = router();
  const accessCache = new AccessCache(options.accessCacheMs ?? 2000);
  app.use('*', async (c, next) => {
    c.set('store', options.store);
    c.set('codeVersion', options.codeVersion);
    c.set('accessCache', accessCache);
    try {
      await next();
    } finally {
      // Any write may have signed someone out or changed a role: this process sees its own writes at once.
      if (!['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) accessCache.clear();
    }
  });
  app.use('*', secureHeaders());
  app.use('/api/*', csrf({ origin: (origin, c) => origin === new URL(c.req.url).origin || (options.origins ?? []).includes(origin) }));
  // The body checks only where a body is read: a GET or HEAD handler never reads one, and looking (`c.req.raw.body`)
  // makes @hono/node-server build a full Request for every read (docs/api.md §10).
  const hasBody = (method: string) => method !== 'GET' && method !== 'HEAD';
  const limit = bodyLimit({ maxSize: options.maxBodyBytes ?? 8 * 1024 * 1024, onError: (c) => problem(c, 413, 'too_large', `the body is over ${options.maxBodyBytes ?? 8 * 1024 * 1024} bytes`) });
  app.use('/api/*', (c, next) => (hasBody(c.req.method) ? limit(c, next) : next()));
  app.use('/api/*', sessionMiddleware());
  // After the session and CSRF checks, before any validator or handler reads the body.
  const guard = bodyGuard();
  app.use('/api/*', (c, next) => (hasBody(c.req.method) ? guard(c, next) : next()));

  // Chained, so that the API's type carries every route (ApiType, for hono's typed client: src/client.ts).
  const api = app
    .route('/', healthRoutes())
    .route('/', sessionRoutes(options))
    .route('/', fundRoutes())
    .route('/', scenarioRoutes())
    .route('/', runRoutes(options))
    .route('/', auditRoutes(options))
    .route('/', sweepRoutes(options))
    .route('/', importRoutes())
    .route('/', exportRoutes())
    .route('/', decisionRoutes())
    .route('/', actualRoutes())
    .route('/', warningRoutes())
    .route('/', overviewRoutes());

  app.doc31('/openapi.json', { openapi: '3.1.0', info: { title: 'fundladder API', version: options.codeVersion, description: 'Scenarios, runs, approvals and actuals of social-insurance funds (docs/api.md).' } });
  // The web app (docs/web.md): its files, and index.html for any other GET outside /api (it routes by path).
  const webRoot = options.webRoot ?? join(import.meta.dirname, '..', '..', 'web', 'dist');
  if (webRoot && existsSync(join(webRoot, 'index.html'))) {
    const files = serveStatic({ root: webRoot, onFound: (path, c) => c.header('Cache-Control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache') });
    const shell = serveStatic({ root: webRoot, path: 'index.html', onFound: (_path, c) => c.header('Cache-Control', 'no-cache') });
    app.get('*', (c, next) => (c.req.path.startsWith('/api/') ? next() : files(c, next)));
    app.get('*', (c, next) => (c.req.path.startsWith('/api/') ? next() : shell(c, next)));
  }
  app.notFound((c) => problem(c, 404, 'not_found', `no route ${c.req.method} ${new URL(c.req.url).pathname}`));
  app.onError((e, c) => {
    // hono's own refusals (the CSRF origin check: a cross-site form post) keep their status, in the API's error form.
    if (e instanceof HTTPException) return problem(c, e.status as 403, e.status === 403 ? 'csrf' : 'refused', e.status === 403 ? 'a write from another site is refused (Origin does not match)' : e.message || 'refused');
    // A malformed JSON body is the client's fault; anything else is ours, logged, and never half-saved (one transaction).
    if (e instanceof SyntaxError || /JSON/i.test(e.message)) return problem(c, 400, 'malformed_json', 'the body is not valid JSON');
    console.error(e);
    return problem(c, 500, 'internal', 'an internal error; nothing was saved by this request');
  });
  return api;
}

/** The API's routes as a type: `hc<ApiType>(…)` (src/client.ts) checks paths, parameters, bodies and answers. */
export type ApiType = ReturnType<typeof createApi>;
