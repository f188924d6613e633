import type { FundType } from '@fundladder/core';
import { LpBuilder, type LpModel } from './lp';
import type { LadderData } from './data';

/** One placement of the pooled stage: option i placed in month t, amount in 万元. */
export interface PooledPlacement {
  readonly option: number;
  readonly month: number;
  readonly amountWan: number;
}

/**
 * How one part (a fund type's share of a pooled placement) is bounded: 'free' (≥ 0), 'zero' (fixed at 0),
 * 'atLeastMinimum' (≥ the product's minimum), 'noneOrMinimum' (0 or ≥ the minimum: semi-continuous, a MIP).
 */
export type PartKind = 'free' | 'zero' | 'atLeastMinimum' | 'noneOrMinimum';

/** The columns of the split model. */
export interface SplitVariables {
  /** share[k]: fund type `fund`'s part of pooled placement k, at LP column `column`. */
  readonly shares: ReadonlyArray<{ readonly placement: number; readonly fund: FundType; readonly column: number; readonly name: string }>;
  /** cash[f][t]: fund type f's settlement cash after month t's placements. */
  readonly cash: ReadonlyMap<FundType, readonly number[]>;
}



/**
 * The second stage of the two-stage solve (docs/optimizer.md §13): given the pooled stage's placements,
 * decides each fund type's part of each, so that every fund type pays only with its own money
 * (分别建账、分账核算): cash[f][t] ≥ 0 under the same cash-balance row as the per-fund-type model (§5.1),
 * restricted to the pooled placements' columns. Each placement's parts add up to it exactly
 * (`share[k]` rows), so the reserve, the caps and the bond share — rows on totals — still hold. The
 * objective is the demand interest on the fund types' cash (placements earn the same per 万元 whichever
 * fund makes them). When the policy keeps fund types apart, each fund type also holds its own part of the
 * reserve (`reserve[f][t]` rows). `partKind` bounds each part (see {@link PartKind}); `minimumWan` gives each option's
 * minimum placement in 万元.
 *
 * @param data - The per-fund-type data (not pooled).
 */
export function buildSplitModel(data: LadderData, pooled: readonly PooledPlacement[], partKind: (name: string, option: number) => PartKind = () => 'free', minimumWan: (option: number) => number = () => 0): { model: LpModel; variables: SplitVariables } {
  const lp = new LpBuilder('maximize');
  const T = data.months.length;
  const fundTypes = data.fundTypes as readonly FundType[];
  const shares: Array<{ placement: number; fund: FundType; column: number; name: string }> = [];
  // Columns by fund and month: placed now (+1) and coming back (−(1 + paid at maturity)).
  const flowTerms = new Map<string, Array<[number, number]>>();
  const push = (ft: FundType, t: number, term: [number, number]) => {
    const key = `${ft}/${t}`;
    const list = flowTerms.get(key);
    if (list) list.push(term);
    else flowTerms.set(key, [term]);
  };
  pooled.forEach((p, k) => {
    const o = data.options[p.option]!;
    const m = data.months[p.month]!;
    const terms: Array<[number, number]> = [];
    for (const ft of fundTypes) {
      const name = `share[${o.id}][${m}][${ft}]`;
      const kind = partKind(name, p.option);
      const minimum = Math.min(minimumWan(p.option), p.amountWan);
      const column =
        kind === 'zero' ? lp.addVariable({ name, lower: 0, upper: 0, cost: 0 })
        : kind === 'atLeastMinimum' ? lp.addVariable({ name, lower: minimum, upper: Infinity, cost: 0 })
        : kind === 'noneOrMinimum' && minimum > 0 ? lp.addVariable({ name, lower: minimum, upper: p.amountWan, cost: 0, semiContinuous: true })
        : lp.addVariable({ name, lower: 0, upper: Infinity, cost: 0 });
      shares.push({ placement: k, fund: ft, column, name });
      terms.push([column, 1]);
      push(ft, p.month, [column, 1]);
      const back = p.month + o.termMonths;
      if (back < T) push(ft, back, [column, -(1 + o.paidAtMaturityPerWan[p.month]!)]);
    }
    lp.addRow({ name: `share[${o.id}][${m}]`, lower: p.amountWan, upper: p.amountWan, terms, rule: 'definition', meta: { monthKey: m } });
  });
  // Liquid parts (call deposits) outstanding at each month end, per fund type: placed in s, outstanding s … s+τ−1.
  const liquidTerms = new Map<string, Array<[number, number]>>();
  for (const sh of shares) {
    const p = pooled[sh.placement]!;
    const o = data.options[p.option]!;
    if (!o.isLiquid) continue;
    for (let t = p.month; t < Math.min(T, p.month + o.termMonths); t++) {
      const key = `${sh.fund}/${t}`;
      const list = liquidTerms.get(key);
      if (list) list.push([sh.column, 1]);
      else liquidTerms.set(key, [[sh.column, 1]]);
    }
  }
  const cash = new Map<FundType, number[]>();
  const perFundReserve = data.scenario.policy.keepFundTypesApart;
  for (const ft of fundTypes) {
    const value = data.demandValuePerWan.get(ft)!;
    const net = data.netFlow.get(ft)!;
    const existing = data.existingCash.get(ft)!;
    const floor = data.cashFloor?.get(ft);
    const columns = data.months.map((m, t) => lp.addVariable({ name: `cash[${ft}][${m}]`, lower: floor?.[t] ?? 0, upper: Infinity, cost: value[t]! }));
    cash.set(ft, columns);
    for (let t = 0; t < T; t++) {
      const terms: Array<[number, number]> = [[columns[t]!, 1], ...(flowTerms.get(`${ft}/${t}`) ?? [])];
      if (t > 0) terms.push([columns[t - 1]!, -1]);
      const rhs = net[t]! + existing[t]! + (t === 0 ? data.openingCash.get(ft)! : 0);
      lp.addRow({ name: `cash[${ft}][${data.months[t]}]`, lower: rhs, upper: rhs, terms, rule: 'cashBalance', meta: { monthKey: data.months[t]!, fundType: ft } });
    }
    // When the policy keeps fund types apart, the ledger checks the reserve per fund type: its cash, its call
    // deposits, its 周转金 and existing liquid holdings ≥ its own part (§5.2).
    if (perFundReserve) {
      const need = data.reserveByFund.get(ft)!;
      const outside = data.liquidOutsideByFund.get(ft)!;
      const late = data.lateCashByFund.get(ft)!;
      for (let t = 0; t < T; t++) {
        const terms: Array<[number, number]> = [[columns[t]!, 1], ...(liquidTerms.get(`${ft}/${t}`) ?? [])];
        lp.addRow({ name: `reserve[${ft}][${data.months[t]}]`, lower: need[t]! - outside[t]! - late[t]!, upper: Infinity, terms, rule: 'liquidityReserve', meta: { monthKey: data.months[t]!, fundType: ft } });
      }
    }
  }
  return { model: lp.build(), variables: { shares, cash } };
}
