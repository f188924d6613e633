/**
 * Writes the import example: the files a county fund's finance system and its bank tender give, in the shapes they
 * come in, for `fundladder import` (see README.md beside this file).
 *
 * - `flows-gbk.csv`: 24 months of flows, GBK-encoded ("ANSI" in Chinese Excel), long form, a title row, amounts in
 *   万元 declared in the header, thousands separators, months written 2024年1月, fund types by their Chinese names.
 * - `budget-2026.csv`: the 2026 budget by month, UTF-8 with a BOM, wide form (a 收入 and a 支出 column per fund type),
 *   the unit in a note above the header (单位：万元).
 * - `banks.xlsx`: the eligible banks and their quotes in percent (sheet 银行及报价), a note sheet first.
 * - `accounts.csv`: one 财政专户 per fund type, balances in 万元, contract rates in %.
 *
 * Run from the repository root: `npx tsx examples/import/generate.ts`. Deterministic: a seeded PRNG, no clock. Every
 * figure is constructed, except the banks' quotes: the big banks' listed rates of 2025-05-20 (docs/domain.md §6.2).
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { mulberry32 } from '@fundladder/core';

const HERE = dirname(fileURLToPath(import.meta.url));
const random = mulberry32(20260101);
/** 万元 with two places, as a finance system prints it: "2,788.21". */
const wan = (value: number): string => value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const noise = (scale: number): number => Math.round((random() - 0.5) * 2 * scale * 100) / 100;

// Monthly 万元 levels of a county of about 200,000 people (constructed): pension raised in July and paid back to January.
const FUNDS = [
  { name: '企业职工基本养老保险基金', short: '企业职工基本养老保险基金', inflow: 2800, outflow: 2950, december: 900, july: 420 },
  { name: '失业保险基金', short: '失业', inflow: 95, outflow: 48, december: 30, july: 0 },
  { name: '工伤保险基金', short: '工伤保险基金', inflow: 62, outflow: 41, december: 15, july: 0 },
];

function flows(year: number, month: number, growth: number) {
  return FUNDS.map((f) => ({
    fund: f,
    inflow: (f.inflow + (month === 12 ? f.december : 0)) * growth + noise(f.inflow * 0.04),
    outflow: (f.outflow + (month === 7 ? f.july : 0) + (month >= 7 ? f.outflow * 0.02 : 0)) * growth + noise(f.outflow * 0.03),
  }));
}

// 1. History, GBK, long form. The short form 失业 is written in one fund's rows, as finance systems do.
const history = ['示例县社会保险基金收支月报（2024年1月—2025年12月）', '月份,险种,收入（万元）,支出（万元）'];
for (const year of [2024, 2025]) {
  for (let month = 1; month <= 12; month++) {
    for (const row of flows(year, month, year === 2025 ? 1.03 : 1)) history.push(`${year}年${month}月,${row.fund.short},"${wan(row.inflow)}","${wan(row.outflow)}"`);
  }
}
writeFileSync(join(HERE, 'flows-gbk.csv'), iconv.encode(`${history.join('\r\n')}\r\n`, 'gbk'));

// 2. The 2026 budget, UTF-8 with BOM, wide form, the unit above the header, a total row at the end.
const header = ['月份', ...FUNDS.flatMap((f) => [`${f.name}收入`, `${f.name}支出`])];
const budget = ['2026年社会保险基金预算（分月）', '单位：万元', header.join(',')];
const totals = FUNDS.flatMap(() => [0, 0]);
for (let month = 1; month <= 12; month++) {
  const cells = flows(2026, month, 1.06).flatMap((r) => [r.inflow, r.outflow]);
  cells.forEach((v, i) => (totals[i]! += Number(wan(v).replace(/,/g, ''))));
  budget.push([`2026-${String(month).padStart(2, '0')}`, ...cells.map((v) => `"${wan(v)}"`)].join(','));
}
budget.push(['合计', ...totals.map((v) => `"${wan(v)}"`)].join(','));
writeFileSync(join(HERE, 'budget-2026.csv'), `\uFEFF${budget.join('\r\n')}\r\n`);

// 3. Banks and quotes, a workbook. Listed rates of 2025-05-20 (docs/domain.md §6.2); smaller banks quote more (constructed).
const workbook = new ExcelJS.Workbook();
workbook.created = workbook.modified = new Date(Date.UTC(2026, 0, 5));
workbook.addWorksheet('说明').addRows([['本工作簿为 fundladder import 示例：银行名单与 2025-05-20 起执行的报价（年利率，%）。'], ['一般性存款为示例县辖内余额（构造数字）。']]);
const sheet = workbook.addWorksheet('银行及报价');
sheet.addRows([
  ['示例县社保基金存放银行及报价', null],
  ['金额单位：亿元；利率单位：%', null],
  ['银行名称', '银行类型', '一般性存款', '生效日期', '活期', '协定存款', '7天通知', '3个月', '6个月', '1年', '2年', '3年', '5年', '大额存单1年', '大额存单3年'],
  ['中国工商银行示例县支行', '国有', 95, new Date(Date.UTC(2025, 4, 20)), 0.05, 0.5, 0.3, 0.65, 0.85, 0.95, 1.05, 1.25, 1.3, 1.1, 1.45],
  ['中国建设银行示例县支行', '国有', 88, new Date(Date.UTC(2025, 4, 20)), 0.05, 0.5, 0.3, 0.65, 0.85, 0.95, 1.05, 1.25, 1.3, 1.1, 1.45],
  ['中国邮政储蓄银行示例县支行', '邮储', 120, new Date(Date.UTC(2025, 4, 20)), 0.05, 0.55, 0.3, 0.65, 0.86, 0.98, 1.05, 1.25, 1.3, 1.1, 1.45],
  ['兴业银行示例县支行', '股份制', 45, new Date(Date.UTC(2025, 4, 20)), 0.05, 0.75, 0.35, 0.75, 0.95, 1.1, 1.2, 1.4, 1.45, 1.2, 1.6],
  ['示例市商业银行示例县支行', '城商行', 60, new Date(Date.UTC(2025, 5, 1)), 0.05, 0.9, 0.4, 0.85, 1.05, 1.25, 1.35, 1.6, 1.65, 1.3, 1.75],
]);
sheet.getColumn(4).numFmt = 'yyyy-mm-dd';
writeFileSync(join(HERE, 'banks.xlsx'), new Uint8Array(await workbook.xlsx.writeBuffer()));

// 4. Accounts, UTF-8 with BOM. Pension demand money at the 3-month benchmark 1.10% (docs/domain.md §2.1 and §6.1).
const accounts = [
  '账户名称,账户类型,险种,开户银行,余额（万元）,协议利率（%）,结算户',
  '企业职工养老保险基金财政专户,财政专户,企业职工基本养老保险基金,工商银行,"12,003.47",1.10,是',
  '失业保险基金财政专户,财政专户,失业保险基金,建设银行,"2,400.00",0.65,是',
  '工伤保险基金财政专户,财政专户,工伤保险基金,邮储银行,"1,100.50",0.65,是',
];
writeFileSync(join(HERE, 'accounts.csv'), `\uFEFF${accounts.join('\r\n')}\r\n`);
console.log('wrote examples/import: flows-gbk.csv, budget-2026.csv, banks.xlsx, accounts.csv');
