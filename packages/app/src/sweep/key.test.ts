// A stored point's key (docs/sweep.md §4 "Resume"): the same inputs give the same key whatever the key order; any of
// the five inputs changed gives another.
import { describe, expect, it } from 'vitest';
import { canonicalJson, sweepPointKey } from './key';

describe('canonicalJson', () => {
  it('sorts keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }, 'x'] })).toBe('{"a":[{"c":3,"d":2},"x"],"b":1}');
  });
});

describe('sweepPointKey', () => {
  const base = { scenario: { name: 's', policy: { caps: { trancheShare: '0.25' } } }, values: { reserveMonths: '3' }, options: { paths: 200, seed: 1 }, pathsFingerprint: 'f1', codeVersion: '0.1.0+abc' };
  it('is 64 hex digits and the same for the same scenario written with its keys in another order', () => {
    const key = sweepPointKey(base);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(sweepPointKey({ ...base, scenario: { policy: { caps: { trancheShare: '0.25' } }, name: 's' } })).toBe(key);
  });
  it('changes with the scenario, the point, the options, the paths or the code', () => {
    const key = sweepPointKey(base);
    const others = [
      { ...base, scenario: { ...base.scenario, name: 't' } },
      { ...base, values: { reserveMonths: '4' } },
      { ...base, options: { paths: 300, seed: 1 } },
      { ...base, pathsFingerprint: 'f2' },
      { ...base, codeVersion: '0.1.0+abd' },
    ].map(sweepPointKey);
    expect(new Set([key, ...others]).size).toBe(6);
  });
});
