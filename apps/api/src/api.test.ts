// The API end to end on each store (docs/api.md): in-process `app.request()`, jobs in worker threads.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeResult } from '@fundladder/app';
import { createApi } from './app';
import { readMigrations } from './db/migrate';
import type { Store } from './db/store';
import { startRunner, type Runner } from './jobs/runner';
import { createFund } from './repo/funds';
import { TEST_PASSWORD_PARAMS, TestClient, makeUser } from './testing/client';
import { testStoreKinds } from './testing/stores';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const sample = JSON.parse(readFileSync(join(ROOT, 'examples/county-fund/scenario.json'), 'utf8')) as Record<string, unknown>;
const samplePlan = JSON.parse(readFileSync(join(ROOT, 'examples/county-fund/plan.json'), 'utf8')) as unknown;

for (const kind of await testStoreKinds()) {
  describe(`API on ${kind.kind}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let runner: Runner;
    let client: TestClient;
    let api: ReturnType<typeof createApi>;

    beforeAll(async () => {
      const opened = await kind.open();
      store = opened.store;
      dispose = opened.dispose;
      await createFund(store, { id: 'north', name: '北县' });
      await createFund(store, { id: 'south', name: '南县' });
      await makeUser(store, 'planner1', { roles: { north: 'planner' } });
      await makeUser(store, 'viewer1', { roles: { north: 'viewer' } });
      runner = startRunner(store, { pollMs: 100, leaseSeconds: 10 });
      api = createApi({ store, codeVersion: 'test', passwordParams: TEST_PASSWORD_PARAMS, onQueued: () => runner.wake(), eventPollMs: 50 });
      client = new TestClient(api);
      expect((await client.login('planner1', 'pw-planner1-0123456789')).status).toBe(200);
    }, 60_000);
    afterAll(async () => {
      await runner?.stop();
      await dispose?.();
    });

    it('answers health with the store kind and schema version', async () => {
      const r = await client.get<{ store: string; schemaVersion: number }>('/api/health');
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ status: 'ok', store: kind.kind, schemaVersion: readMigrations().length });
    });

    it('refuses a wrong password, and a write without the CSRF token', async () => {
      const other = new TestClient(api);
      expect((await other.login('planner1', 'wrong-password-xx')).status).toBe(401);
      const r = await client.request('POST', '/api/funds/north/scenarios', { name: 'x', body: sample }, { 'x-csrf-token': 'not-the-token' });
      expect(r.status).toBe(403);
      expect(r.body).toMatchObject({ error: { code: 'csrf' } });
    });

    let versionId = '';
    let scenarioId = '';
    it('saves a scenario as version 1, refuses a misspelt key naming its path and the key meant, and saves nothing then', async () => {
      const bad = structuredClone(sample);
      (bad.policy as Record<string, unknown>).reserv = (bad.policy as Record<string, unknown>).reserve;
      const r1 = await client.post<{ issues: Array<{ path: unknown[]; message: string }> }>('/api/funds/north/scenarios', { name: 'bad', body: bad });
      expect(r1.status).toBe(422);
      expect(r1.body.issues[0]!.path).toEqual(['body', 'policy', 'reserv']);
      expect(r1.body.issues[0]!.message).toContain('reserve');
      const r2 = await client.post<{ version: { id: string; version: number; scenarioId: string } }>('/api/funds/north/scenarios', { name: '示例', body: sample });
      expect(r2.status).toBe(201);
      expect(r2.body.version.version).toBe(1);
      versionId = r2.body.version.id;
      scenarioId = r2.body.version.scenarioId;
      const list = await client.get<{ scenarios: Array<{ name: string }> }>('/api/funds/north/scenarios');
      expect(list.body.scenarios.map((s) => s.name)).toEqual(['示例']);
    });

    it('makes an edit a new version, and refuses an edit from a stale version with 409', async () => {
      const edited = { ...sample, description: 'edited' };
      const r = await client.post<{ version: { version: number } }>(`/api/funds/north/scenarios/${scenarioId}/versions`, { baseVersion: 1, body: edited });
      expect(r.status).toBe(201);
      expect(r.body.version.version).toBe(2);
      const stale = await client.post<{ issues: Array<{ path: unknown[]; limit: string }> }>(`/api/funds/north/scenarios/${scenarioId}/versions`, { baseVersion: 1, body: edited });
      expect(stale.status).toBe(409);
      expect(stale.body.issues[0]).toMatchObject({ path: ['baseVersion'], limit: '2' });
      // Version 1 is unchanged and cannot be changed even by SQL.
      await expect(store.query('update scenario_versions set note = $1 where id = $2', ['x', versionId])).rejects.toThrow(/append-only/);
    });

    it('runs an evaluate job in a worker thread: queued at once, done with the ledger’s result; the same request again is the same run', async () => {
      const request = { kind: 'evaluate', scenario: { scenarioVersion: versionId }, plan: samplePlan };
      const r = await client.post<{ run: { id: string; state: string }; reused: boolean }>('/api/funds/north/runs', request);
      expect(r.status).toBe(202);
      expect(r.body.reused).toBe(false);
      const id = r.body.run.id;
      const events = await client.get<string>(`/api/funds/north/runs/${id}/events`);
      expect(events.body).toContain('event: end');
      expect(events.body).toContain('"state":"done"');
      const done = await client.get<{ state: string; result: unknown; scenarioVersionIds: string[]; codeVersion: string }>(`/api/funds/north/runs/${id}`);
      expect(done.body.state).toBe('done');
      expect(done.body.scenarioVersionIds).toEqual([versionId]);
      expect(done.body.codeVersion).toBe('test');
      const decoded = decodeResult(done.body.result);
      expect(decoded.ok).toBe(true);
      if (decoded.ok && decoded.value.kind === 'evaluate') expect(decoded.value.evaluation.interest.toFixed(2)).toMatch(/^\d+\.\d\d$/);
      const again = await client.post<{ run: { id: string }; reused: boolean }>('/api/funds/north/runs', { plan: samplePlan, scenario: { scenarioVersion: versionId }, kind: 'evaluate' });
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ reused: true, run: { id } });
    }, 60_000);

    it('refuses a run on an inline scenario, on another fund’s version, and with an unknown option, naming the path', async () => {
      const inline = await client.post<{ issues: Array<{ path: unknown[]; rule: string }> }>('/api/funds/north/runs', { kind: 'evaluate', scenario: sample, plan: samplePlan });
      expect(inline.status).toBe(422);
      expect(inline.body.issues[0]).toMatchObject({ path: ['scenario'], rule: 'scenarioByReference' });
      const other = await client.post<{ issues: Array<{ path: unknown[] }> }>('/api/funds/north/runs', { kind: 'evaluate', scenario: { scenarioVersion: '999999' }, plan: samplePlan });
      expect(other.body.issues[0]!.path).toEqual(['scenario', 'scenarioVersion']);
      const unknown = await client.post<{ issues: Array<{ path: unknown[] }> }>('/api/funds/north/runs', { kind: 'optimize', scenario: { scenarioVersion: versionId }, options: { pahts: 10 } });
      expect(unknown.status).toBe(422);
      expect(unknown.body.issues[0]!.path).toEqual(['options', 'pahts']);
    });

    it('refuses a run whose plan has an unknown key or bank at once, with nothing queued', async () => {
      const before = (await store.query<{ n: string }>(`select count(*)::text as n from runs`))[0]!.n;
      const plan = structuredClone(samplePlan) as { placements: Array<Record<string, unknown>> };
      plan.placements[1]!.colour = 'red';
      const unknownKey = await client.post<{ issues: Array<{ path: unknown[] }> }>('/api/funds/north/runs', { kind: 'evaluate', scenario: { scenarioVersion: versionId }, plan });
      expect(unknownKey.status).toBe(422);
      expect(unknownKey.body.issues.map((i) => i.path.slice(0, 4))).toContainEqual(['plan', 'placements', 1, 'colour']);
      delete plan.placements[1]!.colour;
      plan.placements[2]!.bankId = 'no-such-bank';
      const unknownBank = await client.post<{ issues: Array<{ path: unknown[] }> }>('/api/funds/north/runs', { kind: 'evaluate', scenario: { scenarioVersion: versionId }, plan });
      expect(unknownBank.status).toBe(422);
      expect(unknownBank.body.issues.map((i) => i.path.slice(0, 4))).toContainEqual(['plan', 'placements', 2, 'bankId']);
      expect((await store.query<{ n: string }>(`select count(*)::text as n from runs`))[0]!.n).toBe(before);
    });

    it('hides another fund: 404 on its data, and a viewer cannot write', async () => {
      expect((await client.get('/api/funds/south/scenarios')).status).toBe(404);
      expect((await client.post('/api/funds/south/scenarios', { name: 'x', body: sample })).status).toBe(404);
      const viewer = new TestClient(api);
      await viewer.login('viewer1', 'pw-viewer1-0123456789');
      expect((await viewer.get('/api/funds/north/scenarios')).status).toBe(200);
      expect((await viewer.post('/api/funds/north/scenarios', { name: 'v', body: sample })).status).toBe(403);
      expect((await new TestClient(api).get('/api/funds/north/scenarios')).status).toBe(401);
    });

    it('cancels a queued run at once', async () => {
      await runner.stop();
      const r = await client.post<{ run: { id: string } }>('/api/funds/north/runs', { kind: 'optimize', scenario: { scenarioVersion: versionId }, options: { paths: 100, planningPaths: 100, seed: 3 } });
      expect(r.status, JSON.stringify(r.body)).toBe(202);
      const c = await client.post<{ state: string }>(`/api/funds/north/runs/${r.body.run.id}/cancel`);
      expect(c.body.state).toBe('cancelled');
      runner = startRunner(store, { pollMs: 100, leaseSeconds: 10 });
    });

    it('serves its OpenAPI description', async () => {
      const r = await client.get<{ openapi: string; paths: Record<string, unknown> }>('/openapi.json');
      expect(r.body.openapi).toBe('3.1.0');
      expect(Object.keys(r.body.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/funds/{fundId}/runs', '/api/funds/{fundId}/scenarios']));
    });
  });
}
