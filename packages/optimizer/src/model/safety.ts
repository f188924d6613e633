import { type FundType, type MonthlyFlow, type Scenario, addMonthsToKey, inflowDayOf, outflowDayOf } from '@fundladder/core';

/**
 * Safe plans on the forecast's paths (docs/optimizer.md §16): the mathematics of the cash floors.
 *
 * Placements are the same on every path; only the flows differ. With the LP's cash y_{f,t} of fund type f
 * after month t's placements, planned on the mean flows N̄, the same plan on path p has cash
 * y_{f,t} + D^p_{f,t}, D^p_{f,t} = Σ_{s≤t} (N^p_{f,s} − N̄_{f,s}). Inside the month, flows that post after the
 * placement day are not there yet: the cash must also cover the month's payouts due before its inflows
 * (`intraMonthNeed`). Fund type f pays every payout of month t on path p on its day if
 *
 *     y_{f,t} ≥ need^p_{f,t} − D^p_{f,t} =: req^p_{f,t}.
 *
 * The floors are one family with one parameter, b_{f,t}(k) = μ_{f,t} + k·σ_{f,t} (the mean and standard
 * deviation of req^p_{f,t} over the even-numbered planning paths), and k is the smallest that keeps all but r of the
 * odd-numbered planning paths safe (split calibration: k is fitted on paths the shape never saw). With one decision variable the scenario approach with discarded samples (Calafiore & Campi 2006;
 * Campi & Garatti 2011) bounds the failure rate on new paths: P(rate > 1 − c) ≤ P(Binomial(N, 1 − c) ≤ r),
 * and r is the largest that keeps this at most 5%. (The envelope b = max over kept paths, one parameter per
 * row, fitted the planning paths too closely: measured on the sample, 9.5% of new paths failed at c = 0.99.)
 * A (f, t, p) that no plan can make safe — with nothing placed at all the fund type's own money falls short,
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
  /** The common scale k of the floors μ + kσ (in standard deviations of each row's requirement). */
  readonly scale: number;
  /**
   * The scenario-approach guarantee: with r planning paths allowed to fail, P(out-of-sample failure rate > 1 − c)
   * ≤ beta (Campi & Garatti 2011, one decision variable).
   */
  readonly guarantee: { readonly calibrationPaths: number; readonly discardedAllowed: number; readonly beta: number };
  /** Planning paths, and which are left unsafe by the floors (the calibration half has at most `guarantee.discardedAllowed`). */
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
  /**
   * A rolling re-plan's floors over the months it commits, when they were raised to their own, stricter confidence
   * ({@link withCommittedFloors}): those months, that confidence, its scale and guarantee, and the paths they came from.
   */
  readonly committed?: {
    readonly months: number;
    readonly confidence: number;
    readonly scale: number;
    readonly planningPaths: number;
    readonly guarantee: SafetyFloors['guarantee'];
    /** What the whole fund's cash may lose over the committed months at the policy's confidence (万元), when asked. */
    readonly reserveBufferWan?: number;
  };
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
  /**
   * Per fund type and month: demand interest per 万元 held to the next placement day. With nothing placed the
   * fund type's cash earns it, so a gap is structural only where even that cash falls short. Absent: none.
   */
  readonly demandValuePerWan?: ReadonlyMap<FundType, readonly number[]>;
}

/**
 * The cash floors μ + kσ that keep all but r of N planning paths safe, r from the scenario-approach bound
 * (see the module comment and {@link discardedPathsAllowed}). A requirement that even holding everything
 * liquid cannot meet (a structural gap) is left out; no floor exceeds the cash with nothing placed.
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
    // The same without interest: the most the LP's cash can be with nothing placed (its cash rows earn no interest), so
    // no floor may exceed it.
    const y0Lp = new Float64Array(T);
    for (const ft of group) {
      let plain = 0;
      for (let t = 0; t < T; t++) {
        plain += (t === 0 ? inputs.openingCash.get(ft)! : 0) + inputs.netFlow.get(ft)![t]! + inputs.existingCash.get(ft)![t]!;
        y0Lp[t] = y0Lp[t]! + plain;
      }
    }
    for (const ft of group) {
      // The fund type's own cash with nothing placed: opening + flows + existing holdings coming back, with its demand
      // interest credited monthly (a little ahead of the ledger's quarterly crediting: the generous side for "structural").
      let own = 0;
      const demand = inputs.demandValuePerWan?.get(ft);
      for (let t = 0; t < T; t++) {
        if (t > 0 && demand && own > 0) own += own * demand[t - 1]!;
        own += (t === 0 ? inputs.openingCash.get(ft)! : 0) + inputs.netFlow.get(ft)![t]! + inputs.existingCash.get(ft)![t]!;
        y0[t] = y0[t]! + own;
      }
    }
    noPlacement.push(y0Lp);
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

  // One scale k for every row: b_{g,t}(k) = μ_{g,t} + k·σ_{g,t} over the planning paths' requirements. Path p
  // is safe under b(k) iff k ≥ k_p = max_{g,t} (req^p_{g,t} − μ_{g,t}) / σ_{g,t}. k is the smallest that keeps all
  // but r paths, r from the scenario-approach bound for one decision variable (see discardedPathsAllowed).
  // Split calibration (as in split conformal prediction): the shape μ, σ from the even-numbered planning paths, the
  // scale k from the odd-numbered ones, so k is calibrated on paths the shape never saw and the bound holds as stated.
  // With fewer than 4 paths there is nothing to split: both from all.
  const split = N >= 4;
  const shapePaths = (p: number) => !split || p % 2 === 0;
  const calibrationPaths = Array.from({ length: N }, (_, p) => p).filter((p) => !split || p % 2 === 1);
  const mean: Float64Array[] = [], sd: Float64Array[] = [];
  req.forEach((rows, g) => {
    const mu = new Float64Array(T), sigma = new Float64Array(T);
    for (let t = 0; t < months; t++) {
      let n = 0, sum = 0, sq = 0;
      for (const [p, row] of rows.entries()) {
        if (!shapePaths(p)) continue;
        const v = row[t]!;
        if (v === -Infinity) continue;
        n++;
        sum += v;
        sq += v * v;
      }
      mu[t] = n ? sum / n : 0;
      sigma[t] = n > 1 ? Math.sqrt(Math.max(0, (sq - n * mu[t]! * mu[t]!) / (n - 1))) : 0;
    }
    mean[g] = mu;
    sd[g] = sigma;
  });
  const scaleOf = new Float64Array(N).fill(-Infinity);
  req.forEach((rows, g) => {
    rows.forEach((row, p) => {
      for (let t = 0; t < months; t++) {
        const v = row[t]!;
        if (v === -Infinity) continue;
        const sigma = sd[g]![t]!;
        // A row the paths do not move (σ ≈ 0: every requirement is its mean) is met by its mean whatever k is.
        const k = sigma > 1e-9 ? (v - mean[g]![t]!) / sigma : -Infinity;
        if (k > scaleOf[p]!) scaleOf[p] = k;
      }
    });
  });
  const M = calibrationPaths.length;
  const r = M ? discardedPathsAllowed(M, 1 - policy.confidence, GUARANTEE_BETA) : 0;
  const order = [...calibrationPaths].sort((x, y) => scaleOf[x]! - scaleOf[y]!);
  const scale = M ? scaleOf[order[M - 1 - r]!]! : 0;
  const discarded = Array.from({ length: N }, (_, p) => p).filter((p) => scaleOf[p]! > scale);

  const floorWan = new Map<FundType, number[]>();
  const poolFloorWan = Array.from({ length: T }, () => 0);
  groups.forEach((group, g) => {
    // Never above what holding every new yuan liquid gives (y⁰): there the floor is "place nothing yet".
    const floor = Array.from({ length: T }, (_, t) => {
      if (t >= months) return 0;
      const sigma = sd[g]![t]!;
      const wanted = sigma > 1e-9 && Number.isFinite(scale) ? mean[g]![t]! + scale * sigma : mean[g]![t]!;
      return Math.max(0, Math.min(wanted, Math.max(0, noPlacement[g]![t]!)));
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
    scale,
    guarantee: { calibrationPaths: M, discardedAllowed: r, beta: M ? binomialCdf(r, M, 1 - policy.confidence) : 1 },
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

/** The confidence of the guarantee: P(failure rate above 1 − c) ≤ 5%. */
export const GUARANTEE_BETA = 0.05;

/**
 * P(X ≤ r) for X ~ Binomial(n, p), summed in log space.
 *
 * @example binomialCdf(0, 200, 0.01) //=> 0.134 (0.99^200)
 */
export function binomialCdf(r: number, n: number, p: number): number {
  if (r < 0) return 0;
  if (p <= 0) return 1;
  let logTerm = n * Math.log1p(-p); // i = 0
  let total = Math.exp(logTerm);
  for (let i = 1; i <= r && i <= n; i++) {
    logTerm += Math.log((n - i + 1) / i) + Math.log(p) - Math.log1p(-p);
    total += Math.exp(logTerm);
  }
  return Math.min(1, total);
}

/**
 * How many of N planning paths may be left unsafe so that, with probability at least 1 − beta, the plan's failure
 * rate on new paths is at most ε: the largest r with P(Binomial(N, ε) ≤ r) ≤ beta — the sampling-and-discarding
 * bound of Campi & Garatti (2011, Thm 2.1) for a problem with one decision variable (the floors' common scale k).
 * 0 when even r = 0 does not reach beta (too few paths for the guarantee: the plan then keeps every path).
 *
 * @example discardedPathsAllowed(1000, 0.01, 0.05) //=> 4
 */
export function discardedPathsAllowed(n: number, epsilon: number, beta: number): number {
  let r = -1;
  while (r + 1 <= n && binomialCdf(r + 1, n, epsilon) <= beta) r++;
  return Math.max(0, r);
}

/**
 * The share of the risk a rolling re-plan may take over the months it commits (docs/optimizer.md §16, "Rolling"). The
 * rolling policy fails only in a month whose realised requirement is above the floors of the re-plan that committed
 * that month, so if each re-plan's committed m months fail with probability at most (1 − c)·m/H, the union over the
 * H/m re-plans fails with probability at most 1 − c: the static plan's promise, kept by the policy as a whole. A
 * re-plan calibrated at c over all its remaining months spends about m/R of its 1 − c on its first m months (R months
 * left), which summed over the re-plans is (1 − c)·(1 + 1/2 + … + m/H) ≈ 3.1·(1 − c) for quarters over three years.
 * The paths are ⌈N·H/m⌉ so that ε·N, and with it the scenario-approach guarantee ({@link discardedPathsAllowed}), is the
 * static plan's; paths of m months cost about what N paths of H months do.
 *
 * @param confidence - c, the static plan's confidence over the whole horizon
 * @param horizonMonths - H, the whole horizon of the rolling policy
 * @param committedMonths - m, the months a re-plan commits (a quarter: 3; fewer at the horizon's end)
 * @param planningPaths - N, the static plan's planning paths
 * @example committedRisk(0.99, 36, 3, 1000) //=> { confidence: 0.99916…, paths: 12000 }
 */
export function committedRisk(confidence: number, horizonMonths: number, committedMonths: number, planningPaths: number): { confidence: number; paths: number } {
  const share = Math.min(1, committedMonths / horizonMonths);
  return { confidence: 1 - (1 - confidence) * share, paths: Math.ceil(planningPaths / share - 1e-9) };
}

/**
 * `floors` raised, in the months `committed` covers, to `committed`'s floors (the row-wise larger): a rolling re-plan's
 * floors over its remaining horizon at c, with the months it commits held at their own risk ({@link committedRisk}).
 * Both sets are capped by the cash with nothing placed, so the larger is too. The other facts stay `floors`'s.
 */
export function withCommittedFloors(floors: SafetyFloors, committed: SafetyFloors): SafetyFloors {
  const m = Math.min(committed.poolFloorWan.length, floors.poolFloorWan.length);
  const raise = (row: readonly number[], by: readonly number[] | undefined) => row.map((x, t) => (t < m && by ? Math.max(x, by[t] ?? 0) : x));
  const floorWan = new Map<FundType, readonly number[]>([...floors.floorWan].map(([ft, row]) => [ft, raise(row, committed.floorWan.get(ft))]));
  const poolFloorWan = floorWan.size ? floors.poolFloorWan.map((_, t) => [...floorWan.values()].reduce((a, row) => a + row[t]!, 0)) : raise(floors.poolFloorWan, committed.poolFloorWan);
  return { ...floors, floorWan, poolFloorWan, committed: { months: m, confidence: committed.confidence, scale: committed.scale, planningPaths: committed.planningPaths, guarantee: committed.guarantee } };
}

