// Run results checked with the application layer's own schemas (`@fundladder/app/wire`; docs/web.md §1, "Validated
// at the boundary"): the zod codecs the jobs encode their results with (money "1234.50" ⇄ Decimal, rates ⇄ Decimal,
// objects ⇄ Maps) decode the answer here, so a result the app layer would not read back is refused at the boundary,
// and a field the app layer renames breaks this app's type check instead of a screen. The screens then read the wire
// form the decode accepted, typed as the schemas' input (`z.input`): money stays yuan text, which the formatters turn
// into 万元 exactly (fen as BigInt, format/money.ts). The backtest result is not here: its schema lives beside the
// backtest job, which loads the forecast engine (forecastSchemas.ts keeps a copy of it).
import type { z } from 'zod';
import { compareColumn, compareResult, evaluationSummary, forecastPeriod, forecastResult, frontierPoint, optimizeResult, replayResult, tenderResult } from '@fundladder/app/wire';
import { parseAnswer } from './client';

export { compareColumn, compareResult, evaluationSummary, forecastResult, frontierPoint, optimizeResult, replayResult, tenderResult };

/**
 * A run's result decoded with `schema`, returned as the wire form that decoded (`z.input` of the schema).
 * @param schema - one of the app layer's result schemas (a codec)
 * @param json - the result as the API sent it
 * @param what - names the answer in the error
 * @returns `json`, typed as the schema's wire form
 * @throws ApiError `invalid_response` with the decode's issues when the result does not decode
 * @example checkedResult(optimizeResult, run.result, 'GET run 7 result').interest //=> '1234567.89'
 */
export function checkedResult<S extends z.ZodType>(schema: S, json: unknown, what: string): z.input<S> {
  parseAnswer(schema, json, what);
  return json as z.input<S>;
}

export type OptimizeResult = z.input<typeof optimizeResult>;
export type Stress = NonNullable<OptimizeResult['stress']>;
export type Rollover = NonNullable<OptimizeResult['rollover']>;
export type RolloverReason = Rollover['placements'][number]['reason'];
export type Evaluation = z.input<typeof evaluationSummary>;
export type LedgerMonth = Evaluation['months'][number];
export type CapUse = Evaluation['kpis']['bankCapUsage'][number];
export type Binding = OptimizeResult['binding'][number];
export type FrontierPoint = z.input<typeof frontierPoint>;

export type CompareResult = z.input<typeof compareResult>;
export type CompareColumn = z.input<typeof compareColumn>;

export type ForecastResult = z.input<typeof forecastResult>;
export type ForecastPeriod = z.input<typeof forecastPeriod>;

export type TenderResult = z.input<typeof tenderResult>;
export type TenderBid = TenderResult['bids'][number];
export type SuspensionReason = TenderBid['reasons'][number];

export type ReplayResult = z.input<typeof replayResult>;
export type ReplaySide = ReplayResult['actual'];
