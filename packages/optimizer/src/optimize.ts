import { type Decimal, type DomainIssue, type Evaluation, type MonthlyFlow, type Scenario, Decimal as Dec, evaluatePlan, indexFlows } from '@fundladder/core';
import { type LadderData, POOLED, minimumPlacementYuan, poolFundTypes, prepareLadderData } from './model/data';
import { buildLadderModel } from './model/buildLadderModel';
import { type LpModel, nonZeros } from './model/lp';
import type { LadderVariables } from './model/variables';
import type { LpBackend, LpBasis, SolveReport } from './backends/types';
import { type Verification, backendFor, solveVerified } from './verify';
import { INTERIOR_POINT_FIRST_COLUMNS } from './backends/highs';
import { type WirePlacement, planFromSolution, planFromSplit, pooledPlacements } from './extract/planFromSolution';
import { type PartKind, type SplitVariables, buildSplitModel } from './model/split';
import { repairCapRounding } from './extract/repairCapRounding';
import { liftLotEdges } from './extract/lotEdges';
import { splitDive } from './splitDive';
import type { SafetyFloors } from './model/safety';
import { type CapFinding, capFindings } from './report/explain';

const MAX_ROUNDS = 12;
/** Relative MIP gap of the split stage (see splitRounds). */
const SPLIT_MIP_GAP = 1e-3;
/**
 * Time limits of the split stage (seconds; `options.timeLimitSeconds` lowers them): each MIP, the round-by-round
 * search as a whole, and each of its LPs. At 120 × 20 a split MIP with every part semi-continuous ran past 300 s.
 */
const SPLIT_MIP_SECONDS = 10;
const SPLIT_DIVE_SECONDS = 60;
const SPLIT_LP_SECONDS = 30;

/**
 * The largest difference accepted between the LP's objective and the ledger's interest, relative to the
 * ledger's. The LP approximates demand interest month by month at the placement-day balance (the ledger
 * accrues daily, credits quarterly and pays interest on interest), and coupons of the plan's own bonds are
 * in the objective but not in the LP's cash; everything else comes from the same rule functions. Measured on
 * the sample: the ledger is about 1.05% above the LP. Tolerance: 2% of the interest, or 1,000 yuan,
 * whichever is larger.
 */
export const LP_LEDGER_TOLERANCE = { relative: 0.02, absoluteYuan: 1000 };

export interface OptimizeOptions {
  readonly solver?: LpBackend['name'];
  /** The flow path to plan on (default: the scenario's flows). */
  readonly flows?: readonly MonthlyFlow[];
  /** An extra reserve per month (yuan), e.g. a forecast quantile of the coming months' net outflow. */
  readonly extraReserve?: readonly Decimal[];
  readonly timeLimitSeconds?: number;
  readonly placementPenaltyPerWan?: number;
  /**
   * Minimum lots: 'round' (default) solves the LP, switches off lot placements that came out below
   * their lot and re-solves, checked by the ledger; 'mip' makes them semi-continuous columns (HiGHS
   * only; slow on large models — measured minutes on the 36-month sample).
   */
  readonly lots?: 'round' | 'mip';
  /**
   * How fund types are kept apart (docs/optimizer.md §13). 'pooled' (the default without per-fund-type safety
   * floors): solve the whole fund as one pool, then split each placement among fund types in a small second LP so
   * that no fund type spends another's money; if that split is impossible, fall back to 'joint'. 'joint' (the
   * default with per-fund-type floors, where the pooled plan's split failed on every scenario measured — the
   * sample, 60 × 8 — and cost a second or more first): one LP with a column per fund type for every placement
   * (exact, 8× larger).
   */
  readonly fundTypes?: 'pooled' | 'joint';
  /**
   * Safe plans (docs/optimizer.md §16): the cash floors from the planning paths
   * ({@link safetyFloors}); each fund type's settlement cash stays at or above its floor every month.
   */
  readonly safety?: SafetyFloors;
}

/** How the plan was found, and how far from the best possible it can be. */
export interface Optimality {
  /** 'pooled+split': the two stages; 'joint': the per-fund-type LP (asked for, or the fallback). */
  readonly strategy: 'pooled+split' | 'joint';
  /** Why the pooled split was not used, when it fell back. */
  readonly fallback?: string;
  /**
   * An upper bound on the LP's objective (yuan): the first round's optimum (no minimum-lot rounding; in the
   * pooled stage a relaxation of the per-fund-type LP, §13). The objective is the interest, less the placement
   * penalty when one is set; no plan that keeps the LP's rows does better.
   */
  readonly bound: Decimal;
  /** (bound − this plan's LP objective) / bound: how far from optimal the plan can be, at most. */
  readonly gap: number;
  /** Milliseconds of the split stage's solves (included in totalSolveMs). */
  readonly splitSolveMs: number;
}

export interface ModelSize {
  readonly variables: number;
  readonly rows: number;
  readonly nonZeros: number;
}

/** {@link OptimizeResult} before the cap findings are added. */
type Solved =
  | {
      readonly status: 'optimal';
      readonly plan: { schemaVersion: 1; name: string; placements: WirePlacement[] };
      readonly evaluation: Evaluation;
      /** The LP's objective in yuan, and the ledger's interest earned, side by side. */
      readonly lpInterest: Decimal;
      readonly ledgerInterest: Decimal;
      readonly report: SolveReport;
      readonly verification: Verification | undefined;
      readonly size: ModelSize;
      readonly rounds: number;
      readonly data: LadderData;
      readonly model: LpModel;
      readonly variables: LadderVariables;
      readonly buildMs: number;
      /** Solve time of every round together, milliseconds. */
      readonly totalSolveMs: number;
      /**
       * The first round's LP (no column switched off by the minimum rounds) and its report: the shadow prices
       * for explanations come from it, since the later rounds' fixed columns make duals say little.
       */
      readonly relaxed: { readonly model: LpModel; readonly report: SolveReport };
      readonly optimality: Optimality;
    }
  | {
      readonly status: 'infeasible' | 'error';
      readonly issues: readonly DomainIssue[];
      readonly report?: SolveReport;
      readonly size?: ModelSize;
      readonly data?: LadderData;
      readonly model?: LpModel;
      /** The plan the ledger rejected (rule broken, or LP and ledger apart), for inspection; never to be acted on. */
      readonly rejectedPlan?: { schemaVersion: 1; name: string; placements: WirePlacement[] };
    };

/**
 * What `optimize` returns: a plan the ledger checked, or why there is none; either way the caps' findings on the
 * scenario (too few eligible banks for a cap; existing holdings already over a cap: report/explain.ts).
 */
export type OptimizeResult = Solved & { readonly capFindings: readonly CapFinding[] };

type Rounds =
  | { ok: true; model: LpModel; variables: LadderVariables; report: SolveReport; verification: Verification | undefined; size: ModelSize; rounds: number; buildMs: number; totalSolveMs: number; relaxed: { model: LpModel; report: SolveReport } }
  | { ok: false; result: Extract<Solved, { status: 'infeasible' | 'error' }> };

function toYuan(wan: number): Decimal {
  return new Dec(wan.toFixed(6)).times(10_000).toDecimalPlaces(2, Dec.ROUND_HALF_UP);
}

/** Seconds each LP of the rounds may take when the caller sets no limit: no stage of `optimize` runs unbounded. */
const ROUND_TIME_LIMIT_SECONDS = 120;

/**
 * Why the solver gave no plan, in terms the user can act on: which attempts ran and why each stopped
 * (`raw.attempts`, backends/highs.ts), and what to change — numerical trouble comes from rules that leave almost no
 * room (measured: caps at knife-edge values, ~30 s and a bare numericalError), a time limit from the model's size.
 */
function solverFailedIssue(backend: LpBackend, report: SolveReport, timeLimitSeconds: number): DomainIssue {
  const violations = (report.raw as { violations?: unknown[] }).violations;
  const attempts = (report.raw as { attempts?: Array<{ attempt: string; termination: string }> }).attempts;
  const tried = attempts && attempts.length > 1 ? ` after ${attempts.length} attempts (${attempts.map((a) => `${a.attempt}: ${a.termination}`).join(', ')})` : '';
  const broken = violations ? `; its point broke ${violations.length} row(s)` : '';
  const advice = report.termination === 'timeLimit'
    ? `it needs more than ${timeLimitSeconds} s: allow more time, or plan fewer months or banks`
    : 'this happens when a rule leaves almost no room — a cap (policy.caps) at a value where the eligible banks\' shares can only just add up (e.g. 0.16835 with 6 eligible banks, where 0.17 leaves room), or a reserve or liquid-at-end amount the fund can only just meet: try a round value with some room';
  return { code: 'solver_failed', path: ['solver'], rule: 'solverStatus', message: `the ${backend.name} solver stopped with ${report.termination} (${report.primal})${tried}${broken}; ${advice}`, received: report.termination };
}

/** `model` with the columns `off` switched off (upper bound 0), as `addVariables` builds a column its round switched off. */
function switchedOff(model: LpModel, off: readonly number[]): LpModel {
  const variables = model.variables.slice();
  for (const j of off) {
    const v = variables[j]!;
    variables[j] = { name: v.name, lower: 0, upper: 0, cost: v.cost };
  }
  return { ...model, variables };
}

/**
 * The last round's basis carried to this round's model by column and row name: a column the round switched off keeps
 * its status (HiGHS's dual simplex then moves it to its new bound of 0), a column brought back starts at its lower
 * bound. Undefined when the rows differ or names repeat (the round then solves from scratch).
 */
export function carryBasis(previous: LpModel, basis: LpBasis, model: LpModel): LpBasis | undefined {
  if (previous.rows.length !== model.rows.length || basis.colStatus.length !== previous.variables.length) return undefined;
  if (!model.rows.every((row, i) => row.name === previous.rows[i]!.name)) return undefined;
  const status = new Map(previous.variables.map((v, j) => [v.name, basis.colStatus[j]!]));
  if (status.size !== previous.variables.length) return undefined;
  const AT_LOWER = 0;
  return { colStatus: Int32Array.from(model.variables, (v) => status.get(v.name) ?? AT_LOWER), rowStatus: basis.rowStatus };
}

/**
 * Builds and solves the ladder LP on `data`, round after round: placements below their product's minimum
 * (a CD lot, a call deposit's 500,000, a time deposit's 10,000) are switched off and the LP re-solved, a
 * rounding step the ledger then checks. Lot columns that are not at least a lot are switched off zeros
 * included, since the LP is degenerate and would otherwise move a small amount to another lot column
 * each round; from the second round on, unused columns are switched off too (the support is frozen and
 * only the amounts move, so the rounds settle).
 */
async function solveRounds(data: LadderData, backend: LpBackend, options: OptimizeOptions): Promise<Rounds> {
  const { scenario } = data;
  const upperBounds = new Map<string, number>();
  const restored = new Set<string>();
  let relaxed: { model: LpModel; report: SolveReport } | undefined;
  let last: { model: LpModel; variables: LadderVariables; basis: LpBasis | undefined } | undefined;
  /** Columns the last round switched off (indices into last.model), when it brought no dominated column back. */
  let offOnly: number[] | undefined;
  let totalSolveMs = 0;
  let buildMs = 0;
  for (let round = 1; ; round++) {
    const t0 = performance.now();
    // A round that only switched columns off changes their upper bounds and nothing else: the previous model with
    // those bounds at 0 is the model a rebuild by name would give (same columns in the same order, same rows), so it
    // is not rebuilt, and the last basis fits it as it stands.
    const { model, variables } = last && offOnly ? { model: switchedOff(last.model, offOnly), variables: last.variables } : buildLadderModel(data, { upperBounds, restored, leaveOutUnaffordable: true, lots: options.lots === 'mip' ? 'semiContinuous' : 'ignore', ...(options.placementPenaltyPerWan ? { placementPenaltyPerWan: options.placementPenaltyPerWan } : {}) });
    buildMs += performance.now() - t0;
    const size = { variables: model.variables.length, rows: model.rows.length, nonZeros: nonZeros(model) };
    // The second round follows the first round's lots being switched off, which moves many columns: on a large LP the
    // interior-point solver from scratch beats the dual simplex from the last basis (city 120 × 20, safe: 7.9 s
    // against about 30 s; 60 × 8: 0.5 s against 0.66 s). Later rounds move little and start from the last basis.
    const startBasis = last?.basis && !(round === 2 && model.variables.length >= INTERIOR_POINT_FIRST_COLUMNS) ? (offOnly ? last.basis : carryBasis(last.model, last.basis, model)) : undefined;
    const solved = await solveVerified(backend, model, { timeLimitSeconds: options.timeLimitSeconds ?? ROUND_TIME_LIMIT_SECONDS, ...(startBasis ? { startBasis } : {}) });
    const report = solved.report;
    last = { model, variables, basis: report.basis };
    totalSolveMs += report.solveMs;
    if (solved.issue) return { ok: false, result: { status: 'error', issues: [{ code: solved.issue.code, path: ['solver'], rule: 'solverSizeLimit', message: solved.issue.message, received: String(solved.issue.variables), limit: String(solved.issue.limit) }], report, size, data, model } };
    if (report.termination === 'infeasible' || report.termination === 'infeasibleOrUnbounded') {
      return { ok: false, result: { status: 'infeasible', issues: [{ code: 'infeasible', path: ['scenario'], rule: 'feasibility', message: 'no plan keeps every rule with this scenario' }], report, size, data, model } };
    }
    if (report.termination !== 'optimal' || report.primal !== 'feasiblePoint') {
      return { ok: false, result: { status: 'error', issues: [solverFailedIssue(backend, report, options.timeLimitSeconds ?? ROUND_TIME_LIMIT_SECONDS)], report, size, data, model } };
    }
    relaxed ??= { model, report };
    let switched = 0;
    const off: number[] = [];
    let restoring = false;
    if (round < MAX_ROUNDS) {
      // Plain loops: callbacks made here on every solve lost their optimized code at each full GC (docs/sweep.md §6).
      for (let i = 0; i < data.options.length; i++) {
        const o = data.options[i]!;
        const minimumYuan = minimumPlacementYuan(scenario, o.product);
        for (let t = 0; t < variables.place[i]!.length; t++) {
          const columns = variables.place[i]![t]!;
          for (const j of columns) {
            const yuan = report.columnValues[j]! * 10_000;
            // A column already at 0 stays there (its upper bound: the previous rounds' switches, or a rebuild's by name).
            if ((o.lotWan > 0 || round >= 2 || yuan > 0.5) && yuan < minimumYuan && model.variables[j]!.upper !== 0) {
              upperBounds.set(model.variables[j]!.name, 0);
              off.push(j);
              if (yuan > 0.5) {
                switched++;
                // A CD switched off for its lot brings back the time deposits it dominated at that bank that month.
                for (let k = 0; k < data.options.length; k++) {
                  if (data.options[k]!.dominatedBy[t] === i && !restored.has(`${k}|${t}`)) {
                    data.ensureCoefficients(k, t);
                    restored.add(`${k}|${t}`);
                    restoring = true;
                  }
                }
              }
            }
          }
        }
      }
    }
    offOnly = restoring ? undefined : off;
    // The last round never switches columns off, so the loop always ends (a rounding that did not settle
    // shows as the ledger's rule breaks, an error).
    if (switched === 0) return { ok: true, model, variables, report, verification: solved.verification, size, rounds: round, buildMs, totalSolveMs, relaxed };
  }
}

/**
 * The second stage: each pooled placement split among fund types (model/split.ts), every part at least its
 * product's minimum or nothing. First the split as an LP; if some parts come out between 0 and the minimum,
 * HiGHS re-solves with only those parts semi-continuous (zero parts stay 0, parts above the minimum stay
 * above it: a MIP of a few binaries, measured 18 ms on the sample against 1.2 s for every part
 * semi-continuous), and if that has no solution, with every part semi-continuous. Each MIP has
 * {@link SPLIT_MIP_SECONDS}; at the limit its best point is used if it has one and it checks (verifySolution).
 * Otherwise (and on other back-ends) the placements are decided round by round ({@link splitDive}), within
 * {@link SPLIT_DIVE_SECONDS}. Parts a few fen under their minimum are lifted to it or dropped
 * ({@link liftLotEdges}). Returns the placements, the split's cash interest (万元) and how the split was found,
 * or why no split exists.
 */
async function splitRounds(data: LadderData, pooled: Extract<Rounds, { ok: true }>, backend: LpBackend, options: OptimizeOptions): Promise<{ ok: true; placements: WirePlacement[]; cashValueWan: number; solveMs: number; method: string } | { ok: false; reason: string; solveMs: number }> {
  const placements = pooledPlacements(data, pooled.variables, pooled.report.columnValues);
  const minimumWan = (i: number) => minimumPlacementYuan(data.scenario, data.options[i]!.product) / 10_000;
  const started = performance.now();
  let solveMs = 0;
  const limit = (seconds: number) => Math.min(seconds, options.timeLimitSeconds ?? Infinity);
  const solve = async (partKind: (name: string, option: number) => PartKind, seconds: number) => {
    const split = buildSplitModel(data, placements, partKind, minimumWan);
    const solved = await solveVerified(backend, split.model, { timeLimitSeconds: limit(seconds), mipRelativeGap: SPLIT_MIP_GAP });
    solveMs += solved.report.solveMs;
    // A MIP stopped at its time limit with a point that passed verifySolution is a split, if not the best one.
    return { split, solved, ok: !solved.issue && solved.report.primal === 'feasiblePoint' && (solved.report.termination === 'optimal' || solved.report.termination === 'timeLimit') };
  };
  const smallParts = (split: { variables: SplitVariables }, values: Float64Array) => split.variables.shares.filter((s) => {
    const wan = values[s.column]!;
    return wan * 10_000 > 0.5 && wan < minimumWan(placements[s.placement]!.option) - 1e-9;
  });
  const done = (split: { model: LpModel; variables: SplitVariables }, report: SolveReport, method: string) => {
    const edges = liftLotEdges(data, placements, split, report.columnValues, { model: pooled.model, values: pooled.report.columnValues }, minimumWan);
    const lots = edges.lifted + edges.left ? `; ${edges.lifted} part(s) a few fen under a minimum lifted to it${edges.left ? `, ${edges.left} left` : ''}` : '';
    return { ok: true as const, placements: planFromSplit(data, placements, split.variables, edges.values), cashValueWan: report.objective, solveMs, method: `${method}${lots}` };
  };

  const first = await solve(() => 'free', SPLIT_LP_SECONDS);
  if (first.solved.issue) return { ok: false, reason: first.solved.issue.message, solveMs };
  if (!first.ok) return { ok: false, reason: `the split among fund types is ${first.solved.report.termination}: some fund type cannot pay its part from its own money`, solveMs };
  const values = first.solved.report.columnValues;
  if (smallParts(first.split, values).length === 0) return done(first.split, first.solved.report, 'lp');

  if (backend.name === 'highs') {
    const lpValue = new Map(first.split.variables.shares.map((s) => [s.name, values[s.column]!]));
    const restricted = await solve((name, option) => {
      const wan = lpValue.get(name) ?? 0;
      return wan * 10_000 <= 0.5 ? 'zero' : wan >= minimumWan(option) - 1e-9 ? 'atLeastMinimum' : 'noneOrMinimum';
    }, SPLIT_MIP_SECONDS);
    if (restricted.ok) return done(restricted.split, restricted.solved.report, restricted.solved.report.termination === 'optimal' ? 'mip (small parts)' : 'mip (small parts), best point at the time limit');
    const full = await solve(() => 'noneOrMinimum', SPLIT_MIP_SECONDS);
    if (full.ok) return done(full.split, full.solved.report, full.solved.report.termination === 'optimal' ? 'mip (every part)' : 'mip (every part), best point at the time limit');
  }

  // Without a MIP (or when the MIP had no point in time): decide the troubled placements round by round.
  const dive = await splitDive(data, placements, minimumWan, backend, { split: first.split, report: first.solved.report }, { deadline: started + limit(SPLIT_DIVE_SECONDS) * 1000, solveSeconds: limit(SPLIT_LP_SECONDS) });
  solveMs = Math.max(solveMs, performance.now() - started);
  if (dive.ok) return done(dive.point.split, dive.point.report, `placements decided round by round (${dive.steps} rounds, ${dive.lpSolves} LPs)`);
  return { ok: false, reason: `no split gives every fund type's part at least the product's minimum: ${dive.reason}`, solveMs };
}

/** The pooled LP's cash interest (万元) at its solution: Σ_t value · cash over the pool and its tiers. */
function pooledCashValue(r: Extract<Rounds, { ok: true }>): number {
  const columns = [...r.variables.cash.get(POOLED)!, ...r.variables.tiers.flat()];
  return columns.reduce((acc, j) => acc + r.model.variables[j]!.cost * r.report.columnValues[j]!, 0);
}

/**
 * Plans where the idle money goes: solves the ladder LP with the chosen back-end (by default in two
 * stages: the fund as one pool, then each placement split among fund types), checks every point against
 * every row, turns it into a plan, and prices and checks that plan with the exact ledger. The ledger must
 * find no rule broken and must agree with the LP's interest within {@link LP_LEDGER_TOLERANCE}; otherwise
 * the result is an error, never a plan.
 */
async function solveAndCheck(scenario: Scenario, options: OptimizeOptions = {}): Promise<Solved> {
  const flows = options.flows ?? scenario.flows;
  const flowCheck = indexFlows(scenario, flows);
  if (!flowCheck.ok) return { status: 'error', issues: flowCheck.issues };
  const backend = backendFor(options.solver ?? 'highs');
  const prepared = prepareLadderData(scenario, flows, options.extraReserve);
  const data: LadderData = options.safety ? { ...prepared, cashFloor: options.safety.floorWan, poolCashFloor: options.safety.poolFloorWan } : prepared;

  let placements: WirePlacement[];
  let solved: Extract<Rounds, { ok: true }>;
  /** The LP's objective at the plan (万元): interest, less the placement penalty when one is set. */
  let lpObjectiveWan: number;
  let strategy: Optimality['strategy'] = 'joint';
  let fallback: string | undefined;
  let splitSolveMs = 0;
  let extraSolveMs = 0;
  const perFundFloors = options.safety !== undefined && options.safety.floorWan.size > 0;
  if ((options.fundTypes ?? (perFundFloors ? 'joint' : 'pooled')) === 'pooled') {
    const pooledData = poolFundTypes(data);
    const pooled = await solveRounds(pooledData, backend, options);
    // The pooled LP is a relaxation of the per-fund-type one: if it has no plan, neither has the other.
    if (!pooled.ok) return pooled.result;
    const split = await splitRounds(data, pooled, backend, options);
    splitSolveMs = split.solveMs;
    if (split.ok) {
      strategy = 'pooled+split';
      placements = split.placements;
      solved = pooled;
      lpObjectiveWan = pooled.report.objective - pooledCashValue(pooled) + split.cashValueWan;
    } else {
      fallback = split.reason;
      extraSolveMs = pooled.totalSolveMs + split.solveMs;
      const joint = await solveRounds(data, backend, options);
      if (!joint.ok) return joint.result;
      solved = joint;
      placements = planFromSolution(data, joint.variables, joint.report.columnValues);
      lpObjectiveWan = joint.report.objective;
    }
  } else {
    const joint = await solveRounds(data, backend, options);
    if (!joint.ok) return joint.result;
    solved = joint;
    placements = planFromSolution(data, joint.variables, joint.report.columnValues);
    lpObjectiveWan = joint.report.objective;
  }
  const { model, report, size } = solved;

  const plan = { schemaVersion: 1 as const, name: `optimized (${backend.name})`, placements };
  const first = evaluatePlan(scenario, plan, flows);
  if (!first.ok) return { status: 'error', issues: first.issues, report, size, data, model };
  let ev: typeof first = first;
  const repaired = await repairCapRounding(scenario, plan, flows, first.value);
  if (repaired) {
    plan.placements = repaired.placements;
    ev = { ok: true, value: repaired.evaluation };
  }
  const ledgerInterest = ev.value.report.totals.interestEarned;
  // The LP's objective is interest less the placement penalty (if any): add the penalty back for the interest.
  const penalty = options.placementPenaltyPerWan ?? 0;
  const placedWan = solved.variables.place.flat(2).reduce((acc, j) => acc + solved.report.columnValues[j]!, 0);
  const lpInterest = toYuan(lpObjectiveWan + penalty * placedWan);
  const issues: DomainIssue[] = [...ev.value.report.issues];
  const gap = lpInterest.minus(ledgerInterest).abs();
  const allowed = Dec.max(ledgerInterest.abs().times(LP_LEDGER_TOLERANCE.relative), LP_LEDGER_TOLERANCE.absoluteYuan);
  // The check guards the LP's pricing of placements; a plan with none has nothing to guard, and the ledger prices the
  // idle money exactly (a fund with no money at all: the LP's constant for an agreed account's base amount assumes the
  // balance reaches the base, −21,311.11 yuan against the ledger's 0.00 — an approximation, not a plan to refuse).
  if (gap.gt(allowed) && plan.placements.length > 0) {
    issues.push({ code: 'lp_ledger_mismatch', path: ['optimizer'], rule: 'lpAgreesWithLedger', message: `the LP's interest ${lpInterest.toFixed(2)} and the ledger's ${ledgerInterest.toFixed(2)} differ by ${gap.toFixed(2)} yuan, more than the tolerance ${allowed.toFixed(2)}`, received: gap.toFixed(2), limit: allowed.toFixed(2) });
  }
  if (issues.length) return { status: 'error', issues, report, size, data, model, rejectedPlan: plan };
  const bound = toYuan(solved.relaxed.report.objective);
  const optimality: Optimality = { strategy, ...(fallback ? { fallback } : {}), bound, gap: bound.isZero() ? 0 : bound.minus(toYuan(lpObjectiveWan)).div(bound).toNumber(), splitSolveMs };
  return {
    status: 'optimal',
    plan,
    evaluation: ev.value,
    lpInterest,
    ledgerInterest,
    report,
    verification: solved.verification,
    size,
    rounds: solved.rounds,
    data,
    model,
    variables: solved.variables,
    buildMs: solved.buildMs,
    totalSolveMs: solved.totalSolveMs + splitSolveMs + extraSolveMs,
    relaxed: solved.relaxed,
    optimality,
  };
}

/**
 * Plans where the idle money goes (see solveAndCheck above: the LP in two stages, checked row by row, then priced
 * and checked by the exact ledger) and says what the caps do on this scenario ({@link capFindings}).
 */
export async function optimize(scenario: Scenario, options: OptimizeOptions = {}): Promise<OptimizeResult> {
  const solved = await solveAndCheck(scenario, options);
  return { ...solved, capFindings: solved.data ? capFindings(scenario, solved.data) : [] };
}
