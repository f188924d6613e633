import type { DomainIssue, Result } from '@fundladder/core';
import type { z } from 'zod';
import type { JobContext } from './jobs/context';
import { type BacktestRequest, type BacktestResult, backtestResult, runBacktest } from './jobs/backtest';
import { type CompareRequest, runCompare } from './jobs/compare';
import { type CompareResult, compareResult } from './jobs/compareResult';
import { type EvaluateRequest, type EvaluateResult, evaluateResult, runEvaluate } from './jobs/evaluate';
import { type ForecastRequest, runForecast } from './jobs/forecast';
import { type ForecastResult, forecastResult } from './jobs/forecastResult';
import { type InterestRequest, type InterestResult, interestResult, runInterest } from './jobs/interest';
import { type OptimizeRequest, runOptimize } from './jobs/optimize';
import { type OptimizeResult, optimizeResult } from './jobs/optimizeResult';
import { type ValidateRequest, type ValidateResult, runValidate, validateResult } from './jobs/validate';
import { type ReplayRequest, type ReplayResult, replayResult, runReplay } from './jobs/replay';
import { type TenderRequest, runTender } from './jobs/tender';
import { type TenderResult, tenderResult } from './jobs/tenderResult';
import { type AuditInterestRequest, type AuditInterestResult, auditInterestResult, runAuditInterest } from './jobs/auditInterest';

/** Every job by its `kind`: how to run it and how its result goes on the wire (docs/app.md §1–2). */
const JOBS = {
  auditInterest: { run: runAuditInterest, result: auditInterestResult },
  backtest: { run: runBacktest, result: backtestResult },
  compare: { run: runCompare, result: compareResult },
  evaluate: { run: runEvaluate, result: evaluateResult },
  forecast: { run: runForecast, result: forecastResult },
  interest: { run: runInterest, result: interestResult },
  optimize: { run: runOptimize, result: optimizeResult },
  replay: { run: runReplay, result: replayResult },
  tender: { run: runTender, result: tenderResult },
  validate: { run: runValidate, result: validateResult },
} as const;

export type JobKind = keyof typeof JOBS;
/** A request of any job. */
export type JobRequest = AuditInterestRequest | BacktestRequest | CompareRequest | EvaluateRequest | ForecastRequest | InterestRequest | OptimizeRequest | ReplayRequest | TenderRequest | ValidateRequest;
/** The result of any job (decoded: Decimals and Maps). */
export type JobResult = AuditInterestResult | BacktestResult | CompareResult | EvaluateResult | ForecastResult | InterestResult | OptimizeResult | ReplayResult | TenderResult | ValidateResult;

/** The kinds of job `execute` runs. */
export const JOB_KINDS = Object.keys(JOBS) as JobKind[];

function unknownKind(kind: unknown): DomainIssue {
  return { code: 'invalid_value', path: ['kind'], rule: 'jobKind', message: `unknown job kind; one of ${JOB_KINDS.join(', ')}`, received: String(kind) };
}

/**
 * Runs any job from its request (`{ kind, … }`): the one entry point the CLI, the HTTP API and job workers share.
 * Never throws on bad input: an unknown kind, unknown keys or a bad value come back as issues naming their field;
 * progress goes to `context.onProgress`, and `context.signal` cancels.
 * @example (await execute({ kind: 'validate', document: scenarioJson })).ok //=> true
 */
export async function execute(request: JobRequest, context: JobContext = {}): Promise<Result<JobResult>> {
  switch (request.kind) {
    case 'auditInterest':
      return JOBS.auditInterest.run(request, context);
    case 'backtest':
      return JOBS.backtest.run(request, context);
    case 'compare':
      return JOBS.compare.run(request, context);
    case 'evaluate':
      return JOBS.evaluate.run(request, context);
    case 'forecast':
      return JOBS.forecast.run(request, context);
    case 'interest':
      return JOBS.interest.run(request, context);
    case 'optimize':
      return JOBS.optimize.run(request, context);
    case 'replay':
      return JOBS.replay.run(request, context);
    case 'tender':
      return JOBS.tender.run(request, context);
    case 'validate':
      return JOBS.validate.run(request, context);
    default:
      return { ok: false, issues: [unknownKind((request as { kind?: unknown }).kind)] };
  }
}

/** A result's wire form (plain JSON: money as decimal strings to the fen), by its kind. */
export function encodeResult(result: JobResult): z.input<(typeof JOBS)[JobKind]['result']> {
  return (JOBS[result.kind].result as z.ZodType<unknown, unknown> & { encode(v: unknown): unknown }).encode(result) as z.input<(typeof JOBS)[JobKind]['result']>;
}

/** A result from its wire form, checked against its kind's schema; issues name the field on failure. */
export function decodeResult(json: unknown): Result<JobResult> {
  const kind = (json as { kind?: unknown } | null)?.kind;
  if (typeof kind !== 'string' || !(kind in JOBS)) return { ok: false, issues: [unknownKind(kind)] };
  const parsed = (JOBS[kind as JobKind].result as unknown as { safeDecode(v: unknown): { success: true; data: JobResult } | { success: false; error: z.ZodError } }).safeDecode(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, issues: parsed.error.issues.map((i) => ({ code: i.code, path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), rule: 'resultSchema', message: i.message })) };
}
