import type { DomainIssue, Result, Scenario } from '@fundladder/core';
import { type EvaluationSummary, type ForecastResult, type JobContext, type OptimizeRequest, type OptimizeResult, execute, readScenarioJson } from '@fundladder/app';

/** Who and what an export belongs to: printed on every sheet and every page. */
export interface ExportMeta {
  /** The fund (基金) as the bureau names it, e.g. `示例县社会保险基金`. */
  readonly fundName: string;
  /** The scenario's name as stored (the API's scenario, not necessarily the JSON's `name`). */
  readonly scenarioName: string;
  /** The stored scenario version the run used (immutable). */
  readonly scenarioVersion: string;
  /** The run whose results these are. */
  readonly runId: string;
  /** The code version the run recorded (`0.1.0+a1b2c3d`). */
  readonly codeVersion: string;
}

/** An optimize result that has a plan: status optimal, with the plan, the ledger's interest and evaluation, the next quarter. */
export type PlannedOptimizeResult = OptimizeResult & {
  readonly status: 'optimal';
  readonly plan: NonNullable<OptimizeResult['plan']>;
  readonly interest: NonNullable<OptimizeResult['interest']>;
  readonly evaluation: EvaluationSummary;
  readonly rollover: NonNullable<OptimizeResult['rollover']>;
};

/**
 * Everything an export shows, decoded (Decimals and Maps, as the app layer made them): the run's optimize result with
 * its plan (its `evaluation` is the exact ledger's summary of the plan on the scenario's flows: months, totals, KPIs),
 * the forecast of the same scenario's history, the parsed scenario (policy, banks, quotes) and the meta.
 */
export interface ExportInput extends ExportMeta {
  readonly scenario: Scenario;
  readonly optimize: PlannedOptimizeResult;
  readonly forecast: ForecastResult;
}

/**
 * Whether an optimize result has a plan to export (the type then says so).
 * @param result - a decoded optimize result
 * @returns true when the status is optimal and the plan, the ledger's interest and evaluation and the next quarter are there
 * @example isPlanned({ ...result, status: 'infeasible' }) //=> false
 */
export function isPlanned(result: OptimizeResult): result is PlannedOptimizeResult {
  return result.status === 'optimal' && result.plan !== undefined && result.interest !== undefined && result.evaluation !== undefined && result.rollover !== undefined;
}

/** The optimize job's options (docs/app.md §1), as a request takes them. */
export type ExportOptimizeOptions = NonNullable<OptimizeRequest['options']>;

/** Band levels of the export's forecast: the 50% band is always there; 80% and 95% are the fan's. */
export const EXPORT_FORECAST_LEVELS = [80, 95] as const;

function noPlan(result: OptimizeResult): DomainIssue {
  return {
    code: 'no_plan',
    path: ['optimize', 'status'],
    rule: 'exportNeedsPlan',
    message: `the optimizer found no plan (${result.status}): there is nothing to export; the run's result explains why`,
    received: result.status,
  };
}

/**
 * Runs the jobs an export needs through the application layer (`execute`: optimize, then forecast on the scenario's
 * history over the plan's horizon with 80% and 95% bands) and assembles the {@link ExportInput}: the one call the API
 * makes. Bad input, a cancelled job or a scenario without a plan come back as issues, never a throw.
 * @param scenarioJson - the scenario as JSON (validated strictly by the jobs)
 * @param meta - fund, scenario version, run id and code version, printed on every sheet and page
 * @param options - the optimize job's options (paths, planning paths, seed, confidence …); `seed` also seeds the forecast
 * @param context - progress and cancellation, passed to both jobs
 * @returns the export's input, or the issues that stopped it
 * @example (await exportInputFor(sample, meta, { paths: 200, planningPaths: 300, seed: 7 })).ok //=> true
 * @see docs/exports.md, docs/app.md §1
 */
export async function exportInputFor(scenarioJson: unknown, meta: ExportMeta, options: ExportOptimizeOptions = {}, context: JobContext = {}): Promise<Result<ExportInput>> {
  const read = readScenarioJson(scenarioJson);
  if (!read.ok) return read;
  const optimized = await execute({ kind: 'optimize', scenario: scenarioJson, options }, context);
  if (!optimized.ok) return optimized;
  if (optimized.value.kind !== 'optimize') throw new Error(`execute returned a ${optimized.value.kind} result for an optimize request`);
  const optimize = optimized.value;
  if (!isPlanned(optimize)) return { ok: false, issues: [noPlan(optimize)] };
  const forecasted = await execute(
    { kind: 'forecast', history: { scenario: scenarioJson }, options: { horizon: optimize.scenario.horizonMonths, levels: [...EXPORT_FORECAST_LEVELS], ...(options.seed !== undefined ? { seed: options.seed } : {}) } },
    context,
  );
  if (!forecasted.ok) return forecasted;
  if (forecasted.value.kind !== 'forecast') throw new Error(`execute returned a ${forecasted.value.kind} result for a forecast request`);
  return { ok: true, value: { ...meta, scenario: read.value.scenario, optimize, forecast: forecasted.value } };
}

/**
 * The {@link ExportInput} of a finished optimize run whose result is stored (the API's case): the optimizer is not run
 * again; only the forecast of the scenario's history over the plan's horizon is made (seeded as the run was).
 * @param scenarioJson - the scenario version's JSON the run used
 * @param meta - fund, scenario version, run id and code version
 * @param optimize - the run's decoded optimize result
 * @param seed - the run's seed (its request's `options.seed`; default 1)
 * @returns the export's input, or the issues that stopped it (a result with no plan: `no_plan`)
 */
export async function exportInputFromResult(scenarioJson: unknown, meta: ExportMeta, optimize: OptimizeResult, seed = 1, context: JobContext = {}): Promise<Result<ExportInput>> {
  const read = readScenarioJson(scenarioJson);
  if (!read.ok) return read;
  if (!isPlanned(optimize)) return { ok: false, issues: [noPlan(optimize)] };
  const forecasted = await execute({ kind: 'forecast', history: { scenario: scenarioJson }, options: { horizon: optimize.scenario.horizonMonths, levels: [...EXPORT_FORECAST_LEVELS], seed } }, context);
  if (!forecasted.ok) return forecasted;
  if (forecasted.value.kind !== 'forecast') throw new Error(`execute returned a ${forecasted.value.kind} result for a forecast request`);
  return { ok: true, value: { ...meta, scenario: read.value.scenario, optimize, forecast: forecasted.value } };
}
