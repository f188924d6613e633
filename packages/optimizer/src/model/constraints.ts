import type { LpBuilder } from './lp';
import { type FundType, type MonthKey, fundShareWithMinBanks } from '@fundladder/core';
import { type LadderData, POOLED, yuanToWanFloat } from './data';
import type { LadderVariables } from './variables';
import { holdingsOverCaps, overAtStart } from './capsAtStart';

/** What the row functions of one {@link addConstraints} call share. */
interface RowContext {
  readonly lp: LpBuilder;
  readonly data: LadderData;
  readonly v: LadderVariables;
  /** Time-deposit options by bank. */
  readonly tdOptionsOf: ReadonlyMap<string, readonly number[]>;
  readonly capA: number;
  readonly capB: number;
  readonly capC: number;
  readonly atStart: ReturnType<typeof holdingsOverCaps>;
  /** Each bank's out[b][t] column of the month before (the stock-and-flow row chains them). */
  readonly outVarByBank: Map<string, number>;
}

/**
 * Adds the rows (docs/optimizer.md §Rows), each named and tagged with the rule it encodes:
 * cash balance per fund type and month, the reserve, the three Shenzhen caps (A tranche share, B local deposits, C fund share; C also carries the
 * minimum bank count), and the bond share.
 *
 * The rows are built by module-level functions of a {@link RowContext}, not by closures made inside this function: V8
 * keeps a function's optimized code only while some closure of it is alive, so closures made anew on each call lost
 * their compiled code at the next full garbage collection and were compiled again every few optimize calls of a sweep
 * (docs/sweep.md §6); and a row loop in one large function was re-optimized whenever it met a new object shape.
 */
export function addConstraints(lp: LpBuilder, data: LadderData, v: LadderVariables): void {
  const T = data.months.length;
  const { scenario } = data;
  const caps = scenario.policy.caps;

  // Cash balance: cash[f][t] = cash[f][t−1] + net flow + existing maturities + its placements coming back
  // with their own interest − its placements now.
  const column = cashColumns(data, v);
  for (let f = 0; f < data.fundTypes.length; f++) cashRows(lp, data, v, column, f);

  // Pooled stage: the pool's cash is exactly the sum of its tiers.
  for (let t = 0; t < v.tiers.length; t++) {
    const cash = v.cash.get(data.fundTypes[0]!)![t]!;
    const terms: Array<[number, number]> = [[cash, 1]];
    for (const j of v.tiers[t]!) terms.push([j, -1]);
    lp.addRow({ name: `cashTiers[${data.months[t]}]`, lower: 0, upper: 0, terms, rule: 'definition', meta: { monthKey: data.months[t]! } });
  }

  const tdOptions: number[] = [];
  for (let i = 0; i < data.options.length; i++) if (data.options[i]!.isTimeDeposit) tdOptions.push(i);
  const bankIds = [...new Set([...tdOptions.map((i) => data.options[i]!.bankId!), ...data.existingTimeDeposits.keys()])];
  const tdOptionsOf = new Map(bankIds.map((b) => [b, tdOptions.filter((i) => data.options[i]!.bankId === b)]));
  // The caps exactly as the rules say (no margin): cutting the LP's amounts to the fen can leave a bank a few fen
  // over, which extract/repairCapRounding.ts trims exactly. Cap C also carries the minimum bank count.
  const c: RowContext = {
    lp, data, v, tdOptionsOf,
    capC: fundShareWithMinBanks(caps.fundTimeDepositShare, scenario.policy.minBanks).toNumber(),
    capA: caps.trancheShare.toNumber(),
    capB: caps.bankLocalDepositShare.toNumber(),
    // Banks whose existing holdings alone are over cap B or C: no new money there in those months (docs/optimizer.md §5.6).
    atStart: holdingsOverCaps(scenario),
    outVarByBank: new Map<string, number>(),
  };
  for (let t = 0; t < T; t++) {
    const m = data.months[t]!;
    reserveRows(c, t, m);
    let existingTotal = 0;
    for (const row of data.existingTimeDeposits.values()) existingTotal += row[t]!;
    // Auxiliary totals keep the cap rows short (each cap row then has 2 terms, not hundreds).
    const trancheVar = aux(lp, `tranche[${m}]`);
    const totalVar = aux(lp, `timeDeposits[${m}]`);
    const trancheTerms: Array<[number, number]> = [[trancheVar, -1]];
    const totalTerms: Array<[number, number]> = [[totalVar, -1]];
    for (const b of bankIds) bankRows(c, t, m, b, existingTotal, trancheVar, totalVar, trancheTerms, totalTerms);
    lp.addRow({ name: `trancheDef[${m}]`, lower: 0, upper: 0, terms: trancheTerms, rule: 'definition', meta: { monthKey: m } });
    lp.addRow({ name: `timeDepositsDef[${m}]`, lower: 0, upper: 0, terms: totalTerms, rule: 'definition', meta: { monthKey: m } });
    bondShareRow(c, t, m, existingTotal);
  }
  addLiquidAtEnd(lp, data, v);
}

/** column[i][t][f]: fund type f's column of option i in month t, or −1 (instead of a search per row and option). */
function cashColumns(data: LadderData, v: LadderVariables): Int32Array[][] {
  const column: Int32Array[][] = [];
  for (let i = 0; i < data.options.length; i++) {
    const byMonth: Int32Array[] = [];
    for (let t = 0; t < data.months.length; t++) {
      const slots = new Int32Array(data.fundTypes.length).fill(-1);
      const funds = v.placeFund[i]![t]!;
      for (let k = 0; k < funds.length; k++) {
        const f = data.fundTypes.indexOf(funds[k]!);
        if (slots[f] === -1) slots[f] = v.place[i]![t]![k]!;
      }
      byMonth.push(slots);
    }
    column.push(byMonth);
  }
  return column;
}

/** The cash-balance rows of fund type `f`, one a month. */
function cashRows(lp: LpBuilder, data: LadderData, v: LadderVariables, column: readonly Int32Array[][], f: number): void {
  const ft = data.fundTypes[f]!;
  const cash = v.cash.get(ft)!;
  const net = data.netFlow.get(ft)!;
  const existing = data.existingCash.get(ft)!;
  for (let t = 0; t < data.months.length; t++) {
    const terms: Array<[number, number]> = [[cash[t]!, 1]];
    if (t > 0) terms.push([cash[t - 1]!, -1]);
    for (let i = 0; i < data.options.length; i++) {
      const o = data.options[i]!;
      const j = column[i]![t]![f]!;
      if (j >= 0) terms.push([j, 1]);
      const s0 = t - o.termMonths;
      if (s0 >= 0) {
        const j0 = column[i]![s0]![f]!;
        if (j0 >= 0) terms.push([j0, -(1 + o.paidAtMaturityPerWan[s0]!)]);
      }
    }
    const rhs = net[t]! + existing[t]! + (t === 0 ? data.openingCash.get(ft)! : 0);
    lp.addRow({ name: `cash[${ft}][${data.months[t]}]`, lower: rhs, upper: rhs, terms, rule: 'cashBalance', meta: { monthKey: data.months[t]!, fundType: ft } });
  }
}

/** A free auxiliary column (a total that keeps the cap rows short). */
function aux(lp: LpBuilder, name: string): number {
  return lp.addVariable({ name, lower: -Infinity, upper: Infinity, cost: 0 });
}

/** Option i's columns still outstanding in month t (placed in the last `termMonths` months), coefficient 1. */
function outstanding(data: LadderData, v: LadderVariables, i: number, t: number): Array<[number, number]> {
  const o = data.options[i]!;
  const out: Array<[number, number]> = [];
  for (let s = Math.max(0, t - o.termMonths + 1); s <= t; s++) for (const j of v.place[i]![s]!) out.push([j, 1]);
  return out;
}

/** Reserve: settlement cash + call deposits + 周转金 accounts ≥ the requirement (the fund's, and each fund type's when kept apart). */
function reserveRows(c: RowContext, t: number, m: MonthKey): void {
  const { lp, data, v } = c;
  const liquidTerms: Array<[number, number]> = data.fundTypes.map((ft) => [v.cash.get(ft)![t]!, 1]);
  for (let i = 0; i < data.options.length; i++) {
    if (data.options[i]!.isLiquid) liquidTerms.push(...outstanding(data, v, i, t));
  }
  const reserveRhs = data.reserve[t]! - data.sideBalance - data.existingLiquid[t]! - data.lateCash[t]!;
  lp.addRow({ name: `reserve[${m}]`, lower: reserveRhs, upper: Infinity, terms: liquidTerms, rule: 'liquidityReserve', meta: { monthKey: m } });
  // Per fund type, when the policy keeps fund types apart (the ledger then checks each fund type's own reserve).
  if (data.scenario.policy.keepFundTypesApart && !data.fundTypes.includes(POOLED)) {
    for (const ft of data.fundTypes as readonly FundType[]) {
      const terms: Array<[number, number]> = [[v.cash.get(ft)![t]!, 1]];
      for (let i = 0; i < data.options.length; i++) {
        if (!data.options[i]!.isLiquid) continue;
        for (let s = Math.max(0, t - data.options[i]!.termMonths + 1); s <= t; s++) {
          const k = v.placeFund[i]![s]!.indexOf(ft);
          if (k >= 0) terms.push([v.place[i]![s]![k]!, 1]);
        }
      }
      lp.addRow({ name: `reserve[${ft}][${m}]`, lower: data.reserveByFund.get(ft)![t]! - data.liquidOutsideByFund.get(ft)![t]! - data.lateCashByFund.get(ft)![t]!, upper: Infinity, terms, rule: 'liquidityReserve', meta: { monthKey: m, fundType: ft } });
    }
  }
}

/** Bank b's rows of month t: new and outstanding placements (definitions), caps B, A and C. */
function bankRows(c: RowContext, t: number, m: MonthKey, b: string, existingTotal: number, trancheVar: number, totalVar: number, trancheTerms: Array<[number, number]>, totalTerms: Array<[number, number]>): void {
  const { lp, data, v, atStart } = c;
  const mine = c.tdOptionsOf.get(b)!;
  const existing = data.existingTimeDeposits.get(b)?.[t] ?? 0;
  // new[b][t] and out[b][t] (placed part only; existing is a constant on the right-hand side).
  const newTerms: Array<[number, number]> = [];
  for (const i of mine) for (const j of v.place[i]![t]!) newTerms.push([j, 1]);
  // Stock and flow: out[b][t] = out[b][t−1] + placed now − placed τ months ago (short rows, whatever the terms).
  const outTerms: Array<[number, number]> = [];
  for (const [j] of newTerms) outTerms.push([j, -1]);
  for (const i of mine) {
    const s0 = t - data.options[i]!.termMonths;
    if (s0 >= 0) for (const j of v.place[i]![s0]!) outTerms.push([j, 1]);
  }
  const previousOut = c.outVarByBank.get(b);
  if (previousOut !== undefined) outTerms.push([previousOut, -1]);
  let newVar: number | undefined;
  let outVar: number | undefined;
  if (newTerms.length) {
    newVar = aux(lp, `new[${b}][${m}]`);
    newTerms.push([newVar, -1]);
    lp.addRow({ name: `newDef[${b}][${m}]`, lower: 0, upper: 0, terms: newTerms, rule: 'definition', meta: { monthKey: m, bankId: b } });
    trancheTerms.push([newVar, 1]);
  }
  if (mine.length) {
    outVar = aux(lp, `out[${b}][${m}]`);
    c.outVarByBank.set(b, outVar);
    outTerms.push([outVar, 1]);
    lp.addRow({ name: `outDef[${b}][${m}]`, lower: 0, upper: 0, terms: outTerms, rule: 'definition', meta: { monthKey: m, bankId: b } });
    totalTerms.push([outVar, 1]);
    // Cap B: placed + existing ≤ share × local general deposits; where the existing holdings alone are over, nothing placed.
    lp.addRow({ name: `capB[${b}][${m}]`, lower: -Infinity, upper: overAtStart(atStart, b, 'B', t) ? 0 : Math.max(0, c.capB * data.localDeposits.get(b)! - existing), terms: [[outVar, 1]], rule: 'bankLocalDepositCap', meta: { monthKey: m, bankId: b } });
  }
  if (newVar !== undefined) {
    // Cap A: new[b] ≤ share × tranche.
    lp.addRow({ name: `capA[${b}][${m}]`, lower: -Infinity, upper: 0, terms: [[newVar, 1], [trancheVar, -c.capA]], rule: 'trancheShareCap', meta: { monthKey: m, bankId: b } });
  }
  // Cap C: out[b] + existing ≤ share × (all placed + all existing). Where the existing holdings alone are over
  // (share of the existing total), nothing placed at b instead: the plan cannot be asked to dilute the starting
  // position, and the ledger reports that excess as a finding, not the plan's break.
  if (overAtStart(atStart, b, 'C', t)) {
    if (outVar !== undefined) lp.addRow({ name: `capC[${b}][${m}]`, lower: -Infinity, upper: 0, terms: [[outVar, 1]], rule: 'fundTimeDepositShareCap', meta: { monthKey: m, bankId: b } });
  } else {
    const capCTerms: Array<[number, number]> = [[totalVar, -c.capC]];
    if (outVar !== undefined) capCTerms.push([outVar, 1]);
    lp.addRow({ name: `capC[${b}][${m}]`, lower: -Infinity, upper: c.capC * existingTotal - existing, terms: capCTerms, rule: 'fundTimeDepositShareCap', meta: { monthKey: m, bankId: b } });
  }
}

/** Bond share of placed money in month t (no row when the policy allows all bonds). */
function bondShareRow(c: RowContext, t: number, m: MonthKey, existingTotal: number): void {
  const { lp, data, v } = c;
  const maxBond = data.scenario.policy.maxBondShare.toNumber();
  if (maxBond >= 1) return;
  const terms: Array<[number, number]> = [];
  for (let i = 0; i < data.options.length; i++) {
    const coefficient = (data.options[i]!.product === 'govBond' ? 1 : 0) - maxBond;
    for (const [j] of outstanding(data, v, i, t)) terms.push([j, coefficient]);
  }
  const existingPlaced = existingTotal + data.existingBonds[t]! + data.existingLiquid[t]!;
  lp.addRow({ name: `bondShare[${m}]`, lower: -Infinity, upper: maxBond * existingPlaced - data.existingBonds[t]!, terms, rule: 'maxBondShare', meta: { monthKey: m } });
}

/**
 * `liquidAtEnd[m]` for the last month m (docs/optimizer.md §5.11): liquid money at the horizon end — the settlement cash, the plan's
 * call deposits still outstanding, the constant 周转金 accounts and existing call/agreed holdings, as in the
 * reserve row (§5.2) — at least `policy.liquidAtEnd`. One row for the whole fund (the ledger's `liquidAtEnd` check);
 * absent when the policy asks for nothing. The split stage needs no row of its own: it keeps every total.
 *
 * @param lp - The builder.
 * @param data - The data (pooled or per fund type).
 * @param v - The variables.
 * @example
 * // policy.liquidAtEnd '500000000.00', 36 months, 周转金 2,900万: cash[…][2028-12] + call deposits ≥ 50,000 − 2,900 − existing call
 * addLiquidAtEnd(lp, data, v) // adds liquidAtEnd[2028-12]
 */
export function addLiquidAtEnd(lp: LpBuilder, data: LadderData, v: LadderVariables): void {
  const required = data.scenario.policy.liquidAtEnd;
  if (!required) return;
  const t = data.months.length - 1;
  const m = data.months[t]!;
  const terms: Array<[number, number]> = data.fundTypes.map((ft) => [v.cash.get(ft)![t]!, 1]);
  data.options.forEach((o, i) => {
    if (!o.isLiquid) return;
    for (let s = Math.max(0, t - o.termMonths + 1); s <= t; s++) for (const j of v.place[i]![s]!) terms.push([j, 1]);
  });
  lp.addRow({ name: `liquidAtEnd[${m}]`, lower: yuanToWanFloat(required) - data.sideBalance - data.existingLiquid[t]! - data.lateCash[t]!, upper: Infinity, terms, rule: 'liquidAtEnd', meta: { monthKey: m } });
}
