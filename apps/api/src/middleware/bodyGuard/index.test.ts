// Bodies the store cannot keep as sent are refused before any handler reads them (docs/api.md §4); each case below
// answered 500 before the guard (found by fuzz.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../app';
import type { Store } from '../../db/store';
import { pgliteKind } from '../../testing/stores';
import { TEST_PASSWORD_PARAMS, TestClient, makeUser } from '../../testing/client';
import { createFund } from '../../repo/funds';

describe('bodyGuard', () => {
  let store: Store;
  let api: ReturnType<typeof createApi>;
  let client: TestClient;
  let signedIn: Record<string, string>;

  beforeAll(async () => {
    ({ store } = await pgliteKind.open());
    await createFund(store, { id: 'north', name: '北县' });
    await makeUser(store, 'site', { admin: true });
    api = createApi({ store, codeVersion: 'test', passwordParams: TEST_PASSWORD_PARAMS });
    client = new TestClient(api);
    const r = await client.login('site', 'pw-site-0123456789');
    expect(r.status).toBe(200);
    signedIn = { cookie: r.headers.get('set-cookie')!.split(';')[0]!, 'x-csrf-token': (r.body as { csrfToken: string }).csrfToken, origin: 'http://localhost' };
  }, 60_000);
  afterAll(async () => store?.close());

  const funds = async () => (await store.query<{ n: string }>('select count(*) as n from funds'))[0]!.n;

  it('refuses U+0000 in a value with 422 naming its path, and saves nothing (PostgreSQL text cannot hold it)', async () => {
    const r = await client.post('/api/funds', { id: 'x', name: 'a\u0000b' });
    expect(r.status).toBe(422);
    expect(r.body).toEqual({ error: { code: 'unstorable_body', message: expect.any(String) }, issues: [expect.objectContaining({ code: 'invalid_text', path: ['name'], rule: 'storableText' })] });
    expect(await funds()).toBe('1');
  });

  it('refuses a lone surrogate in a value and in a key (jsonb refuses it; text would turn it into U+FFFD)', async () => {
    const value = await client.request('POST', '/api/funds', '{"id":"x","name":"a\\udc00"}');
    expect(value.status).toBe(422);
    expect((value.body as { issues: unknown[] }).issues).toEqual([expect.objectContaining({ path: ['name'] })]);
    const key = await client.request('POST', '/api/funds', '{"id":"x","name":"n","\\ud800":1}');
    expect((key.body as { issues: unknown[] }).issues).toEqual([expect.objectContaining({ path: ['\ud800'] })]);
    expect(await funds()).toBe('1');
  });

  it('keeps a well-formed surrogate pair (an emoji) and CJK text', async () => {
    const r = await client.post('/api/funds', { id: 'emoji', name: '养老 🏦' });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ name: '养老 🏦' });
  });

  it('refuses nesting deeper than 64 levels with the path to the 64th, without overflowing its own walk', async () => {
    const depth = 100_000;
    const r = await client.request('POST', '/api/funds/north/runs', `{"kind":"evaluate","x":${'['.repeat(depth)}${']'.repeat(depth)}}`);
    expect(r.status).toBe(422);
    const issue = (r.body as { issues: Array<{ code: string; path: unknown[]; limit: string }> }).issues[0]!;
    expect(issue).toMatchObject({ code: 'too_deep', limit: '64' });
    expect(issue.path).toEqual(['x', ...Array<number>(63).fill(0)]);
  });

  it('refuses the key __proto__ at any depth, which the run request’s passthrough schema silently dropped (the run was queued)', async () => {
    const r = await client.request('POST', '/api/funds/north/runs', '{"kind":"evaluate","plan":{"__proto__":{"placements":[]}},"__proto__":{"x":1}}');
    expect(r.status).toBe(422);
    expect((r.body as { issues: Array<{ path: unknown[] }> }).issues.map((i) => i.path)).toEqual([['__proto__'], ['plan', '__proto__']]);
    expect(await store.query('select id from runs')).toHaveLength(0);
  });

  it('lets malformed JSON through to the validator, which answers 400', async () => {
    expect((await client.request('POST', '/api/funds', '{"id":')).status).toBe(400);
  });

  it('refuses U+0000 in a form field and in an uploaded file’s name', async () => {
    const form = new FormData();
    form.append('name', 'a\u0000');
    form.append('history', new File([new Uint8Array([49])], 'h\u0000.csv'));
    const before = await store.query('select id from imports');
    const res = await api.request('http://localhost/api/funds/north/imports', { method: 'POST', body: form, headers: { origin: 'http://localhost' } });
    // Signed out: the guard answers before the route's 401, and it reveals nothing about the fund.
    expect(res.status).toBe(422);
    const body = (await res.json()) as { issues: Array<{ path: unknown[] }> };
    expect(body.issues.map((i) => i.path)).toEqual([['name'], ['history', 'name']]);
    expect(await store.query('select id from imports')).toHaveLength(before.length);
  });

  it('lets a file’s bytes through (U+0000 in a cell), and the import is recorded as refused, the character kept visible as \\u0000 (this answered 500: jsonb refused the issue quoting the cell)', async () => {
    const form = new FormData();
    form.append('history', new File([new TextEncoder().encode('月份,险种,收入（万元）,支出（万元）\n2025-01,失业保险基金,1\u00002,3\n')], 'nul.csv'));
    const res = await api.request('http://localhost/api/funds/north/imports', { method: 'POST', body: form, headers: signedIn });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { id: string };
    expect(body).toMatchObject({ outcome: 'refused', issues: [expect.objectContaining({ file: 'nul.csv', row: 2, received: '1\u00002' })] });
    const [row] = await store.query<{ issues: Array<{ received: string }> }>('select issues from imports where id = $1', [body.id]);
    expect(row!.issues[0]!.received).toBe('1\\u00002');
  });
});
