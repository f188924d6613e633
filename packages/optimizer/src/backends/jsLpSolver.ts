import solver, { type Model as JsLpModel, type SolveResult } from 'javascript-lp-solver';
import { isMip, type LpModel } from '../model/lp';
import type { LpBackend, SolveOptions, SolveReport, Termination } from './types';

/**
 * The pure-JS back-end (javascript-lp-solver, "jsls"): no WASM, but a dense tableau that is slow
 * above small sizes and was measured wrong on scaled models (docs/solver-notes.md §5). It is
 * offered only up to {@link JSLS_MAX_VARIABLES}, and its answers go through `verify.ts` like any other.
 */

/**
 * The largest model (variables) jsls is offered for: 100.
 *
 * Measured with `ladderModel` (contractModels.ts: months × banks × 5 terms, cash-balance
 * equalities, per-bank outstanding caps, a reserve per month, 万元 1e2..1e5, rates 0.005..0.03)
 * against HiGHS (with `HIGHS_OPTIONS`), javascript-lp-solver 1.0.3, node 20, seeds 1..N per size:
 * - no disagreement at all: 2 × 5, 3 × 5, 5 × 3, 2 × 8, 4 × 4, 1 × 20, 4 × 5, 2 × 11 (52–112
 *   variables, 2,000 seeds each), 5 × 4, 6 × 4, 4 × 6, 20 × 1 (105–126, 3,000 each);
 * - 6 × 3 (96 variables): 1 in 3,400 returned "optimal" with cash-balance rows broken by 0.013 万元
 *   (seed 1976; `verify.ts` catches it, the contract suite keeps it as a reproducer);
 * - 8 × 3 (128): 3 in 3,000 called the feasible model infeasible (seeds 1051, 1166, 2072) and
 *   3 broke rows; 9 × 3 (144): 2 in 1,000 "infeasible"; 12 × 3 (192): 7 in 1,000 "infeasible",
 *   7 broke rows by up to 4.6 万元 (docs/solver-notes.md §5 saw the same at 12 × 3).
 * A wrong "infeasible" cannot be caught by checking the point, so the limit sits below the
 * smallest size where one was seen (128), with margin. Speed is not the constraint at these sizes
 * (median 1 ms, max 50 ms).
 */
export const JSLS_MAX_VARIABLES = 100;

/** jsls's JSON model plus what is needed to map its answer back (variables are shifted by their lower bounds). */
export interface JsLpTranslation {
  readonly jsModel: JsLpModel;
  /** Per model variable: the value added back to jsls's variable (its finite lower bound, or 0). */
  readonly shift: Float64Array;
  /** jsls's objective + this = the model's objective (model offset + costs × shifts). */
  readonly objectiveShift: number;
}

const OBJECTIVE = 'obj';
const variableId = (j: number): string => `x${j}`;
const rowId = (i: number): string => `r${i}`;
const upperBoundId = (j: number): string => `u${j}`;

/**
 * Translates an `LpModel` into jsls's JSON format.
 *
 * jsls keys variables and constraints by name and takes the objective as one more coefficient
 * name, so a model name could collide with the objective or carry characters it mishandles: every
 * name is replaced by a safe internal one (`x12`, `r7`, `u12`, objective `obj`) and answers are
 * mapped back by index. jsls variables are ≥ 0 and it has no column bounds, so a finite lower
 * bound `l` is shifted out (`x = l + y`, `y ≥ 0`, rounded up to an integer for integer variables),
 * a missing one makes the variable `unrestricted`, and a finite upper bound becomes a row
 * `u<j>: y ≤ upper − l`. Rows with both bounds become `{ min, max }` (or `{ equal }`); rows with
 * neither are left out (they bind nothing; `verify.ts` still checks them).
 *
 * @param model - The LP or MIP.
 * @returns The jsls model and the shifts to map its answer back.
 * @example
 * toJsLpModel(model).jsModel.optimize //=> 'obj'
 */
export function toJsLpModel(model: LpModel): JsLpTranslation {
  const shift = new Float64Array(model.variables.length);
  const variables: Record<string, Record<string, number>> = {};
  const constraints: JsLpModel['constraints'] = {};
  const ints: Record<string, boolean> = {};
  const unrestricted: Record<string, boolean> = {};
  let objectiveShift = model.offset;
  model.variables.forEach((variable, j) => {
    const id = variableId(j);
    const coefficients: Record<string, number> = {};
    if (variable.cost !== 0) coefficients[OBJECTIVE] = variable.cost;
    variables[id] = coefficients;
    if (variable.integer) ints[id] = true;
    if (variable.lower === -Infinity) unrestricted[id] = true;
    else shift[j] = variable.integer ? Math.ceil(variable.lower) : variable.lower;
    objectiveShift += variable.cost * shift[j]!;
    if (variable.upper !== Infinity) {
      constraints[upperBoundId(j)] = { max: variable.upper - shift[j]! };
      coefficients[upperBoundId(j)] = 1;
    }
  });
  model.rows.forEach((row, i) => {
    if (row.lower === -Infinity && row.upper === Infinity) return;
    let moved = 0;
    for (const [j, coef] of row.terms) {
      moved += coef * shift[j]!;
      variables[variableId(j)]![rowId(i)] = coef;
    }
    const lower = row.lower - moved;
    const upper = row.upper - moved;
    if (row.lower === row.upper) constraints[rowId(i)] = { equal: lower };
    else if (row.lower === -Infinity) constraints[rowId(i)] = { max: upper };
    else if (row.upper === Infinity) constraints[rowId(i)] = { min: lower };
    else constraints[rowId(i)] = { min: lower, max: upper };
  });
  const jsModel: JsLpModel = {
    optimize: OBJECTIVE,
    opType: model.sense === 'maximize' ? 'max' : 'min',
    constraints,
    variables,
    ints,
    unrestricted,
  };
  return { jsModel, shift, objectiveShift };
}

function noPoint(termination: Termination, solveMs: number, raw: Record<string, unknown>): SolveReport {
  return { backend: 'jsls', termination, primal: 'noPoint', dual: 'noPoint', objective: NaN, columnValues: new Float64Array(0), rowDuals: new Float64Array(0), solveMs, raw };
}

/**
 * Solves `model` with jsls, whatever its size (the size limit is `jsLpSolverBackend`'s and
 * `checkBackendSize`'s business; the measurement behind {@link JSLS_MAX_VARIABLES} needs this).
 *
 * Mapping: `feasible: false` → `infeasible`; `bounded: false` → `unbounded`; otherwise `optimal`,
 * with the objective recomputed from the returned point. If jsls's own objective disagrees with
 * its point (relative 1e-6), the answer is `numericalError` without a point. jsls gives no
 * reliable duals: `dual` is always `noPoint`. Its LP simplex cannot be interrupted; a time limit
 * only bounds branch and bound (`timeout`), and a MIP that stopped there is `timeLimit`.
 *
 * @param model - The LP or MIP.
 * @param options - `timeLimitSeconds` bounds branch and bound.
 * @returns The report; never throws.
 * @example
 * solveWithJsLpSolver(model).dual //=> 'noPoint'
 */
export function solveWithJsLpSolver(model: LpModel, options: SolveOptions = {}): SolveReport {
  const started = performance.now();
  let result: SolveResult;
  let translation: JsLpTranslation;
  if (model.variables.some((v) => v.semiContinuous)) {
    return noPoint('otherError', 0, { error: 'javascript-lp-solver has no semi-continuous variables (minimum lots); use HiGHS' });
  }
  try {
    translation = toJsLpModel(model);
    const jsModel: JsLpModel = options.timeLimitSeconds === undefined ? translation.jsModel : { ...translation.jsModel, timeout: options.timeLimitSeconds * 1000 };
    result = solver.Solve(jsModel) as SolveResult;
  } catch (error) {
    return noPoint('otherError', performance.now() - started, { error: String(error) });
  }
  const solveMs = performance.now() - started;
  const raw: Record<string, unknown> = { feasible: result.feasible, bounded: result.bounded, result: result.result, isIntegral: result.isIntegral };
  if (!result.feasible) return noPoint('infeasible', solveMs, raw);
  if (result.bounded === false) return noPoint('unbounded', solveMs, raw);
  if (isMip(model) && result.isIntegral !== true) {
    const stopped = options.timeLimitSeconds !== undefined && solveMs >= options.timeLimitSeconds * 1000;
    return noPoint(stopped ? 'timeLimit' : 'numericalError', solveMs, raw);
  }
  const columnValues = new Float64Array(model.variables.length);
  let objective = model.offset;
  model.variables.forEach((variable, j) => {
    const value = result[variableId(j)];
    columnValues[j] = translation.shift[j]! + (typeof value === 'number' ? value : 0);
    objective += variable.cost * columnValues[j]!;
  });
  const claimed = result.result + translation.objectiveShift;
  raw.claimedObjective = claimed;
  if (!(Math.abs(claimed - objective) <= 1e-6 * Math.max(1, Math.abs(objective)))) return noPoint('numericalError', solveMs, raw);
  return { backend: 'jsls', termination: 'optimal', primal: 'feasiblePoint', dual: 'noPoint', objective, columnValues, rowDuals: new Float64Array(0), solveMs, raw };
}

/**
 * The pure-JS back-end, offered up to {@link JSLS_MAX_VARIABLES} variables; a larger model is
 * answered `tooLarge` without being solved (a dense tableau would block the thread for minutes).
 *
 * @example
 * jsLpSolverBackend.maxVariables //=> 100
 */
export const jsLpSolverBackend: LpBackend = {
  name: 'jsls',
  maxVariables: JSLS_MAX_VARIABLES,
  async solve(model: LpModel, options?: SolveOptions): Promise<SolveReport> {
    if (model.variables.length > JSLS_MAX_VARIABLES) {
      return noPoint('tooLarge', 0, { variables: model.variables.length, maxVariables: JSLS_MAX_VARIABLES });
    }
    return solveWithJsLpSolver(model, options);
  },
};
