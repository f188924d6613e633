// Forecast and backtest results as the API sends them (packages/app/src/jobs/forecastResult.ts and backtest.ts, wire
// form), as far as the Forecast screen reads them. Money is yuan to the fen as text; scores are numbers, `null` when
// nothing was scored and "Infinity" when unbounded (docs/app.md §2).
import { z } from 'zod';
import { yuan } from './schemas';

const band = z.object({ level: z.number(), lo: yuan, hi: yuan });
const value = z.object({ mean: yuan, bands: z.array(band) });
export const forecastPeriodSchema = z.object({ period: z.string(), inflow: value, outflow: value, net: value });
export type ForecastPeriod = z.output<typeof forecastPeriodSchema>;

export const forecastResultSchema = z.object({
  kind: z.literal('forecast'),
  frequency: z.enum(['monthly', 'annual']),
  history: z.object({ first: z.string(), last: z.string(), periods: z.int() }),
  periods: z.array(z.string()),
  levels: z.array(z.number()),
  backtest: z.object({ horizon: z.int(), windows: z.int(), refitEvery: z.int(), minTrain: z.int() }),
  fundTypes: z.array(z.object({ fundType: z.string(), models: z.object({ inflow: z.string(), outflow: z.string() }), periods: z.array(forecastPeriodSchema) })),
  total: z.array(forecastPeriodSchema),
});
export type ForecastResult = z.output<typeof forecastResultSchema>;

/** A score: a number, null (nothing scored) or ±"Infinity" (a model that failed), kept as sent. */
export const scoreSchema = z.union([z.number(), z.null(), z.enum(['Infinity', '-Infinity'])]);
export type Score = z.output<typeof scoreSchema>;

const modelScore = z.object({
  model: z.string(),
  mase: scoreSchema,
  coverage80: scoreSchema,
  coverage95: scoreSchema,
  coverageCounts: z.object({ scored: z.int(), hits80: z.int(), hits95: z.int() }),
  byHorizon: z.array(z.object({ horizon: z.int(), mape: scoreSchema, mase: scoreSchema, coverage80: scoreSchema, coverage95: scoreSchema, windows: z.int() })),
  failure: z.string().optional(),
});
export type ModelScore = z.output<typeof modelScore>;

export const backtestResultSchema = z.object({
  kind: z.literal('backtest'),
  mode: z.literal('models'),
  history: z.object({ first: z.string(), last: z.string(), periods: z.int() }),
  backtest: z.object({ horizon: z.int(), windows: z.int(), refitEvery: z.int(), minTrain: z.int() }),
  reportHorizons: z.array(z.int()),
  series: z.array(z.object({ fundType: z.string(), side: z.enum(['inflow', 'outflow']), chosen: z.string(), scores: z.array(modelScore) })),
  pooledCoverage: z.object({ scored: z.int(), hits80: z.int(), hits95: z.int() }),
  chosen: z.object({ maseMedian: scoreSchema, maseWorst: scoreSchema, coverage95Median: scoreSchema, coverage95Lowest: scoreSchema }),
});
export type BacktestResult = z.output<typeof backtestResultSchema>;
