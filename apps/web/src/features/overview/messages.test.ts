import { describe, expect, it } from 'vitest';
import { overviewEn, overviewZh } from './messages';

describe('the Overview’s words', () => {
  it('has the same keys, each of the same kind and arity, in Chinese and English', () => {
    expect(Object.keys(overviewEn).sort()).toEqual(Object.keys(overviewZh).sort());
    for (const [key, zh] of Object.entries(overviewZh)) {
      const en = (overviewEn as Record<string, unknown>)[key];
      expect(typeof en, key).toBe(typeof zh);
      if (typeof zh === 'function') expect((en as (...a: unknown[]) => unknown).length, key).toBe(zh.length);
    }
  });
});
