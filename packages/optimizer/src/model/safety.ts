import { type FundType, type MonthlyFlow, type Scenario, addMonthsToKey, inflowDayOf, outflowDayOf } from '@fundladder/core';

/**
 * Safe plans on the forecast's paths (issue 9; docs/optimizer.md §16): the mathematics of the cash floors.
 *
 * Placements are the same on every path; only the flows differ. With the LP's cash y_{f,t} of fund type f
 * after month t's placements, planned on the mean flows N̄, the same plan on path p has cash
 * y_{f,t} + D^p_{f,t}, D^p_{f,t} = Σ_{s≤t} (N^p_{f,s} − N̄_{f,s}). Inside the month, flows that post after the
 * placement day are not there yet: the cash must also cover the month's payouts due before its inflows
 * (`intraMonthNeed`). Fund type f pays every payout of month t on path p on its day if
 *
 *     y_{f,t} ≥ need^p_{f,t} − D^p_{f,t} =: req^p_{f,t}.
 *
 * The floor b_{f,t} = max over the kept paths of req^p_{f,t} makes every kept path safe at once (a
 * scenario approach with discarded samples: Calafiore & Campi 2006; Campi & Garatti 2011). A (f, t, p) that
 * no plan can make safe — with nothing placed at all the fund type's own money falls short,
 * req^p_{f,t} > y⁰_{f,t} — is a structural gap: reported, not planned against.
 */

/** One flow path as floats in 万元: per fund type, per month, inflow and outflow. */
export interface PathFloats {
  readonly inflow: ReadonlyMap<FundType, Float64Array>;
  readonly outflow: ReadonlyMap<FundType, Float64Array>;
}

/** The safety policy the optimizer plans to (scenario `policy.safety`, CLI --confidence). */
export interface SafetyPolicy {
  /** Share of paths on which every fund type must pay every payout on its day (0 < c < 1). */
  readonly confidence: number;
  /** Only the first this many months are planned safe (all when absent). */
  readonly horizonMonths?: number;
  /** Each fund type on its own money (default), or the whole fund as one pool. */
  readonly perFundType: boolean;
}

/** The floors the LP keeps, and what the planning paths said. */
export interface SafetyFloors {
  readonly confidence: number;
  readonly months: number;
  readonly perFundType: boolean;
  /**
   * Per fund type, per month: the least settlement cash after the month's placements (万元); 0 after the safety
   * horizon. Empty when the fund is measured as one pool (`perFundType` off).
   */
  readonly floorWan: ReadonlyMap<FundType, readonly number[]>;
  /** Per month: the least cash of the whole fund (the sum of the fund types' floors, or the pool's own). */
  readonly poolFloorWan: readonly number[];
  /** Planning paths, and how many were left out (the ⌊(1 − c)·N⌋ that cost most). */
  readonly planningPaths: number;
  readonly discardedPaths: readonly number[];
  /** Share of planning paths with a structural gap (some fund type short even with nothing placed). */
  readonly structuralShareInSample: number;
  /**
   * Per fund type, per month: the transfer from its fiscal special account (财政专户) to its expenditure account
   * (支出户) that the month's payouts need (按月预拨) at the confidence: the c-quantile of its payouts over the
   * planning paths (yuan, rounded up to the yuan).
   */
  readonly preAllocationYuan: ReadonlyMap<FundType, readonly number[]>;
}

/** Yuan (a flow path's Decimals) to 万元 floats, once per path. */
export function pathFloats(scenario: Scenario, flows: readonly MonthlyFlow[]): PathFloats {
  const T = scenario.horizonMonths;
  const index = new Map<string, number>();
  for (let t = 0; t < T; t++) index.set(addMonthsToKey(scenario.startMonth, t), t);
  const inflow = new Map<FundType, Float64Array>(scenario.fundTypes.map((ft) => [ft, new Float64Array(T)]));
  const outflow = new Map<FundType, Float64Array>(scenario.fundTypes.map((ft) => [ft, new Float64Array(T)]));
  for (const f of flows) {
    const t = index.get(f.month);
    if (t === undefined || !inflow.has(f.fundType)) continue;
    inflow.get(f.fundType)![t] = f.inflow.toNumber() / 10_000;
    outflow.get(f.fundType)![t] = f.outflow.toNumber() / 10_000;
  }
  return { inflow, outflow };
}

/**
 * What the cash after month t's placements must hold so that no day before the next placement day is
 * overdrawn, given the month's flows and their days (the LP counts the whole month's flows in y_t, as if
 * they came on the placement day). Events between the two placement days, in day order: month t's flows
 * posting after its placement day (same-day flows post before placements), then month t+1's flows posting
 * before its placement day. With A = Σ of month t's later flows and P_j the running sum of the events,
 * the need is max_j (A − P_j) ≥ 0.
 *
 * @example // payouts on the 5th, contributions on the 20th, placements on the 1st: a month's inflow
 * intraMonthNeed({ placementDay: 1, inflowDay: 20, outflowDay: 5 }, 300, 200, 0, 0) //=> 300
 * @example // everything on the placement day: nothing extra
 * intraMonthNeed({ placementDay: 1, inflowDay: 1, outflowDay: 1 }, 300, 200, 0, 0) //=> 0
 */
export function intraMonthNeed(days: { placementDay: number; inflowDay: number; outflowDay: number }, inflow: number, outflow: number, nextInflow: number, nextOutflow: number): number {
  const events: Array<[number, number]> = [];
  if (days.inflowDay > days.placementDay) events.push([days.inflowDay, inflow]);
  if (days.outflowDay > days.placementDay) events.push([days.outflowDay, -outflow]);
  const later = events.reduce((acc, [, a]) => acc + a, 0);
  const before: Array<[number, number]> = [];
  if (days.inflowDay < days.placementDay) before.push([days.inflowDay, nextInflow]);
  if (days.outflowDay < days.placementDay) before.push([days.outflowDay, -nextOutflow]);
  // Same day: inflow and outflow post together (one posting of the net).
  const ordered = [...mergeSameDay(events), ...mergeSameDay(before)];
  let need = Math.max(0, later);
  let running = 0;
  for (const [, amount] of ordered) {
    running += amount;
    need = Math.max(need, later - running);
  }
  return need;
}

function mergeSameDay(events: Array<[number, number]>): Array<[number, number]> {
  const byDay = new Map<number, number>();
  for (const [d, a] of events) byDay.set(d, (byDay.get(d) ?? 0) + a);
  return [...byDay].sort((a, b) => a[0] - b[0]);
}

/** The inputs of {@link safetyFloors} from the LP's data (万元): the mean-flow cash path without any placement. */
export interface FloorInputs {
  readonly fundTypes: readonly FundType[];
  /** Per fund type: opening settlement cash. */
  readonly openingCash: ReadonlyMap<FundType, number>;
  /** Per fund type and month: the planned (mean) inflow − outflow. */
  readonly netFlow: ReadonlyMap<FundType, readonly number[]>;
  /** Per fund type and month: existing holdings' money arriving by the placement day. */
  readonly existingCash: ReadonlyMap<FundType, readonly number[]>;
}

/**
 * The cash floors that make the plan safe on all but ⌊(1 − c)·N⌋ of N planning paths (see the module
 * comment). Paths are left out greedily, each time the one whose requirements rise most above every
 * other path's (the most expensive path to cover). A requirement that even holding everything liquid
 * cannot meet (a structural gap) is left out of its floor.
 *
 * @param planning - the planning paths (never the ones the plan is checked on)
 */
export function safetyFloors(scenario: Scenario, inputs: FloorInputs, planning: readonly PathFloats[], policy: SafetyPolicy): SafetyFloors {
  const T = scenario.horizonMonths;
  const months = Math.min(T, policy.horizonMonths ?? T);
  const N = planning.length;
  const days = { placementDay: scenario.timing.placementDay, inflowDay: inflowDayOf(scenario), outflowDay: outflowDayOf(scenario) };
  const groups: FundType[][] = policy.perFundType ? inputs.fundTypes.map((ft) => [ft]) : [[...inputs.fundTypes]];
  // req[g][p][t], and the no-placement cash y⁰[g][t].
  const req: Float64Array[][] = [];
  const noPlacement: Float64Array[] = [];
  const structural = new Uint8Array(N);
  for (const group of groups) {
    const y0 = new Float64Array(T);
    let own = 0;
    for (let t = 0; t < T; t++) {
      for (const ft of group) own += (t === 0 ? inputs.openingCash.get(ft)! : 0) + inputs.netFlow.get(ft)![t]! + inputs.existingCash.get(ft)![t]!;
      y0[t] = own;
    }
    noPlacement.push(y0);
    const rows: Float64Array[] = [];
    planning.forEach((path, p) => {
      const row = new Float64Array(T);
      let deviation = 0;
      for (let t = 0; t < T; t++) {
        let inflow = 0, outflow = 0, nextIn = 0, nextOut = 0, mean = 0;
        for (const ft of group) {
          inflow += path.inflow.get(ft)![t]!;
          outflow += path.outflow.get(ft)![t]!;
          if (t + 1 < T) {
            nextIn += path.inflow.get(ft)![t + 1]!;
            nextOut += path.outflow.get(ft)![t + 1]!;
          }
          mean += inputs.netFlow.get(ft)![t]!;
        }
        deviation += inflow - outflow - mean;
        const r = intraMonthNeed(days, inflow, outflow, nextIn, nextOut) - deviation;
        if (r > y0[t]! + 1e-9) {
          structural[p] = 1;
          row[t] = -Infinity; // no plan can cure it: not a requirement
        } else row[t] = t < months ? r : -Infinity;
      }
      rows.push(row);
    });
    req.push(rows);
  }

  // Leave out the ⌊(1 − c)·N⌋ paths that cost most, one at a time.
  const discard = Math.floor((1 - policy.confidence) * N + 1e-9);
  const kept = new Uint8Array(N).fill(1);
  const discarded: number[] = [];
  for (let k = 0; k < discard; k++) {
    let best = -1;
    let bestExcess = 0;
    // Per (g, t): the largest and second largest requirement over kept paths.
    const first: Float64Array[] = [], second: Float64Array[] = [], argFirst: Int32Array[] = [];
    req.forEach((rows, g) => {
      const a = new Float64Array(T).fill(-Infinity), b = new Float64Array(T).fill(-Infinity), arg = new Int32Array(T).fill(-1);
      rows.forEach((row, p) => {
        if (!kept[p]) return;
        for (let t = 0; t < months; t++) {
          const v = row[t]!;
          if (v > a[t]!) {
            b[t] = a[t]!;
            a[t] = v;
            arg[t] = p;
          } else if (v > b[t]!) b[t] = v;
        }
      });
      first[g] = a;
      second[g] = b;
      argFirst[g] = arg;
    });
    const excess = new Float64Array(N);
    req.forEach((_, g) => {
      for (let t = 0; t < months; t++) {
        const p = argFirst[g]![t]!;
        if (p < 0) continue;
        const floorWithout = Math.max(0, second[g]![t]!);
        excess[p] = excess[p]! + Math.max(0, first[g]![t]! - floorWithout);
      }
    });
    for (let p = 0; p < N; p++) if (kept[p] && excess[p]! > bestExcess) {
      bestExcess = excess[p]!;
      best = p;
    }
    if (best < 0) break; // no path raises any floor: leaving one out saves nothing
    kept[best] = 0;
    discarded.push(best);
  }

  const floorWan = new Map<FundType, number[]>();
  const poolFloorWan = Array.from({ length: T }, () => 0);
  groups.forEach((group, g) => {
    const floor = Array.from({ length: T }, (_, t) => {
      if (t >= months) return 0;
      let m = 0;
      req[g]!.forEach((row, p) => {
        if (kept[p] && row[t]! > m) m = row[t]!;
      });
      return m;
    });
    floor.forEach((x, t) => (poolFloorWan[t] = poolFloorWan[t]! + x));
    // One pool (perFundType off): the floor is the pool's alone.
    if (group.length === 1) floorWan.set(group[0]!, floor);
  });

  const preAllocationYuan = new Map<FundType, number[]>();
  for (const ft of inputs.fundTypes) {
    preAllocationYuan.set(ft, Array.from({ length: T }, (_, t) => {
      const outs = planning.map((path) => path.outflow.get(ft)![t]!).sort((a, b) => a - b);
      const q = outs[Math.min(outs.length - 1, Math.max(0, Math.ceil(policy.confidence * outs.length) - 1))] ?? 0;
      return Math.ceil(q * 10_000);
    }));
  }

  return {
    confidence: policy.confidence,
    months,
    perFundType: policy.perFundType,
    floorWan,
    poolFloorWan,
    planningPaths: N,
    discardedPaths: discarded,
    structuralShareInSample: N ? structural.reduce((a, b) => a + b, 0) / N : 0,
    preAllocationYuan,
  };
}

/**
 * The fewest paths that can show a confidence: with N paths a share of failures below 1/N is not seen, so
 * at least 2/(1 − c) paths are asked for (two expected failures). 0.99 → 200; 0.999 → 2,000.
 *
 * @example pathsNeededFor(0.99) //=> 200
 */
export function pathsNeededFor(confidence: number): number {
  return Math.ceil(2 / (1 - confidence) - 1e-9);
}
