// The interest audit screen end to end in Debian's Chromium (docs/audit.md §2, docs/web.md; harness.ts): sign in, save
// examples/audit/scenario.json as a scenario of the sample fund, open "利息复核" from the fund's pages, upload a
// statement with a bad cell — refused, the file, row and column named — then the statement with the planted
// under-payment (GBK, as a finance system saves it): one day's interest missing on 1亿 of work-injury demand money,
// 100,000,000 × 92 × 0.35% / 360 = 89,444.44 owed against 91 days' 88,472.22 paid, 972.22 owed (docs/audit.md §2.3,
// packages/core/src/audit/audit.test.ts). The figures shown are checked against the run's result, the report is
// downloaded and read back, and the screen reads in English too. axe-core in both languages, no page errors.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, type WebApp, apiWrite, screenshot, seriousAxeViolations, startWebApp } from './harness';

const auditScenario = JSON.parse(readFileSync(join(ROOT, 'examples', 'audit', 'scenario.json'), 'utf8')) as unknown;

/** Row 2 pays 91 days of 92 on 1亿 at 0.35%; row 3 pays ep-fiscal's 92 days at 1.10% exactly (281,111.11). */
const PLANTED = iconv.encode(`账户,起息日,结息日,余额（元）,利率（%）,实付利息（元）
wi-fiscal,2025-03-21,2025-06-20,100000000.00,0.35,88472.22
ep-fiscal,2025-03-21,2025-06-20,100000000.00,1.10,281111.11
`, 'gbk');
const BAD = Buffer.from('账户,起息日,结息日,余额（元）,实付利息（元）\nwi-fiscal,2025-03-21,2025-06-20,100000000.00,88472.22\nep-fiscal,2025-03-21,2025-06-31,100000000.00,281111.11\n');

type Line = { row: number; account: string; interestPaid: string; owedInterest: string; difference: string; outcome: string; rule: string; formula: string };
type Result = { lines: Line[]; totals: { difference: string; underpaid: string }; differences: number };

describe('the interest audit screen in Chromium', () => {
  let app: WebApp;
  let versionId = '';
  let runId = '';
  const axeFindings: string[] = [];
  const check = async (name: string) => {
    await screenshot(app.page, name);
    for (const v of await seriousAxeViolations(app.page)) axeFindings.push(`${name}: ${v}`);
  };

  beforeAll(async () => {
    app = await startWebApp();
  }, 240_000);
  afterAll(async () => app?.close(), 60_000);

  it('opens the audit screen from the fund’s pages, with the audit scenario saved as a version to pick', async () => {
    const { page, base, token } = app;
    await page.goto(`${base}/api/login?token=${token}`);
    await page.waitForURL(`${base}/funds/sample`);
    const saved = await apiWrite(page, base, '/api/funds/sample/scenarios', { name: '利息复核示例', body: auditScenario });
    expect(saved.status).toBe(201);
    versionId = (saved.json as { version: { id: string } }).version.id;
    await page.getByRole('navigation', { name: '基金内页面' }).getByRole('link', { name: '利息复核' }).click();
    await page.waitForURL(`${base}/funds/sample/audit`);
    await page.getByRole('heading', { name: '上传结息清单' }).waitFor();
    await page.getByText('还没有利息复核。').waitFor();
    await check('audit-start');
  });

  it('refuses a statement with a day that does not exist, naming the file, the row and the column', async () => {
    const { page } = app;
    const form = page.getByTestId('audit-start');
    await form.getByLabel('复核所依据的方案版本').selectOption(versionId);
    await form.getByLabel('结息清单文件').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: BAD });
    await form.getByRole('button', { name: '开始复核' }).click();
    const refused = page.getByTestId('audit-refused');
    await refused.waitFor();
    expect((await refused.locator('li').allTextContents()).map((t) => t.trim())).toEqual(['bad.csv:3:结息日: 应为日期（如 2025-01-15、2025/1/15、2025年1月15日），实为 "2025-06-31"']);
    expect(page.url()).toBe(`${app.base}/funds/sample/audit`);
    await check('audit-refused');
  });

  it('audits the statement with the planted under-payment: 972.22 owed on row 2, shown as the run’s result has it', async () => {
    const { page, base } = app;
    const form = page.getByTestId('audit-start');
    await form.getByLabel('结息清单文件').setInputFiles({ name: '二季度结息清单.csv', mimeType: 'text/csv', buffer: PLANTED });
    await form.getByRole('button', { name: '开始复核' }).click();
    await page.waitForURL((u) => new RegExp(`^${base}/funds/sample/audit/\\d+$`).test(u.toString()));
    runId = page.url().split('/').at(-1)!;
    await page.getByTestId('audit-summary').waitFor({ timeout: 60_000 });
    const run = (await (await page.request.get(`${base}/api/funds/sample/runs/${runId}`)).json()) as { state: string; result: Result };
    expect(run.state).toBe('done');
    const r = run.result;
    // The run's own figures are the hand-computed ones.
    const planted = r.lines.find((l) => l.row === 2)!;
    expect([planted.account, planted.owedInterest, planted.interestPaid, planted.difference, planted.outcome, r.totals.difference, r.differences]).toEqual(['wi-fiscal', '89444.44', '88472.22', '972.22', 'underpaid', '972.22', 1]);

    expect(await page.getByTestId('audit-owed').textContent()).toBe('972.22 元（0.10 万元）');
    expect(await page.getByTestId('audit-summary').getByText('二季度结息清单.csv 共 2 行，1 行有差异。').count()).toBe(1);
    const table = page.getByTestId('audit-differences');
    expect((await table.locator('thead th').allTextContents()).map((t) => t.trim())).toEqual(['行', '账户', '计息期间（含首尾日）', '实付（元）', '复核应付（元）', '应补（元）', '适用规则与依据', '说明']);
    expect(await table.locator('tbody tr').count()).toBe(1);
    const row = table.locator('tbody tr[data-row="2"]');
    expect((await row.locator('td, th').allTextContents()).map((t) => t.trim())).toEqual([
      '2',
      '中国建设银行示例县支行的工伤保险基金财政专户',
      '2025-03-21 至 2025-06-20，92 天',
      '88,472.22',
      '89,444.44',
      '972.22少付',
      `账户协议利率（复核利率 0.35%）存款协议（情景 accounts[].contractRates）${planted.formula}`,
      // The bank printed the right balance and rate but paid for a day less: its own figures give what is owed.
      '按银行自列积数与利率应为 89,444.44 元，实付 88,472.22 元',
    ]);
    expect(await table.getByTestId('audit-total').textContent()).toBe('972.22');
    await page.getByText('另有 1 行相符。').waitFor();
    await check('audit');
  }, 120_000);

  it('downloads the report the bureau sends to the bank, with the 972.22 owed', async () => {
    const { page } = app;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-xlsx').click()]);
    expect(download.suggestedFilename()).toBe(`fundladder-run-${runId}-audit.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync((await download.path())!) as unknown as ExcelJS.Buffer);
    const rows: unknown[][] = [];
    book.getWorksheet('利息复核')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const planted = rows.find((row) => row[0] === '2')!;
    expect(planted.slice(9, 13)).toEqual([89444.44, 88472.22, 972.22, '少付']);
    expect(rows.find((row) => row[1] === '合计 total')?.[11]).toBe(972.22);
  });

  it('reads in English too, and nothing failed on the page', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: `Interest audit #${runId}` }).waitFor();
    expect(await page.getByTestId('audit-owed').textContent()).toBe('CNY 972.22 (0.10 万元)');
    const heads = (await page.getByTestId('audit-differences').locator('thead th').allTextContents()).map((t) => t.trim());
    expect(heads).toEqual(['Row', 'Account', 'Period (both days counted)', 'Paid (yuan)', 'Recomputed (yuan)', 'Owed to the fund (yuan)', 'Rule applied and source', 'Notes']);
    expect((await page.getByTestId('audit-differences').locator('tbody tr th').textContent())?.trim()).toBe('the work injury fiscal special account at 中国建设银行示例县支行');
    await check('audit-en');
    await page.getByRole('button', { name: '中文' }).click();
    expect(axeFindings).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });
});
