import { FUND_TYPES } from '@fundladder/core';
import { type FlowTable, forecastFlows, simulatePaths, syntheticFundFlows } from '@fundladder/forecast';

/**
 * Benchmark of the forecast pipeline: fit + rolling-origin backtest of every candidate + 1,000 joint
 * paths × 36 months, for 8 fund types with 120 months of synthetic history each (target < 1 s median,
 * docs/forecast.md "Benchmark"). Fixed run count, results consumed, no assertion on time (docs/conventions.md §6).
 *
 * @returns one row per measured step, median milliseconds over the runs
 * @example const rows = await benchForecast(); rows[0]!.name //=> 'forecast: fit+backtest+1000 paths×36m, 8 funds×120m'
 * @see docs/forecast.md "Benchmark"; docs/conventions.md §6
 */
export async function benchForecast(): Promise<Array<{ name: string; medianMs: number; runs: number; note?: string }>> {
  const periods = syntheticFundFlows({ seed: 1, months: 120 }).periods;
  const table: FlowTable = {
    frequency: 'monthly',
    period: 12,
    periods,
    series: FUND_TYPES.map((fundType, i) => {
      const s = syntheticFundFlows({ seed: i + 1, months: 120, inflowBase: 4e7 / (i + 1), outflowBase: 3.6e7 / (i + 1) });
      return { fundType, inflow: s.inflow, outflow: s.outflow, cohort: [] };
    }),
  };
  const runs = 7;
  const totals: number[] = [];
  const fits: number[] = [];
  const sims: number[] = [];
  let sink = 0;
  forecastFlows(table, { horizon: 36 }); // warm-up (JIT), not timed
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const forecast = forecastFlows(table, { horizon: 36 });
    const t1 = performance.now();
    const simulated = simulatePaths(forecast, { paths: 1000, seed: r + 1 });
    if (!simulated.ok) throw new Error(simulated.issues[0]!.message);
    const paths = simulated.value;
    const t2 = performance.now();
    sink += paths.paths[999]!.employeePension!.outflow[35]!;
    fits.push(t1 - t0);
    sims.push(t2 - t1);
    totals.push(t2 - t0);
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  const note = `8 fund types × 2 sides × 6 candidates, 48 origins, refit every 12; checksum ${sink > 0 ? 'ok' : 'zero'}`;
  return [
    { name: 'forecast: fit+backtest+1000 paths×36m, 8 funds×120m', medianMs: median(totals), runs, note },
    { name: 'forecast: fit+backtest only', medianMs: median(fits), runs },
    { name: 'forecast: 1000 joint paths×36m only', medianMs: median(sims), runs },
  ];
}
