// The start cards of the Sweep, Tender, Replay and Interest audit screens for a reader below planner (docs/web.md;
// harness.ts): the API refuses a start below planner, so each card says who may start instead of the form, and still
// lists the earlier runs. The sample fund's administrator makes a viewer and runs one optimize (Replay's start card
// offers a done optimize run as the plan carried out); the viewer signs in with a name and password in a page of its own.
// That optimize run opened on the Tender, Replay and Interest audit run pages is not of their kind. axe-core on each
// card and page, no page errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type WebApp, apiWrite, seriousAxeViolations, startWebApp } from './harness';

const VIEWER = { name: 'viewer.start', password: 'viewer-start-password' };

describe('the start cards for a viewer in Chromium', () => {
  let app: WebApp;
  let viewer: Page;
  let optimizeRunId: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    app = await startWebApp();
  }, 240_000);
  afterAll(async () => app?.close(), 60_000);

  it('a viewer of the sample fund signs in, with a done optimize run in the fund', async () => {
    const { page, base, token } = app;
    await page.goto(`${base}/api/login?token=${token}`);
    await page.waitForURL(`${base}/funds/sample`);
    expect((await apiWrite(page, base, '/api/users', VIEWER)).status).toBe(201);
    const session = (await (await page.request.get(`${base}/api/session`)).json()) as { csrfToken: string };
    const granted = await page.request.put(`${base}/api/funds/sample/members/${VIEWER.name}`, { data: { role: 'viewer' }, headers: { 'x-csrf-token': session.csrfToken, origin: base } });
    expect(granted.status()).toBe(200);
    const scenarios = ((await (await page.request.get(`${base}/api/funds/sample/scenarios`)).json()) as { scenarios: { latestVersionId: string }[] }).scenarios;
    const created = await apiWrite(page, base, '/api/funds/sample/runs', { kind: 'optimize', scenario: { scenarioVersion: scenarios[0]!.latestVersionId }, options: { paths: 200, planningPaths: 300 } });
    expect(created.status).toBe(202);
    optimizeRunId = (created.json as { run: { id: string } }).run.id;
    await expect.poll(async () => ((await (await page.request.get(`${base}/api/funds/sample/runs/${optimizeRunId}`)).json()) as { state: string }).state, { timeout: 180_000, interval: 500 }).toBe('done');

    viewer = await app.browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    viewer.on('pageerror', (e) => pageErrors.push(e.message));
    const signedIn = await viewer.request.post(`${base}/api/session`, { data: VIEWER, headers: { origin: base } });
    expect(signedIn.status()).toBe(200);
  }, 240_000);

  const cards = [
    { screen: 'sweeps', name: 'sweep', title: '开始扫描', note: '只有规划员以上角色可以开始扫描。', earlier: '以前的扫描', none: '还没有扫描。' },
    { screen: 'tender', name: 'tender', title: '开始招标分配', note: '只有规划员以上角色可以开始招标分配。', earlier: '以前的招标分配', none: '还没有招标分配。' },
    { screen: 'replay', name: 'replay', title: '开始复盘', note: '只有规划员以上角色可以开始复盘。', earlier: '以前的复盘', none: '还没有复盘。' },
    { screen: 'audit', name: 'audit', title: '上传结息清单', note: '只有规划员以上角色可以开始利息复核。', earlier: '以前的利息复核', none: '还没有利息复核。' },
  ];
  for (const card of cards) {
    it(`says on the ${card.name} start card who may start, with no form, and that there is no earlier run`, async () => {
      const { base } = app;
      await viewer.goto(`${base}/funds/sample/${card.screen}`);
      const start = viewer.getByTestId(`${card.name}-start`);
      await start.getByRole('heading', { name: card.title }).waitFor();
      await start.getByText(card.note, { exact: true }).waitFor();
      expect(await start.locator('form').count()).toBe(0);
      expect(await start.getByRole('button').count()).toBe(0);
      const list = viewer.getByRole('region', { name: card.earlier });
      expect((await list.locator('p').textContent())?.trim()).toBe(card.none);
      expect(await seriousAxeViolations(viewer)).toEqual([]);
    });
  }

  // The run pages share their states (ui/RunView.tsx): a run of another kind, here the done optimize run, is named so.
  const runPages = [
    { screen: 'tender', notKind: '这个运行不是招标分配。' },
    { screen: 'replay', notKind: '这个运行不是复盘。' },
    { screen: 'audit', notKind: '这个运行不是利息复核。' },
  ];
  for (const runPage of runPages) {
    it(`says on the ${runPage.screen} run page that an optimize run is not of its kind, with no run panel`, async () => {
      await viewer.goto(`${app.base}/funds/sample/${runPage.screen}/${optimizeRunId}`);
      await viewer.locator('.state-empty').getByText(runPage.notKind, { exact: true }).waitFor();
      expect(await viewer.getByTestId('run-panel').count()).toBe(0);
      expect(await seriousAxeViolations(viewer)).toEqual([]);
    });
  }

  it('shows a viewer the plan to replay and what it covers, only the form left out, and nothing failed on the pages', async () => {
    const start = viewer.getByTestId('replay-start');
    await viewer.goto(`${app.base}/funds/sample/replay`);
    await start.getByLabel('执行过的计划').waitFor();
    await start.getByTestId('replay-coverage').waitFor();
    await start.getByText('只有规划员以上角色可以开始复盘。', { exact: true }).waitFor();
    expect(pageErrors).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });
});
