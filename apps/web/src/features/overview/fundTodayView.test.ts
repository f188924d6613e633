import { describe, expect, it } from 'vitest';
import { overviewSchema, type Warning } from '../../api/overviewSchemas';
import { NAMES } from '../../i18n/messages';
import { coverRows, openWarnings, warningText } from './fundTodayView';
import { overviewEn, overviewZh } from './messages';

const cover = (fundType: string, monthsCovered?: string) => ({ fundType, liquid: '100.00', ...(monthsCovered ? { meanOutflow: '10.00', monthsCovered } : {}), months: [] });
const warning = (rule: string, subject: string, detail: Record<string, unknown>, state: 'open' | 'cleared' = 'open'): Warning => ({ id: subject, rule, subject, state, firstSeen: '2026-01-01T00:00:00Z', lastSeen: '2026-01-01T00:00:00Z', clearedAt: null, detail });
const ctx = (lang: 'zh' | 'en') => ({ m: lang === 'zh' ? overviewZh : overviewEn, lang, fundType: (id: string) => NAMES[lang].fundType[id] ?? id, bank: (id: string) => `bank ${id}`, capName: (rule: string) => NAMES[lang].capRule[rule] ?? rule });

describe('the fund today', () => {
  it('sorts cover lowest first, marks what is below the threshold exactly (2.99 < 3, 3.00 is not), the fund types without payouts last', () => {
    const rows = coverRows(overviewSchema.shape.cover.parse({ windowMonths: 3, threshold: '3', byFundType: [cover('a', '3.00'), cover('b'), cover('c', '2.99'), cover('d', '12.40')] }));
    expect(rows.map((r) => [r.fundType, r.low])).toEqual([['c', true], ['a', false], ['d', false], ['b', false]]);
  });

  it('lists open warnings only, payouts before interest', () => {
    const list = openWarnings([warning('bankCapNear', 'icbc', {}), warning('monthsCovered', 'maternity', {}), warning('structuralGap', 'residentMedical', {}), warning('monthsCovered', 'unemployment', {}, 'cleared')]);
    expect(list.map((w) => w.rule)).toEqual(['structuralGap', 'monthsCovered', 'bankCapNear']);
  });

  it('words each warning from its stored facts, in both languages, money in 万元 or millions', () => {
    expect(warningText(warning('monthsCovered', 'maternity', { monthsCovered: '2.50', threshold: '3' }), ctx('zh'))).toBe('生育保险基金：账户余额只够支付 2.50 个月，低于 3 个月');
    expect(warningText(warning('maturityUnplaced', 'h1', { maturityDate: '2026-01-16', unplaced: '4000000.00' }), ctx('zh'))).toBe('h1 于 2026-01-16 到期，其中 400.00 万元 尚无存放安排');
    expect(warningText(warning('maturityUnplaced', 'h1', { maturityDate: '2026-01-16', unplaced: '4000000.00' }), ctx('en'))).toBe('h1 matures on 2026-01-16; CNY 4.00 m of it has no placement planned');
    expect(warningText(warning('bankCapNear', 'icbc', { bankName: '工行', caps: [{ rule: 'trancheShareCap' }, { rule: 'fundTimeDepositShareCap' }] }), ctx('zh'))).toBe(`工行：${NAMES.zh.capRule.trancheShareCap}、${NAMES.zh.capRule.fundTimeDepositShareCap} 已用到 80% 以上`);
    expect(warningText(warning('structuralGap', 'residentMedical', { structuralShortProbability: 0.125 }), ctx('en'))).toBe('resident medical: its own money falls short on 12.5% of paths (structural gap)');
    expect(warningText(warning('newRule', 'x', {}), ctx('en'))).toBe('newRule: x');
  });
});
