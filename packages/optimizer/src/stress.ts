import { type Decimal, type FundType, type LedgerReport, type MonthlyFlow, type Scenario, Decimal as Dec, addMonthsToKey, prepareLedger, resolvePlan } from '@fundladder/core';
import type { WirePlacement } from './extract/planFromSolution';

/** Where a fund type could not pay on one path: the months (indices) and the largest amount short (yuan). */
export interface FundGaps {
  readonly months: ReadonlySet<number>;
  readonly largestShort: Decimal;
}

/** What one flow path did to a plan, from the exact ledger. */
export interface PathOutcome {
  readonly interestEarned: Decimal;
  /** First month in which some fund type could not pay a payout on its day even recalling its call and agreed deposits, if any. */
  readonly firstPayoutShortMonth?: string;
  /** First month in which some fund type's cash went below zero (a payout it could not make), if any. */
  readonly firstShortMonth?: string;
  /** The largest amount any fund type was short on any day (yuan). */
  readonly largestShort: Decimal;
  /** First month in which the liquidity reserve was not held, if any. */
  readonly firstReserveBreach?: string;
  /**
   * Per fund type with a gap: the months in which it could not pay (a payout short in the month, or its
   * settlement account overdrawn on some day of it), and the largest amount short.
   */
  readonly gaps: ReadonlyMap<FundType, FundGaps>;
  /** The same with no new placement at all (existing holdings run off into cash), when asked for. */
  readonly structuralGaps?: ReadonlyMap<FundType, FundGaps>;
  /** The first month in which the plan has a gap where nothing placed would have had none (plan-caused), if any. */
  readonly firstPlanCausedMonth?: string;
}

/** One fund type's part of the stress result. */
export interface FundTypeStress {
  readonly fundType: FundType;
  /** Share of paths with a plan-caused gap for this fund type, over the horizon and in the first quarter. */
  readonly planCausedShortProbability: number;
  readonly planCausedShortFirstQuarterProbability: number;
  /** Share of paths on which this fund type's own money runs short even with nothing placed. */
  readonly structuralShortProbability: number;
  /** The median first month of such a structural gap, and the median of its largest shortfall (yuan), over those paths. */
  readonly structuralMedianFirstMonth?: string;
  readonly structuralMedianShort?: Decimal;
}

/** A plan run through the ledger on many flow paths (docs/optimizer.md §14, §16). */
export interface StressResult {
  readonly paths: number;
  /** How many of the paths differ from each other (a path repeated counts once). */
  readonly distinctPaths: number;
  /**
   * Share of paths on which, on some day, some fund type could not pay a payout due that day even by
   * recalling (with notice given in time) every call or agreed deposit it held at the previous month end:
   * its settlement account overdrawn by more than those deposits. (Before safe plans this compared the month's
   * liquid money at its start plus its inflow with its outflow, which missed deposits maturing inside the
   * month and payouts due before the month's inflows.)
   */
  readonly payoutShortProbability: number;
  /**
   * The same within the first three months only: the part of the plan a fund manager acts on before the
   * next quarterly re-plan (see rollingPlan).
   */
  readonly payoutShortFirstQuarterProbability: number;
  /** The median first month of such a shortfall, over the paths that have one. */
  readonly medianFirstPayoutShortMonth?: string;
  /** Share of paths on which some fund type's settlement account was overdrawn on some day (cashNotNegative broken). */
  readonly shortProbability: number;
  /**
   * Share of paths on which, with **no new placement at all**, some fund type runs short of its own money
   * (a payout short in a month or an overdrawn day): a gap no placement can cure (a structural gap). Only
   * when the stress test was asked to compare with nothing placed.
   */
  readonly structuralShortProbability?: number;
  /**
   * Share of paths on which the plan has a gap (a payout short or an overdrawn day) for some fund type in a
   * month in which keeping every new yuan liquid would have had none for that fund type: the risk the plan
   * itself adds. Over the horizon and within the first quarter.
   */
  readonly planCausedShortProbability?: number;
  readonly planCausedShortFirstQuarterProbability?: number;
  /** Per fund type (every fund type with a gap of either kind on some path). */
  readonly byFundType: readonly FundTypeStress[];
  /** Share of paths on which the reserve was breached in some month. */
  readonly reserveBreachProbability: number;
  /** Mean of the ledger's interest earned over the paths (yuan, to the fen). */
  readonly expectedInterest: Decimal;
  /** 5th percentile of interest earned (the lower empirical quantile: the ⌈0.05·N⌉-th smallest). */
  readonly p5Interest: Decimal;
  /** The month most often first short, and on how many paths. */
  readonly mostCommonShortMonth?: { readonly month: string; readonly paths: number };
  /** The largest shortfall seen on any path (yuan). */
  readonly largestShort: Decimal;
  readonly outcomes: readonly PathOutcome[];
}

/** Options of {@link stressTest}. */
export interface StressOptions {
  /** Called after each path (for a progress bar). */
  readonly onProgress?: (done: number, total: number) => void;
  /** Also run each path with no new placement, for the structural and plan-caused measures (default false). */
  readonly compareWithNothingPlaced?: boolean;
  /** The no-placement gaps of each path, computed once ({@link nothingPlacedGaps}) and shared by several plans. */
  readonly nothingPlaced?: readonly ReadonlyMap<FundType, FundGaps>[];
  /** Stop early when this signal aborts (the result then covers the paths done). */
  readonly signal?: AbortSignal;
}

/**
 * Per fund type, the months with a gap on one ledger run: its settlement account overdrawn on some day of
 * the month (a payout it could not make on its day from its own cash, `cashNotNegative`), with the largest
 * amount short. `payoutShort` marks the months in which even recalling every call or agreed deposit it held at
 * the previous month end (notice given in time) would not have covered the gap.
 */
export function fundGaps(scenario: Scenario, report: LedgerReport): Map<FundType, FundGaps & { readonly payoutShort: ReadonlySet<number> }> {
  const gaps = new Map<FundType, { months: Set<number>; largestShort: Decimal; payoutShort: Set<number>; byMonth: Map<number, Decimal> }>();
  const months = report.months;
  const indexOf = new Map(months.map((m, t) => [m.month as string, t]));
  for (const i of report.issues) {
    if (i.rule !== 'cashNotNegative' || !i.fundType || !i.monthKey) continue;
    const t = indexOf.get(i.monthKey);
    if (t === undefined) continue;
    const ft = i.fundType as FundType;
    const amount = new Dec(i.amount ?? 0);
    let g = gaps.get(ft);
    if (!g) gaps.set(ft, (g = { months: new Set(), largestShort: new Dec(0), payoutShort: new Set(), byMonth: new Map() }));
    g.months.add(t);
    if (amount.gt(g.largestShort)) g.largestShort = amount;
    if (amount.gt(g.byMonth.get(t) ?? 0)) g.byMonth.set(t, amount);
  }
  for (const [ft, g] of gaps) {
    for (const [t, amount] of g.byMonth) {
      const previous = t > 0 ? months[t - 1]!.byFundType[ft] : undefined;
      // Call and agreed deposits held at the previous month end: recallable with notice in time.
      const recallable = previous ? previous.closingLiquid.minus(previous.closingCash) : new Dec(0);
      if (amount.gt(recallable)) g.payoutShort.add(t);
    }
  }
  return new Map([...gaps].map(([ft, g]) => [ft, { months: g.months, largestShort: g.largestShort, payoutShort: g.payoutShort }]));
}

/**
 * Runs a plan through the exact ledger on each flow path (e.g. the forecast's simulated paths) and
 * reports how often it breaks: the probability that some fund type's liquid money falls below a month's
 * payouts, the probability that a settlement account is overdrawn on some day, the probability of a
 * reserve breach, and the expected and 5th-percentile interest. With `compareWithNothingPlaced`, each
 * path is also run with no new placement, which separates the gaps the plan causes from those no plan
 * can cure (structural). A plan that looked fine on the mean flows but fails on the paths shows here.
 *
 * @param flowPaths - each a complete flow path over the scenario's horizon (every fund type, every month)
 */
export function stressTest(scenario: Scenario, plan: { schemaVersion: 1; name: string; placements: readonly WirePlacement[] }, flowPaths: readonly (readonly MonthlyFlow[])[], options: StressOptions | ((done: number, total: number) => void) = {}): StressResult {
  const opts: StressOptions = typeof options === 'function' ? { onProgress: options } : options;
  const outcomes: PathOutcome[] = [];
  // The plan is resolved once; each path only needs the ledger (no KPIs).
  const resolved = resolvePlan(plan, scenario);
  if (!resolved.ok) throw new Error(`stressTest: the plan does not resolve: ${resolved.issues[0]?.message ?? ''}`);
  const firstQuarterEnd = 2;
  // Prepared once, run per path: the same report as runLedger, the path-independent work done once.
  const prepared = prepareLedger(scenario, resolved.value.placements);
  // The no-placement runs, once for all paths (prepared once), unless given.
  const nothingPlaced = opts.nothingPlaced ?? (opts.compareWithNothingPlaced ? nothingPlacedGaps(scenario, flowPaths) : undefined);
  for (const [k, flows] of flowPaths.entries()) {
    if (opts.signal?.aborted) break;
    const ev = prepared.run(flows);
    if (!ev.ok) throw new Error(`stressTest: path ${k} is not a complete flow path: ${ev.issues[0]?.message ?? ''}`);
    const issues = ev.value.issues;
    const short = issues.filter((i) => i.rule === 'cashNotNegative');
    const reserve = issues.find((i) => i.rule === 'liquidityReserve');
    const months = ev.value.months;
    const gaps = fundGaps(scenario, ev.value);
    let firstPayoutShort: number | undefined;
    for (const g of gaps.values()) for (const t of g.payoutShort) if (firstPayoutShort === undefined || t < firstPayoutShort) firstPayoutShort = t;
    let structuralGaps: Map<FundType, FundGaps> | undefined;
    let firstPlanCaused: number | undefined;
    if (opts.compareWithNothingPlaced || opts.nothingPlaced) {
      structuralGaps = new Map(nothingPlaced![k]!);
      for (const [ft, g] of gaps) {
        const cured = structuralGaps.get(ft)?.months;
        for (const t of g.months) if (!cured?.has(t) && (firstPlanCaused === undefined || t < firstPlanCaused)) firstPlanCaused = t;
      }
    }
    let largestShort = new Dec(0);
    for (const i of short) if (i.amount && new Dec(i.amount).gt(largestShort)) largestShort = new Dec(i.amount);
    outcomes.push({
      interestEarned: ev.value.totals.interestEarned,
      ...(firstPayoutShort !== undefined ? { firstPayoutShortMonth: months[firstPayoutShort]!.month } : {}),
      ...(short[0]?.monthKey ? { firstShortMonth: short[0].monthKey } : {}),
      largestShort,
      ...(reserve?.monthKey ? { firstReserveBreach: reserve.monthKey } : {}),
      gaps,
      ...(structuralGaps ? { structuralGaps } : {}),
      ...(firstPlanCaused !== undefined ? { firstPlanCausedMonth: months[firstPlanCaused]!.month } : {}),
    });
    opts.onProgress?.(k + 1, flowPaths.length);
  }
  const n = outcomes.length;
  const share = (count: number) => (n ? count / n : 0);
  const quarterEnd = addMonthsToKey(scenario.startMonth, firstQuarterEnd);
  const sorted = outcomes.map((o) => o.interestEarned).sort((a, b) => a.cmp(b));
  const firstShort = new Map<string, number>();
  for (const o of outcomes) if (o.firstShortMonth) firstShort.set(o.firstShortMonth, (firstShort.get(o.firstShortMonth) ?? 0) + 1);
  const common = [...firstShort].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  const compared = opts.compareWithNothingPlaced === true || opts.nothingPlaced !== undefined;
  const byFundType: FundTypeStress[] = [];
  for (const ft of scenario.fundTypes) {
    let planCaused = 0, planCausedQ1 = 0, structural = 0;
    const firstStructural: string[] = [];
    const structuralShort: Decimal[] = [];
    for (const o of outcomes) {
      const mine = o.gaps.get(ft);
      const cured = o.structuralGaps?.get(ft);
      if (cured) {
        structural++;
        const first = Math.min(...cured.months);
        firstStructural.push(addMonthsToKey(scenario.startMonth, first));
        structuralShort.push(cured.largestShort);
      }
      if (compared && mine) {
        const caused = [...mine.months].filter((t) => !cured?.months.has(t));
        if (caused.length) planCaused++;
        if (caused.some((t) => t <= firstQuarterEnd)) planCausedQ1++;
      }
    }
    const anyGap = outcomes.some((o) => o.gaps.has(ft)) || structural > 0;
    if (!anyGap) continue;
    structuralShort.sort((a, b) => a.cmp(b));
    byFundType.push({
      fundType: ft,
      planCausedShortProbability: share(planCaused),
      planCausedShortFirstQuarterProbability: share(planCausedQ1),
      structuralShortProbability: share(structural),
      ...(firstStructural.length ? { structuralMedianFirstMonth: [...firstStructural].sort()[Math.floor((firstStructural.length - 1) / 2)]! } : {}),
      ...(structuralShort.length ? { structuralMedianShort: structuralShort[Math.floor((structuralShort.length - 1) / 2)]! } : {}),
    });
  }
  return {
    paths: n,
    distinctPaths: countDistinct(flowPaths.slice(0, n)),
    payoutShortProbability: share(outcomes.filter((o) => o.firstPayoutShortMonth).length),
    payoutShortFirstQuarterProbability: share(outcomes.filter((o) => o.firstPayoutShortMonth && o.firstPayoutShortMonth <= quarterEnd).length),
    ...medianMonth(outcomes.flatMap((o) => (o.firstPayoutShortMonth ? [o.firstPayoutShortMonth] : []))),
    shortProbability: share(outcomes.filter((o) => o.firstShortMonth).length),
    ...(compared
      ? {
          structuralShortProbability: share(outcomes.filter((o) => o.structuralGaps && o.structuralGaps.size > 0).length),
          planCausedShortProbability: share(outcomes.filter((o) => o.firstPlanCausedMonth).length),
          planCausedShortFirstQuarterProbability: share(outcomes.filter((o) => o.firstPlanCausedMonth && o.firstPlanCausedMonth <= quarterEnd).length),
        }
      : {}),
    byFundType,
    reserveBreachProbability: share(outcomes.filter((o) => o.firstReserveBreach).length),
    expectedInterest: n ? sorted.reduce((a, b) => a.plus(b), new Dec(0)).div(n).toDecimalPlaces(2, Dec.ROUND_HALF_UP) : new Dec(0),
    p5Interest: n ? sorted[Math.max(0, Math.ceil(0.05 * n) - 1)]! : new Dec(0),
    ...(common ? { mostCommonShortMonth: { month: common[0], paths: common[1] } } : {}),
    largestShort: outcomes.reduce((a, o) => (o.largestShort.gt(a) ? o.largestShort : a), new Dec(0)),
    outcomes,
  };
}

/**
 * Each path's gaps with no new placement at all (existing holdings run off into cash): what no plan can
 * cure. The same for every plan on these paths, so computed once.
 */
export function nothingPlacedGaps(scenario: Scenario, flowPaths: readonly (readonly MonthlyFlow[])[], onProgress?: (done: number, total: number) => void): Map<FundType, FundGaps>[] {
  const prepared = prepareLedger(scenario, []);
  return flowPaths.map((flows, k) => {
    const nothing = prepared.run(flows);
    if (!nothing.ok) throw new Error(`nothingPlacedGaps: path ${k} is not a complete flow path: ${nothing.issues[0]?.message ?? ''}`);
    onProgress?.(k + 1, flowPaths.length);
    return fundGaps(scenario, nothing.value);
  });
}

/** How many flows of a path open its cheap signature in {@link countDistinct}. */
const SIGNATURE_FLOWS = 8;

/**
 * How many of the paths differ (by their flows, to the fen). Paths are first grouped by their first few flows and only
 * paths that share those are compared in full: two equal paths always share a group, and drawn paths almost never do,
 * so the full keys (288 Decimals to the fen per path on the sample, 0.35 s for 500 paths) are rarely built.
 *
 * @example countDistinct([pathA, pathA, pathB]) //=> 2
 */
export function countDistinct(flowPaths: readonly (readonly MonthlyFlow[])[]): number {
  const key = (flows: readonly MonthlyFlow[], from: number, to: number) => flows.slice(from, to).map((f) => `${f.month}/${f.fundType}/${f.inflow.toFixed(2)}/${f.outflow.toFixed(2)}`).join('|');
  const groups = new Map<string, Array<readonly MonthlyFlow[]>>();
  for (const flows of flowPaths) {
    const signature = `${flows.length}|${key(flows, 0, SIGNATURE_FLOWS)}`;
    const group = groups.get(signature);
    if (group) group.push(flows);
    else groups.set(signature, [flows]);
  }
  let distinct = 0;
  for (const group of groups.values()) distinct += group.length === 1 ? 1 : new Set(group.map((flows) => key(flows, SIGNATURE_FLOWS, flows.length))).size;
  return distinct;
}

/**
 * The extra reserve per month from flow paths: at each month t, the `quantile` of the next `months`
 * months' net outflow (outflow − inflow of the whole fund, summed), over the paths; 0 where the quantile
 * is a net inflow. `optimize(…, { extraReserve })` keeps liquid money at least this (or the policy's
 * reserve, whichever is larger). Quantile: the lower empirical one, the ⌈q·N⌉-th smallest.
 *
 * @returns yuan per month of the horizon, to the fen
 */
export function reserveFromPaths(scenario: Scenario, flowPaths: readonly (readonly MonthlyFlow[])[], quantile: number, months: number): Decimal[] {
  const T = scenario.horizonMonths;
  const netByPath = flowPaths.map((flows) => {
    const net = Array.from({ length: T }, () => new Dec(0));
    const index = new Map<string, number>();
    for (let t = 0; t < T; t++) index.set(addMonthsToKey(scenario.startMonth, t), t);
    for (const f of flows) {
      const t = index.get(f.month);
      if (t !== undefined) net[t] = net[t]!.plus(f.outflow).minus(f.inflow);
    }
    return net;
  });
  return Array.from({ length: T }, (_, t) => {
    const sums = netByPath.map((net) => {
      let s = new Dec(0);
      for (let k = t + 1; k <= t + months && k < T; k++) s = s.plus(net[k]!);
      return s;
    }).sort((a, b) => a.cmp(b));
    if (sums.length === 0) return new Dec(0);
    const q = sums[Math.min(sums.length - 1, Math.max(0, Math.ceil(quantile * sums.length) - 1))]!;
    return q.gt(0) ? q.toDecimalPlaces(2, Dec.ROUND_UP) : new Dec(0);
  });
}

function medianMonth(months: string[]): { medianFirstPayoutShortMonth?: string } {
  if (months.length === 0) return {};
  const sorted = [...months].sort();
  return { medianFirstPayoutShortMonth: sorted[Math.floor((sorted.length - 1) / 2)]! };
}
