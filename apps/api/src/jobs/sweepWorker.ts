// A worker thread for sweeps started over the API (docs/sweep.md §8): it draws a sweep's shared paths (`prepare`, for
// the POST, off the request thread) and runs its points (`point`, for the job runner), keeping each sweep's session —
// the paths, the nothing-placed runs and the floors — so that the paths are drawn once per sweep and thread, not once
// per point. Everything it computes is the application layer's (prepareSweep, drawSweepPaths, runSweepPoint).
// Messages in: { type: 'check' | 'prepare', id, request } | { type: 'point', id, sweep: { request, fingerprint }, point }
// | { type: 'cancel', id }; out: { type: 'checked', id, request } | { type: 'prepared', id, request, paths } |
// { type: 'done', id, result } | { type: 'failed', id, issues }. A check parses the scenario once per value of the grid
// (tens of ms each), which is why it runs here and not on the API's request thread.
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import type { DomainIssue } from '@fundladder/core';
import {
  type GridPoint, type SweepRequest, type SweepSession, canonicalJson, drawSweepPaths, openSweepSession, prepareSweep, runSweepPoint, sha256Hex, summarizeSweep, sweepPointResult,
} from '@fundladder/app';

// As the job thread (jobWorker.ts): reads come first, points take the CPU that is left.
const nice = Number(process.env.FUNDLADDER_JOB_NICE ?? 10);
if (Number.isInteger(nice) && nice > 0 && nice <= 19) {
  try {
    setPriority(nice);
  } catch {
    // Not permitted here: points run at the process's priority.
  }
}

type In =
  | { type: 'check' | 'prepare'; id: string; request: unknown }
  | { type: 'point'; id: string; sweep: { request: unknown; fingerprint: string }; point: GridPoint }
  | { type: 'cancel'; id: string };

/** Sessions by the request's hash; two kept (a runner alternates between at most a few sweeps). */
const sessions = new Map<string, SweepSession>();
const KEEP = 2;
const running = new Map<string, AbortController>();

const internal = (e: unknown): DomainIssue[] => [{ code: 'internal', path: [], rule: 'internal', message: e instanceof Error ? e.message : String(e) }];

/** The session of a stored sweep: drawn once here; paths whose fingerprint is not the stored one are refused. */
function sessionOf(request: unknown, fingerprint: string): { ok: true; session: SweepSession } | { ok: false; issues: DomainIssue[] } {
  const key = sha256Hex(canonicalJson(request));
  const known = sessions.get(key);
  if (known && known.paths.fingerprint === fingerprint) return { ok: true, session: known };
  const setup = prepareSweep(request as SweepRequest);
  if (!setup.ok) return { ok: false, issues: setup.issues };
  const paths = drawSweepPaths(setup.value);
  if (!paths.ok) return { ok: false, issues: paths.issues };
  if (paths.value.fingerprint !== fingerprint) {
    return { ok: false, issues: [{ code: 'invalid', path: ['paths'], rule: 'samePaths', message: `this process draws other paths than the sweep's (fingerprint ${paths.value.fingerprint.slice(0, 12)}, the sweep's ${fingerprint.slice(0, 12)}): run the code version that queued it`, received: paths.value.fingerprint, limit: fingerprint }] };
  }
  const session = openSweepSession(setup.value, paths.value);
  sessions.set(key, session);
  while (sessions.size > KEEP) sessions.delete(sessions.keys().next().value!);
  return { ok: true, session };
}

parentPort!.on('message', (msg: In) => {
  const send = (m: unknown) => parentPort!.postMessage(m);
  if (msg.type === 'cancel') {
    running.get(msg.id)?.abort();
    return;
  }
  if (msg.type === 'check' || msg.type === 'prepare') {
    try {
      const setup = prepareSweep(msg.request as SweepRequest);
      if (!setup.ok) return send({ type: 'failed', id: msg.id, issues: setup.issues });
      if (msg.type === 'check') return send({ type: 'checked', id: msg.id, request: setup.value.request });
      const paths = drawSweepPaths(setup.value);
      if (!paths.ok) return send({ type: 'failed', id: msg.id, issues: paths.issues });
      sessions.set(sha256Hex(canonicalJson(setup.value.request)), openSweepSession(setup.value, paths.value));
      while (sessions.size > KEEP) sessions.delete(sessions.keys().next().value!);
      // The paths as a sweep's result reports them (counts, seed, distinct paths, fingerprint): the app layer's summary.
      return send({ type: 'prepared', id: msg.id, request: setup.value.request, paths: summarizeSweep(setup.value, paths.value, []).paths });
    } catch (e) {
      return send({ type: 'failed', id: msg.id, issues: internal(e) });
    }
  }
  if (msg.type !== 'point') return;
  const { id, sweep, point } = msg;
  const controller = new AbortController();
  running.set(id, controller);
  void (async () => {
    try {
      const found = sessionOf(sweep.request, sweep.fingerprint);
      if (!found.ok) return send({ type: 'failed', id: id, issues: found.issues });
      const result = await runSweepPoint(found.session, point, controller.signal);
      if (controller.signal.aborted) return send({ type: 'failed', id: id, issues: result.issues.length ? result.issues : [{ code: 'cancelled', path: [], rule: 'cancelled', message: 'cancelled' }] });
      send({ type: 'done', id: id, result: JSON.parse(JSON.stringify(sweepPointResult.encode(result))) as unknown });
    } catch (e) {
      send({ type: 'failed', id: id, issues: internal(e) });
    } finally {
      running.delete(id);
    }
  })();
});
