// The Plan screen of an optimize run that has no plan, in Debian's Chromium (harness.ts): a version of the sample fund
// whose maternity fund pays 10亿 in 2026-03 with the fund types kept apart (packages/app optimize.test.ts), optimized on
// its flows alone. The card says in the reader's language what the optimizer said, why (the catalogue's lines the result
// carries) and what would fix it, the fund type by its name, never an id or the engine's English. A result stored before
// the words (no `text`, no `infeasibilityWhy`: made so in the store) still shows its message and its shortfalls; a
// cancelled run shows its issue in the reader's language on the run panel and on the Plan screen's card. axe-core,
// screenshots, no page errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type WebApp, apiWrite, screenshot, seriousAxeViolations, startAndCancelOptimize, startWebApp } from './harness';

type Flow = { month: string; fundType: string; inflow: string; outflow: string };
type Lines = { zh: string[]; en: string[] };
type Result = { status: string; issues: { code: string; message: string; text?: { zh: string; en: string } }[]; infeasibility?: unknown[]; infeasibilityWhy?: Lines; infeasibilityFix?: Lines };

describe('the Plan screen of an optimize without a plan, in Chromium', () => {
  let app: WebApp;
  let versionId = '';
  const axeFindings: string[] = [];
  const check = async (name: string) => {
    await screenshot(app.page, name);
    for (const v of await seriousAxeViolations(app.page)) axeFindings.push(`${name}: ${v}`);
  };
  /** The run's state straight from the store: a GET of a done run would keep its result in the API's cache. */
  const stateOf = async (id: string) => (await app.store.query<{ state: string }>('select state from runs where id = $1', [id]))[0]?.state;
  const optimize = async (options: Record<string, unknown>) => {
    const created = await apiWrite(app.page, app.base, '/api/funds/sample/runs', { kind: 'optimize', scenario: { scenarioVersion: versionId }, options });
    expect(created.status, JSON.stringify(created.json).slice(0, 400)).toBe(202);
    return (created.json as { run: { id: string } }).run.id;
  };
  const texts = async (testId: string) => (await app.page.getByTestId(testId).locator('li').allTextContents()).map((t) => t.trim());

  beforeAll(async () => {
    app = await startWebApp();
    const { page, base, token } = app;
    await page.goto(`${base}/api/login?token=${token}`);
    await page.waitForURL(`${base}/funds/sample`);
    const first = ((await (await page.request.get(`${base}/api/funds/sample/scenarios`)).json()) as { scenarios: { id: string; latestVersionId: string; latestVersion: number }[] }).scenarios[0]!;
    const body = ((await (await page.request.get(`${base}/api/funds/sample/scenario-versions/${first.latestVersionId}`)).json()) as { body: { flows: Flow[]; policy: Record<string, unknown> } }).body;
    const flows = body.flows.map((f) => (f.fundType === 'maternity' && f.month === '2026-03' ? { ...f, outflow: '1000000000.00' } : f));
    const saved = await apiWrite(page, base, `/api/funds/sample/scenarios/${first.id}/versions`, { baseVersion: first.latestVersion, body: { ...body, flows, policy: { ...body.policy, keepFundTypesApart: true } }, note: '生育保险 2026-03 支出 10 亿元' });
    expect(saved.status, JSON.stringify(saved.json).slice(0, 400)).toBe(201);
    versionId = (saved.json as { version: { id: string } }).version.id;
  }, 300_000);
  afterAll(async () => app?.close(), 60_000);

  it('says what the optimizer said, why and what would fix it in Chinese, then in English, the fund type by its name', async () => {
    const { page, base } = app;
    const id = await optimize({ confidence: 0, paths: 0 });
    await expect.poll(() => stateOf(id), { timeout: 120_000, interval: 300 }).toBe('done');
    const result = ((await (await page.request.get(`${base}/api/funds/sample/runs/${id}`)).json()) as { result: Result }).result;
    expect(result.status).toBe('infeasible');
    expect(result.infeasibilityFix?.zh.some((l) => l.startsWith('生育保险基金自身资金不足以支付'))).toBe(true);

    await page.goto(`${base}/funds/sample/runs/${id}`);
    await page.getByRole('heading', { name: '没有可行的计划' }).waitFor();
    expect(await texts('noplan-issues')).toEqual(['没有任何计划能在此情景下满足全部规则']);
    expect(await texts('noplan-why')).toEqual(result.infeasibilityWhy!.zh);
    expect((await texts('noplan-why'))[1]).toMatch(/^最大短缺：2026-01 险种现金（生育保险基金） 短缺 [\d,.]+ 万元$/);
    expect(await texts('noplan-fixes')).toEqual(result.infeasibilityFix!.zh);
    const card = (await page.locator('section[aria-labelledby="noplan-title"]').textContent()) ?? '';
    for (const id of ['maternity', 'liquidityReserve', 'cashBalance', 'no plan keeps']) expect(card).not.toContain(id);
    await check('plan-noplan-zh');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'No feasible plan' }).waitFor();
    expect(await texts('noplan-issues')).toEqual(['no plan keeps every rule with this scenario']);
    expect(await texts('noplan-why')).toEqual(result.infeasibilityWhy!.en);
    expect(await texts('noplan-fixes')).toEqual(result.infeasibilityFix!.en);
    expect((await texts('noplan-fixes')).at(-1)).toMatch(/^Maternity cannot pay its own payouts: /);
    await check('plan-noplan-en');
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { name: '没有可行的计划' }).waitFor();
  }, 180_000);

  it('a result stored before the words: the engine\'s message and the shortfalls from the facts, the fixes as stored', async () => {
    const { page, base, store } = app;
    const id = await optimize({ confidence: 0, paths: 0, seed: 2 });
    await expect.poll(() => stateOf(id), { timeout: 120_000, interval: 300 }).toBe('done');
    // As the optimize job stored it before: no `text` on the issues, no `infeasibilityWhy`, the message of then.
    await store.query(
      `update runs set result = jsonb_set(result - 'infeasibilityWhy', '{issues}',
         (select jsonb_agg((i - 'text') || '{"message": "no plan keeps every rule with this scenario (see the explanation)"}'::jsonb) from jsonb_array_elements(result->'issues') i))
       where id = $1`,
      [id],
    );
    const result = ((await (await page.request.get(`${base}/api/funds/sample/runs/${id}`)).json()) as { result: Result }).result;
    expect([result.issues[0]?.text, result.infeasibilityWhy]).toEqual([undefined, undefined]);
    await page.goto(`${base}/funds/sample/runs/${id}`);
    await page.getByRole('heading', { name: '没有可行的计划' }).waitFor();
    expect(await texts('noplan-issues')).toEqual(['no plan keeps every rule with this scenario (see the explanation)']);
    expect(await texts('noplan-why')).toHaveLength(result.infeasibility!.length);
    expect(await texts('noplan-fixes')).toEqual(result.infeasibilityFix!.zh);
    await check('plan-noplan-stored-before');
  }, 180_000);

  it('a cancelled run: its issue in the reader\'s language on the run panel, and on the Plan screen\'s card', async () => {
    const { page, base } = app;
    // As app.test.ts cancels one: started from the overview, cancelled from its run panel.
    await page.goto(`${base}/funds/sample`);
    const panel = await startAndCancelOptimize(page);
    const live = (await panel.locator('li').allTextContents()).map((t) => t.trim());
    expect(live.length).toBeGreaterThan(0);
    for (const line of live) expect(line).toMatch(/^已取消/);
    const runs = ((await (await page.request.get(`${base}/api/funds/sample/runs?limit=5`)).json()) as { runs: { id: string; kind: string; state: string }[] }).runs;
    const cancelled = runs.find((r) => r.kind === 'optimize' && r.state === 'cancelled')!;
    await page.goto(`${base}/funds/sample/runs/${cancelled.id}`);
    const card = page.getByRole('alert');
    await card.getByText('这个运行没有得到结果：').waitFor();
    const shown = (await card.locator('li').allTextContents()).map((t) => t.trim());
    expect(shown).toEqual(live);
    await check('plan-cancelled-zh');
    expect(app.pageErrors).toEqual([]);
    expect(axeFindings).toEqual([]);
  }, 180_000);
});
