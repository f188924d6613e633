// hono's typed client of the API (src/client.ts) against the app in this process: the paths, parameters and bodies
// it sends are the routes' own (a wrong one fails `npm run typecheck`, see the @ts-expect-error lines), and what comes
// back is what the routes declare.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { createApi } from './app';
import { type ApiClient, apiClient } from './client';
import type { Store } from './db/store';
import { createFund } from './repo/funds';
import { TEST_PASSWORD_PARAMS, makeUser } from './testing/client';
import { pgliteKind } from './testing/stores';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const sample = JSON.parse(readFileSync(join(ROOT, 'examples/county-fund/scenario.json'), 'utf8')) as unknown;

describe('the typed client (hc) of the API', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let client: ApiClient;
  let password = '';

  beforeAll(async () => {
    ({ store, dispose } = await pgliteKind.open());
    await createFund(store, { id: 'north', name: '北县' });
    password = (await makeUser(store, 'li', { roles: { north: 'planner' } })).password;
    const app = createApi({ store, codeVersion: 'test', passwordParams: TEST_PASSWORD_PARAMS });
    // A browser keeps the cookie and sends the page's origin and the CSRF token: this fetch does the same in process.
    let cookie = '';
    let csrf = '';
    client = apiClient('http://localhost', {
      fetch: async (input: string | URL | Request, init?: RequestInit) => {
        const req = new Request(input, init);
        const headers = new Headers(req.headers);
        if (cookie) headers.set('cookie', cookie);
        if (req.method !== 'GET') {
          headers.set('origin', 'http://localhost');
          if (csrf) headers.set('x-csrf-token', csrf);
        }
        const res = await app.request(new Request(req, { headers }));
        const set = res.headers.get('set-cookie');
        if (set) cookie = set.split(';')[0]!;
        if (req.url.endsWith('/api/session') && req.method === 'POST' && res.ok) csrf = ((await res.clone().json()) as { csrfToken: string }).csrfToken;
        return res;
      },
    });
  });
  afterAll(async () => dispose());

  it('signs in, creates a scenario and reads it back, with typed paths, bodies and answers', async () => {
    const signedIn = await client.api.session.$post({ json: { name: 'li', password } });
    expect(signedIn.status).toBe(200);
    const created = await client.api.funds[':fundId'].scenarios.$post({ param: { fundId: 'north' }, json: { name: '样例 sample', body: sample } });
    expect(created.status).toBe(201);
    // The answer's type is the union the route declares: the scenario, or the API's refusal.
    const made = await created.json();
    if ('error' in made) throw new Error(made.error.message);
    expectTypeOf(made.scenario.id).toEqualTypeOf<string>();
    const list = await client.api.funds[':fundId'].scenarios.$get({ param: { fundId: 'north' } });
    expect(list.status).toBe(200);
    const listed = await list.json();
    if ('error' in listed) throw new Error(listed.error.message);
    expect(listed.scenarios.map((s) => s.id)).toContain(made.scenario.id);
  });

  it('gets the API’s refusal, with its code, for a fund the user has no role in', async () => {
    const res = await client.api.funds[':fundId'].$get({ param: { fundId: 'south' } });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });

  it('refuses at compile time a path or parameter the API does not have', () => {
    // Never called: these lines are checked by tsc (npm run typecheck), and an unused @ts-expect-error is itself an error.
    const typeOnly = (c: ApiClient) => {
      // @ts-expect-error no such route
      void c.api.funds[':fundId'].no_such_route;
      // @ts-expect-error the runs route names its parameter runId
      void c.api.funds[':fundId'].runs[':runId'].$get({ param: { fundId: 'north', id: '1' } });
    };
    expect(typeof typeOnly).toBe('function');
  });
});
