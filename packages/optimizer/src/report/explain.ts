import { type Decimal as DecimalType, type MonthKey, type Scenario, Decimal, addMonthsToKey } from '@fundladder/core';
import type { LpModel, LpRow, LpVariable } from '../model/lp';
import { type LadderData, minimumPlacementYuan, prepareLadderData } from '../model/data';
import type { SafetyFloors } from '../model/safety';
import { holdingsOverCaps } from '../model/capsAtStart';
import { buildLadderModel } from '../model/buildLadderModel';
import { highsBackend } from '../backends/highs';
import type { Termination } from '../backends/types';
import type { OptimizeResult } from '../optimize';
import { type WirePlacement, planFromSolution } from '../extract/planFromSolution';

/** A rule that binds the optimum and what it costs, as a fact (the application layer words it: `bindingLine` in @fundladder/app). */
export type BindingFact =
  | { readonly kind: 'noDuals' }
  | { readonly kind: 'nothingBinds' }
  | { readonly kind: 'reserve'; readonly months: number; readonly costWan: number }
  | { readonly kind: 'cap'; readonly rule: string; readonly bankId: string; readonly month: string; readonly gainWan: number }
  | { readonly kind: 'moreCaps'; readonly count: number };

const CAP_RULES = new Set(['bankLocalDepositCap', 'fundTimeDepositShareCap', 'trancheShareCap', 'maxBondShare']);

/**
 * Which rules bind the optimum and what they cost, from the first round's shadow prices (per unit increase of a row's
 * bound; duals are not unique on this kind of model, so every figure is "about", and linear beyond the point —
 * docs/solver-notes.md §6): the reserve (one more month of payouts held liquid), and the six caps that bind hardest
 * (raising each by 1亿), then how many more bind.
 */
export function bindingFacts(result: OptimizeResult): BindingFact[] {
  if (result.status !== 'optimal' || result.relaxed.report.dual !== 'feasiblePoint') return [{ kind: 'noDuals' }];
  const { data } = result;
  const { model, report } = result.relaxed;
  const facts: BindingFact[] = [];
  const dual = (i: number) => report.rowDuals[i] ?? 0;
  let reservePerWan = 0;
  let extraMonthCost = 0;
  let bindingMonths = 0;
  const reserveMonths = data.scenario.policy.reserve.rule === 'monthsOfPayouts' ? data.scenario.policy.reserve.months : 0;
  model.rows.forEach((row, i) => {
    if (row.rule !== 'liquidityReserve' || Math.abs(dual(i)) < 1e-9) return;
    const t = data.months.indexOf(row.meta!.monthKey as never);
    reservePerWan += dual(i);
    bindingMonths++;
    extraMonthCost += dual(i) * (data.outflow[Math.min(t + reserveMonths + 1, data.outflow.length - 1)] ?? 0);
  });
  if (reservePerWan !== 0) facts.push({ kind: 'reserve', months: bindingMonths, costWan: -extraMonthCost });
  const caps = model.rows
    .map((row, i) => ({ row, value: dual(i) }))
    .filter(({ row, value }) => CAP_RULES.has(row.rule) && value > 1e-9)
    .sort((a, b) => b.value - a.value);
  for (const { row, value } of caps.slice(0, 6)) facts.push({ kind: 'cap', rule: row.rule, bankId: row.meta?.bankId ?? '', month: row.meta?.monthKey ?? '', gainWan: value * 10_000 });
  if (caps.length > 6) facts.push({ kind: 'moreCaps', count: caps.length - 6 });
  if (!facts.length) facts.push({ kind: 'nothingBinds' });
  return facts;
}

/** Where the elastic model had to bend a rule: the month, the rule, the bank or fund type of its row, and how much (万元, as the LP sees them). */
export interface Bend {
  readonly monthKey: string;
  readonly rule: string;
  readonly bankId?: string;
  readonly fundType?: string;
  /** A reserve's or a fund type's cash shortfall, or a cap's excess (money above the cap), 万元. */
  readonly shortWan: number;
}

/** The caps and limits an infeasibility fix may ask to raise, in the order the fixes name them. */
export const RELAXABLE_CAPS = ['trancheShareCap', 'bankLocalDepositCap', 'fundTimeDepositShareCap', 'maxBondShare'] as const;

/**
 * What would fix an infeasible scenario, as a fact (the application layer words it; amounts are the LP's 万元):
 * - `reserveMonths`: a `monthsOfPayouts` reserve of at most `atMost` months (now `now`), or `orExtraWan` more liquid
 *   money from `from` on;
 * - `reserveAmount`: the reserve `lowerWan` lower in `monthKey` (of `fundType`, when the bent row is a fund type's), or
 *   that much more liquid money;
 * - `fundTypeOwnMoney`: a fund type (unknown when its row named none) short of its own money by `shortWan` in all from
 *   `from` on, which must come from outside (调剂金 or 财政补助);
 * - `relaxCap`: a cap or limit to raise (or, but for the bond share, banks to add), over by `overWan` at its largest
 *   excess, in `monthKey` at `bankId`.
 */
export type InfeasibilityFix =
  | { readonly kind: 'reserveMonths'; readonly atMost: number; readonly now: number; readonly orExtraWan: number; readonly from: string }
  | { readonly kind: 'reserveAmount'; readonly monthKey: string; readonly lowerWan: number; readonly fundType?: string }
  | { readonly kind: 'fundTypeOwnMoney'; readonly fundType?: string; readonly shortWan: number; readonly from: string }
  | { readonly kind: 'relaxCap'; readonly rule: (typeof RELAXABLE_CAPS)[number]; readonly monthKey: string; readonly bankId?: string; readonly overWan: number };

/** Why an infeasible scenario has no plan, as facts (the application layer words them). */
export interface InfeasibilityExplanation {
  /** Every bend above 1 yuan, by month, then the largest first. */
  readonly shortfalls: readonly Bend[];
  /** Whether the elastic model solved; when it did not, why it stopped (then there are no shortfalls to report). */
  readonly elastic: { readonly solved: true } | { readonly solved: false; readonly termination: Termination };
  /** What would fix it, one fact per bent rule (the largest bend of each): {@link infeasibilityFixes}. */
  readonly fixes: readonly InfeasibilityFix[];
}

/**
 * The most months of payouts a `monthsOfPayouts` reserve could ask while the fund keeps it in every month the elastic
 * model had to bend the whole fund's reserve: there liquid money is at most `required[t] − short`, and k months ask the
 * next k months' payouts (the last month's repeated past the horizon, as `reserveRequirement` does).
 * @param outflowWan - total payouts per month (万元)
 * @param requiredWan - the reserve the current rule asks per month (万元)
 * @param shorts - month index and shortfall (万元) of each bent total-reserve row
 * @returns the largest k below `currentMonths` that fits every such month (0 when not even one month fits)
 * @example mostReserveMonths(3, [10, 10, 10, 10, 10], [30, 30, 30, 20, 10], [{ t: 0, shortWan: 15 }]) //=> 1
 */
export function mostReserveMonths(currentMonths: number, outflowWan: readonly number[], requiredWan: readonly number[], shorts: ReadonlyArray<{ t: number; shortWan: number }>): number {
  const ask = (t: number, k: number) => {
    const next = outflowWan.slice(t + 1);
    const last = next.length ? next[next.length - 1]! : outflowWan[t]!;
    let total = 0;
    for (let j = 0; j < k; j++) total += next[j] ?? last;
    return total;
  };
  for (let k = currentMonths - 1; k > 0; k--) {
    if (shorts.every(({ t, shortWan }) => ask(t, k) <= requiredWan[t]! - shortWan + 1e-6 * Math.max(1, requiredWan[t]!))) return k;
  }
  return 0;
}

/**
 * What would fix an infeasible scenario, from the elastic model's bends: for the reserve, the most months of payouts
 * the money covers (a `monthsOfPayouts` rule on the whole fund, no extra reserve from the forecast) or else the amount
 * to lower it by; for a fund type's cash, the money it lacks from outside (调剂金 or 财政补助: a fund type may not pay
 * from another's money); for a cap, the cap to raise or the banks to add. The largest bend of each rule, as facts
 * (the application layer words them); amounts are the LP's 万元, unrounded.
 * @param shortfalls - the elastic model's bends ({@link explainInfeasible})
 * @param context - the reserve rule, whether a reserve from the forecast comes on top, and the LP's months, total
 *   payouts and required reserve per month (万元)
 * @returns the reserve's fix first, then one per fund type short of its own money, then one per cap in
 *   {@link RELAXABLE_CAPS} order
 * @example infeasibilityFixes([{ monthKey: '2026-01', rule: 'liquidityReserve', shortWan: 15 }, { monthKey: '2026-02', rule: 'liquidityReserve', shortWan: 12 }], { reserve: { rule: 'monthsOfPayouts', months: 3 }, extraReserve: false, months: ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05'], outflowWan: [10, 10, 10, 10, 10], requiredWan: [30, 30, 30, 20, 10] })
 * //=> [{ kind: 'reserveMonths', atMost: 1, now: 3, orExtraWan: 15, from: '2026-01' }]
 * @see docs/optimizer.md §9 ("What would fix it")
 */
export function infeasibilityFixes(shortfalls: readonly Bend[], context: { reserve: Scenario['policy']['reserve']; extraReserve: boolean; months: readonly string[]; outflowWan: readonly number[]; requiredWan: readonly number[] }): InfeasibilityFix[] {
  const fixes: InfeasibilityFix[] = [];
  const largest = new Map<string, Bend>();
  for (const s of shortfalls) if (!largest.has(s.rule) || largest.get(s.rule)!.shortWan < s.shortWan) largest.set(s.rule, s);
  // Money brought in stays: the largest reserve shortfall, there by the first month short, covers every month after.
  const firstOf = (rule: string, fundType?: string) => shortfalls.filter((s) => s.rule === rule && (fundType === undefined || s.fundType === fundType)).map((s) => s.monthKey).sort()[0]!;
  const reserve = largest.get('liquidityReserve');
  if (reserve) {
    const total = shortfalls.filter((s) => s.rule === 'liquidityReserve' && !s.fundType);
    const index = new Map(context.months.map((m, t) => [m, t]));
    if (context.reserve.rule === 'monthsOfPayouts' && !context.extraReserve && total.length && total.length === shortfalls.filter((s) => s.rule === 'liquidityReserve').length) {
      const atMost = mostReserveMonths(context.reserve.months, context.outflowWan, context.requiredWan, total.map((s) => ({ t: index.get(s.monthKey) ?? 0, shortWan: s.shortWan })));
      fixes.push({ kind: 'reserveMonths', atMost, now: context.reserve.months, orExtraWan: reserve.shortWan, from: firstOf('liquidityReserve') });
    } else {
      fixes.push({ kind: 'reserveAmount', monthKey: reserve.monthKey, lowerWan: reserve.shortWan, ...(reserve.fundType ? { fundType: reserve.fundType } : {}) });
    }
  }
  // A fund type's cash bends by money that is not there, added in the month it is short and kept: its total is what it
  // lacks, from the first month short.
  for (const fundType of new Set(shortfalls.filter((s) => s.rule === 'cashBalance').map((s) => s.fundType))) {
    const lacking = shortfalls.filter((s) => s.rule === 'cashBalance' && s.fundType === fundType).reduce((acc, s) => acc + s.shortWan, 0);
    fixes.push({ kind: 'fundTypeOwnMoney', ...(fundType !== undefined ? { fundType } : {}), shortWan: lacking, from: firstOf('cashBalance', fundType) });
  }
  for (const rule of RELAXABLE_CAPS) {
    const c = largest.get(rule);
    if (c) fixes.push({ kind: 'relaxCap', rule, monthKey: c.monthKey, ...(c.bankId ? { bankId: c.bankId } : {}), overWan: c.shortWan });
  }
  return fixes;
}

/**
 * Explains an infeasible scenario: solves an elastic version in which the reserve and the bank caps may bend
 * at a cost of 1 per 万元 and each fund type's cash at 1,000 (money that is not there), minimising the bend, and reports every month
 * and rule that had to bend and by how much (docs/solver-notes.md §7: relaxing only the rule rows works; IIS did
 * not). Same flows and extra reserve as the `optimize` call it explains. Never a crash or an empty answer.
 * Facts only: the application layer words them (the bends by month and rule, the largest, what would fix it).
 * @param scenario - the scenario `optimize` found infeasible
 * @param options - the flows and the reserve from the forecast that `optimize` planned with, if other than the scenario's
 * @returns every bend above 1 yuan (by month, the largest first within a month), whether the elastic model solved, and
 *   {@link infeasibilityFixes}
 * @example (await explainInfeasible(sampleWithReserveOf5Months)).shortfalls.map((s) => s.monthKey) //=> ['2026-01', '2026-02', '2026-03']
 * @see docs/optimizer.md §9, docs/solver-notes.md §7
 */
export async function explainInfeasible(scenario: Scenario, options: { flows?: Scenario['flows']; extraReserve?: readonly DecimalType[] } = {}): Promise<InfeasibilityExplanation> {
  const data = prepareLadderData(scenario, options.flows ?? scenario.flows, options.extraReserve);
  const { model } = buildLadderModel(data, { lots: 'ignore' });
  const bendable = new Set(['liquidityReserve', 'bankLocalDepositCap', 'fundTimeDepositShareCap', 'trancheShareCap', 'cashBalance', 'maxBondShare']);
  const variables: LpVariable[] = model.variables.map((v) => ({ ...v, cost: 0 }));
  const slackOf = new Map<number, number>();
  const rows: LpRow[] = model.rows.map((row, i) => {
    if (!bendable.has(row.rule)) return row;
    const j = variables.length;
    // Conjuring money into a fund's cash is the last resort (1,000 per 万元); the reserve and the caps bend at 1.
    variables.push({ name: `slack[${row.name}]`, lower: 0, upper: Infinity, cost: row.rule === 'cashBalance' ? 1000 : 1 });
    slackOf.set(j, i);
    // ≥ rows (reserve) gain +slack on the left; ≤ rows (caps) get −slack; a cash row
    // cash[t] − cash[t−1] + placements − returns = net flow gets −slack: money that is not there, added to the cash.
    const sign = row.rule === 'liquidityReserve' ? 1 : -1;
    return { ...row, terms: [...row.terms, [j, sign] as const] };
  });
  const elastic: LpModel = { sense: 'minimize', offset: 0, variables, rows };
  const report = await highsBackend.solve(elastic);
  const shortfalls: Bend[] = [];
  if (report.primal === 'feasiblePoint') {
    for (const [j, i] of slackOf) {
      const v = report.columnValues[j]!;
      if (v > 1e-4) {
        const row = model.rows[i]!;
        shortfalls.push({ monthKey: row.meta?.monthKey ?? '', rule: row.rule, ...(row.meta?.bankId ? { bankId: row.meta.bankId } : {}), ...(row.meta?.fundType ? { fundType: row.meta.fundType } : {}), shortWan: v });
      }
    }
  }
  shortfalls.sort((a, b) => (a.monthKey < b.monthKey ? -1 : a.monthKey > b.monthKey ? 1 : b.shortWan - a.shortWan));
  const fixes = infeasibilityFixes(shortfalls, { reserve: scenario.policy.reserve, extraReserve: (options.extraReserve ?? []).some((x) => x.gt(0)), months: data.months, outflowWan: data.outflow, requiredWan: data.reserve });
  return { shortfalls, elastic: report.primal === 'feasiblePoint' ? { solved: true } : { solved: false, termination: report.termination }, fixes };
}

/**
 * The best plan when no plan keeps every rule (used by the rolling mode when a re-plan is infeasible, e.g. a
 * fund type that cannot pay from its own money whatever is placed): the per-fund-type LP with the reserve and
 * the caps allowed to bend at 100 per 万元 and each fund type's cash at 100,000 per 万元 (money that is not
 * there), maximising interest less the bend. Bending is thus always the last resort, and the plan does
 * everything else as usual. Placements below their product's minimum are dropped (the money stays in cash).
 * The ledger then reports what was broken; nothing is hidden. With `safety`, each fund type's cash keeps its floor.
 */
export async function elasticPlan(scenario: Scenario, flows = scenario.flows, safety?: SafetyFloors): Promise<{ placements: WirePlacement[]; bends: Bend[] }> {
  const prepared = prepareLadderData(scenario, flows);
  // A safe re-plan that bends other rules still keeps each fund type's cash floor (docs/optimizer.md §16): the floors never exceed
  // what holding everything liquid gives, so they are never what has to bend.
  const data: LadderData = safety ? { ...prepared, cashFloor: safety.floorWan } : prepared;
  const { model, variables: v } = buildLadderModel(data, { lots: 'ignore' });
  const bendable = new Set(['liquidityReserve', 'bankLocalDepositCap', 'fundTimeDepositShareCap', 'trancheShareCap', 'cashBalance', 'maxBondShare']);
  const variables: LpVariable[] = [...model.variables];
  const slackOf = new Map<number, number>();
  const rows: LpRow[] = model.rows.map((row, i) => {
    if (!bendable.has(row.rule)) return row;
    const j = variables.length;
    variables.push({ name: `slack[${row.name}]`, lower: 0, upper: Infinity, cost: row.rule === 'cashBalance' ? -100_000 : -100 });
    slackOf.set(j, i);
    return { ...row, terms: [...row.terms, [j, row.rule === 'liquidityReserve' ? 1 : -1] as const] };
  });
  const report = await highsBackend.solve({ ...model, variables, rows });
  if (report.primal !== 'feasiblePoint') return { placements: [], bends: [] };
  const bends: Bend[] = [];
  for (const [j, i] of slackOf) {
    const value = report.columnValues[j]!;
    if (value <= 1e-4) continue;
    const row = model.rows[i]!;
    bends.push({ monthKey: row.meta?.monthKey ?? '', rule: row.rule, ...(row.meta?.bankId ? { bankId: row.meta.bankId } : {}), ...(row.meta?.fundType ? { fundType: row.meta.fundType } : {}), shortWan: value });
  }
  const placements = planFromSolution(data, v, report.columnValues).filter((p) => Number(p.amount) >= minimumPlacementYuan(scenario, p.product));
  return { placements, bends };
}

/**
 * What the caps do to a plan before any solve, as data (wording lives in the apps):
 * - `capsNeedMoreBanks`: a cap needs more banks than can take new time deposits. Cap A at share a needs ⌈1/a⌉ banks
 *   in every tranche (25% → 4), cap C at share c needs max(⌈1/c⌉, minBanks) banks holding time deposits (20% → 5);
 *   with fewer eligible banks the plan places no new time deposits, or, for cap C, only as many as the existing
 *   deposits at other banks (`alsoHolding`) leave room for while they are outstanding.
 * - `holdingsOverCap`: a bank whose existing holdings alone are over cap B or C: no new money goes there in those
 *   months (docs/optimizer.md §5.5–5.6); how much over at the first such month end, and the first month from which
 *   new money may go there again (undefined if it stays over to the horizon's end).
 */
export type CapFinding =
  | {
      readonly kind: 'capsNeedMoreBanks';
      readonly cap: 'A' | 'C';
      readonly rule: 'trancheShareCap' | 'fundTimeDepositShareCap';
      /** The cap's share (for C as the policy sets it; `minBanks` says when the minimum bank count asks for more). */
      readonly share: DecimalType;
      readonly needed: number;
      /** Banks that can take new time deposits or CDs (cap A: the most in any one month). */
      readonly eligible: number;
      /** The policy's minimum bank count, when it (not the share) sets `needed`. */
      readonly minBanks?: number;
      /** Cap C: banks that take no new money but hold existing time deposits at the start. */
      readonly alsoHolding?: number;
    }
  | {
      readonly kind: 'holdingsOverCap';
      readonly bankId: string;
      readonly cap: 'B' | 'C';
      readonly rule: 'bankLocalDepositCap' | 'fundTimeDepositShareCap';
      readonly share: DecimalType;
      /** How far the existing holdings are over the cap at the end of `firstMonth` (yuan). */
      readonly overYuan: DecimalType;
      readonly firstMonth: MonthKey;
      readonly lastMonth: MonthKey;
      /** The first month after `lastMonth`, if inside the horizon: from then on the bank may take new money. */
      readonly newMoneyFrom?: MonthKey;
    };

/**
 * Whether the caps leave room for time deposits at all with the banks the scenario has: a pure function of the
 * scenario (and its prepared LP data, which says which banks have a time-deposit or CD option in which month).
 * @param scenario - a validated scenario
 * @param data - its `prepareLadderData`, if the caller has it
 * @returns one `capsNeedMoreBanks` finding per cap that needs more eligible banks than there are (none if time
 *   deposits and CDs are not allowed at all: that is an exclusion, said elsewhere)
 * @example capsNeedBanks(fourEligibleBanks).map((f) => [f.cap, f.needed, f.eligible]) //=> [['C', 5, 4]]
 * @see docs/domain.md §8.2 (20% → 5 banks, 25% → 4 per tranche), §8.1 [004]
 */
export function capsNeedBanks(scenario: Scenario, data: LadderData = prepareLadderData(scenario)): Array<Extract<CapFinding, { kind: 'capsNeedMoreBanks' }>> {
  const { caps, minBanks, allowedProducts } = scenario.policy;
  if (!allowedProducts.includes('timeDeposit') && !allowedProducts.includes('largeCd')) return [];
  const td = data.options.filter((o) => o.isTimeDeposit && o.bankId !== undefined);
  const perMonth = data.months.map((_, t) => new Set(td.filter((o) => o.rateByMonth[t] !== undefined).map((o) => o.bankId!)).size);
  const eligibleBanks = new Set(td.filter((o) => o.rateByMonth.some((r) => r !== undefined)).map((o) => o.bankId!));
  const out: Array<Extract<CapFinding, { kind: 'capsNeedMoreBanks' }>> = [];
  const neededA = new Decimal(1).div(caps.trancheShare).ceil().toNumber();
  const eligibleA = Math.max(0, ...perMonth);
  const byShareC = new Decimal(1).div(caps.fundTimeDepositShare).ceil().toNumber();
  const neededC = Math.max(byShareC, minBanks);
  if (eligibleBanks.size < neededC) {
    const alsoHolding = [...holdingsOverCaps(scenario).existingByBank.keys()].filter((b) => !eligibleBanks.has(b)).length;
    out.push({ kind: 'capsNeedMoreBanks', cap: 'C', rule: 'fundTimeDepositShareCap', share: caps.fundTimeDepositShare, needed: neededC, eligible: eligibleBanks.size, ...(minBanks > byShareC ? { minBanks } : {}), ...(alsoHolding ? { alsoHolding } : {}) });
  }
  if (eligibleA < neededA) out.push({ kind: 'capsNeedMoreBanks', cap: 'A', rule: 'trancheShareCap', share: caps.trancheShare, needed: neededA, eligible: eligibleA });
  return out;
}

/**
 * Banks whose existing holdings alone are over cap B or C ({@link holdingsOverCaps}), one finding per bank and cap:
 * the LP gives them no new money in those months, and the ledger reports the excess as a finding about the
 * starting position.
 * @example holdingsOverCapFindings(with44PercentAtIcbc).map((f) => [f.bankId, f.cap, f.lastMonth, f.newMoneyFrom]) //=> [['icbc', 'C', '2026-02', '2026-03']]
 */
export function holdingsOverCapFindings(scenario: Scenario): Array<Extract<CapFinding, { kind: 'holdingsOverCap' }>> {
  const { months, overCaps } = holdingsOverCaps(scenario);
  return overCaps.map((o) => {
    const first = o.overByMonth.findIndex((x) => x !== undefined);
    const last = o.overByMonth.findLastIndex((x) => x !== undefined);
    const next = last + 1 < months.length ? addMonthsToKey(months[last]!, 1) : undefined;
    return { kind: 'holdingsOverCap', bankId: o.bankId, cap: o.cap, rule: o.rule, share: o.share, overYuan: o.overByMonth[first]!.toDecimalPlaces(2, Decimal.ROUND_HALF_UP), firstMonth: months[first]!, lastMonth: months[last]!, ...(next ? { newMoneyFrom: next } : {}) };
  });
}

/**
 * Every cap finding for a scenario ({@link capsNeedBanks}, {@link holdingsOverCapFindings}): what `optimize` carries
 * in its result and `fundladder optimize` prints.
 */
export function capFindings(scenario: Scenario, data?: LadderData): CapFinding[] {
  return [...capsNeedBanks(scenario, data), ...holdingsOverCapFindings(scenario)];
}
