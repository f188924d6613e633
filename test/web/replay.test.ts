// The Replay screen end to end in Debian's Chromium (docs/audit.md §1, docs/web.md §11; harness.ts): sign in, run an
// optimize of the sample fund through the API (200 check and 300 planning paths, as app.test.ts), record its actuals
// for January and February 2026 — the budget's figures, except 5,000万 more paid out of employee pension in February
// than the budget said — and March for every fund type but maternity; open "复盘" from the fund's pages, see that
// maternity misses March (so the replay covers two months and the plan's later placements are left out), start the
// replay and check the figures shown against the run's result: the payout gaps and reserve breaches of the plan carried
// out before the interest, in 万元. Then a replay that finds no plan with hindsight (100亿 paid out in February): the
// optimizer's sentence and why, in both languages. axe-core in both languages, screenshots, no page errors.
import Decimal from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type WebApp, apiWrite, screenshot, seriousAxeViolations, startWebApp } from './harness';

/** 万元 with thousands separators, computed apart from the app's own formatter (decimal.js, half up). */
const wanText = (yuan: string) => new Decimal(yuan).div(10_000).toFixed(2, Decimal.ROUND_HALF_UP).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const pct = (p: number) => `${(p * 100).toFixed(1)}%`;

type Flow = { month: string; fundType: string; inflow: string; outflow: string };
type Side = { placements: number; interest: string; largestGap: string; payoutGaps: { date: string; month: string; fundType: string; amount: string }[]; reserveBreaches: { month: string; short: string }[] };
type Result = { months: { from: string; to: string; count: number }; droppedPlacements: number; actual: Side; hindsight?: Side; rolling?: Side; forgone: { vsHindsight?: string; vsRolling?: string } };

/** The largest of some yuan amounts (0 for none), with decimal.js. */
const largest = (xs: string[]) => xs.reduce((a, x) => (new Decimal(x).gt(a) ? new Decimal(x) : a), new Decimal(0)).toFixed(2);

describe('the Replay screen in Chromium', () => {
  let app: WebApp;
  let optimizeId = '';
  let later = 0;
  let replayId = '';
  const axeFindings: string[] = [];
  const check = async (name: string) => {
    await screenshot(app.page, name);
    for (const v of await seriousAxeViolations(app.page)) axeFindings.push(`${name}: ${v}`);
  };
  const runOf = async (id: string) => (await (await app.page.request.get(`${app.base}/api/funds/sample/runs/${id}`)).json()) as { state: string; kind: string; result?: unknown };

  beforeAll(async () => {
    app = await startWebApp();
  }, 240_000);
  afterAll(async () => app?.close(), 60_000);

  it('opens the Replay screen from the fund’s pages with a done optimize run to pick and the months of actuals each fund type misses', async () => {
    const { page, base, token } = app;
    await page.goto(`${base}/api/login?token=${token}`);
    await page.waitForURL(`${base}/funds/sample`);
    const scenarios = ((await (await page.request.get(`${base}/api/funds/sample/scenarios`)).json()) as { scenarios: { latestVersionId: string }[] }).scenarios;
    const versionId = scenarios[0]!.latestVersionId;
    const body = ((await (await page.request.get(`${base}/api/funds/sample/scenario-versions/${versionId}`)).json()) as { body: { fundTypes: string[]; flows: Flow[] } }).body;

    const created = await apiWrite(page, base, '/api/funds/sample/runs', { kind: 'optimize', scenario: { scenarioVersion: versionId }, options: { paths: 200, planningPaths: 300 } });
    expect(created.status).toBe(202);
    optimizeId = (created.json as { run: { id: string } }).run.id;
    await expect.poll(async () => (await runOf(optimizeId)).state, { timeout: 180_000, interval: 500 }).toBe('done');
    const plan = ((await runOf(optimizeId)).result as { plan: { placements: { month: string }[] }; stress: { payoutShortProbability: number; planCausedShortProbability: number } });
    later = plan.plan.placements.filter((p) => p.month > '2026-02').length;
    expect(later).toBeGreaterThan(0);

    const rows = body.flows
      .filter((f) => f.month <= '2026-03' && !(f.month === '2026-03' && f.fundType === 'maternity'))
      .map((f) => (f.month === '2026-02' && f.fundType === 'employeePension' ? { ...f, outflow: new Decimal(f.outflow).plus(50_000_000).toFixed(2) } : f))
      .map(({ month, fundType, inflow, outflow }) => ({ month, fundType, inflow, outflow }));
    expect(rows).toHaveLength(3 * body.fundTypes.length - 1);
    const recorded = await apiWrite(page, base, '/api/funds/sample/actuals', { rows, source: '复盘测试 replay test' });
    expect(recorded.status, JSON.stringify(recorded.json).slice(0, 400)).toBe(201);

    await page.getByRole('navigation', { name: '基金内页面' }).getByRole('link', { name: '复盘' }).click();
    await page.waitForURL(`${base}/funds/sample/replay`);
    await page.getByRole('heading', { name: '开始复盘' }).waitFor();
    await page.getByText('还没有复盘。').waitFor();
    const form = page.getByTestId('replay-start');
    expect(await form.getByLabel('执行过的计划').inputValue()).toBe(optimizeId);
    // The risk the plan was made with, before anything else about it.
    await expect.poll(() => form.getByTestId('replay-planned-risk').textContent()).toBe(`计划时在预测情景上估计：任一支付缺口概率 ${pct(plan.stress.payoutShortProbability)}，计划造成的支付缺口概率 ${pct(plan.stress.planCausedShortProbability)}。`);

    const coverage = form.getByTestId('replay-coverage');
    expect(await coverage.locator('tbody tr').count()).toBe(body.fundTypes.length);
    expect((await coverage.locator('tr[data-fund-type="maternity"] td').allTextContents()).map((t) => t.trim())).toEqual(['2', '2026-03']);
    expect((await coverage.locator('tr[data-fund-type="employeePension"] td').allTextContents()).map((t) => t.trim())).toEqual(['3', '不缺']);
    expect(await form.getByTestId('replay-months').textContent()).toBe(`将复盘 2026-01 至 2026-02，共 2 个月。 计划中 2026-02 之后的 ${later} 笔存放不在复盘范围内，将不计入。 去录入实际收支`);
    await check('replay-start');
  }, 300_000);

  it('replays the plan and shows the API’s figures: payout gaps and reserve breaches first, then the interest in 万元', async () => {
    const { page, base } = app;
    await page.getByTestId('replay-start').getByRole('button', { name: '开始复盘' }).click();
    await page.waitForURL((u) => new RegExp(`^${base}/funds/sample/replay/\\d+$`).test(u.toString())).catch(async (e: unknown) => {
      throw new Error(`${String(e)}; the page says: ${(await page.getByRole('alert').allTextContents()).join(' | ')} at ${page.url()}`);
    });
    replayId = page.url().split('/').at(-1)!;
    await page.getByTestId('replay-summary').waitFor({ timeout: 180_000 });
    const run = await runOf(replayId);
    expect([run.kind, run.state]).toEqual(['replay', 'done']);
    const r = run.result as Result;
    expect(r.months).toEqual({ from: '2026-01', to: '2026-02', count: 2 });
    expect(r.droppedPlacements).toBe(later);
    expect(await page.getByTestId('replay-dropped').textContent()).toBe(`计划中复盘范围之后的 ${later} 笔存放未计入。`);

    // The sections in the order risk first.
    const headings = (await page.locator('main section > h2').allTextContents()).map((t) => t.trim());
    expect(headings.slice(0, 3)).toEqual(['复盘范围', '风险：支付缺口与储备不足', '利息与少赚的利息']);

    // 5,000万 paid out that the plan had placed: employee pension could not pay in February.
    expect(r.actual.payoutGaps.length).toBeGreaterThan(0);
    expect(r.actual.payoutGaps.every((g) => g.month === '2026-02' && g.fundType === 'employeePension')).toBe(true);
    const gapRow = page.getByTestId('replay-gaps').locator('tr[data-month="2026-02"][data-fund-type="employeePension"]');
    const days = new Set(r.actual.payoutGaps.map((g) => g.date)).size;
    expect((await gapRow.locator('td').allTextContents()).map((t) => t.trim())).toEqual(['企业职工基本养老保险基金', wanText(largest(r.actual.payoutGaps.map((g) => g.amount))), String(days), r.actual.payoutGaps.map((g) => g.date).sort()[0]!]);
    expect(await page.getByTestId('replay-gaps').locator('tbody tr').count()).toBe(1);
    expect(await page.getByTestId('replay-breaches').locator('tbody tr').count()).toBe(r.actual.reserveBreaches.length);

    const heads = (await page.getByTestId('replay-sides').locator('thead th').allTextContents()).map((t) => t.trim());
    expect(heads).toEqual(['计划', '支付缺口天数', '最大支付缺口（万元）', '储备不足月数', '最大储备缺口（万元）', '赚取的利息（万元）', '存放笔数']);
    for (const side of ['actual', 'hindsight', 'rolling'] as const) {
      const s = r[side];
      if (!s) continue;
      const cells = (await page.getByTestId('replay-sides').locator(`tr[data-side="${side}"] td`).allTextContents()).map((t) => t.trim());
      expect(cells, side).toEqual([String(new Set(s.payoutGaps.map((g) => g.date)).size), wanText(s.largestGap), String(new Set(s.reserveBreaches.map((b) => b.month)).size), wanText(largest(s.reserveBreaches.map((b) => b.short))), wanText(s.interest), String(s.placements)]);
    }

    expect(await page.getByTestId('replay-interest-earned').textContent()).toBe(`${wanText(r.actual.interest)} 万元（其间有 ${days} 天支付缺口，部分利息来自本应支付的钱）`);
    if (r.forgone.vsRolling !== undefined) expect(await page.getByTestId('replay-forgone-rolling').textContent()).toBe(`${wanText(r.forgone.vsRolling)} 万元${r.forgone.vsRolling.startsWith('-') ? '（负数：执行过的计划赚得更多）' : ''}`);
    if (r.forgone.vsHindsight !== undefined) expect(await page.getByTestId('replay-forgone-hindsight').textContent()).toBe(`${wanText(r.forgone.vsHindsight)} 万元${r.forgone.vsHindsight.startsWith('-') ? '（负数：执行过的计划赚得更多）' : ''}`);
    await page.locator('[data-testid="replay-chart"] svg').waitFor();
    // The plan carried out links back to its optimize run.
    expect(await page.getByTestId('replay-summary').getByRole('link', { name: `优化 #${optimizeId} 的计划` }).getAttribute('href')).toBe(`/funds/sample/runs/${optimizeId}`);
    await check('replay');
  }, 240_000);

  it('lists the replay on the start screen, reads in English too, and nothing failed on the page', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: `Replay #${replayId}` }).waitFor();
    const heads = (await page.getByTestId('replay-sides').locator('thead th').allTextContents()).map((t) => t.trim());
    expect(heads).toEqual(['Plan', 'Payout-gap days', 'Largest payout gap (CNY m)', 'Months below the reserve', 'Largest reserve shortfall (CNY m)', 'Interest earned (CNY m)', 'Placements']);
    await check('replay-en');
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('link', { name: '← 新的复盘' }).click();
    await page.getByTestId('replay-list').getByRole('link', { name: new RegExp(`^复盘 #${replayId} · `) }).waitFor();
    expect(axeFindings).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  }, 60_000);

  it('a replay with no plan with hindsight says so and why, in the reader\'s language, the fund type by its name', async () => {
    // The budget of January and February as the actuals, but for 100亿 paid out of employee pension in February: no plan
    // pays that from the fund's money, with hindsight or without (packages/app replay.test.ts has the same on a small fund).
    const { page, base } = app;
    const versionId = ((await (await page.request.get(`${base}/api/funds/sample/scenarios`)).json()) as { scenarios: { latestVersionId: string }[] }).scenarios[0]!.latestVersionId;
    const body = ((await (await page.request.get(`${base}/api/funds/sample/scenario-versions/${versionId}`)).json()) as { body: { flows: Flow[] } }).body;
    const actuals = body.flows
      .filter((f) => f.month <= '2026-02')
      .map(({ month, fundType, inflow, outflow }) => ({ month, fundType, inflow, outflow: month === '2026-02' && fundType === 'employeePension' ? new Decimal(outflow).plus(10_000_000_000).toFixed(2) : outflow }));
    const created = await apiWrite(page, base, '/api/funds/sample/runs', { kind: 'replay', scenario: { scenarioVersion: versionId }, plan: { schemaVersion: 1, name: 'nothing placed', placements: [] }, actuals, options: { hindsight: true, rolling: false } });
    expect(created.status, JSON.stringify(created.json).slice(0, 400)).toBe(202);
    const id = (created.json as { run: { id: string } }).run.id;
    await expect.poll(async () => (await runOf(id)).state, { timeout: 120_000, interval: 500 }).toBe('done');
    const r = (await runOf(id)).result as Result & { hindsightWhy?: { zh: string[]; en: string[] } };
    expect(r.hindsight).toBeUndefined();
    expect(r.hindsightWhy?.zh.join('\n')).toContain('企业职工基本养老保险基金');
    await page.goto(`${base}/funds/sample/replay/${id}`);
    await page.getByTestId('replay-summary').waitFor();
    expect(await page.getByTestId('replay-hindsight-issues').textContent()).toBe('事后最优没有找到计划：没有任何计划能在此情景下满足全部规则');
    const why = page.getByTestId('replay-hindsight-why');
    expect((await why.locator('li').allTextContents()).map((t) => t.trim())).toEqual(r.hindsightWhy!.zh);
    await check('replay-no-hindsight');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: `Replay #${id}` }).waitFor();
    expect(await page.getByTestId('replay-hindsight-issues').textContent()).toBe('Hindsight found no plan: no plan keeps every rule with this scenario');
    expect((await why.locator('li').allTextContents()).map((t) => t.trim())).toEqual(r.hindsightWhy!.en);
    await check('replay-no-hindsight-en');
    await page.getByRole('button', { name: '中文' }).click();
    expect(axeFindings).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  }, 180_000);
});
