// The WASM module is imported when the first model is solved, not when a command starts (start-up time: bench/startup.bench.ts).
import type { Highs, ModelData, ModelStatusCode } from 'highs';
import { isMip, type LpModel, type LpRow, type LpVariable, nonZeros } from '../model/lp';
import type { LpBackend, PointStatus, SolveOptions, SolveReport, Termination } from './types';

/**
 * The HiGHS back-end (the `highs` package: HiGHS compiled to WASM), the default solver.
 *
 * Facts it relies on (docs/solver-notes.md §3 and §7, re-measured in `contract.test.ts`):
 * - the WASM is loaded once per process; loading costs 65–110 ms, so the promise is cached;
 * - `run()` is synchronous and can throw (`HiGHS status -1`) where it should report a status, so the
 *   model status is read after a throw too;
 * - an infeasible model leaves meaningless column values behind: they are never returned;
 * - WASM memory is not garbage-collected: every model is disposed in a `finally`.
 */

let loading: Promise<Highs> | undefined;

/**
 * Options set on every model. The dual feasibility tolerance is tightened from HiGHS's 1e-7 to
 * 1e-9: ladder models hold near-twin placements (the same term at two banks whose monthly cost
 * coefficients differ by 7e-8), and at 1e-7 HiGHS stopped on the cheaper twin, 2e-6 relative
 * below the optimum that javascript-lp-solver found (ladder 2 × 5, seed 109: 391.63764 against
 * 391.63849 万元, both points feasible to 5e-9). The contract suite asks for 1e-6 agreement.
 */
export const HIGHS_OPTIONS: Readonly<Record<string, boolean | number>> = {
  output_flag: false,
  log_to_console: false,
  dual_feasibility_tolerance: 1e-9,
};

/**
 * Loads the HiGHS WASM runtime once per process and returns the cached instance.
 *
 * @returns The loaded runtime; a failed load is not cached, so a later call retries.
 * @example
 * const highs = await loadHighs();
 * highs.infinity //=> Infinity
 * @see docs/solver-notes.md §3 (one HiGHS instance per process)
 */
export function loadHighs(): Promise<Highs> {
  if (!loading) {
    loading = import('highs').then(({ default: highsLoader }) => highsLoader()).catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
  }
  return loading;
}

/**
 * The model as HiGHS's structured input (row-wise CSR, since `LpModel` stores rows). `±Infinity`
 * bounds become `±highs.infinity`. Names are not passed: HiGHS may reject names it finds
 * format-invalid (types.d.ts, `colNames`), and results are mapped back by index.
 *
 * @param highs - The loaded runtime (for its infinity and constants).
 * @param model - The LP or MIP.
 * @returns Data for `highs.createModel`.
 * @example
 * toHighsModelData(highs, model).matrix.format //=> 'csr'
 */
export function toHighsModelData(highs: Highs, model: LpModel): ModelData {
  const numCols = model.variables.length;
  const numRows = model.rows.length;
  const inf = highs.infinity;
  const bound = (value: number): number => (value === Infinity ? inf : value === -Infinity ? -inf : value);
  const colCost = new Float64Array(numCols);
  const colLower = new Float64Array(numCols);
  const colUpper = new Float64Array(numCols);
  for (let j = 0; j < numCols; j++) {
    const variable = model.variables[j]!;
    colCost[j] = variable.cost;
    colLower[j] = bound(variable.lower);
    colUpper[j] = bound(variable.upper);
  }
  const rowLower = new Float64Array(numRows);
  const rowUpper = new Float64Array(numRows);
  const starts = new Int32Array(numRows + 1);
  const nonZeroCount = nonZeros(model);
  const indices = new Int32Array(nonZeroCount);
  const values = new Float64Array(nonZeroCount);
  let k = 0;
  // Indexed loops: destructuring each [column, coefficient] pair allocated an iterator per term (75,000 at 60 × 8).
  for (let i = 0; i < numRows; i++) {
    const row = model.rows[i]!;
    rowLower[i] = bound(row.lower);
    rowUpper[i] = bound(row.upper);
    const terms = row.terms;
    for (let m = 0; m < terms.length; m++) {
      const term = terms[m]!;
      indices[k] = term[0];
      values[k] = term[1];
      k++;
    }
    starts[i + 1] = k;
  }
  const data: ModelData = {
    numCols,
    numRows,
    sense: model.sense === 'maximize' ? highs.constants.objectiveSense.maximize : highs.constants.objectiveSense.minimize,
    offset: model.offset,
    colCost,
    colLower,
    colUpper,
    rowLower,
    rowUpper,
    matrix: { format: 'csr', numRows, numCols, starts, indices, values },
  };
  if (!isMip(model)) return data;
  const { continuous, integer, semiContinuous } = highs.constants.variableType;
  return { ...data, integrality: Int32Array.from(model.variables, (variable) => (variable.semiContinuous ? semiContinuous : variable.integer ? integer : continuous)) };
}

const MODEL_STATUS_NAMES: Readonly<Record<ModelStatusCode, string>> = {
  0: 'notSet', 1: 'loadError', 2: 'modelError', 3: 'presolveError', 4: 'solveError', 5: 'postsolveError', 6: 'empty', 7: 'optimal',
  8: 'infeasible', 9: 'unboundedOrInfeasible', 10: 'unbounded', 11: 'objectiveBound', 12: 'objectiveTarget', 13: 'timeLimit',
  14: 'iterationLimit', 15: 'unknown', 16: 'solutionLimit', 17: 'interrupted',
};

/**
 * Why HiGHS stopped, in the back-end-neutral vocabulary. `empty` (no columns) is handled before
 * this is called; the stopping criteria fundladder never sets (objective bound/target, solution
 * limit, interruption) and load/model errors are `otherError`; solver failures are `numericalError`.
 *
 * @param code - `model.getModelStatus()`.
 * @returns The termination.
 * @example
 * highsTermination(9) //=> 'infeasibleOrUnbounded'
 * @see node_modules/highs/types.d.ts (`HighsConstants.modelStatus`)
 */
export function highsTermination(code: ModelStatusCode): Termination {
  switch (code) {
    case 7: return 'optimal';
    case 8: return 'infeasible';
    case 9: return 'infeasibleOrUnbounded';
    case 10: return 'unbounded';
    case 13: return 'timeLimit';
    case 14: return 'iterationLimit';
    case 4: case 5: case 15: return 'numericalError';
    default: return 'otherError';
  }
}

function pointStatus(code: number | bigint): PointStatus {
  const value = Number(code);
  return value === 2 ? 'feasiblePoint' : value === 1 ? 'infeasiblePoint' : 'noPoint';
}

/** `-0` → `0`, so a printed shadow price never reads "-0" (date-fns drops −0 the same way). */
function dropNegativeZero(values: Float64Array): Float64Array {
  for (let i = 0; i < values.length; i++) if (values[i] === 0) values[i] = 0;
  return values;
}

/** A model with no columns: HiGHS answers `empty` with no solution, so it is decided here. */
function solveEmpty(model: LpModel, solveMs: number): SolveReport {
  const feasible = model.rows.every((row) => row.lower <= 0 && row.upper >= 0);
  return {
    backend: 'highs',
    termination: feasible ? 'optimal' : 'infeasible',
    primal: feasible ? 'feasiblePoint' : 'noPoint',
    dual: 'noPoint',
    objective: feasible ? model.offset : NaN,
    columnValues: new Float64Array(0),
    rowDuals: new Float64Array(0),
    solveMs,
    raw: { modelStatus: 6, modelStatusName: 'empty' },
  };
}

function failure(termination: Termination, solveMs: number, raw: Record<string, unknown>): SolveReport {
  return { backend: 'highs', termination, primal: 'noPoint', dual: 'noPoint', objective: NaN, columnValues: new Float64Array(0), rowDuals: new Float64Array(0), solveMs, raw };
}

/**
 * The time a HiGHS solve may take in all when the caller sets no limit (seconds): a safety net, so that no
 * stage of `optimize` can run unbounded (a MIP without a limit ran past 300 s at 120 × 20: docs/optimizer.md §8).
 */
export const HIGHS_DEFAULT_TIME_LIMIT_SECONDS = 300;

/**
 * One way of running HiGHS, tried when the ones before it stopped without an answer (docs/optimizer.md §8).
 * `options` are set on top of {@link HIGHS_OPTIONS}; `share` is the fraction of the time still left that the
 * attempt may use (the last attempt takes whatever is left).
 */
export interface HighsAttempt {
  readonly name: string;
  readonly options: Readonly<Record<string, boolean | number | string>>;
  readonly share: number;
}

/**
 * The interior-point solver's optimality tolerance (HiGHS's default 1e-8). Its point only seeds the crossover, which
 * ends on a vertex that the simplex cleans up to the usual tolerances (and verifySolution checks), so a looser
 * tolerance changes how soon the crossover starts, not the answer: measured on the 60 × 8 safe LP (20,060 columns,
 * quiet machine) 0.8 s against 1.6–3.3 s of CPU at 1e-8, the same objective to 1e-9.
 */
export const IPM_OPTIMALITY_TOLERANCE = 1e-7;

/**
 * The attempts for an LP, in order. The dual simplex first (HiGHS's choice, fastest here); the interior-point
 * solver next (measured on a rolling re-plan with no feasible point: the dual simplex threw `HiGHS status -1`,
 * the interior-point solver proved infeasibility); then the dual simplex without presolve (presolve's
 * reductions are where knife-edge rows lose their last digits); then the primal simplex on a model rescaled by
 * its largest values (slow, 10–30× on ladders, docs/solver-notes.md §3, so last and only on what time is left).
 */
export const HIGHS_LP_ATTEMPTS: readonly HighsAttempt[] = [
  { name: 'dualSimplex', options: {}, share: 0.5 },
  { name: 'interiorPoint', options: { solver: 'ipm', ipm_optimality_tolerance: IPM_OPTIMALITY_TOLERANCE }, share: 0.5 },
  { name: 'dualSimplexNoPresolve', options: { solver: 'simplex', presolve: 'off' }, share: 0.5 },
  { name: 'primalSimplexRescaled', options: { solver: 'simplex', simplex_strategy: 4, simplex_scale_strategy: 4 }, share: 1 },
];

/** A MIP gets one attempt (its branch and bound already tries many things), bounded like the rest. */
export const HIGHS_MIP_ATTEMPTS: readonly HighsAttempt[] = [{ name: 'branchAndBound', options: {}, share: 1 }];

/**
 * From this many columns on, an LP solved from scratch starts with the interior-point solver (with crossover, so it
 * still ends on a basis and its duals): measured on the safe (per-fund-type) ladder LP, 14,040 columns 745 ms against
 * 1,311 ms for the dual simplex, 32,728 columns (60 months × 8 banks) 1.4 s against 10.1 s; below it the dual
 * simplex is as fast or faster (2,484 columns: 35 ms against 84 ms). docs/solver-notes.md §3.
 */
export const INTERIOR_POINT_FIRST_COLUMNS = 10_000;

/** The interior-point solver first, then the rest in their usual order. */
export const HIGHS_LARGE_LP_ATTEMPTS: readonly HighsAttempt[] = [HIGHS_LP_ATTEMPTS[1]!, HIGHS_LP_ATTEMPTS[0]!, ...HIGHS_LP_ATTEMPTS.slice(2)];

/** The attempts for `model`: a MIP's, a large LP's from scratch, or the usual LP's (always for a warm start). */
export function attemptsFor(model: LpModel, options: SolveOptions = {}): readonly HighsAttempt[] {
  if (isMip(model)) return HIGHS_MIP_ATTEMPTS;
  if (!usableBasis(model, options.startBasis) && model.variables.length >= INTERIOR_POINT_FIRST_COLUMNS) return HIGHS_LARGE_LP_ATTEMPTS;
  return HIGHS_LP_ATTEMPTS;
}

function usableBasis(model: LpModel, basis: SolveOptions['startBasis']): basis is NonNullable<SolveOptions['startBasis']> {
  return basis !== undefined && !isMip(model) && basis.colStatus.length === model.variables.length && basis.rowStatus.length === model.rows.length;
}

/** What one attempt did: recorded in `raw.attempts`, so a report says which attempts ran and why each stopped. */
export interface AttemptRecord {
  readonly attempt: string;
  readonly termination: Termination;
  readonly modelStatusName: string;
  /** The time this attempt was allowed (HiGHS's `time_limit`), seconds. */
  readonly timeLimitSeconds: number;
  readonly ms: number;
  readonly runError?: string;
}

/**
 * Ended without an answer another method might still give: no point, and not a proof nor a malformed model. An
 * `optimal` whose point HiGHS itself calls infeasible (primal solution status 1) is one: a round of the sample's safe
 * plan re-solved from the last basis stopped so (reserveMonths=1, confidence 0.847–0.849), and the same model solved
 * from scratch has a point.
 * @internal exported for its test
 */
export function worthRetrying(report: SolveReport): boolean {
  if (report.primal === 'feasiblePoint') return false;
  if (report.raw.error !== undefined) return false;
  if (report.termination === 'otherError') return report.raw.runError !== undefined;
  if (report.termination === 'optimal') return report.primal === 'infeasiblePoint';
  return report.termination === 'numericalError' || report.termination === 'timeLimit' || report.termination === 'iterationLimit';
}

/**
 * Solves `model` with an already loaded HiGHS runtime, synchronously (for benchmarks and workers;
 * everyone else uses `highsBackend.solve`).
 *
 * Shadow prices: HiGHS's `rowDual[i]` is already the derivative of the objective (offset included)
 * with respect to row i's active bound, for both objective senses and for ≤, ≥, ranged and
 * equality rows; measured on the hand-solved LPs in `contract.test.ts` (maximise: a binding ≤ cap
 * gives +0.01, a binding ≥ reserve −0.01; minimise: a binding ≥ demand +3, a binding ≤ cap −1).
 * So `rowDuals` is `rowDual` with −0 turned into 0, and nothing else. MIP duals are not returned.
 *
 * Robustness: the attempts ({@link HIGHS_LP_ATTEMPTS} for an LP) run in order while the previous one
 * stopped with no point and no proof (numerical trouble, its share of the time used up); each is bounded by
 * its share of the time left. `raw.attempts` lists every attempt that ran and why it stopped; the report is
 * the last attempt's, with `solveMs` the total.
 *
 * @param highs - From `loadHighs()`.
 * @param model - The LP or MIP.
 * @param options - `timeLimitSeconds` is the budget of all attempts together (default
 *   {@link HIGHS_DEFAULT_TIME_LIMIT_SECONDS}); `mipRelativeGap` becomes `mip_rel_gap`.
 * @param attempts - The attempts, in order (default by model kind; tests pass their own).
 * @returns The report; never throws for an infeasible, unbounded or failed solve.
 * @example
 * solveWithHighs(await loadHighs(), model).termination //=> 'optimal'
 * solveWithHighs(await loadHighs(), model).raw.attempts //=> [{ attempt: 'dualSimplex', termination: 'optimal', … }]
 * @see docs/solver-notes.md §6 (duals and ranging)
 */
export function solveWithHighs(highs: Highs, model: LpModel, options: SolveOptions = {}, attempts: readonly HighsAttempt[] = attemptsFor(model, options)): SolveReport {
  const budgetSeconds = options.timeLimitSeconds ?? HIGHS_DEFAULT_TIME_LIMIT_SECONDS;
  const records: AttemptRecord[] = [];
  let totalMs = 0;
  let report: SolveReport | undefined;
  for (const [k, attempt] of attempts.entries()) {
    const leftSeconds = budgetSeconds - totalMs / 1000;
    if (report && leftSeconds <= 0) break;
    const timeLimitSeconds = Math.max(k === attempts.length - 1 ? leftSeconds : leftSeconds * attempt.share, 1e-3);
    report = solveOnce(highs, model, { ...options, timeLimitSeconds }, attempt.options);
    totalMs += report.solveMs;
    records.push({ attempt: attempt.name, termination: report.termination, modelStatusName: String(report.raw.modelStatusName ?? report.raw.error ?? ''), timeLimitSeconds, ms: report.solveMs, ...(report.raw.runError !== undefined ? { runError: String(report.raw.runError) } : {}) });
    if (!worthRetrying(report)) break;
  }
  if (!report) throw new Error('solveWithHighs: no attempt given');
  // Out of time overall: say so, whatever the last attempt's own reason was.
  const outOfTime = worthRetrying(report) && totalMs / 1000 >= budgetSeconds * 0.999;
  return { ...report, ...(outOfTime ? { termination: 'timeLimit' as const } : {}), solveMs: totalMs, raw: { ...report.raw, attempts: records } };
}

type HighsModel = ReturnType<Highs['createModel']>;

/** The report after `run()`: statuses, and the point and duals where HiGHS has them. */
function readReport(instance: HighsModel, model: LpModel, started: number, runError: string | undefined): SolveReport {
  const modelStatus = instance.getModelStatus();
  const termination = highsTermination(modelStatus);
  const raw: Record<string, unknown> = { modelStatus, modelStatusName: MODEL_STATUS_NAMES[modelStatus] };
  if (runError !== undefined) raw.runError = runError;
  let primal = pointStatus(instance.info.get('primal_solution_status'));
  // Shadow prices are read only at an LP optimum: a MIP's or a stopped solve's duals explain nothing.
  const dual = termination === 'optimal' && !isMip(model) ? pointStatus(instance.info.get('dual_solution_status')) : 'noPoint';
  // A proof of infeasibility or unboundedness leaves values behind that are no plan.
  if (termination === 'infeasible' || termination === 'unbounded' || termination === 'infeasibleOrUnbounded') primal = 'noPoint';
  if (primal !== 'feasiblePoint' && dual !== 'feasiblePoint') return { ...failure(termination, performance.now() - started, raw), primal };
  const solution = instance.getSolution();
  return {
    backend: 'highs',
    termination,
    primal,
    dual,
    objective: primal === 'feasiblePoint' ? instance.getObjectiveValue() : NaN,
    columnValues: primal === 'feasiblePoint' ? Float64Array.from(solution.colValue) : new Float64Array(0),
    rowDuals: dual === 'feasiblePoint' ? dropNegativeZero(Float64Array.from(solution.rowDual)) : new Float64Array(0),
    solveMs: performance.now() - started,
    raw,
  };
}

/** `run()`, with the throw docs/solver-notes.md §7 warns of turned into a message (the status is read after it). */
function run(instance: HighsModel): string | undefined {
  try {
    instance.run();
    return undefined;
  } catch (error) {
    return String(error);
  }
}

function solveOnce(highs: Highs, model: LpModel, options: SolveOptions, extra: Readonly<Record<string, boolean | number | string>>): SolveReport {
  const started = performance.now();
  if (model.variables.length === 0) return solveEmpty(model, performance.now() - started);
  let instance: HighsModel | undefined;
  try {
    instance = highs.createModel(toHighsModelData(highs, model));
    instance.options.set(HIGHS_OPTIONS);
    if (options.timeLimitSeconds !== undefined) instance.options.set('time_limit', options.timeLimitSeconds);
    if (options.mipRelativeGap !== undefined) instance.options.set('mip_rel_gap', options.mipRelativeGap);
    if (Object.keys(extra).length) instance.options.set(extra);
    const warm = usableBasis(model, options.startBasis) && extra.solver !== 'ipm' && setBasis(instance, options.startBasis);
    const report = readReport(instance, model, started, run(instance));
    const basis = report.termination === 'optimal' && !isMip(model) ? readBasis(instance) : undefined;
    return { ...report, ...(basis ? { basis } : {}), ...(options.startBasis ? { raw: { ...report.raw, warm: warm ? 'warm' : 'cold' } } : {}) };
  } catch (error) {
    // createModel rejects malformed data (NaN, an index out of range): report it, do not crash the caller.
    return failure('otherError', performance.now() - started, { error: String(error) });
  } finally {
    instance?.dispose();
  }
}

/** Installs `basis` as the start; false when HiGHS refuses it (the solve then starts from scratch). */
function setBasis(instance: HighsModel, basis: NonNullable<SolveOptions['startBasis']>): boolean {
  try {
    instance.setBasis(basis as Parameters<HighsModel['setBasis']>[0]);
    return true;
  } catch {
    return false;
  }
}

/** The optimal basis, when HiGHS holds a valid one (an interior-point solve ends on one after its crossover). */
function readBasis(instance: HighsModel): SolveReport['basis'] {
  try {
    if (instance.info.get('basis_validity') !== 1) return undefined;
    const b = instance.getBasis();
    return { colStatus: Int32Array.from(b.colStatus), rowStatus: Int32Array.from(b.rowStatus) };
  } catch {
    return undefined;
  }
}

/**
 * A HiGHS model kept alive between solves, so that a changed bound is re-solved from the last basis (warm)
 * instead of from scratch: docs/solver-notes.md §4 measured 227 ms against 2.6 s at 120 × 20 for one row's bounds.
 * The WASM memory is not garbage-collected: call `dispose()`.
 *
 * `model` is the model with the bounds as changed so far (for `verifySolution`). A warm run that ends
 * without an answer is solved again from scratch with {@link solveWithHighs}'s attempts (`raw.warm` says
 * which happened).
 *
 * @example
 * const warm = WarmHighsModel.create(await loadHighs(), model);
 * warm.solve().objective //=> 2.2
 * warm.setRowBounds(0, 110, 110);
 * warm.solve().objective //=> 2.4
 * warm.dispose();
 */
export class WarmHighsModel {
  private readonly variables: LpVariable[];
  private readonly rows: LpRow[];
  private readonly sense: LpModel['sense'];
  private readonly offset: number;
  private solved = false;

  private constructor(private readonly highs: Highs, private readonly instance: HighsModel, base: LpModel) {
    this.variables = [...base.variables];
    this.rows = [...base.rows];
    this.sense = base.sense;
    this.offset = base.offset;
  }

  /**
   * Loads `model` into a new HiGHS instance (no solve yet).
   * @param highs - From `loadHighs()`.
   * @param model - An LP (semi-continuous or integer columns are refused: a MIP has no basis to warm-start).
   * @returns The warm model.
   */
  static create(highs: Highs, model: LpModel): WarmHighsModel {
    if (isMip(model)) throw new Error('WarmHighsModel: an LP only (a MIP has no basis to start from)');
    const instance = highs.createModel(toHighsModelData(highs, model));
    instance.options.set(HIGHS_OPTIONS);
    return new WarmHighsModel(highs, instance, model);
  }

  /** The model with every bound as changed so far. */
  get model(): LpModel {
    return { sense: this.sense, offset: this.offset, variables: this.variables, rows: this.rows };
  }

  /** Changes row `index`'s bounds (±Infinity for none). */
  setRowBounds(index: number, lower: number, upper: number): void {
    const inf = this.highs.infinity;
    this.instance.changeRowBounds(index, lower === -Infinity ? -inf : lower, upper === Infinity ? inf : upper);
    this.rows[index] = { ...this.rows[index]!, lower, upper };
  }

  /** Changes column `index`'s bounds (±Infinity for none). */
  setColBounds(index: number, lower: number, upper: number): void {
    const inf = this.highs.infinity;
    this.instance.changeColBounds(index, lower === -Infinity ? -inf : lower, upper === Infinity ? inf : upper);
    this.variables[index] = { ...this.variables[index]!, lower, upper };
  }

  /**
   * Solves from the last basis (the first call solves from scratch).
   * @param options - `timeLimitSeconds` for this run (default {@link HIGHS_DEFAULT_TIME_LIMIT_SECONDS}).
   * @returns The report (`raw.warm`: 'warm', 'cold' for the first solve, or 'retriedCold' after a failed warm run).
   */
  solve(options: SolveOptions = {}): SolveReport {
    const started = performance.now();
    this.instance.options.set('time_limit', options.timeLimitSeconds ?? HIGHS_DEFAULT_TIME_LIMIT_SECONDS);
    const report = readReport(this.instance, this.model, started, run(this.instance));
    const kind = this.solved ? 'warm' : 'cold';
    this.solved = true;
    if (!worthRetrying(report)) return { ...report, raw: { ...report.raw, warm: kind } };
    const cold = solveWithHighs(this.highs, this.model, options);
    return { ...cold, solveMs: report.solveMs + cold.solveMs, raw: { ...cold.raw, warm: 'retriedCold', warmRun: report.raw } };
  }

  /** Frees the WASM memory. */
  dispose(): void {
    this.instance.dispose();
  }
}

/**
 * The HiGHS back-end: no size limit (measured correct from 12 × 3 to 120 × 20, docs/solver-notes.md §2).
 *
 * @example
 * const report = await highsBackend.solve(model, { timeLimitSeconds: 30 });
 * report.termination //=> 'optimal'
 */
export const highsBackend: LpBackend = {
  name: 'highs',
  maxVariables: undefined,
  async solve(model: LpModel, options?: SolveOptions): Promise<SolveReport> {
    return solveWithHighs(await loadHighs(), model, options);
  },
};
