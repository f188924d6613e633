// The web app end to end in Debian's Chromium (playwright-core; docs/web.md §5): the app is built from the current
// sources into a folder of this test's own, served by the API in this process on a random loopback port over an
// in-memory PGlite store with the sample fund, and driven as a fund manager would: the one-time sign-in link, the
// Overview, an optimize with small options whose progress bar moves, the Plan with the safety verdict before the
// interest in 万元 and its maturity ladder; a second scenario version with a bank's quote changed through the API, its
// optimize and the plan that changes; the two runs compared on the same paths against a frozen baseline; a run
// proposed, then approved by a second user (four eyes), the decision log's chain verified, the XLSX downloaded and its
// sheets read; the English switch on every screen; and a cancelled run. Every screen is checked with axe-core (no
// serious or critical violation) and photographed into FUNDLADDER_SCREENSHOTS (default <repo>/test-artifacts/web).
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { serve, type ServerType } from '@hono/node-server';
import Decimal from 'decimal.js';
import ExcelJS from 'exceljs';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../apps/api/src/app';
import type { Store } from '../../apps/api/src/db/store';
import { type Runner, startRunner } from '../../apps/api/src/jobs/runner';
import { type Executor, workerExecutor } from '../../apps/api/src/jobs/executor';
import type { RunProgress } from '../../apps/api/src/repo/runs';
import { localAdminToken, seedSample } from '../../apps/api/src/seed';
import { createLoginToken, createUser, grantRole } from '../../apps/api/src/auth/access';
import { SHEET_NAMES } from '../../apps/api/src/export/index';
import { pgliteKind } from '../../apps/api/src/testing/stores';
import { startAndCancelOptimize } from './harness';

const ROOT = join(import.meta.dirname, '..', '..');
const SHOTS = process.env.FUNDLADDER_SCREENSHOTS ?? join(ROOT, 'test-artifacts', 'web');
const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
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
  let secondRunId = '';
  let approver: BrowserContext | undefined;
  const pageErrors: string[] = [];
  const axeFindings: string[] = [];
  /** Every progress report each job made, by run id, as the job thread sent it (the run row keeps only the latest). */
  const reported = new Map<string, RunProgress[]>();

  /** axe-core on the page as it is: every serious or critical violation is kept, named by the screen. */
  const axe = async (on: Page, screen: string) => {
    await on.addScriptTag({ content: AXE });
    const violations = await on.evaluate(async () => {
      const r = await (globalThis as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }> } }).axe.run();
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)) }));
    });
    for (const v of violations) if (v.impact === 'serious' || v.impact === 'critical') axeFindings.push(`${screen}: ${v.id} (${v.impact}) at ${v.nodes.join(' ')}`);
  };
  /** Photograph and check a screen. */
  const screen = async (on: Page, name: string) => {
    await on.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
    await axe(on, name);
  };
  /** A write through the API as the signed-in page (the session's CSRF token on it). */
  const apiWrite = async (on: Page, path: string, body: unknown) => {
    const session = (await (await on.request.get(`${base}/api/session`)).json()) as { csrfToken: string };
    const r = await on.request.post(`${base}${path}`, { data: body, headers: { 'x-csrf-token': session.csrfToken, origin: base } });
    expect(r.status(), await r.text()).toBeLessThan(300);
    return r.json() as Promise<Record<string, unknown>>;
  };
  /** Waits until the runs table's newest run is done and returns its id (the optimize just started). */
  const waitNewestDone = async (kind: string) => {
    const deadline = Date.now() + 240_000;
    while (Date.now() < deadline) {
      const runs = ((await (await page.request.get(`${base}/api/funds/sample/runs?limit=5`)).json()) as { runs: { id: string; kind: string; state: string }[] }).runs;
      const newest = runs.find((r) => r.kind === kind);
      if (newest && ['done', 'failed', 'cancelled'].includes(newest.state)) {
        expect(newest.state).toBe('done');
        return newest.id;
      }
      await page.waitForTimeout(300);
    }
    throw new Error(`no ${kind} run finished in time`);
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    outDir = mkdtempSync(join(tmpdir(), 'fl-web-dist-'));
    // The app as the sources are now, not whatever dist a previous install left behind.
    await promisify(execFile)(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: join(ROOT, 'apps', 'web') });
    ({ store, dispose } = await pgliteKind.open());
    await seedSample(store);
    // The local administrator and a one-time sign-in link's token (createLoginToken), as `npm start` prints them.
    token = await localAdminToken(store);
    // The usual job threads, with each progress report also written down here: a stage shorter than the runner's
    // heartbeat (a second) may never reach the run row, its events or the bar, yet the job did report it.
    const threads = workerExecutor();
    const executor: Executor = {
      run: (id, request, onProgress) => threads.run(id, request, (p) => {
        reported.set(id, [...(reported.get(id) ?? []), p]);
        onProgress(p);
      }),
      close: () => threads.close(),
    };
    const jobs = startRunner(store, { pollMs: 100, leaseSeconds: 10, executor });
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
    await approver?.close();
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
    await page.getByRole('rowheader', { name: /第 1 版/ }).waitFor();
    await page.getByText('还没有运行').waitFor();
    // The fund today, from the ledger: the position adds up to the total the API states, before any run.
    const today = (await (await page.request.get(`${base}/api/funds/sample/overview`)).json()) as { position: { total: { total: string } } };
    await expect.poll(() => page.getByTestId('position-total').textContent()).toBe(`今日头寸${new Decimal(today.position.total.total).gte(1e8) ? `${new Decimal(today.position.total.total).div(1e8).toFixed(2, Decimal.ROUND_HALF_UP)} 亿元` : `${wanText(today.position.total.total)} 万元`}`);
    await page.getByTestId('cover').getByRole('table').waitFor();
    await page.getByTestId('structural').getByText('还没有完成的优化运行').waitFor();
    await screen(page, 'overview-empty');
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
    let shot = '';
    while (!(await viewPlan.isVisible()) && Date.now() < deadline) {
      const text = await bar.getAttribute('aria-valuetext', { timeout: 1000 }).catch(() => null);
      if (text) seen.add(`${text} @ ${await bar.getAttribute('aria-valuenow', { timeout: 1000 }).catch(() => '')}`);
      // The bar photographed at the first stage it shows, and again if the out-of-sample check is caught on it.
      if (text && (!shot || (!/样本外检验/.test(shot) && /样本外检验/.test(text)))) {
        await page.screenshot({ path: join(SHOTS, 'overview-progress.png'), fullPage: true });
        shot = text;
      }
      await page.waitForTimeout(150);
    }
    expect(await viewPlan.isVisible()).toBe(true);
    // The bar moved: it showed at least two stages or counts (the run row takes the job's latest report each second).
    expect(seen.size, [...seen].join(' | ')).toBeGreaterThanOrEqual(2);
    expect(shot).not.toBe('');
    await page.screenshot({ path: join(SHOTS, 'overview-done.png'), fullPage: true });
    await viewPlan.click();
    await page.waitForURL(/\/funds\/sample\/runs\/\d+$/);
    planRunId = page.url().split('/').at(-1)!;
    // The job reported its stages in order, the out-of-sample check after the paths, run to its last path.
    const stages = (reported.get(planRunId) ?? []).map((p) => p.stage);
    const order = stages.filter((stage, i) => stage !== stages[i - 1]);
    expect(order, order.join(' → ')).toEqual(expect.arrayContaining(['paths', 'check']));
    expect(order.indexOf('check')).toBeGreaterThan(order.indexOf('paths'));
    const lastCheck = (reported.get(planRunId) ?? []).filter((p) => p.stage === 'check').at(-1);
    expect(lastCheck).toEqual({ stage: 'check', done: 200, total: 200 });
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
    // The maturity ladder from the ledger's positions, and the frontier said to be absent (not asked for).
    await page.locator('[data-testid="maturity-chart"] svg').waitFor();
    await page.getByTestId('frontier').getByText('这次运行没有计算前沿').waitFor();
    await screen(page, 'plan-zh');
  }, 60_000);

  it('a second version with a bank’s quote raised through the API: its optimize makes a different plan', async () => {
    // psbc's 1-year time deposit from 0.98% to 1.50% (the compare job's own test variant, packages/app compare.test.ts).
    const scenarios = ((await (await page.request.get(`${base}/api/funds/sample/scenarios`)).json()) as { scenarios: { id: string; latestVersionId: string; latestVersion: number }[] }).scenarios;
    const first = scenarios[0]!;
    const v1 = (await (await page.request.get(`${base}/api/funds/sample/scenario-versions/${first.latestVersionId}`)).json()) as { body: { banks: { id: string; quotes: { product: string; termMonths?: number; annualRate: string }[] }[] } };
    const body = structuredClone(v1.body);
    const quote = body.banks.find((b) => b.id === 'psbc')!.quotes.find((q) => q.product === 'timeDeposit' && q.termMonths === 12)!;
    quote.annualRate = '0.0150';
    await apiWrite(page, `/api/funds/sample/scenarios/${first.id}/versions`, { baseVersion: first.latestVersion, body, note: '邮储 1 年期报价 1.50%' });

    await page.getByRole('link', { name: '返回基金概览' }).click();
    await page.waitForURL(`${base}/funds/sample`);
    const row = page.getByRole('row', { name: /第 2 版/ });
    await row.waitFor();
    await page.getByLabel('样本外检验情景数').fill('200');
    await page.getByLabel('规划情景数').fill('300');
    await row.getByRole('button', { name: '优化' }).click();
    secondRunId = await waitNewestDone('optimize');
    expect(secondRunId).not.toBe(planRunId);
    const [a, b] = await Promise.all([planRunId, secondRunId].map(async (id) => ((await (await page.request.get(`${base}/api/funds/sample/runs/${id}`)).json()) as { result: { interest: string; plan: { placements: { bankId?: string; amount: string }[] } } }).result));
    // The plan changed: another ledger interest, and another amount placed at psbc.
    expect(b!.interest).not.toBe(a!.interest);
    const atPsbc = (r: typeof a) => r!.plan.placements.filter((p) => p.bankId === 'psbc').reduce((s, p) => s.plus(p.amount), new Decimal(0)).toFixed(2);
    expect(atPsbc(b)).not.toBe(atPsbc(a));
    await page.goto(`${base}/funds/sample/runs/${secondRunId}`);
    await expect.poll(() => page.getByTestId('interest-ledger').textContent()).toBe(`规划期利息（精确账本）${wanText(b!.interest)} 万元`);
    await screen(page, 'plan-version-2');
  }, 300_000);

  it('compares the two runs on the same paths against a frozen baseline: safety rows first, the difference as waterfalls', async () => {
    await page.goto(`${base}/funds/sample/compare`);
    await page.getByTestId('compare-pick').waitFor();
    await screen(page, 'compare-pick');
    await page.getByRole('button', { name: `设为基准: #${planRunId}` }).click();
    await page.getByTestId('baseline-state').getByText(`已冻结基准：运行 #${planRunId}`).waitFor();
    await page.getByRole('checkbox', { name: new RegExp(`运行 #${planRunId} `) }).check();
    await page.getByRole('checkbox', { name: new RegExp(`运行 #${secondRunId} `) }).check();
    // 100 check paths keep the test short; the paths note below says how many were used.
    await page.getByLabel('检验情景数').fill('100');
    await page.getByRole('button', { name: '开始比较' }).click();
    await page.waitForURL(/\/funds\/sample\/compare\/\d+$/);
    const kpi = page.getByTestId('kpi');
    await kpi.waitFor({ timeout: 180_000 });
    expect(await page.getByTestId('paths-note').textContent()).toMatch(/^所有列都在同一批 100 条预测情景上检验/);
    const firstRows = await kpi.locator('tbody tr th').allTextContents();
    expect(firstRows.slice(0, 3)).toEqual(['安全结论', '支付缺口概率（头一个季度）', '支付缺口概率（整个规划期）']);
    // The interest row's difference is the ledger's, to the fen, against the frozen baseline wherever it stands.
    const compareId = page.url().split('/').at(-1)!;
    const result = ((await (await page.request.get(`${base}/api/funds/sample/runs/${compareId}`)).json()) as { result: { columns: { plan: string; ledger: { interest: string } }[] } }).result;
    const baseCol = result.columns.find((c) => c.plan === `#${planRunId}`)!;
    const other = result.columns.find((c) => c.plan === `#${secondRunId}`)!;
    const diff = new Decimal(other.ledger.interest).minus(baseCol.ledger.interest);
    const otherCell = kpi.locator('tr[data-kpi="interest"] td').nth(result.columns.indexOf(other));
    await expect.poll(() => otherCell.locator('.delta').textContent()).toBe(`与基准之差: ${diff.isNeg() ? '' : '+'}${wanText(diff.toFixed(2))} 万元`);
    await page.locator('[data-testid="waterfall-product"] svg').waitFor();
    await page.locator('[data-testid="waterfall-bank"] svg').waitFor();
    await page.locator('[data-testid="lines-chart"] svg').waitFor();
    await screen(page, 'compare-zh');
  }, 240_000);

  it('proposes a run, which its creator cannot approve; a second user approves it with a comment; the chain verifies; the XLSX has its sheets', async () => {
    await page.goto(`${base}/funds/sample/runs/${planRunId}/approval`);
    await page.getByTestId('approval-state').getByText('未提请').waitFor();
    await page.getByLabel('意见（可选）').fill('请审批：下一季度存放计划');
    await page.getByRole('button', { name: '提请审批' }).click();
    await page.getByTestId('approval-state').getByText('已提请').waitFor();
    // Four eyes: the local administrator created and proposed the run; no approve button, the rule said.
    await page.getByText('四眼原则').waitFor();
    expect(await page.getByRole('button', { name: '批准' }).count()).toBe(0);
    await screen(page, 'approval-proposed');

    const href = await page.getByRole('link', { name: '下载 Excel 工作簿' }).getAttribute('href');
    const xlsx = await page.request.get(`${base}${href}`);
    expect(xlsx.status()).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([...SHEET_NAMES]);
    expect(await page.getByRole('link', { name: '下载 PDF 报告' }).getAttribute('href')).toBe(`/api/funds/sample/runs/${planRunId}/report.pdf`);

    // A second user, an approver of the sample fund, signs in with a link of their own in a browser of their own.
    const user = (await createUser(store!, { name: 'wang-approver', displayName: '王审批' }))!;
    await grantRole(store!, user.id, 'sample', 'approver');
    approver = await browser!.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const second = await approver.newPage();
    second.on('pageerror', (e) => pageErrors.push(`approver: ${e.message}`));
    await second.goto(`${base}/api/login?token=${await createLoginToken(store!, user.id)}`);
    await second.waitForURL(/\/funds\/sample$|\/$/);
    await second.goto(`${base}/funds/sample/runs/${planRunId}/approval`);
    await second.getByTestId('approval-state').getByText('已提请').waitFor();
    await second.getByLabel('意见（可选）').fill('同意，按计划执行');
    await second.getByRole('button', { name: '批准' }).click();
    await second.getByTestId('approval-state').getByText('已批准').waitFor();
    const history = second.getByTestId('history');
    await history.getByText('同意，按计划执行').waitFor();
    expect(await history.locator('tbody tr td:nth-child(2)').allTextContents()).toEqual(['local-admin', 'wang-approver']);
    await expect.poll(() => second.getByTestId('chain-state').textContent()).toMatch(/^✔ 哈希链完整：2 条记录/);
    await screen(second, 'approval-approved');
    await approver.close();
    approver = undefined;
  }, 120_000);

  it('shows the Overview with the runs’ warnings and the structural finding', async () => {
    await page.goto(`${base}/funds/sample`);
    await page.getByTestId('structural').getByText(/来自优化运行 #\d+ 的样本外检验/).waitFor();
    await page.getByTestId('warnings').waitFor();
    await screen(page, 'overview-zh');
  });

  it('switches to English, money in millions of yuan, and back', async () => {
    await page.goto(`${base}/funds/sample/runs/${planRunId}`);
    await page.getByRole('heading', { name: '安全结论' }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Safety verdict' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expect.poll(() => page.getByTestId('interest-ledger').textContent()).toMatch(/^Interest over the horizon \(exact ledger\)CNY [\d,]+\.\d{2} m$/);
    await page.locator('[data-testid="maturity-chart"] svg').waitFor();
    await screen(page, 'plan-en');
    // Every other screen in English too, charts and numbers included.
    await page.goto(`${base}/funds/sample`);
    await page.getByRole('heading', { name: 'Months of payouts covered' }).waitFor();
    expect(await page.getByTestId('position-total').textContent()).toMatch(/^Position todayCNY [\d,]+\.\d{2} m$/);
    await screen(page, 'overview-en');
    const compareId = ((await (await page.request.get(`${base}/api/funds/sample/runs?limit=10`)).json()) as { runs: { id: string; kind: string }[] }).runs.find((r) => r.kind === 'compare')!.id;
    await page.goto(`${base}/funds/sample/compare/${compareId}`);
    await page.getByRole('heading', { name: 'Figures side by side (safety first)' }).waitFor();
    await page.locator('[data-testid="waterfall-product"] svg').waitFor();
    expect(await page.getByTestId('kpi').locator('tbody tr th').first().textContent()).toBe('Safety verdict');
    await screen(page, 'compare-en');
    await page.goto(`${base}/funds/sample/runs/${planRunId}/approval`);
    await page.getByTestId('approval-state').getByText('approved').waitFor();
    await screen(page, 'approval-en');
    await page.goto(`${base}/funds/sample/runs/${planRunId}`);
    await page.getByRole('heading', { name: 'Safety verdict' }).waitFor();
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { name: '安全结论' }).waitFor();
  });

  it('cancels a run it started', async () => {
    await page.getByRole('link', { name: '返回基金概览' }).click();
    await page.waitForURL(`${base}/funds/sample`);
    await startAndCancelOptimize(page);
    await page.getByTestId('runs').getByText('已取消').waitFor();
    expect(pageErrors).toEqual([]);
    expect(axeFindings).toEqual([]);
  }, 90_000);

  it('an optimize with the frontier ticked draws the frontier and lists each confidence, risk first, as the API has it', async () => {
    await page.getByLabel('样本外检验情景数').fill('200');
    await page.getByLabel('规划情景数').fill('300');
    await page.getByLabel('随机种子').fill('9');
    await page.getByLabel('计算置信度前沿（较慢）').check();
    await page.getByRole('row', { name: /第 1 版/ }).getByRole('button', { name: '优化' }).click();
    const id = await waitNewestDone('optimize');
    const run = (await (await page.request.get(`${base}/api/funds/sample/runs/${id}`)).json()) as { request: { options: { frontier?: boolean } }; result: { frontier: Array<{ confidence: number; status: string; interest?: string; planCausedShortProbability?: number }> } };
    expect(run.request.options.frontier).toBe(true);
    const points = [...run.result.frontier].sort((a, b) => a.confidence - b.confidence);
    // 0, 90%, 95%, 99%, 99.5% (packages/app FRONTIER_CONFIDENCES); 200 check paths are too few for 99.5% (it needs 400).
    expect(points.map((p) => p.confidence)).toEqual([0, 0.9, 0.95, 0.99, 0.995]);
    expect(points.filter((p) => p.status === 'optimal').length).toBeGreaterThanOrEqual(3);
    await page.goto(`${base}/funds/sample/runs/${id}`);
    await page.locator('[data-testid="frontier-chart"] svg').waitFor();
    const rows = page.getByTestId('frontier-table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(points.length);
    for (const [k, p] of points.entries()) {
      const cells = await rows.nth(k).locator('th, td').allTextContents();
      expect(cells[0]).toBe(`${(p.confidence * 100).toFixed(1)}%`);
      expect(cells[1]).toBe(p.planCausedShortProbability === undefined ? '—' : `${(p.planCausedShortProbability * 100).toFixed(1)}%`);
      expect(cells[2]).toEqual(p.status === 'optimal' ? wanText(p.interest!) : p.status === 'tooFewPaths' ? expect.stringMatching(/^情景不足/) : p.status === 'infeasible' ? '无可行计划' : '出错');
    }
    await screen(page, 'plan-frontier');
    expect(pageErrors).toEqual([]);
    expect(axeFindings).toEqual([]);
  }, 300_000);
});
