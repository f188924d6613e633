import { describe, expect, it } from 'vitest';
import { countDistinctPaths } from './countDistinctPaths';

describe('countDistinctPaths', () => {
  it('counts equal paths once, whatever the key order, and tells paths apart by one value in the last step', () => {
    const a = { x: { inflow: [1, 2], outflow: [3, 4] }, y: { inflow: [0, 0], outflow: [5, 6] } };
    const sameReordered = { y: { inflow: [0, 0], outflow: [5, 6] }, x: { inflow: [1, 2], outflow: [3, 4] } };
    const differs = { x: { inflow: [1, 2], outflow: [3, 4] }, y: { inflow: [0, 0], outflow: [5, 6.000000001] } };
    expect(countDistinctPaths([a, sameReordered, differs])).toBe(2);
    expect(countDistinctPaths([])).toBe(0);
  });
});
