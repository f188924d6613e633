// `npm run bench web`: the web app's weight and the Plan screen's time to interactive (docs/web.md §7: initial
// JS under 400 KB gzip, the Plan interactive within 2 s of navigation with the sample loaded).
// Size: the app is built from the current sources (vite, as `npm install` builds it) into a folder of its own; the
// initial chunks are those index.html loads (its module script, modulepreloads and stylesheets), each gzipped at
// zlib's default level (what vite reports and what a server's gzip sends).
// Time: the API runs in this process over PGlite with the sample fund and a finished optimize run of it (the default
// options, seed 1, computed once and stored as the runner stores one); Debian's Chromium (playwright-core) loads the
// run's Plan in a fresh browser context each time (no cache), signed in by cookie. Time to interactive is the page's
// own clock from navigation start (performance.now()) to the moment the safety verdict and the ledger's interest are
// both on screen and the page has painted a frame and run a task after it (it responds). Median of the loads.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { serve, type ServerType } from '@hono/node-server';
import { type JobRequest, encodeResult, execute } from '@fundladder/app';
import { chromium } from 'playwright-core';
import { createApi } from '../apps/api/src/app';
import { openSession, userByName } from '../apps/api/src/auth/access';
import { SESSION_COOKIE } from '../apps/api/src/http/access';
import { hashJson } from '../apps/api/src/http/hash';
import { claimRun, createRun, finishRun } from '../apps/api/src/repo/runs';
import { localAdminToken, seedSample } from '../apps/api/src/seed';
import { pgliteKind } from '../apps/api/src/testing/stores';
import { calibration } from './ledger.bench';
import { type BenchRow, machineLoad } from './measure';

const ROOT = join(import.meta.dirname, '..');
const LOADS = Number(process.env.FL_BENCH_WEB_LOADS ?? 7);
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/** The files index.html loads before anything else: the entry module, its modulepreloads and the stylesheets. */
export function initialAssets(indexHtml: string): string[] {
  const found = [...indexHtml.matchAll(/<(?:script[^>]*\bsrc|link[^>]*\bhref)="([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  return [...new Set(found)].map((p) => p.replace(/^\//, ''));
}

async function build(outDir: string): Promise<number> {
  const t0 = performance.now();
  await promisify(execFile)(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: join(ROOT, 'apps', 'web') });
  return performance.now() - t0;
}

function sizeRows(outDir: string, buildMs: number): BenchRow[] {
  const files = initialAssets(readFileSync(join(outDir, 'index.html'), 'utf8'));
  const sized = files.map((f) => {
    const raw = readFileSync(join(outDir, f));
    return { file: f, raw: statSync(join(outDir, f)).size, gzip: gzipSync(raw).length };
  });
  const js = sized.filter((s) => s.file.endsWith('.js')).reduce((a, s) => a + s.gzip, 0);
  const css = sized.filter((s) => s.file.endsWith('.css')).reduce((a, s) => a + s.gzip, 0);
  // Size rows carry no time: their ms columns are the build's (once) and the size is in the note.
  const row = (name: string, note: string, target?: string): BenchRow => ({ name, medianMs: buildMs, runs: 1, note, ...(target ? { target } : {}) });
  return [
    ...sized.map((s) => row(`web initial chunk ${s.file}`, `${kB(s.gzip)} gzip (${kB(s.raw)} raw)`)),
    row('web initial JS total (gzip)', `${kB(js)} gzip; CSS ${kB(css)}; ms = vite build`, '< 400 kB'),
  ];
}

async function planTimeToInteractive(outDir: string): Promise<BenchRow> {
  const { store, dispose } = await pgliteKind.open();
  let server: ServerType | undefined;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    await seedSample(store);
    await localAdminToken(store);
    const [version] = await store.query<{ id: string; body: unknown }>('select id, body from scenario_versions order by id limit 1');
    const computed = await execute({ kind: 'optimize', scenario: version!.body, options: { seed: 1 } } as JobRequest);
    if (!computed.ok) throw new Error(JSON.stringify(computed.issues));
    const request = { kind: 'optimize', scenario: { scenarioVersion: String(version!.id) }, options: { seed: 1 } };
    const { run } = await createRun(store, { fundId: 'sample', kind: 'optimize', scenarioVersionIds: [String(version!.id)], request, requestHash: hashJson({ request, codeVersion: 'bench' }), codeVersion: 'bench', createdBy: 'local-admin' });
    const claimed = await claimRun(store, 'bench', 60);
    if (claimed?.id !== run.id || !(await finishRun(store, run.id, 'bench', { state: 'done', result: JSON.parse(JSON.stringify(encodeResult(computed.value))) }))) throw new Error('could not store the finished run');
    const user = (await userByName(store, 'local-admin'))!;
    const session = await openSession(store, user.id);
    const api = createApi({ store, codeVersion: 'bench', webRoot: outDir });
    const port = await new Promise<number>((resolve) => {
      server = serve({ fetch: api.fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve(info.port));
    });
    const url = `http://127.0.0.1:${port}/funds/sample/runs/${run.id}`;
    const times: number[] = [];
    // One load unmeasured (Chromium's own start), then the measured ones, each in a fresh context.
    for (let i = 0; i <= LOADS; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
      await context.addCookies([{ name: SESSION_COOKIE, value: session.id, domain: '127.0.0.1', path: '/' }]);
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'commit' });
      // Strings: these run in the page (its DOM), not in Node.
      await page.waitForFunction(`(() => { const v = document.querySelector('[data-testid="verdict"]'); const i = document.querySelector('[data-testid="interest-ledger"]'); return v !== null && i !== null && (i.textContent ?? '').length > 0; })()`, undefined, { polling: 'raf', timeout: 30_000 });
      // Responding: a frame painted and a task run after both are there.
      const tti = (await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0)))')) as number;
      if (i > 0) times.push(tti);
      await context.close();
    }
    times.sort((a, b) => a - b);
    const median = times.length % 2 ? times[(times.length - 1) / 2]! : (times[times.length / 2 - 1]! + times[times.length / 2]!) / 2;
    return { name: 'web Plan time to interactive (Chromium, sample run)', medianMs: median, minMs: times[0]!, maxMs: times.at(-1)!, runs: times.length, target: '< 2000', note: `navigation start → verdict and ledger interest shown, a frame and a task after; fresh context each load; load ${machineLoad()}` };
  } finally {
    await browser.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    await dispose();
  }
}

/** The web app's rows: calibration, each initial chunk's gzip size and the total, the Plan's time to interactive. */
export async function benchWeb(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [calibration()];
  const outDir = mkdtempSync(join(tmpdir(), 'fundladder-bench-web-'));
  try {
    rows.push(...sizeRows(outDir, await build(outDir)));
    rows.push(await planTimeToInteractive(outDir));
    rows.push(calibration());
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
  return rows;
}
