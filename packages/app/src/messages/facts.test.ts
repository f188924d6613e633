// The message catalogue words every kind of fact, in both languages (the CLI and, later, the web app share it).
import { describe, expect, it } from 'vitest';
import { dec } from '@fundladder/core';
import type { BindingFact, RolloverReason } from '../jobs/optimizeResult';
import { bindingLine, rolloverReasonLine } from './facts';
import { namesFor } from './names';

const facts: BindingFact[] = [
  { kind: 'noDuals' },
  { kind: 'nothingBinds' },
  { kind: 'reserve', months: 4, costWan: 12.345 },
  { kind: 'cap', rule: 'trancheShareCap', bankId: 'icbc', month: '2026-03', gainWan: 8.06 },
  { kind: 'moreCaps', count: 3 },
];
const reasons: RolloverReason[] = [
  { kind: 'bestRate', rate: dec('0.0175') },
  { kind: 'heldByCap', belowBestBp: 10, bankId: 'icbc', rule: 'fundTimeDepositShareCap' },
  { kind: 'atCapOrMinimum', belowBestBp: 5 },
];

describe('message catalogue', () => {
  it('words every binding fact and rollover reason in Chinese and English, none empty, none the same in both', () => {
    for (const f of facts) {
      const zh = bindingLine(f, 'zh');
      const en = bindingLine(f, 'en');
      expect(zh.length).toBeGreaterThan(5);
      expect(zh).not.toBe(en);
    }
    for (const r of reasons) expect(rolloverReasonLine(r, 'zh')).not.toBe(rolloverReasonLine(r, 'en'));
  });

  it('names banks by name, not id, where the scenario gives one; figures rounded to 0.1万, "about"', () => {
    const names = namesFor(new Map([['icbc', '工商银行']]), 'zh');
    expect(bindingLine(facts[3]!, 'zh', names)).toBe('2026-03 工商银行 的上限A（占当月新增25%）：放宽 1 亿元约多得 8.1 万元利息');
    expect(rolloverReasonLine(reasons[1]!, 'zh', names)).toBe('比最高利率低 10 个基点：利率更高的 工商银行 受上限C（占基金定期20%）约束');
    expect(bindingLine(facts[2]!, 'en')).toBe('The liquidity reserve binds in 4 month(s): each extra month of payouts kept in reserve costs about 12.3万 of interest');
    expect(rolloverReasonLine(reasons[0]!, 'en')).toBe('the best rate for this term that month, 1.75%');
  });
});

describe('names', () => {
  it('products, fund types and banks in the chosen language; an unknown id as itself', () => {
    const zh = namesFor(new Map([['icbc', '工商银行']]), 'zh');
    const en = namesFor(new Map([['icbc', '工商银行']]), 'en');
    expect([zh.product('largeCd'), zh.product('callDeposit7d'), zh.fundType('workInjury'), zh.bank(undefined), zh.bank('nobank')]).toEqual(['大额存单', '7天通知存款', '工伤保险基金', '国债', 'nobank']);
    expect([en.product('largeCd'), en.fundType('workInjury'), en.bank('icbc')]).toEqual(['large CD', 'work injury', '工商银行']);
  });
});
