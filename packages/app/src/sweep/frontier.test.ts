// The Pareto front of interest against gap probability. Worked example: the confidence frontier measured on the
// sample (docs/optimizer.md §16, "Frontier": plan-caused gap 100% / 5.4% / 2.2% / 0.6% / 0.4% with ledger interest
// 4,125.82 / 3,603.56 / 3,564.63 / 3,452.23 / 3,403.22 万元): each step buys safety with interest, so all five are on the
// front; a sixth point that earns less than the 95% plan at more risk is not.
import { describe, expect, it } from 'vitest';
import { dec } from '@fundladder/core';
import { paretoFront } from './frontier';

const point = (index: number, interestWan: string, gapProbability: number) => ({ index, interest: dec(interestWan).times(10_000), gapProbability });

describe('paretoFront', () => {
  const measured = [point(0, '4125.82', 1), point(1, '3603.56', 0.054), point(2, '3564.63', 0.022), point(3, '3452.23', 0.006), point(4, '3403.22', 0.004)];
  it('keeps every point of the measured confidence frontier, safest first', () => {
    expect(paretoFront(measured)).toEqual([4, 3, 2, 1, 0]);
  });
  it('leaves out a point another beats on both counts', () => {
    expect(paretoFront([...measured, point(5, '3500.00', 0.03)])).toEqual([4, 3, 2, 1, 0]);
  });
  it('leaves out a point that only ties another on one count and loses on the other', () => {
    expect(paretoFront([point(0, '100', 0.01), point(1, '100', 0.02), point(2, '90', 0.01)])).toEqual([0]);
  });
  it('keeps points equal on both counts, in index order', () => {
    expect(paretoFront([point(3, '100', 0.01), point(1, '100', 0.01)])).toEqual([1, 3]);
  });
  it('is empty with no candidate and does not change its input', () => {
    expect(paretoFront([])).toEqual([]);
    const input = [point(1, '5', 0.5), point(0, '6', 0.1)];
    const copy = [...input];
    paretoFront(input);
    expect(input).toEqual(copy);
  });
});
