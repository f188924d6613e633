import type { FundType, PlaceableKind } from '@fundladder/core';
import type { LadderData } from '../model/data';
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
  for (const [t, month] of data.months.entries()) {
    data.options.forEach((o, i) => {
      v.place[i]![t]!.forEach((j, k) => {
        const fen = wanFloatToFen(values[j]!);
        if (fen < MIN_PLACEMENT_FEN) return;
        out.push({ month, product: o.product, termMonths: o.termMonths, ...(o.bankId ? { bankId: o.bankId } : {}), fundType: v.placeFund[i]![t]![k]!, amount: fenToYuanString(fen), annualRate: o.rateByMonth[t]!.toString(), ...(o.product === 'govBond' ? { couponFrequency: o.couponFrequency } : {}) });
      });
    });
  }
  return out;
}
