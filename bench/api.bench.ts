// `npm run bench api`: reads of a finished optimize run under load (docs/api.md §10). The API runs as `npm start` runs
// it: `fundladder-api serve` in a process of its own (hono on @hono/node-server, the job runner and its worker thread,
// the sample fund loaded), once on PGlite in a data folder and once on the PostgreSQL server when one answers; the bench
// signs in with its one-time link, runs an optimize of the sample through the API and waits for it. autocannon, in a
// process of its own, keeps 100 connections busy for 10 s on GET /api/funds/sample/runs/{id} with the session cookie and
// the Accept-Encoding Chromium sends (the web app's reads; Node's fetch sends gzip too). Each variant is measured in
// interleaved rounds, once with the API idle and once while another optimize job (with the frontier) runs in its worker thread (and, for
// scale, idle with 10 connections, and idle from a client that takes no gzip); the table gives the median p99 over
// rounds.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postgresKind, serverReachable } from '../apps/api/src/testing/stores';
import { type ApiProcess, type HttpSession, startServe } from '../test/api/harness';
import { calibration } from './ledger.bench';
import { type BenchRow, machineLoad } from './measure';

const AUTOCANNON = join(createRequire(import.meta.url).resolve('autocannon/package.json'), '..', 'autocannon.js');
const CONNECTIONS = 100;
/** A second, light load: latency near one read's own time rather than the queue in front of it. */
const FEW = 10;
const SECONDS = 10;
const ROUNDS = Number(process.env.FL_BENCH_API_ROUNDS ?? 3);
const FUND = 'sample';
/** What Chromium sends (and so the web app's every read); Node's fetch sends `gzip, deflate`. */
const BROWSER_ENCODINGS = 'gzip, deflate, br, zstd';

interface Variant {
  readonly kind: 'pglite' | 'postgres';
  readonly http: HttpSession;
  readonly url: string;
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

const optimizeRequest = (versionId: string, seed: number, options: Record<string, unknown> = {}) => ({ kind: 'optimize', scenario: { scenarioVersion: versionId }, options: { seed, ...options } });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
type RunRow = { id: string; state: string; progress?: unknown };

/** Queues an optimize of the sample through the API (as the web app does); its run id. */
async function queueOptimize(v: Pick<Variant, 'http' | 'versionId'>, seed: number, options: Record<string, unknown> = {}): Promise<string> {
  const r = await v.http.post<{ run: RunRow }>(`/api/funds/${FUND}/runs`, optimizeRequest(v.versionId, seed, options));
  if (r.status !== 202 && r.status !== 200) throw new Error(`POST the optimize answered ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body.run.id;
}

/** Polls the run until `done(run)`; throws when it ended otherwise first. */
async function waitRun(http: HttpSession, id: string, done: (run: RunRow) => boolean, timeoutMs = 600_000): Promise<RunRow> {
  for (const end = Date.now() + timeoutMs; Date.now() < end; await sleep(200)) {
    const run = (await http.get<RunRow>(`/api/funds/${FUND}/runs/${id}`)).body;
    if (done(run)) return run;
    if (['done', 'failed', 'cancelled'].includes(run.state)) throw new Error(`run ${id} ended ${run.state} first`);
  }
  throw new Error(`run ${id}: waited ${timeoutMs} ms`);
}

/** `fundladder-api serve` on `env`'s store, signed in, with a finished optimize run of the sample to read. */
async function start(kind: Variant['kind'], env: Record<string, string>, dispose: () => Promise<void>): Promise<Variant> {
  let proc: ApiProcess | undefined;
  try {
    const served = await startServe(env, 180_000);
    proc = served.process;
    const http = served.http;
    const scenarios = (await http.get<{ scenarios: Array<{ latestVersionId: string }> }>(`/api/funds/${FUND}/scenarios`)).body.scenarios;
    const versionId = scenarios[0]!.latestVersionId;
    const id = await queueOptimize({ http, versionId }, 1);
    await waitRun(http, id, (run) => run.state === 'done');
    const url = `${http.base}/api/funds/${FUND}/runs/${id}`;
    const check = await fetch(url, { headers: { cookie: http.cookieHeader } });
    if (check.status !== 200 || !((await check.json()) as { result?: unknown }).result) throw new Error(`GET the run answered ${check.status}`);
    const p = proc;
    return { kind, http, url, versionId, async close() { await p.stop(); await dispose(); } };
  } catch (e) {
    await proc?.stop();
    await dispose();
    throw e;
  }
}

/**
 * One measurement while an optimize job runs in the API's worker thread: a new optimize run (its own seed) is queued,
 * the load starts once the job reports progress (its thread is working), and the job is cancelled afterwards. Says
 * whether the job was still running when the load ended.
 */
async function underJob(v: Variant, seed: number): Promise<Load & { jobThroughout: boolean }> {
  // With the frontier (five confidences, each a safe plan and its check): long enough to outlast the 10 s of load on a
  // quiet machine, where a plain optimize of the sample ends in about 5 s.
  const id = await queueOptimize(v, seed, { frontier: true });
  await waitRun(v.http, id, (run) => run.state === 'running' && run.progress !== undefined && run.progress !== null);
  const load = await autocannon(v.url, v.http.cookieHeader);
  const after = (await v.http.get<RunRow>(`/api/funds/${FUND}/runs/${id}`)).body;
  await v.http.post(`/api/funds/${FUND}/runs/${id}/cancel`);
  await waitRun(v.http, id, (run) => !['queued', 'running'].includes(run.state)).catch(() => undefined);
  return { ...load, jobThroughout: after.state === 'running' };
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
  const variants: Variant[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'fundladder-bench-api-'));
  variants.push(await start('pglite', { FUNDLADDER_DATA: dir }, async () => rmSync(dir, { recursive: true, force: true })));
  if (!(await serverReachable())) console.error('api bench: no PostgreSQL server answers (FUNDLADDER_TEST_DATABASE_URL): PGlite only');
  else {
    // A fresh database of its own; `serve` migrates it and loads the sample, as on a bureau's server.
    const db = await postgresKind().open();
    variants.push(await start('postgres', { DATABASE_URL: db.url! }, () => db.dispose()));
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
        idle.set(v.kind, [...(idle.get(v.kind) ?? []), await autocannon(v.url, v.http.cookieHeader)]);
        few.set(v.kind, [...(few.get(v.kind) ?? []), await autocannon(v.url, v.http.cookieHeader, FEW)]);
        busy.set(v.kind, [...(busy.get(v.kind) ?? []), await underJob(v, seed++)]);
        identity.set(v.kind, [...(identity.get(v.kind) ?? []), await autocannon(v.url, v.http.cookieHeader, CONNECTIONS, null)]);
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
