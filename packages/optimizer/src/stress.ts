import { type Decimal, type MonthlyFlow, type Scenario, Decimal as Dec, addMonthsToKey, resolvePlan, runLedger } from '@fundladder/core';
import type { WirePlacement } from './extract/planFromSolution';

/** What one flow path did to a plan, from the exact ledger. */
export interface PathOutcome {
  readonly interestEarned: Decimal;
  /** First month in which some fund type's liquid money at the start of the month plus its inflow was below its payouts, if any. */
  readonly firstPayoutShortMonth?: string;
  /** First month in which some fund type's cash went below zero (a payout it could not make), if any. */
  readonly firstShortMonth?: string;
  /** The largest amount any fund type was short on any day (yuan). */
  readonly largestShort: Decimal;
  /** First month in which the liquidity reserve was not held, if any. */
  readonly firstReserveBreach?: string;
}

/** A plan run through the ledger on many flow paths (issue 5, "stress"). */
export interface StressResult {
  readonly paths: number;
  /**
   * Share of paths on which, in some month, some fund type could not pay that month's payouts even by
   * recalling its call deposits: its liquid money at the start of the month (settlement cash, 周转金 and
   * call/agreed deposits at the previous month end) plus the month's inflow was below the month's outflow.
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

/**
 * Runs a plan through the exact ledger on each flow path (e.g. the forecast's simulated paths) and
 * reports how often it breaks: the probability that some fund type's liquid money falls below a month's
 * payouts, the probability that a settlement account is overdrawn on some day, the probability of a
 * reserve breach, and the expected and 5th-percentile interest. A plan that
 * looked fine on the mean flows but fails on the paths shows here.
 *
 * @param flowPaths - each a complete flow path over the scenario's horizon (every fund type, every month)
 * @param onProgress - called after each path (for a progress bar)
 */
export function stressTest(scenario: Scenario, plan: { schemaVersion: 1; name: string; placements: readonly WirePlacement[] }, flowPaths: readonly (readonly MonthlyFlow[])[], onProgress?: (done: number, total: number) => void): StressResult {
  const outcomes: PathOutcome[] = [];
  // The plan is resolved once; each path only needs the ledger (no KPIs).
  const resolved = resolvePlan(plan, scenario);
  if (!resolved.ok) throw new Error(`stressTest: the plan does not resolve: ${resolved.issues[0]?.message ?? ''}`);
  for (const [k, flows] of flowPaths.entries()) {
    const ev = runLedger({ scenario, placements: resolved.value.placements, flows });
    if (!ev.ok) throw new Error(`stressTest: path ${k} is not a complete flow path: ${ev.issues[0]?.message ?? ''}`);
    const issues = ev.value.issues;
    const short = issues.filter((i) => i.rule === 'cashNotNegative');
    const reserve = issues.find((i) => i.rule === 'liquidityReserve');
    let firstPayoutShortMonth: string | undefined;
    const months = ev.value.months;
    for (let t = 0; t < months.length && !firstPayoutShortMonth; t++) {
      for (const ft of scenario.fundTypes) {
        const m = months[t]!.byFundType[ft];
        if (!m) continue;
        const liquid = t === 0 ? m.openingCash : (months[t - 1]!.byFundType[ft]?.closingLiquid ?? m.openingCash);
        // What it can pay with this month: liquid money at the start (call deposits recalled) plus the month's inflow.
        if (liquid.plus(m.inflow).lt(m.outflow)) {
          firstPayoutShortMonth = months[t]!.month;
          break;
        }
      }
    }
    let largestShort = new Dec(0);
    for (const i of short) if (i.amount && new Dec(i.amount).gt(largestShort)) largestShort = new Dec(i.amount);
    outcomes.push({
      interestEarned: ev.value.totals.interestEarned,
      ...(firstPayoutShortMonth ? { firstPayoutShortMonth } : {}),
      ...(short[0]?.monthKey ? { firstShortMonth: short[0].monthKey } : {}),
      largestShort,
      ...(reserve?.monthKey ? { firstReserveBreach: reserve.monthKey } : {}),
    });
    onProgress?.(k + 1, flowPaths.length);
  }
  const n = outcomes.length;
  const sorted = outcomes.map((o) => o.interestEarned).sort((a, b) => a.cmp(b));
  const firstShort = new Map<string, number>();
  for (const o of outcomes) if (o.firstShortMonth) firstShort.set(o.firstShortMonth, (firstShort.get(o.firstShortMonth) ?? 0) + 1);
  const common = [...firstShort].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  return {
    paths: n,
    payoutShortProbability: n ? outcomes.filter((o) => o.firstPayoutShortMonth).length / n : 0,
    payoutShortFirstQuarterProbability: n ? outcomes.filter((o) => o.firstPayoutShortMonth && o.firstPayoutShortMonth <= addMonthsToKey(scenario.startMonth, 2)).length / n : 0,
    ...medianMonth(outcomes.flatMap((o) => (o.firstPayoutShortMonth ? [o.firstPayoutShortMonth] : []))),
    shortProbability: n ? outcomes.filter((o) => o.firstShortMonth).length / n : 0,
    reserveBreachProbability: n ? outcomes.filter((o) => o.firstReserveBreach).length / n : 0,
    expectedInterest: n ? sorted.reduce((a, b) => a.plus(b), new Dec(0)).div(n).toDecimalPlaces(2, Dec.ROUND_HALF_UP) : new Dec(0),
    p5Interest: n ? sorted[Math.max(0, Math.ceil(0.05 * n) - 1)]! : new Dec(0),
    ...(common ? { mostCommonShortMonth: { month: common[0], paths: common[1] } } : {}),
    largestShort: outcomes.reduce((a, o) => (o.largestShort.gt(a) ? o.largestShort : a), new Dec(0)),
    outcomes,
  };
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
