// The exports a finance bureau attaches to a rollover request (docs/exports.md), built from the sample scenario with
// small path counts. Every expected figure is read from the app layer's results (the exact ledger), never typed in.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Decimal, dec, sum } from '@fundladder/core';
import { execute } from '@fundladder/app';
import { type ExportInput, SHEET_NAMES, buildReportHtml, buildWorkbook, exportInputFor, renderPdf } from './index';
import { INTEREST_EARNED_LABEL } from './workbook';
import { MONEY_FORMAT, wan } from './format';

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');
const sample = JSON.parse(readFileSync(join(ROOT, 'examples/county-fund/scenario.json'), 'utf8')) as unknown;
// A scenario name with every character HTML must escape, to prove the report escapes it.
const META = { fundName: '示例县社会保险基金', scenarioName: '示例县 2026 续存 <草案> & "复核"', scenarioVersion: '7', runId: 'run-export-0001', codeVersion: '0.1.0+export-test' };

let input: ExportInput;
let workbook: ExcelJS.Workbook;

beforeAll(async () => {
  const built = await exportInputFor(sample, META, { paths: 200, planningPaths: 300, seed: 7 });
  if (!built.ok) throw new Error(`exportInputFor failed: ${JSON.stringify(built.issues)}`);
  input = built.value;
  workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await buildWorkbook(input)) as unknown as ArrayBuffer);
}, 180_000);

/** The cell to the right of the first cell in column A reading `label`. */
function valueBeside(ws: ExcelJS.Worksheet, label: string): ExcelJS.Cell {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(1).value === label) return ws.getRow(r).getCell(2);
  throw new Error(`no row labelled ${label} in ${ws.name}`);
}

describe('exportInputFor', () => {
  it('assembles the run’s optimize result with a plan, a forecast over the plan’s horizon with 80% and 95% bands, the scenario and the meta', () => {
    expect(input.runId).toBe(META.runId);
    expect(input.optimize.status).toBe('optimal');
    expect(input.forecast.periods).toHaveLength(input.optimize.scenario.horizonMonths);
    expect(input.forecast.levels).toEqual(expect.arrayContaining([80, 95]));
    expect(input.scenario.banks.length).toBeGreaterThan(0);
  });

  it('returns the jobs’ issues for a bad scenario instead of throwing', async () => {
    const bad = await exportInputFor({ ...(sample as object), horizonMonths: -1 }, META);
    expect(bad.ok).toBe(false);
  });
});

describe('buildWorkbook', () => {
  it('has the eight sheets, each with the run id, scenario version and code version in its first row and its headers frozen', () => {
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual([...SHEET_NAMES]);
    for (const ws of workbook.worksheets) {
      const first = ws.getRow(1).values as unknown[];
      expect(first).toEqual(expect.arrayContaining([META.runId, META.scenarioVersion, META.codeVersion]));
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    }
  });

  it("the plan's interest is the exact ledger's interest earned to the fen, and evaluating the plan again gives the same figure", async () => {
    // 来源: the ledger's summary of the optimized plan (optimize.evaluation.totals.interestEarned), and runEvaluate of
    // the same plan on the scenario's own flows (an independent ledger run through the application layer; the plan
    // file as `fundladder optimize --out` writes it).
    const ledger = input.optimize.evaluation.totals.interestEarned;
    const again = await execute({ kind: 'evaluate', scenario: sample, plan: { schemaVersion: 1, ...input.optimize.plan } });
    if (!again.ok || again.value.kind !== 'evaluate') throw new Error(`evaluate failed: ${JSON.stringify(again.ok ? again.value.kind : again.issues)}`);
    expect(again.value.evaluation.interest.toFixed(2)).toBe(ledger.toFixed(2));

    const cell = valueBeside(workbook.getWorksheet('指标')!, INTEREST_EARNED_LABEL);
    expect(cell.numFmt).toBe(MONEY_FORMAT);
    expect(typeof cell.value).toBe('number');
    expect(new Decimal(String(cell.value)).toFixed(2)).toBe(ledger.toFixed(2));
  });

  it('a bank’s next-quarter allocation is the sum of its placements in the plan, to the fen', () => {
    // 来源: the optimized plan's placements (optimize.plan) in the next quarter's months (optimize.rollover.months).
    const months = new Set(input.optimize.rollover.months);
    const bank = input.scenario.banks.find((b) => input.optimize.plan.placements.some((p) => p.bankId === b.id && months.has(p.month)))!;
    const expected = sum(input.optimize.plan.placements.filter((p) => p.bankId === bank.id && months.has(p.month)).map((p) => dec(p.amount)));
    const cell = valueBeside(workbook.getWorksheet('分存方案')!, bank.name);
    const row = cell.worksheet.getRow(Number(cell.row));
    expect(row.getCell(3).numFmt).toBe(MONEY_FORMAT);
    expect(new Decimal(String(row.getCell(3).value)).toFixed(2)).toBe(expected.toFixed(2));
  });

  it('the monthly ledger sheet holds every month of the ledger, money cells to the fen', () => {
    // 来源: optimize.evaluation.months (the exact ledger by month).
    const ws = workbook.getWorksheet('分月台账')!;
    input.optimize.evaluation.months.forEach((m, i) => {
      const row = ws.getRow(3 + i);
      expect(row.getCell(1).value).toBe(m.month);
      expect(new Decimal(String(row.getCell(12).value)).toFixed(2)).toBe(m.closingTotal.toFixed(2));
    });
  });
});

describe('buildReportHtml', () => {
  it('states the risk before the reward, in 万元 from the ledger, with both charts as inline SVG', () => {
    const html = buildReportHtml(input);
    const risk = html.indexOf('支付风险');
    const reward = html.indexOf(`${wan(input.optimize.interest)} 万元`);
    expect(risk).toBeGreaterThan(0);
    expect(reward).toBeGreaterThan(risk);
    expect(html.match(/<svg[\s>]/g)).toHaveLength(2);
    expect(html).toContain('储备要求');
  });

  it('escapes every text it puts into the HTML', () => {
    const html = buildReportHtml(input);
    expect(html).toContain('示例县 2026 续存 &lt;草案&gt; &amp; &quot;复核&quot;');
    expect(html).not.toContain('<草案>');
  });
});

describe('renderPdf', () => {
  it("prints the run id on every page and the plan's interest in 万元 as the report formats it (pdftotext)", async () => {
    const pdf = await renderPdf(buildReportHtml(input));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString('utf8');
    const pages = text.split('\f').filter((page) => page.trim() !== '');
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(page).toContain(META.runId);
    // 来源: optimize.interest, the exact ledger's interest earned, formatted as the report formats every 万元 figure.
    expect(text).toContain(wan(input.optimize.interest));
    expect(text).toContain('样本外');
  });
});
