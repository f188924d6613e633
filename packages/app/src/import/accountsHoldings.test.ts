import { describe, expect, it } from 'vitest';
import type { IsoDate } from '@fundladder/core';
import { readAccounts } from './accounts';
import { readHoldings, wholeMonths } from './holdings';
import { formatImportIssue } from './messages';
import { readCsv } from './readCsv';

const banks = [{ id: 'icbc', name: '中国工商银行示例县支行' }, { id: 'ccb', name: '中国建设银行示例县支行' }];
const context = { banks, defaultEffectiveFrom: '2025-12-31' as IsoDate, unit: 'wan' as const };
const csv = (text: string, file: string) => {
  const r = readCsv(new TextEncoder().encode(`\uFEFF${text}`), { file });
  if (!r.ok) throw new Error('unreadable');
  return r.value;
};
const messages = (r: { ok: boolean; issues?: Parameters<typeof formatImportIssue>[0][] }) => (r.ok ? [] : r.issues!.map((i) => formatImportIssue(i, 'en')));

describe('readAccounts', () => {
  it('reads a UTF-8 (BOM) account list: kinds, fund types and banks by name, balances under --unit, rates in %', () => {
    const r = readAccounts(csv('账户名称,账户类型,险种,开户银行,余额,协议利率（%）,结算户\n养老财政专户,财政专户,企业职工基本养老保险基金,工商银行,"12,003.47",0.65,是\n养老支出户,支出户,企业职工基本养老保险基金,建设银行,"1,000.05",0.65,\n', 'accounts.csv'), context);
    expect(messages(r)).toEqual([]);
    expect(r.ok && r.value.map((a) => [a.id, a.kind, a.fundType, a.bankId, a.openingBalance.toFixed(2), a.contractRate.toFixed(), a.effectiveFrom, a.settlement])).toEqual([
      ['employeePension-fiscalSpecial', 'fiscalSpecial', 'employeePension', 'icbc', '120034700.00', '0.0065', '2025-12-31', true],
      ['employeePension-expenditure', 'expenditure', 'employeePension', 'ccb', '10000500.00', '0.0065', '2025-12-31', false],
    ]);
  });
  it('names each bad cell', () => {
    const r = readAccounts(csv('账户类型,险种,开户银行,余额,协议利率（%）,结算户\n专用户,失业,工商银行,1,0.3,是\n财政专户,失业,招商银行,1,0.3,也许\n', 'accounts.csv'), context);
    expect(messages(r)).toEqual([
      'accounts.csv:2:账户类型: expected an account kind: 收入户/revenue, 支出户/expenditure or 财政专户/fiscalSpecial, got "专用户"',
      'accounts.csv:3:开户银行: no bank "招商银行": expected a bank in the banks table or the scenario (by name or id)',
      'accounts.csv:3:结算户: expected yes or no (是/否), got "也许"',
    ]);
  });
});

describe('readHoldings', () => {
  it('reads a deposit register: 期限 or 到期日, 本金 in 万元, ids made from numbers', () => {
    const r = readHoldings(
      csv('存单编号,险种,品种,存放银行,本金（万元）,利率（%）,起存日,期限,到期日\nH1,养老,定期,工商银行,"1,000",2.60,2023-01-16,3年,\n2023002,失业,大额存单,建设银行,500,2.9,2023/1/31,,2023/4/30\n', 'holdings.csv'),
      { ...context, fundTypes: ['employeePension', 'unemployment'] },
    );
    expect(messages(r)).toEqual([]);
    expect(r.ok && r.value.map((h) => [h.id, h.fundType, h.product, h.bankId, h.principal.toFixed(2), h.annualRate.toFixed(), h.startDate, h.termMonths])).toEqual([
      ['H1', 'employeePension', 'timeDeposit', 'icbc', '10000000.00', '0.026', '2023-01-16', 36],
      ['h-2023002', 'unemployment', 'largeCd', 'ccb', '5000000.00', '0.029', '2023-01-31', 3],
    ]);
  });
  it('refuses a maturity that is not whole months after the start, and a missing term', () => {
    const r = readHoldings(csv('险种,品种,存放银行,本金（万元）,利率（%）,起存日,期限,到期日\n失业,定期,工商银行,1,1,2023-01-16,,2023-04-20\n失业,定期,工商银行,1,1,2023-01-16,,\n', 'holdings.csv'), context);
    expect(messages(r)).toEqual([
      'holdings.csv:2:到期日: expected a term like 3个月, 1年 or 三年, got "2023-04-20"',
      'holdings.csv:3:到期日: expected a date like 2025-01-15, 2025/1/15 or 2025年1月15日, the cell is empty',
    ]);
  });
  it('counts whole months between start and maturity', () => {
    expect(wholeMonths('2023-01-16' as IsoDate, '2026-01-16' as IsoDate)).toBe(36);
    expect(wholeMonths('2023-01-31' as IsoDate, '2023-02-28' as IsoDate)).toBe(1);
    expect(wholeMonths('2023-01-16' as IsoDate, '2023-01-16' as IsoDate)).toBeUndefined();
  });
});
