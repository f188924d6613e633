import type { FundType, PlaceableKind } from '@fundladder/core';
import { type LadderData, POOLED } from '../model/data';
import type { PooledPlacement, SplitVariables } from '../model/split';
import type { LadderVariables } from '../model/variables';

/** A placement as it goes into a plan file (wire format: money as a decimal string in yuan). */
export interface WirePlacement {
  month: string;
  product: PlaceableKind;
  termMonths: number;
  bankId?: string;
  fundType?: FundType;
  amount: string;
  annualRate?: string;
  couponFrequency?: number;
  note?: string;
}

/** LP 万元 float → whole fen, rounded down (a placement is never larger than what the LP proved feasible). */
export function wanFloatToFen(valueWan: number): number {
  return Math.max(0, Math.floor(valueWan * 1_000_000 + 1e-6));
}

function fenToYuanString(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Placements below 1 yuan are LP noise, not decisions (larger small ones are switched off by the minimum rounds in optimize()). */
const MIN_PLACEMENT_FEN = 100;

/**
 * Turns an LP solution into plan placements: each fund type's placement of each option and month, its
 * amount rounded down to the fen (the one conversion back from the LP's floats; a placement is never
 * larger than what the LP proved the fund could pay).
 */
export function planFromSolution(data: LadderData, v: LadderVariables, values: Float64Array): WirePlacement[] {
  const out: WirePlacement[] = [];
  // Plain loops: run once a solve, callbacks here lost their optimized code at each full GC (docs/sweep.md §6).
  for (let t = 0; t < data.months.length; t++) {
    for (let i = 0; i < data.options.length; i++) {
      const columns = v.place[i]![t]!;
      for (let k = 0; k < columns.length; k++) {
        const fen = wanFloatToFen(values[columns[k]!]!);
        if (fen < MIN_PLACEMENT_FEN) continue;
        const fund = v.placeFund[i]![t]![k]!;
        out.push(wirePlacement(data, i, t, fund === POOLED ? undefined : fund, fen));
      }
    }
  }
  return out;
}

/**
 * A large CD above its minimum lot goes up in steps of `products.largeCd.lotIncrement` where the scenario sets one
 * (the ledger's `largeCdLotIncrement` rule): the amount is cut down to the last whole step, the rest stays in cash.
 */
export function cdLotFen(data: LadderData, fen: number): number {
  const cd = data.scenario.products.largeCd;
  if (!cd.lotIncrement || cd.lotIncrement.isZero()) return fen;
  const minimum = Math.round(cd.minimumLot.toNumber() * 100);
  const step = Math.round(cd.lotIncrement.toNumber() * 100);
  if (fen < minimum) return fen;
  return minimum + Math.floor((fen - minimum) / step) * step;
}

function wirePlacement(data: LadderData, i: number, t: number, fundType: FundType | undefined, fenIn: number): WirePlacement {
  const o = data.options[i]!;
  const fen = o.product === 'largeCd' ? cdLotFen(data, fenIn) : fenIn;
  return { month: data.months[t]!, product: o.product, termMonths: o.termMonths, ...(o.bankId ? { bankId: o.bankId } : {}), ...(fundType ? { fundType } : {}), amount: fenToYuanString(fen), annualRate: o.rateByMonth[t]!.toString(), ...(o.product === 'govBond' ? { couponFrequency: o.couponFrequency } : {}) };
}

/** The pooled stage's placements (万元 > 0.5 yuan), in the order the split model takes them. */
export function pooledPlacements(data: LadderData, v: LadderVariables, values: Float64Array): PooledPlacement[] {
  const out: PooledPlacement[] = [];
  data.options.forEach((_, i) => {
    v.place[i]!.forEach((columns, t) => {
      const amountWan = columns.reduce((acc, j) => acc + values[j]!, 0);
      if (amountWan * 10_000 > 0.5) out.push({ option: i, month: t, amountWan });
    });
  });
  return out;
}

/**
 * Turns a split solution into plan placements: each fund type's part of each pooled placement, rounded
 * down to the fen, in month order.
 */
export function planFromSplit(data: LadderData, pooled: readonly PooledPlacement[], v: SplitVariables, values: Float64Array): WirePlacement[] {
  const out: Array<{ t: number; p: WirePlacement }> = [];
  for (const s of v.shares) {
    const fen = wanFloatToFen(values[s.column]!);
    if (fen < MIN_PLACEMENT_FEN) continue;
    const p = pooled[s.placement]!;
    out.push({ t: p.month, p: wirePlacement(data, p.option, p.month, s.fund, fen) });
  }
  return out.sort((a, b) => a.t - b.t).map((x) => x.p);
}
