import { type Decimal, type DomainIssue, type Evaluation, type MonthlyFlow, type Scenario, Decimal as Dec, evaluatePlan, indexFlows } from '@fundladder/core';
import { type LadderData, prepareLadderData } from './model/data';
import { buildLadderModel } from './model/buildLadderModel';
import { type LpModel, nonZeros } from './model/lp';
import type { LadderVariables } from './model/variables';
import type { LpBackend, SolveReport } from './backends/types';
import { type Verification, backendFor, solveVerified } from './verify';
import { type WirePlacement, planFromSolution } from './extract/planFromSolution';
import { repairCapRounding } from './extract/repairCapRounding';

const MAX_ROUNDS = 12;

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
}

export interface ModelSize {
  readonly variables: number;
  readonly rows: number;
  readonly nonZeros: number;
}

export type OptimizeResult =
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
    }
  | {
      readonly status: 'infeasible' | 'error';
      readonly issues: readonly DomainIssue[];
      readonly report?: SolveReport;
      readonly size?: ModelSize;
      readonly data?: LadderData;
      readonly model?: LpModel;
    };

/**
 * Plans where the idle money goes: builds the ladder LP, solves it with the chosen back-end, checks the
 * point against every row, turns it into a plan, and prices and checks that plan with the exact ledger.
 * Placements that break a lot rule (CD minimum, call minimum) are switched off and the LP re-solved,
 * a rounding step the ledger checks. The ledger must find no rule broken and must agree with the LP's
 * objective within {@link LP_LEDGER_TOLERANCE}; otherwise the result is an error, never a plan.
 */
export async function optimize(scenario: Scenario, options: OptimizeOptions = {}): Promise<OptimizeResult> {
  const flows = options.flows ?? scenario.flows;
  const flowCheck = indexFlows(scenario, flows);
  if (!flowCheck.ok) return { status: 'error', issues: flowCheck.issues };
  const backend = backendFor(options.solver ?? 'highs');
  const data = prepareLadderData(scenario, flows, options.extraReserve);
  const upperBounds = new Map<string, number>();
  let relaxed: { model: LpModel; report: SolveReport } | undefined;
  let totalSolveMs = 0;
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    const t0 = performance.now();
    const { model, variables } = buildLadderModel(data, { upperBounds, lots: options.lots === 'mip' ? 'semiContinuous' : 'ignore', ...(options.placementPenaltyPerWan ? { placementPenaltyPerWan: options.placementPenaltyPerWan } : {}) });
    const buildMs = performance.now() - t0;
    const size = { variables: model.variables.length, rows: model.rows.length, nonZeros: nonZeros(model) };
    const solved = await solveVerified(backend, model, options.timeLimitSeconds ? { timeLimitSeconds: options.timeLimitSeconds } : {});
    const report = solved.report;
    totalSolveMs += report.solveMs;
    if (solved.issue) return { status: 'error', issues: [{ code: solved.issue.code, path: ['solver'], rule: 'solverSizeLimit', message: solved.issue.message, received: String(solved.issue.variables), limit: String(solved.issue.limit) }], report, size, data, model };
    if (report.termination === 'infeasible' || report.termination === 'infeasibleOrUnbounded') {
      return { status: 'infeasible', issues: [{ code: 'infeasible', path: ['scenario'], rule: 'feasibility', message: 'no plan keeps every rule with this scenario (see the explanation)' }], report, size, data, model };
    }
    if (report.termination !== 'optimal' || report.primal !== 'feasiblePoint') {
      const violations = (report.raw as { violations?: unknown[] }).violations;
      return { status: 'error', issues: [{ code: 'solver_failed', path: ['solver'], rule: 'solverStatus', message: `the ${backend.name} solver stopped with ${report.termination} (${report.primal})${violations ? `; ${violations.length} row(s) broken by its point` : ''}`, received: report.termination }], report, size, data, model };
    }
    relaxed ??= { model, report };
    // Placements below their product's minimum (a CD lot, a call deposit's 500,000, a time deposit's
    // 10,000) are switched off and the LP re-solved: a rounding step the ledger then checks. Lot columns
    // that are not at least a lot are switched off zeros included, since the LP is degenerate and would
    // otherwise move a small amount to another lot column each round.
    let switched = 0;
    if (round < MAX_ROUNDS) {
      const minimum = (product: string) => (product === 'largeCd' ? scenario.products.largeCd.minimumLot : product.startsWith('callDeposit') ? scenario.products.callDeposit.minimumAmount : scenario.products.timeDeposit.minimumAmount).toNumber();
      data.options.forEach((o, i) => {
        for (const j of variables.place[i]!.flat()) {
          const yuan = report.columnValues[j]! * 10_000;
          const isLot = o.lotWan > 0;
          const name = model.variables[j]!.name;
          // From the second round on, unused columns are switched off too: the support is frozen and only
          // the amounts move, so the rounds settle instead of chasing small amounts from column to column.
          if ((isLot || round >= 2 || yuan > 0.5) && yuan < minimum(o.product) && upperBounds.get(name) !== 0) {
            upperBounds.set(name, 0);
            if (yuan > 0.5) switched++;
          }
        }
      });
    }
    if (switched > 0) continue;
    const placements = planFromSolution(data, variables, report.columnValues);
    const plan = { schemaVersion: 1 as const, name: `optimized (${backend.name})`, placements };
    const first = evaluatePlan(scenario, plan, flows);
    if (!first.ok) return { status: 'error', issues: first.issues, report, size, data, model };
    let ev: typeof first = first;
    const repaired = repairCapRounding(scenario, plan, flows);
    if (repaired) {
      plan.placements = repaired.placements;
      ev = { ok: true, value: repaired.evaluation };
    }
    const ledgerInterest = ev.value.report.totals.interestEarned;
    const lpInterest = new Dec(report.objective.toFixed(6)).times(10_000).toDecimalPlaces(2, Dec.ROUND_HALF_UP);
    const issues: DomainIssue[] = [...ev.value.report.issues];
    const gap = lpInterest.minus(ledgerInterest).abs();
    const allowed = Dec.max(ledgerInterest.abs().times(LP_LEDGER_TOLERANCE.relative), LP_LEDGER_TOLERANCE.absoluteYuan);
    if (gap.gt(allowed)) {
      issues.push({ code: 'lp_ledger_mismatch', path: ['optimizer'], rule: 'lpAgreesWithLedger', message: `the LP's interest ${lpInterest.toFixed(2)} and the ledger's ${ledgerInterest.toFixed(2)} differ by ${gap.toFixed(2)} yuan, more than the tolerance ${allowed.toFixed(2)}`, received: gap.toFixed(2), limit: allowed.toFixed(2) });
    }
    if (issues.length) return { status: 'error', issues, report, size, data, model };
    return { status: 'optimal', plan, evaluation: ev.value, lpInterest, ledgerInterest, report, verification: solved.verification, size, rounds: round, data, model, variables, buildMs, totalSolveMs, relaxed: relaxed ?? { model, report } };
  }
  // The last round never switches columns off, so it always returns above (a rounding that did not settle shows as
  // the ledger's rule breaks, an error).
  throw new Error('optimize: unreachable');
}
