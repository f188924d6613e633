// The decision log (审批记录, docs/api.md, "Decision log") on every store: who may propose, review, approve, reject and withdraw a
// run, the four-eyes rule, the hash chain and its verification, and appends at once chaining one after the other.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from './app';
import type { Store } from './db/store';
import { type Runner, startRunner } from './jobs/runner';
import { GENESIS_HASH, decisionHash } from './repo/decisions';
import { createFund } from './repo/funds';
import { createRun, requestCancel } from './repo/runs';
import { createScenario } from './repo/scenarios';
import { TEST_PASSWORD_PARAMS, TestClient, makeUser } from './testing/client';
import { testStoreKinds } from './testing/stores';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const sample = JSON.parse(readFileSync(join(ROOT, 'examples/county-fund/scenario.json'), 'utf8')) as unknown;
const samplePlan = JSON.parse(readFileSync(join(ROOT, 'examples/county-fund/plan.json'), 'utf8')) as Record<string, unknown>;

interface DecisionBody { id: string; runId: string; action: string; userName: string; comment: string | null; createdAt: string; prevHash: string; hash: string; fundId: string }
interface Issue { code: string; path: unknown[]; rule: string; received?: string; limit?: string }

for (const kind of await testStoreKinds()) {
  describe(`decision log on ${kind.kind}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let runner: Runner;
    let api: ReturnType<typeof createApi>;
    const clients: Record<string, TestClient> = {};
    let versionId = '';
    const runs: Record<string, string> = {};

    /** A validate run of the sample plan (named `name`, so each request is its own run), by `user`, waited for. */
    const finishedRun = async (user: string, name: string): Promise<string> => {
      const r = await clients[user]!.post<{ run: { id: string } }>('/api/funds/north/runs', { kind: 'validate', document: { ...samplePlan, name }, scenario: { scenarioVersion: versionId } });
      expect(r.status, JSON.stringify(r.body)).toBe(202);
      await clients[user]!.get(`/api/funds/north/runs/${r.body.run.id}/events`);
      const run = await clients[user]!.get<{ state: string; createdBy: string }>(`/api/funds/north/runs/${r.body.run.id}`);
      expect(run.body).toMatchObject({ state: 'done', createdBy: user });
      return r.body.run.id;
    };
    const decide = (user: string, runId: string, action: string, comment?: string) =>
      clients[user]!.post<{ decision: DecisionBody; state: string; error: { code: string }; issues: Issue[] }>(`/api/funds/north/runs/${runId}/decisions`, comment === undefined ? { action } : { action, comment });
    const count = async () => Number((await store.query<{ n: string }>('select count(*) as n from decisions'))[0]!.n);

    beforeAll(async () => {
      ({ store, dispose } = await kind.open());
      await createFund(store, { id: 'north', name: '北县' });
      await createFund(store, { id: 'south', name: '南县' });
      versionId = (await createScenario(store, { fundId: 'north', name: '示例', body: sample }))!.id;
      const roles = { planner1: 'planner', planner2: 'planner', approver1: 'approver', approver2: 'approver', viewer1: 'viewer' } as const;
      runner = startRunner(store, { pollMs: 100, leaseSeconds: 10 });
      api = createApi({ store, codeVersion: 'test', passwordParams: TEST_PASSWORD_PARAMS, onQueued: () => runner.wake(), eventPollMs: 50 });
      for (const [name, role] of Object.entries(roles)) {
        const u = await makeUser(store, name, { roles: { north: role } });
        clients[name] = new TestClient(api);
        expect((await clients[name].login(name, u.password)).status).toBe(200);
      }
      runs.a = await finishedRun('planner1', 'a');
      runs.b = await finishedRun('approver2', 'b');
      runs.c = await finishedRun('planner1', 'c');
      // A run that never finished: created and cancelled in one transaction, so the runner never sees it queued.
      runs.cancelled = await store.transaction(async (tx) => {
        const { run } = await createRun(tx, { fundId: 'north', kind: 'validate', scenarioVersionIds: [versionId], request: { kind: 'validate', document: samplePlan }, requestHash: 'cancelled-run', codeVersion: 'test', createdBy: 'planner1' });
        await requestCancel(tx, 'north', run.id);
        return run.id;
      });
    }, 120_000);
    afterAll(async () => {
      await runner?.stop();
      await dispose?.();
    });

    it('refuses what the rules forbid, with the rule named, and appends nothing then', async () => {
      const before = await count();
      // A viewer may not write at all; a planner may not approve; nothing can be decided before a proposal.
      expect((await decide('viewer1', runs.a!, 'propose')).status).toBe(403);
      const planner = await decide('planner2', runs.a!, 'approve');
      expect(planner.status).toBe(403);
      expect(planner.body.issues[0]).toMatchObject({ path: ['action'], rule: 'roleForAction', received: 'planner', limit: 'approver' });
      const early = await decide('approver1', runs.a!, 'approve');
      expect(early.status).toBe(409);
      expect(early.body.issues[0]).toMatchObject({ rule: 'decideAfterPropose', received: 'none', limit: 'proposed' });
      // Only a finished run can be proposed.
      const unfinished = await decide('planner1', runs.cancelled!, 'propose');
      expect(unfinished.status).toBe(409);
      expect(unfinished.body.issues[0]).toMatchObject({ rule: 'proposeFinishedRun', received: 'cancelled', limit: 'done' });
      // An unknown action, a key the body does not have, another fund's run.
      expect((await clients.planner1!.post<{ issues: Issue[] }>(`/api/funds/north/runs/${runs.a}/decisions`, { action: 'approve!' })).status).toBe(422);
      const extra = await clients.planner1!.post<{ issues: Issue[] }>(`/api/funds/north/runs/${runs.a}/decisions`, { action: 'propose', coment: 'typo' });
      expect(extra.status).toBe(422);
      expect(extra.body.issues[0]!.path).toEqual(['coment']);
      expect((await decide('planner1', '999999', 'propose')).status).toBe(404);
      expect((await clients.planner1!.post(`/api/funds/south/runs/${runs.a}/decisions`, { action: 'propose' })).status).toBe(404);
      expect(await count()).toBe(before);
    });

    it('four eyes: an approver who proposed or created a run can neither review nor approve it (403 fourEyes); another approver can', async () => {
      // Run a: created and proposed by planner1; approver1 reviews, then approves.
      const p = await decide('planner1', runs.a!, 'propose', '2026年一季度续存方案');
      expect(p.status).toBe(201);
      expect(p.body).toMatchObject({ state: 'proposed', decision: { action: 'propose', userName: 'planner1', comment: '2026年一季度续存方案', runId: runs.a } });
      expect((await decide('planner1', runs.a!, 'propose')).body.issues[0]).toMatchObject({ rule: 'oneOpenProposal', received: 'proposed' });
      expect((await decide('approver1', runs.a!, 'review', '利率已核对')).status).toBe(201);
      const approved = await decide('approver1', runs.a!, 'approve');
      expect(approved.status).toBe(201);
      expect(approved.body.state).toBe('approved');
      expect((await decide('planner1', runs.a!, 'propose')).body.issues[0]).toMatchObject({ rule: 'oneOpenProposal', received: 'approved' });

      // Run b: created by approver2, proposed by planner1: approver2 may not review, approve or reject it.
      expect((await decide('planner1', runs.b!, 'propose')).status).toBe(201);
      for (const action of ['review', 'approve', 'reject']) {
        const r = await decide('approver2', runs.b!, action);
        expect(r.status, action).toBe(403);
        expect(r.body.error.code).toBe('four_eyes');
        expect(r.body.issues[0]).toMatchObject({ code: 'four_eyes', path: ['action'], rule: 'fourEyes', received: 'approver2' });
      }
      // Run c: created by planner1, proposed by approver1 (an approver may propose): approver1 may not approve it.
      expect((await decide('approver1', runs.c!, 'propose')).status).toBe(201);
      const own = await decide('approver1', runs.c!, 'approve');
      expect(own.status).toBe(403);
      expect(own.body.issues[0]).toMatchObject({ rule: 'fourEyes', received: 'approver1' });
      expect((await decide('approver2', runs.c!, 'reject', '期限结构不合理')).body.state).toBe('rejected');
    });

    it('lets only the proposer withdraw, and a withdrawn or rejected run be proposed again', async () => {
      const other = await decide('planner2', runs.b!, 'withdraw');
      expect(other.status).toBe(403);
      expect(other.body.issues[0]).toMatchObject({ rule: 'withdrawByProposer', received: 'planner2', limit: 'planner1' });
      expect((await decide('planner1', runs.b!, 'withdraw')).body.state).toBe('withdrawn');
      expect((await decide('approver1', runs.b!, 'approve')).body.issues[0]).toMatchObject({ rule: 'decideAfterPropose', received: 'withdrawn' });
      expect((await decide('planner2', runs.c!, 'propose')).body.state).toBe('proposed');
      const state = await clients.viewer1!.get<{ state: string; proposer: string; decisions: DecisionBody[] }>(`/api/funds/north/runs/${runs.c}/decisions`);
      expect(state.status).toBe(200);
      expect(state.body.state).toBe('proposed');
      expect(state.body.proposer).toBe('planner2');
      expect(state.body.decisions.map((e) => `${e.action}:${e.userName}`)).toEqual(['propose:approver1', 'reject:approver2', 'propose:planner2']);
    });

    it('chains every entry of the fund: each hash is sha256 of its fields and the previous hash, the first from the genesis value', async () => {
      const r = await clients.viewer1!.get<{ decisions: DecisionBody[]; verified: boolean; firstBroken: unknown }>('/api/funds/north/decisions');
      expect(r.status).toBe(200);
      expect(r.body.verified).toBe(true);
      expect(r.body.firstBroken).toBeNull();
      const chain = r.body.decisions;
      expect(chain.map((e) => `${e.action}:${e.userName}`)).toEqual(['propose:planner1', 'review:approver1', 'approve:approver1', 'propose:planner1', 'propose:approver1', 'reject:approver2', 'withdraw:planner1', 'propose:planner2']);
      expect(chain.map((e) => e.runId)).toEqual([runs.a, runs.a, runs.a, runs.b, runs.c, runs.c, runs.b, runs.c]);
      expect(chain[0]!.prevHash).toBe(GENESIS_HASH);
      chain.forEach((e, i) => {
        if (i > 0) expect(e.prevHash).toBe(chain[i - 1]!.hash);
        const { hash, ...fields } = e;
        expect(decisionHash({ ...fields, action: fields.action as 'propose' })).toBe(hash);
        expect(e.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      });
      expect(chain.map((e) => Number(e.id))).toEqual([...chain.map((e) => Number(e.id))].sort((x, y) => x - y));
      // Another fund's log is its own chain (empty here), and the database refuses changes to this one.
      expect((await clients.viewer1!.get('/api/funds/south/decisions')).status).toBe(404);
      await expect(store.query("update decisions set comment = 'x' where id = $1", [chain[0]!.id])).rejects.toThrow(/append-only/);
      await expect(store.query('delete from decisions where id = $1', [chain[0]!.id])).rejects.toThrow(/append-only/);
    });

    it('serialises appends: many reviews at once each chain from the one before', async () => {
      const d = await finishedRun('planner2', 'd');
      expect((await decide('planner2', d, 'propose')).status).toBe(201);
      const results = await Promise.all(Array.from({ length: 8 }, (_, i) => decide(i % 2 ? 'approver1' : 'approver2', d, 'review', `第${i}条意见`)));
      expect(results.map((r) => r.status)).toEqual(Array(8).fill(201));
      const r = await clients.viewer1!.get<{ decisions: DecisionBody[]; verified: boolean }>('/api/funds/north/decisions');
      expect(r.body.verified).toBe(true);
      const prevs = r.body.decisions.map((e) => e.prevHash);
      expect(new Set(prevs).size).toBe(prevs.length);
    }, 60_000);

    it('finds an entry edited behind the trigger’s back: verified false, the first broken entry named', async () => {
      const before = await clients.viewer1!.get<{ decisions: DecisionBody[] }>('/api/funds/north/decisions');
      const target = before.body.decisions[2]!;
      expect(target.action).toBe('approve');
      // What someone with the database's owner rights could do: switch the trigger off, change who approved, switch it on.
      await store.transaction(async (tx) => {
        await tx.exec('alter table decisions disable trigger decisions_immutable');
        await tx.query("update decisions set user_name = 'planner1' where id = $1", [target.id]);
        await tx.exec('alter table decisions enable trigger decisions_immutable');
      });
      const after = await clients.viewer1!.get<{ decisions: DecisionBody[]; verified: boolean; firstBroken: { id: string; reason: string; stored: string; expected: string } }>('/api/funds/north/decisions');
      expect(after.body.verified).toBe(false);
      expect(after.body.firstBroken).toMatchObject({ id: target.id, reason: 'hash', stored: target.hash });
      expect(after.body.decisions[2]!.userName).toBe('planner1');

      // Removing an entry breaks the link of the one after it.
      await store.transaction(async (tx) => {
        await tx.exec('alter table decisions disable trigger decisions_immutable');
        await tx.query("update decisions set user_name = 'approver1' where id = $1", [target.id]);
        await tx.query('delete from decisions where id = $1', [before.body.decisions[4]!.id]);
        await tx.exec('alter table decisions enable trigger decisions_immutable');
      });
      const gap = await clients.viewer1!.get<{ verified: boolean; firstBroken: { id: string; reason: string; expected: string } }>('/api/funds/north/decisions');
      expect(gap.body.verified).toBe(false);
      expect(gap.body.firstBroken).toMatchObject({ id: before.body.decisions[5]!.id, reason: 'link', expected: before.body.decisions[3]!.hash });
    });
  });
}
