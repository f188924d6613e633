import { z } from 'zod';
import { type Decimal, type DomainIssue, type Result, type Scenario, Decimal as Dec, addMonthsToKey, indexFlows, monthOrdinal } from '@fundladder/core';
import {
  type FrontierPoint, type OptimizeResult as EngineResult, type RollingComparison, type SafePlanResult, type StressResult,
  bindingFacts, compareRolling, explainInfeasible, pathsNeededFor, planSafely, reserveFromPaths, rolloverPlan, safetyFrontier, safetyIssues,
} from '@fundladder/optimizer';
import { defaultPathCounts, forecastFlowPaths, forecastMeanFlows, forecastPathFloats, planningSeed, safetyPaths } from '../paths';
import { scenarioRefOf, summarizeEvaluation } from './evaluation';
import { type JobContext, cancelledIssue, readScenarioJson } from './context';
import { type OptimizeResult, type StressSummary, optimizeResult } from './optimizeResult';
import { infeasibilityFixText, infeasibilityLines } from '../messages/infeasibility';
import { wordIssue } from '../messages/issues';
import { namesOf } from '../messages/names';

/** The confidences of a frontier request. */
export const FRONTIER_CONFIDENCES = [0, 0.9, 0.95, 0.99, 0.995] as const;

/**
 * Optimize a scenario safely (docs/optimizer.md §16): the options every front end offers, each bounded. Absent
 * options take the scenario's policy (confidence, reserve forecast) or the defaults below.
 */
export const optimizeRequest = z.strictObject({
  kind: z.literal('optimize'),
  scenario: z.unknown(),
  options: z.strictObject({
    solver: z.enum(['highs', 'jsls']).default('highs'),
    /** Plan only the first months of the scenario's horizon. */
    horizonMonths: z.int().min(1).optional(),
    /** Share of paths with no plan-caused payout gap; 0 plans on the mean flows (default policy.safety.confidence). */
    confidence: z.number().min(0).lt(1).optional(),
    /** Out-of-sample check paths (default 500, or more where the confidence needs them). */
    paths: z.int().min(0).max(20_000).optional(),
    /** Paths the floors are fitted to, drawn from another seed (default 1,000, or more where needed). */
    planningPaths: z.int().min(0).max(20_000).optional(),
    seed: z.int().min(0).max(4_294_967_295).default(1),
    reserveQuantile: z.number().gt(0).lt(1).optional(),
    reserveMonths: z.int().min(1).max(36).optional(),
    /** Quarterly re-planning on the first `paths` check paths, against the one-off plan. */
    rolling: z.strictObject({ paths: z.int().min(1).max(1000) }).optional(),
    frontier: z.boolean().default(false),
    /** A cost of this many basis points of every amount placed (objective only). */
    placementPenaltyBp: z.number().min(0).max(100).default(0),
  }).default({ solver: 'highs', seed: 1, frontier: false, placementPenaltyBp: 0 }),
});
export type OptimizeRequest = z.input<typeof optimizeRequest>;

/** A scenario cut to its first `months` months (flows included). */
export function withHorizon(scenario: Scenario, months: number): Scenario {
  const end = monthOrdinal(addMonthsToKey(scenario.startMonth, months));
  return { ...scenario, horizonMonths: months, flows: scenario.flows.filter((f) => monthOrdinal(f.month) < end) };
}

const toFen = (d: Decimal) => d.toDecimalPlaces(2, Dec.ROUND_HALF_UP);

/** A stress result without its per-path outcomes, money to the fen. */
export function summarizeStress(st: StressResult & { outOfSample?: true }): StressSummary {
  const { outcomes: _outcomes, byFundType, structuralShortProbability, planCausedShortProbability, planCausedShortFirstQuarterProbability, medianFirstPayoutShortMonth, mostCommonShortMonth, ...rest } = st;
  return {
    paths: rest.paths,
    distinctPaths: rest.distinctPaths,
    outOfSample: st.outOfSample === true,
    payoutShortProbability: rest.payoutShortProbability,
    payoutShortFirstQuarterProbability: rest.payoutShortFirstQuarterProbability,
    ...(medianFirstPayoutShortMonth ? { medianFirstPayoutShortMonth } : {}),
    shortProbability: rest.shortProbability,
    ...(structuralShortProbability !== undefined ? { structuralShortProbability } : {}),
    ...(planCausedShortProbability !== undefined ? { planCausedShortProbability } : {}),
    ...(planCausedShortFirstQuarterProbability !== undefined ? { planCausedShortFirstQuarterProbability } : {}),
    byFundType: byFundType.map((f) => ({ fundType: f.fundType, planCausedShortProbability: f.planCausedShortProbability, planCausedShortFirstQuarterProbability: f.planCausedShortFirstQuarterProbability, structuralShortProbability: f.structuralShortProbability, ...(f.structuralMedianFirstMonth ? { structuralMedianFirstMonth: f.structuralMedianFirstMonth } : {}), ...(f.structuralMedianShort ? { structuralMedianShort: toFen(f.structuralMedianShort) } : {}) })),
    reserveBreachProbability: rest.reserveBreachProbability,
    expectedInterest: toFen(rest.expectedInterest),
    p5Interest: toFen(rest.p5Interest),
    ...(mostCommonShortMonth ? { mostCommonShortMonth: { ...mostCommonShortMonth } } : {}),
    largestShort: toFen(rest.largestShort),
  };
}

function summarizeSafety(r: SafePlanResult, confidence: number): OptimizeResult['safety'] {
  const f = r.floors;
  const mean = r.meanPlan;
  return {
    confidence,
    ...(f ? { planningPaths: f.planningPaths, discardedPlanningPaths: f.discardedPaths.length, safetyMonths: f.months, perFundType: f.perFundType } : {}),
    ...(r.costOfSafety ? { costOfSafety: toFen(r.costOfSafety) } : {}),
    ...(mean?.result.status === 'optimal' ? { meanFlowPlan: { interest: mean.result.ledgerInterest, ...(mean.stress ? { stress: summarizeStress(mean.stress) } : {}) } } : {}),
    ...(f ? { preAllocation: new Map([...f.preAllocationYuan].map(([ft, row]) => [ft as string, row.map((y) => toFen(new Dec(y)))])) } : {}),
  };
}

function summarizeFrontier(points: readonly FrontierPoint[]): NonNullable<OptimizeResult['frontier']> {
  return points.map((p) => ({
    confidence: p.confidence,
    status: p.status === 'optimal' || p.status === 'infeasible' || p.status === 'tooFewPaths' ? p.status : 'error',
    ...(p.pathsNeeded !== undefined ? { pathsNeeded: p.pathsNeeded } : {}),
    ...(p.interest ? { interest: p.interest } : {}),
    ...(p.planCausedShortProbability !== undefined ? { planCausedShortProbability: p.planCausedShortProbability } : {}),
    ...(p.planCausedShortFirstQuarterProbability !== undefined ? { planCausedShortFirstQuarterProbability: p.planCausedShortFirstQuarterProbability } : {}),
    ...(p.payoutShortProbability !== undefined ? { payoutShortProbability: p.payoutShortProbability } : {}),
    ...(p.expectedInterest ? { expectedInterest: toFen(p.expectedInterest) } : {}),
    ...(p.p5Interest ? { p5Interest: toFen(p.p5Interest) } : {}),
  }));
}

function summarizeRolling(c: RollingComparison): NonNullable<OptimizeResult['rolling']> {
  const side = (s: RollingComparison['static']) => ({ payoutShortProbability: s.payoutShortProbability, planCausedShortProbability: s.planCausedShortProbability, meanInterest: toFen(s.meanInterest), p5Interest: toFen(s.p5Interest) });
  return {
    paths: c.paths,
    rows: c.rows.map((r) => ({ path: r.path, staticInterest: r.staticInterest, rollingInterest: r.rollingInterest, ...(r.staticFirstShort ? { staticFirstShort: r.staticFirstShort } : {}), ...(r.rollingFirstShort ? { rollingFirstShort: r.rollingFirstShort } : {}), staticPlanCaused: r.staticPlanCaused, rollingPlanCaused: r.rollingPlanCaused, failedSteps: [...r.failedSteps] })),
    static: side(c.static),
    rolling: side(c.rolling),
    replans: c.replans,
    elasticReplans: c.elasticReplans,
    wallMs: c.wallMs,
  };
}

function summarizeRollover(r: Extract<EngineResult, { status: 'optimal' }>): NonNullable<OptimizeResult['rollover']> {
  const ro = rolloverPlan(r);
  return {
    months: [...ro.months],
    maturities: ro.maturities.map((m) => ({ date: m.date, id: m.id, origin: m.origin, fundType: m.fundType, ...(m.bankId ? { bankId: m.bankId } : {}), product: m.product, principal: m.principal, interest: m.interest })),
    placements: ro.placements.map((p) => ({ month: p.month, ...(p.fundType ? { fundType: p.fundType } : {}), ...(p.bankId ? { bankId: p.bankId } : {}), product: p.product, termMonths: p.termMonths, annualRate: p.annualRate, amount: p.amount, maturesIn: p.maturesIn, bestRateForTerm: p.bestRateForTerm, reason: p.reason })),
    liquidity: ro.liquidity.map((l) => ({ month: l.month, liquid: l.liquid, reserve: l.reserve })),
  };
}

/**
 * The optimize job (docs/optimizer.md §16): forecast paths for planning and, from another seed, for the out-of-sample
 * check; the quantile reserve if asked; the safe plan with the mean-flow plan beside it; the frontier and the rolling
 * comparison if asked; the infeasibility explained when there is no plan. Progress by stage; a cancelled job returns
 * the issue `cancelled`. Bad input is an issue naming its field, never a throw.
 */
export async function runOptimize(request: OptimizeRequest, context: JobContext = {}): Promise<Result<OptimizeResult>> {
  const parsed = optimizeRequest.safeParse(request);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map((i) => ({ code: i.code, path: ['request', ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], rule: 'optimizeRequest', message: i.message })) };
  const o = parsed.data.options;
  const input = readScenarioJson(parsed.data.scenario);
  if (!input.ok) return input;
  let scenario = input.value.scenario;
  if (o.horizonMonths !== undefined) {
    if (o.horizonMonths > scenario.horizonMonths) return { ok: false, issues: [{ code: 'out_of_range', path: ['options', 'horizonMonths'], rule: 'horizonWithinScenario', message: `the scenario plans ${scenario.horizonMonths} months`, received: String(o.horizonMonths), limit: String(scenario.horizonMonths) }] };
    scenario = withHorizon(scenario, o.horizonMonths);
  }
  // The plan is fitted to the scenario's flows: every month of the horizon needs them (validate says so too).
  const covered = indexFlows(scenario, scenario.flows);
  if (!covered.ok) return covered;
  const { signal, onProgress } = context;
  if (signal?.aborted) return { ok: false, issues: [cancelledIssue('start')] };
  const progress = (stage: string) => (done: number, total: number) => onProgress?.({ stage, done, total });
  const c = o.confidence ?? scenario.policy.safety.confidence;
  const counts = defaultPathCounts(o.frontier ? 0.995 : c);
  const paths = o.paths ?? counts.check;
  const planningCount = o.planningPaths ?? counts.planning;
  const quantile = o.reserveQuantile ?? scenario.policy.reserveForecast?.quantile;
  const reserveMonths = o.reserveMonths ?? scenario.policy.reserveForecast?.months ?? 3;
  const rollingPaths = o.rolling?.paths ?? 0;
  const policy = { ...scenario.policy.safety, confidence: c };
  const early = safetyIssues(scenario, policy, planningCount, paths);
  if (early.length) return { ok: false, issues: early };

  // The paths: check paths from the seed, planning paths from their own seed (docs/forecast.md "Paths").
  const safetyOn = c > 0;
  const warnings: DomainIssue[] = [...input.value.warnings];
  let drawn: ReturnType<typeof safetyPaths> | undefined;
  if (safetyOn || paths > 0 || quantile !== undefined || rollingPaths > 0) {
    onProgress?.({ stage: 'paths', done: 0, total: 1 });
    drawn = safetyPaths(scenario, { check: Math.max(paths, rollingPaths), planning: safetyOn ? planningCount : 0, seed: o.seed });
    if (!drawn.ok) {
      if (safetyOn || quantile !== undefined || rollingPaths > 0) return { ok: false, issues: drawn.issues.map((i) => ({ ...i, message: `no forecast paths from the history, so payouts cannot be planned safe on them (confidence 0 plans on the mean flows alone): ${i.message}` })) };
      warnings.push(...drawn.issues.map((i) => ({ ...i, severity: 'warning' as const, message: `no forecast paths, so no stress test: ${i.message}` })));
    }
  }
  if (signal?.aborted) return { ok: false, issues: [cancelledIssue('paths')] };
  const planning = drawn?.ok ? drawn.value.planning : [];
  const check = drawn?.ok ? drawn.value.check.slice(0, paths) : [];
  const reservePaths = quantile !== undefined && drawn?.ok ? forecastFlowPaths(scenario, { paths: 200, seed: planningSeed(o.seed) }) : undefined;
  const extraReserve = quantile !== undefined && reservePaths?.ok ? reserveFromPaths(scenario, reservePaths.value, quantile, reserveMonths) : undefined;
  const common = { solver: o.solver, ...(extraReserve ? { extraReserve } : {}), ...(o.placementPenaltyBp > 0 ? { placementPenaltyPerWan: o.placementPenaltyBp / 10_000 } : {}) } as const;

  const safe = await planSafely(scenario, { ...common, planningPaths: planning, checkPaths: check, safety: policy, onProgress: (stage, done, total) => progress(stage)(done, total), ...(signal ? { signal } : {}) });
  if (!safe.ok) return safe;
  if (signal?.aborted) return { ok: false, issues: [cancelledIssue('check')] };
  const result = safe.value.result;
  const frontier = o.frontier && drawn?.ok
    ? await safetyFrontier(scenario, FRONTIER_CONFIDENCES, { ...common, planningPaths: planning, checkPaths: check, policy, ...(safe.value.nothingPlaced ? { nothingPlaced: safe.value.nothingPlaced } : {}), onPoint: progress('frontier') })
    : undefined;
  let rolling: RollingComparison | undefined;
  if (rollingPaths > 0 && result.status === 'optimal' && drawn?.ok) {
    const horizonEnd = addMonthsToKey(scenario.startMonth, scenario.horizonMonths);
    // Each re-plan: the mean of the forecast refitted on the history so far and, when safe, the rolling policy's floors
    // (docs/optimizer.md §16, "Rolling"): its remaining months at c from as many paths as the static plan, the quarter it
    // commits at 1 − (1 − c)·3/H, both from paths of the refitted forecast drawn from seeds of their own per quarter.
    rolling = await compareRolling(scenario, result.plan, drawn.value.check.slice(0, rollingPaths), {
      solver: o.solver,
      planFlows: (start, history) => (start === scenario.startMonth ? scenario.flows.filter((f) => f.month >= start) : forecastMeanFlows(history, scenario.fundTypes, start, monthOrdinal(horizonEnd) - monthOrdinal(start))),
      ...(c > 0
        ? {
            safety: {
              policy,
              planningPaths: Math.max(planningCount, pathsNeededFor(c)),
              ...(safe.value.floors ? { firstFloors: safe.value.floors } : {}),
              draw: (replan: Scenario, paths: number, part: 'remaining' | 'committed') => {
                const stream = planningSeed(o.seed + monthOrdinal(replan.startMonth));
                const now = forecastPathFloats(replan, { paths, seed: part === 'remaining' ? stream : planningSeed(stream) });
                return now.ok ? now.value : undefined;
              },
            },
          }
        : {}),
      onProgress: progress('rolling'),
    });
  }
  const infeasibility = result.status === 'infeasible' ? await explainInfeasible(scenario, extraReserve ? { extraReserve } : {}) : undefined;
  // The screens show the issues, the warnings, why there is no plan and what would fix it as they come: worded here,
  // banks and fund types by the scenario's names (the web app has no catalogue).
  const names = { zh: namesOf(parsed.data.scenario, 'zh'), en: namesOf(parsed.data.scenario, 'en') };
  const value: OptimizeResult = {
    kind: 'optimize',
    status: result.status,
    scenario: scenarioRefOf(scenario),
    warnings: warnings.map((w) => wordIssue(w, names)),
    issues: result.status === 'optimal' ? [] : result.issues.map((i) => wordIssue(i, names)),
    capFindings: result.capFindings.map((f) => ({ ...f })),
    safety: summarizeSafety(safe.value, c),
    ...(safe.value.stress ? { stress: summarizeStress(safe.value.stress) } : {}),
    binding: bindingFacts(result),
    exclusions: result.data ? result.data.exclusions.map((e) => ({ ...e })) : [],
    ...(result.status === 'optimal'
      ? {
          plan: { name: result.plan.name, placements: result.plan.placements.map((p) => ({ ...p })) },
          interest: result.ledgerInterest,
          lpInterest: result.lpInterest,
          optimality: { ...result.optimality },
          solver: { backend: result.report.backend, variables: result.size.variables, rows: result.size.rows, nonZeros: result.size.nonZeros, buildMs: result.buildMs, solveMs: result.totalSolveMs, rounds: result.rounds },
          evaluation: summarizeEvaluation(scenario, result.evaluation),
          rollover: summarizeRollover(result),
        }
      : {}),
    ...(frontier ? { frontier: summarizeFrontier(frontier) } : {}),
    ...(rolling ? { rolling: summarizeRolling(rolling) } : {}),
    ...(infeasibility ? { infeasibility: infeasibility.shortfalls.map((s) => ({ ...s })), infeasibilityWhy: { zh: infeasibilityLines(infeasibility, 'zh', names.zh), en: infeasibilityLines(infeasibility, 'en', names.en) }, infeasibilityFix: infeasibilityFixText(infeasibility.fixes, names) } : {}),
  };
  // The result is checked against its own wire schema before it leaves: a figure finer than the fen is a bug here.
  const checked = optimizeResult.safeEncode(value);
  if (!checked.success) return { ok: false, issues: checked.error.issues.map((i) => ({ code: 'internal', path: ['result', ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], rule: 'resultSchema', message: i.message })) };
  return { ok: true, value };
}
