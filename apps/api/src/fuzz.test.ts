// Bad input never breaks the API (docs/api.md §4): random mutations of a valid body for every write route that takes
// one — keys dropped, unknown and prototype keys added, values of the wrong type, huge, deeply nested, odd numbers and
// odd text, bodies that are not JSON, wrong content types — never answer 5xx; every 4xx has the error body; a refused
// request writes no row (a trigger on every table logs each row inserted, updated or deleted), and an accepted one
// writes exactly the rows its route writes. No job runner: runs stay queued. fast-check takes the suite's seed (test/setup/fastCheck.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tinyPlan, tinyScenario } from '@fundladder/core/testing';
import { createApi } from './app';
import { openSession } from './auth/access';
import type { Store } from './db/store';
import { CSRF_HEADER, SESSION_COOKIE } from './http/access';
import { createFund } from './repo/funds';
import { createScenario } from './repo/scenarios';
import { TEST_PASSWORD_PARAMS, makeUser } from './testing/client';
import { countChanges, installWriteLog, rowWrites, tableCounts, tableNames } from './testing/rows';
import { finishedRun } from './testing/runs';
import { pgliteKind } from './testing/stores';

/** Mutations per route, each one request: 1,000, or more under `npm run test:long` (FL_PROPERTY_RUNS). */
const RUNS = Math.max(1000, Number(process.env.FL_PROPERTY_RUNS ?? 1000));
const TIMEOUT_MS = Math.max(300_000, RUNS * 300);
/** The fuzzed app's body limit: some huge values go over it, so the 413 path is fuzzed too. */
const MAX_BODY_BYTES = 512 * 1024;

/** A JSON text spliced in where the serializer meets it: numbers JSON.stringify cannot write (-0, 1e400), or nesting too deep to build as objects. */
class Literal {
  constructor(readonly text: string) {}
}
const deepArray = (depth: number) => new Literal('['.repeat(depth) + ']'.repeat(depth));
const deepObject = (depth: number) => new Literal('{"a":'.repeat(depth) + '0' + '}'.repeat(depth));

function serialize(value: unknown): string | undefined {
  const literals: Literal[] = [];
  const text = JSON.stringify(value, (_key, v: unknown) => (v instanceof Literal ? `@@literal${literals.push(v) - 1}@@` : v));
  return text?.replace(/"@@literal(\d+)@@"/g, (_, i: string) => literals[Number(i)]!.text);
}

type Path = (string | number)[];
/** Every path into a JSON value, the root first. */
function pathsOf(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...path, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) pathsOf(v, [...path, k], out);
  return out;
}
const at = (root: unknown, path: Path): unknown => path.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined), root);
/** An own property even for `__proto__`: the body carries the key itself, as JSON.parse would make it. */
const own = (target: object, key: string | number, value: unknown) => Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });

// ── Arbitraries ──

// One instance: building a full-Unicode string arbitrary maps every code point once (about half a second).
const anyText = fc.string({ unit: 'binary', maxLength: 40 });
const oddText = fc.oneof(
  anyText,
  fc.string({ unit: fc.constantFrom('\u0000', '\ud800', '\udfff', '\u202e', '\ufeff', '\u2028', '💰', '基', 'e\u0301', '\n', '"', '\\', '%00', ' '), maxLength: 12 }),
  fc.constantFrom('NaN', 'Infinity', '-Infinity', '-0', '1e308', '1e-400', '0x1F', '１２３', ' 1 ', '', '2025-13', '9'.repeat(400), 'null', 'true', '{}', '[]', 'undefined', '__proto__', "'; drop table funds; --"),
);
const hugeText = fc.integer({ min: 10_000, max: 700_000 }).map((n) => 'x'.repeat(n));
const oddNumber = fc.oneof(
  fc.constantFrom(1e308, -1e308, 5e-324, -1, 0, 1.5, 2 ** 53 + 1, -(2 ** 63), Number.MAX_SAFE_INTEGER),
  fc.constantFrom(new Literal('-0'), new Literal('1e400'), new Literal('-1e400'), new Literal('1E-400'), new Literal('123456789012345678901234567890'), new Literal('0.1000000000000000055511151231257827')),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);
const protoValue = fc.constantFrom('{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"admin":true}}}', '{"__proto__":null,"toString":1}').map((t) => new Literal(t));
const oddValue = fc.oneof(
  { weight: 4, arbitrary: oddText },
  { weight: 1, arbitrary: hugeText },
  { weight: 3, arbitrary: oddNumber },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(null, true, false, [], {}) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.integer({ min: 30, max: 50_000 }).chain((d) => fc.constantFrom(deepArray(d), deepObject(d))) },
  { weight: 1, arbitrary: protoValue },
);
const oddKey = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '', ' ', 'name ', 'Name', 'x'.repeat(5_000)), anyText);

type Mutation = { op: 'drop'; at: number } | { op: 'set'; at: number; value: unknown } | { op: 'add'; at: number; key: string; value: unknown };
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('drop' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('set' as const), at: fc.nat(), value: oddValue }),
  fc.record({ op: fc.constant('add' as const), at: fc.nat(), key: oddKey, value: oddValue }),
);
const JSON_TYPE = 'application/json';
const contentType = fc.oneof(
  { weight: 12, arbitrary: fc.constant(JSON_TYPE) },
  { weight: 1, arbitrary: fc.constantFrom('application/json; charset=utf-8', 'APPLICATION/JSON', 'application/vnd.api+json', 'application/json; charset=latin1', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=zz', 'application/xml', 'application/octet-stream', '') },
);

/** A request body: a valid one mutated, or a text that is not the route's JSON at all. */
type BodyCase = { kind: 'mutated'; mutations: Mutation[]; contentType: string } | { kind: 'raw'; text: string; truncateAt?: number; contentType: string };
const bodyCase: fc.Arbitrary<BodyCase> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('mutated' as const), mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }), contentType }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('raw' as const),
      text: fc.oneof(anyText, fc.constantFrom('', '{', '}', 'null', '[]', '"x"', '1', 'true', '{"a":1,}', '{a:1}', "{'a':1}", 'NaN', '\ufeff{}', '{"__proto__":null}', '['.repeat(10_000), '{"a":1}{"b":2}', '{"a":"\\ud800"}', '{"a":"\\u0000"}'), fc.constant('@valid')),
      truncateAt: fc.option(fc.nat(), { nil: undefined }),
      contentType,
    }),
  },
);

function applyMutation(root: unknown, paths: Path[], m: Mutation): unknown {
  const path = paths[m.at % paths.length]!;
  if (m.op === 'add') {
    const target = at(root, path);
    if (Array.isArray(target)) target.push(m.value);
    else if (target !== null && typeof target === 'object') own(target, m.key, m.value);
    return root;
  }
  if (!path.length) return m.op === 'set' ? m.value : undefined;
  const parent = at(root, path.slice(0, -1));
  if (parent === null || typeof parent !== 'object') return root;
  const key = path.at(-1)!;
  if (m.op === 'set') own(parent, key, m.value);
  else if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else delete (parent as Record<string, unknown>)[key];
  return root;
}

/** The body's text: undefined sends no body. */
function bodyText(valid: unknown, c: BodyCase): string | undefined {
  if (c.kind === 'raw') {
    const text = c.text === '@valid' ? serialize(valid)! : c.text;
    return c.truncateAt === undefined ? text : text.slice(0, c.truncateAt % (text.length + 1));
  }
  const paths = pathsOf(valid);
  let body: unknown = structuredClone(valid);
  for (const m of c.mutations) body = applyMutation(body, paths, m);
  return body === undefined ? undefined : serialize(body);
}

const isProblem = (body: unknown) => {
  const b = body as { error?: { code?: unknown; message?: unknown }; issues?: unknown };
  return typeof b === 'object' && b !== null && Object.keys(b).sort().join() === 'error,issues' && Object.keys(b.error ?? {}).sort().join() === 'code,message'
    && typeof b.error?.code === 'string' && typeof b.error.message === 'string' && Array.isArray(b.issues)
    && b.issues.every((i: { code?: unknown; path?: unknown; rule?: unknown; message?: unknown }) => typeof i.code === 'string' && Array.isArray(i.path) && typeof i.rule === 'string' && typeof i.message === 'string');
};

// ── Forms (the import route) ──

type FormValue = string | { readonly file: string; readonly bytes: Uint8Array };
const HISTORY_CSV = new TextEncoder().encode('月份,险种,收入（万元）,支出（万元）\n2025-01,失业保险基金,12.5,3\n2025-02,失业保险基金,13,3\n');
/** A statement of the tiny scenario's work-injury account (contract 0.05% from 2025-05-20) that audits: the audit route's valid file. */
const STATEMENT_CSV = new TextEncoder().encode('账户,起息日,结息日,余额（元）,实付利息（元）\ninjury-fsa,2025-06-21,2025-09-20,30000000.00,0.00\n');
const FORM_KEYS = ['history', 'flows', 'banks', 'quotes', 'accounts', 'holdings', 'scenarioId', 'baseVersion', 'name', 'unit', 'encoding', 'asOf', 'horizonMonths', 'mode', 'lang', 'statement', 'scenarioVersion', 'sheet'] as const;
const oddBytes = fc.oneof(
  fc.uint8Array({ maxLength: 300 }),
  fc.constantFrom('月份,险种,收入（万元）,支出（万元）\n2025-01,失业保险基金,1\u00002,3\n', '月份,险种\n', '', '\ufeff月份,险种,收入（万元）,支出（万元）\n2025-13,?,x,y\n', 'a,b\n"unterminated').map((t) => new TextEncoder().encode(t)),
  fc.integer({ min: 10_000, max: 700_000 }).map((n) => new Uint8Array(n).fill(0x31)),
);
const formValue: fc.Arbitrary<FormValue> = fc.oneof(
  { weight: 3, arbitrary: fc.oneof(oddText, hugeText, fc.constantFrom('save', 'preview', 'wan', 'yi', 'gb18030', 'utf8', 'auto', '2025-12-31', '12', '0', '-1', '1', 'en', '1e400')) },
  { weight: 1, arbitrary: fc.record({ file: fc.oneof(fc.constant('history.csv'), oddText), bytes: oddBytes }) },
);
type FormMutation = { op: 'drop' | 'twice'; at: number } | { op: 'set'; at: number; value: FormValue } | { op: 'add'; key: string; value: FormValue };
const formMutation: fc.Arbitrary<FormMutation> = fc.oneof(
  fc.record({ op: fc.constantFrom('drop' as const, 'twice' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('set' as const), at: fc.nat(), value: formValue }),
  fc.record({ op: fc.constant('add' as const), key: fc.oneof(fc.constantFrom(...FORM_KEYS), oddKey), value: formValue }),
);
type FormCase = { kind: 'form'; mutations: FormMutation[] } | Extract<BodyCase, { kind: 'raw' }>;
const formCase: fc.Arbitrary<FormCase> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('form' as const), mutations: fc.array(formMutation, { minLength: 1, maxLength: 3 }) }) },
  { weight: 1, arbitrary: bodyCase.filter((c): c is Extract<BodyCase, { kind: 'raw' }> => c.kind === 'raw') },
);

function formOf(valid: ReadonlyArray<[string, FormValue]>, mutations: readonly FormMutation[]): FormData {
  const fields = [...valid];
  for (const m of mutations) {
    if (m.op === 'add') fields.push([m.key, m.value]);
    else if (fields.length) {
      const i = m.at % fields.length;
      if (m.op === 'set') fields[i] = [fields[i]![0], m.value];
      else if (m.op === 'drop') fields.splice(i, 1);
      else fields.push(fields[i]!);
    }
  }
  const form = new FormData();
  for (const [k, v] of fields) form.append(k, typeof v === 'string' ? v : new File([v.bytes], v.file));
  return form;
}

// ── The routes ──

interface World {
  readonly store: Store;
  readonly scenarioId: string;
  readonly versionId: string;
  /** A version a sweep can draw paths from: the small scenario with two years of history, at confidence 0. */
  readonly sweepVersionId: string;
  /** Finished runs no one has decided on yet, taken in turn by the decision route's valid requests. */
  readonly runs: readonly string[];
  readonly seq: () => number;
}
type Wrote = Record<string, number>;
interface WriteRoute {
  readonly method: 'POST' | 'PUT';
  /** A valid request (names unique per call, so an unmutated body is accepted). */
  readonly valid: (w: World) => Promise<{ path: string; body: unknown }> | { path: string; body: unknown };
  /** Whether an accepted answer wrote what it should: `{ runs: 1 }` is one row inserted, `'x.update': 1` one updated. */
  readonly accepts: (status: number, body: unknown, wrote: Wrote) => boolean;
}

const sorted = (wrote: Wrote) => JSON.stringify(Object.entries(wrote).sort(([a], [b]) => (a < b ? -1 : 1)));
/** Accepted with one of these statuses, having written exactly one of these sets of rows. */
const exactly = (table: Record<number, readonly Wrote[]>) => (status: number, _body: unknown, wrote: Wrote) => (table[status] ?? []).some((w) => sorted(w) === sorted(wrote));
const LOGIN = { name: 'fz-login', password: 'pw-fz-login-0123456789' };
const latest = async (w: World) => Number((await w.store.query<{ v: number }>('select max(version) as v from scenario_versions where scenario_id = $1', [w.scenarioId]))[0]!.v);

/**
 * The tiny scenario cut to two banks quoting two products and one month of flows: still valid, a fifth of the size,
 * so each mutation costs less and more of them land on the route's own fields rather than deep in the scenario.
 */
const smallScenario = () => {
  const tiny = tinyScenario();
  return { ...tiny, horizonMonths: 1, banks: tiny.banks.slice(0, 2).map((b) => ({ ...b, quotes: b.quotes.slice(0, 2) })), flows: (tiny.flows ?? []).slice(0, 2) };
};
/** The tiny scenario with 24 months of history per fund type and confidence 0: a sweep on it draws its paths in ms. */
const sweepScenario = () => {
  const months = Array.from({ length: 24 }, (_, k) => `${2024 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`);
  const history = months.flatMap((month, k) => [
    { month, fundType: 'employeePension', inflow: `${38_000_000 + (k % 12) * 100_000}.00`, outflow: '40000000.00' },
    { month, fundType: 'workInjury', inflow: '1500000.00', outflow: `${1_200_000 + (k % 12) * 10_000}.00` },
  ]);
  return { ...tinyScenario(), history, policy: { safety: { confidence: 0 } } };
};
const smallPlan = () => ({ ...tinyPlan(), placements: tinyPlan().placements.slice(0, 2) });

const WRITE_ROUTES: Record<string, WriteRoute> = {
  'POST /api/session': { method: 'POST', valid: () => ({ path: '/api/session', body: { ...LOGIN } }), accepts: exactly({ 200: [{ sessions: 1 }] }) },
  'POST /api/users': { method: 'POST', valid: (w) => ({ path: '/api/users', body: { name: `fz-user-${w.seq()}`, displayName: '用户', password: 'a-long-enough-password', admin: false } }), accepts: exactly({ 201: [{ users: 1 }] }) },
  'POST /api/funds': { method: 'POST', valid: (w) => ({ path: '/api/funds', body: { id: `fz-fund-${w.seq()}`, name: '新基金' } }), accepts: exactly({ 201: [{ funds: 1 }] }) },
  'PUT /api/funds/{fundId}/members/{userName}': { method: 'PUT', valid: () => ({ path: '/api/funds/north/members/fz-bystander', body: { role: 'planner' } }), accepts: exactly({ 200: [{ memberships: 1 }, { 'memberships.update': 1 }] }) },
  'POST /api/funds/{fundId}/scenarios': { method: 'POST', valid: (w) => ({ path: '/api/funds/north/scenarios', body: { name: `方案 ${w.seq()}`, body: smallScenario(), note: '说明' } }), accepts: exactly({ 201: [{ scenarios: 1, scenario_versions: 1 }] }) },
  'POST /api/funds/{fundId}/scenarios/{scenarioId}/versions': {
    method: 'POST',
    valid: async (w) => ({ path: `/api/funds/north/scenarios/${w.scenarioId}/versions`, body: { baseVersion: await latest(w), body: { ...smallScenario(), name: `edit ${w.seq()}` }, note: '改' } }),
    accepts: exactly({ 201: [{ scenario_versions: 1 }] }),
  },
  'POST /api/funds/{fundId}/runs': {
    method: 'POST',
    valid: (w) => ({ path: '/api/funds/north/runs', body: { kind: 'evaluate', scenario: { scenarioVersion: w.versionId }, plan: { ...smallPlan(), name: `plan ${w.seq()}` } } }),
    accepts: exactly({ 202: [{ runs: 1 }], 200: [{}] }),
  },
  'POST /api/funds/{fundId}/sweeps': {
    method: 'POST',
    valid: (w) => ({ path: '/api/funds/north/sweeps', body: { scenario: { scenarioVersion: w.sweepVersionId }, vary: ['reserveMonths=1..2', { name: 'maxTermMonths', values: ['12', '36'] }], options: { paths: 2, seed: w.seq() } } }),
    // A new sweep: its row and one row per point; the same sweep again: nothing.
    accepts: (status, body, wrote) => {
      const points = (body as { sweep?: { counts?: { total?: number } } }).sweep?.counts?.total;
      return (status === 202 && sorted(wrote) === sorted({ sweeps: 1, sweep_points: points ?? -1 })) || (status === 200 && sorted(wrote) === sorted({}));
    },
  },
  'POST /api/funds/{fundId}/runs/{runId}/decisions': {
    method: 'POST',
    valid: (w) => ({ path: `/api/funds/north/runs/${w.runs[w.seq() % w.runs.length]}/decisions`, body: { action: 'propose', comment: '提请审批' } }),
    accepts: exactly({ 201: [{ decisions: 1 }] }),
  },
  'POST /api/funds/{fundId}/actuals': {
    method: 'POST',
    valid: (w) => ({ path: '/api/funds/north/actuals', body: { rows: [{ month: '2026-01', fundType: 'employeePension', inflow: `${38_000_000 + w.seq()}.00`, outflow: '40000000.00' }, { month: '2026-02', fundType: 'workInjury', inflow: '1500000.00', outflow: '1200000.00' }], source: '总账' } }),
    // Each row recorded is inserted; each it corrects is updated once (superseded_by); warnings may open or clear.
    accepts: (status, body, wrote) => {
      const b = body as { actuals: unknown[]; superseded: unknown[] };
      const { actuals = 0, 'actuals.update': superseded = 0, ...rest } = wrote;
      return status === 201 && actuals === b.actuals.length && superseded === b.superseded.length && Object.keys(rest).every((t) => t === 'warnings' || t === 'warnings.update');
    },
  },
};
/** The import and audit routes take a form (fuzzed below with mutated forms). */
const FORM_ROUTES = ['POST /api/funds/{fundId}/audits', 'POST /api/funds/{fundId}/imports'];

/** The routes whose request has a body in the app's OpenAPI document. */
async function routesWithBodies(): Promise<string[]> {
  const app = createApi({ store: undefined as unknown as Store, codeVersion: 'routes' });
  const doc = (await (await app.request('http://localhost/openapi.json')).json()) as { paths: Record<string, Record<string, { requestBody?: unknown }>> };
  return Object.entries(doc.paths).flatMap(([path, operations]) => Object.entries(operations).filter(([, op]) => op.requestBody).map(([method]) => `${method.toUpperCase()} ${path}`)).sort();
}

describe('fuzzing every write route with a body, on pglite', () => {
  let store: Store;
  let api: ReturnType<typeof createApi>;
  let world: World;
  let tables: string[];
  let tableRows: Record<string, number>;
  let session: { id: string; csrfToken: string };
  const counts: Record<string, Record<string, number>> = {};
  let last: Record<string, number> | undefined;

  beforeAll(async () => {
    store = (await pgliteKind.open()).store;
    await createFund(store, { id: 'north', name: '北县' });
    const version = (await createScenario(store, { fundId: 'north', name: '基准', body: tinyScenario(), createdBy: 'setup' }))!;
    const sweepVersion = (await createScenario(store, { fundId: 'north', name: '扫描', body: sweepScenario(), createdBy: 'setup' }))!;
    const admin = await makeUser(store, 'fz-site', { admin: true });
    await makeUser(store, LOGIN.name);
    await makeUser(store, 'fz-bystander');
    let n = 0;
    // Runs someone else made, so the fuzzing site administrator may propose (and, once proposed, decide on) them.
    const runs: string[] = [];
    for (let i = 0; i < 30; i++) runs.push(await finishedRun(store, { fundId: 'north', versionId: version.id, createdBy: 'fz-author', tag: `fuzz ${i}` }));
    world = { store, scenarioId: version.scenarioId, versionId: version.id, sweepVersionId: sweepVersion.id, runs, seq: () => n++ };
    tables = await tableNames(store);
    await installWriteLog(store, tables);
    tableRows = await tableCounts(store, tables);
    // Three sign-in attempts per name and per address: the first few mutated sign-ins reach scrypt (an unknown name
    // costs a full-strength hash), the rest are limited (429) — still answered in the error form, still saving nothing.
    api = createApi({ store, codeVersion: 'test', passwordParams: TEST_PASSWORD_PARAMS, maxBodyBytes: MAX_BODY_BYTES, loginAttempts: 3 });
    session = await openSession(store, admin.id);
  }, 120_000);
  afterAll(async () => {
    console.info(`fuzz on pglite, requests per route and status: ${JSON.stringify(counts)}`);
    await store?.close();
  });

  async function send(method: string, path: string, body: string | FormData | undefined, type: string | undefined) {
    const headers: Record<string, string> = { origin: 'http://localhost', cookie: `${SESSION_COOKIE}=${session.id}`, [CSRF_HEADER]: session.csrfToken };
    if (type) headers['content-type'] = type;
    const res = await api.request(`http://localhost${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // checked below: a 4xx must be JSON in the error form
    }
    return { status: res.status, body: parsed };
  }

  /**
   * One fuzzed request's checks; `accepts` judges what an accepted answer wrote. Nothing else writes while the fuzz
   * runs, so the log after one request is the log before the next: one read per request.
   */
  async function check(route: string, accepts: WriteRoute['accepts'], send: () => Promise<{ status: number; body: unknown }>) {
    const before = (last ??= await rowWrites(store));
    const r = await send();
    last = await rowWrites(store);
    const changed = countChanges(before, last);
    const tally = (counts[route] ??= {});
    tally[r.status] = (tally[r.status] ?? 0) + 1;
    const said = JSON.stringify(r.body).slice(0, 300);
    expect(r.status, `${route} answered ${r.status}: ${said}`).toBeLessThan(500);
    if (r.status >= 400) {
      expect(isProblem(r.body), `${route} ${r.status} without the error body: ${said}`).toBe(true);
      expect(changed, `${route} refused with ${r.status} yet wrote rows`).toEqual({});
      return;
    }
    expect(accepts(r.status, r.body, changed), `${route} accepted with ${r.status} (${said}) and wrote ${JSON.stringify(changed)}`).toBe(true);
  }

  /** The log is complete: since it was installed, each table's row count moved by its logged inserts less its deletes. */
  async function rowsMatchTheLog() {
    const now = await tableCounts(store, tables);
    const log = last ?? (await rowWrites(store));
    expect(now).toEqual(Object.fromEntries(tables.map((t) => [t, tableRows[t]! + (log[t] ?? 0) - (log[`${t}.delete`] ?? 0)])));
  }

  it('fuzzes every route whose request has a body (a route added later fails here until it is fuzzed)', async () => {
    expect(await routesWithBodies()).toEqual([...Object.keys(WRITE_ROUTES), ...FORM_ROUTES].sort());
  });

  it('answers a body over the limit with 413 on every write route, by its Content-Length or by counting, and writes nothing', async () => {
    const routes = [...(await Promise.all(Object.values(WRITE_ROUTES).map(async (r) => ({ method: r.method, path: (await r.valid(world)).path, type: JSON_TYPE })))), { method: 'POST', path: '/api/funds/north/imports', type: 'multipart/form-data; boundary=zz' }, { method: 'POST', path: '/api/funds/north/audits', type: 'multipart/form-data; boundary=zz' }];
    const text = `{"name":"${'x'.repeat(MAX_BODY_BYTES)}"}`;
    for (const route of routes) {
      for (const declared of [true, false]) {
        const before = await rowWrites(store);
        const headers: Record<string, string> = { origin: 'http://localhost', cookie: `${SESSION_COOKIE}=${session.id}`, [CSRF_HEADER]: session.csrfToken, 'content-type': route.type };
        if (declared) headers['content-length'] = String(Buffer.byteLength(text));
        const res = await api.request(`http://localhost${route.path}`, { method: route.method, headers, body: text });
        expect(res.status, `${route.method} ${route.path}`).toBe(413);
        expect(isProblem(await res.json())).toBe(true);
        expect(countChanges(before, await rowWrites(store))).toEqual({});
      }
    }
    last = undefined;
  });

  it.each(Object.keys(WRITE_ROUTES))(`%s: ${RUNS} mutated bodies, never a 5xx, never a partial row`, async (name) => {
    const route = WRITE_ROUTES[name]!;
    await fc.assert(
      fc.asyncProperty(bodyCase, async (c) => {
        const valid = await route.valid(world);
        const text = bodyText(valid.body, c);
        await check(name, route.accepts, () => send(route.method, valid.path, text, c.contentType || undefined));
      }),
      { numRuns: RUNS },
    );
    await rowsMatchTheLog();
  }, TIMEOUT_MS);

  it(`POST /api/funds/{fundId}/imports: ${RUNS} mutated forms, never a 5xx, never a partial row`, async () => {
    const name = 'POST /api/funds/{fundId}/imports';
    // preview or refused: the import's record; saved: with a new version, and a new scenario unless scenarioId was given.
    const accepts = (status: number, body: unknown, wrote: Wrote) =>
      (body as { outcome?: string }).outcome === 'saved' ? exactly({ 200: [{ imports: 1, scenario_versions: 1 }, { imports: 1, scenario_versions: 1, scenarios: 1 }] })(status, body, wrote) : exactly({ 200: [{ imports: 1 }] })(status, body, wrote);
    await fc.assert(
      fc.asyncProperty(formCase, fc.constantFrom('preview', 'save'), async (c, mode) => {
        const valid: Array<[string, FormValue]> = [['history', { file: 'history.csv', bytes: HISTORY_CSV }], ['name', `导入 ${world.seq()}`], ['mode', mode]];
        if (c.kind === 'form') await check(name, accepts, () => send('POST', '/api/funds/north/imports', formOf(valid, c.mutations), undefined));
        else await check(name, accepts, () => send('POST', '/api/funds/north/imports', bodyText(Object.fromEntries(valid.map(([k, v]) => [k, typeof v === 'string' ? v : v.file])), c), c.contentType || undefined));
      }),
      { numRuns: RUNS },
    );
    await rowsMatchTheLog();
  }, TIMEOUT_MS);

  it(`POST /api/funds/{fundId}/audits: ${RUNS} mutated forms, never a 5xx, never a partial row`, async () => {
    const name = 'POST /api/funds/{fundId}/audits';
    // Queued: one run; the same statement and version again: the stored run, nothing written.
    const accepts = exactly({ 202: [{ runs: 1 }], 200: [{}] });
    await fc.assert(
      fc.asyncProperty(formCase, async (c) => {
        const valid: Array<[string, FormValue]> = [['statement', { file: 'statement.csv', bytes: STATEMENT_CSV }], ['scenarioVersion', world.versionId]];
        if (c.kind === 'form') await check(name, accepts, () => send('POST', '/api/funds/north/audits', formOf(valid, c.mutations), undefined));
        else await check(name, accepts, () => send('POST', '/api/funds/north/audits', bodyText(Object.fromEntries(valid.map(([k, v]) => [k, typeof v === 'string' ? v : v.file])), c), c.contentType || undefined));
      }),
      { numRuns: RUNS },
    );
    await rowsMatchTheLog();
  }, TIMEOUT_MS);
});
