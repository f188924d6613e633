import { type FundType, type PlaceableKind, quotedRate } from '@fundladder/core';
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

/** Products with a minimum amount that a split could break. */
function hasLot(product: PlaceableKind): boolean {
  return product === 'largeCd' || product === 'callDeposit7d' || product === 'callDeposit1d';
}

/** Placements below 1 yuan are LP noise, not decisions (larger small ones meet the lot rules in the rounding loop). */
const MIN_PLACEMENT_FEN = 100;

/**
 * Turns an LP solution into plan placements: amounts rounded down to the fen (the one conversion back
 * from the LP's floats), and each placement assigned to the fund types whose money the LP put into that
 * term that month (share[f][τ][t]). A large CD goes whole to one fund type when one has room, so the
 * minimum lot holds; otherwise it is split; time deposits fill fund types in order.
 */
export function planFromSolution(data: LadderData, v: LadderVariables, values: Float64Array): WirePlacement[] {
  const out: WirePlacement[] = [];
  for (const [t, month] of data.months.entries()) {
    for (const term of v.terms) {
      const items = v.optionsByTerm
        .get(term)!
        .map((i) => ({ i, fen: v.place[i]![t] === undefined ? 0 : wanFloatToFen(values[v.place[i]![t]!]!) }))
        .filter((x) => x.fen >= MIN_PLACEMENT_FEN);
      if (!items.length) continue;
      const room = data.fundTypes.map((ft) => ({ ft, fen: wanFloatToFen(values[v.share.get(ft)!.get(term)![t]!]!) }));
      // Totals agree in the LP; after rounding, trim the placements so they never exceed the funds' room.
      let excess = items.reduce((s, x) => s + x.fen, 0) - room.reduce((s, r) => s + r.fen, 0);
      for (const x of [...items].sort((a, b) => b.fen - a.fen)) {
        if (excess <= 0) break;
        const cut = Math.min(excess, x.fen);
        x.fen -= cut;
        excess -= cut;
      }
      // CDs first, whole, to the fund with the most room; then everything else in order.
      const ordered = [...items].sort((a, b) => Number(hasLot(data.options[b.i]!.product)) - Number(hasLot(data.options[a.i]!.product)) || b.fen - a.fen);
      for (const x of ordered) {
        const o = data.options[x.i]!;
        const rate = o.rateByMonth[t]!;
        const base: Omit<WirePlacement, 'amount' | 'fundType'> = { month, product: o.product, termMonths: o.termMonths, ...(o.bankId ? { bankId: o.bankId } : {}), annualRate: rate.toString(), ...(o.product === 'govBond' ? { couponFrequency: o.couponFrequency } : {}) };
        let left = x.fen;
        room.sort((a, b) => b.fen - a.fen);
        if (hasLot(o.product)) {
          // A lot product is split among fund types only in parts of at least one lot each, so the
          // minimum holds for every part; if that is impossible it stays pooled (no fund type: the
          // ledger draws it from every fund's cash in proportion).
          const lotFen = Math.round(o.lotWan * 1_000_000);
          const parts: Array<{ r: (typeof room)[number]; fen: number }> = [];
          let rest = left;
          for (const r of room) {
            if (rest <= 0) break;
            if (r.fen >= rest) {
              parts.push({ r, fen: rest });
              rest = 0;
            } else {
              const part = Math.min(r.fen, rest - lotFen);
              if (part >= lotFen) {
                parts.push({ r, fen: part });
                rest -= part;
              }
            }
          }
          for (const { r, fen } of parts) {
            out.push({ ...base, fundType: r.ft, amount: fenToYuanString(fen) });
            r.fen -= fen;
          }
          if (rest > 0) {
            // What no fund type can take as a whole lot: for a CD, a time deposit of the same term at the
            // same bank (the bank caps count both alike) where the bank quotes one; otherwise it stays in the
            // funds' cash. Never pooled across fund types, which would spend one fund's money for another.
            const bank = o.bankId ? data.scenario.banks.find((b) => b.id === o.bankId) : undefined;
            const tdRate = o.product === 'largeCd' && bank ? quotedRate(bank, 'timeDeposit', o.termMonths, data.placementDays[t]!) : undefined;
            const tdMinFen = Math.round(data.scenario.products.timeDeposit.minimumAmount.toNumber() * 100);
            for (const r of room) {
              if (rest <= 0) break;
              const take = Math.min(rest, r.fen);
              if (take <= 0) continue;
              if (tdRate && take >= tdMinFen) {
                out.push({ month, product: 'timeDeposit', termMonths: o.termMonths, bankId: o.bankId!, annualRate: tdRate.toString(), fundType: r.ft, amount: fenToYuanString(take), note: 'the part of a large CD no fund type could take as a whole lot' });
                r.fen -= take;
              }
              rest -= take;
            }
          }
          continue;
        }
        // A fund type's piece below the product's minimum stays in that fund's cash (never pooled).
        const minFen = o.product === 'timeDeposit' ? Math.round(data.scenario.products.timeDeposit.minimumAmount.toNumber() * 100) : 1;
        for (const r of room) {
          if (left <= 0) break;
          const take = Math.min(left, r.fen);
          if (take < minFen) continue;
          out.push({ ...base, fundType: r.ft, amount: fenToYuanString(take) });
          r.fen -= take;
          left -= take;
        }
      }
    }
  }
  return out;
}
