import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { JobRequest } from '@fundladder/app';
import type { Store } from '../db/store';
import { type RunProgress, claimRun, finishRun, heartbeat, reapRuns, releaseRun } from '../repo/runs';
import { type Executor, workerExecutor } from './executor';
import { resolveStoredRequest } from './resolveStored';
import { type ClaimedPoint, claimPoint, finishPoint, getSweep, heartbeatPoint, reapPoints, releasePoint } from './sweepQueue';
import { type SweepExecutor, workerSweepExecutor } from './sweepExecutor';

export interface RunnerOptions {
  /** Jobs at once (default 1: the optimizer takes a core). */
  readonly concurrency?: number;
  /** A claimed run is this worker's for this long unless renewed (default 30 s); renewed every third of it. */
  readonly leaseSeconds?: number;
  /** How often an idle runner looks for queued runs (default 500 ms; `wake()` looks at once). */
  readonly pollMs?: number;
  readonly executor?: Executor;
  /** Names this worker in the runs it holds (default host:pid:random). */
  readonly owner?: string;
  /** Runs sweep points (default: worker threads, src/jobs/sweepExecutor.ts). */
  readonly sweepExecutor?: SweepExecutor;
  /** Whether this runner also takes sweep points when no run is queued (default true; docs/sweep.md §8). */
  readonly sweeps?: boolean;
  /** Called after a run is finished and stored (done, failed or cancelled), e.g. to evaluate warnings; a throw is logged, not the runner's. */
  readonly onFinished?: (runId: string, fundId: string) => Promise<void> | void;
}

export interface Runner {
  /** Look for queued runs now (after a POST), instead of at the next poll. */
  wake(): void;
  /** Stops claiming; running jobs are stopped and given back to the queue (another runner, or the next start, takes them). */
  stop(): Promise<void>;
  readonly owner: string;
}

/**
 * Takes queued runs from the store and runs them (docs/api.md §3): claimed with `FOR UPDATE SKIP LOCKED` under a lease,
 * so any number of runners on one PostgreSQL server share the queue and a run is done once; the lease is renewed with
 * the progress while the job runs, and a runner that dies leaves its run to be claimed again when the lease runs out.
 * Cancel is a flag on the row that the heartbeat reads.
 */
export function startRunner(store: Store, options: RunnerOptions = {}): Runner {
  const owner = options.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const lease = options.leaseSeconds ?? 30;
  const pollMs = options.pollMs ?? 500;
  const executor = options.executor ?? workerExecutor();
  const slots = options.concurrency ?? 1;
  const takesPoints = options.sweeps ?? true;
  let pointExecutor = options.sweepExecutor;
  const points = () => (pointExecutor ??= workerSweepExecutor());
  let stopped = false;
  let active = 0;
  let timer: NodeJS.Timeout | undefined;
  const running = new Set<Promise<void>>();
  const cancels = new Set<() => void>();

  const finished = async (run: { id: string; fundId: string }): Promise<void> => {
    try {
      await options.onFinished?.(run.id, run.fundId);
    } catch (e) {
      console.error(`onFinished(${run.id}): ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const runOne = async (run: { id: string; request: unknown; fundId: string }): Promise<void> => {
    let progress: RunProgress | undefined;
    let dirty = false;
    const resolved = await resolveStoredRequest(store, run.fundId, run.request);
    if (!resolved.ok) {
      if (await finishRun(store, run.id, owner, { state: 'failed', issues: resolved.issues })) await finished(run);
      return;
    }
    const job = executor.run(run.id, resolved.value as JobRequest, (p) => {
      progress = p;
      dirty = true;
    });
    cancels.add(job.cancel);
    const beat = setInterval(() => {
      const p = dirty ? progress : undefined;
      dirty = false;
      heartbeat(store, run.id, owner, lease, p)
        .then((h) => {
          if (!h.held || h.cancelRequested) job.cancel();
        })
        .catch(() => undefined);
    }, Math.max(100, Math.min(1000, (lease * 1000) / 3)));
    let stored = false;
    try {
      const outcome = await job.done;
      if (stopped && outcome.state === 'cancelled') await releaseRun(store, run.id, owner);
      else stored = await finishRun(store, run.id, owner, outcome);
    } finally {
      clearInterval(beat);
      cancels.delete(job.cancel);
    }
    if (stored) await finished(run);
  };

  /**
   * One sweep point, as `fundladder worker` runs one (docs/sweep.md §5): the lease renewed while it runs, and a refused
   * renewal (the sweep was cancelled, or the lease ran out and another worker took it) stops it; only the holder stores.
   */
  const runPoint = async (point: ClaimedPoint): Promise<void> => {
    const sweep = await getSweep(store, point.sweepId);
    if (!sweep) {
      await finishPoint(store, point, owner, { state: 'failed', issues: [{ code: 'missing', path: ['sweep'], rule: 'sweepStored', message: `sweep ${point.sweepId} is not in the database`, received: point.sweepId }] });
      return;
    }
    const job = points().run({ request: sweep.request, fingerprint: sweep.pathsFingerprint }, { index: point.index, values: point.values });
    cancels.add(job.cancel);
    const beat = setInterval(() => {
      heartbeatPoint(store, point, owner, lease)
        .then((held) => {
          if (!held) job.cancel();
        })
        .catch(() => undefined);
    }, Math.max(100, Math.min(1000, (lease * 1000) / 3)));
    try {
      const outcome = await job.done;
      if (stopped && outcome.state === 'failed' && outcome.issues.some((i) => i.code === 'cancelled')) await releasePoint(store, point, owner);
      else await finishPoint(store, point, owner, outcome);
    } finally {
      clearInterval(beat);
      cancels.delete(job.cancel);
    }
  };

  const tick = async (): Promise<void> => {
    timer = undefined;
    if (stopped) return;
    try {
      await reapRuns(store);
      if (takesPoints) await reapPoints(store);
      // Runs first; a free slot with no run queued takes a sweep point (one point at a time a slot, so a run queued
      // behind a long sweep waits at most one point).
      while (!stopped && active < slots) {
        const run = await claimRun(store, owner, lease);
        const point = run || !takesPoints ? undefined : await claimPoint(store, owner, lease, { fundsOnly: true });
        if (!run && !point) break;
        active++;
        const p = (run ? runOne(run) : runPoint(point!))
          .catch(() => undefined)
          .finally(() => {
            active--;
            running.delete(p);
            schedule(0);
          });
        running.add(p);
      }
    } catch {
      // The store was unreachable (a server restart): try again at the next poll.
    }
    schedule(pollMs);
  };
  const schedule = (ms: number) => {
    if (stopped) return;
    if (timer) {
      if (ms > 0) return;
      clearTimeout(timer);
    }
    timer = setTimeout(() => void tick(), ms);
  };
  schedule(0);

  return {
    owner,
    wake: () => schedule(0),
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      for (const c of cancels) c();
      await Promise.allSettled([...running]);
      await executor.close();
      await pointExecutor?.close();
    },
  };
}
