import { type DomainIssue, type Evaluation, type Holding, type MonthKey, type MonthlyFlow, type Scenario, Decimal, addMonthsToKey, evaluatePlan, monthOrdinal } from '@fundladder/core';
import { type OptimizeOptions, optimize } from './optimize';
import { type PathFloats, type SafetyFloors, type SafetyPolicy, committedRisk, withCommittedFloors } from './model/safety';
import { floorsFor } from './safePlan';
import { prepareLadderData } from './model/data';
import type { WirePlacement } from './extract/planFromSolution';
import { type Bend, elasticPlan } from './report/explain';
import { nothingPlacedGaps, stressTest } from './stress';

/** One re-plan of the rolling policy. */
export interface RollingStep {
  /** The first month of the step (the planner stands at its first day). */
  readonly start: MonthKey;
  /** 'elastic': no plan kept every rule, so the quarter followed the plan that bends them least (report/explain.ts). */
  readonly status: 'optimal' | 'elastic' | 'infeasible' | 'error';
  /** The placements adopted: the re-plan's placements in the step's months (none when it failed). */
  readonly placements: readonly WirePlacement[];
  /** The re-plan's interest over its remaining horizon, by the ledger (yuan), when it succeeded. */
  readonly plannedInterest?: Decimal;
  readonly issues: readonly DomainIssue[];
  /** What the elastic plan bent, when the re-plan was infeasible. */
  readonly bends?: readonly Bend[];
  /** Settlement cash the fund types had overdrawn at the step's start (set to 0 for the re-plan), yuan. */
  readonly overdrawnAtStart: Decimal;
}

/** The realised result of following the rolling policy over the horizon. */
export interface RollingResult {
  readonly steps: readonly RollingStep[];
  /** Every placement the policy made, in order: a plan over the whole horizon. */
  readonly plan: { schemaVersion: 1; name: string; placements: WirePlacement[] };
  /** That plan priced and checked by the exact ledger on the realised flows. */
  readonly realised: Evaluation;
}

/** Options of {@link rollingPlan}. */
export interface RollingOptions extends Pick<OptimizeOptions, 'solver' | 'timeLimitSeconds' | 'fundTypes'> {
  /** The flows that actually happen over the horizon (complete: every fund type, every month). */
  readonly realised: readonly MonthlyFlow[];
  /**
   * The flows the planner expects from `start` to the horizon end, knowing what has happened before
   * `start` (`history` holds the scenario's history and the realised months so far). Default: the
   * scenario's own expected flows for those months (a budget that is not updated).
   */
  readonly planFlows?: (start: MonthKey, history: readonly MonthlyFlow[]) => readonly MonthlyFlow[];
  /** Months between re-plans (default 3: quarterly). */
  readonly stepMonths?: number;
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * Safe re-plans (docs/optimizer.md §15, §16): the cash floors for the re-plan of `replan` (the state at `start`, the history so
   * far), e.g. from paths of the forecast refitted on that history ({@link floorsFor}). A re-plan that cannot
   * keep every rule falls back to the elastic plan, without floors, and says so (status 'elastic').
   */
  readonly safetyFor?: (replan: Scenario, start: MonthKey, history: readonly MonthlyFlow[]) => SafetyFloors | undefined;
  /**
   * Safe re-plans by the policy's own rule ({@link rollingFloors}; used when `safetyFor` is absent): the static plan's
   * confidence kept by the policy as a whole, from paths `safety.draw` gives.
   */
  readonly safety?: RollingSafety;
}

/** What the rolling policy needs to plan each re-plan safe ({@link rollingFloors}). */
export interface RollingSafety {
  /** The static plan's policy: its confidence c is the promise the rolling policy keeps over the whole horizon. */
  readonly policy: SafetyPolicy;
  /** N, the static plan's planning paths: each re-plan's remaining months are planned on as many (default 1,000). */
  readonly planningPaths?: number;
  /**
   * `paths` paths of the forecast refitted on `replan.history`, over `replan`'s months, as 万元 floats; `part` names
   * the draw, so each can come from a seed of its own. Undefined when the forecast cannot draw them.
   */
  readonly draw: (replan: Scenario, paths: number, part: 'remaining' | 'committed') => readonly PathFloats[] | undefined;
  /** Keep the statute's reserve after the committed months with a buffer for what they may take (default true). */
  readonly reserveBuffer?: boolean;
  /** The static plan's floors (same scenario, same paths): reused for the first re-plan's remaining months. */
  readonly firstFloors?: SafetyFloors;
}

/**
 * Rolling (receding-horizon) mode: at the start of each quarter, the fund's state — its settlement cash and
 * every deposit and bond still open, from the exact ledger run on the realised flows so far — becomes a new
 * scenario over the rest of the horizon; it is optimized on the flows expected then, and only the quarter's
 * placements are made. At the end, every placement made is priced and checked by one ledger run over the
 * whole horizon on the realised flows: the realised result of following the policy.
 *
 * The state handed to a re-plan leaves out demand interest accrued but not yet credited (it is credited on
 * the 21st of the quarter's last month, before the next start, except for the days since): a re-plan sees
 * slightly less cash than there is, never more. A step whose re-plan is infeasible follows the elastic plan
 * (the least bending of the rules, `elasticPlan`); a step whose re-plan fails otherwise makes no placements.
 */
export async function rollingPlan(scenario: Scenario, options: RollingOptions): Promise<RollingResult> {
  const step = options.stepMonths ?? 3;
  const H = scenario.horizonMonths;
  const adopted: WirePlacement[] = [];
  const steps: RollingStep[] = [];
  const total = Math.ceil(H / step);
  for (let s = 0; s < H; s += step) {
    const start = addMonthsToKey(scenario.startMonth, s);
    const past = options.realised.filter((f) => monthOrdinal(f.month) < monthOrdinal(start));
    const state = s === 0 ? { scenario, overdrawn: new Decimal(0) } : rollingState(scenario, s, adopted, options.realised);
    const history = [...scenario.history, ...past];
    const remaining = H - s;
    const expected = options.planFlows ? options.planFlows(start, history) : scenario.flows.filter((f) => monthOrdinal(f.month) >= monthOrdinal(start));
    const replan: Scenario = { ...state.scenario, startMonth: start, horizonMonths: remaining, history, flows: [...expected] };
    const floors = options.safetyFor ? options.safetyFor(replan, start, history) : options.safety ? rollingFloors(replan, { horizonMonths: H, stepMonths: step, first: s === 0 }, options.safety) : undefined;
    const buffer = floors?.committed?.reserveBufferWan;
    const extraReserve = buffer ? reserveWithBuffer(replan, buffer, floors.committed!.months) : undefined;
    const r = await optimize(replan, { ...(options.solver ? { solver: options.solver } : {}), ...(options.timeLimitSeconds ? { timeLimitSeconds: options.timeLimitSeconds } : {}), ...(options.fundTypes ? { fundTypes: options.fundTypes } : {}), ...(floors ? { safety: floors } : {}), ...(extraReserve ? { extraReserve } : {}) });
    const last = addMonthsToKey(start, step - 1);
    if (r.status === 'optimal') {
      const now = r.plan.placements.filter((p) => monthOrdinal(p.month as MonthKey) <= monthOrdinal(last));
      adopted.push(...now);
      steps.push({ start, status: 'optimal', placements: now, plannedInterest: r.ledgerInterest, issues: [], overdrawnAtStart: state.overdrawn });
    } else if (r.status === 'infeasible' || r.issues.some((i) => i.rule === 'solverStatus')) {
      // No plan keeps every rule from here (e.g. a fund type cannot pay from its own money whatever is
      // placed, or the reserve is already short), or the solver could not tell: follow the plan that bends
      // the rules least, so the other fund types' money still works.
      const elastic = await elasticPlan(replan, replan.flows, floors);
      // A fund type whose own cash had to bend (money that is not there) places nothing this quarter: the elastic
      // model's conjured cash stays in its later months and could otherwise be placed.
      const short = new Set(elastic.bends.filter((b) => b.rule === 'cashBalance' && b.fundType).map((b) => b.fundType));
      const now = elastic.placements.filter((p) => monthOrdinal(p.month as MonthKey) <= monthOrdinal(last) && !(p.fundType && short.has(p.fundType)));
      adopted.push(...now);
      steps.push({ start, status: 'elastic', placements: now, issues: r.issues, bends: elastic.bends, overdrawnAtStart: state.overdrawn });
    } else {
      steps.push({ start, status: r.status, placements: [], issues: r.issues, overdrawnAtStart: state.overdrawn });
    }
    options.onProgress?.(steps.length, total);
  }
  const plan = { schemaVersion: 1 as const, name: `rolling every ${step} months`, placements: adopted };
  const realised = evaluatePlan(scenario, plan, options.realised);
  if (!realised.ok) throw new Error(`rollingPlan: the realised ledger run failed: ${realised.issues[0]?.message ?? ''}`);
  return { steps, plan, realised: realised.value };
}

/**
 * A rolling re-plan's cash floors (docs/optimizer.md §16, "Rolling"): over its remaining R months at the static plan's
 * confidence c from N paths of the refitted forecast, as the static plan, so that what it places does not lock up
 * money the later months need; and over the m months it commits (a quarter) raised to confidence 1 − (1 − c)·m/H from
 * ⌈N·H/m⌉ paths of m months ({@link committedRisk}), so that the quarters' risks add up to at most the static plan's
 * 1 − c. Undefined when the forecast cannot draw the paths (the re-plan is then planned on the mean).
 *
 * @param replan - the re-plan's scenario: the state at its start, the history so far, the flows expected from here
 * @param at - H, the rolling policy's whole horizon; m, the months between re-plans; whether this is the first re-plan
 */
export function rollingFloors(replan: Scenario, at: { horizonMonths: number; stepMonths: number; first: boolean }, safety: RollingSafety): SafetyFloors | undefined {
  const n = safety.planningPaths ?? 1000;
  const policy: SafetyPolicy = { confidence: safety.policy.confidence, perFundType: safety.policy.perFundType };
  const drawnRemaining = at.first && safety.firstFloors ? undefined : safety.draw(replan, n, 'remaining');
  const remaining = at.first && safety.firstFloors ? safety.firstFloors : drawnRemaining ? floorsFor(replan, drawnRemaining, policy) : undefined;
  if (!remaining) return undefined;
  const m = Math.min(at.stepMonths, replan.horizonMonths);
  if (m >= at.horizonMonths) return remaining;
  const risk = committedRisk(policy.confidence, at.horizonMonths, m, n);
  const end = monthOrdinal(replan.startMonth) + m;
  const head: Scenario = { ...replan, horizonMonths: m, flows: replan.flows.filter((f) => monthOrdinal(f.month) < end) };
  const drawn = safety.draw(head, risk.paths, 'committed');
  if (!drawn) return remaining;
  const committed = floorsFor(head, drawn, { ...policy, confidence: risk.confidence });
  const out = withCommittedFloors(remaining, committed);
  if (safety.reserveBuffer === false) return out;
  // What the whole fund's cash may lose over the committed months, at c: the next re-plan's reserve needs it still liquid.
  const pooled = floorsFor(head, drawn, { confidence: policy.confidence, perFundType: false });
  return { ...out, committed: { ...out.committed!, reserveBufferWan: pooled.poolFloorWan[m - 1] ?? 0 } };
}

/**
 * The reserve a re-plan keeps after the months it commits (yuan per month, for `extraReserve`): the statute's reserve
 * plus `bufferWan`, but never above what the fund holds liquid with nothing new placed (there the buffer means
 * "place nothing more yet", and the statute's reserve alone stays the rule).
 */
export function reserveWithBuffer(replan: Scenario, bufferWan: number, fromMonth: number): Decimal[] {
  const data = prepareLadderData(replan, replan.flows);
  let cash = 0;
  return data.months.map((_, t) => {
    for (const ft of data.fundTypes) cash += (t === 0 ? data.openingCash.get(ft)! : 0) + data.netFlow.get(ft)![t]! + data.existingCash.get(ft)![t]!;
    if (t < fromMonth || bufferWan <= 0) return new Decimal(0);
    const reachable = cash + data.sideBalance + data.existingLiquid[t]!;
    const wanted = Math.max(data.reserve[t]!, Math.min(data.reserve[t]! + bufferWan, reachable));
    return new Decimal(Math.floor(wanted * 10_000));
  });
}

/**
 * The fund's state at the start of month s of the horizon: the ledger run over months 0…s−1 on the
 * realised flows with the placements made so far; settlement cash from the last month's close (side
 * accounts keep their balance), every position still open as a holding.
 */
export function rollingState(scenario: Scenario, s: number, placements: readonly WirePlacement[], realised: readonly MonthlyFlow[]): { scenario: Scenario; overdrawn: Decimal } {
  const end = monthOrdinal(addMonthsToKey(scenario.startMonth, s));
  const head: Scenario = { ...scenario, horizonMonths: s, flows: realised.filter((f) => monthOrdinal(f.month) < end) };
  const ev = evaluatePlan(head, { schemaVersion: 1, name: 'so far', placements: placements.filter((p) => monthOrdinal(p.month as MonthKey) < end) }, head.flows);
  if (!ev.ok) throw new Error(`rollingPlan: the ledger run to month ${s} failed: ${ev.issues[0]?.message ?? ''}`);
  const lastMonth = ev.value.report.months.at(-1)!;
  let overdrawn = new Decimal(0);
  const accounts = scenario.accounts.map((a) => {
    if (!a.settlement) return a;
    const sideOfFund = scenario.accounts.filter((x) => x.fundType === a.fundType && x !== a).reduce((acc, x) => acc.plus(x.openingBalance), new Decimal(0));
    const cash = (lastMonth.byFundType[a.fundType]?.closingCash ?? new Decimal(0)).minus(sideOfFund);
    if (cash.lt(0)) overdrawn = overdrawn.plus(cash.negated());
    return { ...a, openingBalance: cash.gt(0) ? cash : new Decimal(0) };
  });
  // Positions the policy placed become holdings with ids a scenario accepts (letters, digits, - and _).
  const taken = new Set(scenario.holdings.map((h) => h.id));
  const holdingId = (p: (typeof ev.value.report.openPositions)[number]): string => {
    if (p.origin === 'existing') return p.id;
    let id = `rolled-${p.placementIndex}-${p.fundType}`;
    while (taken.has(id)) id = `${id}_`;
    taken.add(id);
    return id;
  };
  const holdings: Holding[] = ev.value.report.openPositions.map((p) => ({
    id: holdingId(p),
    fundType: p.fundType,
    product: p.product,
    ...(p.bankId ? { bankId: p.bankId } : {}),
    principal: p.principal,
    annualRate: p.annualRate,
    startDate: p.startDate,
    termMonths: p.termMonths,
    ...(p.product === 'govBond' ? { couponFrequency: p.couponFrequency, bondKind: 'bookEntry' as const } : {}),
  }));
  return { scenario: { ...scenario, accounts, holdings }, overdrawn };
}

/** One path of the rolling-vs-static comparison. */
export interface RollingComparisonRow {
  readonly path: number;
  readonly staticInterest: Decimal;
  readonly rollingInterest: Decimal;
  /** First month with a payout gap (an overdrawn day beyond what recalling call deposits covers), if any. */
  readonly staticFirstShort?: string;
  readonly rollingFirstShort?: string;
  /** Whether the plan caused a gap where nothing placed would have had none. */
  readonly staticPlanCaused: boolean;
  readonly rollingPlanCaused: boolean;
  /** The first month with a gap the plan caused, if any. */
  readonly staticFirstPlanCaused?: string;
  readonly rollingFirstPlanCaused?: string;
  /** Re-plans that could not keep every rule (followed the elastic plan) or failed. */
  readonly failedSteps: readonly string[];
  /** For each of `failedSteps`, the rules the elastic plan bent (`rule` or `rule:fundType`), none when it failed. */
  readonly failedStepBends: readonly (readonly string[])[];
}

/** One policy's measures over the paths of a rolling comparison. */
export interface RollingSide {
  readonly payoutShortProbability: number;
  readonly planCausedShortProbability: number;
  /** Paths with a gap the plan caused in the horizon's first quarter. */
  readonly planCausedShortFirstQuarterProbability: number;
  readonly meanInterest: Decimal;
  readonly p5Interest: Decimal;
}

/** Rolling vs static over many paths: risk first, then interest. */
export interface RollingComparison {
  readonly rows: readonly RollingComparisonRow[];
  readonly paths: number;
  readonly static: RollingSide;
  readonly rolling: RollingSide;
  /** Re-plans in all, and how many followed the elastic plan. */
  readonly replans: number;
  readonly elasticReplans: number;
  readonly wallMs: number;
}

/**
 * The rolling policy against a static plan on each realised path (docs/optimizer.md §15): on every path the rolling
 * policy re-plans each quarter from the ledger's state (with `planFlows` and, for safe re-plans, `safetyFor`), and
 * both plans are run through the exact ledger on that path, each path also with nothing placed (plan-caused gaps).
 */
export async function compareRolling(scenario: Scenario, staticPlan: { schemaVersion: 1; name: string; placements: readonly WirePlacement[] }, paths: readonly (readonly MonthlyFlow[])[], options: Omit<RollingOptions, 'realised' | 'onProgress'> & { readonly onProgress?: (done: number, total: number) => void }): Promise<RollingComparison> {
  const t0 = performance.now();
  const { onProgress, ...rest } = options;
  const step = rest.stepMonths ?? 3;
  const stepsPerPath = Math.ceil(scenario.horizonMonths / step);
  const rows: RollingComparisonRow[] = [];
  let replans = 0;
  let elastic = 0;
  const nothing = nothingPlacedGaps(scenario, paths);
  for (const [k, realised] of paths.entries()) {
    const r = await rollingPlan(scenario, { ...rest, realised, onProgress: (done) => onProgress?.(k * stepsPerPath + done, paths.length * stepsPerPath) });
    replans += r.steps.length;
    elastic += r.steps.filter((st) => st.status === 'elastic').length;
    const staticRun = stressTest(scenario, staticPlan, [realised], { nothingPlaced: [nothing[k]!] });
    const rollingRun = stressTest(scenario, r.plan, [realised], { nothingPlaced: [nothing[k]!] });
    const so = staticRun.outcomes[0]!;
    const ro = rollingRun.outcomes[0]!;
    rows.push({
      path: k,
      staticInterest: so.interestEarned,
      rollingInterest: ro.interestEarned,
      ...(so.firstPayoutShortMonth ? { staticFirstShort: so.firstPayoutShortMonth } : {}),
      ...(ro.firstPayoutShortMonth ? { rollingFirstShort: ro.firstPayoutShortMonth } : {}),
      staticPlanCaused: so.firstPlanCausedMonth !== undefined,
      rollingPlanCaused: ro.firstPlanCausedMonth !== undefined,
      ...(so.firstPlanCausedMonth ? { staticFirstPlanCaused: so.firstPlanCausedMonth } : {}),
      ...(ro.firstPlanCausedMonth ? { rollingFirstPlanCaused: ro.firstPlanCausedMonth } : {}),
      failedSteps: r.steps.filter((st) => st.status !== 'optimal').map((st) => `${st.start} ${st.status}`),
      failedStepBends: r.steps.filter((st) => st.status !== 'optimal').map((st) => [...new Set((st.bends ?? []).map((b) => (b.fundType ? `${b.rule}:${b.fundType}` : b.rule)))]),
    });
  }
  const n = Math.max(1, rows.length);
  const quarterEnd = addMonthsToKey(scenario.startMonth, 2);
  const summary = (interest: (r: RollingComparisonRow) => Decimal, short: (r: RollingComparisonRow) => boolean, caused: (r: RollingComparisonRow) => string | undefined): RollingSide => {
    const sorted = rows.map(interest).sort((a, b) => a.cmp(b));
    return {
      payoutShortProbability: rows.filter(short).length / n,
      planCausedShortProbability: rows.filter((r) => caused(r) !== undefined).length / n,
      planCausedShortFirstQuarterProbability: rows.filter((r) => (caused(r) ?? '9999-99') <= quarterEnd).length / n,
      meanInterest: sorted.reduce((a, b) => a.plus(b), new Decimal(0)).div(n).toDecimalPlaces(2, Decimal.ROUND_HALF_UP),
      p5Interest: sorted[Math.max(0, Math.ceil(0.05 * sorted.length) - 1)] ?? new Decimal(0),
    };
  };
  return {
    rows,
    paths: rows.length,
    static: summary((r) => r.staticInterest, (r) => r.staticFirstShort !== undefined, (r) => r.staticFirstPlanCaused),
    rolling: summary((r) => r.rollingInterest, (r) => r.rollingFirstShort !== undefined, (r) => r.rollingFirstPlanCaused),
    replans,
    elasticReplans: elastic,
    wallMs: performance.now() - t0,
  };
}
