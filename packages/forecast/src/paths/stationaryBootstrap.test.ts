import { mulberry32 } from '@fundladder/core';
import { describe, expect, it } from 'vitest';
import { meanBlockLength, stationaryBootstrap } from './stationaryBootstrap';

describe('stationaryBootstrap', () => {
  it('draws indices in range, in blocks of consecutive indices (wrapping) whose mean length is L', () => {
    const rng = mulberry32(42);
    let steps = 0;
    let continued = 0;
    let outOfRange = 0;
    for (let draw = 0; draw < 2000; draw++) {
      const indices = stationaryBootstrap(rng, 24, 36, 3);
      expect(indices).toHaveLength(36);
      indices.forEach((t, k) => {
        if (!(Number.isInteger(t) && t >= 0 && t < 24)) outOfRange++;
        if (k > 0) {
          steps++;
          if (t === (indices[k - 1]! + 1) % 24) continued++;
        }
      });
    }
    expect(outOfRange).toBe(0);
    // P(continue) = 1 − 1/L plus the chance 1/L · 1/24 that a new block starts exactly at the next index: 0.6806.
    expect(continued / steps).toBeCloseTo(1 - 1 / 3 + 1 / 3 / 24, 2);
  });

  it('is reproducible from the seed; L = 1 is the ordinary bootstrap', () => {
    expect(stationaryBootstrap(mulberry32(7), 10, 12, 2)).toEqual(stationaryBootstrap(mulberry32(7), 10, 12, 2));
    const iid = stationaryBootstrap(mulberry32(7), 1000, 200, 1);
    const runs = iid.filter((t, k) => k > 0 && t === (iid[k - 1]! + 1) % 1000).length;
    expect(runs).toBeLessThan(3);
  });

  it('mean block length n^(1/3) (Hall, Horowitz & Jing 1995), at least 1', () => {
    expect(meanBlockLength(27)).toBeCloseTo(3, 12);
    expect(meanBlockLength(0)).toBe(1);
  });
});
