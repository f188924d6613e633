import { describe, expect, it } from 'vitest';
import { tenderEn, tenderZh } from './messages';

describe('the Tender screen’s words', () => {
  it('has the same keys, each of the same kind and arity, in Chinese and English', () => {
    expect(Object.keys(tenderEn).sort()).toEqual(Object.keys(tenderZh).sort());
    for (const [key, zh] of Object.entries(tenderZh)) {
      const en = (tenderEn as Record<string, unknown>)[key];
      expect(typeof en, key).toBe(typeof zh);
      if (typeof zh === 'function') expect((en as (...a: unknown[]) => unknown).length, key).toBe(zh.length);
      if (typeof zh === 'object') {
        expect(Object.keys(en as object).sort(), key).toEqual(Object.keys(zh).sort());
        for (const [k, v] of Object.entries(zh)) if (typeof v === 'function') expect(((en as Record<string, (...a: unknown[]) => unknown>)[k])!.length, `${key}.${k}`).toBe(v.length);
      }
    }
  });

  it('names every suspension rule, criterion and binding cap the result can carry', () => {
    for (const t of [tenderZh, tenderEn]) {
      expect(Object.keys(t.reason).sort()).toEqual(['minQuoteRate', 'suspendedBankNoNewMoney', 'tenderPbocRating', 'tenderQuoteMissing', 'tenderRegulatoryRating']);
      expect(Object.keys(t.criterion).sort()).toEqual(['businessCondition', 'collateral', 'localContribution', 'quotedRate', 'service']);
      expect(Object.keys(t.limitRule).sort()).toEqual(['bankLocalDepositCap', 'fundTimeDepositShareCap', 'minimumBankCount', 'trancheShareCap']);
    }
  });
});
