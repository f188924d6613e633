import { describe, expect, it } from 'vitest';
import { LpBuilder, type LpModel } from '../model/lp';
import { checkBackendSize, solveVerified } from '../verify';
import { ladderModel } from './contractModels';
import { highsBackend } from './highs';
import { JSLS_MAX_VARIABLES, jsLpSolverBackend, solveWithJsLpSolver } from './jsLpSolver';
import type { LpBackend } from './types';

// One contract for every back-end (PuLP's BaseSolverTest, docs/conventions.md §5): the same cases,
// the same expectations, every answer through solveVerified.

/**
 * Hand-solved (maximise, ≤ and ≥ rows binding, an equality, a non-binding ranged row).
 * Interest per 万元 over the horizon: demand a 0.01, time deposit b 0.02, large CD c 0.03.
 *   budget: a + b + c = 100;  cap: c ≤ 40;  reserve: a ≥ 20;  mix: 10 ≤ b ≤ 45.
 * Working: c pays most, so c takes all the cap allows, c = 40; a pays least, so a is held at the
 * reserve, a = 20; b = 100 − 60 = 40, inside mix. Objective 0.2 + 0.8 + 1.2 = 2.2.
 * Shadow prices (objective change per unit increase of the bound): budget +1 goes to b: +0.02;
 * cap +1 moves one unit from b to c: 0.03 − 0.02 = +0.01; reserve +1 moves one unit from b to a:
 * 0.01 − 0.02 = −0.01; mix is slack: 0. All three variables are strictly positive and basic, so the
 * optimum is non-degenerate and these duals are unique.
 */
function budgetModel(reserveWan = 20): LpModel {
  const lp = new LpBuilder('maximize');
  const a = lp.addVariable({ name: 'demand', lower: 0, upper: Infinity, cost: 0.01 });
  const b = lp.addVariable({ name: 'timeDeposit[12]', lower: 0, upper: Infinity, cost: 0.02 });
  const c = lp.addVariable({ name: 'largeCd[36]', lower: 0, upper: Infinity, cost: 0.03 });
  lp.addRow({ name: 'budget', lower: 100, upper: 100, terms: [[a, 1], [b, 1], [c, 1]], rule: 'cashBalance' });
  lp.addRow({ name: 'cap', lower: -Infinity, upper: 40, terms: [[c, 1]], rule: 'bankCap' });
  lp.addRow({ name: 'reserve', lower: reserveWan, upper: Infinity, terms: [[a, 1]], rule: 'liquidityReserve' });
  lp.addRow({ name: 'mix', lower: 10, upper: 45, terms: [[b, 1]], rule: 'productShare' });
  return lp.build();
}

/**
 * Hand-solved (minimise, offset 5, ≥ and ≤ rows binding).
 *   min 2x + 3y + 5;  demand: x + y ≥ 10;  capX: x ≤ 6.
 * Working: x is cheaper, so x = 6 (its cap) and y = 4 covers the rest: 12 + 12 + 5 = 29.
 * Shadow prices: demand +1 needs one more y: +3; capX +1 swaps one y for one x: 2 − 3 = −1.
 */
function demandModel(): LpModel {
  const lp = new LpBuilder('minimize');
  lp.offset = 5;
  const x = lp.addVariable({ name: 'x', lower: 0, upper: Infinity, cost: 2 });
  const y = lp.addVariable({ name: 'y', lower: 0, upper: Infinity, cost: 3 });
  lp.addRow({ name: 'demand', lower: 10, upper: Infinity, terms: [[x, 1], [y, 1]], rule: 'demand' });
  lp.addRow({ name: 'capX', lower: -Infinity, upper: 6, terms: [[x, 1]], rule: 'bankCap' });
  return lp.build();
}

/**
 * Hand-solved (variable bounds: a free variable and a non-zero lower bound).
 *   min x − y;  x free;  1 ≤ y ≤ 3;  floor: x + y ≥ −2;  band: −10 ≤ x − y ≤ 10.
 * Working: for a given y, x is as small as floor allows, x = −2 − y, so the objective is −2 − 2y,
 * smallest at y = 3: x = −5, objective −8; band: x − y = −8, inside. floor +1 raises x by 1: +1.
 */
function boundsModel(): LpModel {
  const lp = new LpBuilder('minimize');
  const x = lp.addVariable({ name: 'x', lower: -Infinity, upper: Infinity, cost: 1 });
  const y = lp.addVariable({ name: 'y', lower: 1, upper: 3, cost: -1 });
  lp.addRow({ name: 'floor', lower: -2, upper: Infinity, terms: [[x, 1], [y, 1]], rule: 'floor' });
  lp.addRow({ name: 'band', lower: -10, upper: 10, terms: [[x, 1], [y, -1]], rule: 'band' });
  return lp.build();
}

/**
 * Hand-solved MIP (large-CD lots as binaries): max 8a + 11b + 6c + 4d; lots: 5a + 7b + 4c + 3d ≤ 14.
 * Enumerating the subsets that fit: {b,c,d} weighs 14 → 21; {a,b} 12 → 19; {a,c,d} 12 → 18; every
 * other fitting subset is contained in one of these. Optimum 21 at (0, 1, 1, 1); the LP relaxation
 * would give 22 (a = b = 1, c = 0.5), so an LP answer is caught.
 */
function lotsModel(): LpModel {
  const lp = new LpBuilder('maximize');
  const values = [8, 11, 6, 4];
  const weights = [5, 7, 4, 3];
  const lots = values.map((cost, k) => lp.addVariable({ name: `lot[${k}]`, lower: 0, upper: 1, cost, integer: true }));
  lp.addRow({ name: 'lots', lower: -Infinity, upper: 14, terms: lots.map((j, k) => [j, weights[k]!] as const), rule: 'lotSize' });
  return lp.build();
}

/** Infeasible by a bound: x ≤ 5 but the row asks x ≥ 6. */
function boundInfeasibleModel(): LpModel {
  const lp = new LpBuilder('maximize');
  const x = lp.addVariable({ name: 'x', lower: 0, upper: 5, cost: 1 });
  lp.addRow({ name: 'atLeast6', lower: 6, upper: Infinity, terms: [[x, 1]], rule: 'liquidityReserve' });
  return lp.build();
}

/** Unbounded: max x + y with only x − y ≤ 1. */
function unboundedModel(): LpModel {
  const lp = new LpBuilder('maximize');
  const x = lp.addVariable({ name: 'x', lower: 0, upper: Infinity, cost: 1 });
  const y = lp.addVariable({ name: 'y', lower: 0, upper: Infinity, cost: 1 });
  lp.addRow({ name: 'spread', lower: -Infinity, upper: 1, terms: [[x, 1], [y, -1]], rule: 'spread' });
  return lp.build();
}

const BACKENDS: readonly LpBackend[] = [highsBackend, jsLpSolverBackend];
/** Ladder sizes (months × banks) inside jsls's limit: 66, 72, 82, 84 and 96 variables. */
const OFFERED_SIZES: ReadonlyArray<readonly [number, number]> = [[6, 2], [12, 1], [2, 8], [4, 4], [6, 3]];
const SEEDS_PER_SIZE = 60;

describe.each(BACKENDS)('back-end contract: $name', (backend) => {
  it('solves the budget LP (maximise) to its hand-solved optimum and point', async () => {
    const { report, verification } = await solveVerified(backend, budgetModel());
    expect(report).toMatchObject({ termination: 'optimal', primal: 'feasiblePoint' });
    expect(verification?.ok).toBe(true);
    expect(report.objective).toBeCloseTo(2.2, 9);
    expect(Array.from(report.columnValues).map((v) => Number(v.toFixed(9)))).toEqual([20, 40, 40]);
  });

  it('solves the demand LP (minimise, with an offset) to 29 at (6, 4)', async () => {
    const { report } = await solveVerified(backend, demandModel());
    expect(report.termination).toBe('optimal');
    expect(report.objective).toBeCloseTo(29, 9);
    expect(Array.from(report.columnValues).map((v) => Number(v.toFixed(9)))).toEqual([6, 4]);
  });

  it('honours a free variable and a non-zero lower bound: −8 at (−5, 3)', async () => {
    const { report } = await solveVerified(backend, boundsModel());
    expect(report.termination).toBe('optimal');
    expect(report.objective).toBeCloseTo(-8, 9);
    expect(Array.from(report.columnValues).map((v) => Number(v.toFixed(9)))).toEqual([-5, 3]);
  });

  it.each([
    ['a reserve above the budget', budgetModel(120)],
    ['a row above a variable bound', boundInfeasibleModel()],
  ])('calls %s infeasible, with no point and no number', async (_, model) => {
    const { report, verification } = await solveVerified(backend, model);
    expect(['infeasible', 'infeasibleOrUnbounded']).toContain(report.termination);
    expect(report.primal).toBe('noPoint');
    expect(report.columnValues).toHaveLength(0);
    expect(report.objective).toBeNaN();
    expect(verification).toBeUndefined();
  });

  it('calls an unbounded LP unbounded, with no point presented as a plan', async () => {
    const { report } = await solveVerified(backend, unboundedModel());
    expect(['unbounded', 'infeasibleOrUnbounded']).toContain(report.termination);
    expect(report.primal).toBe('noPoint');
    expect(report.columnValues).toHaveLength(0);
  });

  it('solves the lots MIP to 21 at (0, 1, 1, 1), not the LP relaxation 22, without duals', async () => {
    const { report, verification } = await solveVerified(backend, lotsModel());
    expect(report.termination).toBe('optimal');
    expect(verification?.ok).toBe(true);
    expect(report.objective).toBeCloseTo(21, 9);
    expect(Array.from(report.columnValues).map(Math.round)).toEqual([0, 1, 1, 1]);
    expect(report.dual).toBe('noPoint');
    expect(report.rowDuals).toHaveLength(0);
  });

  it('solves a model without variables to its offset when its rows allow zero', async () => {
    const lp = new LpBuilder('maximize');
    lp.offset = 7;
    lp.addRow({ name: 'empty', lower: -1, upper: 1, terms: [], rule: 'none' });
    const { report } = await solveVerified(backend, lp.build());
    expect(report).toMatchObject({ termination: 'optimal', primal: 'feasiblePoint', objective: 7 });
  });

  it('solves seeded ladder models inside its size limit to verified optima', async () => {
    for (const [months, banks] of OFFERED_SIZES) {
      const model = ladderModel({ months, banks, seed: 7 });
      const { report, verification } = await solveVerified(backend, model);
      expect(report.termination, `${months} × ${banks} seed 7`).toBe('optimal');
      expect(verification?.ok, `${months} × ${banks} seed 7`).toBe(true);
    }
  });
});

describe('shadow prices (HiGHS): objective change per unit increase of the row bound, whatever the sense', () => {
  it('maximise: a binding ≤ cap is worth +0.01, a binding ≥ reserve −0.01, the budget +0.02, a slack row 0', async () => {
    const { report } = await solveVerified(highsBackend, budgetModel());
    expect(report.dual).toBe('feasiblePoint');
    const [budget, cap, reserve, mix] = Array.from(report.rowDuals);
    expect(budget).toBeCloseTo(0.02, 12);
    expect(cap).toBeCloseTo(0.01, 12);
    expect(reserve).toBeCloseTo(-0.01, 12);
    expect(Object.is(mix, 0)).toBe(true);
  });

  it('minimise: a binding ≥ demand costs +3, a binding ≤ cap saves −1', async () => {
    const { report } = await solveVerified(highsBackend, demandModel());
    expect(Array.from(report.rowDuals).map((v) => Number(v.toFixed(12)))).toEqual([3, -1]);
  });

  it('agrees with re-solving after moving each bound by one unit (finite differences)', async () => {
    // Independent of any sign convention: perturb, re-solve, difference the objectives.
    const base = await highsBackend.solve(budgetModel());
    const bumped = await highsBackend.solve(budgetModel(21));
    expect(bumped.objective - base.objective).toBeCloseTo(base.rowDuals[2]!, 12);
    const minBase = await highsBackend.solve(demandModel());
    const lp = demandModel();
    const moved: LpModel = { ...lp, rows: lp.rows.map((row) => (row.name === 'demand' ? { ...row, lower: 11 } : row)) };
    expect((await highsBackend.solve(moved)).objective - minBase.objective).toBeCloseTo(minBase.rowDuals[0]!, 12);
  });

  it('floor (≥, minimise, free variable) is worth +1', async () => {
    const { report } = await solveVerified(highsBackend, boundsModel());
    expect(report.rowDuals[0]).toBeCloseTo(1, 12);
  });

  it('jsls reports no duals', async () => {
    const { report } = await solveVerified(jsLpSolverBackend, budgetModel());
    expect(report.dual).toBe('noPoint');
    expect(report.rowDuals).toHaveLength(0);
  });
});

describe('HiGHS and jsls agree wherever jsls is offered', () => {
  it(`give the same verified optimum within 1e-6 relative on ${OFFERED_SIZES.length * SEEDS_PER_SIZE} seeded ladders ≤ ${JSLS_MAX_VARIABLES} variables`, async () => {
    for (const [months, banks] of OFFERED_SIZES) {
      for (let seed = 1; seed <= SEEDS_PER_SIZE; seed++) {
        const model = ladderModel({ months, banks, seed });
        expect(checkBackendSize(jsLpSolverBackend, model)).toBeUndefined();
        const highs = await solveVerified(highsBackend, model);
        const jsls = await solveVerified(jsLpSolverBackend, model);
        const where = `ladder ${months} × ${banks}, seed ${seed}`;
        expect(highs.report.termination, where).toBe('optimal');
        expect(jsls.report.termination, where).toBe('optimal');
        const relative = Math.abs(highs.report.objective - jsls.report.objective) / Math.abs(highs.report.objective);
        expect(relative, where).toBeLessThanOrEqual(1e-6);
      }
    }
  });

  it('refuse jsls above the limit, naming the size and the limit, without solving', async () => {
    const model = ladderModel({ months: 8, banks: 3, seed: 1051 });
    const { report, issue } = await solveVerified(jsLpSolverBackend, model);
    expect(issue).toEqual({
      code: 'model_too_large',
      backend: 'jsls',
      variables: 128,
      limit: JSLS_MAX_VARIABLES,
      message: `the model has 128 variables; the jsls solver is offered only up to ${JSLS_MAX_VARIABLES} variables: use --solver highs`,
    });
    expect(report).toMatchObject({ termination: 'tooLarge', primal: 'noPoint' });
    expect((await jsLpSolverBackend.solve(model)).termination).toBe('tooLarge');
    expect(checkBackendSize(highsBackend, ladderModel({ months: 60, banks: 8, seed: 1 }))).toBeUndefined();
  });
});

describe('measured jsls failures (javascript-lp-solver 1.0.3), kept as reproducers', () => {
  it('8 × 3 seed 1051 (128 variables, above the limit): jsls calls a feasible ladder infeasible', async () => {
    const model = ladderModel({ months: 8, banks: 3, seed: 1051 });
    expect((await highsBackend.solve(model)).termination).toBe('optimal');
    expect(solveWithJsLpSolver(model).termination).toBe('infeasible');
  });

  it('6 × 3 seed 1976 (96 variables): jsls says optimal but breaks cash-balance rows; solveVerified turns it into numericalError', async () => {
    const model = ladderModel({ months: 6, banks: 3, seed: 1976 });
    expect(solveWithJsLpSolver(model).termination).toBe('optimal');
    const { report, verification } = await solveVerified(jsLpSolverBackend, model);
    expect(report).toMatchObject({ termination: 'numericalError', primal: 'infeasiblePoint' });
    expect(report.columnValues).toHaveLength(0);
    expect(verification?.violations[0]).toMatchObject({ kind: 'row', name: 'balance[0]', rule: 'cashBalance' });
    expect(verification?.violations[0]?.by).toBeGreaterThan(1e-3);
  });
});
