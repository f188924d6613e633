import { z } from 'zod';
import { type DomainIssue, type FundType, type MonthKey, type MonthlyFlow, type Result, type Scenario, Decimal, indexFlows } from '@fundladder/core';
import { type PathFloats, type SafetyFloors, explainInfeasible, floorsFor, nothingPlacedGaps, optimize, safetyIssues, stressTest } from '@fundladder/optimizer';
import { forecastFlowPaths, forecastPathFloats, planningSeed } from '../paths';
import { money, domainIssue } from '../wire/codecs';
import { scenarioRef, scenarioRefOf } from './evaluation';
import { type JobContext, cancelledIssue, readScenarioJson } from './context';
import { type GridPoint, MAX_VARIED_PARAMETERS, MAX_VALUES_PER_PARAMETER, type VarySpec, expandGrid } from '../sweep/grid';
import { applySweepPoint, sweepParameter } from '../sweep/parameters';
import { BINDABLE_RULES, type BindableRule, bindingChanges, bindingRules } from '../sweep/binding';
import { paretoFront } from '../sweep/frontier';
import { pathsFingerprint } from '../sweep/key';
import { infeasibilityFixText, infeasibilityLines } from '../messages/infeasibility';
import { type Lang, type Names, namesOf } from '../messages/names';

/**
 * Per-point defaults (docs/sweep.md "Cost of a point"): 200 check paths (the least a confidence of 0.99 can be shown
 * on, ⌈2/(1 − c)⌉) and 1,000 planning paths (the floors' guarantee holds with 96% probability on 1,000, 63% on 200,
 * docs/optimizer.md §16; drawn once per sweep, and the floors computed once per confidence, so they cost a point
 * almost nothing).
 */
export const SWEEP_DEFAULTS = { paths: 200, planningPaths: 1000, seed: 1, solver: 'highs' } as const;

/**
 * A policy sweep (docs/sweep.md): one or two policy parameters over a grid; each point re-optimized (the safe plan,
 * docs/optimizer.md §16) and priced by the ledger on the same forecast paths.
 */
export const sweepRequest = z.strictObject({
  kind: z.literal('sweep'),
  scenario: z.unknown(),
  vary: z.array(z.strictObject({ name: z.string().min(1), values: z.array(z.string().min(1)).min(1).max(MAX_VALUES_PER_PARAMETER) })).min(1).max(MAX_VARIED_PARAMETERS),
  options: z
    .strictObject({
      /** Out-of-sample check paths, the same for every point. */
      paths: z.int().min(1).max(20_000).default(SWEEP_DEFAULTS.paths),
      /** Paths the floors are fitted to (another seed), the same for every point. */
      planningPaths: z.int().min(1).max(20_000).default(SWEEP_DEFAULTS.planningPaths),
      seed: z.int().min(0).max(4_294_967_295).default(SWEEP_DEFAULTS.seed),
      solver: z.enum(['highs', 'jsls']).default(SWEEP_DEFAULTS.solver),
    })
    .default({ ...SWEEP_DEFAULTS }),
});
export type SweepRequest = z.input<typeof sweepRequest>;
export type SweepOptions = z.output<typeof sweepRequest>['options'];

/** A point's risk on the shared check paths (docs/optimizer.md §14): probabilities are shares of the paths. */
const sweepRisk = z.strictObject({
  paths: z.int(),
  planCausedShortProbability: z.number(),
  planCausedShortFirstQuarterProbability: z.number(),
  payoutShortProbability: z.number(),
  structuralShortProbability: z.number(),
  reserveBreachProbability: z.number(),
  expectedInterest: money,
  p5Interest: money,
});

/** One point of a sweep: its values, the plan's ledger interest, its risk on the shared paths, and the rules that bind. */
export const sweepPointResult = z.strictObject({
  index: z.int().min(0),
  values: z.record(z.string(), z.string()),
  /** `invalid`: the point's scenario breaks the schema (e.g. a share above 1), so nothing was planned. */
  status: z.enum(['optimal', 'infeasible', 'error', 'invalid']),
  /** The plan's interest over the horizon on the scenario's flows, from the exact ledger (yuan). */
  interest: money.optional(),
  risk: sweepRisk.optional(),
  binding: z.array(z.strictObject({ rule: z.enum(BINDABLE_RULES), count: z.int(), valuePerWan: z.number().optional() })),
  issues: z.array(domainIssue),
  /**
   * Why an infeasible point has no plan, in both languages: the first month that cannot keep every rule, the largest
   * shortfall (the rule, where, how much in 万元) and the months after, from the elastic LP that lets the reserve and
   * the caps bend (docs/optimizer.md §9, `explainInfeasible`; worded by `infeasibilityLines`). Absent on the other statuses.
   */
  why: z.strictObject({ zh: z.array(z.string()), en: z.array(z.string()) }).optional(),
  /** What would fix an infeasible point (`infeasibilityFixes`, worded by `infeasibilityFixLine`: e.g. the most months of payouts the money covers). */
  fix: z.strictObject({ zh: z.array(z.string()), en: z.array(z.string()) }).optional(),
  /** Wall time of the point (optimize and check), milliseconds. */
  ms: z.number(),
});
export type SweepPointResult = z.output<typeof sweepPointResult>;

/** A sweep's result: every point, the frontier (interest against plan-caused gap probability) and where binding rules change. */
export const sweepResult = z.strictObject({
  kind: z.literal('sweep'),
  scenario: scenarioRef,
  parameters: z.array(z.strictObject({ name: z.string(), values: z.array(z.string()) })),
  paths: z.strictObject({ check: z.int(), planning: z.int(), seed: z.int(), distinct: z.int(), fingerprint: z.string() }),
  points: z.array(sweepPointResult),
  /** Indices of the points on the Pareto front, by rising gap probability. */
  frontier: z.array(z.int()),
  changes: z.array(z.strictObject({ parameter: z.string(), fromIndex: z.int(), toIndex: z.int(), fromValue: z.string(), toValue: z.string(), starts: z.array(z.enum(BINDABLE_RULES)), stops: z.array(z.enum(BINDABLE_RULES)) })),
});
export type SweepResult = z.output<typeof sweepResult>;

/** A checked sweep request: the canonical parameters, the grid and the base scenario. */
export interface SweepSetup {
  /** The request with parameter names made canonical (aliases resolved) and defaults filled in. */
  readonly request: { readonly kind: 'sweep'; readonly scenario: unknown; readonly vary: readonly VarySpec[]; readonly options: SweepOptions };
  readonly scenario: Scenario;
  readonly points: readonly GridPoint[];
  /** Whether any point plans safely (confidence > 0): planning paths are drawn only then. */
  readonly safe: boolean;
}

const requestIssues = (error: z.ZodError): DomainIssue[] => error.issues.map((i) => ({ code: i.code, path: ['request', ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], rule: 'sweepRequest', message: i.message }));

/**
 * Checks a sweep before any work: the request's shape, every parameter name (an unknown one lists the allowed ones),
 * every value of every parameter on the base scenario (its schema checks the range: a share above 1 names the field),
 * the grid's size, and that the paths can show the highest confidence of the grid (⌈2/(1 − c)⌉ each).
 *
 * @example prepareSweep({ kind: 'sweep', scenario, vary: [{ name: 'reserveMonths', values: ['1', '2'] }] }).value.points.length //=> 2
 */
export function prepareSweep(input: SweepRequest): Result<SweepSetup> {
  const parsed = sweepRequest.safeParse(input);
  if (!parsed.success) return { ok: false, issues: requestIssues(parsed.error) };
  const { scenario: json, options } = parsed.data;
  const base = readScenarioJson(json);
  if (!base.ok) return base;
  const issues: DomainIssue[] = [];
  const vary: VarySpec[] = [];
  for (const v of parsed.data.vary) {
    const p = sweepParameter(v.name);
    if (!p.ok) {
      issues.push(...p.issues);
      continue;
    }
    vary.push({ name: p.value.name, values: v.values });
  }
  if (issues.length) return { ok: false, issues };
  const grid = expandGrid(vary);
  if (!grid.ok) return grid;
  // Each value once on the base scenario: the schema's own check of its range, with the field's path.
  // Every point of a grid that varies the confidence sets its own, so only the grid's values size the paths (a base
  // of 0.99 swept over 0 and 0.5 needs 4 check paths, not 200); otherwise every point plans at the base's.
  const variesConfidence = vary.some((a) => a.name === 'confidence');
  let maxConfidence = variesConfidence ? 0 : base.value.scenario.policy.safety.confidence;
  for (const axis of vary) {
    for (const value of axis.values) {
      const applied = applySweepPoint(json, { [axis.name]: value });
      const checked = applied.ok ? readScenarioJson(applied.value) : applied;
      if (!checked.ok) {
        issues.push(...checked.issues.map((i) => ({ ...i, message: `${axis.name}=${value}: ${i.message}`, received: i.received ?? value })));
        continue;
      }
      if (axis.name === 'confidence') maxConfidence = Math.max(maxConfidence, checked.value.scenario.policy.safety.confidence);
    }
  }
  if (issues.length) return { ok: false, issues };
  const scenario = base.value.scenario;
  const covered = indexFlows(scenario, scenario.flows);
  if (!covered.ok) return covered;
  const early = safetyIssues(scenario, { ...scenario.policy.safety, confidence: maxConfidence }, options.planningPaths, options.paths);
  if (early.length) return { ok: false, issues: early.map((i) => ({ ...i, path: ['options', ...i.path] })) };
  return { ok: true, value: { request: { kind: 'sweep', scenario: json, vary, options }, scenario, points: grid.value, safe: maxConfidence > 0 } };
}

/** The forecast paths every point of a sweep shares, and their fingerprint. */
export interface SweepPaths {
  readonly check: readonly (readonly MonthlyFlow[])[];
  readonly planning: readonly PathFloats[];
  readonly fingerprint: string;
}

/**
 * Draws a sweep's paths once: the check paths from the seed and the planning paths from `planningSeed(seed)` (the
 * optimize job's streams, docs/forecast.md "Paths"), from the base scenario's history. No parameter a sweep varies
 * changes the history, the fund types, the start or the horizon, so these are the paths of every point.
 */
export function drawSweepPaths(setup: SweepSetup): Result<SweepPaths> {
  const { options } = setup.request;
  const check = forecastFlowPaths(setup.scenario, { paths: options.paths, seed: options.seed });
  if (!check.ok) return check;
  let planning: PathFloats[] = [];
  if (setup.safe) {
    const drawn = forecastPathFloats(setup.scenario, { paths: options.planningPaths, seed: planningSeed(options.seed) });
    if (!drawn.ok) return drawn;
    planning = drawn.value;
  }
  return { ok: true, value: { check: check.value, planning, fingerprint: pathsFingerprint(check.value, planning) } };
}

/** Paths in a form `postMessage` copies (a Decimal loses its class in a structured clone; floats and Maps do not). */
export interface SweepPathsWire {
  readonly check: readonly (readonly (readonly [string, string, string, string])[])[];
  readonly planning: readonly PathFloats[];
  readonly fingerprint: string;
}

/** {@link SweepPaths} for another thread. */
export function sweepPathsToWire(paths: SweepPaths): SweepPathsWire {
  return { check: paths.check.map((p) => p.map((f) => [f.month, f.fundType, f.inflow.toFixed(2), f.outflow.toFixed(2)] as const)), planning: paths.planning, fingerprint: paths.fingerprint };
}

/** {@link SweepPaths} back from another thread; the fingerprint is computed again and must match (else an issue). */
export function sweepPathsFromWire(wire: SweepPathsWire): Result<SweepPaths> {
  const check = wire.check.map((p) => p.map(([month, fundType, inflow, outflow]) => ({ month: month as MonthKey, fundType: fundType as FundType, inflow: new Decimal(inflow), outflow: new Decimal(outflow) })));
  const fingerprint = pathsFingerprint(check, wire.planning);
  if (fingerprint !== wire.fingerprint) return { ok: false, issues: [{ code: 'invalid', path: ['paths'], rule: 'samePaths', message: 'the paths received are not the sweep\'s paths (their fingerprint differs)', received: fingerprint, limit: wire.fingerprint }] };
  return { ok: true, value: { check, planning: wire.planning, fingerprint } };
}

/**
 * What the points of one sweep share besides the paths, computed once: each check path with nothing placed (the same
 * for every point: no parameter changes the flows or the holdings), and the safety floors per confidence (they depend
 * on the flows, the opening cash and the holdings coming back, none of which a parameter changes, and on the safety
 * policy).
 */
export interface SweepSession {
  readonly setup: SweepSetup;
  readonly paths: SweepPaths;
  readonly nothingPlaced: ReturnType<typeof nothingPlacedGaps>;
  readonly floors: Map<string, SafetyFloors>;
  /** Banks and fund types by the scenario's names, in each language, for an infeasible point's why and fix. */
  readonly names: Readonly<Record<Lang, Names>>;
}

/** A session for running points: the no-placement runs on the check paths, once. */
export function openSweepSession(setup: SweepSetup, paths: SweepPaths): SweepSession {
  const json = setup.request.scenario;
  return { setup, paths, nothingPlaced: nothingPlacedGaps(setup.scenario, paths.check), floors: new Map(), names: { zh: namesOf(json, 'zh'), en: namesOf(json, 'en') } };
}

/** Lines of an infeasible point's explanation kept with it: the first month and rules, the largest shortfall, the first bends. */
const WHY_LINES = 5;

const toFen = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

/**
 * One point: the scenario with the point's values, the safe plan (floors from the shared planning paths at the
 * point's confidence; confidence 0 plans on the mean flows), priced by the ledger on the scenario's flows and run
 * through the ledger on every shared check path, with the rules that bind.
 */
export async function runSweepPoint(session: SweepSession, point: GridPoint, signal?: AbortSignal): Promise<SweepPointResult> {
  const started = performance.now();
  const { request } = session.setup;
  const done = (r: Omit<SweepPointResult, 'index' | 'values' | 'ms' | 'binding' | 'issues'> & Partial<Pick<SweepPointResult, 'binding' | 'issues'>>): SweepPointResult => ({ index: point.index, values: { ...point.values }, binding: [], issues: [], ...r, ms: Math.round(performance.now() - started) });
  const applied = applySweepPoint(request.scenario, point.values);
  const read = applied.ok ? readScenarioJson(applied.value) : applied;
  if (!read.ok) return done({ status: 'invalid', issues: read.issues });
  const scenario = read.value.scenario;
  const safety = scenario.policy.safety;
  let floors: SafetyFloors | undefined;
  if (safety.confidence > 0) {
    const key = JSON.stringify(safety);
    floors = session.floors.get(key);
    if (!floors) session.floors.set(key, (floors = floorsFor(scenario, session.paths.planning, safety)));
  }
  const result = await optimize(scenario, { solver: request.options.solver, ...(floors ? { safety: floors } : {}) });
  if (result.status === 'infeasible') {
    // A researcher testing a floor needs to know what it breaks, not only that it does: the same elastic explanation
    // as `fundladder optimize` gives (which month, which rule, how much short), its first lines.
    const why = await explainInfeasible(scenario);
    return done({ status: result.status, issues: [...result.issues], why: { zh: infeasibilityLines(why, 'zh', session.names.zh).slice(0, WHY_LINES), en: infeasibilityLines(why, 'en', session.names.en).slice(0, WHY_LINES) }, fix: infeasibilityFixText(why.fixes, session.names) });
  }
  if (result.status !== 'optimal') return done({ status: result.status, issues: [...result.issues] });
  const stress = stressTest(scenario, result.plan, session.paths.check, { nothingPlaced: session.nothingPlaced, ...(signal ? { signal } : {}) });
  if (signal?.aborted) return done({ status: 'error', issues: [cancelledIssue('check')] });
  return done({
    status: 'optimal',
    interest: result.ledgerInterest,
    risk: {
      paths: stress.paths,
      planCausedShortProbability: stress.planCausedShortProbability ?? 0,
      planCausedShortFirstQuarterProbability: stress.planCausedShortFirstQuarterProbability ?? 0,
      payoutShortProbability: stress.payoutShortProbability,
      structuralShortProbability: stress.structuralShortProbability ?? 0,
      reserveBreachProbability: stress.reserveBreachProbability,
      expectedInterest: toFen(stress.expectedInterest),
      p5Interest: toFen(stress.p5Interest),
    },
    binding: bindingRules(result),
  });
}

/**
 * The sweep's result from its points (in any order, e.g. as workers finished them): the points by index, the Pareto
 * front of ledger interest against the plan-caused payout-gap probability on the shared paths (the structural part is
 * the same at every point: the flows do not change), and each step of the grid at which a rule starts or stops binding.
 */
export function summarizeSweep(setup: SweepSetup, paths: Pick<SweepPaths, 'check' | 'planning' | 'fingerprint'> & { distinct?: number }, points: readonly SweepPointResult[]): SweepResult {
  const byIndex = [...points].sort((a, b) => a.index - b.index);
  const candidates = byIndex.flatMap((p) => (p.status === 'optimal' && p.interest && p.risk ? [{ index: p.index, interest: p.interest, gapProbability: p.risk.planCausedShortProbability }] : []));
  const rulesAt: (BindableRule[] | undefined)[] = Array.from({ length: setup.points.length }, () => undefined);
  for (const p of byIndex) if (p.status === 'optimal') rulesAt[p.index] = p.binding.map((b) => b.rule);
  return {
    kind: 'sweep',
    scenario: scenarioRefOf(setup.scenario),
    parameters: setup.request.vary.map((v) => ({ name: v.name, values: [...v.values] })),
    paths: { check: paths.check.length, planning: paths.planning.length, seed: setup.request.options.seed, distinct: paths.distinct ?? new Set(paths.check.map((p) => p.map((f) => `${f.inflow.toFixed(2)}/${f.outflow.toFixed(2)}`).join('|'))).size, fingerprint: paths.fingerprint },
    points: byIndex,
    frontier: paretoFront(candidates),
    changes: bindingChanges(setup.request.vary, rulesAt).map((c) => ({ ...c, starts: [...c.starts], stops: [...c.stops] })),
  };
}

/**
 * The sweep job in one thread (the API's job runner, a test): check, draw the paths once, run every point in order,
 * summarize. Progress stages `paths`, then `points` (done of total); the signal stops it between points (issue
 * `cancelled`). The CLI runs the same points on every core instead (`fundladder sweep`, docs/sweep.md).
 */
export async function runSweep(request: SweepRequest, context: JobContext = {}): Promise<Result<SweepResult>> {
  const setup = prepareSweep(request);
  if (!setup.ok) return setup;
  const { signal, onProgress } = context;
  onProgress?.({ stage: 'paths', done: 0, total: 1 });
  const paths = drawSweepPaths(setup.value);
  if (!paths.ok) return paths;
  if (signal?.aborted) return { ok: false, issues: [cancelledIssue('paths')] };
  const session = openSweepSession(setup.value, paths.value);
  const results: SweepPointResult[] = [];
  for (const point of setup.value.points) {
    if (signal?.aborted) return { ok: false, issues: [cancelledIssue('points')] };
    results.push(await runSweepPoint(session, point, signal));
    onProgress?.({ stage: 'points', done: results.length, total: setup.value.points.length });
  }
  const value = summarizeSweep(setup.value, paths.value, results);
  const checked = sweepResult.safeEncode(value);
  if (!checked.success) return { ok: false, issues: checked.error.issues.map((i) => ({ code: 'internal', path: ['result', ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], rule: 'resultSchema', message: i.message })) };
  return { ok: true, value };
}
