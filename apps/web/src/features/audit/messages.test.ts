import { describe, expect, it } from 'vitest';
import { auditEn, auditZh } from './messages';

describe('the interest audit screen’s words', () => {
  it('has the same keys, each of the same kind and arity, in Chinese and English', () => {
    expect(Object.keys(auditEn).sort()).toEqual(Object.keys(auditZh).sort());
    for (const [key, zh] of Object.entries(auditZh)) {
      const en = (auditEn as Record<string, unknown>)[key];
      expect(typeof en, key).toBe(typeof zh);
      if (typeof zh === 'function') expect((en as (...a: unknown[]) => unknown).length, key).toBe(zh.length);
      if (typeof zh === 'object') {
        expect(Object.keys(en as object).sort(), key).toEqual(Object.keys(zh).sort());
        for (const [k, v] of Object.entries(zh)) if (typeof v === 'function') expect(((en as Record<string, (...a: unknown[]) => unknown>)[k])!.length, `${key}.${k}`).toBe(v.length);
      }
    }
  });

  it('names every outcome, account kind, unit, encoding and note kind a result or the form can carry', () => {
    for (const t of [auditZh, auditEn]) {
      expect(Object.keys(t.outcome).sort()).toEqual(['match', 'overpaid', 'underpaid']);
      expect(Object.keys(t.accountKind).sort()).toEqual(['expenditure', 'fiscalSpecial', 'revenue']);
      expect(Object.keys(t.unitName).sort()).toEqual(['wan', 'yi', 'yuan']);
      expect(Object.keys(t.encodingName).sort()).toEqual(['auto', 'gbk', 'utf8']);
      expect(Object.keys(t.note).sort()).toEqual(['balanceDaysDiffer', 'bankArithmetic', 'contractBelowStatutory', 'statedRateDiffers', 'unconfirmedRuleAbove']);
    }
  });
});
