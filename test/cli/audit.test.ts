// `fundladder audit-interest` on the example statement (examples/audit, saved in GBK as finance systems save it): the
// planted under-payment of one day's interest on 1亿 of pension demand money is found to the fen, the report is
// written, bad rows are named by file, row and column (来源 of the figures: docs/domain.md §2.1, §5.1 F2/F5; the hand
// computation is in packages/app/src/jobs/auditInterest.test.ts and docs/audit.md).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { CliIo } from '../../apps/cli/src/io';
import { COMMANDS } from '../../apps/cli/src/main';
import { ROOT, runCli } from './harness';

const STATEMENT = 'examples/audit/statement-gbk.csv';
const SCENARIO = 'examples/audit/scenario.json';

describe('fundladder audit-interest', () => {
  it('finds the one-day under-payment on 1亿 (100,000,000 × 92 × 1.10% / 360 = 281,111.11 owed, 278,055.56 paid) and exits 1', async () => {
    const r = await runCli(['audit-interest', STATEMENT, '--scenario', SCENARIO], 'zh');
    expect(r.code).toBe(1);
    expect(r.out).toContain('3 行，2 行有差异；应补利息合计 26,055.55 元');
    expect(r.out).toMatch(/中国工商银行示例县支行的企业职工基本养老保险基金财政专户 .* 281,111\.11 +278,055\.56 +3,055\.55 +少付/);
    expect(r.out).toContain('9200000000 × 1.10% / 360 = 281,111.11');
    expect(r.out).toContain('协议利率 0.65% 低于法定 1.10%（养老基金活期按三个月定期利率计息），按法定利率复核');
  });

  it('--json gives the wire form: each difference with its rule and row', async () => {
    const r = await runCli(['audit-interest', STATEMENT, '--scenario', SCENARIO, '--json']);
    const json = JSON.parse(r.out);
    expect(json.lines.map((l: { row: number; difference: string; rule: string; outcome: string }) => [l.row, l.difference, l.rule, l.outcome])).toEqual([
      [3, '3055.55', 'contractRate', 'underpaid'],
      [4, '0.00', 'contractRate', 'match'],
      [5, '23000.00', 'pensionDemandAtThreeMonth', 'underpaid'],
    ]);
    expect(json.totals.difference).toBe('26055.55');
  });

  it('writes the report for the bank: the workbook (read back) and the printable page', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fl-audit-'));
    let out = '';
    const written = new Map<string, string | Uint8Array>();
    const io: CliIo & { writeBytes(p: string, b: Uint8Array): void } = {
      out: (t) => void (out += t),
      err: () => undefined,
      readText: (p) => readFileSync(resolve(ROOT, p), 'utf8'),
      readBytes: (p) => readFileSync(resolve(ROOT, p)),
      writeText: (p, t) => void written.set(p, t),
      writeBytes: (p, b) => void written.set(p, b),
      lang: 'en',
      isTty: false,
    };
    const xlsx = join(dir, 'audit.xlsx');
    const html = join(dir, 'audit.html');
    const code = await COMMANDS['audit-interest']!.run([STATEMENT, '--scenario', SCENARIO, '--xlsx', xlsx, '--html', html, '--date', '2025-07-05'], io);
    expect(code).toBe(1);
    expect(out).toContain('net owed to the fund 26,055.55 yuan');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(written.get(xlsx) as Uint8Array) as unknown as ExcelJS.Buffer);
    const totals: unknown[] = [];
    book.getWorksheet('利息复核')!.eachRow((row) => {
      if (row.getCell(2).value === '合计 total') totals.push(row.getCell(10).value, row.getCell(11).value, row.getCell(12).value);
    });
    expect(totals).toEqual([347269.44, 321213.89, 26055.55]);
    const page = written.get(html) as string;
    expect(page).toContain('编制日期 <span class="en">prepared</span>：2025-07-05');
    expect(page).toContain('应补利息合计 <b>26,055.55 元</b>');
  });

  it('names a bad cell by file, row and column, and an unknown account by its row', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fl-audit-'));
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, iconv.encode('账户,起息日,结息日,余额（元）,实付利息（元）\nep-fiscal,2025-03-21,2025-06-20,一亿,278055.56\nep-fisc,2025-03-21,2025-06-20,100000000,278055.56\n', 'gbk'));
    const cell = await runCli(['audit-interest', bad, '--scenario', SCENARIO]);
    expect(cell.code).toBe(1);
    expect(cell.err).toContain(`${bad}:2:余额（元）: expected an amount like 1,234.56, got "一亿"`);
    const fixed = join(dir, 'unknown.csv');
    writeFileSync(fixed, '账户,起息日,结息日,余额（元）,实付利息（元）\nep-fisc,2025-03-21,2025-06-20,100000000,278055.56\n');
    const account = await runCli(['audit-interest', fixed, '--scenario', SCENARIO], 'zh');
    expect(account.code).toBe(1);
    expect(account.err).toContain('找不到引用的对象 `ep-fisc`（账户须在情景中）');
    expect(account.err).toContain(`位置 ${fixed}[2].account`);
  });

  it('refuses a missing --scenario and a bad --unit as usage errors', async () => {
    expect((await runCli(['audit-interest', STATEMENT])).code).toBe(2);
    const unit = await runCli(['audit-interest', STATEMENT, '--scenario', SCENARIO, '--unit', 'dollars']);
    expect([unit.code, unit.err]).toEqual([2, 'fundladder audit-interest: --unit is yuan, wan or yi (元/万元/亿元); received "dollars"\n']);
  });
});
