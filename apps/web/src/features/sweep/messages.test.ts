import { describe, expect, it } from 'vitest';
import { sweepEn, sweepZh } from './messages';

describe('the Sweep screen’s words', () => {
  it('has the same keys, each of the same kind and arity, in Chinese and English', () => {
    expect(Object.keys(sweepEn).sort()).toEqual(Object.keys(sweepZh).sort());
    for (const [key, zh] of Object.entries(sweepZh)) {
      const en = (sweepEn as Record<string, unknown>)[key];
      expect(typeof en, key).toBe(typeof zh);
      if (typeof zh === 'function') expect((en as (...a: unknown[]) => unknown).length, key).toBe(zh.length);
      if (typeof zh === 'object') expect(Object.keys(en as object).sort(), key).toEqual(Object.keys(zh).sort());
    }
  });
});
