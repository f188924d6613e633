// The web app end to end in Debian's Chromium (playwright-core; docs/web.md §Tests): the app is built from the current
// sources into a folder of this test's own, served by the API in this process on a random loopback port over an
// in-memory PGlite store with the sample fund, and driven as a fund manager would: the one-time sign-in link, the
// Overview, an optimize with small options whose progress bar moves, the Plan with the safety verdict before the
// interest in 万元, the English switch, and a cancelled run. Screenshots go to FUNDLADDER_SCREENSHOTS (default
// <tmp>/fundladder-web).
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { serve, type ServerType } from '@hono/node-server';
import Decimal from 'decimal.js';
import { type Browser, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../apps/api/src/app';
import type { Store } from '../../apps/api/src/db/store';
import { type Runner, startRunner } from '../../apps/api/src/jobs/runner';
import { localAdminToken, seedSample } from '../../apps/api/src/seed';
import { pgliteKind } from '../../apps/api/src/testing/stores';

const ROOT = join(import.meta.dirname, '..', '..');
const SHOTS = process.env.FUNDLADDER_SCREENSHOTS ?? join(tmpdir(), 'fundladder-web');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/** 万元 with thousands separators, computed apart from the app's own formatter (decimal.js, half up). */
const wanText = (yuan: string) => new Decimal(yuan).div(10_000).toFixed(2, Decimal.ROUND_HALF_UP).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

describe('the web app in Chromium', () => {
  let outDir = '';
  let store: Store | undefined;
  let dispose: (() => Promise<void>) | undefined;
  let runner: Runner | undefined;
  let server: ServerType | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let base = '';
  let token = '';
  let planRunId = '';
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    outDir = mkdtempSync(join(tmpdir(), 'fl-web-dist-'));
    // The app as the sources are now, not whatever dist a previous install left behind.
    await promisify(execFile)(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: join(ROOT, 'apps', 'web') });
    ({ store, dispose } = await pgliteKind.open());
    await seedSample(store);
    // The local administrator and a one-time sign-in link's token (createLoginToken), as `npm start` prints them.
    token = await localAdminToken(store);
    const jobs = startRunner(store, { pollMs: 100, leaseSeconds: 10 });
    runner = jobs;
    const api = createApi({ store, codeVersion: 'web-test', onQueued: () => jobs.wake(), eventPollMs: 100, webRoot: outDir });
    const port = await new Promise<number>((resolve) => {
      server = serve({ fetch: api.fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve(info.port));
    });
    base = `http://127.0.0.1:${port}`;
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.setDefaultTimeout(30_000);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    await runner?.stop();
    await dispose?.();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  }, 60_000);

  it('serves the app for paths outside /api (index.html as the fallback) and keeps /api’s own 404', async () => {
    const shell = await fetch(`${base}/funds/sample/runs/1`);
    expect(shell.status).toBe(200);
    expect(shell.headers.get('content-type')).toMatch(/text\/html/);
    expect(await shell.text()).toContain('<div id="root">');
    const missing = await fetch(`${base}/api/no-such-route`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });

  it('signs in with the one-time link and lands on the sample fund’s Overview', async () => {
    await page.goto(`${base}/api/login?token=${token}`);
    await page.waitForURL(`${base}/funds/sample`);
    await expect.poll(() => page.locator('h1').textContent()).toContain('示例县社会保险基金');
    await page.getByRole('heading', { name: '方案与版本' }).waitFor();
    await page.getByText('第 1 版').waitFor();
    await page.getByText('还没有运行').waitFor();
    await page.screenshot({ path: join(SHOTS, 'overview-empty.png'), fullPage: true });
  });

  it('starts an optimize with small options and shows its progress moving until the plan is ready', async () => {
    await page.getByLabel('样本外检验情景数').fill('200');
    await page.getByLabel('规划情景数').fill('300');
    await page.getByRole('button', { name: '优化' }).click();
    const bar = page.getByRole('progressbar');
    await bar.waitFor();
    const seen = new Set<string>();
    const viewPlan = page.getByRole('link', { name: '查看计划' }).first();
    const deadline = Date.now() + 240_000;
    let shot = false;
    while (!(await viewPlan.isVisible()) && Date.now() < deadline) {
      const text = await bar.getAttribute('aria-valuetext', { timeout: 1000 }).catch(() => null);
      if (text) seen.add(`${text} @ ${await bar.getAttribute('aria-valuenow', { timeout: 1000 }).catch(() => '')}`);
      if (!shot && text && /样本外检验/.test(text)) {
        await page.screenshot({ path: join(SHOTS, 'overview-progress.png'), fullPage: true });
        shot = true;
      }
      await page.waitForTimeout(150);
    }
    expect(await viewPlan.isVisible()).toBe(true);
    // The bar moved: several stages or counts were shown, the out-of-sample check among them.
    expect(seen.size).toBeGreaterThanOrEqual(2);
    expect([...seen].some((s) => s.startsWith('样本外检验'))).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'overview-done.png'), fullPage: true });
    await viewPlan.click();
    await page.waitForURL(/\/funds\/sample\/runs\/\d+$/);
    planRunId = page.url().split('/').at(-1)!;
  }, 300_000);

  it('shows the safety verdict first, then the interest in 万元 as the ledger has it', async () => {
    await page.getByRole('heading', { name: '安全结论' }).waitFor();
    const headings = await page.locator('main section > h2').allTextContents();
    expect(headings.slice(0, 2)).toEqual(['安全结论', '利息与安全的代价']);
    expect(headings).toEqual(expect.arrayContaining(['流动性缺口阶梯', '各银行上限使用']));

    const answer = await page.request.get(`${base}/api/funds/sample/runs/${planRunId}`);
    const run = (await answer.json()) as { result: { interest: string; safety: { confidence: number }; stress: { payoutShortProbability: number; payoutShortFirstQuarterProbability: number; planCausedShortProbability: number } } };
    const { interest, stress, safety } = run.result;
    await expect.poll(() => page.getByTestId('interest-ledger').textContent()).toBe(`规划期利息（精确账本）${wanText(interest)} 万元`);
    const verdict = page.getByTestId('verdict');
    const safe = stress.planCausedShortProbability <= 1 - safety.confidence + 1e-12;
    await expect.poll(() => verdict.locator('.verdict-headline').textContent()).toMatch(safe ? /^✔ 达到目标：/ : /^✖ 未达到目标：/);
    const row = verdict.getByRole('row', { name: /^某险种某日无法按时足额支付的概率/ });
    expect(await row.locator('td').allTextContents()).toEqual([`${(stress.payoutShortFirstQuarterProbability * 100).toFixed(1)}%`, `${(stress.payoutShortProbability * 100).toFixed(1)}%`]);
    await expect.poll(() => verdict.textContent()).toContain('样本外检验：200 条预测情景');

    await page.getByTestId('actions').getByRole('table').first().waitFor();
    await page.locator('[data-testid="ladder-chart"] svg').waitFor();
    await page.locator('[data-testid="caps-chart"] svg').waitFor();
    await page.screenshot({ path: join(SHOTS, 'plan-zh.png'), fullPage: true });
  }, 60_000);

  it('switches to English, money in millions of yuan, and back', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Safety verdict' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expect.poll(() => page.getByTestId('interest-ledger').textContent()).toMatch(/^Interest over the horizon \(exact ledger\)CNY [\d,]+\.\d{2} m$/);
    await page.screenshot({ path: join(SHOTS, 'plan-en.png'), fullPage: true });
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { name: '安全结论' }).waitFor();
  });

  it('cancels a run it started', async () => {
    await page.getByRole('link', { name: '返回基金概览' }).click();
    await page.waitForURL(`${base}/funds/sample`);
    await page.getByLabel('样本外检验情景数').fill('200');
    await page.getByLabel('规划情景数').fill('300');
    await page.getByLabel('随机种子').fill('8');
    await page.getByRole('button', { name: '优化' }).click();
    const panel = page.getByTestId('run-panel');
    await panel.getByRole('progressbar').waitFor();
    await panel.getByRole('button', { name: '取消' }).click();
    await panel.getByText('运行结束：已取消').waitFor({ timeout: 60_000 });
    await page.getByTestId('runs').getByText('已取消').waitFor();
    expect(pageErrors).toEqual([]);
  }, 90_000);
});
