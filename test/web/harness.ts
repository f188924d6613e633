// The start-up a browser test of the web app needs (docs/web.md §5): the app built from the current sources into a
// folder of the test's own, served by the API in the test's process on a random loopback port over an in-memory PGlite
// store with the sample fund and the job runner, and Debian's Chromium driven by playwright-core. Also: axe-core on a
// page (serious and critical violations kept, named by screen), screenshots to FUNDLADDER_SCREENSHOTS (default
// <repo>/test-artifacts/web), and writes through the API with the page's session (cookie and CSRF token).
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { serve, type ServerType } from '@hono/node-server';
import { type Browser, type Page, chromium } from 'playwright-core';
import { createApi } from '../../apps/api/src/app';
import type { Store } from '../../apps/api/src/db/store';
import { type Runner, startRunner } from '../../apps/api/src/jobs/runner';
import { localAdminToken, seedSample } from '../../apps/api/src/seed';
import { pgliteKind } from '../../apps/api/src/testing/stores';

export const ROOT = join(import.meta.dirname, '..', '..');
export const SHOTS = process.env.FUNDLADDER_SCREENSHOTS ?? join(ROOT, 'test-artifacts', 'web');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

export interface WebApp {
  readonly base: string;
  /** A one-time sign-in token of the local administrator (`/api/login?token=…`). */
  readonly token: string;
  readonly store: Store;
  readonly browser: Browser;
  readonly page: Page;
  /** Uncaught errors of the page, as they happen. */
  readonly pageErrors: string[];
  close(): Promise<void>;
}

/** Builds the app, starts the API with the sample fund and the job runner, and opens Chromium on an empty page. */
export async function startWebApp(): Promise<WebApp> {
  mkdirSync(SHOTS, { recursive: true });
  const outDir = mkdtempSync(join(tmpdir(), 'fl-web-dist-'));
  // The app as the sources are now, not whatever dist a previous install left behind.
  await promisify(execFile)(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: join(ROOT, 'apps', 'web') });
  const { store, dispose } = await pgliteKind.open();
  await seedSample(store);
  const token = await localAdminToken(store);
  const runner: Runner = startRunner(store, { pollMs: 100, leaseSeconds: 10 });
  const api = createApi({ store, codeVersion: 'web-test', onQueued: () => runner.wake(), eventPollMs: 100, webRoot: outDir });
  let server: ServerType | undefined;
  const port = await new Promise<number>((resolve) => {
    server = serve({ fetch: api.fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve(info.port));
  });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.setDefaultTimeout(30_000);
  return {
    base: `http://127.0.0.1:${port}`,
    token,
    store,
    browser,
    page,
    pageErrors,
    async close() {
      await browser.close();
      await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
      await runner.stop();
      await dispose();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** axe-core on the page as it is now: its serious and critical violations, each as `id (impact) at selectors`. */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    const r = await (globalThis as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }> } }).axe.run();
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}) at ${v.targets.slice(0, 5).join(' ')}`);
}

/** A full-page screenshot named `name`.png under {@link SHOTS}. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** A JSON write through the API with the page's session: the cookie it holds and the CSRF token of `GET /api/session`. */
export async function apiWrite(page: Page, base: string, path: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const session = (await (await page.request.get(`${base}/api/session`)).json()) as { csrfToken: string };
  const res = await page.request.post(`${base}${path}`, { data: body, headers: { 'x-csrf-token': session.csrfToken, origin: base } });
  return { status: res.status(), json: await res.json() };
}

/**
 * From the fund overview (already open): starts an optimize of version 1 with few paths (200 check, 300 planning,
 * seed 8), cancels it from its run panel and waits until the panel says it ended cancelled; the panel, for checks.
 */
export async function startAndCancelOptimize(page: Page): Promise<ReturnType<Page['getByTestId']>> {
  await page.getByLabel('样本外检验情景数').fill('200');
  await page.getByLabel('规划情景数').fill('300');
  await page.getByLabel('随机种子').fill('8');
  await page.getByRole('row', { name: /第 1 版/ }).getByRole('button', { name: '优化' }).click();
  const panel = page.getByTestId('run-panel');
  await panel.getByRole('progressbar').waitFor();
  await panel.getByRole('button', { name: '取消' }).click();
  await panel.getByText('运行结束：已取消').waitFor({ timeout: 60_000 });
  return panel;
}
