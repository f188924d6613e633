import type { Result } from '@fundladder/core';
import { type FlowForecast, type ForecastOptions, forecastFlows } from './forecastFlows';
import type { FlowTable } from './input/flowTable';
import { type Shock, type SimulatedPaths, simulatePaths } from './simulate';

/** Options of {@link simulateFlowTable}. */
export interface SimulateFlowTableOptions {
  /** Periods ahead, from the period after the table's last one. */
  readonly horizon: number;
  /** Number of joint paths. */
  readonly paths: number;
  /** Seed of core's `mulberry32`: the same table, options and seed give the same paths. */
  readonly seed: number;
  readonly shocks?: readonly Shock[];
  /** Anything else for `forecastFlows` (levels, backtest options, overrides); `horizon` above wins. */
  readonly forecast?: Omit<ForecastOptions, 'horizon'>;
}

/**
 * N seeded joint paths straight from a flow table: `forecastFlows` (model choice by backtest, the path
 * model) then `simulatePaths`. What a caller holding only history (the optimizer's CLI, the calibration
 * below) needs; the forecast comes back too, for its notes and periods.
 *
 * @param table - checked flows (`flowTableFromScenario`, `buildFlowTable`)
 * @param options - horizon, number of paths, seed, shocks
 * @returns the forecast and its paths (with `distinctPaths`), or the shocks' issues
 * @example simulateFlowTable(table, { horizon: 36, paths: 200, seed: 1 }).ok && …value.paths.distinctPaths //=> 200
 * @see simulatePaths; docs/forecast.md "Paths"
 */
export function simulateFlowTable(table: FlowTable, options: SimulateFlowTableOptions): Result<{ forecast: FlowForecast; paths: SimulatedPaths }> {
  const forecast = forecastFlows(table, { ...options.forecast, horizon: options.horizon });
  const paths = simulatePaths(forecast, { paths: options.paths, seed: options.seed, ...(options.shocks ? { shocks: options.shocks } : {}) });
  return paths.ok ? { ok: true, value: { forecast, paths: paths.value } } : paths;
}
