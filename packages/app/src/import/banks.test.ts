import { describe, expect, it } from 'vitest';
import { readBanks, readQuotes } from './banks';
import { formatImportIssue } from './messages';
import { readTable } from './readTable';
import { type FixtureCell, xlsxOf } from './testXlsx';
import type { IsoDate } from '@fundladder/core';

async function table(rows: FixtureCell[][], sheet = '银行报价') {
  const r = await readTable({ bytes: await xlsxOf({ 说明: [['本表为示例']], [sheet]: rows }), file: 'banks.xlsx' }, ['报价']);
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('; '));
  return r.value;
}
const messages = (r: { ok: boolean; issues?: Parameters<typeof formatImportIssue>[0][] }) => (r.ok ? [] : r.issues!.map((i) => formatImportIssue(i, 'en')));
const asOf = '2025-12-31' as IsoDate;

// Rates: the big banks' listed rates after the 2025-05-20 cut (docs/domain.md §6.2 [R16][R17]); the banks are the sample county's.
const BANK_SHEET: FixtureCell[][] = [
  ['2025年存放银行及报价', null, null, null, null, null],
  ['金额单位：亿元', null, null, null, null, null],
  ['银行名称', '银行类型', '一般性存款', '生效日期', '协定存款（%）', '3个月（%）', '1年（%）', '大额存单3年（%）'],
  ['中国工商银行示例县支行', null, 95, new Date(Date.UTC(2025, 4, 20)), 0.5, 0.65, 0.95, 1.55],
  ['示例县农村商业银行', '', '12.5', '2025-05-20', '0.6', '0.9', '1.2', null],
  ['示例市商业银行', '城商行', '18', '2025年5月20日', '0.55', '0.8', '1.1', '1.6'],
];

describe('readBanks: banks with their quotes as columns, from a workbook', () => {
  it('reads names, types (from the name where it tells), 亿元 deposits and percent quotes', async () => {
    const r = readBanks(await table(BANK_SHEET), { defaultEffectiveFrom: asOf });
    expect(messages(r)).toEqual([]);
    if (!r.ok) return;
    expect(r.value.map((b) => [b.id, b.type, b.localGeneralDeposits.toFixed(2), b.quotes!.length])).toEqual([
      ['icbc', 'stateOwned', '9500000000.00', 4],
      ['rcb', 'ruralCommercial', '1250000000.00', 3],
      ['bank1', 'cityCommercial', '1800000000.00', 4],
    ]);
    expect(r.value[0]!.quotes!.map((q) => [q.product, q.termMonths, q.annualRate.toFixed(), q.effectiveFrom])).toEqual([
      ['agreedDeposit', undefined, '0.005', '2025-05-20'],
      ['timeDeposit', 3, '0.0065', '2025-05-20'],
      ['timeDeposit', 12, '0.0095', '2025-05-20'],
      ['largeCd', 36, '0.0155', '2025-05-20'],
    ]);
  });
  it('keeps the id of a scenario bank of the same name', async () => {
    const r = readBanks(await table(BANK_SHEET), { banks: [{ id: 'scb', name: '示例市商业银行' }] });
    expect(r.ok && r.value.map((b) => b.id)).toEqual(['icbc', 'rcb', 'scb']);
  });
  it('refuses a city bank without a type, a rate column that declares no unit, an implausible rate', async () => {
    const rows: FixtureCell[][] = [
      ['银行名称', '一般性存款（万元）', '1年', '3年（%）'],
      ['示例市商业银行', '180,000', '1.1', '21'],
    ];
    expect(messages(readBanks(await table(rows), { defaultEffectiveFrom: asOf }))).toEqual([
      'banks.xlsx#银行报价:1年: no rate unit declared for this column: write the header as 利率（%） or rate (%), put % after each rate, or name the column annualRate for fractions',
      'banks.xlsx#银行报价:2:银行类型/type: expected a bank type: 国有, 股份制, 城商行, 农商行, 邮储, 政策性, 外资, 其他 or an id like stateOwned, the cell is empty',
      'banks.xlsx#银行报价:2:3年（%）: a rate of "21" is 21.00% a year: write percentages with % (1.35%) or declare the column in % (利率（%）)',
    ]);
  });
  it('reads percent-formatted workbook cells as the fractions they hold', async () => {
    const rows: FixtureCell[][] = [
      ['银行名称', '一般性存款（亿元）', '1年'],
      ['中国建设银行示例县支行', 80, { value: 0.0095, numFmt: '0.00%' }],
    ];
    const r = readBanks(await table(rows), { defaultEffectiveFrom: asOf });
    expect(r.ok && r.value[0]!.quotes!.map((q) => q.annualRate.toFixed())).toEqual(['0.0095']);
    expect(r.notes.map((n) => formatImportIssue(n, 'en'))).toContain('banks.xlsx#银行报价:生效日期/effectiveFrom: not given: took 2025-12-31');
  });
});

describe('readQuotes: a long quote sheet', () => {
  const banks = [{ id: 'icbc', name: '中国工商银行示例县支行' }, { id: 'bank1', name: '示例市商业银行' }];
  it('finds each bank by short name and reads product, term and rate', async () => {
    const rows: FixtureCell[][] = [
      ['银行', '产品', '期限', '利率（%）', '生效日期'],
      ['工商银行', '定期', '1年', 0.95, '2025-05-20'],
      ['工商银行', '7天通知存款', null, '0.30', '2025-05-20'],
      ['示例市商业银行', '大额存单', '三年', '1.60%', '2025-05-20'],
    ];
    const r = readQuotes(await table(rows, '报价'), { banks });
    expect(messages(r)).toEqual([]);
    expect(r.ok && [...r.value].map(([id, qs]) => [id, qs.map((q) => `${q.product}/${q.termMonths ?? '-'}/${q.annualRate.toFixed()}`)])).toEqual([
      ['icbc', ['timeDeposit/12/0.0095', 'callDeposit7d/-/0.003']],
      ['bank1', ['largeCd/36/0.016']],
    ]);
  });
  it('names an unknown bank, a bad product and a bad term', async () => {
    const rows: FixtureCell[][] = [
      ['银行', '产品', '期限', '利率（%）', '生效日期'],
      ['招商银行', '定期', '1年', 1, '2025-05-20'],
      ['工商银行', '理财', '1年', 1, '2025-05-20'],
      ['工商银行', '定期', '十五年半', 1, '2025-05-20'],
    ];
    expect(messages(readQuotes(await table(rows, '报价'), { banks }))).toEqual([
      'banks.xlsx#报价:2:银行: no bank "招商银行": expected a bank in the banks table or the scenario (by name or id)',
      'banks.xlsx#报价:3:产品: expected a product: 活期, 协定存款, 1天通知, 7天通知, 定期, 大额存单, 国债, or an id like timeDeposit, got "理财"',
      'banks.xlsx#报价:4:期限: expected a term like 3个月, 1年 or 三年, got "十五年半"',
    ]);
  });
});

describe('reading workbooks', () => {
  it('refuses an .xls of Excel 97–2003, a sheet that is not there and a file that is no workbook', async () => {
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const a = await readTable({ bytes: xls, file: 'rates.xls' });
    const b = await readTable({ bytes: await xlsxOf({ 报价: [['x']] }), file: 'rates.xlsx', sheet: '银行' });
    const c = await readTable({ bytes: new TextEncoder().encode('not a zip'), file: 'rates.xlsx' });
    expect([a, b, c].map((r) => (r.ok ? '' : formatImportIssue(r.issues[0]!, 'en')))).toEqual([
      'rates.xls: an .xls (Excel 97–2003) workbook: save it as .xlsx or CSV',
      'rates.xlsx: no sheet "银行"; the workbook has: 报价',
      'rates.xlsx: not a readable .xlsx workbook: not a zip archive',
    ]);
  });
});
