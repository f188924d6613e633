import { describe, expect, it } from 'vitest';
import { planEn, planZh } from './messages';

describe('the Plan screen’s added words', () => {
  it('has the same keys, each of the same kind and arity, in Chinese and English', () => {
    expect(Object.keys(planEn).sort()).toEqual(Object.keys(planZh).sort());
    for (const [key, zh] of Object.entries(planZh)) {
      const en = (planEn as Record<string, unknown>)[key];
      expect(typeof en, key).toBe(typeof zh);
      if (typeof zh === 'function') expect((en as (...a: unknown[]) => unknown).length, key).toBe(zh.length);
    }
  });
});
