import { describe, expect, it } from 'vitest';
import { highsBackend } from './backends/highs';
import { jsLpSolverBackend } from './backends/jsLpSolver';
import type { LpBackend, SolveReport } from './backends/types';
import { LpBuilder, type LpModel } from './model/lp';
import { backendFor, checkBackendSize, solveVerified, verifySolution } from './verify';

/** budget: a + b + c = 100; cap: c ≤ 40; b integer in [0, 50]. Objective 0.01a + 0.02b + 0.03c + 1. */
function model(): LpModel {
  const lp = new LpBuilder('maximize');
  lp.offset = 1;
  const a = lp.addVariable({ name: 'a', lower: 0, upper: Infinity, cost: 0.01 });
  const b = lp.addVariable({ name: 'b', lower: 0, upper: 50, cost: 0.02, integer: true });
  const c = lp.addVariable({ name: 'c', lower: 0, upper: Infinity, cost: 0.03 });
  lp.addRow({ name: 'budget', lower: 100, upper: 100, terms: [[a, 1], [b, 1], [c, 1]], rule: 'cashBalance' });
  lp.addRow({ name: 'cap', lower: -Infinity, upper: 40, terms: [[c, 1]], rule: 'bankCap' });
  return lp.build();
}

/** A mock back-end answering `optimal` with a fixed point and objective (JuMP tests reporting with a mock optimizer). */
function mockBackend(point: number[], objective: number, maxVariables?: number): LpBackend & { calls: number } {
  const backend = {
    name: 'jsls' as const,
    maxVariables,
    calls: 0,
    async solve(): Promise<SolveReport> {
      backend.calls++;
      return {
        backend: 'jsls', termination: 'optimal', primal: 'feasiblePoint', dual: 'noPoint', objective,
        columnValues: Float64Array.from(point), rowDuals: new Float64Array(0), solveMs: 0, raw: {},
      };
    },
  };
  return backend;
}

describe('verifySolution', () => {
  it('accepts a feasible point and recomputes the objective with the offset', () => {
    expect(verifySolution(model(), [20, 40, 40])).toEqual({ ok: true, violations: [], objective: 1 + 0.2 + 0.8 + 1.2 });
  });

  it('names a broken row with its rule, activity, bounds and distance', () => {
    expect(verifySolution(model(), [20, 40, 50]).violations).toEqual([
      { kind: 'row', name: 'budget', rule: 'cashBalance', value: 110, lower: 100, upper: 100, by: 10 },
      { kind: 'row', name: 'cap', rule: 'bankCap', value: 50, lower: -Infinity, upper: 40, by: 10 },
    ]);
  });

  it('names a broken variable bound and a fractional integer', () => {
    expect(verifySolution(model(), [-1, 61, 40]).violations.map((v) => [v.kind, v.name, v.by])).toEqual([
      ['bound', 'a', 1],
      ['bound', 'b', 11],
    ]);
    const fractional = verifySolution(model(), [20.5, 39.5, 40]).violations;
    expect(fractional).toHaveLength(1);
    expect(fractional[0]).toMatchObject({ kind: 'integrality', name: 'b', value: 39.5, lower: 39, upper: 40, by: 0.5 });
  });

  it('tolerates 1e-6 万元 plus 1e-7 of the row scale, and no more', () => {
    // budget's scale is Σ|coef × value| = 100, so the tolerance is 1e-6 + 1e-5.
    expect(verifySolution(model(), [20 + 1e-5, 40, 40]).ok).toBe(true);
    expect(verifySolution(model(), [20 + 2e-5, 40, 40]).violations.map((v) => v.name)).toEqual(['budget']);
    expect(verifySolution(model(), [20 + 2e-5, 40, 40], { absTol: 1e-4 }).ok).toBe(true);
  });

  it('never accepts NaN or an infinite value', () => {
    const { ok, violations } = verifySolution(model(), [NaN, 40, Infinity]);
    expect(ok).toBe(false);
    expect(violations.map((v) => [v.kind, v.name])).toEqual([['row', 'budget'], ['row', 'cap'], ['bound', 'a'], ['bound', 'c']]);
    expect(violations[0]!.by).toBeNaN();
  });

  it('throws on a point of the wrong length (a programmer error)', () => {
    expect(() => verifySolution(model(), [1, 2])).toThrow(RangeError);
  });

  it('does not mutate the point', () => {
    const point = Float64Array.of(20, 40, 50);
    verifySolution(model(), point);
    expect(Array.from(point)).toEqual([20, 40, 50]);
  });
});

describe('solveVerified', () => {
  it('passes a verified optimum through unchanged', async () => {
    const result = await solveVerified(mockBackend([20, 40, 40], 3.2), model());
    expect(result.report.termination).toBe('optimal');
    expect(result.verification?.ok).toBe(true);
  });

  it('turns an "optimal" point that breaks a row into numericalError, with the violations and no plan', async () => {
    const { report, verification } = await solveVerified(mockBackend([20, 40, 50], 3.5), model());
    expect(report).toMatchObject({ termination: 'numericalError', primal: 'infeasiblePoint', dual: 'noPoint' });
    expect(report.objective).toBeNaN();
    expect(report.columnValues).toHaveLength(0);
    expect(report.raw).toMatchObject({ reportedTermination: 'optimal', reportedObjective: 3.5 });
    expect(verification?.violations.map((v) => v.name)).toEqual(['budget', 'cap']);
  });

  it('turns a reported objective the point does not give into numericalError', async () => {
    const { report, verification } = await solveVerified(mockBackend([20, 40, 40], 3.3), model());
    expect(report.termination).toBe('numericalError');
    expect(verification?.violations).toEqual([{ kind: 'objective', name: 'objective', rule: 'objective', value: 3.2, lower: 3.3, upper: 3.3, by: expect.closeTo(0.1, 12) }]);
  });

  it('refuses a model above the back-end limit without calling it', async () => {
    const backend = mockBackend([20, 40, 40], 3.2, 2);
    const { report, issue } = await solveVerified(backend, model());
    expect(backend.calls).toBe(0);
    expect(report.termination).toBe('tooLarge');
    expect(issue?.message).toBe('the model has 3 variables; the jsls solver is offered only up to 2 variables: use --solver highs');
  });
});

describe('backendFor and checkBackendSize', () => {
  it('maps solver names to back-ends', () => {
    expect(backendFor('highs')).toBe(highsBackend);
    expect(backendFor('jsls')).toBe(jsLpSolverBackend);
  });

  it('offers HiGHS at any size and jsls up to its limit, inclusive', () => {
    const atLimit: LpModel = { sense: 'maximize', offset: 0, rows: [], variables: Array.from({ length: jsLpSolverBackend.maxVariables! }, (_, j) => ({ name: `x${j}`, lower: 0, upper: 1, cost: 1 })) };
    const above: LpModel = { ...atLimit, variables: [...atLimit.variables, { name: 'one more', lower: 0, upper: 1, cost: 1 }] };
    expect(checkBackendSize(jsLpSolverBackend, atLimit)).toBeUndefined();
    expect(checkBackendSize(jsLpSolverBackend, above)?.code).toBe('model_too_large');
    expect(checkBackendSize(highsBackend, above)).toBeUndefined();
  });
});
