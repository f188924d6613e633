import { describe, expect, it } from 'vitest';
import { calendarLevelRatios } from './calendarLevelRatios';

describe('calendarLevelRatios', () => {
  it('a lump month is bigger than its year, a month without flows is 0 (worked: season mean of 1, 1, 1, 3 is 1.5)', () => {
    const ratios = calendarLevelRatios([1, 1, 1, 3, 1, 1, 1, 3], [0, 1, 2, 3, 0, 1, 2, 3], 4);
    ratios.slice(0, 3).forEach((r) => expect(r).toBeCloseTo(2 / 3, 12));
    expect(ratios[3]).toBe(2);
    expect(calendarLevelRatios([2, 0, 2, 0, 2, 0], [0, 1, 0, 1, 0, 1], 2)).toEqual([2, 0]);
  });

  it('is 1 for annual series (one calendar cell)', () => {
    expect(calendarLevelRatios([10, 10, 10], [0, 0, 0], 1)).toEqual([1]);
  });
});
