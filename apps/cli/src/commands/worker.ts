// `fundladder worker --database-url postgres://…` (docs/sweep.md §5): takes sweep points from the database's queue and
// computes them on this machine's cores, any number of such processes on any number of machines. The database is the
// coordinator: a point is claimed with FOR UPDATE SKIP LOCKED under a lease renewed every second; only the lease holder
// can finish it; a worker killed mid-point leaves its lease to run out, and another worker takes the point again.
import { randomUUID } from 'node:crypto';
import { availableParallelism, hostname } from 'node:os';
import type { DomainIssue } from '@fundladder/core';
import { type SweepRequest, drawSweepPaths, prepareSweep, sweepPathsToWire } from '@fundladder/app';
import { type Command, EXIT_OK, EXIT_PROBLEMS } from '../io';
import { numberFlags, parseCommandArgs, refuseFlags } from '../args';
import { SweepPool, loadSweepQueue } from './sweep';

const HELP_ZH = `用法: fundladder worker --database-url postgres://用户@主机:端口/库 [--workers N] [--lease-seconds 30]
领取 PostgreSQL 队列中政策扫描（fundladder sweep … --database-url）的点并计算，结果写回数据库。可在任意台机器上启动任意多个；
每个点只完成一次：领取时加租约并每秒续约，只有持有租约者能写结果；进程被杀后租约到期，其他进程重新领取该点。
--workers：本进程启动的计算进程数（默认本机 CPU 数）。Ctrl-C 或 SIGTERM：正在计算的点交还队列后退出。`;
const HELP_EN = `Usage: fundladder worker --database-url postgres://user@host:port/db [--workers N] [--lease-seconds 30]
Takes the points of policy sweeps (fundladder sweep … --database-url) from a PostgreSQL server's queue, computes them
and writes the results back. Start any number, on any number of machines; each point is finished once: it is claimed
under a lease renewed every second, only the lease holder can store its result, and a point whose worker was killed is
taken again by another once the lease runs out.
--workers: computing processes this worker starts (default: this machine's CPUs). Ctrl-C or SIGTERM: points in progress go back to
the queue, then the process exits.`;

const FLAGS = { 'database-url': { type: 'string' }, workers: { type: 'string' }, 'lease-seconds': { type: 'string' }, 'poll-ms': { type: 'string' } } as const;

/** `fundladder worker`: claim, compute on a worker process, finish under the lease; until Ctrl-C or SIGTERM. */
export const workerCommand: Command = async (args, io) => {
  const parsed = parseCommandArgs(io, 'worker', args, FLAGS, { zh: HELP_ZH, en: HELP_EN }, { min: 0, max: 0 });
  if (!parsed.ok) return parsed.code;
  const { values } = parsed;
  const flags = numberFlags(values, { workers: { kind: 'int', min: 1, max: 256 }, 'lease-seconds': { kind: 'int', min: 1, max: 3600 }, 'poll-ms': { kind: 'int', min: 10, max: 60_000 } });
  if (!flags.ok) return refuseFlags(io, 'worker', flags.issues);
  const url = values['database-url'] ?? process.env.DATABASE_URL;
  if (!url) return refuseFlags(io, 'worker', [{ code: 'missing', path: ['--database-url'], rule: 'databaseUrl', message: '--database-url postgres://… (or DATABASE_URL) names the server whose queue this worker takes points from', received: '' }]);
  const slots = flags.value.workers ?? availableParallelism();
  const lease = flags.value['lease-seconds'] ?? 30;
  const pollMs = flags.value['poll-ms'] ?? 500;
  const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  const queue = await loadSweepQueue();
  let store: Awaited<ReturnType<typeof queue.openSweepQueue>>;
  try {
    store = await queue.openSweepQueue(url);
  } catch (e) {
    io.err(`fundladder worker: ${e instanceof Error ? e.message : String(e)}`);
    return EXIT_PROBLEMS;
  }
  io.err(`fundladder worker ${owner} on postgres, ${slots} processes, lease ${lease} s`);

  // One pool per sweep (its processes hold that sweep's setup and paths); a sweep whose paths this code cannot draw
  // identically (another code version or forecast) is refused point by point, never computed on other paths.
  const pools = new Map<string, { pool?: SweepPool; issues?: DomainIssue[] }>();
  const poolFor = async (sweepId: string) => {
    const known = pools.get(sweepId);
    if (known) return known;
    const entry: { pool?: SweepPool; issues?: DomainIssue[] } = {};
    pools.set(sweepId, entry);
    const sweep = await queue.getSweep(store, sweepId);
    const setup = sweep ? prepareSweep(sweep.request as SweepRequest) : undefined;
    if (!sweep || !setup?.ok) {
      entry.issues = setup && !setup.ok ? setup.issues : [{ code: 'missing', path: ['sweep'], rule: 'sweepStored', message: `sweep ${sweepId} is not in the database`, received: sweepId }];
      return entry;
    }
    const paths = drawSweepPaths(setup.value);
    if (!paths.ok) entry.issues = paths.issues;
    else if (paths.value.fingerprint !== sweep.pathsFingerprint) entry.issues = [{ code: 'invalid', path: ['paths'], rule: 'samePaths', message: `this worker draws other paths than the sweep's (fingerprint ${paths.value.fingerprint.slice(0, 12)}, the sweep's ${sweep.pathsFingerprint.slice(0, 12)}): run the code version that queued it (${sweep.codeVersion})`, received: paths.value.fingerprint, limit: sweep.pathsFingerprint }];
    else {
      entry.pool = new SweepPool(slots, setup.value.request, sweepPathsToWire(paths.value));
      await entry.pool.ready();
    }
    return entry;
  };

  let stopped = false;
  let active = 0;
  const running = new Set<Promise<void>>();
  const held = new Set<{ sweepId: string; index: number }>();
  let wake: (() => void) | undefined;

  const runOne = async (point: { sweepId: string; index: number; values: Record<string, string> }) => {
    held.add(point);
    const beat = setInterval(() => {
      queue.heartbeatPoint(store, point, owner, lease).catch(() => undefined);
    }, Math.max(100, Math.min(1000, (lease * 1000) / 3)));
    try {
      const entry = await poolFor(point.sweepId);
      if (!entry.pool) {
        await queue.finishPoint(store, point, owner, { state: 'failed', issues: entry.issues ?? [] });
        return;
      }
      let result: unknown;
      try {
        result = await entry.pool.run({ index: point.index, values: point.values });
      } catch (e) {
        if (stopped) return;
        await queue.finishPoint(store, point, owner, { state: 'failed', issues: [{ code: 'internal', path: [], rule: 'internal', message: e instanceof Error ? e.message : String(e) }] });
        return;
      }
      if (!stopped) await queue.finishPoint(store, point, owner, { state: 'done', result });
    } finally {
      clearInterval(beat);
      held.delete(point);
    }
  };

  const loop = async () => {
    while (!stopped) {
      try {
        await queue.reapPoints(store);
        while (!stopped && active < slots) {
          const point = await queue.claimPoint(store, owner, lease);
          if (!point) break;
          active++;
          const p = runOne(point)
            .catch((e: unknown) => io.err(`fundladder worker: point ${point.sweepId}/${point.index}: ${e instanceof Error ? e.message : String(e)}`))
            .finally(() => {
              active--;
              running.delete(p);
              wake?.();
            });
          running.add(p);
        }
      } catch {
        // The server was unreachable (a restart): try again at the next poll.
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, pollMs);
      });
    }
  };

  const done = new Promise<void>((resolve) => {
    let first = 0;
    const onSignal = () => {
      if (first && Date.now() - first > 1000) process.exit(130);
      if (first) return;
      first = Date.now();
      stopped = true;
      wake?.();
      resolve();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
  const looping = loop();
  await done;
  // Points in progress go back to the queue, so the next worker starts them without waiting for the lease.
  for (const entry of pools.values()) await entry.pool?.close();
  for (const point of [...held]) await queue.releasePoint(store, point, owner).catch(() => undefined);
  await Promise.allSettled([...running, looping]);
  await store.close();
  io.err(`fundladder worker ${owner} stopped`);
  return EXIT_OK;
};
