// Solver benchmark (the table of docs/solver-notes.md §2, re-measured on the real model): model size, build time and median solve time per back-end.
// Not wired into run.ts here: the caller passes the real model builder as `build`.
import { nonZeros, type LpModel } from '../packages/optimizer/src/model/lp';
import { loadHighs, solveWithHighs } from '../packages/optimizer/src/backends/highs';
import { jsLpSolverBackend, solveWithJsLpSolver } from '../packages/optimizer/src/backends/jsLpSolver';
import { verifySolution } from '../packages/optimizer/src/verify';
import { type BenchRow, measure } from './measure';

/** Sizes and repetitions; the defaults are 12/36/60/120 months × 3/8/20 banks. */
export interface SolverBenchOptions {
  readonly horizons?: readonly number[];
  readonly banks?: readonly number[];
}

/** Fewer runs where one solve takes seconds: the table must finish in a minute or two. */
function runsFor(variables: number): { runs: number; warmup: number } {
  if (variables > 10_000) return { runs: 3, warmup: 1 };
  if (variables > 2_000) return { runs: 5, warmup: 1 };
  return { runs: 9, warmup: 2 };
}

/**
 * Benchmarks model building and solving for horizons 12/36/60/120 months × 3/8/20 banks.
 *
 * For each size: one row for `build` (timed on its own), one for HiGHS's solve (the WASM is loaded
 * before timing, so load time is not in it) and one for jsls, solved only where it is offered
 * (≤ `jsLpSolverBackend.maxVariables`) and otherwise listed with the reason. Notes give variables,
 * rows and non-zeros, and whether the solution passed `verifySolution` (a time for a wrong answer
 * is worth nothing).
 *
 * @param build - Builds the model for a horizon (months) and a number of banks.
 * @param options - Other sizes, for a quick try.
 * @returns Rows for bench/run.ts's table.
 * @example
 * const rows = await benchSolvers((months, banks) => buildLadder(scenario, { months, banks }));
 * rows[1] //=> { name: 'solve highs 12×3', medianMs: 4.1, runs: 9, note: '192 vars, 60 rows, 1,070 nz; optimal, verified' }
 */
export async function benchSolvers(build: (months: number, banks: number) => LpModel, options: SolverBenchOptions = {}): Promise<BenchRow[]> {
  const horizons = options.horizons ?? [12, 36, 60, 120];
  const bankCounts = options.banks ?? [3, 8, 20];
  const highs = await loadHighs();
  const rows: BenchRow[] = [];
  for (const months of horizons) {
    for (const banks of bankCounts) {
      const size = `${months}×${banks}`;
      let model = build(months, banks);
      const { runs, warmup } = runsFor(model.variables.length);
      // Building is cheap next to solving: more runs and warm-ups, so the median is of warmed code like the solves'.
      rows.push({ ...measure(`build ${size}`, Math.max(runs, 9), Math.max(warmup, 3), () => (model = build(months, banks))), target: months === 60 && banks === 8 ? '< 50 ms' : undefined });
      const shape = `${model.variables.length.toLocaleString('en')} vars, ${model.rows.length.toLocaleString('en')} rows, ${nonZeros(model).toLocaleString('en')} nz`;

      const highsReport = solveWithHighs(highs, model);
      const highsCheck = highsReport.primal === 'feasiblePoint' ? verifySolution(model, highsReport.columnValues).ok : false;
      rows.push({
        ...measure(`solve highs ${size}`, runs, warmup, () => solveWithHighs(highs, model)),
        target: months === 60 && banks === 8 ? '< 200 ms' : undefined,
        note: `${shape}; ${highsReport.termination}${highsCheck ? ', verified' : ', NOT verified'}`,
      });

      const limit = jsLpSolverBackend.maxVariables ?? Infinity;
      if (model.variables.length > limit) {
        rows.push({ name: `solve jsls ${size}`, medianMs: NaN, runs: 0, note: `not offered: ${model.variables.length.toLocaleString('en')} variables > limit ${limit}` });
      } else {
        const jslsReport = solveWithJsLpSolver(model);
        const jslsCheck = jslsReport.primal === 'feasiblePoint' ? verifySolution(model, jslsReport.columnValues).ok : false;
        rows.push({ ...measure(`solve jsls ${size}`, runs, warmup, () => solveWithJsLpSolver(model)), note: `${shape}; ${jslsReport.termination}${jslsCheck ? ', verified' : ', NOT verified'}` });
      }
    }
  }
  return rows;
}
