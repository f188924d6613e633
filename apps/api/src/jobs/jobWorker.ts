// A worker thread that runs application-layer jobs off the API's request thread (docs/api.md §3). Messages in:
// { type: 'run', id, request } and { type: 'cancel', id }; out: progress, then done (the result's wire form) or failed.
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { encodeResult, execute } from '@fundladder/app';
import type { JobRequest } from '@fundladder/app';

// Reads come first: on Linux a thread's nice value is its own (setpriority(2), "the nice value is a per-thread
// attribute" under NPTL), so this thread yields the CPU to the request thread when both want it, and takes all that is
// left otherwise (docs/api.md §10). FUNDLADDER_JOB_NICE sets it (0..19; default 10); where it cannot be set, jobs run
// at the process's priority.
const nice = Number(process.env.FUNDLADDER_JOB_NICE ?? 10);
if (Number.isInteger(nice) && nice > 0 && nice <= 19) {
  try {
    setPriority(nice);
  } catch {
    // Not permitted here: the job runs at the process's priority.
  }
}

type In = { type: 'run'; id: string; request: JobRequest } | { type: 'cancel'; id: string };

const running = new Map<string, AbortController>();

parentPort!.on('message', (msg: In) => {
  if (msg.type === 'cancel') {
    running.get(msg.id)?.abort();
    return;
  }
  const controller = new AbortController();
  running.set(msg.id, controller);
  let last = 0;
  void execute(msg.request, {
    signal: controller.signal,
    onProgress: (p) => {
      // At most ten progress messages a second: the runner writes them to the run's row.
      const now = Date.now();
      if (now - last < 100 && p.done < p.total) return;
      last = now;
      parentPort!.postMessage({ type: 'progress', id: msg.id, progress: { stage: p.stage, done: p.done, total: p.total } });
    },
  })
    .then((r) => {
      if (r.ok) parentPort!.postMessage({ type: 'done', id: msg.id, result: JSON.parse(JSON.stringify(encodeResult(r.value))) });
      else parentPort!.postMessage({ type: 'failed', id: msg.id, issues: r.issues });
    })
    .catch((e: unknown) => {
      parentPort!.postMessage({ type: 'failed', id: msg.id, issues: [{ code: 'internal', path: [], rule: 'internal', message: e instanceof Error ? e.message : String(e) }] });
    })
    .finally(() => running.delete(msg.id));
});
