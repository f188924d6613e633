import { Worker } from 'node:worker_threads';
import type { DomainIssue } from '@fundladder/core';
import type { JobRequest } from '@fundladder/app';
import type { RunProgress } from '../repo/runs';

/** How a job ended: its result's wire form, or issues (a cancelled job's issue has code `cancelled`). */
export type JobOutcome = { state: 'done'; result: unknown } | { state: 'failed' | 'cancelled'; issues: readonly DomainIssue[] };

/** Runs one job; `cancel` asks it to stop (it then ends `cancelled`). */
export interface Executor {
  run(id: string, request: JobRequest, onProgress: (p: RunProgress) => void): { done: Promise<JobOutcome>; cancel(): void };
  close(): Promise<void>;
}

/** How long a cancelled job may take to notice before its thread is ended. */
const CANCEL_GRACE_MS = 5_000;

/** The job thread's entry: a small module that registers tsx's loader in the thread, then loads jobWorker.ts. */
const WORKER_URL = new URL('./jobWorkerBoot.mjs', import.meta.url);

/**
 * Jobs in a worker thread of their own, so the API's thread keeps answering reads while an optimizer runs. One thread
 * per job (its start-up is small against a job's seconds); a job that does not stop within a grace period after cancel
 * has its thread terminated.
 */
export function workerExecutor(): Executor {
  const live = new Set<Worker>();
  return {
    run(id, request, onProgress) {
      const worker = new Worker(WORKER_URL);
      live.add(worker);
      let settle!: (o: JobOutcome) => void;
      const done = new Promise<JobOutcome>((resolve) => (settle = resolve));
      let cancelled = false;
      let ended = false;
      const end = (o: JobOutcome) => {
        if (ended) return;
        ended = true;
        live.delete(worker);
        void worker.terminate();
        settle(cancelled && o.state !== 'done' ? { state: 'cancelled', issues: o.issues } : o);
      };
      worker.on('message', (m: { type: 'progress'; progress: RunProgress } | { type: 'done'; result: unknown } | { type: 'failed'; issues: DomainIssue[] }) => {
        if (m.type === 'progress') onProgress(m.progress);
        else if (m.type === 'done') end({ state: 'done', result: m.result });
        else end({ state: m.issues.some((i) => i.code === 'cancelled') ? 'cancelled' : 'failed', issues: m.issues });
      });
      worker.on('error', (e) => end({ state: 'failed', issues: [{ code: 'internal', path: [], rule: 'internal', message: e.message }] }));
      worker.on('exit', (code) => end({ state: cancelled ? 'cancelled' : 'failed', issues: [{ code: cancelled ? 'cancelled' : 'internal', path: [], rule: cancelled ? 'cancelled' : 'internal', message: cancelled ? 'cancelled' : `the job's thread exited (${code})` }] }));
      worker.postMessage({ type: 'run', id, request });
      return {
        done,
        cancel() {
          if (cancelled || ended) return;
          cancelled = true;
          worker.postMessage({ type: 'cancel', id });
          setTimeout(() => end({ state: 'cancelled', issues: [{ code: 'cancelled', path: [], rule: 'cancelled', message: 'cancelled (its thread was ended)' }] }), CANCEL_GRACE_MS).unref();
        },
      };
    },
    async close() {
      await Promise.all([...live].map((w) => w.terminate()));
      live.clear();
    },
  };
}
