// A fund's policy sweeps over the API (docs/sweep.md §8) on each store: started on a stored scenario version with the
// CLI's grid, its points run by the API's own job runner (worker threads, the sweep queue of migration 005), read as
// they arrive with the frontier at the end, refused with JSON paths, cancelled and queued again. Small on purpose: the
// sample at confidence 0 (no planning paths), 5 check paths, 2–3 points, as docs/sweep.md §5's proof.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepPointResult } from '@fundladder/app';
import { createApi } from './app';
import type { Queryable, Store } from './db/store';
import { startRunner, type Runner } from './jobs/runner';
import { type ClaimedPoint, claimPoint, enqueueSweep, finishPoint, sweepProgress } from './jobs/sweepQueue';
import { createFund } from './repo/funds';
import { createScenario } from './repo/scenarios';
import { TEST_PASSWORD_PARAMS, TestClient, makeUser } from './testing/client';
import { tableCounts } from './testing/rows';
import { testStoreKinds } from './testing/stores';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const sample = JSON.parse(readFileSync(join(ROOT, 'examples/county-fund/scenario.json'), 'utf8')) as { policy?: { safety?: Record<string, unknown> } };
/** The sample planned on its mean flows: a point is one optimize and a few ledger runs, no planning paths. */
const sampleAtZero = { ...sample, policy: { ...sample.policy, safety: { ...sample.policy?.safety, confidence: 0 } } };

interface Summary { id: string; state: string; counts: Record<'queued' | 'running' | 'done' | 'failed' | 'cancelled' | 'total', number>; paths: { check: number; fingerprint: string } }
interface SweepAnswer {
  sweep: Summary & { parameters: { name: string; values: string[] }[] };
  points: { index: number; values: Record<string, string>; state: string; attempts: number; result?: unknown; issues?: { code: string }[] }[];
  since: string | null;
  cursor: string;
  frontier: number[] | null;
  changes: unknown[] | null;
}
interface Problem { error: { code: string }; issues: { path: (string | number)[]; rule: string; code: string; message: string; text: { zh: string; en: string } }[] }

async function until<T>(what: string, read: () => Promise<T>, done: (t: T) => boolean, ms = 120_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const t = await read();
    if (done(t)) return t;
    if (Date.now() > end) throw new Error(`${what}: not within ${ms} ms; last ${JSON.stringify(t).slice(0, 400)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

for (const kind of await testStoreKinds()) {
  describe(`sweeps over the API on ${kind.kind}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let runner: Runner | undefined;
    let client: TestClient;
    let viewer: TestClient;
    let versionId = '';
    let southVersionId = '';
    const api = () => createApi({ store, codeVersion: 'test', passwordParams: TEST_PASSWORD_PARAMS, onQueued: () => runner?.wake() });

    beforeAll(async () => {
      ({ store, dispose } = await kind.open());
      await createFund(store, { id: 'north', name: '北县' });
      await createFund(store, { id: 'south', name: '南县' });
      versionId = (await createScenario(store, { fundId: 'north', name: '样例 c=0', body: sampleAtZero, createdBy: 'setup' }))!.id;
      southVersionId = (await createScenario(store, { fundId: 'south', name: '样例 c=0', body: sampleAtZero, createdBy: 'setup' }))!.id;
      await makeUser(store, 'planner1', { roles: { north: 'planner' } });
      await makeUser(store, 'viewer1', { roles: { north: 'viewer' } });
      const app = api();
      client = new TestClient(app);
      viewer = new TestClient(app);
      expect((await client.login('planner1', 'pw-planner1-0123456789')).status).toBe(200);
      expect((await viewer.login('viewer1', 'pw-viewer1-0123456789')).status).toBe(200);
    }, 60_000);
    afterAll(async () => {
      await runner?.stop();
      await dispose?.();
    });

    it('refuses a bad grid with each issue at its JSON path, and stores nothing', async () => {
      const before = await tableCounts(store, ['sweeps', 'sweep_points']);
      const ask = (body: unknown) => client.post<Problem>('/api/funds/north/sweeps', body);
      const bad = async (body: unknown) => {
        const r = await ask(body);
        expect(r.status, JSON.stringify(r.body)).toBe(422);
        return r.body.issues.map((i) => ({ path: i.path, rule: i.rule }));
      };
      expect(await bad({ scenario: { scenarioVersion: versionId }, vary: ['reserveMonths=3..1'] })).toEqual([{ path: ['vary', 0], rule: 'varySyntax' }]);
      expect(await bad({ scenario: { scenarioVersion: versionId }, vary: ['reserveMonths=1,2', { name: 'reserve', values: ['1'] }] })).toEqual([{ path: ['vary', 1, 'name'], rule: 'sweepParameter' }]);
      // A share above 1 is refused by the scenario's own schema, placed at the value that broke it.
      const share = await ask({ scenario: { scenarioVersion: versionId }, vary: ['caps.fundShare=0.2,1.5'] });
      expect(share.status).toBe(422);
      expect(share.body.issues.map((i) => i.path)).toEqual([['vary', 0, 'values', 1]]);
      expect(share.body.issues[0]!.message).toContain('caps.fundTimeDepositShare=1.5');
      expect(share.body.issues[0]!.message).toContain('scenario field policy.caps.fundTimeDepositShare');
      expect(share.body.issues[0]!.text.zh).toContain('1.5');
      expect(await bad({ scenario: { scenarioVersion: versionId }, vary: ['reserveMonths=1..2'], options: { paths: 0 } })).toEqual([{ path: ['options', 'paths'], rule: 'sweepRequest' }]);
      expect(await bad({ scenario: { scenarioVersion: versionId }, vary: ['reserveMonths=1..2', 'maxTerm=12,36', 'banks=3,4'] })).toMatchObject([{ path: ['vary'] }]);
      // Another fund's version is answered as a version that does not exist.
      const other = await ask({ scenario: { scenarioVersion: southVersionId }, vary: ['reserveMonths=1..2'] });
      const missing = await ask({ scenario: { scenarioVersion: '999999999' }, vary: ['reserveMonths=1..2'] });
      expect(other.status).toBe(422);
      expect(other.body.issues.map((i) => [i.path, i.rule])).toEqual([[['scenario', 'scenarioVersion'], 'scenarioVersionOfFund']]);
      const masked = (body: unknown, id: string) => JSON.stringify(body).replaceAll(`"${id}"`, '"…"').replaceAll(`\`${id}\``, '`…`');
      expect(masked(other.body, southVersionId)).toBe(masked(missing.body, '999999999'));
      expect(await tableCounts(store, ['sweeps', 'sweep_points'])).toEqual(before);
    });

    it('queues a sweep, cancels it (its points fail as cancelled), and queues the cancelled points again when asked again', async () => {
      const body = { scenario: { scenarioVersion: versionId }, vary: ['maxTermMonths=12,36,60'], options: { paths: 5 } };
      const started = await client.post<{ sweep: Summary; reused: boolean }>('/api/funds/north/sweeps', body);
      expect(started.status, JSON.stringify(started.body)).toBe(202);
      expect(started.body.sweep).toMatchObject({ state: 'queued', counts: { queued: 3, total: 3 }, paths: { check: 5 } });
      expect(started.body.sweep.paths.fingerprint).toMatch(/^[0-9a-f]{64}$/);
      const id = started.body.sweep.id;
      expect((await viewer.post(`/api/funds/north/sweeps/${id}/cancel`)).status).toBe(403);
      const cancelled = await client.post<Summary>(`/api/funds/north/sweeps/${id}/cancel`);
      expect(cancelled.body).toMatchObject({ state: 'cancelled', counts: { queued: 0, cancelled: 3 } });
      const read = await viewer.get<SweepAnswer>(`/api/funds/north/sweeps/${id}`);
      expect(read.body.points.map((p) => [p.state, p.issues?.[0]?.code])).toEqual([['cancelled', 'cancelled'], ['cancelled', 'cancelled'], ['cancelled', 'cancelled']]);
      expect(read.body.frontier).toEqual([]);
      const again = await client.post<{ sweep: Summary; reused: boolean }>('/api/funds/north/sweeps', body);
      expect(again.status).toBe(202);
      expect(again.body).toMatchObject({ reused: true, sweep: { id, state: 'queued', counts: { queued: 3, cancelled: 0 } } });
      // Cancelled for good, so the runner below has only the next sweep to run.
      await client.post(`/api/funds/north/sweeps/${id}/cancel`);
      // Another fund's sweep is not this fund's: 404, as one that does not exist.
      expect((await client.get(`/api/funds/south/sweeps/${id}`)).status).toBe(404);
    });

    it("runs a sweep's points in the API's job runner, shows them as they arrive, and the frontier once all are done", async () => {
      // A sweep queued by `fundladder sweep --database-url` (no fund): left to the workers its user started.
      const cli = await enqueueSweep(store, { key: 'cli-sweep', request: { kind: 'sweep' }, pathsFingerprint: 'cli', codeVersion: 'other', points: [{ index: 0, values: { reserveMonths: '1' }, key: 'cli-0' }] });
      runner = startRunner(store, { pollMs: 100, leaseSeconds: 10 });
      const body = { scenario: { scenarioVersion: versionId }, vary: ['reserveMonths=1..2'], options: { paths: 5 } };
      const started = await client.post<{ sweep: Summary }>('/api/funds/north/sweeps', body);
      expect(started.status, JSON.stringify(started.body)).toBe(202);
      const id = started.body.sweep.id;
      const seen = new Set<string>();
      const done = await until(
        'the sweep done',
        async () => (await viewer.get<SweepAnswer>(`/api/funds/north/sweeps/${id}`)).body,
        (s) => {
          seen.add(`${s.sweep.counts.done}/${s.frontier === null ? 'open' : 'front'}`);
          return s.sweep.state === 'done';
        },
      );
      expect(done.sweep).toMatchObject({ state: 'done', counts: { done: 2, failed: 0, total: 2 }, parameters: [{ name: 'reserveMonths', values: ['1', '2'] }] });
      // No frontier while a point was open.
      expect([...seen].filter((s) => s.endsWith('front'))).toEqual(['2/front']);
      for (const p of done.points) {
        const result = sweepPointResult.decode(p.result as never);
        expect(result).toMatchObject({ index: p.index, values: p.values, status: 'optimal' });
        expect(result.risk?.paths).toBe(5);
        expect(result.interest!.gt(0)).toBe(true);
      }
      expect(done.frontier!.length).toBeGreaterThanOrEqual(1);
      expect(done.frontier!.every((i) => i === 0 || i === 1)).toBe(true);
      expect(Array.isArray(done.changes)).toBe(true);
      // Asked again: the same sweep, nothing queued.
      const again = await client.post<{ sweep: Summary; reused: boolean }>('/api/funds/north/sweeps', body);
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ reused: true, sweep: { id, state: 'done' } });
      const listed = await viewer.get<{ sweeps: Summary[] }>('/api/funds/north/sweeps');
      expect(listed.body.sweeps[0]).toMatchObject({ id, state: 'done' });
      expect(listed.body.sweeps.map((w) => w.id)).not.toContain(cli.sweep.id);
      expect(await sweepProgress(store, cli.sweep.id)).toEqual({ queued: 1, running: 0, done: 0, failed: 0 });
    }, 180_000);

    it('takes a running point away from the runner when the sweep is cancelled: nothing is stored for it afterwards', async () => {
      const started = await client.post<{ sweep: Summary }>('/api/funds/north/sweeps', { scenario: { scenarioVersion: versionId }, vary: ['reserveMonths=3,4'], options: { paths: 5 } });
      expect(started.status).toBe(202);
      const id = started.body.sweep.id;
      await until('a point running', async () => (await viewer.get<SweepAnswer>(`/api/funds/north/sweeps/${id}`)).body, (s) => s.sweep.counts.running > 0 || s.sweep.counts.done > 0);
      const cancelled = await client.post<Summary>(`/api/funds/north/sweeps/${id}/cancel`);
      expect(cancelled.body.state).toBe('cancelled');
      const after = cancelled.body.counts;
      // The runner's heartbeat is refused, it stops the point, and its finish is refused: the counts do not move.
      await new Promise((r) => setTimeout(r, 3000));
      const later = (await viewer.get<SweepAnswer>(`/api/funds/north/sweeps/${id}`)).body;
      expect(later.sweep.counts).toEqual(after);
      expect(later.sweep.counts.running + later.sweep.counts.queued).toBe(0);
    }, 180_000);

    it('answers with ?since= only the points changed since the cursor, a point committed late within the margin too, and merged they are the full read', async () => {
      // The points are claimed and finished here, as a worker would: the runner must not take them.
      await runner?.stop();
      runner = undefined;
      // Every point gets the stored result of a real point (the sample, reserveMonths=1), re-indexed: a real size.
      const [real] = await store.query<{ result: Record<string, unknown> }>(`select result from sweep_points where state = 'done' order by sweep_id, point_index limit 1`);
      expect(real).toBeDefined();
      const started = await client.post<{ sweep: Summary }>('/api/funds/north/sweeps', { scenario: { scenarioVersion: versionId }, vary: ['minQuoteRate=0.0001..0.0200:0.0001'], options: { paths: 5 } });
      expect(started.status, JSON.stringify(started.body)).toBe(202);
      const id = started.body.sweep.id;
      expect(started.body.sweep.counts.total).toBe(200);
      const owner = 'since-test';
      const claim = async () => {
        const point = await claimPoint(store, owner, 600, { fundsOnly: true });
        expect(point?.sweepId).toBe(id);
        return point!;
      };
      const finish = async (point: Pick<ClaimedPoint, 'sweepId' | 'index' | 'values'>, db: Queryable = store) =>
        expect(await finishPoint(db, point, owner, { state: 'done', result: { ...real!.result, index: point.index, values: point.values } })).toBe(true);
      for (let k = 0; k < 100; k++) await finish(await claim());
      // Those hundred changed a minute ago, before any cursor below.
      await store.query(`update sweep_points set changed_at = changed_at - interval '1 minute' where sweep_id = $1`, [id]);

      const path = `/api/funds/north/sweeps/${id}`;
      const full = (await viewer.get<SweepAnswer>(path)).body;
      expect(full.since).toBeNull();
      expect(full.cursor).toMatch(/^\d{1,17}$/);
      expect(full.points.map((p) => p.index)).toEqual([...Array(200).keys()]);
      const known = new Map(full.points.map((p) => [p.index, p]));
      const follow = async (cursor: string) => {
        const got = await viewer.get<SweepAnswer>(`${path}?since=${cursor}`);
        expect(got.status, JSON.stringify(got.body).slice(0, 400)).toBe(200);
        expect(got.body.since).toBe(cursor);
        for (const p of got.body.points) known.set(p.index, p);
        return got.body;
      };

      // Between two reads point 100 is finished and point 101 starts; the others do not change.
      await finish(await claim());
      const running = await claim();
      expect(running.index).toBe(101);
      const delta = await follow(full.cursor);
      expect(delta.points.map((p) => [p.index, p.state, p.attempts])).toEqual([[100, 'done', 1], [101, 'running', 1]]);
      expect(delta.sweep).toMatchObject({ state: 'running', counts: { queued: 98, running: 1, done: 101, failed: 0, cancelled: 0, total: 200 } });
      expect(delta.frontier).toBeNull();
      expect(BigInt(delta.cursor)).toBeGreaterThan(BigInt(full.cursor));
      // The sizes docs/sweep.md §7 gives: every point against the two that changed.
      const bytes = (body: unknown) => Buffer.byteLength(JSON.stringify(body));
      expect(bytes(delta)).toBeLessThan(bytes(full) / 20);

      // An UPDATE whose statement began 5 s before that read and committed after it: its changed_at is before the
      // read, inside the margin, so the next read still sends it (point 102 taken by a worker).
      await store.query(
        `update sweep_points set state = 'running', lease_owner = $2, lease_until = now() + interval '10 minutes', attempts = attempts + 1, changed_at = clock_timestamp() - interval '5 seconds'
          where sweep_id = $1 and point_index = 102`,
        [id, owner],
      );
      const late = await follow(delta.cursor);
      expect(late.points.find((p) => p.index === 102)).toMatchObject({ state: 'running', attempts: 1 });
      // Sent again within the margin (merged by index, no harm); an unchanged point is not.
      expect(late.points.map((p) => p.index)).toEqual([100, 101, 102]);

      if (kind.kind === 'postgres') {
        // A real late commit on the server: point 101 finished in a transaction that commits after a read began.
        let inside: SweepAnswer | undefined;
        await store.transaction(async (tx) => {
          await finish(running, tx);
          inside = (await viewer.get<SweepAnswer>(`${path}?since=${late.cursor}`)).body;
        });
        expect(inside!.points.find((p) => p.index === 101)?.state).toBe('running');
        expect((await follow(inside!.cursor)).points.find((p) => p.index === 101)?.state).toBe('done');
      } else {
        await finish(running);
      }

      await finish({ sweepId: id, index: 102, values: known.get(102)!.values });
      for (let k = 103; k < 200; k++) await finish(await claim());
      const last = await follow(late.cursor);
      const whole = (await viewer.get<SweepAnswer>(path)).body;
      expect(last.sweep).toMatchObject({ state: 'done', counts: { queued: 0, running: 0, done: 200, total: 200 } });
      expect(last.frontier).not.toBeNull();
      expect(last.frontier).toEqual(whole.frontier);
      expect(last.changes).toEqual(whole.changes);
      // The full read, then only what changed, merged by index: the same points as a full read now.
      expect([...known.values()].sort((a, b) => a.index - b.index)).toEqual(whole.points);
    }, 180_000);

    it('refuses a since that is not a cursor with 422 naming the query parameter, the rule and the value', async () => {
      const [sweep] = (await viewer.get<{ sweeps: Summary[] }>('/api/funds/north/sweeps')).body.sweeps;
      for (const bad of ['abc', '', '-5', '1.5', '123456789012345678']) {
        const r = await viewer.get<Problem>(`/api/funds/north/sweeps/${sweep!.id}?since=${encodeURIComponent(bad)}`);
        expect(r.status, bad).toBe(422);
        expect(r.body.issues.map((i) => ({ path: i.path, rule: i.rule, received: (i as { received?: string }).received }))).toEqual([{ path: ['query', 'since'], rule: 'sweepCursor', received: JSON.stringify(bad) }]);
      }
    });
  });
}
