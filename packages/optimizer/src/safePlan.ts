import { type Decimal, type DomainIssue, type MonthlyFlow, type Result, type Scenario, Decimal as Dec, indexFlows } from '@fundladder/core';
import { type OptimizeOptions, type OptimizeResult, optimize } from './optimize';
import { type PathFloats, type SafetyFloors, type SafetyPolicy, pathFloats, pathsNeededFor, safetyFloors } from './model/safety';
import { prepareLadderData } from './model/data';
import { type StressResult, nothingPlacedGaps, stressTest } from './stress';

/** Planning paths: complete flow paths (Decimal yuan), or the same as 万元 floats (cheaper to draw; never priced). */
export type PlanningPaths = readonly (readonly MonthlyFlow[])[] | readonly PathFloats[];

function isPathFloats(p: readonly MonthlyFlow[] | PathFloats): p is PathFloats {
  return !Array.isArray(p);
}

/** Options of {@link planSafely}: the optimizer's, plus the two sets of paths and the safety policy. */
export interface SafePlanOptions extends Omit<OptimizeOptions, 'safety'> {
  /** The paths the plan is fitted to (the floors come from these): flow paths, or the same as 万元 floats. */
  readonly planningPaths: PlanningPaths;
  /** Independently drawn paths the plan is checked on (out of sample); never the planning paths. */
  readonly checkPaths: readonly (readonly MonthlyFlow[])[];
  readonly safety: SafetyPolicy;
  /** Also optimize on the mean flows alone: the cost of safety (default true). */
  readonly compareWithMeanPlan?: boolean;
  /** And run the mean-flow plan on the check paths too, for its risk (default false: it costs a ledger run per path). */
  readonly stressMeanPlan?: boolean;
  /** Progress by stage ('plan' | 'check' | 'mean'), for a progress bar. */
  readonly onProgress?: (stage: 'nothingPlaced' | 'check' | 'meanCheck', done: number, total: number) => void;
  readonly signal?: AbortSignal;
  /** The check paths' no-placement gaps, when already computed ({@link nothingPlacedGaps}). */
  readonly nothingPlaced?: ReturnType<typeof nothingPlacedGaps>;
}

/** A safe plan, checked out of sample, with what safety costs. */
export interface SafePlanResult {
  /** The plan fitted to the planning paths (status 'optimal'), or why there is none. */
  readonly result: OptimizeResult;
  /** The floors it was planned to (absent at confidence 0). */
  readonly floors?: SafetyFloors;
  /** The plan on the check paths: out of sample, with the structural and plan-caused measures. */
  readonly stress?: StressResult & { readonly outOfSample: true };
  /** The plan on the mean flows alone (confidence 0) and its stress on the same check paths. */
  readonly meanPlan?: { readonly result: OptimizeResult; readonly stress?: StressResult };
  /** Interest the safe plan gives up against the mean-flow plan (ledger, yuan; positive = safety costs). */
  readonly costOfSafety?: Decimal;
  /** The check paths' no-placement gaps (shared with later calls on the same paths). */
  readonly nothingPlaced?: ReturnType<typeof nothingPlacedGaps>;
}

/**
 * What is wrong with a safety request: a confidence outside [0, 1), a safety horizon longer than the
 * scenario's, too few paths for the confidence (at least {@link pathsNeededFor}), the same paths used to plan
 * and to check. Each issue names its field.
 */
export function safetyIssues(scenario: Scenario, safety: SafetyPolicy, planning: number, check: number, samePaths = false): DomainIssue[] {
  const issues: DomainIssue[] = [];
  const c = safety.confidence;
  if (!(c >= 0 && c < 1)) issues.push({ code: 'out_of_range', path: ['policy', 'safety', 'confidence'], rule: 'confidenceRange', message: 'a confidence is a share of paths between 0 and 1, e.g. 0.99 (0 = plan on the mean flows)', received: String(c), limit: '[0, 1)' });
  if (safety.horizonMonths !== undefined && safety.horizonMonths > scenario.horizonMonths) issues.push({ code: 'out_of_range', path: ['policy', 'safety', 'horizonMonths'], rule: 'safetyHorizon', message: `the safety horizon is longer than the scenario's ${scenario.horizonMonths} months`, received: String(safety.horizonMonths), limit: String(scenario.horizonMonths) });
  if (c > 0 && c < 1) {
    const needed = pathsNeededFor(c);
    if (planning < needed) issues.push({ code: 'too_small', path: ['planningPaths'], rule: 'pathsForConfidence', message: `a confidence of ${c} needs at least ${needed} planning paths (2/(1 − c)); ${planning} given`, received: String(planning), limit: String(needed) });
    if (check < needed) issues.push({ code: 'too_small', path: ['paths'], rule: 'pathsForConfidence', message: `a confidence of ${c} needs at least ${needed} paths to check it on (2/(1 − c)); ${check} given`, received: String(check), limit: String(needed) });
    if (samePaths) issues.push({ code: 'invalid', path: ['checkPaths'], rule: 'outOfSample', message: 'the plan must be checked on paths drawn apart from those it was fitted to', received: 'the same paths' });
  }
  return issues;
}

/**
 * Flows that do not cover the horizon, as issues instead of the throws further down (the LP's data and every
 * ledger run need a flow for every month and fund type): the planned flows (the scenario's unless given), then each
 * check path, reported once with the first incomplete one (a forecast that left a fund type out of its paths).
 */
function flowIssues(scenario: Scenario, options: Pick<SafePlanOptions, 'flows' | 'checkPaths'>): DomainIssue[] {
  const planned = indexFlows(scenario, options.flows ?? scenario.flows);
  if (!planned.ok) return planned.issues;
  const k = options.checkPaths.findIndex((path) => !indexFlows(scenario, path).ok);
  if (k < 0) return [];
  const first = indexFlows(scenario, options.checkPaths[k]!);
  const why = first.ok ? '' : first.issues[0]!.message;
  return [{ code: 'missing', path: ['checkPaths', k], rule: 'flowsCoverHorizon', message: `check path ${k} is not a complete flow path: ${why}`, received: `path ${k}` }];
}

/**
 * The cash floors for `scenario` from its planning paths (docs/optimizer.md §16): the LP's data on the planned
 * flows (`options.flows`, default the scenario's), the paths as 万元 floats, then {@link safetyFloors}.
 */
export function floorsFor(scenario: Scenario, planningPaths: PlanningPaths, safety: SafetyPolicy, options: Pick<OptimizeOptions, 'flows' | 'extraReserve'> = {}): SafetyFloors {
  const data = prepareLadderData(scenario, options.flows ?? scenario.flows, options.extraReserve);
  const fundTypes = scenario.fundTypes;
  type Ft = (typeof fundTypes)[number];
  return safetyFloors(
    scenario,
    { fundTypes, openingCash: data.openingCash as Map<Ft, number>, netFlow: data.netFlow as Map<Ft, number[]>, existingCash: data.existingCash as Map<Ft, number[]>, demandValuePerWan: data.demandValuePerWan as Map<Ft, number[]> },
    planningPaths.map((p) => (isPathFloats(p) ? p : pathFloats(scenario, p))),
    safety,
  );
}

/**
 * Plans safely (docs/optimizer.md §16): the cash floors from the planning paths, the optimizer
 * with those floors, then the plan — and, for the price of safety, the mean-flow plan — through the exact
 * ledger on the check paths, with each path also run with nothing placed so that gaps the plan causes are
 * told apart from those no plan can cure. Confidence 0 is the mean-flow plan alone, still checked.
 */
export async function planSafely(scenario: Scenario, options: SafePlanOptions): Promise<Result<SafePlanResult>> {
  const issues = [...safetyIssues(scenario, options.safety, options.planningPaths.length, options.checkPaths.length, options.planningPaths === options.checkPaths), ...flowIssues(scenario, options)];
  if (issues.length) return { ok: false, issues };
  const { planningPaths, checkPaths, safety, compareWithMeanPlan = true, stressMeanPlan = false, onProgress, signal, nothingPlaced: known, ...optimizeOptions } = options;
  const floors = safety.confidence > 0 ? floorsFor(scenario, planningPaths, safety, optimizeOptions) : undefined;
  const result = await optimize(scenario, { ...optimizeOptions, ...(floors ? { safety: floors } : {}) });
  const mean = safety.confidence > 0 && compareWithMeanPlan ? await optimize(scenario, optimizeOptions) : undefined;
  if (result.status !== 'optimal' && !mean) return { ok: true, value: { result, ...(floors ? { floors } : {}) } };
  const nothing = known ?? nothingPlacedGaps(scenario, checkPaths, (d, t) => onProgress?.('nothingPlaced', d, t));
  const stress = result.status === 'optimal' ? { ...stressTest(scenario, result.plan, checkPaths, { nothingPlaced: nothing, onProgress: (d, t) => onProgress?.('check', d, t), ...(signal ? { signal } : {}) }), outOfSample: true as const } : undefined;
  const meanStress = mean?.status === 'optimal' && stressMeanPlan ? stressTest(scenario, mean.plan, checkPaths, { nothingPlaced: nothing, onProgress: (d, t) => onProgress?.('meanCheck', d, t), ...(signal ? { signal } : {}) }) : undefined;
  const costOfSafety = result.status === 'optimal' && mean?.status === 'optimal' ? mean.ledgerInterest.minus(result.ledgerInterest) : undefined;
  return {
    ok: true,
    value: {
      result,
      ...(floors ? { floors } : {}),
      ...(stress ? { stress } : {}),
      ...(mean ? { meanPlan: { result: mean, ...(meanStress ? { stress: meanStress } : {}) } } : {}),
      ...(costOfSafety ? { costOfSafety: new Dec(costOfSafety) } : {}),
      nothingPlaced: nothing,
    },
  };
}

/** One point of the confidence–interest frontier. */
export interface FrontierPoint {
  readonly confidence: number;
  /** 'optimal', the optimizer's status, or 'tooFewPaths' (more paths are needed for this confidence). */
  readonly status: OptimizeResult['status'] | 'tooFewPaths';
  readonly pathsNeeded?: number;
  /** The plan's ledger interest on the mean flows (yuan). */
  readonly interest?: Decimal;
  /** Out of sample: probability of a gap the plan causes (horizon, first quarter), and of any payout gap. */
  readonly planCausedShortProbability?: number;
  readonly planCausedShortFirstQuarterProbability?: number;
  readonly payoutShortProbability?: number;
  /** Expected and 5th-percentile interest over the check paths (yuan). */
  readonly expectedInterest?: Decimal;
  readonly p5Interest?: Decimal;
}

/**
 * The confidence–interest frontier: a safe plan at each confidence (e.g. 0, 0.90, 0.95, 0.99, 0.995), all fitted
 * to the same planning paths and checked on the same check paths. A confidence that needs more paths than given
 * is reported as such, not planned.
 */
export async function safetyFrontier(scenario: Scenario, confidences: readonly number[], options: Omit<SafePlanOptions, 'safety' | 'compareWithMeanPlan'> & { readonly policy: SafetyPolicy; readonly onPoint?: (done: number, total: number) => void }): Promise<FrontierPoint[]> {
  const { policy, onPoint, ...rest } = options;
  let nothingPlaced = rest.nothingPlaced;
  const points: FrontierPoint[] = [];
  for (const [k, confidence] of confidences.entries()) {
    const needed = confidence > 0 ? pathsNeededFor(confidence) : 0;
    if (confidence > 0 && (rest.planningPaths.length < needed || rest.checkPaths.length < needed)) {
      points.push({ confidence, status: 'tooFewPaths', pathsNeeded: needed });
      onPoint?.(k + 1, confidences.length);
      continue;
    }
    const r = await planSafely(scenario, { ...rest, safety: { ...policy, confidence }, compareWithMeanPlan: false, ...(nothingPlaced ? { nothingPlaced } : {}) });
    if (!r.ok) throw new Error(`safetyFrontier: ${r.issues[0]?.message ?? ''}`);
    nothingPlaced ??= r.value.nothingPlaced;
    const st = r.value.stress;
    points.push({
      confidence,
      status: r.value.result.status,
      ...(r.value.result.status === 'optimal' ? { interest: r.value.result.ledgerInterest } : {}),
      ...(st ? { planCausedShortProbability: st.planCausedShortProbability ?? 0, planCausedShortFirstQuarterProbability: st.planCausedShortFirstQuarterProbability ?? 0, payoutShortProbability: st.payoutShortProbability, expectedInterest: st.expectedInterest, p5Interest: st.p5Interest } : {}),
    });
    onPoint?.(k + 1, confidences.length);
  }
  return points;
}
