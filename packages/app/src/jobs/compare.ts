import { z } from 'zod';
import { type Decimal, type DomainIssue, type Evaluation, type MonthlyFlow, type Result, type Scenario, Decimal as Dec, ZERO, evaluatePlan, indexFlows } from '@fundladder/core';
import { type PathFloats, type StressResult, baselinePlan, countDistinct, nothingPlacedGaps, pathsNeededFor, planSafely, safetyIssues, stressTest } from '@fundladder/optimizer';
import { defaultPathCounts, safetyPaths } from '../paths';
import { columnLabel, columnRepeats } from '../messages/compare';
import { scenarioRefOf, summarizeEvaluation } from './evaluation';
import { summarizeStress } from './optimize';
import { type JobContext, cancelledIssue, readScenarioJson } from './context';
import { type ColumnDifference, type ColumnLedger, type ColumnSource, type CompareColumn, type CompareResult, compareResult } from './compareResult';

/** How many columns may be optimized in one comparison (each is an optimizer run of seconds). */
export const MAX_OPTIMIZED_COLUMNS = 4;

/** A column's plan: the optimizer's safe plan of its scenario, a plan given as JSON, or a simple baseline. */
export const comparePlanChoice = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('optimized') }),
  z.strictObject({ kind: z.literal('given'), plan: z.unknown() }),
  z.strictObject({ kind: z.literal('baseline'), policy: z.enum(['oneYearEven', 'ladder3612']) }),
]);

/**
 * Compare plans and scenarios side by side (docs/app.md §1): 1–4 scenarios as JSON and the columns, each a plan of one
 * of them (`scenario` is its index). Scenarios compared: one column per scenario, each `optimized` (with the same
 * options) or `given` its plan. Plans of one scenario: one scenario, columns `given`, `optimized`, `baseline`.
 * Every column is run on forecast paths drawn with the same seed (the same paths where the histories are the same).
 */
export const compareRequest = z
  .strictObject({
    kind: z.literal('compare'),
    scenarios: z.array(z.unknown()).min(1).max(4),
    columns: z.array(z.strictObject({ scenario: z.int().min(0).max(3), plan: comparePlanChoice })).min(1).max(24),
    options: z
      .strictObject({
        solver: z.enum(['highs', 'jsls']).default('highs'),
        /** Share of paths with no plan-caused payout gap (default each scenario's policy.safety.confidence). */
        confidence: z.number().min(0).lt(1).optional(),
        /** Paths every plan is run on (default 200, or more where the confidence needs them; 0 = no risk rows). */
        paths: z.int().min(0).max(20_000).optional(),
        /** Paths the optimized plans are fitted to, from another seed (default 1,000, or more where needed). */
        planningPaths: z.int().min(0).max(20_000).optional(),
        seed: z.int().min(0).max(4_294_967_295).default(1),
      })
      .default({ solver: 'highs', seed: 1 }),
  })
  .superRefine((r, ctx) => {
    r.columns.forEach((c, k) => {
      if (c.scenario >= r.scenarios.length) ctx.addIssue({ code: 'custom', path: ['columns', k, 'scenario'], message: `there are ${r.scenarios.length} scenario(s); a column names one by its index from 0` });
    });
    const optimized = r.columns.filter((c) => c.plan.kind === 'optimized').length;
    if (optimized > MAX_OPTIMIZED_COLUMNS) ctx.addIssue({ code: 'too_big', origin: 'array', maximum: MAX_OPTIMIZED_COLUMNS, inclusive: true, path: ['columns'], message: `at most ${MAX_OPTIMIZED_COLUMNS} optimized columns (each is an optimizer run); ${optimized} asked for` });
  });
export type CompareRequest = z.input<typeof compareRequest>;

const toFen = (d: Decimal) => d.toDecimalPlaces(2, Dec.ROUND_HALF_UP);
const at = (prefix: readonly (string | number)[]) => (i: DomainIssue): DomainIssue => ({ ...i, path: [...prefix, ...i.path] });

/** The ledger figures a comparison shows for a plan on the scenario's own flows. */
function ledgerFigures(scenario: Scenario, ev: Evaluation): ColumnLedger {
  const s = summarizeEvaluation(scenario, ev);
  const ruleBreaks = new Map<string, number>();
  for (const i of s.issues) ruleBreaks.set(i.rule, (ruleBreaks.get(i.rule) ?? 0) + 1);
  const lowestLiquid = s.months.reduce<Decimal | undefined>((m, x) => (m === undefined || x.closingLiquid.lt(m) ? x.closingLiquid : m), undefined) ?? ZERO;
  const liquidity = s.months.map((m) => ({ month: m.month, closingLiquid: m.closingLiquid, reserveRequired: m.reserveRequired }));
  return { interest: s.interest, interestReceived: s.totals.interestReceived, interestByProduct: s.totals.interestByProduct, interestByBank: s.totals.interestByBank, kpis: s.kpis, lowestLiquid, liquidity, ruleBreaks };
}

/** this − first for each key of either map (a key missing on one side counts 0). */
function mapDifference(mine: ReadonlyMap<string, Decimal>, first: ReadonlyMap<string, Decimal>): Map<string, Decimal> {
  const keys = [...new Set([...first.keys(), ...mine.keys()])];
  return new Map(keys.map((k) => [k, (mine.get(k) ?? ZERO).minus(first.get(k) ?? ZERO)]));
}

function difference(mine: CompareColumn, first: CompareColumn): ColumnDifference | undefined {
  const a = mine.ledger, b = first.ledger;
  if (!a || !b) return undefined;
  return {
    interest: a.interest.minus(b.interest),
    interestReceived: a.interestReceived.minus(b.interestReceived),
    ...(mine.stress && first.stress ? { expectedInterest: mine.stress.expectedInterest.minus(first.stress.expectedInterest) } : {}),
    lowestLiquid: a.lowestLiquid.minus(b.lowestLiquid),
    interestByProduct: mapDifference(a.interestByProduct, b.interestByProduct),
    interestByBank: mapDifference(a.interestByBank, b.interestByBank),
  };
}

/** What decides a scenario's forecast paths: its history, fund types, start and horizon (docs/forecast.md "Paths"). */
function pathKey(s: Scenario): string {
  return JSON.stringify([s.startMonth, s.horizonMonths, s.fundTypes, s.history]);
}

type Prepared = { source: ColumnSource; scenario: number; plan?: unknown; evaluation?: Evaluation };

/**
 * The compare job: reads every scenario and plan first (every problem named by its place in the request), draws the
 * forecast paths once per distinct history (check paths from the seed, planning paths from their own seed), plans the
 * optimized columns safely, runs every plan through the exact ledger on its paths with each path also run with nothing
 * placed (shared by the columns of one scenario), and states the facts: risk, ledger figures, differences from the
 * first column by product and by bank, safe plans first. Progress by stage; `signal` cancels.
 */
export async function runCompare(request: CompareRequest, context: JobContext = {}): Promise<Result<CompareResult>> {
  const parsed = compareRequest.safeParse(request);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map((i) => ({ code: i.code, path: ['request', ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], rule: 'compareRequest', message: i.message })) };
  const { columns: asked, options: o } = parsed.data;
  const { signal, onProgress } = context;

  // Every scenario and every plan read before any work; all problems reported together.
  const issues: DomainIssue[] = [];
  const warnings: DomainIssue[] = [];
  const scenarios: Scenario[] = [];
  parsed.data.scenarios.forEach((json, k) => {
    const read = readScenarioJson(json);
    if (!read.ok) return void issues.push(...read.issues.map(at(['scenarios', k])));
    const covered = indexFlows(read.value.scenario, read.value.scenario.flows);
    if (!covered.ok) issues.push(...covered.issues.map(at(['scenarios', k])));
    warnings.push(...read.value.warnings.map(at(['scenarios', k])));
    scenarios[k] = read.value.scenario;
  });
  // Plans of the scenarios that read well are checked too, so that every problem is reported at once.
  const prepared: Prepared[] = asked.map((c, k) => {
    const scenario = scenarios[c.scenario];
    if (c.plan.kind === 'optimized' || !scenario) return { source: { kind: 'optimized' }, scenario: c.scenario };
    const plan = c.plan.kind === 'given' ? c.plan.plan : baselinePlan(scenario, c.plan.policy);
    const ev = evaluatePlan(scenario, plan);
    if (!ev.ok) issues.push(...ev.issues.map(at(['columns', k])));
    return { source: c.plan.kind === 'given' ? { kind: 'given' } : { kind: 'baseline', policy: c.plan.policy }, scenario: c.scenario, plan, ...(ev.ok ? { evaluation: ev.value } : {}) };
  });
  if (issues.length) return { ok: false, issues };

  // Paths: as many for every scenario, enough for the highest confidence asked; planning paths only for optimized columns.
  const confidenceOf = (k: number) => o.confidence ?? scenarios[k]!.policy.safety.confidence;
  const used = [...new Set(asked.map((c) => c.scenario))];
  const cMax = Math.max(...used.map(confidenceOf));
  const checkCount = o.paths ?? Math.max(200, cMax > 0 ? pathsNeededFor(cMax) : 0);
  const optimizedSafely = new Set(prepared.filter((p) => p.source.kind === 'optimized' && confidenceOf(p.scenario) > 0).map((p) => p.scenario));
  const planningCount = optimizedSafely.size ? (o.planningPaths ?? defaultPathCounts(cMax).planning) : 0;
  const seen = new Set<string>();
  for (const k of new Set(prepared.filter((p) => p.source.kind === 'optimized').map((p) => p.scenario))) {
    for (const i of safetyIssues(scenarios[k]!, { ...scenarios[k]!.policy.safety, confidence: confidenceOf(k) }, planningCount, checkCount)) {
      const key = JSON.stringify([i.path, i.rule, i.limit]);
      if (!seen.has(key)) issues.push(i.path[0] === 'policy' ? at(['scenarios', k])(i) : i);
      seen.add(key);
    }
  }
  if (issues.length) return { ok: false, issues };
  if (signal?.aborted) return { ok: false, issues: [cancelledIssue('start')] };

  const groupOf = new Map<string, number>();
  const groups: Array<{ scenarios: number[]; check: MonthlyFlow[][]; planning: PathFloats[] }> = [];
  const needPaths = checkCount > 0 || optimizedSafely.size > 0;
  for (const k of used) {
    const key = pathKey(scenarios[k]!);
    if (!groupOf.has(key)) {
      groupOf.set(key, groups.length);
      groups.push({ scenarios: [], check: [], planning: [] });
    }
    groups[groupOf.get(key)!]!.scenarios.push(k);
  }
  if (needPaths) {
    for (const [g, group] of groups.entries()) {
      onProgress?.({ stage: 'paths', done: g, total: groups.length });
      const first = group.scenarios[0]!;
      const drawn = safetyPaths(scenarios[first]!, { check: checkCount, planning: group.scenarios.some((k) => optimizedSafely.has(k)) ? planningCount : 0, seed: o.seed });
      if (!drawn.ok) return { ok: false, issues: drawn.issues.map(at(['scenarios', first])) };
      group.check = drawn.value.check;
      group.planning = drawn.value.planning;
      if (signal?.aborted) return { ok: false, issues: [cancelledIssue('paths')] };
    }
    onProgress?.({ stage: 'paths', done: groups.length, total: groups.length });
  }
  const pathsOf = (k: number) => groups[groupOf.get(pathKey(scenarios[k]!))!]!;

  // Progress over all the ledger runs of a stage, whichever column or scenario they belong to.
  const optimizedCount = prepared.filter((p) => p.source.kind === 'optimized').length;
  const ran = { optimize: 0, nothingPlaced: 0, check: 0 };
  const tally = (stage: 'nothingPlaced' | 'check', total: number) => (done: number, of: number) => {
    onProgress?.({ stage, done: ran[stage] + done, total });
    if (done === of) ran[stage] += of;
  };
  const nothingTotal = checkCount * used.length;
  const checkTotal = checkCount * prepared.length;
  const nothing = new Map<number, ReturnType<typeof nothingPlacedGaps>>();
  const nothingFor = (k: number) => {
    if (!nothing.has(k)) nothing.set(k, nothingPlacedGaps(scenarios[k]!, pathsOf(k).check, tally('nothingPlaced', nothingTotal)));
    return nothing.get(k)!;
  };

  const built: Array<Omit<CompareColumn, 'label' | 'repeat' | 'vsFirst'>> = [];
  for (const [k, p] of prepared.entries()) {
    const scenario = scenarios[p.scenario]!;
    const c = confidenceOf(p.scenario);
    const paths = pathsOf(p.scenario);
    let stress: StressResult | undefined;
    let evaluation = p.evaluation;
    let status: CompareColumn['status'] = 'optimal';
    let why: DomainIssue[] = [];
    if (p.source.kind === 'optimized') {
      onProgress?.({ stage: 'optimize', done: ran.optimize, total: optimizedCount });
      const known = nothing.get(p.scenario);
      const check = tally('check', checkTotal);
      const safe = await planSafely(scenario, {
        solver: o.solver,
        planningPaths: paths.planning,
        checkPaths: paths.check,
        safety: { ...scenario.policy.safety, confidence: c },
        compareWithMeanPlan: false,
        ...(known ? { nothingPlaced: known } : {}),
        onProgress: (stage, done, total) => (stage === 'check' ? check(done, total) : stage === 'nothingPlaced' ? tally('nothingPlaced', nothingTotal)(done, total) : undefined),
        ...(signal ? { signal } : {}),
      });
      onProgress?.({ stage: 'optimize', done: ++ran.optimize, total: optimizedCount });
      if (!safe.ok) return { ok: false, issues: safe.issues.map(at(['scenarios', p.scenario])) };
      if (safe.value.nothingPlaced && !known) nothing.set(p.scenario, safe.value.nothingPlaced);
      const r = safe.value.result;
      if (r.status === 'optimal') {
        evaluation = r.evaluation;
        stress = safe.value.stress;
      } else {
        status = r.status;
        why = [...r.issues];
        ran.check += checkCount;
      }
    } else if (paths.check.length) {
      stress = stressTest(scenario, p.plan as Parameters<typeof stressTest>[1], paths.check, { nothingPlaced: nothingFor(p.scenario), onProgress: tally('check', checkTotal), ...(signal ? { signal } : {}) });
    }
    if (signal?.aborted) return { ok: false, issues: [cancelledIssue('check')] };
    if (!paths.check.length) stress = undefined;
    const target = c > 0 ? 1 - c : 0;
    const meanLargestShort = stress?.outcomes.length ? toFen(stress.outcomes.reduce((a, x) => a.plus(x.largestShort), ZERO).div(stress.outcomes.length)) : undefined;
    built.push({
      requestIndex: k,
      scenario: p.scenario,
      source: p.source,
      status,
      issues: why,
      ...(evaluation ? { plan: evaluation.plan.name } : {}),
      confidence: c,
      ...(needPaths ? { pathGroup: groupOf.get(pathKey(scenario))! } : {}),
      ...(stress ? { safe: (stress.planCausedShortProbability ?? 1) <= target + 1e-12, stress: summarizeStress(stress), ...(meanLargestShort ? { meanLargestShort } : {}) } : {}),
      ...(evaluation ? { ledger: ledgerFigures(scenario, evaluation) } : {}),
    });
  }

  // Safe plans first, then plans that miss their confidence, then columns without a plan; the first is the base.
  const rank = (c: (typeof built)[number]) => (c.status !== 'optimal' ? 2 : c.safe === false ? 1 : 0);
  const ordered = built.map((c, i) => ({ c, i })).sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i).map((x) => x.c);
  const refs = scenarios.map(scenarioRefOf);
  const repeats = columnRepeats(ordered, refs);
  const labelled: CompareColumn[] = ordered.map((c, i) => {
    const repeat = repeats[i];
    return { ...c, ...(repeat ? { repeat } : {}), label: columnLabel({ ...c, ...(repeat ? { repeat } : {}) }, refs, 'en') };
  });
  const columns = labelled.map((c, i) => {
    const vsFirst = i > 0 ? difference(c, labelled[0]!) : undefined;
    return vsFirst ? { ...c, vsFirst } : c;
  });
  const value: CompareResult = {
    kind: 'compare',
    scenarios: refs,
    paths: {
      seed: o.seed,
      check: needPaths ? checkCount : 0,
      planning: planningCount,
      groups: needPaths ? groups.map((g) => ({ scenarios: g.scenarios, distinctPaths: countDistinct(g.check) })) : [],
      samePaths: needPaths && groups.length === 1,
    },
    columns,
    warnings,
  };
  // The result is checked against its own wire schema before it leaves (a figure finer than the fen is a bug here).
  const checked = compareResult.safeEncode(value);
  if (!checked.success) return { ok: false, issues: checked.error.issues.map((i) => ({ code: 'internal', path: ['result', ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], rule: 'resultSchema', message: i.message })) };
  return { ok: true, value };
}
