// A sweep past one machine (docs/sweep.md §5): on a PostgreSQL server, `fundladder sweep
// --database-url` queues nine points and waits; three `fundladder worker` processes take them; one is frozen while it
// holds a point and killed with `kill -9`; its lease runs out, a survivor takes the point again, and every point is
// finished exactly once — counted by a trigger this test adds to its own database, which records every claim and every
// finish with the lease owner that made it. Runs only with the server (one line says so otherwise, test/setup).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sweepPointResult, sweepResult } from '@fundladder/app';
import { finishPoint, heartbeatPoint } from '../../apps/api/src/jobs/sweepQueue';
import { testStoreKinds } from '../../apps/api/src/testing/stores';
import { ROOT, groupAlive, sleep, until } from './harness';

const BIN = join(ROOT, 'apps', 'cli', 'bin', 'fundladder.mjs');
/** Short, so the killed worker's point is free again within seconds (the default is 30). */
const LEASE_SECONDS = 3;

const AUDIT_SQL = `
create table point_audit (seq bigserial primary key, point_index integer not null, event text not null, owner text, attempts integer not null);
create function audit_point() returns trigger language plpgsql as $$
begin
  if new.state = 'running' and new.lease_owner is distinct from old.lease_owner then
    insert into point_audit (point_index, event, owner, attempts) values (new.point_index, 'claim', new.lease_owner, new.attempts);
  end if;
  if old.state = 'running' and new.state <> 'running' then
    insert into point_audit (point_index, event, owner, attempts) values (new.point_index, new.state, old.lease_owner, new.attempts);
  end if;
  return new;
end $$;
create trigger sweep_points_audit after update on sweep_points for each row execute function audit_point();`;

/** A `fundladder` command as a child process group of its own (so `kill -9` reaches the wrapper and the node inside). */
class CliProcess {
  readonly child: ChildProcess;
  output = '';
  stdout = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  constructor(args: string[], env: Record<string, string> = {}) {
    this.child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, FUNDLADDER_CODE_VERSION: 'sweep-workers-test', ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    live.add(this);
    this.child.stdout!.on('data', (c: Buffer) => {
      this.stdout += c.toString();
      this.output += c.toString();
    });
    this.child.stderr!.on('data', (c: Buffer) => void (this.output += c.toString()));
    this.exited = new Promise((resolve) => this.child.once('exit', (code, signal) => resolve({ code, signal })));
  }
  signal(signal: NodeJS.Signals): void {
    try {
      process.kill(-this.child.pid!, signal);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ESRCH') throw e;
    }
  }
  async kill9(): Promise<void> {
    this.signal('SIGKILL');
    await this.exited;
    await until(() => !groupAlive(this.child.pid!), 10_000, `group ${this.child.pid} still alive`);
    live.delete(this);
  }
  async waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
    let m: RegExpMatchArray | null = null;
    await until(() => (m = pattern.exec(this.output)) !== null, timeoutMs, `${pattern} in:\n${this.output}`, 50);
    return m!;
  }
}
const live = new Set<CliProcess>();
afterAll(async () => {
  await Promise.all([...live].map((p) => p.kill9()));
});

for (const kind of await testStoreKinds()) {
  if (kind.kind !== 'postgres') continue;
  describe('a sweep on a PostgreSQL server, three worker processes', () => {
    it(`one worker killed -9 while it holds a point: the point is taken again after its ${LEASE_SECONDS} s lease, and each of 9 points is finished once`, async () => {
      const opened = await kind.open();
      const { store, url } = opened;
      const dir = mkdtempSync(join(tmpdir(), 'fundladder-sweep-workers-'));
      try {
        await store.exec(AUDIT_SQL);
        // The sample at confidence 0 (the mean-flow plan: a cheap point) and 10 check paths: 3 × 3 points.
        const scenario = JSON.parse(readFileSync(join(ROOT, 'examples/county-fund/scenario.json'), 'utf8')) as { policy: { safety?: { confidence?: number } } };
        scenario.policy.safety = { ...scenario.policy.safety, confidence: 0 };
        const file = join(dir, 'scenario.json');
        writeFileSync(file, JSON.stringify(scenario));
        const sweep = new CliProcess(['sweep', file, '--vary', 'reserveMonths=1..3', '--vary', 'maxTermMonths=12,36,60', '--paths', '10', '--database-url', url!, '--json', '--lang', 'en']);
        await sweep.waitFor(/sweep (\d+) \(new\): 9 points on the queue/, 120_000);

        const workers = [0, 1, 2].map(() => new CliProcess(['worker', '--database-url', url!, '--workers', '1', '--lease-seconds', String(LEASE_SECONDS), '--poll-ms', '100']));
        const owners = await Promise.all(workers.map(async (w) => (await w.waitFor(/fundladder worker (\S+) on postgres/, 120_000))[1]!));
        const victimIndex = 0;
        const victim = workers[victimIndex]!;
        const victimOwner = owners[victimIndex]!;

        // Freeze the victim (every thread stops), let what it already sent reach the server, and kill it only if it
        // still holds a running point: never one it finished a moment ago.
        type Held = { point_index: number; attempts: number };
        let held: Held | undefined;
        await until(async () => {
          const [candidate] = await store.query<Held>(`select point_index, attempts from sweep_points where state = 'running' and lease_owner = $1`, [victimOwner]);
          if (!candidate) return false;
          victim.signal('SIGSTOP');
          await sleep(300);
          const [still] = await store.query<Held>(`select point_index, attempts from sweep_points where point_index = $1 and state = 'running' and lease_owner = $2`, [candidate.point_index, victimOwner]);
          if (!still) {
            victim.signal('SIGCONT');
            return false;
          }
          held = still;
          await victim.kill9();
          return true;
        }, 120_000, `worker ${victimOwner} holding a running point`, 50);
        expect(held!.attempts).toBe(1);

        // The sweep command sees every point arrive and prints the whole sweep.
        const ended = await Promise.race([sweep.exited, sleep(150_000).then(() => undefined)]);
        expect(ended, sweep.output).toEqual({ code: 0, signal: null });
        const printed = sweepResult.decode(JSON.parse(sweep.stdout) as never);
        expect(printed.points.map((p) => p.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
        // Each point a plan (or the optimizer's own verdict on it), checked on the same ten paths.
        for (const p of printed.points) {
          expect(['optimal', 'infeasible'], JSON.stringify(p.issues)).toContain(p.status);
          if (p.status === 'optimal') expect(p.risk?.paths).toBe(10);
        }
        expect(printed.points.filter((p) => p.status === 'optimal').length).toBeGreaterThan(0);

        for (const w of workers.slice(1)) {
          w.signal('SIGTERM');
          expect((await w.exited).code).toBe(0);
          live.delete(w);
        }

        const points = await store.query<{ point_index: number; state: string; attempts: number; lease_owner: string | null; result: unknown }>('select point_index, state, attempts, lease_owner, result from sweep_points order by point_index');
        const audit = await store.query<{ point_index: number; event: string; owner: string; attempts: number }>('select point_index, event, owner, attempts from point_audit order by seq');
        expect(points).toHaveLength(9);
        for (const p of points) {
          expect(p, `point ${p.point_index}`).toMatchObject({ state: 'done', lease_owner: null });
          expect(sweepPointResult.decode(p.result as never).index).toBe(p.point_index);
        }
        const events = (i: number) => audit.filter((a) => a.point_index === i);
        // Finished once each: nine finishes, all `done`, each by the worker that held the point.
        expect(audit.filter((a) => a.event !== 'claim')).toHaveLength(9);
        for (let i = 0; i < 9; i++) expect(events(i).filter((a) => a.event !== 'claim').map((a) => a.event), `point ${i}`).toEqual(['done']);
        // The killed worker's point: claimed by it, claimed again by a survivor after the lease (attempt 2), finished by that survivor.
        const mine = events(held!.point_index);
        expect(mine.map((a) => [a.event, a.attempts])).toEqual([['claim', 1], ['claim', 2], ['done', 2]]);
        expect(mine[0]!.owner).toBe(victimOwner);
        expect(mine[1]!.owner).not.toBe(victimOwner);
        expect(mine[2]!.owner).toBe(mine[1]!.owner);
        // Every other point: one claim, finished by the worker that claimed it.
        for (const p of points.filter((x) => x.point_index !== held!.point_index)) {
          expect(p.attempts, `point ${p.point_index}`).toBe(1);
          const [claim, finish] = events(p.point_index);
          expect(finish!.owner).toBe(claim!.owner);
        }
        expect(audit.filter((a) => a.event === 'claim')).toHaveLength(10);
        // Had the killed worker only stalled and come back, it could neither renew nor finish the point it lost.
        const before = await store.query('select state, result, attempts from sweep_points where point_index = $1', [held!.point_index]);
        const sweepId = (await store.query<{ id: string }>('select id from sweeps'))[0]!.id;
        expect(await heartbeatPoint(store, { sweepId, index: held!.point_index }, victimOwner, LEASE_SECONDS)).toBe(false);
        expect(await finishPoint(store, { sweepId, index: held!.point_index }, victimOwner, { state: 'failed', issues: [] })).toBe(false);
        expect(await store.query('select state, result, attempts from sweep_points where point_index = $1', [held!.point_index])).toEqual(before);
      } finally {
        await Promise.all([...live].map((p) => p.kill9()));
        rmSync(dir, { recursive: true, force: true });
        await opened.dispose();
      }
    }, 300_000);
  });
}
