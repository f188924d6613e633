import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readFlowRecords } from './flows';
import { formatImportIssue } from './messages';
import { readCsv } from './readCsv';
import type { FlowsOptions } from './flows';

function read(text: string, options: FlowsOptions = {}, file = 'flows.csv') {
  const table = readCsv(new TextEncoder().encode(text), { file });
  if (!table.ok) throw new Error('unreadable');
  return readFlowRecords(table.value, options);
}
const rows = (r: ReturnType<typeof read>) => (r.ok ? r.value.map((x) => [x.period, x.fundType, x.inflow.toFixed(2), x.outflow.toFixed(2)]) : r.issues.map((i) => formatImportIssue(i, 'en')));
const problems = (r: ReturnType<typeof read>, lang: 'en' | 'zh' = 'en') => (r.ok ? [] : r.issues.map((i) => formatImportIssue(i, lang)));

describe('readFlowRecords: the one flows format', () => {
  it('reads the long form under its Chinese headers, a GBK file, 万元 and 2025年1月', () => {
    const text = '示例县社会保险基金收支月报\n月份,险种,收入（万元）,支出（万元）\n2025年1月,企业职工基本养老保险基金,"2,788.21","2,944.72"\n2025年2月,企业职工基本养老保险基金,"1,234.56",987.6\n';
    const table = readCsv(iconv.encode(text, 'gbk'), { file: 'flows.csv' });
    expect(table.ok && table.value.encoding).toBe('gb18030');
    const r = table.ok ? readFlowRecords(table.value) : undefined;
    expect(rows(r!)).toEqual([
      ['2025-01', 'employeePension', '27882100.00', '29447200.00'],
      ['2025-02', 'employeePension', '12345600.00', '9876000.00'],
    ]);
  });
  it('reads the scenario spellings month|period,fundType,inflow,outflow in yuan (the names the scenario JSON uses)', () => {
    const a = read('month,fundType,inflow,outflow\n2025-01,unemployment,100.00,50.00\n');
    const b = read('period,fundType,outflow,inflow\n2025-01,unemployment,50.00,100.00\n');
    expect(rows(a)).toEqual([['2025-01', 'unemployment', '100.00', '50.00']]);
    expect(rows(b)).toEqual(rows(a));
  });
  it('reads the wide form: one 收入 and one 支出 column per fund type, 单位 above the header, a total row passed over', () => {
    const r = read('单位：万元\n月份,企业职工基本养老保险基金收入,企业职工基本养老保险基金支出,失业收入,失业支出\n2025/2,10,9,1.5,0.5\n2025/1,"1,000",900,,\n合计,1010,909,1.5,0.5\n');
    expect(rows(r)).toEqual([
      ['2025-01', 'employeePension', '10000000.00', '9000000.00'],
      ['2025-02', 'employeePension', '100000.00', '90000.00'],
      ['2025-02', 'unemployment', '15000.00', '5000.00'],
    ]);
    expect(r.notes.map((n) => formatImportIssue(n, 'en'))).toContain('flows.csv:5: skipped the total row "合计"');
  });
  it('takes a title that names one column for a title, not the header', () => {
    expect(rows(read('基金收入\n月份,险种,收入（元）,支出（元）\n2025-01,工伤,1,2\n'))).toEqual([['2025-01', 'workInjury', '1.00', '2.00']]);
  });
  it('resolves 养老 in a wide header when the scenario has one pension fund', () => {
    const text = '月份,养老收入（元）,养老支出（元）\n2025-01,1,2\n';
    expect(problems(read(text))[0]).toBe(
      'flows.csv:1:养老收入（元）: "养老" fits more than one: 企业职工基本养老保险基金 employeePension, 城乡居民基本养老保险基金 residentPension, 机关事业单位养老保险基金 publicSectorPension; write the full name',
    );
    expect(rows(read(text, { fundTypes: ['employeePension'] }))).toEqual([['2025-01', 'employeePension', '1.00', '2.00']]);
  });
  it('applies --unit to columns that declare none, and a header unit wins over it', () => {
    expect(rows(read('月份,险种,收入,支出（元）\n2025-01,工伤,1.5,3\n', { unit: 'yi' }))).toEqual([['2025-01', 'workInjury', '150000000.00', '3.00']]);
  });
  it('keeps annual periods, unknown ids and cohort columns when a forecast asks', () => {
    const r = read('period,fundType,inflow,outflow,contributors\n2010,UEBPI,"1,341,950,000,000.00",1055490000000.00,"25,707"\n', { periods: 'monthOrYear', anyFundTypeId: true, extraColumns: ['contributors'] });
    expect(r.ok && r.value.map((x) => [x.period, x.fundType, x.inflow.toFixed(2), x.extra.contributors?.toString()])).toEqual([['2010', 'UEBPI', '1341950000000.00', '25707']]);
  });
});

describe('readFlowRecords: every rejected row names file, row, column and what was expected', () => {
  it('an amount that is not one: file, row, column, what was expected, what was found', () => {
    const r = read('月份,险种,收入（万元）,支出（万元）\n2025-01,失业,n/a,1\n');
    expect(problems(r)).toEqual(['flows.csv:2:收入（万元）: expected an amount like 1,234.56, got "n/a"']);
    expect(problems(r, 'zh')).toEqual(['flows.csv:2:收入（万元）: 应为金额（如 1,234.56），实为 "n/a"']);
    expect(r.ok ? undefined : r.issues[0]).toMatchObject({ code: 'invalid_cell', path: ['flows.csv', 2, '收入（万元）'], rule: 'amount', received: 'n/a' });
  });
  it('no unit declared anywhere: an error naming the column, once', () => {
    const r = read('月份,险种,收入,支出（万元）\n2025-01,失业,1,1\n2025-02,失业,1,1\n');
    expect(problems(r)).toEqual([
      'flows.csv:收入: no amount unit declared for this column: write it in the header (收入（万元）, inflow (wan)), put 单位：万元 above the header, or pass --unit yuan|wan|yi',
    ]);
  });
  it('each kind of bad cell', () => {
    const text = [
      '月份,险种,收入（元）,支出（元）',
      '2025-13,失业,1,1',
      '2025-01,住房公积金,1,1',
      '2025-02,失业,-5,1',
      '2025-03,失业,1.234,1',
      '2025-04,失业,,1',
      '2025-05,失业,1,1,9',
      '2025-06,失业,1,1',
      '2025/6,失业保险基金,2,2',
    ].join('\n');
    expect(problems(read(text))).toEqual([
      'flows.csv:2:月份: expected a month like 2025-01, 2025/1, 2025年1月, 2025-01-01 or 2025.01, got "2025-13"',
      'flows.csv:3:险种: expected a fund type: a name like 企业职工基本养老保险基金, 失业 or 工伤, or an id like employeePension, got "住房公积金"',
      'flows.csv:4:收入（元）: expected an amount of at least 0, got "-5"',
      'flows.csv:5:收入（元）: finer than a fen once converted to yuan: "1.234" = 1.234 yuan',
      'flows.csv:6:收入（元）: expected an amount like 1,234.56, the cell is empty',
      'flows.csv:7: this row has 5 cells; the header has 4',
      'flows.csv:9:险种: duplicate: "2025-06/unemployment" already at row 8',
    ]);
  });
  it('a missing or unknown column, and no header at all', () => {
    expect(problems(read('月份,险种,收入（元）\n2025-01,失业,1\n'))).toEqual(['flows.csv:1: missing column: 支出/outflow']);
    expect(problems(read('月份,险种,收入（元）,支出（元）,结余\n2025-01,失业,1,1,0\n'))[0]).toMatch(/^flows\.csv:1:结余: unknown column "结余"; expected columns: 月份\/period/);
    expect(problems(read('a,b\n1,2\n'))[0]).toMatch(/^flows\.csv: no header row found/);
    expect(problems(read('月份,险种,收入（元）,支出（元）\n'))).toEqual(['flows.csv: no data rows under the header']);
  });
  it('a workbook-style ambiguous month number is refused with the reason', () => {
    const table = { file: 'flows.xlsx', sheet: '收支', rows: [{ row: 1, cells: ['月份', '险种', '收入（元）', '支出（元）'] }, { row: 2, cells: [2025.1, '失业', 1, 1] }] };
    const r = readFlowRecords(table);
    expect(r.ok ? [] : r.issues.map((i) => formatImportIssue(i, 'en'))).toEqual([
      'flows.xlsx#收支:2:月份: the number "2025.1" may be January or October (Excel drops the 0 of 2025.10): format the column as text or write 2025-01',
    ]);
  });
});
