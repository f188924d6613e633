// The job queue survives a worker killed with `kill -9` (docs/api.md §3, §9). On a PostgreSQL server: two
// `fundladder-api worker` processes share twelve queued runs; one is killed while it holds a running job; its lease runs
// out, the other worker takes the job again, and every run is finished exactly once — counted by a trigger this test
// adds to its own database, which records every claim and every finish with the lease owner that made it. On PGlite
// (one process per data folder): `serve` killed mid-job and started again on the same folder takes the job again.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeResult } from '@fundladder/app';
import type { Store } from '../../apps/api/src/db/store';
import { hashJson } from '../../apps/api/src/http/hash';
import { createFund } from '../../apps/api/src/repo/funds';
import { createRun, finishRun, heartbeat } from '../../apps/api/src/repo/runs';
import { createScenario } from '../../apps/api/src/repo/scenarios';
import { resolveRunRequest } from '../../apps/api/src/runRequest';
import { testStoreKinds } from '../../apps/api/src/testing/stores';
import { ApiProcess, SAMPLE_PLAN, SAMPLE_SCENARIO, killAll, processGroupOf, sleep, startServe, until } from './harness';

const RUNS = 12;
/** Short, so the killed worker's job is free again within seconds (the default is 30). */
const LEASE_SECONDS = 3;

afterAll(killAll);

/** Records every claim and every finish of a run with its lease owner: proof by counting, not by the final row alone. */
const AUDIT_SQL = `
create table run_audit (seq bigserial primary key, run_id bigint not null, event text not null, owner text, attempts integer not null);
create function audit_run() returns trigger language plpgsql as $$
begin
  if new.state = 'running' and new.lease_owner is distinct from old.lease_owner then
    insert into run_audit (run_id, event, owner, attempts) values (new.id, 'claim', new.lease_owner, new.attempts);
  end if;
  if old.state = 'running' and new.state <> 'running' then
    insert into run_audit (run_id, event, owner, attempts) values (new.id, new.state, old.lease_owner, new.attempts);
  end if;
  return new;
end $$;
create trigger runs_audit after update on runs for each row execute function audit_run();`;

/** Twelve evaluate runs of the sample plan on one stored scenario version, each plan under its own name (so its own request). */
async function queueRuns(store: Store, fundId: string): Promise<string[]> {
  await createFund(store, { id: fundId, name: '故障测试 fault test' });
  const version = (await createScenario(store, { fundId, name: 'sample', body: SAMPLE_SCENARIO }))!;
  const ids: string[] = [];
  for (let i = 0; i < RUNS; i++) {
    const resolved = await resolveRunRequest(store, fundId, { kind: 'evaluate', scenario: { scenarioVersion: version.id }, plan: { ...SAMPLE_PLAN, name: `fault run ${i}` } });
    if (!resolved.ok) throw new Error(JSON.stringify(resolved.issues));
    const r = resolved.value;
    const { run } = await createRun(store, { fundId, kind: r.kind, scenarioVersionIds: r.scenarioVersionIds, request: r.stored, requestHash: hashJson({ request: r.stored, codeVersion: 'fault-test' }), codeVersion: 'fault-test' });
    ids.push(run.id);
  }
  return ids;
}

for (const kind of await testStoreKinds()) {
  if (kind.kind !== 'postgres') continue;
  describe('jobs on a PostgreSQL server, two worker processes', () => {
    it(`one worker killed -9 while it holds a job: the job is taken again after its ${LEASE_SECONDS} s lease, and each of ${RUNS} runs is finished once`, async () => {
      const opened = await kind.open();
      const { store, url } = opened;
      const workers: ApiProcess[] = [];
      try {
        await store.exec(AUDIT_SQL);
        const ids = await queueRuns(store, 'fault');
        const env = { DATABASE_URL: url!, FUNDLADDER_WORKERS: '1', FUNDLADDER_LEASE_SECONDS: String(LEASE_SECONDS) };
        workers.push(new ApiProcess('worker', env), new ApiProcess('worker', env));
        const owners = await Promise.all(workers.map(async (w) => (await w.waitFor(/fundladder worker (\S+) on postgres/, 60_000))[1]!));
        const [victim, survivor] = workers as [ApiProcess, ApiProcess];
        const [victimOwner, survivorOwner] = owners as [string, string];
        // The owner string is host:pid:random; that pid is the API process inside the group this test will kill.
        const victimPid = Number(victimOwner.split(':').at(-2));
        expect(processGroupOf(victimPid)).toBe(victim.child.pid);

        // Freeze the victim (SIGSTOP: every thread, so its job and heartbeat stop), let statements it already sent
        // finish at the server, and only kill it if it still holds a running run: never a run it finished a moment ago.
        type Held = { id: string; attempts: number; lease_owner: string };
        let held: Held | undefined;
        await until(async () => {
          const [candidate] = await store.query<Held>(`select id, attempts, lease_owner from runs where state = 'running' and lease_owner = $1`, [victimOwner]);
          if (!candidate) return false;
          victim.signal('SIGSTOP');
          await sleep(300);
          const [still] = await store.query<Held>(`select id, attempts, lease_owner from runs where id = $1 and state = 'running' and lease_owner = $2`, [candidate.id, victimOwner]);
          if (!still) {
            victim.signal('SIGCONT');
            return false;
          }
          held = still;
          await victim.kill9();
          return true;
        }, 60_000, `worker ${victimOwner} holding a running run`);
        expect(held!.attempts).toBe(1);
        expect(processGroupOf(victimPid)).toBeUndefined();

        await until(async () => (await store.query(`select 1 from runs where state in ('queued', 'running')`)).length === 0, 90_000, 'every run finished', 100);
        expect((await survivor.stop()).code).toBe(0);

        const runs = await store.query<{ id: string; state: string; attempts: number; lease_owner: string | null; result: unknown; issues: unknown }>('select id, state, attempts, lease_owner, result, issues from runs order by id');
        const audit = await store.query<{ run_id: string; event: string; owner: string; attempts: number }>('select run_id, event, owner, attempts from run_audit order by seq');
        expect(runs.map((r) => r.id)).toEqual(ids);
        // Every run done, with its result, no issues, no lease left; nothing running.
        for (const r of runs) expect(r, `run ${r.id}`).toMatchObject({ state: 'done', issues: null, lease_owner: null });
        const interest = runs.map((r) => {
          const decoded = decodeResult(r.result);
          if (!decoded.ok || decoded.value.kind !== 'evaluate') throw new Error(`run ${r.id}: not an evaluate result`);
          return decoded.value.evaluation.interest.toFixed(2);
        });
        // The plans differ only in name: the re-run job computed what the others did.
        expect(new Set(interest).size).toBe(1);

        const events = (id: string) => audit.filter((a) => a.run_id === id);
        // Finished once each, by the worker holding it: 12 finishes, all `done`.
        expect(audit.filter((a) => a.event !== 'claim')).toHaveLength(RUNS);
        for (const id of ids) expect(events(id).filter((a) => a.event !== 'claim').map((a) => a.event), `run ${id}`).toEqual(['done']);
        // The killed worker's run: claimed by it, claimed again by the survivor after the lease (attempt 2), finished by the survivor.
        expect(events(held!.id)).toEqual([
          { run_id: held!.id, event: 'claim', owner: victimOwner, attempts: 1 },
          { run_id: held!.id, event: 'claim', owner: survivorOwner, attempts: 2 },
          { run_id: held!.id, event: 'done', owner: survivorOwner, attempts: 2 },
        ]);
        // Every other run: one claim, one attempt, finished by the worker that claimed it.
        for (const r of runs.filter((x) => x.id !== held!.id)) {
          expect(r.attempts, `run ${r.id}`).toBe(1);
          const [claim, finish] = events(r.id);
          expect(finish!.owner, `run ${r.id}`).toBe(claim!.owner);
        }
        expect(audit.filter((a) => a.event === 'claim')).toHaveLength(RUNS + 1);
        expect(new Set(audit.map((a) => a.owner))).toEqual(new Set([victimOwner, survivorOwner]));

        // Had the killed worker only stalled and come back, it could neither renew nor finish the run it lost.
        const before = await store.query('select state, result, attempts from runs where id = $1', [held!.id]);
        expect(await heartbeat(store, held!.id, victimOwner, LEASE_SECONDS)).toEqual({ held: false, cancelRequested: false });
        expect(await finishRun(store, held!.id, victimOwner, { state: 'failed', issues: [{ code: 'internal', path: [], rule: 'internal', message: 'late' }] })).toBe(false);
        expect(await store.query('select state, result, attempts from runs where id = $1', [held!.id])).toEqual(before);
        expect(await store.query(`select count(*) as n from run_audit where event <> 'claim'`)).toEqual([{ n: String(RUNS) }]);
      } finally {
        await killAll();
        await opened.dispose();
      }
    }, 180_000);
  });
}

describe('jobs on PGlite, one process per data folder', () => {
  it('serve killed -9 mid-job and started again on the same folder: the job is taken again and finishes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fundladder-fault-jobs-'));
    try {
      // A lease of 2 s: the restarted server (several seconds to start) finds the dead process's lease run out.
      const env = { FUNDLADDER_DATA: dir, FUNDLADDER_LEASE_SECONDS: '2' };
      let api = await startServe(env);
      const scenarios = await api.http.get<{ scenarios: Array<{ latestVersionId: string }> }>('/api/funds/sample/scenarios');
      const versionId = scenarios.body.scenarios[0]!.latestVersionId;
      const posted = await api.http.post<{ run: { id: string } }>('/api/funds/sample/runs', { kind: 'evaluate', scenario: { scenarioVersion: versionId }, plan: SAMPLE_PLAN });
      expect(posted.status).toBe(202);
      const id = posted.body.run.id;
      // Polled from the moment it is queued, the run is seen running at the start of its job (the job's thread alone
      // takes a second or more to start), and the process is killed at once.
      let seen: { state: string; attempts: number } | undefined;
      await until(async () => {
        seen = (await api.http.get<{ state: string; attempts: number }>(`/api/funds/sample/runs/${id}`)).body;
        return seen.state !== 'queued';
      }, 30_000, 'the run leaving the queue', 10);
      await api.process.kill9();
      expect(seen).toMatchObject({ state: 'running', attempts: 1 });

      api = await startServe(env);
      let run: { state: string; attempts: number; result?: unknown } | undefined;
      await until(async () => {
        run = (await api.http.get<{ state: string; attempts: number; result?: unknown }>(`/api/funds/sample/runs/${id}`)).body;
        return !['queued', 'running'].includes(run.state);
      }, 60_000, 'the run finishing after the restart', 100);
      expect(run).toMatchObject({ state: 'done', attempts: 2 });
      const decoded = decodeResult(run!.result);
      expect(decoded.ok && decoded.value.kind).toBe('evaluate');
      const runs = await api.http.get<{ runs: Array<{ state: string }> }>('/api/funds/sample/runs');
      expect(runs.body.runs.map((r) => r.state)).toEqual(['done']);
      // A second process on the folder is refused before it opens it (two would both acknowledge writes, one's lost).
      const second = new ApiProcess('serve', { ...env, PORT: '0' });
      expect((await second.exited).code).toBe(1);
      expect(second.output).toMatch(new RegExp(`the data folder ${dir} is in use by process \\d+`));
      expect((await api.http.get('/api/health')).status).toBe(200);
      // Ctrl-C reaches the API process from the terminal and again through the bin wrapper: still a clean stop.
      expect((await api.process.stop(20_000, 'Ctrl-C')).code).toBe(0);
    } finally {
      await killAll();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
