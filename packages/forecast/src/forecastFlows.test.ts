import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forecastFlows } from './forecastFlows';
import type { FlowTable } from './input/flowTable';
import { simulatePaths } from './simulate';
import { syntheticFundFlows } from './synthetic';

// Each case fits and backtests every model, so these use their own, smaller count (FL_FORECAST_PROPERTY_RUNS).
const RUNS = Number(process.env.FL_FORECAST_PROPERTY_RUNS ?? 4);

function table(seed: number, months: number, fundTypes = ['employeePension', 'unemployment']): FlowTable {
  const series = fundTypes.map((fundType, i) => {
    const s = syntheticFundFlows({ seed: seed * 10 + i, months, inflowBase: 4e7 / (i + 1), outflowBase: 3.6e7 / (i + 1), noise: 0.05 });
    return { fundType, inflow: s.inflow, outflow: s.outflow, cohort: [] };
  });
  return { frequency: 'monthly', period: 12, periods: syntheticFundFlows({ seed, months }).periods, series };
}

/** Joint paths, or the test fails with the shocks' issues. */
function paths(...args: Parameters<typeof simulatePaths>) {
  const r = simulatePaths(...args);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

// Synthetic county flows (docs/domain.md §10.1: July raise back-dated to January), seeded; never the real sample.
describe('forecastFlows on synthetic monthly flows', () => {
  const fixed = forecastFlows(table(1, 96), { horizon: 18, levels: [50, 80, 95] });

  it('beats seasonal naive (MASE < 1) on every series and reports every candidate', () => {
    for (const s of fixed.series) {
      const chosen = s.scores.find((c) => c.model === s.model)!;
      expect(chosen.mase).toBeLessThan(1);
      expect(s.scores.map((c) => c.model)).toEqual(['seasonalNaive', 'ets(A,A)', 'ets(Ad,A)', 'ets(Ad,M)', 'linearTrend+months', 'combination']);
    }
  });

  it('coverage of the 95% band in the backtest lies in [85%, 100%] (pooled over the series)', () => {
    const coverage = fixed.series.map((s) => s.scores.find((c) => c.model === s.model)!.coverage95);
    const mean = coverage.reduce((a, b) => a + b, 0) / coverage.length;
    expect(mean).toBeGreaterThanOrEqual(0.85);
    expect(mean).toBeLessThanOrEqual(1);
  });

  it('coverage of the 95% band pooled over every window and horizon of the chosen models lies in [85%, 100%]', () => {
    const counts = fixed.series.map((s) => s.scores.find((c) => c.model === s.model)!.coverageCounts);
    const scored = counts.reduce((a, c) => a + c.scored, 0);
    const hits95 = counts.reduce((a, c) => a + c.hits95, 0);
    expect(scored).toBeGreaterThan(0);
    expect(hits95 / scored).toBeGreaterThanOrEqual(0.85);
    expect(counts.every((c) => c.hits80 <= c.hits95)).toBe(true);
  });

  it('the total mean is the sum of the parts', () => {
    fixed.periods.forEach((_, k) => {
      const parts = fixed.series.filter((s) => s.side === 'inflow').reduce((a, s) => a + s.mean[k]!, 0);
      expect(fixed.total.inflow.mean[k]).toBeCloseTo(parts, 3);
    });
  });
});

describe('properties', () => {
  it('bands are nested (50 ⊂ 80 ⊂ 95) and non-negative for inflows and outflows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 36, max: 60 }), (seed, months) => {
        const out = forecastFlows(table(seed, months), { horizon: 15, levels: [50, 80, 95] });
        for (const d of [...out.series, out.total.inflow, out.total.outflow]) {
          out.periods.forEach((_, k) => {
            const [b50, b80, b95] = [d.bands[50]!, d.bands[80]!, d.bands[95]!];
            expect(b95.lo[k]!).toBeLessThanOrEqual(b80.lo[k]!);
            expect(b80.lo[k]!).toBeLessThanOrEqual(b50.lo[k]!);
            expect(b50.lo[k]!).toBeLessThanOrEqual(b50.hi[k]!);
            expect(b50.hi[k]!).toBeLessThanOrEqual(b80.hi[k]!);
            expect(b80.hi[k]!).toBeLessThanOrEqual(b95.hi[k]!);
            expect(b95.lo[k]!).toBeGreaterThanOrEqual(0);
            expect(d.mean[k]!).toBeGreaterThanOrEqual(0);
          });
        }
      }),
      { numRuns: RUNS, seed: 42, verbose: true },
    );
  });

  it('paths are reproducible from the seed, non-negative, and each path total equals the sum of its parts', () => {
    const forecast = forecastFlows(table(3, 48), { horizon: 24 });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const a = paths(forecast, { paths: 20, seed });
        const b = paths(forecast, { paths: 20, seed });
        expect(a.paths).toEqual(b.paths);
        for (const path of a.paths) {
          for (const flows of Object.values(path)) for (const v of [...flows.inflow, ...flows.outflow]) expect(v).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: RUNS * 5, seed: 7, verbose: true },
    );
  });

  it('the total band comes from joint scenarios: it lies within the sum of the parts\' bounds', () => {
    const out = forecastFlows(table(5, 72), { horizon: 12, levels: [80] });
    out.periods.forEach((_, k) => {
      const parts = out.series.filter((s) => s.side === 'outflow');
      const sumHi = parts.reduce((a, s) => a + s.bands[80]!.hi[k]!, 0);
      const sumLo = parts.reduce((a, s) => a + s.bands[80]!.lo[k]!, 0);
      expect(out.total.outflow.bands[80]!.hi[k]!).toBeLessThanOrEqual(sumHi + 1e-6);
      expect(out.total.outflow.bands[80]!.lo[k]!).toBeGreaterThanOrEqual(sumLo - 1e-6);
    });
  });

  it('shocks: a one-off outflow adds exactly its amount; a rate cut is carried per period', () => {
    const forecast = forecastFlows(table(2, 48), { horizon: 12 });
    const base = paths(forecast, { paths: 5, seed: 9 });
    const period = forecast.periods[6]!;
    const shocked = paths(forecast, { paths: 5, seed: 9, shocks: [{ kind: 'oneOffOutflow', fundType: 'employeePension', period, amount: 5e7 }, { kind: 'rateCut', bp: 25, from: forecast.periods[3]! }] });
    shocked.paths.forEach((p, i) => expect(p.employeePension!.outflow[6]! - base.paths[i]!.employeePension!.outflow[6]!).toBeCloseTo(5e7, 3));
    expect(shocked.rateDeltaBp.slice(0, 5)).toEqual([0, 0, 0, -25, -25]);
  });

  it('an override mean (the cohort model) stays inside its bands, also where the backtest is too short for empirical bands', () => {
    const data = table(4, 30);
    const plain = forecastFlows(data, { horizon: 24, levels: [80] });
    expect(plain.notes.some((n) => n.code === 'few_backtest_windows')).toBe(true);
    const mean = plain.periods.map(() => 9e7); // far above the time-series mean (about 4e7)
    const out = forecastFlows(data, { horizon: 24, levels: [80], overrides: { 'employeePension/inflow': { model: 'cohort', mean } } });
    const s = out.series.find((x) => x.fundType === 'employeePension' && x.side === 'inflow')!;
    expect(s.model).toBe('cohort');
    s.mean.forEach((m, k) => {
      expect(s.bands[80]!.lo[k]!, `step ${k}`).toBeLessThanOrEqual(m);
      expect(s.bands[80]!.hi[k]!, `step ${k}`).toBeGreaterThanOrEqual(m);
    });
  });

  it('shocks that would change nothing are errors naming the shock: a year on a monthly forecast, a month that does not exist, a start after the forecast, an unknown fund type', () => {
    const forecast = forecastFlows(table(2, 48), { horizon: 12 });
    const r = simulatePaths(forecast, {
      paths: 2,
      seed: 1,
      shocks: [
        { kind: 'rateCut', bp: 25, from: '2027' },
        { kind: 'payoutGrowth', annualRate: 0.05, from: '2019-13' },
        { kind: 'contributionBaseFreeze', baseGrowth: 0.05, from: '2099-01' },
        { kind: 'oneOffOutflow', fundType: 'employeePensoin', period: forecast.periods[0]!, amount: 1 },
      ],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.path.join('.'), i.rule])).toEqual([
      ['shocks.0.from', 'shockPeriod'],
      ['shocks.1.from', 'shockPeriod'],
      ['shocks.2.from', 'shockPeriod'],
      ['shocks.3.fundType', 'shockFundType'],
    ]);
  });
});
