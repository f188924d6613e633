import { highsBackend } from './backends/highs';
import { jsLpSolverBackend } from './backends/jsLpSolver';
import type { LpBackend, SolveOptions, SolveReport } from './backends/types';
import type { LpModel } from './model/lp';

/**
 * Every solution from every back-end is checked here, in plain JS, against the model's own rows
 * before it is used: a violated row is an error, never a plan (docs/optimizer.md §8; docs/solver-notes.md §5 measured
 * javascript-lp-solver returning "optimal" plans that broke rows by 2–10 万元). JuMP's
 * `primal_feasibility_report` does the same for any point (`src/feasibility_checker.jl`).
 */

/** One broken row, bound or integrality, or a reported objective that the point does not give. */
export interface Violation {
  readonly kind: 'row' | 'bound' | 'integrality' | 'objective';
  /** The row's or variable's name (`objective` for the objective). */
  readonly name: string;
  /** The row's rule; `variableBound`, `integrality` or `objective` otherwise. */
  readonly rule: string;
  /** Row activity, variable value, or recomputed objective. */
  readonly value: number;
  /** The bound that was broken from below (or the reported objective), −∞ when none. */
  readonly lower: number;
  /** The bound that was broken from above (or the reported objective), +∞ when none. */
  readonly upper: number;
  /** How far outside, ≥ 0; NaN when the value is not a finite number. */
  readonly by: number;
}

/** Tolerances of the check; a value may lie `absTol + relTol × scale` outside its bounds. */
export interface VerifyTolerances {
  /** Absolute slack in the model's units (万元). Default 1e-6. */
  readonly absTol?: number;
  /** Relative slack, times the larger of |bound| and the row's Σ|coef × value|. Default 1e-7. */
  readonly relTol?: number;
  /** Distance from the nearest integer allowed for an integer variable. Default 1e-6. */
  readonly integralityTol?: number;
}

/** The result of checking one point. */
export interface Verification {
  readonly ok: boolean;
  readonly violations: readonly Violation[];
  /** The objective at the point, recomputed (offset included). */
  readonly objective: number;
}

function outside(value: number, lower: number, upper: number, tolerance: number): number {
  if (!Number.isFinite(value)) return NaN;
  if (value < lower - tolerance) return lower - value;
  if (value > upper + tolerance) return value - upper;
  return 0;
}

/**
 * Recomputes every row activity, bound and integrality and the objective at `columnValues`.
 *
 * @param model - The model the point claims to solve.
 * @param columnValues - One value per model variable, in model order.
 * @param tolerances - Defaults: absTol 1e-6 (万元), relTol 1e-7, integralityTol 1e-6.
 * @returns `ok` when nothing is broken, every violation otherwise (rows first, in model order).
 * @throws RangeError when `columnValues` does not have one value per variable (a programmer error).
 * @example
 * verifySolution(model, Float64Array.of(20, 40, 40)).ok //=> true
 * verifySolution(model, Float64Array.of(20, 40, 50)).violations[0]
 * //=> { kind: 'row', name: 'budget', rule: 'cashBalance', value: 110, lower: 100, upper: 100, by: 10 }
 * @see jump-dev/JuMP.jl src/feasibility_checker.jl
 */
export function verifySolution(model: LpModel, columnValues: ArrayLike<number>, tolerances: VerifyTolerances = {}): Verification {
  const { absTol = 1e-6, relTol = 1e-7, integralityTol = 1e-6 } = tolerances;
  if (columnValues.length !== model.variables.length) {
    throw new RangeError(`verifySolution: ${columnValues.length} values for ${model.variables.length} variables`);
  }
  const violations: Violation[] = [];
  for (const row of model.rows) {
    let activity = 0;
    let scale = 0;
    // Indexed, not destructured: no iterator per term (this runs on every solve of every round).
    const terms = row.terms;
    for (let k = 0; k < terms.length; k++) {
      const pair = terms[k]!;
      const term = pair[1] * columnValues[pair[0]]!;
      activity += term;
      scale += Math.abs(term);
    }
    const finiteBound = Math.max(Number.isFinite(row.lower) ? Math.abs(row.lower) : 0, Number.isFinite(row.upper) ? Math.abs(row.upper) : 0);
    const by = outside(activity, row.lower, row.upper, absTol + relTol * Math.max(scale, finiteBound));
    if (by !== 0) violations.push({ kind: 'row', name: row.name, rule: row.rule, value: activity, lower: row.lower, upper: row.upper, by });
  }
  let objective = model.offset;
  for (let j = 0; j < model.variables.length; j++) {
    const variable = model.variables[j]!;
    const value = columnValues[j]!;
    objective += variable.cost * value;
    const finiteBound = Math.max(Number.isFinite(variable.lower) ? Math.abs(variable.lower) : 0, Number.isFinite(variable.upper) ? Math.abs(variable.upper) : 0);
    const atZero = variable.semiContinuous === true && Math.abs(value) <= absTol;
    const by = atZero ? 0 : outside(value, variable.lower, variable.upper, absTol + relTol * Math.max(Math.abs(value), finiteBound));
    if (by !== 0) violations.push({ kind: 'bound', name: variable.name, rule: 'variableBound', value, lower: variable.lower, upper: variable.upper, by });
    else if (variable.integer && Math.abs(value - Math.round(value)) > integralityTol) {
      violations.push({ kind: 'integrality', name: variable.name, rule: 'integrality', value, lower: Math.floor(value), upper: Math.ceil(value), by: Math.abs(value - Math.round(value)) });
    }
  }
  return { ok: violations.length === 0, violations, objective };
}

/** Refusal to offer a back-end for a model above its measured size limit (zod-style issue). */
export interface ModelTooLargeIssue {
  readonly code: 'model_too_large';
  readonly backend: LpBackend['name'];
  readonly variables: number;
  readonly limit: number;
  readonly message: string;
}

/**
 * Whether `backend` is offered for `model`: the pure-JS back-end is only offered up to the size at
 * which the contract suite shows it agrees with HiGHS.
 *
 * @param backend - The back-end the user asked for.
 * @param model - The model to solve.
 * @returns `undefined` when offered; a `model_too_large` issue naming the size and the limit otherwise.
 * @example
 * checkBackendSize(jsLpSolverBackend, ladderModel({ months: 60, banks: 8, seed: 1 }))?.message
 * //=> 'the model has 2460 variables; the jsls solver is offered only up to 100 variables: use --solver highs'
 */
export function checkBackendSize(backend: LpBackend, model: LpModel): ModelTooLargeIssue | undefined {
  const limit = backend.maxVariables;
  const variables = model.variables.length;
  if (limit === undefined || variables <= limit) return undefined;
  return {
    code: 'model_too_large',
    backend: backend.name,
    variables,
    limit,
    message: `the model has ${variables} variables; the ${backend.name} solver is offered only up to ${limit} variables: use --solver highs`,
  };
}

/**
 * The back-end for a CLI/API solver name.
 *
 * @param name - `highs` (default, WASM) or `jsls` (pure JS, small models only).
 * @returns The back-end.
 * @example
 * backendFor('jsls').maxVariables //=> 100
 */
export function backendFor(name: LpBackend['name']): LpBackend {
  return name === 'highs' ? highsBackend : jsLpSolverBackend;
}

/** A solve that went through `verifySolution`. */
export interface VerifiedSolve {
  /** The back-end's report, corrected: never `optimal` with a broken row, never a point that failed the check. */
  readonly report: SolveReport;
  /** The check of the back-end's point; undefined when it returned none (or was not run). */
  readonly verification: Verification | undefined;
  /** Set when the back-end was not offered for this model. */
  readonly issue?: ModelTooLargeIssue;
}

/**
 * Solves with `backend` and checks the point. A model above the back-end's size limit is not
 * solved (termination `tooLarge`, with a `model_too_large` issue). A point that breaks a row,
 * bound or integrality, or whose recomputed objective differs from the reported one, turns the
 * report into `numericalError` with primal `infeasiblePoint` and no column values; the violations
 * are in `verification` and `report.raw.violations`.
 *
 * @param backend - Any back-end.
 * @param model - The model.
 * @param options - Passed to the back-end; tolerances for the check.
 * @returns The corrected report, the verification and any issue.
 * @example
 * (await solveVerified(highsBackend, model)).report.termination //=> 'optimal'
 */
export async function solveVerified(backend: LpBackend, model: LpModel, options: SolveOptions & { readonly tolerances?: VerifyTolerances } = {}): Promise<VerifiedSolve> {
  const issue = checkBackendSize(backend, model);
  if (issue) {
    const report: SolveReport = {
      backend: backend.name, termination: 'tooLarge', primal: 'noPoint', dual: 'noPoint', objective: NaN,
      columnValues: new Float64Array(0), rowDuals: new Float64Array(0), solveMs: 0, raw: { issue },
    };
    return { report, verification: undefined, issue };
  }
  const report = await backend.solve(model, options);
  if (report.primal !== 'feasiblePoint') return { report, verification: undefined };
  const checked = verifySolution(model, report.columnValues, options.tolerances);
  const { absTol = 1e-6, relTol = 1e-7 } = options.tolerances ?? {};
  const objectiveGap = Math.abs(checked.objective - report.objective);
  const violations = [...checked.violations];
  if (!(objectiveGap <= absTol + relTol * Math.max(Math.abs(checked.objective), Math.abs(report.objective)))) {
    violations.push({ kind: 'objective', name: 'objective', rule: 'objective', value: checked.objective, lower: report.objective, upper: report.objective, by: objectiveGap });
  }
  const verification: Verification = { ok: violations.length === 0, violations, objective: checked.objective };
  if (verification.ok) return { report, verification };
  return {
    report: {
      ...report,
      termination: 'numericalError',
      primal: 'infeasiblePoint',
      dual: 'noPoint',
      objective: NaN,
      columnValues: new Float64Array(0),
      rowDuals: new Float64Array(0),
      raw: { ...report.raw, reportedTermination: report.termination, reportedObjective: report.objective, violations },
    },
    verification,
  };
}
