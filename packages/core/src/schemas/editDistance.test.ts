// Optimal string alignment distance: Wikipedia, "Damerau–Levenshtein distance", §Optimal string alignment
// distance (CA → ABC is 3 under OSA, 2 under the unrestricted distance). Thresholds: TypeScript's getSpellingSuggestion.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { closestName, editDistance } from './editDistance';

describe('editDistance (optimal string alignment)', () => {
  it('counts insertions, deletions and substitutions one each', () => {
    expect(editDistance('reserv', 'reserve')).toBe(1);
    expect(editDistance('reserve', 'reserv')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });
  it('counts a swap of two adjacent characters once (plain Levenshtein counts 2)', () => {
    expect(editDistance('reserev', 'reserve')).toBe(1);
    expect(editDistance('ab', 'ba')).toBe(1);
  });
  it('is the restricted distance: no substring is edited twice (CA → ABC is 3, Wikipedia’s example)', () => {
    expect(editDistance('CA', 'ABC')).toBe(3);
  });
  it('is symmetric, zero only for equal strings, and at most the longer length', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const d = editDistance(a, b);
        expect(editDistance(b, a)).toBe(d);
        expect(d === 0).toBe(a === b);
        expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
        expect(d).toBeGreaterThanOrEqual(Math.abs(a.length - b.length));
      }),
      { seed: 42 },
    );
  });
});

describe('closestName', () => {
  const policyKeys = ['reserve', 'caps', 'minBanks', 'minQuoteRate', 'allowedProducts', 'maxTermMonths', 'maxBondShare', 'keepFundTypesApart', 'reserveForecast', 'safety', 'horizonEnd', 'liquidAtEnd'];
  it('suggests the key a typo was meant to be', () => {
    expect(closestName('reserv', policyKeys)).toBe('reserve');
    expect(closestName('minBank', policyKeys)).toBe('minBanks');
    expect(closestName('maxTermMonth', policyKeys)).toBe('maxTermMonths');
    expect(closestName('Reserve', policyKeys)).toBe('reserve');
    expect(closestName('reserveForcast', policyKeys)).toBe('reserveForecast');
  });
  it('suggests nothing for a key that is not close to any (no guess beats no answer)', () => {
    expect(closestName('comment', policyKeys)).toBeUndefined();
    expect(closestName('zz', ['id', 'name'])).toBeUndefined();
    expect(closestName('x', ['id'])).toBeUndefined();
  });
  it('matches a two-letter key only up to case: ID → id, but not xd → id', () => {
    expect(closestName('ID', ['id', 'name'])).toBe('id');
    expect(closestName('xd', ['id', 'name'])).toBeUndefined();
  });
  it('does not suggest the name itself', () => {
    expect(closestName('caps', ['caps'])).toBeUndefined();
  });
});
