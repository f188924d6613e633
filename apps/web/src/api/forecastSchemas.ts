// The backtest result as the API sends it (packages/app/src/jobs/backtest.ts, wire form), as far as the Forecast screen
// reads it: scores are numbers, `null` when nothing was scored and "Infinity" when unbounded (docs/app.md §2). A copy,
// unlike the other results (results.ts): the app layer declares this schema beside the backtest job, which loads the
// forecast engine, so `@fundladder/app/wire` cannot offer it.
import { z } from 'zod';

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
