import { describe, expect, it } from 'vitest';
import { compareEn, compareZh } from './messages';

describe('the Compare screen’s words', () => {
  it('has the same keys, each of the same kind and arity, in Chinese and English', () => {
    expect(Object.keys(compareEn).sort()).toEqual(Object.keys(compareZh).sort());
    for (const [key, zh] of Object.entries(compareZh)) {
      const en = (compareEn as Record<string, unknown>)[key];
      expect(typeof en, key).toBe(typeof zh);
      if (typeof zh === 'function') expect((en as (...a: unknown[]) => unknown).length, key).toBe(zh.length);
    }
  });
});
