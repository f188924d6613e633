import type { LpModel } from '../model/lp';

/**
 * Why the solver stopped, whether it has a point, and whether it has duals: three questions, never one boolean
 * (JuMP's termination/primal/dual status; PuLP keeps problem and solution status apart).
 */
export type Termination = 'optimal' | 'infeasible' | 'unbounded' | 'infeasibleOrUnbounded' | 'timeLimit' | 'iterationLimit' | 'numericalError' | 'tooLarge' | 'otherError';
export type PointStatus = 'feasiblePoint' | 'infeasiblePoint' | 'noPoint';

export interface SolveReport {
  readonly backend: 'highs' | 'jsls';
  readonly termination: Termination;
  /** Whether `columnValues` is a point, and whether it is feasible. */
  readonly primal: PointStatus;
  /** Whether `rowDuals` are valid duals (LP only). */
  readonly dual: PointStatus;
  /** Objective value including the model's offset; NaN when there is no point. */
  readonly objective: number;
  /** One value per model variable, in model order (empty when there is no point). */
  readonly columnValues: Float64Array;
  /**
   * Shadow prices, one per row: the change of the objective per unit increase of the row's active
   * bound (its upper bound for a binding ≤ row, its lower bound for a binding ≥ row, both for an
   * equality), whatever the objective sense; 0 for a slack row. This is HiGHS's `rowDual` as it
   * comes (`backends/highs.ts`). It equals JuMP's `shadow_price` on ≤ rows and is its negative on
   * ≥ rows: JuMP measures per unit of *relaxation*, which for a ≥ row is a decrease of the bound
   * (jump-dev/JuMP.jl `src/constraints.jl`, `_shadow_price_greater_than`). Empty when `dual` is
   * not 'feasiblePoint'.
   */
  readonly rowDuals: Float64Array;
  /** Wall time of the solve itself, milliseconds. */
  readonly solveMs: number;
  /** Anything back-end specific (status codes, messages), for logs. */
  readonly raw: Readonly<Record<string, unknown>>;
  /** The optimal simplex basis (HiGHS, LP only), to start a re-solve of a changed model from ({@link SolveOptions.startBasis}). */
  readonly basis?: LpBasis;
}

/**
 * A simplex basis: one status per column and per row, in model order, with HiGHS's codes (0 at the lower bound,
 * 1 basic, 2 at the upper bound, 3 zero, 4 nonbasic).
 */
export interface LpBasis {
  readonly colStatus: Int32Array;
  readonly rowStatus: Int32Array;
}

export interface SolveOptions {
  /** Seconds; a safety net (docs/solver-notes.md §3). */
  readonly timeLimitSeconds?: number;
  /** MIPs only: stop when the incumbent is within this fraction of the best bound (HiGHS's mip_rel_gap; default 1e-4). */
  readonly mipRelativeGap?: number;
  /**
   * LPs only (HiGHS): start the dual simplex from this basis, e.g. the last round's with the columns that round
   * switched off now bounded at 0 — the re-solve then moves a few pivots instead of solving from scratch. Ignored when
   * its lengths do not match the model or HiGHS refuses it.
   */
  readonly startBasis?: LpBasis;
}

/** A solver back-end. Every back-end answers with a SolveReport; none throws on an infeasible model. */
export interface LpBackend {
  readonly name: 'highs' | 'jsls';
  /**
   * The largest model (variables) the back-end is offered for, or undefined for no limit. The
   * pure-JS back-end is offered only below the size where the contract suite shows it agrees with
   * HiGHS (docs/solver-notes.md §5: it called feasible models infeasible and broke rows by 万元).
   */
  readonly maxVariables: number | undefined;
  solve(model: LpModel, options?: SolveOptions): Promise<SolveReport>;
}
