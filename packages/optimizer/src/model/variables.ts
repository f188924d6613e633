import type { FundType } from '@fundladder/core';
import { type LpBuilder } from './lp';
import type { LadderData } from './data';

/** Indices of the decision variables, by meaning. */
export interface LadderVariables {
  /** place[o][t]: 万元 placed in option o in month t (undefined where o is not placeable then). */
  readonly place: ReadonlyArray<ReadonlyArray<number | undefined>>;
  /** share[f][term][t]: 万元 of fund type f's cash placed for `term` months in month t. */
  readonly share: ReadonlyMap<FundType, ReadonlyMap<number, ReadonlyArray<number>>>;
  /** cash[f][t]: fund type f's settlement cash after month t's placements. */
  readonly cash: ReadonlyMap<FundType, ReadonlyArray<number>>;
  /** Distinct terms of the options. */
  readonly terms: readonly number[];
  /** Options by term. */
  readonly optionsByTerm: ReadonlyMap<number, readonly number[]>;
}

/**
 * Adds the decision variables (docs/optimizer.md §Variables): place[o][t] per option and month;
 * share[f][τ][t] per fund type, term and month; cash[f][t] ≥ 0 per fund type and month. Objective
 * coefficients are set here from the data (interest per 万元, from core's rules).
 */
export function addVariables(lp: LpBuilder, data: LadderData, options: { placementPenaltyPerWan: number; upperBounds?: ReadonlyMap<string, number>; lots: 'semiContinuous' | 'ignore' }): LadderVariables {
  const T = data.months.length;
  const place = data.options.map((o) =>
    data.months.map((m, t) => {
      if (!o.rateByMonth[t]) return undefined;
      const name = `place[${o.id}][${m}]`;
      const cost = o.valuePerWan[t]! - options.placementPenaltyPerWan;
      const fixedUpper = options.upperBounds?.get(name);
      if (o.lotWan > 0 && options.lots === 'semiContinuous' && fixedUpper !== 0) {
        // A lot: none, or at least the minimum (HiGHS semi-continuous column; needs a finite upper bound).
        return lp.addVariable({ name, lower: o.lotWan, upper: fixedUpper ?? data.resourcesWan, cost, semiContinuous: true });
      }
      return lp.addVariable({ name, lower: 0, upper: fixedUpper ?? Infinity, cost });
    }),
  );
  const terms = [...new Set(data.options.map((o) => o.termMonths))].sort((a, b) => a - b);
  const optionsByTerm = new Map(terms.map((term) => [term, data.options.flatMap((o, i) => (o.termMonths === term ? [i] : []))]));
  const share = new Map<FundType, Map<number, number[]>>();
  const cash = new Map<FundType, number[]>();
  for (const ft of data.fundTypes) {
    const byTerm = new Map<number, number[]>();
    for (const term of terms) byTerm.set(term, data.months.map((m) => lp.addVariable({ name: `share[${ft}][${term}][${m}]`, lower: 0, upper: Infinity, cost: 0 })));
    share.set(ft, byTerm);
    const value = data.demandValuePerWan.get(ft)!;
    cash.set(ft, data.months.map((m, t) => lp.addVariable({ name: `cash[${ft}][${m}]`, lower: 0, upper: Infinity, cost: value[t]! })));
  }
  void T;
  return { place, share, cash, terms, optionsByTerm };
}
