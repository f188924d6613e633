import type { FundKey, LadderData } from './data';

/**
 * The most any plan of the ladder LP can have placed and not yet got back at the end of each month, per cash key
 * (fund type, or the pool), in 万元: B_{f,t} = s_{f,t} + r_m · Σ_{u<t} B_{f,u}, where s_{f,t} is the cash with
 * nothing placed (opening + net flows + existing holdings coming back, the LP's own cash row summed) less the
 * cash floor, and r_m = r̄ · 31/360 bounds one month's interest on a 万元 at the best rate r̄ of any option.
 *
 * Why it bounds: summing f's cash rows (docs/optimizer.md §5.1) to month t gives
 * y_{f,t} = y⁰_{f,t} − O_{f,t} + I_{f,t}, with O the principal placed and not yet returned at month t's end and I
 * the interest the plan's maturities have paid into the cash rows by t. With y_{f,t} ≥ floor_{f,t}, O_{f,t} ≤
 * s_{f,t} + I_{f,t}; a placement outstanding at the ends of months u … u+τ−1 pays at most r_m per 万元 for each of
 * them, so I_{f,t} ≤ r_m · Σ_{u<t} O_{f,u} ≤ r_m · Σ_{u<t} B_{f,u}.
 *
 * @param data - the LP's data, with its cash floors when planning safely
 * @returns per cash key, per month index, the bound (万元, ≥ 0)
 * @example
 * // one fund type, 10万 opening cash, no flows, floor 4万 in month 0, no rate: 6万 then 10万
 * placeableBoundWan(data).get('workInjury') //=> Float64Array [6, 10]
 */
export function placeableBoundWan(data: Pick<LadderData, 'fundTypes' | 'months' | 'openingCash' | 'netFlow' | 'existingCash' | 'cashFloor' | 'options'>): Map<FundKey, Float64Array> {
  let best = 0;
  for (const o of data.options) for (const rate of o.rateByMonth) if (rate && rate.toNumber() > best) best = rate.toNumber();
  const monthlyRate = (best * 31) / 360;
  const T = data.months.length;
  const bounds = new Map<FundKey, Float64Array>();
  for (const ft of data.fundTypes) {
    const bound = new Float64Array(T);
    const floor = data.cashFloor?.get(ft);
    let plain = 0;
    let earlier = 0;
    for (let t = 0; t < T; t++) {
      plain += (t === 0 ? data.openingCash.get(ft)! : 0) + data.netFlow.get(ft)![t]! + data.existingCash.get(ft)![t]!;
      bound[t] = Math.max(0, plain - (floor?.[t] ?? 0) + monthlyRate * earlier);
      earlier += bound[t]!;
    }
    bounds.set(ft, bound);
  }
  return bounds;
}

/**
 * Whether a placement of `minimumWan` or more, made in month t for `termMonths`, fits under the bound in every
 * month it is outstanding (t … t+τ−1, within the horizon). A column that fails can only carry less than its
 * product's minimum in any plan of the LP, so no plan can use it: it is left out of the model (docs/optimizer.md §5.9).
 *
 * @example fitsUnderBound(Float64Array.of(5, 0.5, 5), 0, 3, 1) //=> false (0.5万 free in the second month)
 */
export function fitsUnderBound(bound: Float64Array, t: number, termMonths: number, minimumWan: number): boolean {
  const end = Math.min(bound.length, t + termMonths);
  // A relative margin so that float noise in the bound never drops a column that fits exactly.
  const needed = minimumWan * (1 - 1e-9) - 1e-7;
  for (let s = t; s < end; s++) if (bound[s]! < needed) return false;
  return true;
}
