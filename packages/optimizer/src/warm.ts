import { type Decimal, type FundType, type MonthKey, type MonthlyFlow, type Scenario } from '@fundladder/core';
import { type FundKey, type LadderData, POOLED, poolFundTypes, prepareLadderData, yuanToWanFloat } from './model/data';
import { buildLadderModel } from './model/buildLadderModel';
import type { LpModel } from './model/lp';
import type { SolveOptions, SolveReport } from './backends/types';
import { WarmHighsModel, loadHighs } from './backends/highs';

/**
 * The pooled ladder LP (the first stage `optimize` solves, its first round: no minimum-lot rounding) kept alive in
 * HiGHS for what-if re-solves: change one month's net flow of one fund type and re-solve from the last basis instead
 * of from scratch (docs/solver-notes.md §4: what-if edits and sweeps should re-solve warm). Only the bounds move: the
 * pooled cash row of that month (its right-hand side is the fund's net flow) and the cash tiers' caps of that fund
 * type from that month on (they grow with its own money, docs/optimizer.md §13), both re-derived by the same
 * `poolFundTypes` a cold build uses, so a warm re-solve and a cold solve of the changed scenario are the same LP.
 *
 * A changed net flow is read as a changed inflow: payouts, and so the reserve, stay as they were. What is solved is
 * the LP, not a plan: no rounds, no split, no ledger (use `optimize` for a plan).
 *
 * @example
 * const warm = await WarmLadderModel.create(scenario);
 * warm.resolve().objective //=> 4134.32… (万元, the pooled bound)
 * warm.setFlow('employeePension', monthKey('2026-06'), new Decimal('-50000000'));
 * warm.resolve().raw.warm //=> 'warm'
 * warm.dispose();
 */
export class WarmLadderModel {
  private data: LadderData;
  private readonly cashRows = new Map<MonthKey, number>();
  private readonly tierColumns = new Map<string, number>();

  private constructor(data: LadderData, private readonly highs: WarmHighsModel, model: LpModel) {
    this.data = data;
    model.rows.forEach((row, i) => {
      if (row.rule === 'cashBalance' && row.meta?.monthKey) this.cashRows.set(row.meta.monthKey as MonthKey, i);
    });
    model.variables.forEach((variable, j) => {
      if (variable.name.startsWith('cashTier[')) this.tierColumns.set(variable.name, j);
    });
  }

  /**
   * Prepares the data (core's rules), pools the fund types and loads the pooled LP into HiGHS; nothing is solved yet.
   * @param scenario - A validated scenario.
   * @param options - The flow path (default the scenario's), an extra reserve per month (yuan).
   * @returns The warm model; call `dispose()` when done (WASM memory is not garbage-collected).
   */
  static async create(scenario: Scenario, options: { readonly flows?: readonly MonthlyFlow[]; readonly extraReserve?: readonly Decimal[] } = {}): Promise<WarmLadderModel> {
    const data = prepareLadderData(scenario, options.flows ?? scenario.flows, options.extraReserve);
    const model = buildLadderModel(poolFundTypes(data), { lots: 'ignore' }).model;
    return new WarmLadderModel(data, WarmHighsModel.create(await loadHighs(), model), model);
  }

  /** The pooled LP with the bounds as changed so far (for `verifySolution`). */
  get model(): LpModel {
    return this.highs.model;
  }

  /**
   * Sets fund type `fundType`'s net flow (inflow − outflow, yuan) in `month` and moves the bounds that depend on it.
   * @param fundType - One of the scenario's fund types.
   * @param month - A month of the horizon.
   * @param netYuan - The new net flow, yuan.
   * @throws RangeError for a fund type or month outside the scenario (a programmer error).
   */
  setFlow(fundType: FundType, month: MonthKey, netYuan: Decimal): void {
    const t = this.data.months.indexOf(month);
    const own = this.data.netFlow.get(fundType);
    if (t < 0 || !own) throw new RangeError(`WarmLadderModel.setFlow: ${fundType} in ${month} is not in the scenario`);
    const netFlow = new Map<FundKey, readonly number[]>(this.data.netFlow);
    netFlow.set(fundType, own.map((x, k) => (k === t ? yuanToWanFloat(netYuan) : x)));
    this.data = { ...this.data, netFlow };
    const pooled = poolFundTypes(this.data);
    // The pooled cash row: y_t − y_{t−1} + placed − returned = N_t + E_t (+ opening cash at t = 0).
    const row = this.cashRows.get(month)!;
    const rhs = pooled.netFlow.get(POOLED)![t]! + pooled.existingCash.get(POOLED)![t]! + (t === 0 ? pooled.openingCash.get(POOLED)! : 0);
    this.highs.setRowBounds(row, rhs, rhs);
    // The fund type's cash tiers: their caps follow its own money from this month on.
    const tier = pooled.cashTiers!.find((x) => x.fundType === fundType)!;
    for (let k = t; k < this.data.months.length; k++) {
      const j = this.tierColumns.get(`cashTier[${fundType}][${this.data.months[k]}]`)!;
      const current = this.highs.model.variables[j]!;
      if (current.upper !== tier.upper[k]! || current.lower !== (tier.lower?.[k] ?? 0)) this.highs.setColBounds(j, tier.lower?.[k] ?? 0, tier.upper[k]!);
    }
  }

  /**
   * Solves the LP from the last basis (the first call from scratch).
   * @param options - A time limit (seconds).
   * @returns HiGHS's report (`raw.warm`: 'cold', 'warm' or 'retriedCold').
   */
  resolve(options: SolveOptions = {}): SolveReport {
    return this.highs.solve(options);
  }

  /** Frees the WASM memory. */
  dispose(): void {
    this.highs.dispose();
  }
}
