// The interest-audit job on the example statement (examples/audit): read from GBK and from a workbook, every line
// recomputed by hand in the comments (来源: docs/domain.md §2.1 statutory floors, §5.1 F1/F2/F5, §5.3 E1), the bad rows
// named by file, row and column, the report's workbook and page, the wire round trip.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import scenario from '../../../../examples/audit/scenario.json' with { type: 'json' };
import { readTable } from '../import/readTable';
import { xlsxOf } from '../import/testXlsx';
import { formatImportIssue } from '../import/messages';
import { namesOf } from '../messages/names';
import { decodeResult, encodeResult, execute } from '../execute';
import { type StatementRecord, readStatement, statementOf } from './auditInterestTable';
import { type AuditInterestResult, auditInterestResult, runAuditInterest } from './auditInterest';
import { auditReportHtml, auditReportXlsx } from './auditInterestReport';

/** examples/audit/statement.csv, saved in GBK as a Chinese finance system would (this package reads no file). */
const gbk = iconv.encode(`# 2025 年第二季度活期结息清单（示例）。金额单位：元；利率单位：%。起息日与结息日均计入。
账户,起息日,结息日,余额（元）,积数（元）,利率（%）,实付利息（元）
ep-fiscal,2025-03-21,2025-06-20,100000000.00,,1.10,278055.56
wi-fiscal,2025-03-21,2025-06-20,,1022000000.00,0.35,9936.11
ep-expenditure,2025-03-21,2025-06-20,20000000.00,,0.65,33222.22
`, 'gbk');

async function statement(bytes: Uint8Array, file: string): Promise<StatementRecord[]> {
  const table = await readTable({ bytes, file });
  if (!table.ok) throw new Error(JSON.stringify(table.issues));
  const read = readStatement(table.value);
  if (!read.ok) throw new Error(read.issues.map((i) => formatImportIssue(i, 'en')).join('\n'));
  return read.value;
}

const wire = (lines: readonly StatementRecord[]) => lines.map((l) => ({ account: l.account, firstDay: l.firstDay, lastDay: l.lastDay, ...(l.balance ? { balance: l.balance.toFixed(2) } : {}), ...(l.balanceDays ? { balanceDays: l.balanceDays.toFixed(2) } : {}), ...(l.annualRate ? { annualRate: l.annualRate.toFixed() } : {}), interestPaid: l.interestPaid.toFixed(2), row: l.row }));

async function audit(lines: readonly StatementRecord[], file = 'statement-gbk.csv'): Promise<AuditInterestResult> {
  const r = await runAuditInterest({ kind: 'auditInterest', scenario, statement: { file, lines: wire(lines) } });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

describe('runAuditInterest on the example statement (GBK CSV)', () => {
  it('finds the planted one-day under-payment on 1亿 of pension demand money, and the statutory shortfall of the 支出户', async () => {
    const lines = await statement(gbk, 'statement-gbk.csv');
    expect(lines.map((l) => [l.account, l.row])).toEqual([['ep-fiscal', 3], ['wi-fiscal', 4], ['ep-expenditure', 5]]);
    const r = await audit(lines);
    const [fiscal, injury, expenditure] = r.lines;
    // Row 3: ep-fiscal at ICBC, 1亿 held 2025-03-21…06-20 = 92 days, contract 1.10% = the pension floor [R3].
    // Owed 100,000,000 × 92 × 1.10% / 360 = 101,200,000 / 360 = 281,111.111… → 281,111.11. The bank paid for 91 days:
    // 100,100,000 / 360 = 278,055.56. Owed to the fund: 3,055.55 (one day, 3,055.555…, less the fen the two roundings take).
    expect([fiscal!.row, fiscal!.owedInterest.toFixed(2), fiscal!.difference.toFixed(2), fiscal!.outcome, fiscal!.rule]).toEqual([3, '281111.11', '3055.55', 'underpaid', 'contractRate']);
    // Row 4: wi-fiscal, E1's 积数 1,022,000,000 at 0.35% (unit-deposit rules [R5]) = 9,936.11, as paid.
    expect([injury!.owedInterest.toFixed(2), injury!.outcome]).toEqual(['9936.11', 'match']);
    // Row 5: ep-expenditure at CCB, 20,000,000 × 92 = 1,840,000,000 积数. By the contract 0.65%: 11,960,000 / 360 =
    // 33,222.22, as paid. The pension floor 1.10% [R3] gives 20,240,000 / 360 = 56,222.22: 23,000.00 owed by the statute.
    expect([expenditure!.contractInterest.toFixed(2), expenditure!.owedInterest.toFixed(2), expenditure!.difference.toFixed(2), expenditure!.contractDifference.toFixed(2), expenditure!.rule]).toEqual(['33222.22', '56222.22', '23000.00', '0.00', 'pensionDemandAtThreeMonth']);
    // Totals: 3,055.55 + 23,000.00 = 26,055.55 owed; two lines differ.
    expect([r.totals.difference.toFixed(2), r.totals.underpaid.toFixed(2), r.totals.overpaid.toFixed(2), r.differences]).toEqual(['26055.55', '26055.55', '0.00', 2]);
  });

  it('reads the same statement from a workbook, rates in a percent-formatted column', async () => {
    const bytes = await xlsxOf({
      结息清单: [
        ['账户', '起息日', '结息日', '余额（元）', '利率', '实付利息（元）'],
        ['ep-fiscal', new Date(Date.UTC(2025, 2, 21)), new Date(Date.UTC(2025, 5, 20)), 100000000, { value: 0.011, numFmt: '0.00%' }, 278055.56],
      ],
    });
    const r = await audit(await statement(bytes, 'statement.xlsx'), 'statement.xlsx');
    expect([r.lines[0]!.row, r.lines[0]!.difference.toFixed(2), r.lines[0]!.statedRate?.toString()]).toEqual([2, '3055.55', '0.011']);
  });
});

describe('statementOf: the request the CLI and the API build from the lines read', () => {
  it('names the file (file#sheet for a workbook) and its digest, and sends each line in yuan to the fen with its row', async () => {
    const lines = await statement(gbk, 'statement-gbk.csv');
    const sha256 = 'ab'.repeat(32);
    expect(statementOf({ file: 'statement-gbk.csv' }, lines, sha256)).toEqual({ file: 'statement-gbk.csv', sha256, lines: wire(lines) });
    expect(statementOf({ file: 'q2.xlsx', sheet: '结息清单' }, lines).file).toBe('q2.xlsx#结息清单');
    expect(statementOf({ file: 'q2.csv' }, lines).lines[1]).toEqual({ account: 'wi-fiscal', firstDay: '2025-03-21', lastDay: '2025-06-20', balanceDays: '1022000000.00', annualRate: '0.0035', interestPaid: '9936.11', row: 4 });
  });

  it('a digest that is not sha256 hex is refused at its path', async () => {
    const r = await runAuditInterest({ kind: 'auditInterest', scenario, statement: { ...statementOf({ file: 'q2.csv' }, await statement(gbk, 'q2.csv')), sha256: 'xyz' } });
    expect(r.ok === false && r.issues.map((i) => i.path)).toEqual([['statement', 'sha256']]);
  });
});

describe('bad statements are refused, naming the file, the row and the column', () => {
  it('a day that does not exist, a negative interest, a rate without its unit: every cell at once', async () => {
    const csv = '账户,起息日,结息日,余额（元）,利率,实付利息（元）\nep-fiscal,2025-02-30,2025-06-20,100000000,1.10,278055.56\nwi-fiscal,2025-03-21,2025-06-20,12000000,0.35%,-5\n';
    const table = await readTable({ bytes: iconv.encode(csv, 'gbk'), file: 'bad.csv' });
    expect(table.ok).toBe(true);
    if (!table.ok) return;
    const read = readStatement(table.value);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.issues.map((i) => formatImportIssue(i, 'zh'))).toEqual([
      'bad.csv:利率: 没有声明利率单位：请在表头写明"利率（%）"，或在每个利率后加 %；小数形式的利率请用列名 annualRate',
      'bad.csv:2:起息日: 应为日期（如 2025-01-15、2025/1/15、2025年1月15日），实为 "2025-02-30"',
      'bad.csv:3:实付利息（元）: 金额不能为负，实为 "-5"',
    ]);
  });

  it('an account the scenario does not have is named by its row; nothing is audited', async () => {
    const r = await runAuditInterest({ kind: 'auditInterest', scenario, statement: { file: 'q2.csv', lines: [{ account: 'ep-fisc', firstDay: '2025-03-21', lastDay: '2025-06-20', balance: '1.00', interestPaid: '0.00', row: 7 }] } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.path, i.code, i.rule, i.received])).toEqual([[['q2.csv', 7, 'account'], 'unknown_reference', 'knownAccount', 'ep-fisc']]);
  });

  it('a request with a rate typed as a percentage or an unknown key names the line’s row', async () => {
    const r = await runAuditInterest({ kind: 'auditInterest', scenario, statement: { file: 'q2.csv', lines: [{ account: 'ep-fiscal', firstDay: '2025-03-21', lastDay: '2025-06-20', balance: '1.00', annualRate: '1.10', interestPaid: '0.00', row: 4, rate: '1' } as never] } });
    expect(r.ok === false && r.issues.map((i) => [i.path, i.code])).toEqual([[['q2.csv', 4, 'annualRate'], 'custom'], [['q2.csv', 4, 'rate'], 'unknown_key']]);
  });
});

describe('the report the bureau sends to the bank', () => {
  it('the workbook lists every line with its rule, the subtotals by bank and the total owed, to the fen', async () => {
    const r = await audit(await statement(gbk, 'statement-gbk.csv'));
    const bytes = await auditReportXlsx(r, namesOf(scenario, 'zh'), { preparedOn: '2025-07-05' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const sheet = book.getWorksheet('利息复核')!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const fiscal = rows.find((row) => row[1] === '中国工商银行示例县支行的企业职工基本养老保险基金财政专户')!;
    expect(fiscal.slice(9, 13)).toEqual([281111.11, 278055.56, 3055.55, '少付']);
    const expenditure = rows.find((row) => String(row[1]).endsWith('支出户'))!;
    expect([expenditure[7], expenditure[8], expenditure[11]]).toEqual(['养老基金活期按三个月定期利率计息', '银发〔1997〕567号 [R3]', 23000]);
    const subtotals = rows.filter((row) => String(row[1]).startsWith('小计')).map((row) => row[11]);
    expect(subtotals).toEqual([3055.55, 23000]);
    expect(rows.find((row) => row[1] === '合计 total')?.[11]).toBe(26055.55);
    expect(book.getWorksheet('说明')).toBeDefined();
  });

  it('the printable page says what is owed in both languages, one section per bank', async () => {
    const r = await audit(await statement(gbk, 'statement-gbk.csv'));
    const html = auditReportHtml(r, namesOf(scenario, 'zh'), { preparedOn: '2025-07-05' });
    expect(html).toContain('应补利息合计 <b>26,055.55 元</b>');
    expect(html).toContain('Net interest owed to the fund: <b>26,055.55 yuan</b>');
    expect(html.match(/<section>/g)?.length).toBe(2);
    expect(html).toContain('9200000000 × 1.10% / 360');
    expect(html).toContain('协议利率 0.65% 低于法定 1.10%');
    expect(html).not.toMatch(/undefined|NaN|<script/);
  });
});

describe('the audit result on the wire', () => {
  it('encode → JSON → decode gives the result back; execute runs it by its kind', async () => {
    const r = await audit(await statement(gbk, 'statement-gbk.csv'));
    const json = JSON.parse(JSON.stringify(auditInterestResult.encode(r)));
    expect(json.lines[0].difference).toBe('3055.55');
    expect(auditInterestResult.decode(json)).toEqual(r);
    const run = await execute({ kind: 'auditInterest', scenario, statement: { lines: wire(await statement(gbk, 'x.csv')) } });
    if (!run.ok) throw new Error(JSON.stringify(run.issues));
    expect(decodeResult(JSON.parse(JSON.stringify(encodeResult(run.value))))).toEqual({ ok: true, value: run.value });
  });
});
