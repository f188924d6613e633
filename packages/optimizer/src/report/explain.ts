import { type Decimal as DecimalType, type MonthKey, type Scenario, Decimal, addMonthsToKey } from '@fundladder/core';
import type { LpModel, LpRow, LpVariable } from '../model/lp';
import { type LadderData, minimumPlacementYuan, prepareLadderData } from '../model/data';
import type { SafetyFloors } from '../model/safety';
import { holdingsOverCaps } from '../model/capsAtStart';
import { buildLadderModel } from '../model/buildLadderModel';
import { highsBackend } from '../backends/highs';
import type { OptimizeResult } from '../optimize';
import { type WirePlacement, planFromSolution } from '../extract/planFromSolution';

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

/**
 * Which rules bind the optimum and what they cost, in a fund manager's words, from the LP's shadow
 * prices (per unit increase of a row's bound; duals are not unique on this kind of model, so every
 * figure is "about", and linear beyond the point is an extrapolation — docs/solver-notes.md §6).
 */
export function explainBinding(result: OptimizeResult, lang: 'zh' | 'en'): string[] {
  if (result.status !== 'optimal' || result.relaxed.report.dual !== 'feasiblePoint') {
    return [lang === 'zh' ? '没有对偶解（混合整数或求解器未给出），无法给出影子价格。' : 'No duals (a MIP, or the solver gave none): no shadow prices to report.'];
  }
  const { data } = result;
  const { model, report } = result.relaxed;
  const lines: string[] = [];
  const dual = (i: number) => report.rowDuals[i] ?? 0;
  // Reserve: a ≥ row; raising its bound by 1万元 changes interest by dual (≤ 0).
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
  if (reservePerWan !== 0) {
    lines.push(lang === 'zh'
      ? `流动性储备在 ${bindingMonths} 个月起约束作用：每多留 1 个月支出的储备，约少得 ${fmt(-extraMonthCost)} 万元利息`
      : `The liquidity reserve binds in ${bindingMonths} month(s): each extra month of payouts kept in reserve costs about ${fmt(-extraMonthCost)}万 of interest`);
  }
  const capText: Record<string, { zh: string; en: string }> = {
    bankLocalDepositCap: { zh: '上限B（占其一般性存款20%）', en: 'cap B (20% of its local deposits)' },
    fundTimeDepositShareCap: { zh: '上限C（占基金定期20%）', en: 'cap C (20% of the fund’s time deposits)' },
    trancheShareCap: { zh: '上限A（占当月新增25%）', en: 'cap A (25% of the month’s tranche)' },
    maxBondShare: { zh: '国债占比上限', en: 'the bond-share limit' },
  };
  const caps = model.rows
    .map((row, i) => ({ row, value: dual(i) }))
    .filter(({ row, value }) => capText[row.rule] && value > 1e-9)
    .sort((a, b) => b.value - a.value);
  for (const { row, value } of caps.slice(0, 6)) {
    const perYi = value * 10_000;
    const who = row.meta?.bankId ?? '';
    lines.push(lang === 'zh'
      ? `${row.meta?.monthKey} ${who} 的${capText[row.rule]!.zh}：放宽 1 亿元约多得 ${fmt(perYi)} 万元利息`
      : `${capText[row.rule]!.en} at ${who} in ${row.meta?.monthKey}: raising it by 1亿 would add about ${fmt(perYi)}万 of interest`);
  }
  if (caps.length > 6) lines.push(lang === 'zh' ? `另有 ${caps.length - 6} 条上限约束起作用（--json 查看）` : `${caps.length - 6} more binding cap rows`);
  if (!lines.length) lines.push(lang === 'zh' ? '没有规则约束结果：利率本身决定了计划。' : 'No rule binds: the rates alone decide the plan.');
  return lines;
}

/** A rule that binds the optimum and what it costs, as a fact (the application layer words it). */
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

/** The rules an explanation names, in words (not their ids) in both languages. */
const zhRule: Record<string, string> = { liquidityReserve: '流动性储备', bankLocalDepositCap: '上限B', fundTimeDepositShareCap: '上限C', trancheShareCap: '上限A', cashBalance: '险种现金', maxBondShare: '国债占比' };
const enRule: Record<string, string> = { liquidityReserve: 'the liquidity reserve', bankLocalDepositCap: 'cap B', fundTimeDepositShareCap: 'cap C', trancheShareCap: 'cap A', cashBalance: "a fund type's cash", maxBondShare: 'the bond-share limit' };

export interface InfeasibilityExplanation {
  readonly shortfalls: ReadonlyArray<{ monthKey: string; rule: string; bankId?: string; fundType?: string; shortWan: number }>;
  readonly lines: { zh: string[]; en: string[] };
  /** What would fix it, one line per bent rule (the largest bend of each): {@link infeasibilityFixes}. */
  readonly fixes: { zh: string[]; en: string[] };
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
 * from another's money); for a cap, the cap to raise or the banks to add. The largest bend of each rule, in both
 * languages; amounts are the LP's (万元, one decimal), as in the explanation's other lines.
 */
export function infeasibilityFixes(shortfalls: InfeasibilityExplanation['shortfalls'], context: { reserve: Scenario['policy']['reserve']; extraReserve: boolean; months: readonly string[]; outflowWan: readonly number[]; requiredWan: readonly number[] }): { zh: string[]; en: string[] } {
  const zh: string[] = [];
  const en: string[] = [];
  const largest = new Map<string, InfeasibilityExplanation['shortfalls'][number]>();
  for (const s of shortfalls) if (!largest.has(s.rule) || largest.get(s.rule)!.shortWan < s.shortWan) largest.set(s.rule, s);
  // Money brought in stays: the largest reserve shortfall, there by the first month short, covers every month after.
  const firstOf = (rule: string, fundType?: string) => shortfalls.filter((s) => s.rule === rule && (fundType === undefined || s.fundType === fundType)).map((s) => s.monthKey).sort()[0]!;
  const reserve = largest.get('liquidityReserve');
  if (reserve) {
    const total = shortfalls.filter((s) => s.rule === 'liquidityReserve' && !s.fundType);
    const index = new Map(context.months.map((m, t) => [m, t]));
    if (context.reserve.rule === 'monthsOfPayouts' && !context.extraReserve && total.length && total.length === shortfalls.filter((s) => s.rule === 'liquidityReserve').length) {
      const k = mostReserveMonths(context.reserve.months, context.outflowWan, context.requiredWan, total.map((s) => ({ t: index.get(s.monthKey) ?? 0, shortWan: s.shortWan })));
      zh.push(`可行的做法：流动性储备至多 ${k} 个月支付（现为 ${context.reserve.months} 个月），或从 ${firstOf('liquidityReserve')} 起另有 ${fmt(reserve.shortWan)} 万元流动资金`);
      en.push(`What would fix it: a reserve of at most ${k} month${k === 1 ? '' : 's'} of payouts (now ${context.reserve.months}), or ${fmt(reserve.shortWan)}万 more liquid money from ${firstOf('liquidityReserve')} on`);
    } else {
      zh.push(`可行的做法：${reserve.monthKey} 的流动性储备要求降低 ${fmt(reserve.shortWan)} 万元${reserve.fundType ? `（${reserve.fundType}）` : ''}，或另有同样多的流动资金`);
      en.push(`What would fix it: a reserve ${fmt(reserve.shortWan)}万 lower in ${reserve.monthKey}${reserve.fundType ? ` (${reserve.fundType})` : ''}, or that much more liquid money`);
    }
  }
  // A fund type's cash bends by money that is not there, added in the month it is short and kept: its total is what it
  // lacks, from the first month short.
  for (const fundType of new Set(shortfalls.filter((s) => s.rule === 'cashBalance').map((s) => s.fundType))) {
    const lacking = shortfalls.filter((s) => s.rule === 'cashBalance' && s.fundType === fundType).reduce((acc, s) => acc + s.shortWan, 0);
    const from = firstOf('cashBalance', fundType);
    zh.push(`${fundType ?? '某险种'} 自身资金不足以支付：从 ${from} 起共差 ${fmt(lacking)} 万元，需要调剂金或财政补助（一个险种不能用别的险种的钱），或核对收支数据`);
    en.push(`${fundType ?? 'A fund type'} cannot pay its own payouts: ${fmt(lacking)}万 short in all from ${from} on; it needs money from outside (调剂金 or a fiscal subsidy; one fund type may not pay from another's money), or its flows need checking`);
  }
  for (const rule of ['trancheShareCap', 'bankLocalDepositCap', 'fundTimeDepositShareCap', 'maxBondShare']) {
    const c = largest.get(rule);
    if (!c) continue;
    zh.push(`可行的做法：放宽${zhRule[rule] ?? rule}${rule === 'maxBondShare' ? '' : '或增加可存放的银行'}（${c.monthKey}${c.bankId ? ` ${c.bankId}` : ''} 超出 ${fmt(c.shortWan)} 万元）`);
    en.push(`What would fix it: a higher ${enRule[rule] ?? rule}${rule === 'maxBondShare' ? '' : ' or more eligible banks'} (${c.monthKey}${c.bankId ? ` ${c.bankId}` : ''} over by ${fmt(c.shortWan)}万)`);
  }
  return { zh, en };
}

/**
 * Explains an infeasible scenario: solves an elastic version in which the reserve and the bank caps may bend
 * at a cost of 1 per 万元 and each fund type's cash at 1,000 (money that is not there), minimising the bend, and reports every month
 * and rule that had to bend and by how much (docs/solver-notes.md §7: relaxing only the rule rows works; IIS did
 * not). Same flows and extra reserve as the `optimize` call it explains. Never a crash or an empty answer.
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
  const shortfalls: Array<{ monthKey: string; rule: string; bankId?: string; fundType?: string; shortWan: number }> = [];
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
  const byRule = new Map<string, number>();
  for (const s of shortfalls) byRule.set(s.rule, (byRule.get(s.rule) ?? 0) + 1);
  const worst = [...shortfalls].sort((a, b) => b.shortWan - a.shortWan)[0];
  const zh: string[] = [];
  const en: string[] = [];
  if (!shortfalls.length) {
    zh.push(report.primal === 'feasiblePoint' ? '弹性模型无需突破任何规则：不可行来自其他约束（如现金为负的存量安排）。' : `弹性模型也未求解（${report.termination}）。`);
    en.push(report.primal === 'feasiblePoint' ? 'The elastic model bends no rule: the infeasibility comes from elsewhere.' : `The elastic model did not solve either (${report.termination}).`);
  } else {
    const first = shortfalls[0]!;
    zh.push(`从 ${first.monthKey} 起不可行：${[...byRule].map(([r, n]) => `${zhRule[r] ?? r} ${n} 个月次`).join('，')}`);
    en.push(`Infeasible from ${first.monthKey}: ${[...byRule].map(([r, n]) => `${enRule[r] ?? r} in ${n} month(s)`).join(', ')}`);
    // A reserve or a fund's cash is short; a cap is exceeded (the bend of a cap row is money above the cap).
    const isCap = (rule: string) => rule !== 'liquidityReserve' && rule !== 'cashBalance';
    if (worst) {
      zh.push(`最大${isCap(worst.rule) ? '超出' : '短缺'}：${worst.monthKey} ${zhRule[worst.rule] ?? worst.rule}${worst.bankId ? `（${worst.bankId}）` : ''}${worst.fundType ? `（${worst.fundType}）` : ''} ${isCap(worst.rule) ? '超出' : '短缺'} ${fmt(worst.shortWan)} 万元`);
      en.push(`Largest ${isCap(worst.rule) ? 'excess' : 'shortfall'}: ${worst.monthKey}, ${enRule[worst.rule] ?? worst.rule}${worst.bankId ? ` at ${worst.bankId}` : ''}${worst.fundType ? ` (${worst.fundType})` : ''}, ${isCap(worst.rule) ? 'over' : 'short'} by ${fmt(worst.shortWan)}万`);
    }
    for (const s of shortfalls.slice(0, 12)) {
      zh.push(`${s.monthKey} ${zhRule[s.rule] ?? s.rule}${s.bankId ? ` ${s.bankId}` : ''}${s.fundType ? ` ${s.fundType}` : ''}：${isCap(s.rule) ? '超出' : '短缺'} ${fmt(s.shortWan)} 万元`);
      en.push(`${s.monthKey} ${enRule[s.rule] ?? s.rule}${s.bankId ? ` ${s.bankId}` : ''}${s.fundType ? ` ${s.fundType}` : ''}: ${isCap(s.rule) ? 'over' : 'short'} by ${fmt(s.shortWan)}万`);
    }
    if (shortfalls.length > 12) {
      zh.push(`……另有 ${shortfalls.length - 12} 处`);
      en.push(`… ${shortfalls.length - 12} more`);
    }
  }
  const fixes = infeasibilityFixes(shortfalls, { reserve: scenario.policy.reserve, extraReserve: (options.extraReserve ?? []).some((x) => x.gt(0)), months: data.months, outflowWan: data.outflow, requiredWan: data.reserve });
  return { shortfalls, lines: { zh, en }, fixes };
}

/** What the elastic plan had to bend: rule, month, and how much (万元). */
export type Bend = InfeasibilityExplanation['shortfalls'][number];

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
