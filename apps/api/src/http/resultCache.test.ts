import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeResult, execute, type JobRequest } from '@fundladder/app';
import { createApi } from '../app';
import type { Store } from '../db/store';
import { createFund } from '../repo/funds';
import { claimRun, createRun, finishRun, getRun } from '../repo/runs';
import { createScenario } from '../repo/scenarios';
import { TEST_PASSWORD_PARAMS, TestClient, makeUser } from '../testing/client';
import { testStoreKinds } from '../testing/stores';
import { ResultCache } from './resultCache';

describe('ResultCache', () => {
  it('gives back what it keeps, and forgets the least recently used first once over its bytes', () => {
    const cache = new ResultCache(40); // 20 UTF-16 code units
    cache.set('1', 'aaaaaaaa');
    cache.set('2', 'bbbbbbbb');
    expect(cache.get('1')).toBe('aaaaaaaa'); // 1 is now the most recently used
    cache.set('3', 'cccccccc');
    expect([cache.get('1'), cache.get('2'), cache.get('3')]).toEqual(['aaaaaaaa', undefined, 'cccccccc']);
    expect(cache.size).toEqual({ entries: 2, bytes: 32 });
  });

  it('keeps no text larger than the whole cache, and counts a replaced text once', () => {
    const cache = new ResultCache(10);
    cache.set('1', 'x'.repeat(6));
    expect(cache.get('1')).toBeUndefined();
    cache.set('2', 'yy');
    cache.set('2', 'zzz');
    expect(cache.size).toEqual({ entries: 1, bytes: 6 });
  });
});

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');
const sample = JSON.parse(readFileSync(join(ROOT, 'examples/county-fund/scenario.json'), 'utf8')) as unknown;
const plan = JSON.parse(readFileSync(join(ROOT, 'examples/county-fund/plan.json'), 'utf8')) as unknown;

for (const kind of await testStoreKinds()) {
  describe(`GET a run with its result from memory, on ${kind.kind}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let client: TestClient;
    let doneId = '';
    let queuedId = '';

    beforeAll(async () => {
      ({ store, dispose } = await kind.open());
      await createFund(store, { id: 'north', name: '北县' });
      const version = (await createScenario(store, { fundId: 'north', name: 'sample', body: sample }))!;
      await makeUser(store, 'viewer1', { roles: { north: 'viewer' } });
      // A done run as the runner stores one: the evaluate job's wire result.
      const evaluated = await execute({ kind: 'evaluate', scenario: sample, plan } as JobRequest);
      if (!evaluated.ok) throw new Error(JSON.stringify(evaluated.issues));
      const queue = async (name: string) => (await createRun(store, { fundId: 'north', kind: 'evaluate', scenarioVersionIds: [version.id], request: { name }, requestHash: name, codeVersion: 'test' })).run.id;
      doneId = await queue('done');
      await claimRun(store, 'test-worker', 60);
      expect(await finishRun(store, doneId, 'test-worker', { state: 'done', result: JSON.parse(JSON.stringify(encodeResult(evaluated.value))) })).toBe(true);
      queuedId = await queue('queued');
      client = new TestClient(createApi({ store, codeVersion: 'test', passwordParams: TEST_PASSWORD_PARAMS, resultCacheBytes: 1024 * 1024 }));
      expect((await client.login('viewer1', 'pw-viewer1-0123456789')).status).toBe(200);
    }, 60_000);
    afterAll(async () => dispose?.());

    it('answers a done run with exactly the JSON of its stored row and result, the first time and from memory after', async () => {
      const stored = JSON.stringify(await getRun(store, 'north', doneId, true));
      const first = await client.request('GET', `/api/funds/north/runs/${doneId}`);
      const second = await client.request('GET', `/api/funds/north/runs/${doneId}`);
      expect(first.status).toBe(200);
      expect(first.headers.get('content-type')).toMatch(/^application\/json/);
      expect(JSON.stringify(first.body)).toBe(stored);
      expect(JSON.stringify(second.body)).toBe(stored);
      expect(second.body).toMatchObject({ state: 'done', result: { kind: 'evaluate' } });
    });

    it('keeps a done run whole (the store may not change it), and another fund still sees 404', async () => {
      const first = await client.get<{ state: string; result: unknown }>(`/api/funds/north/runs/${doneId}`);
      // A cancel of a done run changes nothing (every update of a run row needs it queued or running).
      expect((await store.query(`update runs set cancel_requested = true where id = $1 and state in ('queued', 'running') returning id`, [doneId])).length).toBe(0);
      const again = await client.get<{ state: string; result: unknown }>(`/api/funds/north/runs/${doneId}`);
      expect(again.body).toEqual(first.body);
      expect(again.body.result).toBeDefined();
      await createFund(store, { id: 'south', name: '南县' });
      await makeUser(store, 'viewer2', { roles: { south: 'viewer' } });
      const other = new TestClient(createApi({ store, codeVersion: 'test', passwordParams: TEST_PASSWORD_PARAMS }));
      await other.login('viewer2', 'pw-viewer2-0123456789');
      expect((await other.get(`/api/funds/south/runs/${doneId}`)).status).toBe(404);
    });

    it('sends the same answer gzipped to a client that takes gzip, with one entity tag, and 304 when its copy is current', async () => {
      const stored = JSON.stringify(await getRun(store, 'north', doneId, true));
      const path = `/api/funds/north/runs/${doneId}`;
      // Chromium's header; then a client that names no coding, then one that refuses gzip by weight.
      const zipped = await client.raw(path, { 'accept-encoding': 'gzip, deflate, br, zstd' });
      expect(zipped.status).toBe(200);
      expect(zipped.headers.get('content-encoding')).toBe('gzip');
      expect(zipped.headers.get('vary')).toBe('accept-encoding');
      const zippedBytes = Buffer.from(await zipped.arrayBuffer());
      expect(gunzipSync(zippedBytes).toString('utf8')).toBe(stored);
      const plain = await client.raw(path);
      expect(plain.headers.get('content-encoding')).toBeNull();
      expect(await plain.text()).toBe(stored);
      const refused = await client.raw(path, { 'accept-encoding': 'gzip;q=0, *' });
      expect(refused.headers.get('content-encoding')).toBeNull();
      expect(zippedBytes.byteLength).toBeLessThan(stored.length / 3);
      // One tag for both codings' content (the JSON): a client that changes its header still revalidates.
      const etag = zipped.headers.get('etag')!;
      expect(etag).toMatch(/^"[\w-]{27}"$/);
      expect(plain.headers.get('etag')).toBe(etag);
      expect(zipped.headers.get('cache-control')).toBe('private, no-cache');
      const current = await client.raw(path, { 'if-none-match': `W/${etag}` });
      expect(current.status).toBe(304);
      expect(current.headers.get('etag')).toBe(etag);
      expect(await current.text()).toBe('');
      const stale = await client.raw(path, { 'if-none-match': '"not-this-one"' });
      expect(stale.status).toBe(200);
      expect(await stale.text()).toBe(stored);
    });

    it('answers a 304 only after the access checks: a user of another fund with the right tag still gets 404', async () => {
      const etag = (await client.raw(`/api/funds/north/runs/${doneId}`)).headers.get('etag')!;
      await createFund(store, { id: 'east', name: '东县' });
      await makeUser(store, 'viewer3', { roles: { east: 'viewer' } });
      const other = new TestClient(createApi({ store, codeVersion: 'test', passwordParams: TEST_PASSWORD_PARAMS }));
      await other.login('viewer3', 'pw-viewer3-0123456789');
      // Another fund's data is not found for this user (docs/api.md §5), tag or not.
      expect((await other.raw(`/api/funds/north/runs/${doneId}`, { 'if-none-match': etag })).status).toBe(404);
      expect((await other.raw(`/api/funds/east/runs/${doneId}`, { 'if-none-match': etag })).status).toBe(404);
      const anonymous = new TestClient(createApi({ store, codeVersion: 'test', passwordParams: TEST_PASSWORD_PARAMS }));
      expect((await anonymous.raw(`/api/funds/north/runs/${doneId}`, { 'if-none-match': etag })).status).toBe(401);
    });

    it('answers a run that is not done without a result', async () => {
      const r = await client.get<Record<string, unknown>>(`/api/funds/north/runs/${queuedId}`);
      expect(r.body.state).toBe('queued');
      expect('result' in r.body).toBe(false);
    });
  });
}
