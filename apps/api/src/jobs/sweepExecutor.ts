import { Worker } from 'node:worker_threads';
import type { DomainIssue, Result } from '@fundladder/core';
import type { GridPoint, SweepResult } from '@fundladder/app';

/** How a point ended: its result's wire form (sweepPointResult), or issues (a cancelled point's issue has code `cancelled`). */
export type PointOutcome = { state: 'done'; result: unknown } | { state: 'failed'; issues: readonly DomainIssue[] };

/** A checked sweep request ready to queue: the request as every worker runs it, and the paths its points share. */
export interface PreparedSweep {
  /** The request with names made canonical and defaults filled in (prepareSweep's). */
  readonly request: unknown;
  readonly paths: SweepResult['paths'];
}

/** Draws sweeps' paths and runs their points off the request thread (src/jobs/sweepWorker.ts). */
export interface SweepExecutor {
  /** Checks a sweep request (prepareSweep): the request made canonical (names, defaults), or issues. */
  check(request: unknown): Promise<Result<{ request: unknown }>>;
  /** Checks a sweep request and draws its shared paths once (their fingerprint is stored with the sweep). */
  prepare(request: unknown): Promise<Result<PreparedSweep>>;
  /** Runs one point of a stored sweep; `cancel` asks it to stop (it then fails with `cancelled`). */
  run(sweep: { request: unknown; fingerprint: string }, point: GridPoint): { done: Promise<PointOutcome>; cancel(): void };
  close(): Promise<void>;
}

const BOOT_URL = new URL('./sweepWorkerBoot.mjs', import.meta.url);
/** How long a cancelled point may take to notice before its thread is ended (the optimizer does not look at the signal). */
const CANCEL_GRACE_MS = 5_000;
/** An idle thread is ended after this long, and with it the sessions (paths) it kept. */
const IDLE_MS = 60_000;

type Out = { type: 'checked'; id: string; request: unknown } | { type: 'prepared'; id: string; request: unknown; paths: SweepResult['paths'] } | { type: 'done'; id: string; result: unknown } | { type: 'failed'; id: string; issues: DomainIssue[] };

interface Thread {
  readonly worker: Worker;
  idle?: NodeJS.Timeout;
}

/**
 * Sweep threads, reused: a thread keeps the sessions (shared paths) of the sweeps it ran, so that the next point of the
 * same sweep draws nothing. One thread per point in progress; a thread idle for a minute is ended. A point that does not
 * stop within a grace period after cancel has its thread ended.
 */
export function workerSweepExecutor(): SweepExecutor {
  const idle: Thread[] = [];
  const live = new Set<Thread>();
  let seq = 0;
  let closed = false;

  const take = (): Thread => {
    const t = idle.pop();
    if (t) {
      clearTimeout(t.idle);
      return t;
    }
    const thread: Thread = { worker: new Worker(BOOT_URL) };
    live.add(thread);
    return thread;
  };
  const end = (t: Thread) => {
    clearTimeout(t.idle);
    live.delete(t);
    const at = idle.indexOf(t);
    if (at >= 0) idle.splice(at, 1);
    void t.worker.terminate();
  };
  const give = (t: Thread) => {
    if (closed) return end(t);
    // Idle threads do not keep the process alive.
    t.worker.unref();
    t.idle = setTimeout(() => end(t), IDLE_MS);
    t.idle.unref();
    idle.push(t);
  };

  /** One request to a thread: settles with its answer, or failed when the thread ends first. */
  const ask = (t: Thread, message: Record<string, unknown>, onSettled: (o: Out | { type: 'exit'; code: number }) => void) => {
    t.worker.ref();
    const id = String(++seq);
    const onMessage = (m: Out) => {
      if (m.id !== id) return;
      off();
      onSettled(m);
    };
    const onError = (e: Error) => {
      off();
      onSettled({ type: 'failed', id, issues: [{ code: 'internal', path: [], rule: 'internal', message: e.message }] });
    };
    const onExit = (code: number) => {
      off();
      onSettled({ type: 'exit', code });
    };
    const off = () => {
      t.worker.off('message', onMessage);
      t.worker.off('error', onError);
      t.worker.off('exit', onExit);
    };
    t.worker.on('message', onMessage);
    t.worker.on('error', onError);
    t.worker.on('exit', onExit);
    t.worker.postMessage({ ...message, id });
    return id;
  };

  /** A check or a prepare on a free thread: its answer, or the issues; a thread that failed inside is ended. */
  const once = <T>(type: 'check' | 'prepare', request: unknown, value: (o: Extract<Out, { type: 'checked' | 'prepared' }>) => T): Promise<Result<T>> => {
    const t = take();
    return new Promise((resolve) => {
      ask(t, { type, request }, (o) => {
        if (o.type === 'exit') {
          end(t);
          return resolve({ ok: false, issues: [{ code: 'internal', path: [], rule: 'internal', message: `the sweep thread exited (${o.code})` }] });
        }
        if (o.type === 'failed' && o.issues.some((i) => i.rule === 'internal')) end(t);
        else give(t);
        if (o.type === 'checked' || o.type === 'prepared') resolve({ ok: true, value: value(o) });
        else if (o.type === 'failed') resolve({ ok: false, issues: o.issues });
      });
    });
  };

  return {
    check: (request) => once('check', request, (o) => ({ request: o.request })),
    prepare: (request) => once('prepare', request, (o) => ({ request: o.request, paths: (o as Extract<Out, { type: 'prepared' }>).paths })),
    run(sweep, point) {
      const t = take();
      let cancelled = false;
      let settled = false;
      let settle!: (o: PointOutcome) => void;
      const done = new Promise<PointOutcome>((resolve) => (settle = resolve));
      const finish = (o: PointOutcome, keep: boolean) => {
        if (settled) return;
        settled = true;
        if (keep) give(t);
        else end(t);
        settle(cancelled && o.state !== 'done' ? { state: 'failed', issues: o.issues.some((i) => i.code === 'cancelled') ? o.issues : [{ code: 'cancelled', path: [], rule: 'cancelled', message: 'cancelled' }] } : o);
      };
      const id = ask(t, { type: 'point', sweep, point }, (o) => {
        if (o.type === 'exit') finish({ state: 'failed', issues: [{ code: cancelled ? 'cancelled' : 'internal', path: [], rule: cancelled ? 'cancelled' : 'internal', message: cancelled ? 'cancelled' : `the sweep thread exited (${o.code})` }] }, false);
        else if (o.type === 'done') finish({ state: 'done', result: o.result }, true);
        else if (o.type === 'failed') finish({ state: 'failed', issues: o.issues }, !o.issues.some((i) => i.rule === 'internal'));
      });
      return {
        done,
        cancel() {
          if (cancelled || settled) return;
          cancelled = true;
          t.worker.postMessage({ type: 'cancel', id });
          setTimeout(() => finish({ state: 'failed', issues: [{ code: 'cancelled', path: [], rule: 'cancelled', message: 'cancelled (its thread was ended)' }] }, false), CANCEL_GRACE_MS).unref();
        },
      };
    },
    async close() {
      closed = true;
      await Promise.all([...live].map((t) => t.worker.terminate()));
      for (const t of live) clearTimeout(t.idle);
      live.clear();
      idle.length = 0;
    },
  };
}
