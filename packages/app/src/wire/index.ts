/**
 * `@fundladder/app/wire`: the jobs' results as they travel (zod codecs: wire text ⇄ `Decimal`, objects ⇄ `Map`s), for
 * a front end that checks them with the very schemas the jobs encode them with and must not load the engine (the web
 * app; docs/web.md §1, "Validated at the boundary"), and the catalogue's names of fund types and products with the ids
 * they name, so that such a front end words them as the CLI does. Each module re-exported here imports only zod and
 * `@fundladder/core`: no optimizer, forecast, exceljs or `node:*` — keep it so; a result schema that needs the engine
 * (the backtest's, beside its job) stays off this path.
 */
export { domainIssue, exact, intMap, money, stringMap, wordedIssue } from './codecs';
export { type EvaluationSummary, evaluationSummary, ledgerKpis, ledgerMonthRow, ledgerTotals, placement, scenarioRef } from '../jobs/evaluation';
export { type BindingFact, type OptimizeResult, type RolloverReason, type StressSummary, bindingFact, capFinding, frontierPoint, fundTypeStress, optimizeResult, rollingSummary, rolloverReason, rolloverSummary, safetySummary, shortfall, stressSummary } from '../jobs/optimizeResult';
export { type ColumnLedger, type CompareColumn, type CompareResult, columnLedger, columnSource, compareColumn, compareResult } from '../jobs/compareResult';
export { type ReplayResult, type ReplaySide, payoutGap, replayResult, replaySide, reserveBreach, rollingStep } from '../jobs/replayResult';
export { type AuditInterestResult, type AuditedLineWire, auditInterestResult, auditNote, auditedLine } from '../jobs/auditInterestResult';
export { type TenderBidResult, type TenderResult, suspensionReason, tenderBidResult, tenderResult } from '../jobs/tenderResult';
export { type ForecastResult, forecastBand, forecastPeriod, forecastResult, forecastValue } from '../jobs/forecastResult';
export { type Lang, namesFor } from '../messages/names';
export { FUND_TYPES, PRODUCT_KINDS } from '@fundladder/core';
