// Property: the results of the forecast, backtest and interest jobs survive encode → JSON text → decode unchanged, and
// their wire forms survive structuredClone (docs/app.md §2), over random histories (monthly or annual, zero series
// included), random options and shocks, and random interest computations. Seeded by test/setup in `npm test`;
// FL_PROPERTY_RUNS sets the number of cases (a forecast costs about 100 ms, so those properties run a quarter as many).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { z } from 'zod';
import { type ForecastRequest, runForecast } from '../jobs/forecast';
import { forecastResult } from '../jobs/forecastResult';
import { backtestResult, runBacktest } from '../jobs/backtest';
import { type InterestRequest, interestResult, runInterest } from '../jobs/interest';
import type { FlowHistoryRow } from '../jobs/flowHistory';

const RUNS = Math.min(200, Number(process.env.FL_PROPERTY_RUNS ?? 60));
const HEAVY_RUNS = Math.max(5, Math.round(RUNS / 4));

/** decode(JSON(encode(r))) equals r; the wire form survives structuredClone; encoding the decoded form gives the same text. */
function expectRoundTrip<S extends z.ZodType>(schema: S & { encode(v: z.output<S>): unknown; decode(v: unknown): z.output<S> }, result: z.output<S>): void {
  const text = JSON.stringify(schema.encode(result));
  const wire: unknown = JSON.parse(text);
  expect(schema.decode(wire)).toEqual(result);
  expect(structuredClone(wire)).toEqual(wire);
  expect(JSON.stringify(schema.encode(schema.decode(wire)))).toBe(text);
}

const FUND_TYPES = ['employeePension', 'workInjury', 'maternity', 'BPI_ALL'] as const;

/** A random history: 1–3 fund types (a zero series sometimes), 26–40 months or 8–14 years, seasonal with a trend and noise. */
const historyArb = fc
  .record({
    annual: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
    length: fc.integer({ min: 26, max: 40 }),
    funds: fc.uniqueArray(fc.constantFrom(...FUND_TYPES), { minLength: 1, maxLength: 3 }),
    levels: fc.array(fc.integer({ min: 0, max: 500_000_000 }), { minLength: 3, maxLength: 3 }),
    noise: fc.array(fc.integer({ min: -300, max: 300 }), { minLength: 40, maxLength: 40 }),
  })
  .map(({ annual, length, funds, levels, noise }) => {
    const periods = annual ? Array.from({ length: 8 + (length % 7) }, (_, k) => String(2012 + k)) : Array.from({ length }, (_, k) => `${2022 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`);
    const rows: FlowHistoryRow[] = [];
    periods.forEach((period, k) => {
      funds.forEach((fundType, f) => {
        const level = levels[f]!;
        const season = 1 + 0.1 * Math.sin((2 * Math.PI * (k % 12)) / 12);
        const amount = (side: number) => Math.max(0, Math.round(level * season * (1 + 0.004 * k) * (1 + (side * noise[(k + 7 * f) % 40]!) / 1000)));
        rows.push({ period, fundType, inflow: (amount(1) / 100).toFixed(2), outflow: (amount(-1) / 100 * 0.9).toFixed(2) });
      });
    });
    return { rows, first: periods.length ? nextPeriod(periods.at(-1)!) : '', funds };
  });

function nextPeriod(label: string): string {
  if (/^\d{4}$/.test(label)) return String(Number(label) + 1);
  const [y, m] = label.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

describe('wire codec (property): forecast, backtest and interest results', () => {
  it('forecasts of random histories with random levels, paths and shocks', async () => {
    let withPaths = 0;
    await fc.assert(
      fc.asyncProperty(
        historyArb,
        fc.record({ horizon: fc.integer({ min: 1, max: 8 }), levels: fc.uniqueArray(fc.constantFrom(60, 80, 90, 95, 99.5), { minLength: 1 }), paths: fc.constantFrom(0, 0, 5, 20), seed: fc.nat(), returnPaths: fc.boolean(), growth: fc.option(fc.double({ min: -0.5, max: 1, noNaN: true })), cut: fc.option(fc.integer({ min: -1000, max: 1000 })), outflowFen: fc.option(fc.bigInt({ min: 0n, max: 10_000_000_000n })) }),
        async (h, o) => {
          const shocks: NonNullable<NonNullable<ForecastRequest['options']>['shocks']> = [
            ...(o.growth !== null ? [{ kind: 'payoutGrowth' as const, annualRate: o.growth }] : []),
            ...(o.cut !== null ? [{ kind: 'rateCut' as const, bp: o.cut, from: h.first }] : []),
            ...(o.outflowFen !== null ? [{ kind: 'oneOffOutflow' as const, fundType: h.funds[0]!, period: h.first, amount: (Number(o.outflowFen) / 100).toFixed(2) }] : []),
          ];
          const r = await runForecast({ kind: 'forecast', history: { rows: h.rows }, options: { horizon: o.horizon, levels: o.levels, paths: o.paths, seed: o.seed, returnPaths: o.returnPaths, shocks } });
          if (!r.ok) throw new Error(JSON.stringify(r.issues.slice(0, 3)));
          if (r.value.paths) withPaths++;
          expectRoundTrip(forecastResult, r.value);
        },
      ),
      { numRuns: HEAVY_RUNS },
    );
    expect(withPaths).toBeGreaterThan(0);
  });

  it('backtests and path calibrations of random histories', async () => {
    const modes = new Set<string>();
    await fc.assert(
      fc.asyncProperty(historyArb, fc.boolean(), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 10 }), async (h, calibrate, horizon, windows) => {
        const r = await runBacktest({ kind: 'backtest', history: { rows: h.rows, file: 'flows.csv' }, options: calibrate ? { horizon: Math.min(horizon, 3), pathsCalibration: { paths: 10, origins: 2 } } : { horizon, windows } });
        if (!r.ok) throw new Error(JSON.stringify(r.issues.slice(0, 3)));
        modes.add(r.value.mode);
        expectRoundTrip(backtestResult, r.value);
      }),
      { numRuns: HEAVY_RUNS },
    );
    expect(modes.size).toBe(2);
  });

  it('interest computations of random deposits and bonds', async () => {
    let computed = 0;
    const day = fc.integer({ min: 0, max: 1500 }).map((n) => new Date(Date.UTC(2024, 0, 1 + n)).toISOString().slice(0, 10));
    const rate = fc.integer({ min: 0, max: 2000 }).map((bp) => (bp / 10_000).toString());
    await fc.assert(
      fc.asyncProperty(
        fc.record({ product: fc.constantFrom('demand', 'time', 'agreed', 'notice', 'cd', 'bond'), principalFen: fc.bigInt({ min: 1n, max: 100_000_000_000_000n }), annualRate: rate, from: day, to: day, termMonths: fc.option(fc.integer({ min: 1, max: 60 })), withdrawOn: fc.option(day), baseFen: fc.option(fc.bigInt({ min: 0n, max: 100_000_000_000n })), demandRate: fc.option(rate), couponFrequency: fc.option(fc.constantFrom(0, 1, 2, 4, 12)), dayBasis: fc.constantFrom('thirty360', 'actual365', 'actualActual') }),
        async (x) => {
          const request: InterestRequest = {
            kind: 'interest',
            product: x.product,
            principal: (Number(x.principalFen) / 100).toFixed(2),
            annualRate: x.annualRate,
            from: x.from < x.to ? x.from : x.to,
            to: x.from < x.to ? x.to : x.from,
            dayBasis: x.dayBasis,
            ...(x.termMonths !== null ? { termMonths: x.termMonths } : {}),
            ...(x.withdrawOn !== null ? { withdrawOn: x.withdrawOn } : {}),
            ...(x.baseFen !== null ? { baseAmount: (Number(x.baseFen) / 100).toFixed(2) } : {}),
            ...(x.demandRate !== null ? { demandRate: x.demandRate } : {}),
            ...(x.couponFrequency !== null ? { couponFrequency: x.couponFrequency } : {}),
          };
          const r = await runInterest(request);
          if (!r.ok) return; // a request the rule refuses (same day twice, no demand rate where one is needed) has no result
          computed++;
          expect(r.value.interest.decimalPlaces()).toBeLessThanOrEqual(2);
          expectRoundTrip(interestResult, r.value);
        },
      ),
      { numRuns: RUNS },
    );
    expect(computed).toBeGreaterThan(RUNS / 3);
  });
});
