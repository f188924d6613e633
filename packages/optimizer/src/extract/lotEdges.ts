import type { LadderData } from '../model/data';
import type { LpModel } from '../model/lp';
import type { PooledPlacement, SplitVariables } from '../model/split';
import { wanFloatToFen } from './planFromSolution';

/**
 * How far below its product's minimum a part may come out of the solver and still be taken for the minimum (fen).
 * HiGHS keeps a bound only to its primal feasibility tolerance, 1e-7 万元 = 0.1 fen, and extraction rounds down to
 * the fen, so a part the split holds at exactly a CD lot comes out as 9,999,999.99 yuan (measured at 84 and
 * 96 months × 8 banks: the ledger's `largeCdMinimumLot` broken by one fen and no plan).
 */
export const LOT_EDGE_FEN = 5;

/** Room kept on top of a lift in every row it touches (万元): one yuan, for the ledger's rounding per posting. */
const LIFT_MARGIN_WAN = 1e-4;

/** What {@link liftLotEdges} did. */
export interface LotEdges {
  /** The split's values with the parts at a minimum's edge lifted to it. */
  readonly values: Float64Array;
  /** Parts lifted to their minimum, from their fund type's cash or another of its placements that month. */
  readonly lifted: number;
  /** Parts left a few fen under their minimum: neither the cash nor another placement had the room. */
  readonly left: number;
}

/** Slack of every row (activity − lower; +∞ for no lower bound) at a point. */
function lowerSlacks(model: LpModel, values: ArrayLike<number>): Float64Array {
  return Float64Array.from(model.rows, (row) => {
    if (row.lower === -Infinity) return Infinity;
    let activity = 0;
    for (const [j, coef] of row.terms) activity += coef * values[j]!;
    return activity - row.lower;
  });
}

/**
 * Lifts every part of the split that lies within {@link LOT_EDGE_FEN} fen below its product's minimum (a CD lot, a
 * call deposit's minimum, a time deposit's) to exactly the minimum. The few fen come from the fund type's own cash
 * when that cash — and every reserve row it counts in — has the room in every month the part is out (plus one yuan);
 * otherwise from another placement of the same fund type in the same month that matures no earlier, is not liquid
 * and stays above its own minimum (the same term preferred). Dropping the part instead was measured to break cap A
 * and cap C at 120 × 20 (a 1,000万 CD gone from a month's tranche), so a part neither can pay for is left as it is.
 * Reserve rows of the whole fund are read in the pooled model (`liquidityReserve` and `liquidAtEnd` rows without a
 * fund type), per-fund-type ones in the split model. Caps are not re-checked: a bank a few fen over one is trimmed
 * by `repairCapRounding` after the ledger has run.
 *
 * @param data - The per-fund-type data.
 * @param placements - The pooled placements the split divided.
 * @param split - The split model and its variables.
 * @param values - The split's point (one value per split column).
 * @param pooled - The pooled model and its point, for the whole fund's reserve rows.
 * @param minimumWan - Each option's minimum placement in 万元.
 * @returns The values to extract the plan from, and how many parts were lifted or dropped.
 * @example
 * // a CD part at 999.99999999 万元 (9,999,999.99 yuan after rounding down), its fund type with cash to spare:
 * liftLotEdges(data, placements, split, values, pooled, minimumWan) //=> { values, lifted: 1, left: 0 }
 */
export function liftLotEdges(data: LadderData, placements: readonly PooledPlacement[], split: { readonly model: LpModel; readonly variables: SplitVariables }, values: Float64Array, pooled: { readonly model: LpModel; readonly values: ArrayLike<number> }, minimumWan: (option: number) => number): LotEdges {
  const out = Float64Array.from(values);
  const T = data.months.length;
  // Room per fund type and month: its cash above its floor, and the slack of its own reserve rows.
  const room = new Map<string, number[]>();
  for (const [fund, columns] of split.variables.cash) room.set(fund, columns.map((j) => values[j]! - split.model.variables[j]!.lower));
  const splitSlack = lowerSlacks(split.model, values);
  split.model.rows.forEach((row, i) => {
    if (row.rule !== 'liquidityReserve' || !row.meta?.fundType || !row.meta.monthKey) return;
    const t = data.months.indexOf(row.meta.monthKey as (typeof data.months)[number]);
    const list = room.get(row.meta.fundType);
    if (t >= 0 && list) list[t] = Math.min(list[t]!, splitSlack[i]!);
  });
  // Room of the whole fund per month: the pooled reserve and liquid-at-end rows.
  const fundRoom = Array.from({ length: T }, () => Infinity);
  const pooledSlack = lowerSlacks(pooled.model, pooled.values);
  pooled.model.rows.forEach((row, i) => {
    if ((row.rule !== 'liquidityReserve' && row.rule !== 'liquidAtEnd') || row.meta?.fundType || !row.meta?.monthKey) return;
    const t = data.months.indexOf(row.meta.monthKey as (typeof data.months)[number]);
    if (t >= 0) fundRoom[t] = Math.min(fundRoom[t]!, pooledSlack[i]!);
  });

  /** Months from … to (exclusive), inside the horizon. */
  const monthRange = (from: number, to: number) => Array.from({ length: Math.max(0, Math.min(T, to) - from) }, (_, k) => from + k);
  let lifted = 0;
  let left = 0;
  for (const share of split.variables.shares) {
    const p = placements[share.placement]!;
    const minimum = minimumWan(p.option);
    const fen = wanFloatToFen(values[share.column]!);
    const minimumFen = Math.round(minimum * 1_000_000);
    if (fen >= minimumFen || fen < minimumFen - LOT_EDGE_FEN) continue;
    const liftWan = minimum - values[share.column]!;
    const o = data.options[p.option]!;
    const away = monthRange(p.month, p.month + o.termMonths);
    const own = room.get(share.fund)!;
    // From cash: a few fen less cash while the part is out (a call deposit stays liquid, so only the cash counts).
    if (away.every((t) => own[t]! >= liftWan + LIFT_MARGIN_WAN && (o.isLiquid || fundRoom[t]! >= liftWan + LIFT_MARGIN_WAN))) {
      for (const t of away) {
        own[t] = own[t]! - liftWan;
        if (!o.isLiquid) fundRoom[t] = fundRoom[t]! - liftWan;
      }
      out[share.column] = minimum;
      lifted++;
      continue;
    }
    // From another placement of the same fund type that month, maturing no earlier and not liquid (cash and reserve
    // unchanged; the few fen move between banks): the same term first.
    const donor = split.variables.shares
      .filter((d) => d.fund === share.fund && d !== share && placements[d.placement]!.month === p.month)
      .map((d) => ({ d, o: data.options[placements[d.placement]!.option]! }))
      .filter(({ d, o: od }) => !od.isLiquid && od.termMonths >= o.termMonths && out[d.column]! - minimumWan(placements[d.placement]!.option) >= liftWan + LIFT_MARGIN_WAN)
      .sort((a, b) => a.o.termMonths - b.o.termMonths)[0];
    if (donor) {
      out[donor.d.column] = out[donor.d.column]! - liftWan;
      out[share.column] = minimum;
      lifted++;
      continue;
    }
    // Neither: the part is left as it is (the ledger reports it; repairCapRounding takes a fen back from cash where it can).
    left++;
  }
  return { values: out, lifted, left };
}
