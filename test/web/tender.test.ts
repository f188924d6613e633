// The Tender screen end to end in Debian's Chromium (docs/tender.md, docs/web.md §10; harness.ts): sign in, save
// examples/tender/scenario.json as a scenario of the sample fund, open "招标分配" from the fund's pages, ask for a total
// above the fund's liquid money — the run is refused and the API's sentence shows at the total field — then for 3,000
// 万元 (confidence 0.9, 30 check paths, 60 planning paths, as test/cli/tender.test.ts) and check the figures shown
// against the run's result: the totals, the reserve warning, the comparison (payout-gap probabilities before the
// interest), the split in 万元 and the suspended bank. axe-core in both languages, screenshots, no page errors.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Decimal from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, type WebApp, apiWrite, screenshot, seriousAxeViolations, startWebApp } from './harness';

const tenderScenario = JSON.parse(readFileSync(join(ROOT, 'examples', 'tender', 'scenario.json'), 'utf8')) as unknown;

/** 万元 with thousands separators, computed apart from the app's own formatter (decimal.js, half up). */
const wanText = (yuan: string) => new Decimal(yuan).div(10_000).toFixed(2, Decimal.ROUND_HALF_UP).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const pct = (p: number) => `${(p * 100).toFixed(1)}%`;

type Issue = { path: (string | number)[]; rule?: string; message: string; text?: { zh: string; en: string } };
type Result = {
  total: { asked: string; placed: string; withinReserve: { amount: string; month: string } };
  bids: { bankId: string; suspended: boolean; amount: string; score?: string }[];
  comparison: { columns: { plan?: string; stress?: { planCausedShortProbability?: number; payoutShortProbability?: number }; ledger?: { interest: string } }[] };
  plans: { optimizer: string; tender: string };
  interestDifference?: string;
};

describe('the Tender screen in Chromium', () => {
  let app: WebApp;
  let versionId = '';
  let runId = '';
  const axeFindings: string[] = [];
  const check = async (name: string) => {
    await screenshot(app.page, name);
    for (const v of await seriousAxeViolations(app.page)) axeFindings.push(`${name}: ${v}`);
  };
  const runOf = async (id: string) => (await (await app.page.request.get(`${app.base}/api/funds/sample/runs/${id}`)).json()) as { state: string; issues: Issue[] | null; result?: Result };
  const waitForRunPage = async (previous: string) => {
    const { page, base } = app;
    await page.waitForURL((u) => new RegExp(`^${base}/funds/sample/tender/\\d+$`).test(u.toString()) && u.toString().split('/').at(-1) !== previous).catch(async (e: unknown) => {
      throw new Error(`${String(e)}; the page says: ${(await page.getByRole('alert').allTextContents()).join(' | ')} at ${page.url()}`);
    });
    return page.url().split('/').at(-1)!;
  };

  beforeAll(async () => {
    app = await startWebApp();
  }, 240_000);
  afterAll(async () => app?.close(), 60_000);

  it('opens the Tender screen from the fund’s pages, with the tender scenario saved as a version to pick', async () => {
    const { page, base, token } = app;
    await page.goto(`${base}/api/login?token=${token}`);
    await page.waitForURL(`${base}/funds/sample`);
    const saved = await apiWrite(page, base, '/api/funds/sample/scenarios', { name: '招标示例', body: tenderScenario });
    expect(saved.status).toBe(201);
    versionId = (saved.json as { version: { id: string } }).version.id;
    await page.getByRole('navigation', { name: '基金内页面' }).getByRole('link', { name: '招标分配' }).click();
    await page.waitForURL(`${base}/funds/sample/tender`);
    await page.getByRole('heading', { name: '开始招标分配' }).waitFor();
    await page.getByText('还没有招标分配。').waitFor();
    await check('tender-start');
  });

  it('shows the API’s sentence at the total field when the total is above the fund’s liquid money', async () => {
    const { page } = app;
    const form = page.getByTestId('tender-start');
    await form.getByLabel('方案版本').selectOption(versionId);
    await form.locator('input[name="total"]').fill('900000');
    await form.locator('input[name="confidence"]').fill('0.9');
    await form.locator('input[name="paths"]').fill('30');
    await form.locator('input[name="planningPaths"]').fill('60');
    await form.getByRole('button', { name: '开始分配' }).click();
    runId = await waitForRunPage('');
    const issue = page.getByTestId('tender-total-issue');
    await issue.waitFor({ timeout: 120_000 });
    const run = await runOf(runId);
    expect(run.state).toBe('failed');
    const refused = run.issues!.find((i) => i.rule === 'tenderTotalWithinLiquidity')!;
    expect(refused.path).toEqual(['options', 'totalAmount']);
    expect(refused.text?.zh).toBeTruthy();
    expect((await issue.textContent())?.trim()).toBe(`总额被拒绝：${refused.text!.zh}`);
    // The form is the one sent, ready to change the total.
    expect(await page.getByTestId('tender-start').locator('input[name="total"]').inputValue()).toBe('900000');
    await check('tender-refused');
  }, 180_000);

  it('allocates 3,000 万元 and shows the API’s figures: totals, reserve warning, risk before interest, split, suspended bank', async () => {
    const { page } = app;
    const form = page.getByTestId('tender-start');
    await form.locator('input[name="total"]').fill('3000');
    await form.getByRole('button', { name: '开始分配' }).click();
    runId = await waitForRunPage(runId);
    await page.getByTestId('tender-summary').waitFor({ timeout: 180_000 });
    const run = await runOf(runId);
    expect(run.state).toBe('done');
    const r = run.result!;

    expect(await page.getByTestId('tender-asked').textContent()).toBe(`${wanText(r.total.asked)} 万元（本次填写）`);
    expect(await page.getByTestId('tender-placed').textContent()).toBe(`${wanText(r.total.placed)} 万元`);
    expect(await page.getByTestId('tender-within-reserve').textContent()).toBe(`${wanText(r.total.withinReserve.amount)} 万元（${r.total.withinReserve.month} 月末最紧）`);
    // 3,000 万元 is above what leaves the reserve whole on the sample: the warning says so.
    expect(new Decimal(r.total.asked).gt(r.total.withinReserve.amount)).toBe(true);
    expect(await page.getByTestId('tender-reserve-warning').textContent()).toContain(`${wanText(r.total.withinReserve.amount)} 万元`);

    const compare = page.getByTestId('tender-compare');
    const heads = (await compare.locator('thead th').allTextContents()).map((t) => t.trim());
    expect(heads).toEqual(['计划', '计划造成的支付缺口概率', '任一支付缺口概率', '利息（万元）']);
    for (const plan of ['optimizer', 'tender'] as const) {
      const column = r.comparison.columns.find((c) => c.plan === r.plans[plan])!;
      const cells = (await compare.locator(`tr[data-plan="${plan}"] td`).allTextContents()).map((t) => t.trim());
      expect(cells).toEqual([pct(column.stress!.planCausedShortProbability!), pct(column.stress!.payoutShortProbability!), wanText(column.ledger!.interest)]);
    }
    expect(await page.getByTestId('tender-interest-difference').textContent()).toBe(`利息差（招标 − 优化器）: ${r.interestDifference!.startsWith('-') ? '' : '+'}${wanText(r.interestDifference!)} 万元`);

    const split = page.getByTestId('tender-allocation');
    const taking = r.bids.filter((b) => !b.suspended);
    await expect.poll(() => split.locator('tbody tr').count()).toBe(taking.length);
    for (const b of taking) expect((await split.locator(`tr[data-bank="${b.bankId}"] td`).first().textContent())?.trim()).toBe(wanText(b.amount));
    expect((await split.locator('tfoot td').first().textContent())?.trim()).toBe(wanText(r.total.placed));

    const scores = page.getByTestId('tender-scores');
    expect(await scores.locator('tbody tr').count()).toBe(taking.length);
    for (const b of taking) expect((await scores.locator(`tr[data-bank="${b.bankId}"] td`).last().textContent())?.trim()).toBe(b.score);

    const suspended = r.bids.filter((b) => b.suspended).map((b) => b.bankId);
    expect(suspended).toEqual(['rural']);
    await page.getByTestId('tender-suspended').locator('li[data-bank="rural"]').getByText('人民银行评级 C').waitFor();
    await check('tender');
  }, 240_000);

  it('reads in English too, and nothing failed on the page', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: `Tender allocation #${runId}` }).waitFor();
    const heads = (await page.getByTestId('tender-compare').locator('thead th').allTextContents()).map((t) => t.trim());
    expect(heads).toEqual(['Plan', 'Plan-caused payout-gap probability', 'Any payout-gap probability', 'Interest (CNY m)']);
    await check('tender-en');
    await page.getByRole('button', { name: '中文' }).click();
    expect(axeFindings).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });
});
