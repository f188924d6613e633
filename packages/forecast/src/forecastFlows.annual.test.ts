import { describe, expect, it } from 'vitest';
import { forecastFlows } from './forecastFlows';
import type { FlowTable } from './input/flowTable';
import { syntheticFundFlows } from './synthetic';
import type { Band } from './types';

function annualTable(years: number[], series: Record<string, { inflow: number[]; outflow: number[] }>): FlowTable {
  return {
    frequency: 'annual',
    period: 1,
    periods: years.map(String),
    series: Object.entries(series).map(([fundType, s]) => ({ fundType, ...s, cohort: years.map(() => ({})) })),
  };
}

const width = (band: Band, k: number): number => band.hi[k]! - band.lo[k]!;

describe('forecastFlows on annual series (docs/forecast.md "Annual bands")', () => {
  // Worked example: 3 years, inflow 100, 110, 125. No backtest window (the shortest training history is 3), so the
  // choice is the baseline by rule and has no out-of-sample score. Naive band: σ = √((10² + 15²)/2) = √162.5 = 12.7475,
  // 2 d.f., t₂,.975 = 4.30265: h=1 125 ± 54.849 → [70.151, 179.849]; h=3 ± 54.849·√3 = ± 95.001.
  it('three years: the naive rwf band with the t quantile, never zero width, wider every year; the choice is unscored', () => {
    const fc = forecastFlows(annualTable([2015, 2016, 2017], { fund: { inflow: [100, 110, 125], outflow: [80, 80, 90] } }), { horizon: 3 });
    const inflow = fc.series.find((s) => s.side === 'inflow')!;
    expect(inflow.model).toBe('naive');
    expect(inflow.selection).toMatchObject({ windows: 0, informedWindows: 0, pairs: 0 });
    expect(inflow.selection.mase).toBeNaN();
    expect(inflow.bands[95]!.lo[0]!).toBeCloseTo(70.151, 2);
    expect(inflow.bands[95]!.hi[0]!).toBeCloseTo(179.849, 2);
    expect(inflow.bands[95]!.hi[2]! - 125).toBeCloseTo(95.001, 2);
    for (const s of fc.series) for (const level of fc.levels) for (let k = 0; k < 3; k++) {
      expect(width(s.bands[level]!, k)).toBeGreaterThan(0);
      if (k > 0) expect(width(s.bands[level]!, k)).toBeGreaterThan(width(s.bands[level]!, k - 1));
    }
    expect(fc.notes.some((n) => n.code === 'few_backtest_windows')).toBe(false);
  });

  it('a flat history gets the 1% floor, with a note naming the fund type', () => {
    const fc = forecastFlows(annualTable([2015, 2016, 2017, 2018], { flat: { inflow: [50, 50, 50, 50], outflow: [40, 41, 43, 44] } }), { horizon: 2 });
    const inflow = fc.series.find((s) => s.side === 'inflow')!;
    expect(width(inflow.bands[95]!, 0)).toBeGreaterThan(0);
    expect(fc.notes).toContainEqual(expect.objectContaining({ code: 'band_floor', rule: 'sigmaFloor', fundType: 'flat', path: ['flat', 'inflow'] }));
  });

  it('eight growing years: drift is a candidate, the chosen model carries the drift band, and the choice is scored out of sample', () => {
    const inflow = [100, 112, 121, 135, 149, 160, 177, 190];
    const outflow = [80, 90, 97, 110, 119, 132, 141, 155];
    const fc = forecastFlows(annualTable([2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017], { fund: { inflow, outflow } }), { horizon: 4 });
    for (const s of fc.series) {
      expect(s.scores.map((c) => c.model)).toContain('drift');
      expect(s.selection.windows).toBe(5);
      expect(s.selection.informedWindows).toBe(4);
      expect(Number.isFinite(s.selection.mase)).toBe(true);
      for (const level of fc.levels) for (let k = 1; k < 4; k++) expect(width(s.bands[level]!, k)).toBeGreaterThan(width(s.bands[level]!, k - 1));
      // the backtest scores the bands annual forecasts carry, so annual coverage is no longer "—"
      const chosen = s.scores.find((c) => c.model === s.model)!;
      expect(chosen.coverageCounts.scored).toBeGreaterThan(0);
    }
  });

  it('the net band comes from the history of the net itself and may go below zero', () => {
    const fc = forecastFlows(annualTable([2014, 2015, 2016, 2017], { fund: { inflow: [100, 104, 103, 108], outflow: [99, 105, 104, 107] } }), { horizon: 2 });
    expect(fc.net.fund!.bands[95]!.lo[0]!).toBeLessThan(0);
    expect(fc.total.inflow.bands[95]!.lo[0]!).toBeGreaterThanOrEqual(0);
  });
});

// 来源: docs/forecast.md "Bands" (band width never shrinks with the horizon): a band that jumps and then shrinks is a defect.
describe('band width never shrinks with the horizon (the jump-then-shrink defect)', () => {
  // Before: with 30 months of history the last complete windows give a t interval on two scenarios at step 4 (a 95%
  // band of ±81% of the monthly scale) and step 5 falls back to the model's residual band (±12%): up, then down.
  for (const months of [30, 36, 40]) {
    it(`monthly, ${months} months of history, 24 ahead: every series, net and total`, () => {
      const s = syntheticFundFlows({ seed: 3, months });
      const periods = Array.from({ length: months }, (_, t) => `${2020 + Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`);
      const fc = forecastFlows({ frequency: 'monthly', period: 12, periods, series: [{ fundType: 'a', inflow: s.inflow, outflow: s.outflow, cohort: periods.map(() => ({})) }] }, { horizon: 24 });
      const all = [...fc.series, fc.net.a!, fc.total.inflow, fc.total.outflow, fc.total.net];
      for (const d of all) {
        for (const level of fc.levels) {
          const band = d.bands[level]!;
          for (let k = 1; k < 24; k++) {
            expect(band.hi[k]! - d.mean[k]!).toBeGreaterThanOrEqual(band.hi[k - 1]! - d.mean[k - 1]! - 1e-6);
            // below the mean the distance may only be cut by the zero floor
            if (band.lo[k]! > 0) expect(d.mean[k]! - band.lo[k]!).toBeGreaterThanOrEqual(d.mean[k - 1]! - band.lo[k - 1]! - 1e-6);
          }
        }
      }
    });
  }
});
