// Who may call what (docs/api.md §5), proved cell by cell on every store: each route the app registers × each kind of
// caller × the caller's own fund, another fund, and another fund's resource named under the caller's own fund.
// The routes come from the app itself (its OpenAPI document and `app.routes`): a route added without a row in TABLE
// fails here, by name, until someone states who may call it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tinyPlan, tinyScenario } from '@fundladder/core/testing';
import { createApi } from './app';
import { type Role, createLoginToken, openSession, roleAtLeast } from './auth/access';
import type { Store } from './db/store';
import { CSRF_HEADER, SESSION_COOKIE } from './http/access';
import { createFund } from './repo/funds';
import { createScenario } from './repo/scenarios';
import { enqueueSweep } from './jobs/sweepQueue';
import { TEST_PASSWORD_PARAMS, makeUser } from './testing/client';
import { countChanges, tableCounts, tableNames } from './testing/rows';
import { finishedRun } from './testing/runs';
import { testStoreKinds } from './testing/stores';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const FLOWS_CSV = readFileSync(join(ROOT, 'examples', 'import', 'flows-gbk.csv'));
/** The sample planned on its mean flows (confidence 0): a sweep on it draws 5 check paths and no planning paths. */
const SAMPLE = JSON.parse(readFileSync(join(ROOT, 'examples', 'county-fund', 'scenario.json'), 'utf8')) as { policy?: { safety?: object } };
const SAMPLE_AT_ZERO = { ...SAMPLE, policy: { ...SAMPLE.policy, safety: { ...SAMPLE.policy?.safety, confidence: 0 } } };

/** Who a route is for: anyone; anyone signed in; site administrators; or at least this role in the path's fund. */
type Need = 'public' | 'signedIn' | 'siteAdmin' | Role;

/** A fund's resources the paths name. */
interface Fixture {
  readonly fundId: string;
  readonly scenarioId: string;
  readonly versionId: string;
  /** A finished evaluate run: its event stream ends at once; it can be proposed; it is not exportable (not optimize). */
  readonly runId: string;
  /** A version with history a sweep can draw paths from (the sample at confidence 0). */
  readonly sweepVersionId: string;
  /** A sweep with its two points queued (no runner here: they stay queued until a cancel cell fails them). */
  readonly sweepId: string;
}

interface BuildContext {
  readonly store: Store;
  /** The fund whose resources the request names (its path's, or for the third column the other fund's). */
  readonly at: Fixture;
  /** Unique per request: names of things created. */
  readonly seq: number;
  readonly loginUserId: string;
  /** A new finished run in `at`'s fund, for a request that needs one no one has decided on yet. */
  readonly newRun: () => Promise<string>;
}

/** A request: path parameters replacing the fixture's (a fresh run), query and body. */
interface Request {
  readonly params?: Record<string, string>;
  readonly query?: string;
  readonly body?: unknown;
}

interface Row {
  readonly need: Need;
  /** The statuses of the allowed request, built valid by `request`. */
  readonly ok: readonly number[];
  /** Why `ok` is not a plain 2xx, where it is not. */
  readonly why?: string;
  /** The query names a fund's resource (so the third column applies: another fund's resource under one's own fund). */
  readonly queryResource?: true;
  readonly request?: (ctx: BuildContext) => Promise<Request> | Request;
}

const LOGIN_USER = 'm-login';
const LOGIN_PASSWORD = `pw-${LOGIN_USER}-0123456789`;
const BYSTANDER = 'm-bystander';

const latestVersion = async (ctx: BuildContext) => Number((await ctx.store.query<{ v: number }>('select max(version) as v from scenario_versions where scenario_id = $1', [ctx.at.scenarioId]))[0]!.v);
const importForm = () => {
  const form = new FormData();
  form.append('history', new File([FLOWS_CSV], 'flows-gbk.csv'));
  form.append('name', '导入');
  return form;
};
/** A one-line statement of the tiny scenario's work-injury account (contract 0.05% from 2025-05-20): an audit that queues. */
const auditForm = (versionId: string) => {
  const form = new FormData();
  form.append('statement', new File(['账户,起息日,结息日,余额（元）,实付利息（元）\ninjury-fsa,2025-06-21,2025-09-20,30000000.00,0.00\n'], 'statement.csv'));
  form.append('scenarioVersion', versionId);
  return form;
};
const notExportable = 'the fixture run is an evaluate run: 409 not_exportable comes after the access check (a finished optimize run would cost the optimizer’s time, and the PDF Chromium)';

/**
 * Every route, who may call it, and a valid request for the allowed case. A new route needs a row here (the test
 * below fails naming it until it has one).
 */
const TABLE: Record<string, Row> = {
  'GET /openapi.json': { need: 'public', ok: [200] },
  'GET /api/health': { need: 'public', ok: [200] },
  'POST /api/session': { need: 'public', ok: [200], request: () => ({ body: { name: LOGIN_USER, password: LOGIN_PASSWORD } }) },
  'GET /api/session': { need: 'signedIn', ok: [200] },
  'DELETE /api/session': { need: 'public', ok: [200], why: 'signing out without a session is a no-op, not an error' },
  'GET /api/login': { need: 'public', ok: [302], request: async (ctx) => ({ query: `token=${await createLoginToken(ctx.store, ctx.loginUserId)}` }) },
  'POST /api/users': { need: 'siteAdmin', ok: [201], request: (ctx) => ({ body: { name: `m-user-${ctx.seq}`, password: 'a-long-enough-password' } }) },
  'GET /api/funds': { need: 'signedIn', ok: [200], why: 'lists only the funds the caller holds a role in' },
  'POST /api/funds': { need: 'siteAdmin', ok: [201], request: (ctx) => ({ body: { id: `m-fund-${ctx.seq}`, name: '新基金' } }) },
  'GET /api/funds/{fundId}': { need: 'viewer', ok: [200] },
  'PUT /api/funds/{fundId}/members/{userName}': { need: 'admin', ok: [200], request: () => ({ body: { role: 'viewer' } }) },
  'GET /api/funds/{fundId}/scenarios': { need: 'viewer', ok: [200] },
  'POST /api/funds/{fundId}/scenarios': { need: 'planner', ok: [201], request: (ctx) => ({ body: { name: `方案 ${ctx.seq}`, body: tinyScenario() } }) },
  'GET /api/funds/{fundId}/scenarios/{scenarioId}': { need: 'viewer', ok: [200] },
  'POST /api/funds/{fundId}/scenarios/{scenarioId}/versions': { need: 'planner', ok: [201], request: async (ctx) => ({ body: { baseVersion: await latestVersion(ctx), body: tinyScenario({ name: `edit ${ctx.seq}` }) } }) },
  'GET /api/funds/{fundId}/scenario-versions/{versionId}': { need: 'viewer', ok: [200] },
  'GET /api/funds/{fundId}/runs': { need: 'viewer', ok: [200] },
  'POST /api/funds/{fundId}/runs': { need: 'planner', ok: [200, 202], why: '202 queued; 200 when the same request was made before (the same run, reused)', request: (ctx) => ({ body: { kind: 'evaluate', scenario: { scenarioVersion: ctx.at.versionId }, plan: tinyPlan() } }) },
  'GET /api/funds/{fundId}/runs/{runId}': { need: 'viewer', ok: [200] },
  'POST /api/funds/{fundId}/runs/{runId}/cancel': { need: 'planner', ok: [200] },
  'GET /api/funds/{fundId}/runs/{runId}/events': { need: 'viewer', ok: [200] },
  'GET /api/funds/{fundId}/runs/{runId}/export.xlsx': { need: 'viewer', ok: [409], why: notExportable },
  'GET /api/funds/{fundId}/runs/{runId}/report.html': { need: 'viewer', ok: [409], why: notExportable },
  'GET /api/funds/{fundId}/runs/{runId}/report.pdf': { need: 'viewer', ok: [409], why: notExportable },
  'POST /api/funds/{fundId}/imports': { need: 'planner', ok: [200], request: () => ({ body: importForm() }) },
  'GET /api/funds/{fundId}/imports': { need: 'viewer', ok: [200] },
  'POST /api/funds/{fundId}/audits': { need: 'planner', ok: [200, 202], why: '202 queued; 200 when the same statement was audited against the same version before (the same run, reused)', request: (ctx) => ({ body: auditForm(ctx.at.versionId) }) },
  'POST /api/funds/{fundId}/runs/{runId}/decisions': { need: 'planner', ok: [201], why: 'proposing needs planner; approving needs approver, and never by its proposer or creator (tested below)', request: async (ctx) => ({ params: { runId: await ctx.newRun() }, body: { action: 'propose', comment: '提请审批' } }) },
  'GET /api/funds/{fundId}/runs/{runId}/decisions': { need: 'viewer', ok: [200] },
  'GET /api/funds/{fundId}/decisions': { need: 'viewer', ok: [200] },
  'POST /api/funds/{fundId}/actuals': { need: 'planner', ok: [201], request: (ctx) => ({ body: { rows: [{ month: '2026-01', fundType: 'employeePension', inflow: `${38_000_000 + ctx.seq}.00`, outflow: '40000000.00' }], source: '总账' } }) },
  'GET /api/funds/{fundId}/actuals': { need: 'viewer', ok: [200] },
  'GET /api/funds/{fundId}/variance': { need: 'viewer', ok: [200], queryResource: true, request: (ctx) => ({ query: `scenarioVersion=${ctx.at.versionId}` }) },
  'GET /api/funds/{fundId}/warnings': { need: 'viewer', ok: [200] },
  'GET /api/funds/{fundId}/overview': { need: 'viewer', ok: [200] },
  'GET /api/funds/{fundId}/runs/{runId}/ladder': { need: 'viewer', ok: [409], why: 'the fixture run is an evaluate run: 409 no_plan comes after the access check' },
  'POST /api/funds/{fundId}/sweeps': { need: 'planner', ok: [200, 202], why: '202 queued; 200 when the same sweep was asked for before', request: (ctx) => ({ body: { scenario: { scenarioVersion: ctx.at.sweepVersionId }, vary: ['reserveMonths=1..2'], options: { paths: 5 } } }) },
  'GET /api/funds/{fundId}/sweeps': { need: 'viewer', ok: [200] },
  'GET /api/funds/{fundId}/sweeps/{sweepId}': { need: 'viewer', ok: [200] },
  'POST /api/funds/{fundId}/sweeps/{sweepId}/cancel': { need: 'planner', ok: [200] },
};

const CALLERS = ['signed out', 'no role', 'viewer', 'planner', 'approver', 'fund admin', 'site admin'] as const;
type Caller = (typeof CALLERS)[number];
const ROLE_OF: Partial<Record<Caller, Role>> = { viewer: 'viewer', planner: 'planner', approver: 'approver', 'fund admin': 'admin' };

/** own: the caller's fund; other: a fund the caller has no role in; cross: the other fund's resource under the caller's fund. */
type Column = 'own' | 'other' | 'cross' | 'no fund';
const RESOURCE_PARAMS = ['scenarioId', 'versionId', 'runId', 'sweepId'] as const;
const paramsOf = (template: string) => [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
function columnsOf(template: string, row: Row | undefined): Column[] {
  const params = paramsOf(template);
  if (!params.includes('fundId')) return ['no fund'];
  return row?.queryResource || params.some((p) => (RESOURCE_PARAMS as readonly string[]).includes(p)) ? ['own', 'other', 'cross'] : ['own', 'other'];
}
/** A resource id no fund has. */
const PHANTOM_ID = '999999999';

/** The rule (docs/api.md §5): signed out 401; another fund's anything 404, as if absent; below the role 403. */
function expected(need: Need, caller: Caller, column: Column): 'allowed' | 401 | 403 | 404 {
  if (need === 'public') return 'allowed';
  if (caller === 'signed out') return 401;
  if (need === 'signedIn') return 'allowed';
  if (need === 'siteAdmin') return caller === 'site admin' ? 'allowed' : 403;
  if (caller === 'site admin') return column === 'cross' ? 404 : 'allowed';
  const role = ROLE_OF[caller];
  if (column === 'other' || role === undefined) return 404;
  if (!roleAtLeast(role, need)) return 403;
  return column === 'cross' ? 404 : 'allowed';
}

/** Every route the app answers: its OpenAPI document, and `app.routes` for what the document leaves out. */
async function registeredRoutes(): Promise<string[]> {
  const app = createApi({ store: undefined as unknown as Store, codeVersion: 'routes' });
  const doc = (await (await app.request('http://localhost/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
  const keys = new Set<string>();
  for (const [path, operations] of Object.entries(doc.paths)) for (const method of Object.keys(operations)) keys.add(`${method.toUpperCase()} ${path}`);
  for (const r of app.routes) if (!r.path.endsWith('*')) keys.add(`${r.method} ${r.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`);
  return [...keys].sort();
}
const ROUTES = await registeredRoutes();

interface Session {
  readonly id: string;
  readonly csrfToken: string;
}
interface Answer {
  readonly status: number;
  readonly body: unknown;
}

async function send(api: ReturnType<typeof createApi>, method: string, path: string, request: Request, session: Session | undefined, headers: Record<string, string> = {}): Promise<Answer> {
  const h: Record<string, string> = { origin: 'http://localhost' };
  if (session) Object.assign(h, { cookie: `${SESSION_COOKIE}=${session.id}`, [CSRF_HEADER]: session.csrfToken });
  let body: string | FormData | undefined;
  if (request.body instanceof FormData) body = request.body;
  else if (request.body !== undefined) {
    body = JSON.stringify(request.body);
    h['content-type'] = 'application/json';
  }
  Object.assign(h, headers);
  for (const [k, v] of Object.entries(h)) if (v === '') delete h[k];
  const res = await api.request(`http://localhost${path}${request.query ? `?${request.query}` : ''}`, { method, headers: h, ...(body !== undefined ? { body } : {}), redirect: 'manual' });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // a stream, a page, a file
  }
  return { status: res.status, body: parsed };
}

const isProblem = (body: unknown) => {
  const b = body as { error?: { code?: unknown; message?: unknown }; issues?: unknown };
  return typeof b === 'object' && b !== null && Object.keys(b).sort().join() === 'error,issues' && typeof b.error?.code === 'string' && typeof b.error.message === 'string' && Array.isArray(b.issues);
};
const brief = (body: unknown) => (typeof body === 'string' ? body : JSON.stringify(body)).slice(0, 200);

describe('the access table', () => {
  it('has a row for every route the app registers, and a route for every row', () => {
    const missing = ROUTES.filter((r) => !(r in TABLE));
    const stale = Object.keys(TABLE).filter((r) => !ROUTES.includes(r));
    expect({ missing, stale }, `routes without a row in TABLE (state who may call them): ${missing.join(', ') || 'none'}; rows without a route: ${stale.join(', ') || 'none'}`).toEqual({ missing: [], stale: [] });
  });
});

for (const kind of await testStoreKinds()) {
  describe(`access matrix on ${kind.kind}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let api: ReturnType<typeof createApi>;
    let tables: string[];
    let north: Fixture;
    let south: Fixture;
    let loginUserId = '';
    const userIds = new Map<Caller, string>();
    let seq = 0;
    let cells = 0;

    async function fixture(fundId: string): Promise<Fixture> {
      await createFund(store, { id: fundId, name: `${fundId} 基金` });
      const version = (await createScenario(store, { fundId, name: '基准', body: tinyScenario(), createdBy: 'setup' }))!;
      const runId = await finishedRun(store, { fundId, versionId: version.id, createdBy: 'setup', tag: 'fixture' });
      const sweepVersion = (await createScenario(store, { fundId, name: '扫描', body: SAMPLE_AT_ZERO, createdBy: 'setup' }))!;
      // A sweep row as the POST leaves it (its paths' summary stands in: no point of it is ever run here).
      const options = { paths: 5, planningPaths: 1000, seed: 1, solver: 'highs' };
      const { sweep } = await enqueueSweep(store, {
        key: `fixture:${fundId}`, request: { kind: 'sweep', scenario: tinyScenario(), vary: [{ name: 'reserveMonths', values: ['1', '2'] }], options }, pathsFingerprint: 'fixture', codeVersion: 'test',
        points: ['1', '2'].map((v, index) => ({ index, values: { reserveMonths: v }, key: `fixture:${fundId}:${index}` })),
        fund: { fundId, scenarioVersionId: sweepVersion.id, createdBy: 'setup', paths: { check: 5, planning: 0, seed: 1, distinct: 5, fingerprint: 'fixture' } },
      });
      return { fundId, scenarioId: version.scenarioId, versionId: version.id, runId, sweepVersionId: sweepVersion.id, sweepId: sweep.id };
    }

    const context = (at: Fixture): BuildContext => ({ store, at, seq: seq++, loginUserId, newRun: () => finishedRun(store, { fundId: at.fundId, versionId: at.versionId, createdBy: 'setup', tag: `run ${seq++}` }) });

    /** The path with the column's fund and resources filled in; `replace` wins over the request's own parameters. */
    function fill(template: string, column: Column, params: Record<string, string> = {}, replace: { fundId?: string; resourceId?: string } = {}): string {
      const fund = column === 'other' ? south : north;
      const resources = column === 'own' ? north : south;
      return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
        if (name === 'fundId') return replace.fundId ?? fund.fundId;
        if (name === 'userName') return BYSTANDER;
        if ((RESOURCE_PARAMS as readonly string[]).includes(name)) return replace.resourceId ?? params[name] ?? resources[name as (typeof RESOURCE_PARAMS)[number]];
        throw new Error(`${template}: no fixture for the path parameter {${name}}: add one to fill() in access.matrix.test.ts`);
      });
    }

    beforeAll(async () => {
      ({ store, dispose } = await kind.open());
      north = await fixture('north');
      south = await fixture('south');
      for (const caller of CALLERS) {
        if (caller === 'signed out') continue;
        const role = ROLE_OF[caller];
        const user = await makeUser(store, `m-${caller.replace(' ', '-')}`, { admin: caller === 'site admin', roles: role ? { north: role } : {} });
        userIds.set(caller, user.id);
      }
      loginUserId = (await makeUser(store, LOGIN_USER)).id;
      await makeUser(store, BYSTANDER);
      tables = await tableNames(store);
      api = createApi({ store, codeVersion: 'test', passwordParams: TEST_PASSWORD_PARAMS });
    }, 120_000);
    afterAll(async () => {
      console.info(`access matrix on ${kind.kind}: ${ROUTES.length} routes × ${CALLERS.length} callers × their funds (own, other, other's resource under own) = ${cells} cells`);
      await dispose?.();
    });

    const sessionOf = async (caller: Caller) => (caller === 'signed out' ? undefined : openSession(store, userIds.get(caller)!));
    // What a 404 echoes of the request (`received`: the id asked for) is not about existence.
    // The body without what merely echoes the request: an issue's `received` value, also where its worded sentence
    // (`text`) repeats it. Anything else that differs would tell another fund's id from a missing one.
    const unechoed = (body: unknown) =>
      JSON.stringify(body, function (this: { received?: unknown }, key, v: unknown) {
        if (key === 'received') return undefined;
        if (key === 'text' && v && typeof v === 'object' && this.received !== undefined) {
          const echo = String(this.received);
          return Object.fromEntries(Object.entries(v).map(([lang, t]) => [lang, String(t).split(echo).join('…')]));
        }
        return v;
      });

    it.each(ROUTES)('%s', async (route) => {
      const row = TABLE[route];
      expect(row, `${route} has no row in TABLE (access.matrix.test.ts): state its minimum role`).toBeDefined();
      const [method, template] = route.split(' ') as [string, string];
      const wrong: string[] = [];
      for (const caller of CALLERS) {
        for (const column of columnsOf(template, row)) {
          const want = expected(row!.need, caller, column);
          const session = await sessionOf(caller);
          const at = column === 'own' || column === 'no fund' ? north : south;
          const request = (await row!.request?.(context(at))) ?? {};
          const before = method !== 'GET' && want !== 'allowed' ? await tableCounts(store, tables) : undefined;
          const r = await send(api, method, fill(template, column, request.params), request, session);
          cells++;
          const cell = `${caller} × ${column}`;
          if (want === 'allowed') {
            if (!row!.ok.includes(r.status)) wrong.push(`${cell}: ${r.status}, expected ${row!.ok.join(' or ')}${row!.why ? ` (${row!.why})` : ''} — ${brief(r.body)}`);
            continue;
          }
          if (r.status !== want) wrong.push(`${cell}: ${r.status}, expected ${want} — ${brief(r.body)}`);
          else if (!isProblem(r.body)) wrong.push(`${cell}: ${want} without the error body — ${brief(r.body)}`);
          if (before) {
            const changed = countChanges(before, await tableCounts(store, tables));
            if (Object.keys(changed).length) wrong.push(`${cell}: refused with ${r.status} yet saved ${JSON.stringify(changed)}`);
          }
          if (want === 404) {
            // Exactly what a fund (or a resource) that does not exist answers: the 404 tells nothing about existence.
            // The same request but for the ids: a query naming the resource is built again for an id no fund has.
            const same = request.body instanceof FormData ? { ...request, body: importForm() } : request;
            const phantom = column !== 'cross'
              ? await send(api, method, fill(template, column, request.params, { fundId: 'no-such-fund' }), same, session)
              : await send(api, method, fill(template, column, {}, { resourceId: PHANTOM_ID }), row!.queryResource ? ((await row!.request?.(context({ ...south, scenarioId: PHANTOM_ID, versionId: PHANTOM_ID, runId: PHANTOM_ID, sweepId: PHANTOM_ID }))) ?? {}) : same, session);
            if (phantom.status !== 404 || unechoed(phantom.body) !== unechoed(r.body)) wrong.push(`${cell}: 404 differs from a missing one's: ${brief(r.body)} vs ${phantom.status} ${brief(phantom.body)}`);
          }
        }
      }
      expect(wrong, `${route} (needs ${row!.need})`).toEqual([]);
    }, 180_000);

    it('refuses every write by a signed-in caller without the session’s CSRF token (403 csrf), saving nothing', async () => {
      const wrong: string[] = [];
      for (const route of ROUTES.filter((r) => !r.startsWith('GET ') && r in TABLE)) {
        const [method, template] = route.split(' ') as [string, string];
        const request = (await TABLE[route]!.request?.(context(north))) ?? {};
        const session = await sessionOf('site admin');
        const before = await tableCounts(store, tables);
        const r = await send(api, method, fill(template, columnsOf(template, TABLE[route])[0]!, request.params), request, session, { [CSRF_HEADER]: '' });
        if (r.status !== 403 || (r.body as { error?: { code?: string } }).error?.code !== 'csrf') wrong.push(`${route}: ${r.status} ${brief(r.body)}`);
        const changed = countChanges(before, await tableCounts(store, tables));
        if (Object.keys(changed).length) wrong.push(`${route}: saved ${JSON.stringify(changed)}`);
      }
      expect(wrong).toEqual([]);
    });

    it('refuses a form posted from another site by its Origin, even with the token', async () => {
      const session = await sessionOf('site admin');
      const before = await tableCounts(store, tables);
      const r = await send(api, 'POST', '/api/funds/north/imports', { body: importForm() }, session, { origin: 'https://elsewhere.example' });
      expect(r.status).toBe(403);
      expect(isProblem(r.body)).toBe(true);
      expect(countChanges(before, await tableCounts(store, tables))).toEqual({});
    });

    it('lists to each caller only the funds they hold a role in: another fund is not named, not even in the session', async () => {
      const ids = async (caller: Caller, path: string) => {
        const r = await send(api, 'GET', path, {}, await sessionOf(caller));
        const funds = (r.body as { funds: Array<{ id: string }> | 'all' }).funds;
        return funds === 'all' ? 'all' : funds.map((f) => f.id).filter((id) => id === 'north' || id === 'south');
      };
      for (const caller of ['viewer', 'planner', 'approver', 'fund admin'] as const) {
        expect(await ids(caller, '/api/funds'), caller).toEqual(['north']);
        expect(await ids(caller, '/api/session'), caller).toEqual(['north']);
      }
      expect(await ids('no role', '/api/funds')).toEqual([]);
      expect(await ids('site admin', '/api/funds')).toEqual(['north', 'south']);
      expect(await ids('site admin', '/api/session')).toBe('all');
    });

    it('answers a run naming another fund’s scenario version exactly as one naming a version that does not exist', async () => {
      const session = await sessionOf('planner');
      const ask = (versionId: string) => send(api, 'POST', '/api/funds/north/runs', { body: { kind: 'evaluate', scenario: { scenarioVersion: versionId }, plan: tinyPlan() } }, session);
      const other = await ask(south.versionId);
      const missing = await ask(PHANTOM_ID);
      expect(other.status).toBe(422);
      expect(unechoed(other.body)).toBe(unechoed(missing.body));
    });

    it('lets no one approve a run they proposed or created: a planner lacks the role (403), an approver is held by four eyes (403)', async () => {
      const decide = async (caller: Caller, runId: string, action: string) => send(api, 'POST', `/api/funds/north/runs/${runId}/decisions`, { body: { action } }, await sessionOf(caller));
      const decisions = async () => (await tableCounts(store, ['decisions'])).decisions;
      // The planner's own run, proposed by the planner.
      const plannersRun = await finishedRun(store, { fundId: 'north', versionId: north.versionId, createdBy: 'm-planner', tag: 'planner’s own' });
      expect((await decide('planner', plannersRun, 'propose')).status).toBe(201);
      let before = await decisions();
      const byPlanner = await decide('planner', plannersRun, 'approve');
      expect(byPlanner.status).toBe(403);
      expect(byPlanner.body).toMatchObject({ issues: [{ rule: 'roleForAction' }] });
      expect(await decisions()).toBe(before);
      // An approver's own run, proposed by the approver: approving it is refused; another approver (the fund admin) may.
      const approversRun = await finishedRun(store, { fundId: 'north', versionId: north.versionId, createdBy: 'm-approver', tag: 'approver’s own' });
      expect((await decide('approver', approversRun, 'propose')).status).toBe(201);
      before = await decisions();
      const byApprover = await decide('approver', approversRun, 'approve');
      expect(byApprover.status).toBe(403);
      expect(byApprover.body).toMatchObject({ issues: [{ rule: 'fourEyes' }] });
      expect(await decisions()).toBe(before);
      expect((await decide('fund admin', approversRun, 'approve')).status).toBe(201);
    });
  });
}
