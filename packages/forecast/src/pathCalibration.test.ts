import { describe, expect, it } from 'vitest';
import type { FlowTable } from './input/flowTable';
import { pathCalibration } from './pathCalibration';
import { syntheticFundFlows } from './synthetic';

// Synthetic county flows (docs/domain.md §10.1), seeded; plus a fund type that is all zero (nothing to calibrate).
function table(months: number): FlowTable {
  const periods = syntheticFundFlows({ seed: 1, months }).periods;
  const series = ['employeePension', 'unemployment'].map((fundType, i) => {
    const s = syntheticFundFlows({ seed: 20 + i, months, inflowBase: 4e7 / (i + 1), outflowBase: 3.6e7 / (i + 1), noise: 0.04 });
    return { fundType, inflow: s.inflow, outflow: s.outflow, cohort: [] };
  });
  series.push({ fundType: 'maternity', inflow: periods.map(() => 0), outflow: periods.map(() => 0), cohort: [] });
  return { frequency: 'monthly', period: 12, periods, series };
}

describe('pathCalibration', () => {
  const data = table(40);
  const result = pathCalibration(data, { paths: 200, seed: 1, origins: 5, horizon: 6 });

  it('re-forecasts at each of the latest origins from the history before it and scores every later actual within the horizon', () => {
    expect(result.origins).toEqual(['2017-11', '2017-12', '2018-01', '2018-02', '2018-03']);
    // The histories end after 35 … 39 of the 40 months, leaving 5, 4, 3, 2, 1 actuals (all within the 6-month horizon).
    const perSeries = [5, 4, 3, 2, 1].reduce((a, b) => a + b, 0);
    expect(result.pooled.inflow.scored).toBe(2 * perSeries);
    expect(result.pooled.all.scored).toBe(4 * perSeries);
    expect(result.skipped).toEqual(['maternity/inflow', 'maternity/outflow']);
    expect(result.minDistinctPaths).toBe(200);
  });

  it('counts add up: calendar months and horizons sum to the pooled cell, and a 95% range holds at least what the 80% range holds', () => {
    for (const side of ['inflow', 'outflow'] as const) {
      for (const cells of [result.byMonth[side], result.byHorizon[side]]) {
        expect(cells.reduce((a, c) => a + c.scored, 0)).toBe(result.pooled[side].scored);
        for (const level of [80, 95]) expect(cells.reduce((a, c) => a + c.hits[level]!, 0)).toBe(result.pooled[side].hits[level]);
        for (const c of cells) expect(c.hits[80]!).toBeLessThanOrEqual(c.hits[95]!);
      }
    }
    expect(result.byMonth.inflow).toHaveLength(12);
  });

  it('on well-behaved synthetic flows the central 95% range holds most actuals', () => {
    expect(result.pooled.all.hits[95]! / result.pooled.all.scored).toBeGreaterThan(0.75);
  });
});
