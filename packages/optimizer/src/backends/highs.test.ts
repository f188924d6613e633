// HiGHS's retries and its warm model (docs/optimizer.md §8: when HiGHS stops with unknown/numerical trouble, retry with
// another method before giving up, each attempt bounded in time and recorded in the SolveReport).
import { describe, expect, it } from 'vitest';
import { LpBuilder, type LpModel } from '../model/lp';
import { verifySolution } from '../verify';
import { ladderModel } from './contractModels';
import { type AttemptRecord, type HighsAttempt, HIGHS_LP_ATTEMPTS, INTERIOR_POINT_FIRST_COLUMNS, WarmHighsModel, attemptsFor, loadHighs, solveWithHighs, worthRetrying } from './highs';
import { carryBasis } from '../optimize';
import type { SolveReport } from './types';

/** The contract suite's hand-solved budget LP (contract.test.ts): optimum 2.2 at budget 100; +0.02 per 万元 of budget. */
function budgetModel(budgetWan = 100): LpModel {
  const lp = new LpBuilder('maximize');
  const a = lp.addVariable({ name: 'demand', lower: 0, upper: Infinity, cost: 0.01 });
  const b = lp.addVariable({ name: 'timeDeposit[12]', lower: 0, upper: Infinity, cost: 0.02 });
  const c = lp.addVariable({ name: 'largeCd[36]', lower: 0, upper: Infinity, cost: 0.03 });
  lp.addRow({ name: 'budget', lower: budgetWan, upper: budgetWan, terms: [[a, 1], [b, 1], [c, 1]], rule: 'cashBalance' });
  lp.addRow({ name: 'cap', lower: -Infinity, upper: 40, terms: [[c, 1]], rule: 'bankCap' });
  lp.addRow({ name: 'reserve', lower: 20, upper: Infinity, terms: [[a, 1]], rule: 'liquidityReserve' });
  lp.addRow({ name: 'mix', lower: 10, upper: 45, terms: [[b, 1]], rule: 'productShare' });
  return lp.build();
}

const attemptsOf = (raw: Readonly<Record<string, unknown>>) => (raw.attempts as AttemptRecord[]).map((a) => `${a.attempt}: ${a.termination}`);

describe('HiGHS attempts', () => {
  it('solves with one attempt when the first one answers, and records it', async () => {
    const r = solveWithHighs(await loadHighs(), budgetModel());
    expect(r.termination).toBe('optimal');
    expect(r.objective).toBeCloseTo(2.2, 9);
    expect(attemptsOf(r.raw)).toEqual(['dualSimplex: optimal']);
  });

  it('tries the next method when one stops without an answer (forced: no simplex iteration allowed, presolve off)', async () => {
    // The forced failure stands in for the numerical trouble seen with knife-edge caps: any attempt that stops
    // with no point and no proof is followed by the next.
    const failing: HighsAttempt = { name: 'forcedFailure', options: { solver: 'simplex', presolve: 'off', simplex_iteration_limit: 0 }, share: 0.5 };
    const r = solveWithHighs(await loadHighs(), budgetModel(), { timeLimitSeconds: 30 }, [failing, ...HIGHS_LP_ATTEMPTS]);
    expect(attemptsOf(r.raw)).toEqual(['forcedFailure: iterationLimit', 'dualSimplex: optimal']);
    expect(r.termination).toBe('optimal');
    expect(r.objective).toBeCloseTo(2.2, 9);
    expect(verifySolution(budgetModel(), r.columnValues).ok).toBe(true);
  });

  it('bounds every attempt by its share of the time left: a first attempt given no time gives way to the next', async () => {
    // A real-sized ladder (60 months × 8 banks); the first attempt may use a millionth of 20 s (its floor, 1 ms).
    const model = ladderModel({ months: 60, banks: 8, seed: 1 });
    const tooShort: HighsAttempt = { name: 'tooShort', options: {}, share: 1e-6 };
    const r = solveWithHighs(await loadHighs(), model, { timeLimitSeconds: 20 }, [tooShort, ...HIGHS_LP_ATTEMPTS]);
    const records = r.raw.attempts as AttemptRecord[];
    expect(records[0]).toMatchObject({ attempt: 'tooShort', termination: 'timeLimit' });
    expect(records[0]!.timeLimitSeconds).toBeLessThan(0.01);
    expect(records[1]).toMatchObject({ attempt: 'dualSimplex', termination: 'optimal' });
    // The next attempt may use half of what was left.
    expect(records[1]!.timeLimitSeconds).toBeGreaterThan(9);
    expect(records[1]!.timeLimitSeconds).toBeLessThanOrEqual(10);
    expect(verifySolution(model, r.columnValues).ok).toBe(true);
  });

  it('gives up with the last attempt\'s reason, every attempt listed and no point, when no attempt answers', async () => {
    const never: HighsAttempt = { name: 'never', options: { solver: 'simplex', presolve: 'off', simplex_iteration_limit: 0 }, share: 0.5 };
    const r = solveWithHighs(await loadHighs(), budgetModel(), { timeLimitSeconds: 5 }, [never, never]);
    expect(attemptsOf(r.raw)).toEqual(['never: iterationLimit', 'never: iterationLimit']);
    expect(r.termination).toBe('iterationLimit');
    expect(r.primal).not.toBe('feasiblePoint');
    expect(r.columnValues).toHaveLength(0);
  });

  it('retries an optimal whose point HiGHS calls infeasible (a warm re-solve of the sample\'s safe plan, reserveMonths=1, confidence 0.847), not a proof or a point', () => {
    const report = (termination: 'optimal' | 'infeasible', primal: 'feasiblePoint' | 'infeasiblePoint' | 'noPoint'): SolveReport => ({ backend: 'highs', termination, primal, dual: 'noPoint' as const, objective: NaN, columnValues: new Float64Array(0), rowDuals: new Float64Array(0), solveMs: 1, raw: { modelStatus: 7 } });
    expect(worthRetrying(report('optimal', 'infeasiblePoint'))).toBe(true);
    expect(worthRetrying(report('optimal', 'feasiblePoint'))).toBe(false);
    expect(worthRetrying(report('infeasible', 'noPoint'))).toBe(false);
  });

  it('does not retry a proof: an infeasible LP stops after the first attempt', async () => {
    const lp = new LpBuilder('maximize');
    const x = lp.addVariable({ name: 'x', lower: 0, upper: 1, cost: 1 });
    lp.addRow({ name: 'need', lower: 2, upper: Infinity, terms: [[x, 1]], rule: 'liquidityReserve' });
    const r = solveWithHighs(await loadHighs(), lp.build());
    expect(attemptsOf(r.raw)).toEqual(['dualSimplex: infeasible']);
  });
});

describe('WarmHighsModel', () => {
  it('re-solves a changed row bound from the last basis and gives the cold optimum', async () => {
    const highs = await loadHighs();
    const warm = WarmHighsModel.create(highs, budgetModel(100));
    try {
      const first = warm.solve();
      expect(first.objective).toBeCloseTo(2.2, 9);
      expect(first.raw.warm).toBe('cold');
      // 10万 more to place: the CD is at its cap, the time deposit takes 5 up to the mix row's 45 (+0.02 each),
      // demand the other 5 (+0.01 each): 2.2 + 0.1 + 0.05.
      warm.setRowBounds(0, 110, 110);
      const second = warm.solve();
      expect(second.raw.warm).toBe('warm');
      expect(second.objective).toBeCloseTo(2.35, 9);
      expect(second.objective).toBeCloseTo(solveWithHighs(highs, budgetModel(110)).objective, 9);
      // The model it reports carries the new bound, so the point checks against it.
      expect(warm.model.rows[0]).toMatchObject({ lower: 110, upper: 110 });
      expect(verifySolution(warm.model, second.columnValues).ok).toBe(true);
      // A column bound: the CD closed, its 40 go to the time deposit, which the mix row caps at 45; the rest is demand.
      warm.setColBounds(2, 0, 0);
      const third = warm.solve();
      expect(third.objective).toBeCloseTo(0.01 * 65 + 0.02 * 45, 9);
    } finally {
      warm.dispose();
    }
  });
});

describe('HiGHS from a given basis (the rounds of optimize, docs/optimizer.md §8)', () => {
  it('re-solves a model whose column was switched off from the last basis, to the optimum a cold solve finds', async () => {
    const highs = await loadHighs();
    const first = solveWithHighs(highs, budgetModel());
    expect(first.basis?.colStatus.length).toBe(3);
    // The CD switched off (as a round does to a placement below its lot): upper bound 0.
    const model = budgetModel();
    const off: LpModel = { ...model, variables: model.variables.map((v) => (v.name === 'largeCd[36]' ? { ...v, upper: 0 } : v)) };
    const cold = solveWithHighs(highs, off);
    const warm = solveWithHighs(highs, off, { startBasis: carryBasis(model, first.basis!, off)! });
    expect(warm.raw.warm).toBe('warm');
    expect(warm.termination).toBe('optimal');
    expect(warm.objective).toBeCloseTo(cold.objective, 9);
    expect(cold.objective).toBeCloseTo(0.01 * 55 + 0.02 * 45, 9);
  });

  it('carries a basis by name: a column brought back starts at its lower bound; other rows, no basis', async () => {
    const highs = await loadHighs();
    const model = budgetModel();
    const basis = solveWithHighs(highs, model).basis!;
    const lp = new LpBuilder('maximize');
    lp.addVariable({ name: 'new', lower: 0, upper: 5, cost: 0.001 });
    for (const v of model.variables) lp.addVariable(v);
    for (const row of model.rows) lp.addRow({ ...row, terms: row.terms.map(([j, c]) => [j + 1, c] as const) });
    const grown = lp.build();
    const carried = carryBasis(model, basis, grown)!;
    expect([...carried.colStatus]).toEqual([0, ...basis.colStatus]);
    expect(carryBasis(model, basis, { ...model, rows: model.rows.slice(1) })).toBeUndefined();
  });

  it('starts a large LP from scratch with the interior-point solver, and any LP given a basis with the dual simplex', () => {
    const wide: LpModel = { sense: 'maximize', offset: 0, rows: [], variables: Array.from({ length: INTERIOR_POINT_FIRST_COLUMNS }, (_, j) => ({ name: `x${j}`, lower: 0, upper: 1, cost: 1 })) };
    expect(attemptsFor(wide)[0]!.name).toBe('interiorPoint');
    expect(attemptsFor({ ...wide, variables: wide.variables.slice(1) })[0]!.name).toBe('dualSimplex');
    const basis = { colStatus: new Int32Array(wide.variables.length), rowStatus: new Int32Array(0) };
    expect(attemptsFor(wide, { startBasis: basis })[0]!.name).toBe('dualSimplex');
  });
});
