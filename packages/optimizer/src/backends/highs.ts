import highsLoader, { type Highs, type ModelData, type ModelStatusCode } from 'highs';
import { isMip, type LpModel } from '../model/lp';
import type { LpBackend, PointStatus, SolveOptions, SolveReport, Termination } from './types';

/**
 * The HiGHS back-end (the `highs` package: HiGHS compiled to WASM), the default solver.
 *
 * Facts it relies on (../shared/solver-notes.md, re-measured in `contract.test.ts`):
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
 * @see ../shared/solver-notes.md ("keep one HiGHS instance per process")
 */
export function loadHighs(): Promise<Highs> {
  if (!loading) {
    loading = highsLoader().catch((error: unknown) => {
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
  model.variables.forEach((variable, j) => {
    colCost[j] = variable.cost;
    colLower[j] = bound(variable.lower);
    colUpper[j] = bound(variable.upper);
  });
  const rowLower = new Float64Array(numRows);
  const rowUpper = new Float64Array(numRows);
  const starts = new Int32Array(numRows + 1);
  let nonZeroCount = 0;
  for (const row of model.rows) nonZeroCount += row.terms.length;
  const indices = new Int32Array(nonZeroCount);
  const values = new Float64Array(nonZeroCount);
  let k = 0;
  model.rows.forEach((row, i) => {
    rowLower[i] = bound(row.lower);
    rowUpper[i] = bound(row.upper);
    for (const [j, coef] of row.terms) {
      indices[k] = j;
      values[k] = coef;
      k++;
    }
    starts[i + 1] = k;
  });
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
 * Solves `model` with an already loaded HiGHS runtime, synchronously (for benchmarks and workers;
 * everyone else uses `highsBackend.solve`).
 *
 * Shadow prices: HiGHS's `rowDual[i]` is already the derivative of the objective (offset included)
 * with respect to row i's active bound, for both objective senses and for ≤, ≥, ranged and
 * equality rows; measured on the hand-solved LPs in `contract.test.ts` (maximise: a binding ≤ cap
 * gives +0.01, a binding ≥ reserve −0.01; minimise: a binding ≥ demand +3, a binding ≤ cap −1).
 * So `rowDuals` is `rowDual` with −0 turned into 0, and nothing else. MIP duals are not returned.
 *
 * @param highs - From `loadHighs()`.
 * @param model - The LP or MIP.
 * @param options - `timeLimitSeconds` becomes HiGHS's `time_limit`.
 * @returns The report; never throws for an infeasible, unbounded or failed solve.
 * @example
 * solveWithHighs(await loadHighs(), model).termination //=> 'optimal'
 * @see ../shared/solver-notes.md ("Duals and ranging")
 */
export function solveWithHighs(highs: Highs, model: LpModel, options: SolveOptions = {}): SolveReport {
  const first = solveOnce(highs, model, options, {});
  // Measured on a rolling re-plan of the sample (an LP with no feasible point): the dual simplex stopped with
  // solveError (and run() threw), the interior-point solver proved it infeasible. A failed LP solve is tried
  // once more with the interior-point solver; the report says so (raw.retriedWith).
  if (first.termination === 'numericalError' && first.primal === 'noPoint' && !isMip(model)) {
    const second = solveOnce(highs, model, options, { solver: 'ipm' });
    return { ...second, solveMs: first.solveMs + second.solveMs, raw: { ...second.raw, retriedWith: 'ipm', first: first.raw } };
  }
  return first;
}

function solveOnce(highs: Highs, model: LpModel, options: SolveOptions, extra: Record<string, string>): SolveReport {
  const started = performance.now();
  if (model.variables.length === 0) return solveEmpty(model, performance.now() - started);
  let instance: ReturnType<Highs['createModel']> | undefined;
  try {
    instance = highs.createModel(toHighsModelData(highs, model));
    instance.options.set(HIGHS_OPTIONS);
    if (options.timeLimitSeconds !== undefined) instance.options.set('time_limit', options.timeLimitSeconds);
    if (options.mipRelativeGap !== undefined) instance.options.set('mip_rel_gap', options.mipRelativeGap);
    if (Object.keys(extra).length) instance.options.set(extra as never);
    let runError: string | undefined;
    try {
      instance.run();
    } catch (error) {
      // solver-notes.md: run() can throw `HiGHS status -1` where a status was expected.
      runError = String(error);
    }
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
  } catch (error) {
    // createModel rejects malformed data (NaN, an index out of range): report it, do not crash the caller.
    return failure('otherError', performance.now() - started, { error: String(error) });
  } finally {
    instance?.dispose();
  }
}

/**
 * The HiGHS back-end: no size limit (measured correct from 12 × 3 to 120 × 20, solver-notes.md).
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
