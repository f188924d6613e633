import { mulberry32, validateScenario } from '@fundladder/core';
import { describe, expect, it } from 'vitest';
import sampleScenario from '../../../examples/county-fund/scenario.json';
import { forecastFlows } from './forecastFlows';
import type { FlowTable } from './input/flowTable';
import { flowTableFromScenario } from './input/flowTableFromScenario';
import { simulatePaths } from './simulate';
import { simulateFlowTable } from './simulateFlowTable';

const IN_SEASON = [1.0, 0.85, 1.0, 1.0, 1.0, 1.02, 1.0, 1.0, 1.0, 1.0, 1.03, 1.25];

/**
 * Two synthetic pension funds over `months` months from 2021-01 (never the real sample). One common
 * shock g_t moves both funds' contributions up and fund A's payouts down in the same month, so the
 * residuals of A and B inflows correlate positively and A's inflow and outflow negatively; B's payouts
 * are independent. Fund B's inflow has a month with no collections at all (August), fund A a December lump.
 */
function correlatedTable(months: number, seed = 11): FlowTable {
  const rng = mulberry32(seed);
  const gauss = (): number => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  const periods: string[] = [];
  const a = { inflow: [] as number[], outflow: [] as number[] };
  const b = { inflow: [] as number[], outflow: [] as number[] };
  for (let t = 0; t < months; t++) {
    const month = t % 12;
    periods.push(`${2021 + Math.floor(t / 12)}-${String(month + 1).padStart(2, '0')}`);
    const g = gauss();
    a.inflow.push(4e7 * 1.005 ** t * IN_SEASON[month]! * (1 + 0.04 * (g + 0.4 * gauss())));
    b.inflow.push(month === 7 ? 0 : 2e7 * 1.004 ** t * (1 + 0.04 * (g + 0.4 * gauss())));
    a.outflow.push(3.6e7 * 1.004 ** t * (1 + 0.03 * (-g + 0.4 * gauss())));
    b.outflow.push(1.8e7 * 1.004 ** t * (1 + 0.03 * gauss()));
  }
  return {
    frequency: 'monthly',
    period: 12,
    periods,
    series: [
      { fundType: 'employeePension', ...a, cohort: periods.map(() => ({})) },
      { fundType: 'residentPension', ...b, cohort: periods.map(() => ({})) },
    ],
  };
}

function paths(...args: Parameters<typeof simulatePaths>) {
  const r = simulatePaths(...args);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

function correlation(x: readonly number[], y: readonly number[]): number {
  const mx = x.reduce((a, b) => a + b, 0) / x.length;
  const my = y.reduce((a, b) => a + b, 0) / y.length;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  x.forEach((v, i) => {
    sxy += (v - mx) * (y[i]! - my);
    sxx += (v - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  });
  return sxy / Math.sqrt(sxx * syy);
}

describe('simulatePaths: many distinct joint paths (docs/forecast.md "Paths")', () => {
  const table36 = correlatedTable(36);
  const forecast36 = forecastFlows(table36, { horizon: 24 });

  it('with 36 months of history, 100 paths hold at least 95 distinct ones (the first version drew all 100 from one backtest window set and they were identical)', () => {
    const sim = paths(forecast36, { paths: 100, seed: 1 });
    expect(sim.distinctPaths).toBeGreaterThanOrEqual(95);
    expect(new Set(sim.paths.map((p) => p.employeePension!.inflow.join(','))).size).toBe(sim.distinctPaths);
    expect(sim.sourcePeriods).toHaveLength(100);
    expect(sim.sourcePeriods[0]).toHaveLength(24);
  });

  it('the sample scenario (examples/county-fund: 384 history rows, 8 fund types, 48 months): 200 paths over its 36-month horizon are all distinct (the first version gave 12 distinct of 100)', () => {
    const scenario = validateScenario(sampleScenario);
    if (!scenario.ok) throw new Error(JSON.stringify(scenario.issues));
    const table = flowTableFromScenario(scenario.value);
    if (!table.ok) throw new Error(JSON.stringify(table.issues));
    expect(table.value.series).toHaveLength(8);
    expect(table.value.periods).toHaveLength(48);
    const run = simulateFlowTable(table.value, { horizon: 36, paths: 200, seed: 1 });
    if (!run.ok) throw new Error(JSON.stringify(run.issues));
    expect(run.value.paths.distinctPaths).toBe(200);
    // Every pair of series whose historical residuals correlate clearly (|r| > 0.3) keeps the sign in the paths; the two
    // pension funds' payouts (both paid the July raise arrears) and one fund's inflow and outflow are among them.
    const { forecast, paths: sim } = run.value;
    const live = forecast.series.map((s, i) => ({ s, i })).filter(({ s }) => s.model !== 'zero');
    const checked: string[] = [];
    for (const [a, x] of live.entries()) {
      for (const y of live.slice(a + 1)) {
        const historical = correlation(forecast.pathModel.series[x.i]!.innovations, forecast.pathModel.series[y.i]!.innovations);
        if (Math.abs(historical) <= 0.3) continue;
        const simulated = correlation(...simulatedDeviations(sim, forecast, [x.s.fundType, x.s.side], [y.s.fundType, y.s.side], 0));
        const label = `${x.s.fundType}/${x.s.side} × ${y.s.fundType}/${y.s.side}`;
        expect(Math.sign(simulated), `${label}: historical ${historical.toFixed(2)}, simulated ${simulated.toFixed(2)}`).toBe(Math.sign(historical));
        checked.push(label);
      }
    }
    expect(checked).toContain('employeePension/outflow × publicSectorPension/outflow');
    expect(checked).toContain('employeePension/inflow × employeePension/outflow');
  });

  it('keeps the correlation between fund types and between inflow and outflow of the same month: simulated deviations have the sign of the historical residual correlation', () => {
    const sim = paths(forecast36, { paths: 400, seed: 3 });
    const z = (fundType: string, side: 'inflow' | 'outflow') => forecast36.pathModel.series[forecast36.series.findIndex((s) => s.fundType === fundType && s.side === side)]!.innovations;
    const pairs: [[string, 'inflow' | 'outflow'], [string, 'inflow' | 'outflow']][] = [
      [['employeePension', 'inflow'], ['residentPension', 'inflow']],
      [['employeePension', 'inflow'], ['employeePension', 'outflow']],
    ];
    const signs = pairs.map(([x, y]) => {
      const historical = correlation(z(...x), z(...y));
      const simulated = correlation(...simulatedDeviations(sim, forecast36, x, y, 0));
      expect(Math.abs(historical)).toBeGreaterThan(0.5);
      expect(Math.sign(simulated), `${x.join(' ')} × ${y.join(' ')}: historical ${historical.toFixed(2)}, simulated ${simulated.toFixed(2)}`).toBe(Math.sign(historical));
      expect(Math.abs(simulated)).toBeGreaterThan(0.5);
      return Math.sign(historical);
    });
    expect(signs).toEqual([1, -1]);
  });

  it('is reproducible from the seed, and another seed gives other paths', () => {
    const a = paths(forecast36, { paths: 50, seed: 7 });
    const b = paths(forecast36, { paths: 50, seed: 7 });
    const c = paths(forecast36, { paths: 50, seed: 8 });
    expect(a.paths).toEqual(b.paths);
    expect(a.sourcePeriods).toEqual(b.sourcePeriods);
    expect(c.paths).not.toEqual(a.paths);
  });

  it('never goes negative, gives no spread to a month that never has a flow, and widens the December lump more than an ordinary month', () => {
    const sim = paths(forecast36, { paths: 300, seed: 5 });
    const august = forecast36.periods.map((p, k) => (p.endsWith('-08') ? k : -1)).filter((k) => k >= 0);
    const mean = forecast36.series.find((s) => s.fundType === 'residentPension' && s.side === 'inflow')!.mean;
    for (const path of sim.paths) {
      for (const flows of Object.values(path)) for (const v of [...flows.inflow, ...flows.outflow]) expect(v).toBeGreaterThanOrEqual(0);
      for (const k of august) expect(path.residentPension!.inflow[k]).toBe(Math.max(0, mean[k]!));
    }
    const spread = (k: number) => {
      const values = sim.paths.map((p) => p.employeePension!.inflow[k]!).sort((x, y) => x - y);
      return values[Math.floor(0.9 * values.length)]! - values[Math.floor(0.1 * values.length)]!;
    };
    const december = forecast36.periods.indexOf('2024-12');
    const november = forecast36.periods.indexOf('2024-11');
    expect(spread(december)).toBeGreaterThan(1.1 * spread(november));
  });

  it('past the backtest horizon the spread of a month grows no faster than √k (the bands\' rule), and a backtest shorter than a season still gives finite paths', () => {
    const sim = paths(forecast36, { paths: 2000, seed: 13 });
    for (const s of forecast36.series) {
      const sd = (k: number) => {
        const d = sim.paths.map((p) => p[s.fundType]![s.side][k]! - s.mean[k]!);
        const m = d.reduce((a, b) => a + b, 0) / d.length;
        return Math.sqrt(d.reduce((a, b) => a + (b - m) ** 2, 0) / d.length);
      };
      // Step 23 is the same calendar month as step 11, the last backtest horizon: at most √(24/12) wider.
      expect(sd(23), `${s.fundType}/${s.side}`).toBeLessThanOrEqual(Math.SQRT2 * sd(11) * 1.15 + 1e-6);
    }
    const short = forecastFlows(table36, { horizon: 30, backtest: { horizon: 5 } });
    const shortPaths = paths(short, { paths: 50, seed: 1 });
    for (const p of shortPaths.paths) for (const flows of Object.values(p)) expect([...flows.inflow, ...flows.outflow].every(Number.isFinite)).toBe(true);
  });

  it('applies shocks on top of the same draws: payout growth multiplies each outflow by (1 + r)^(months since start ÷ 12)', () => {
    const base = paths(forecast36, { paths: 20, seed: 9 });
    const from = forecast36.periods[3]!;
    const shocked = paths(forecast36, { paths: 20, seed: 9, shocks: [{ kind: 'payoutGrowth', annualRate: 0.06, from }] });
    shocked.paths.forEach((p, i) => {
      const before = base.paths[i]!.employeePension!.outflow;
      p.employeePension!.outflow.forEach((v, k) => expect(v).toBeCloseTo(before[k]! * (k < 3 ? 1 : 1.06 ** ((k - 3 + 1) / 12)), 4));
      expect(p.employeePension!.inflow).toEqual(base.paths[i]!.employeePension!.inflow);
    });
  });
});

/** Deviations from the mean forecast of two series at one step (or pooled over all steps from `fromStep`), over every path. */
function simulatedDeviations(sim: ReturnType<typeof paths>, forecast: ReturnType<typeof forecastFlows>, x: [string, 'inflow' | 'outflow'], y: [string, 'inflow' | 'outflow'], fromStep: number): [number[], number[]] {
  const mean = (fundType: string, side: 'inflow' | 'outflow') => forecast.series.find((s) => s.fundType === fundType && s.side === side)!.mean;
  const [mx, my] = [mean(...x), mean(...y)];
  const dx: number[] = [];
  const dy: number[] = [];
  for (const path of sim.paths) {
    for (let k = fromStep; k < forecast.periods.length; k++) {
      dx.push(path[x[0]]![x[1]][k]! - mx[k]!);
      dy.push(path[y[0]]![y[1]][k]! - my[k]!);
    }
  }
  return [dx, dy];
}
