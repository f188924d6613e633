// The Sweep screen end to end in Debian's Chromium (docs/sweep.md §8; harness.ts): sign in, open "政策扫描" from the
// fund's pages, start a 2-point sweep (reserveMonths 1..2 on the sample at confidence 0, 5 check paths, as docs/sweep.md
// §5's proof) — the API's job runner runs the points — and watch the progress bar move as points finish, then the
// frontier chart and the points table (risk columns before interest). axe-core on the screen in both languages, a
// screenshot, no page errors.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Decimal from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, type WebApp, apiWrite, screenshot, seriousAxeViolations, startWebApp } from './harness';

const sample = JSON.parse(readFileSync(join(ROOT, 'examples', 'county-fund', 'scenario.json'), 'utf8')) as { policy?: { safety?: object } };
/** The sample planned on its mean flows: a point is one optimize and a few ledger runs, no planning paths. */
const sampleAtZero = { ...sample, policy: { ...sample.policy, safety: { ...sample.policy?.safety, confidence: 0 } } };

/** 万元 with thousands separators, computed apart from the app's own formatter (decimal.js, half up). */
const wanText = (yuan: string) => new Decimal(yuan).div(10_000).toFixed(2, Decimal.ROUND_HALF_UP).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

describe('the Sweep screen in Chromium', () => {
  let app: WebApp;
  let versionId = '';
  let sweepId = '';
  const axeFindings: string[] = [];
  const check = async (name: string) => {
    await screenshot(app.page, name);
    for (const v of await seriousAxeViolations(app.page)) axeFindings.push(`${name}: ${v}`);
  };

  beforeAll(async () => {
    app = await startWebApp();
  }, 240_000);
  afterAll(async () => app?.close(), 60_000);

  it('opens the Sweep screen from the fund’s pages, with a scenario version planned on its mean flows to pick', async () => {
    const { page, base, token } = app;
    await page.goto(`${base}/api/login?token=${token}`);
    await page.waitForURL(`${base}/funds/sample`);
    const saved = await apiWrite(page, base, '/api/funds/sample/scenarios', { name: '示例方案 c=0', body: sampleAtZero });
    expect(saved.status).toBe(201);
    versionId = (saved.json as { version: { id: string } }).version.id;
    await page.getByRole('navigation', { name: '基金内页面' }).getByRole('link', { name: '政策扫描' }).click();
    await page.waitForURL(`${base}/funds/sample/sweeps`);
    await page.getByRole('heading', { name: '开始扫描' }).waitFor();
    await check('sweep-start');
  });

  it('starts a 2-point sweep and shows the progress bar move as the points finish', async () => {
    const { page, base } = app;
    const form = page.getByTestId('sweep-start');
    await form.getByLabel('方案版本').selectOption(versionId);
    const first = form.getByTestId('sweep-parameter-1');
    await first.getByRole('combobox').selectOption('reserveMonths');
    // By name: a label that wraps its control is named with the control's text too ("起 1").
    await first.locator('input[name="p1-from"]').fill('1');
    await first.locator('input[name="p1-to"]').fill('2');
    await first.locator('input[name="p1-step"]').fill('1');
    await form.getByLabel('检验情景数').fill('5');
    await expect.poll(() => form.getByTestId('sweep-point-count').textContent()).toBe('共 2 个点');
    // The screen's reads of the sweep: in full first, then only the points changed since the last cursor, and in full
    // again once the sweep stops running; and of the fund (the caller's role, who may cancel): once, when it opens.
    const reads: string[] = [];
    let fundReads = 0;
    const onRequest = (request: { method(): string; url(): string }) => {
      const url = new URL(request.url());
      if (request.method() !== 'GET') return;
      if (/^\/api\/funds\/sample\/sweeps\/\d+$/.test(url.pathname)) reads.push(url.searchParams.get('since') ?? 'full');
      if (url.pathname === '/api/funds/sample') fundReads += 1;
    };
    page.on('request', onRequest);
    await form.getByRole('button', { name: '开始扫描' }).click();
    await page.waitForURL(new RegExp(`${base}/funds/sample/sweeps/\\d+$`));
    sweepId = page.url().split('/').at(-1)!;
    const bar = page.getByTestId('sweep-progress').getByRole('progressbar');
    // The bar's value as points finish: sampled until both are done (a point is seconds of optimizer and ledger).
    const seen: number[] = [];
    const end = Date.now() + 180_000;
    for (;;) {
      const now = Number(await bar.getAttribute('aria-valuenow'));
      if (seen.at(-1) !== now) seen.push(now);
      if (now === 2 || Date.now() > end) break;
      await page.waitForTimeout(150);
    }
    expect(seen.at(-1), `progress values seen: ${seen.join(' → ')}`).toBe(2);
    expect(seen[0], `progress values seen: ${seen.join(' → ')}`).toBeLessThan(2);
    expect(await bar.getAttribute('aria-valuemax')).toBe('2');
    await page.getByTestId('sweep-progress').getByText('已完成', { exact: true }).waitFor();
    page.off('request', onRequest);
    expect(reads[0], reads.join(' ')).toBe('full');
    expect(reads.at(-1), reads.join(' ')).toBe('full');
    const since = reads.slice(1, -1);
    expect(since.length, reads.join(' ')).toBeGreaterThanOrEqual(1);
    expect(since.every((c) => /^\d{1,17}$/.test(c)), reads.join(' ')).toBe(true);
    expect(fundReads, `the fund read ${fundReads} times over ${reads.length} reads of the sweep`).toBe(1);
  }, 240_000);

  it('draws the frontier chart and lists the points, the gap probabilities before the interest in 万元', async () => {
    const { page, base } = app;
    const chart = page.getByTestId('sweep-chart');
    await chart.locator('svg').first().waitFor();
    // echarts' aria replaces the label with its description of the series: the points and the front.
    expect(await chart.getAttribute('aria-label')).toMatch(/各点.*前沿/);
    const table = page.getByTestId('sweep-points');
    const heads = (await table.locator('thead th').allTextContents()).map((t) => t.trim());
    expect(heads).toEqual(['储备月数', '状态', '计划造成的支付缺口概率', '任一支付缺口概率', '利息（万元）', '起约束作用的规则', '前沿']);
    const rows = table.getByTestId('sweep-point');
    await expect.poll(() => rows.count()).toBe(2);
    // The figures are the API's, each point's interest in 万元 as computed here from its yuan.
    const stored = (await (await page.request.get(`${base}/api/funds/sample/sweeps/${sweepId}`)).json()) as { points: { result: { interest: string; status: string } }[]; frontier: number[] };
    for (const [k, p] of stored.points.entries()) {
      const cells = (await rows.nth(k).locator('td').allTextContents()).map((t) => t.trim());
      expect(cells[0]).toBe(String(k + 1));
      expect(cells[1]).toBe('最优');
      expect(cells[2]).toMatch(/^\d+\.\d%$/);
      expect(cells[4]).toBe(wanText(p.result.interest));
      expect(cells[6]).toBe(stored.frontier.includes(k) ? '◆ 前沿' : '');
    }
    expect(stored.frontier.length).toBeGreaterThanOrEqual(1);
    await check('sweep');
  });

  it('lists the sweep on the start screen, its points done and its state after the link, which leads back to it', async () => {
    const { page, base } = app;
    await page.getByRole('link', { name: '← 全部扫描' }).click();
    await page.waitForURL(`${base}/funds/sample/sweeps`);
    const item = page.getByTestId('sweep-list').getByRole('listitem').filter({ hasText: `扫描 #${sweepId}：` });
    expect((await item.textContent())?.trim()).toBe(`扫描 #${sweepId}：已完成 2/2 个点 · 已完成`);
    await item.getByRole('link', { name: `扫描 #${sweepId}：已完成 2/2 个点`, exact: true }).click();
    await page.waitForURL(`${base}/funds/sample/sweeps/${sweepId}`);
    await page.getByTestId('sweep-points').getByTestId('sweep-point').first().waitFor();
  });

  it('reads in English too, and nothing failed on the page', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: `Policy sweep #${sweepId}` }).waitFor();
    const heads = (await page.getByTestId('sweep-points').locator('thead th').allTextContents()).map((t) => t.trim());
    expect(heads.slice(1, 5)).toEqual(['State', 'Plan-caused payout-gap probability', 'Any payout-gap probability', 'Interest (CNY m)']);
    await page.getByTestId('sweep-chart').locator('svg').first().waitFor();
    await check('sweep-en');
    await page.getByRole('button', { name: '中文' }).click();
    expect(axeFindings).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });
});
