import type { LpBuilder } from './lp';
import { type FundKey, type LadderData, minimumPlacementYuan } from './data';
import { fitsUnderBound, placeableBoundWan } from './placeable';

/** Indices of the decision variables, by meaning. */
export interface LadderVariables {
  /**
   * place[o][t]: the variables placing option o in month t, one per fund type (each fund type's
   * placement is its own, so a product's minimum holds for it and no fund spends another's money);
   * empty where o is not placeable then.
   */
  readonly place: ReadonlyArray<ReadonlyArray<readonly number[]>>;
  /** The fund type of each variable in place[o][t], in the same order. */
  readonly placeFund: ReadonlyArray<ReadonlyArray<ReadonlyArray<FundKey>>>;
  /** cash[f][t]: fund type f's settlement cash after month t's placements. */
  readonly cash: ReadonlyMap<FundKey, ReadonlyArray<number>>;
  /** Pooled stage only: tiers[t], the cash tier columns of month t (one per fund type). */
  readonly tiers: ReadonlyArray<ReadonlyArray<number>>;
}

/**
 * Adds the decision variables (docs/optimizer.md §Variables): place[o][t][f] per option, month and fund
 * type, and cash[f][t] ≥ 0. Objective coefficients are set here from the data (interest per 万元 from
 * core's rules; demand interest on cash).
 */
export function addVariables(lp: LpBuilder, data: LadderData, options: { placementPenaltyPerWan: number; upperBounds?: ReadonlyMap<string, number>; lots: 'semiContinuous' | 'ignore'; restored?: ReadonlySet<string>; leaveOutUnaffordable?: boolean }): LadderVariables {
  const placeFund: FundKey[][][] = [];
  // Columns no plan can fill to the product's minimum with the money the cash key has free (model/placeable.ts).
  const bounds = options.leaveOutUnaffordable ? placeableBoundWan(data) : undefined;
  const fundTypes = data.fundTypes;
  const fundBounds = bounds ? fundTypes.map((ft) => bounds.get(ft)!) : undefined;
  const upperBounds = options.upperBounds?.size ? options.upperBounds : undefined;
  const place = data.options.map((o, i) => {
    placeFund[i] = [];
    const minimumWan = bounds ? minimumPlacementYuan(data.scenario, o.product) / 10_000 : 0;
    return data.months.map((m, t) => {
      placeFund[i]![t] = [];
      if (!o.rateByMonth[t]) return [];
      // A time deposit its bank's CD dominates this month is left out, unless a round brought it back (§3.1).
      if (o.dominatedBy[t] !== undefined && !options.restored?.has(`${i}|${t}`)) return [];
      const cost = o.valuePerWan[t]! - options.placementPenaltyPerWan;
      // Plain loops, and no lookup in an empty map: this runs for every column of every round's build.
      const columns: number[] = [];
      for (let f = 0; f < fundTypes.length; f++) {
        const ft = fundTypes[f]!;
        if (fundBounds && !fitsUnderBound(fundBounds[f]!, t, o.termMonths, minimumWan)) continue;
        placeFund[i]![t]!.push(ft);
        const name = `place[${o.id}][${m}][${ft}]`;
        const fixedUpper = upperBounds?.get(name);
        if (o.lotWan > 0 && options.lots === 'semiContinuous' && fixedUpper !== 0) {
          // A lot: none, or at least the minimum (HiGHS semi-continuous column; needs a finite upper bound).
          columns.push(lp.addVariable({ name, lower: o.lotWan, upper: fixedUpper ?? data.resourcesWan, cost, semiContinuous: true }));
        } else columns.push(lp.addVariable({ name, lower: 0, upper: fixedUpper ?? Infinity, cost }));
      }
      return columns;
    });
  });
  const cash = new Map<FundKey, number[]>();
  const tiers: number[][] = [];
  for (const ft of data.fundTypes) {
    const value = data.demandValuePerWan.get(ft)!;
    const floor = data.cashFloor?.get(ft);
    cash.set(ft, data.months.map((m, t) => lp.addVariable({ name: `cash[${ft}][${m}]`, lower: floor?.[t] ?? 0, upper: Infinity, cost: value[t]! })));
  }
  // Pooled stage: the pool's cash is the sum of one tier per fund type, each at its own value and cap.
  for (const tier of data.cashTiers ?? []) {
    data.months.forEach((m, t) => {
      const j = lp.addVariable({ name: `cashTier[${tier.fundType}][${m}]`, lower: tier.lower?.[t] ?? 0, upper: tier.upper[t]!, cost: tier.value[t]! });
      (tiers[t] ??= []).push(j);
    });
  }
  return { place, placeFund, cash, tiers };
}
