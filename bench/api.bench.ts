// `npm run bench api`: reads of a finished optimize run under load (docs/api.md §10). The API runs in this process as
// `serve` runs it (hono on @hono/node-server, the job runner with its worker thread), on PGlite in a data folder and on
// the PostgreSQL server when one answers; autocannon, in a process of its own, keeps 100 connections busy for 10 s on
// GET /api/funds/{fundId}/runs/{id} with a signed-in cookie and the Accept-Encoding Chromium sends (the web app's reads;
// Node's fetch sends gzip too). Each variant is measured in interleaved rounds, once with the API idle and once while an
// optimize job runs in the worker thread (and, for scale, idle with 10 connections, and idle from a client that takes
// no gzip); the table gives the median p99 over rounds.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { type JobRequest, encodeResult, execute } from '@fundladder/app';
import { createApi } from '../apps/api/src/app';
import { createUser, grantRole, openSession } from '../apps/api/src/auth/access';
import { migrate } from '../apps/api/src/db/migrate';
import { openPglite } from '../apps/api/src/db/pglite';
import type { Store } from '../apps/api/src/db/store';
import { hashJson } from '../apps/api/src/http/hash';
import { SESSION_COOKIE } from '../apps/api/src/http/access';
import { type Runner, startRunner } from '../apps/api/src/jobs/runner';
import { createFund } from '../apps/api/src/repo/funds';
import { claimRun, createRun, finishRun, getRun, requestCancel } from '../apps/api/src/repo/runs';
import { createScenario } from '../apps/api/src/repo/scenarios';
import { resolveRunRequest } from '../apps/api/src/runRequest';
import { postgresKind, serverReachable } from '../apps/api/src/testing/stores';
import { calibration } from './ledger.bench';
import { type BenchRow, machineLoad } from './measure';

const ROOT = join(import.meta.dirname, '..');
const AUTOCANNON = join(createRequire(import.meta.url).resolve('autocannon/package.json'), '..', 'autocannon.js');
const CONNECTIONS = 100;
/** A second, light load: latency near one read's own time rather than the queue in front of it. */
const FEW = 10;
const SECONDS = 10;
const ROUNDS = Number(process.env.FL_BENCH_API_ROUNDS ?? 3);
const FUND = 'bench';
/** What Chromium sends (and so the web app's every read); Node's fetch sends `gzip, deflate`. */
const BROWSER_ENCODINGS = 'gzip, deflate, br, zstd';

interface Variant {
  readonly kind: 'pglite' | 'postgres';
  readonly store: Store;
  readonly runner: Runner;
  readonly url: string;
  readonly cookie: string;
  readonly versionId: string;
  close(): Promise<void>;
}

interface Load {
  readonly p50: number;
  readonly p99: number;
  readonly rps: number;
  /** Requests not answered within autocannon's 10 s (counted in `errors` too). */
  readonly timeouts: number;
  readonly errors: number;
  readonly non2xx: number;
  readonly bytesPerResponse: number;
}

/** One autocannon session against `url` from a child process; its JSON summary. */
function autocannon(url: string, cookie: string, connections = CONNECTIONS, encodings: string | null = BROWSER_ENCODINGS): Promise<Load> {
  return new Promise((resolve, reject) => {
    const headers = ['-H', `cookie=${cookie}`, ...(encodings ? ['-H', `accept-encoding=${encodings}`] : [])];
    const child = spawn(process.execPath, [AUTOCANNON, '-c', String(connections), '-d', String(SECONDS), '-j', '-n', ...headers, url], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited ${code}: ${err}`));
      const r = JSON.parse(out) as { latency: { p50: number; p99: number }; requests: { average: number; total: number }; errors: number; timeouts: number; non2xx: number; throughput: { total: number } };
      resolve({ p50: r.latency.p50, p99: r.latency.p99, rps: r.requests.average, errors: r.errors, timeouts: r.timeouts, non2xx: r.non2xx, bytesPerResponse: r.requests.total ? r.throughput.total / r.requests.total : 0 });
    });
  });
}

const optimizeRequest = (versionId: string, seed: number) => ({ kind: 'optimize', scenario: { scenarioVersion: versionId }, options: { seed } });

/** A run row created through the repository, as POST …/runs creates it. */
async function queueRun(store: Store, body: unknown): Promise<string> {
  const resolved = await resolveRunRequest(store, FUND, body);
  if (!resolved.ok) throw new Error(JSON.stringify(resolved.issues));
  const r = resolved.value;
  const { run } = await createRun(store, { fundId: FUND, kind: r.kind, scenarioVersionIds: r.scenarioVersionIds, request: r.stored, requestHash: hashJson({ request: r.stored, codeVersion: 'bench' }), codeVersion: 'bench' });
  return run.id;
}

/** The API over `store` on a loopback port, a viewer's session cookie, and a finished optimize run to read. */
async function start(kind: Variant['kind'], store: Store, close: () => Promise<void>, result: unknown): Promise<Variant> {
  await createFund(store, { id: FUND, name: '压测 bench' });
  const version = (await createScenario(store, { fundId: FUND, name: 'sample', body: JSON.parse(readFileSync(join(ROOT, 'examples/county-fund/scenario.json'), 'utf8')) }))!;
  // The finished run: the optimize result computed once in this process, stored as the runner stores one.
  const id = await queueRun(store, optimizeRequest(version.id, 1));
  const claimed = await claimRun(store, 'bench', 60);
  if (claimed?.id !== id || !(await finishRun(store, id, 'bench', { state: 'done', result }))) throw new Error('could not store the finished run');
  const user = (await createUser(store, { name: 'bench-viewer' }))!;
  await grantRole(store, user.id, FUND, 'viewer');
  const session = await openSession(store, user.id);
  const runner = startRunner(store, { pollMs: 200 });
  const app = createApi({ store, codeVersion: 'bench', onQueued: () => runner.wake() });
  // Reads still queued when autocannon stops (their clients gone) finish before the store closes.
  let inFlight = 0;
  const fetchCounted = async (request: Request) => {
    inFlight++;
    try {
      return await app.fetch(request);
    } finally {
      inFlight--;
    }
  };
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: fetchCounted, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}/api/funds/${FUND}/runs/${id}`;
  const check = await fetch(url, { headers: { cookie: `${SESSION_COOKIE}=${session.id}` } });
  if (check.status !== 200 || !((await check.json()) as { result?: unknown }).result) throw new Error(`GET the run answered ${check.status}`);
  return {
    kind, store, runner, url, cookie: `${SESSION_COOKIE}=${session.id}`, versionId: version.id,
    async close() {
      for (let waited = 0; inFlight > 0 && waited < 60_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
      await runner.stop();
      await new Promise((resolve) => server.close(resolve));
      await close();
    },
  };
}

/**
 * One measurement while an optimize job runs in the worker thread: a new optimize run (its own seed) is queued, the load
 * starts once the job reports progress (its thread is working), and the job is cancelled afterwards. Says whether the
 * job was still running when the load ended.
 */
async function underJob(v: Variant, seed: number): Promise<Load & { jobThroughout: boolean }> {
  const id = await queueRun(v.store, optimizeRequest(v.versionId, seed));
  v.runner.wake();
  for (let run = await getRun(v.store, FUND, id); !run?.progress; run = await getRun(v.store, FUND, id)) {
    if (run && ['done', 'failed', 'cancelled'].includes(run.state)) throw new Error(`the optimize job ended ${run.state} before the load`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const load = await autocannon(v.url, v.cookie);
  const after = await getRun(v.store, FUND, id);
  await requestCancel(v.store, FUND, id);
  for (let run = await getRun(v.store, FUND, id); run && ['queued', 'running'].includes(run.state); run = await getRun(v.store, FUND, id)) await new Promise((resolve) => setTimeout(resolve, 100));
  return { ...load, jobThroughout: after?.state === 'running' };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

function row(name: string, loads: Array<Load & { jobThroughout?: boolean }>): BenchRow {
  const p99 = loads.map((l) => l.p99);
  const failed = loads.reduce((n, l) => n + l.errors - l.timeouts + l.non2xx, 0);
  const timeouts = loads.reduce((n, l) => n + l.timeouts, 0);
  const jobs = loads.filter((l) => l.jobThroughout !== undefined);
  const notes = [
    `req/s ${median(loads.map((l) => l.rps)).toFixed(0)}`,
    `p50 ${median(loads.map((l) => l.p50)).toFixed(1)} ms`,
    `${(median(loads.map((l) => l.bytesPerResponse)) / 1024).toFixed(0)} KiB/resp`,
    ...(timeouts ? [`${timeouts} timed out (> 10 s)`] : []),
    ...(failed ? [`${failed} other errors or non-2xx`] : []),
    ...(jobs.length ? [`job ran throughout ${jobs.filter((l) => l.jobThroughout).length}/${jobs.length}`] : []),
  ];
  return { name, medianMs: median(p99), minMs: Math.min(...p99), maxMs: Math.max(...p99), runs: loads.length, target: 'p99 < 50', note: notes.join('; ') };
}

export async function benchApi(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [calibration()];
  // The finished run every variant reads: the sample optimized with the default options, computed once.
  const scenario = JSON.parse(readFileSync(join(ROOT, 'examples/county-fund/scenario.json'), 'utf8')) as unknown;
  const computed = await execute({ kind: 'optimize', scenario, options: { seed: 1 } } as JobRequest);
  if (!computed.ok) throw new Error(JSON.stringify(computed.issues));
  const result = JSON.parse(JSON.stringify(encodeResult(computed.value))) as unknown;

  const variants: Variant[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'fundladder-bench-api-'));
  const pglite = await openPglite(dir);
  await migrate(pglite);
  variants.push(await start('pglite', pglite, async () => {
    await pglite.close();
    rmSync(dir, { recursive: true, force: true });
  }, result));
  if (!(await serverReachable())) console.error('api bench: no PostgreSQL server answers (FUNDLADDER_TEST_DATABASE_URL): PGlite only');
  else {
    const db = await postgresKind().open();
    variants.push(await start('postgres', db.store, db.dispose, result));
  }
  try {
    const idle = new Map<string, Load[]>();
    const few = new Map<string, Load[]>();
    const busy = new Map<string, Array<Load & { jobThroughout: boolean }>>();
    const identity = new Map<string, Load[]>();
    let seed = 100;
    // Interleaved: each round measures every variant once, so a busier minute on the shared machine hits all alike.
    for (let round = 0; round < ROUNDS; round++) {
      for (const v of variants) {
        idle.set(v.kind, [...(idle.get(v.kind) ?? []), await autocannon(v.url, v.cookie)]);
        few.set(v.kind, [...(few.get(v.kind) ?? []), await autocannon(v.url, v.cookie, FEW)]);
        busy.set(v.kind, [...(busy.get(v.kind) ?? []), await underJob(v, seed++)]);
        identity.set(v.kind, [...(identity.get(v.kind) ?? []), await autocannon(v.url, v.cookie, CONNECTIONS, null)]);
      }
      console.error(`api bench: round ${round + 1}/${ROUNDS} done, load ${machineLoad()}`);
    }
    for (const v of variants) {
      rows.push(row(`api: GET a finished optimize run (gzip), ${CONNECTIONS} connections × ${SECONDS} s, ${v.kind}, p99`, idle.get(v.kind)!));
      rows.push(row(`  the same while an optimize job runs (worker thread), ${v.kind}, p99`, busy.get(v.kind)!));
      rows.push(row(`  the same, idle, ${FEW} connections (the per-read floor), ${v.kind}, p99`, few.get(v.kind)!));
      rows.push(row(`  the same, idle, ${CONNECTIONS} connections, a client that takes no gzip, ${v.kind}, p99`, identity.get(v.kind)!));
    }
  } finally {
    for (const v of variants) await v.close();
  }
  rows.push(calibration());
  return rows;
}
