// A worker thread that runs application-layer jobs off the API's request thread (docs/api.md §3). Messages in:
// { type: 'run', id, request } and { type: 'cancel', id }; out: progress, then done (the result's wire form) or failed.
import { parentPort } from 'node:worker_threads';
import { encodeResult, execute } from '@fundladder/app';
import type { JobRequest } from '@fundladder/app';

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
