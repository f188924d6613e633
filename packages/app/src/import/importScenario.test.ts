import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { validateScenario } from '@fundladder/core';
import { importScenario } from './importScenario';
import { changeText, formatImportIssue } from './messages';
import { xlsxOf } from './testXlsx';

/** 24 months of one fund's flows in 万元 with thousands separators and 2025年1月-style months, as a GBK CSV. */
function flowsGbk(): Uint8Array {
  const lines = ['示例县社会保险基金收支月报', '单位：万元', '月份,险种,收入,支出'];
  for (let k = 0; k < 24; k++) {
    const year = 2024 + Math.floor(k / 12);
    const month = (k % 12) + 1;
    lines.push(`${year}年${month}月,企业职工基本养老保险基金,"${(2788 + k).toLocaleString('en-US')}.21","2,944.72"`);
    lines.push(`${year}年${month}月,失业保险基金,"1,012.50",88.06`);
  }
  return iconv.encode(lines.join('\r\n'), 'gbk');
}

async function banksXlsx(): Promise<Uint8Array> {
  return xlsxOf({
    银行及报价: [
      ['金额单位：亿元', null],
      ['银行名称', '银行类型', '一般性存款', '生效日期', '活期（%）', '协定存款（%）', '3个月（%）', '1年（%）', '3年（%）'],
      ['中国工商银行示例县支行', '国有', 95, '2025-05-20', 0.05, 0.5, 0.65, 0.95, 1.25],
      ['中国建设银行示例县支行', '国有', 80, '2025-05-20', 0.05, 0.5, 0.65, 0.95, 1.25],
      ['示例市商业银行', '城商行', 18, '2025-05-20', 0.2, 0.6, 0.8, 1.1, 1.55],
    ],
  });
}

const accountsCsv = new TextEncoder().encode('账户类型,险种,开户银行,余额（万元）,协议利率（%）,结算户\n财政专户,企业职工基本养老保险基金,工商银行,"12,003.47",0.65,是\n财政专户,失业保险基金,建设银行,"3,500",0.65,是\n');

describe('importScenario', () => {
  it('turns a GBK CSV (万元, thousands separators, 2025年1月) and an XLSX quote sheet into a scenario that validates', async () => {
    const r = await importScenario({
      tables: { history: { bytes: flowsGbk(), file: 'flows.csv' }, banks: { bytes: await banksXlsx(), file: 'banks.xlsx' }, accounts: { bytes: accountsCsv, file: 'accounts.csv' } },
      settings: { name: '示例县', horizonMonths: 12 },
    });
    expect(r.ok ? [] : r.issues.map((i) => formatImportIssue(i, 'en'))).toEqual([]);
    if (!r.ok) return;
    const s = r.value.scenario as { asOf: string; startMonth: string; fundTypes: string[]; history: { month: string; inflow: string }[]; banks: { id: string; quotes: unknown[] }[] };
    expect(validateScenario(s).ok).toBe(true);
    expect([s.asOf, s.startMonth, s.fundTypes]).toEqual(['2025-12-31', '2026-01', ['employeePension', 'unemployment']]);
    expect(s.history[0]).toEqual({ month: '2024-01', fundType: 'employeePension', inflow: '27882100.00', outflow: '29447200.00' });
    expect(s.banks.map((b) => [b.id, b.quotes.length])).toEqual([['icbc', 5], ['ccb', 5], ['bank1', 5]]);
    expect(r.value.tables.map((t) => [t.part, t.file, t.sheet ?? t.encoding, t.records])).toEqual([
      ['history', 'flows.csv', 'gb18030', 48],
      ['banks', 'banks.xlsx', '银行及报价', 3],
      ['accounts', 'accounts.csv', 'utf8', 2],
    ]);
    expect(r.value.changes.map((c) => changeText(c, 'zh'))).toEqual([
      '数据截止日：2025-12-31（新建）',
      '起始月：2026-01（新建）',
      '名称：示例县（新建）',
      '规划期（月）：12（新建）',
      '收支历史：48 行（新建）',
      '银行：3 家（新建）',
      '账户：2 个（新建）',
      '险种：2 个（新建）（新增 employeePension、unemployment）',
    ]);
  });

  it('plans a new scenario over the months its budget covers, and says when expected flows do not cover the horizon', async () => {
    const budget = new TextEncoder().encode(['单位：万元', '月份,企业职工基本养老保险基金收入,企业职工基本养老保险基金支出,失业收入,失业支出', ...[1, 2, 3].map((m) => `2026-0${m},"2,900",3000,100,50`)].join('\n'));
    const tables = { history: { bytes: flowsGbk(), file: 'flows.csv' }, banks: { bytes: await banksXlsx(), file: 'banks.xlsx' }, accounts: { bytes: accountsCsv, file: 'accounts.csv' } };
    const withBudget = await importScenario({ tables: { ...tables, flows: { bytes: budget, file: 'budget.csv' } } });
    expect(withBudget.ok && (withBudget.value.scenario as { horizonMonths: number }).horizonMonths).toBe(3);
    expect(withBudget.notes.map((n) => formatImportIssue(n, 'en'))).toContain('scenario:horizonMonths: not given: took 3');
    expect(withBudget.notes.some((n) => n.code === 'flows_incomplete')).toBe(false);
    const without = await importScenario({ tables });
    expect(without.notes.map((n) => formatImportIssue(n, 'zh'))).toContain('scenario:flows: 预计收支只覆盖规划期 24 个月中的 0 个月（每月须有每个险种）：evaluate 和 optimize 需要整个规划期，请用 --flows 导入预算');
  });

  it('updates only the parts imported and counts what changed', async () => {
    const first = await importScenario({
      tables: { history: { bytes: flowsGbk(), file: 'flows.csv' }, banks: { bytes: await banksXlsx(), file: 'banks.xlsx' }, accounts: { bytes: accountsCsv, file: 'accounts.csv' } },
    });
    if (!first.ok) throw new Error('first import failed');
    const quotes = new TextEncoder().encode('银行,产品,期限,利率（%）,生效日期\n示例市商业银行,定期,1年,1.15,2025-06-01\n');
    const r = await importScenario({ base: first.value.scenario, tables: { quotes: { bytes: quotes, file: 'quotes.csv' } } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const before = first.value.scenario as { banks: { quotes: unknown[] }[]; history: unknown[]; accounts: unknown[] };
    const after = r.value.scenario as typeof before;
    expect(after.history).toEqual(before.history);
    expect(after.accounts).toEqual(before.accounts);
    expect(after.banks.map((b) => b.quotes.length)).toEqual([5, 5, 1]);
    expect(r.value.changes.map((c) => changeText(c, 'en'))).toEqual(['quotes: 15 → 11 quotes (quotes replaced for 1 bank(s))']);
  });

  it('says what a new scenario lacks, and nothing is written when a table has a bad row', async () => {
    const alone = await importScenario({ tables: { history: { bytes: flowsGbk(), file: 'flows.csv' } } });
    expect(alone.ok ? [] : alone.issues.map((i) => formatImportIssue(i, 'en'))).toEqual([
      'scenario: a new scenario needs 银行/banks (--banks): import it too, or start from `fundladder init` and import into that',
      'scenario: a new scenario needs 账户/accounts (--accounts): import it too, or start from `fundladder init` and import into that',
    ]);
    const bad = await importScenario({ tables: { history: { bytes: iconv.encode('月份,险种,收入,支出\n2025年1月,失业,n/a,1\n', 'gbk'), file: 'flows.csv' } }, unit: 'wan' });
    expect(bad.ok ? [] : bad.issues.map((i) => formatImportIssue(i, 'zh'))).toEqual(['flows.csv:2:收入: 应为金额（如 1,234.56），实为 "n/a"']);
  });

  it('reports a result that does not validate with its scenario path', async () => {
    const accounts = new TextEncoder().encode('账户类型,险种,开户银行,余额（元）,协议利率（%）,结算户\n财政专户,失业,工商银行,1,0.65,是\n财政专户,失业,工商银行,1,0.65,是\n');
    const r = await importScenario({ tables: { banks: { bytes: await banksXlsx(), file: 'banks.xlsx' }, accounts: { bytes: accounts, file: 'accounts.csv' } }, settings: { asOf: '2025-12-31' as never } });
    expect(r.ok ? [] : r.issues.map((i) => formatImportIssue(i, 'en'))).toEqual([
      'scenario:accounts[1].settlement: the imported scenario does not validate: fund type unemployment has more than one settlement account (received "true")',
    ]);
  });
});
