import { type Decimal as DecimalType, type Evaluation, type LedgerMonth, type MonthlyFlow, type Scenario, Decimal, ZERO, evaluatePlan, indexScenario } from '@fundladder/core';
import type { LpRow, LpVariable } from '../model/lp';
import { highsBackend } from '../backends/highs';
import type { WirePlacement } from './planFromSolution';

const CAP_RULES = new Set(['trancheShareCap', 'fundTimeDepositShareCap', 'bankLocalDepositCap']);
const MINIMUM_RULES = new Set(['timeDepositMinimum', 'largeCdMinimumLot', 'callDepositMinimum']);
/**
 * A cap broken by no more than this (yuan) is an effect of cutting the LP's amounts to the fen at a bank the LP
 * left at its cap (or of the solver's float tolerance on a large cap row); a larger break is not rounding and is
 * left for the ledger to report. It is also the most the repair takes off any one placement.
 */
const ROUNDING_YUAN = new Decimal(10_000);
/** Cash overdrawn by no more than this (yuan) is the fen rounding of interest postings against the LP's floats. */
const CASH_ROUNDING_YUAN = new Decimal(1);
const FEN = new Decimal('0.01');
const LEDGER_PASSES = 20;
/** LP solves of the cap cuts, each with margins on the rows the last one's rounding left short. */
const MARGIN_PASSES = 4;
/**
 * Fen that may be added to one placement (from its fund type's cash) when no cuts alone bring the caps within their
 * rules ({@link capCuts}); the ledger checks the cash again, and the cash repair takes back an overdraft of a fen.
 */
const RAISE_FEN = 100n;
/** Cost of a fen added against a fen cut: a raise spends cash, so cuts come first. */
const RAISE_COST = 2;
/** Seconds: the repair model has a few dozen columns; a safety net only. */
const REPAIR_TIME_LIMIT_SECONDS = 20;

const isTermDeposit = (p: WirePlacement) => p.product === 'timeDeposit' || p.product === 'largeCd';
const fenOf = (yuan: DecimalType): bigint => BigInt(yuan.times(100).toFixed(0));

/** A cap row in whole fen: Σ coef_k · cut_k ≥ need (need = how far over the row is before any cut, × the cap's denominator). */
export interface CutRow {
  readonly name: string;
  readonly rule: string;
  readonly terms: ReadonlyArray<readonly [number, bigint]>;
  readonly need: bigint;
}

/** A share as a fraction num/den of integers (0.25 → 1/4, 0.3 → 3/10). */
function fraction(share: DecimalType): { num: bigint; den: bigint } {
  const [num, den] = share.toFraction();
  return { num: BigInt(num!.toFixed(0)), den: BigInt(den!.toFixed(0)) };
}

interface CutPiece {
  readonly bankId: string;
  readonly start: number;
  readonly end: number;
  readonly fen: bigint;
  readonly maxCut: bigint;
  readonly maxRaise: bigint;
}

/** The banks of the pieces at `ks`, in order of first appearance. */
function banksOf(pieces: readonly CutPiece[], ks: readonly number[]): Set<string> {
  const banks = new Set<string>();
  for (const k of ks) banks.add(pieces[k]!.bankId);
  return banks;
}

/** The indices among `ks` of the pieces at `bankId`. */
function ofBank(pieces: readonly CutPiece[], ks: readonly number[], bankId: string): number[] {
  const own: number[] = [];
  for (const k of ks) if (pieces[k]!.bankId === bankId) own.push(k);
  return own;
}

function fenTotal(pieces: readonly CutPiece[], ks: readonly number[]): bigint {
  let total = 0n;
  for (const k of ks) total += pieces[k]!.fen;
  return total;
}

/** A share cap's terms over the pieces at `ks`: den − num for the bank's own pieces, −num for the others'. */
function shareTerms(pieces: readonly CutPiece[], ks: readonly number[], bankId: string, share: { num: bigint; den: bigint }): Array<readonly [number, bigint]> {
  const terms: Array<readonly [number, bigint]> = [];
  for (const k of ks) terms.push([k, pieces[k]!.bankId === bankId ? share.den - share.num : -share.num]);
  return terms;
}

/** The same coefficient for the pieces at `ks`. */
function sameTerms(ks: readonly number[], coef: bigint): Array<readonly [number, bigint]> {
  const terms: Array<readonly [number, bigint]> = [];
  for (const k of ks) terms.push([k, coef]);
  return terms;
}

/** Adds `row` to `rows` unless it is over by more than rounding (the ledger's to report) or no allowed cut (or raise) can break it. */
function keepRow(rows: CutRow[], pieces: readonly CutPiece[], roundingFen: bigint, row: CutRow, den: bigint): void {
  if (row.need > den * roundingFen) return;
  let most = 0n;
  for (const [k, coef] of row.terms) most += coef < 0n ? -coef * pieces[k]!.maxCut : coef * pieces[k]!.maxRaise;
  if (row.need <= -most) return;
  rows.push(row);
}

/**
 * The cap rows as the ledger checks them, written over the cuts (whole fen) of the plan's time deposits and CDs,
 * every coefficient an integer: with a cap num/den, cap A is den·n_b − num·N ≤ 0 for each bank's new money n_b in
 * a month's tranche N; cap C is den·(E_b + O_b) − num·(E + O) ≤ 0 for each bank holding the plan's money at a
 * month end (existing part E, the plan's part O); cap B is den·(E_b + O_b) ≤ num·L_b. A cut c_k lowers a
 * placement's amount, so each row becomes Σ coef·c ≥ (its excess before the cut). Rows over by more than
 * {@link ROUNDING_YUAN} are not rounding and are left out (the ledger reports them), and so are rows that no
 * allowed cut can break.
 */
function cutRows(scenario: Scenario, months: readonly LedgerMonth[], pieces: readonly CutPiece[], evaluatedByMonth: ReadonlyArray<ReadonlyMap<string, DecimalType>>): CutRow[] {
  const caps = scenario.policy.caps;
  const a = fraction(caps.trancheShare);
  const b = fraction(caps.bankLocalDepositShare);
  const c = fraction(caps.fundTimeDepositShare);
  const rows: CutRow[] = [];
  const roundingFen = fenOf(ROUNDING_YUAN);
  const banks = indexScenario(scenario).banks;
  // Plain loops, no callbacks: this runs once a plan, so closures made here would lose their optimized code at the
  // next full garbage collection and be compiled again for the next plan (docs/sweep.md §6).
  for (const [t, month] of months.entries()) {
    // The existing part per bank: the ledger's total less the plan's part as evaluated.
    const existing = new Map<string, bigint>();
    let existingTotal = 0n;
    for (const [bankId, total] of month.timeDepositsByBank) {
      const fen = fenOf(total.minus(evaluatedByMonth[t]!.get(bankId) ?? ZERO));
      existing.set(bankId, fen);
      existingTotal += fen;
    }
    const out: number[] = [];
    const made: number[] = [];
    let outTotal = 0n;
    let madeTotal = 0n;
    for (const [k, p] of pieces.entries()) {
      if (p.start <= t && t < p.end) {
        out.push(k);
        outTotal += p.fen;
      }
      if (p.start === t) {
        made.push(k);
        madeTotal += p.fen;
      }
    }
    for (const bankId of banksOf(pieces, out)) {
      const own = ofBank(pieces, out, bankId);
      const held = (existing.get(bankId) ?? 0n) + fenTotal(pieces, own);
      // Cap C: cutting own money lowers the left side by (den − num) per fen, cutting another bank's raises it by num.
      keepRow(rows, pieces, roundingFen, { name: `capC[${bankId}][${month.month}]`, rule: 'fundTimeDepositShareCap', need: c.den * held - c.num * (existingTotal + outTotal), terms: shareTerms(pieces, out, bankId, c) }, c.den);
      const bank = banks.get(bankId);
      if (bank) keepRow(rows, pieces, roundingFen, { name: `capB[${bankId}][${month.month}]`, rule: 'bankLocalDepositCap', need: b.den * held - b.num * fenOf(bank.localGeneralDeposits), terms: sameTerms(own, b.den) }, b.den);
    }
    for (const bankId of banksOf(pieces, made)) {
      const ownFen = fenTotal(pieces, ofBank(pieces, made, bankId));
      keepRow(rows, pieces, roundingFen, { name: `capA[${bankId}][${month.month}]`, rule: 'trancheShareCap', need: a.den * ownFen - a.num * madeTotal, terms: shareTerms(pieces, made, bankId, a) }, a.den);
    }
  }
  return rows;
}

/** The total shortfall of `rows` at `cuts` (Σ over rows of need − left side, where positive). */
function shortfall(rows: readonly CutRow[], cuts: readonly bigint[]): bigint {
  return rows.reduce((acc, r) => {
    const lhs = r.terms.reduce((x, [k, coef]) => x + coef * cuts[k]!, 0n);
    return lhs < r.need ? acc + (r.need - lhs) : acc;
  }, 0n);
}

/**
 * Mends a rounded point of the cut rows in whole fen, greedily: while some row is short, the cut with a positive
 * coefficient in it that leaves the least total shortfall across all rows takes the fen it needs. A few knife-edge rows
 * are left short when the LP's point is rounded up (a bank exactly at its share of a total that the rounding lowered);
 * this mends them without the integer program. Returns the point, or undefined when a row cannot be mended this way.
 * @internal exported for its test
 */
export function mendRounding(rows: readonly CutRow[], start: readonly bigint[], maxCut: readonly bigint[]): bigint[] | undefined {
  const cuts = [...start];
  for (let step = 0; step < 4 * rows.length; step++) {
    let worst: { row: CutRow; deficit: bigint } | undefined;
    for (const row of rows) {
      const lhs = row.terms.reduce((x, [k, coef]) => x + coef * cuts[k]!, 0n);
      if (lhs < row.need && (!worst || row.need - lhs > worst.deficit)) worst = { row, deficit: row.need - lhs };
    }
    if (!worst) return cuts;
    let best: { k: number; by: bigint; left: bigint } | undefined;
    for (const [k, coef] of worst.row.terms) {
      if (coef <= 0n) continue;
      const by = (worst.deficit + coef - 1n) / coef;
      if (cuts[k]! + by > maxCut[k]!) continue;
      cuts[k] = cuts[k]! + by;
      const left = shortfall(rows, cuts);
      cuts[k] = cuts[k]! - by;
      if (!best || left < best.left || (left === best.left && by < best.by)) best = { k, by, left };
    }
    if (!best) return undefined;
    cuts[best.k] = cuts[best.k]! + best.by;
  }
  return undefined;
}

/**
 * The fewest fen to take off the plan's time deposits and CDs so that every cap holds exactly as the ledger checks
 * it, in whole fen ({@link cutRows}): the LP relaxation (HiGHS) rounded up and mended ({@link mendRounding}), and
 * only when that fails the integer program (measured on the sample's safe plan, 129 cuts and 148 rows: 40 ms
 * against 2.5 s for the integer program, which spends it finding a first point), each placement cut by at most
 * {@link ROUNDING_YUAN}, a time deposit kept at its minimum and a CD at its lot (not cut at all where CDs go up in
 * lot increments). Cutting one bank lowers the month's total and can tip the others over (five banks at exactly 20%
 * must hold exactly the same, to the fen; a tranche shared by four banks at 25% likewise), and a placement counts in
 * its tranche and in every month it is outstanding, so the cuts are chosen together, not bank by bank. The answer is
 * checked again in exact integers before it is used. When no cuts alone exist, up to {@link RAISE_FEN} may also be
 * added to a placement (from its fund type's cash), cuts first ({@link RAISE_COST}).
 * @returns fen to cut per placement index (negative: fen added), or undefined when no such change exists (the ledger
 * then reports the break)
 */
async function capCuts(scenario: Scenario, months: readonly LedgerMonth[], evaluated: readonly WirePlacement[], placements: readonly WirePlacement[]): Promise<Map<number, bigint> | undefined> {
  const index = new Map(months.map((m, t) => [m.month as string, t]));
  const span = (p: WirePlacement): [number, number] => {
    const s = index.get(p.month) ?? -1;
    return [s, Math.min(s + p.termMonths, months.length)];
  };
  // The plan's part of each bank's time deposits per month, as the ledger evaluated it.
  const evaluatedByMonth = months.map(() => new Map<string, DecimalType>());
  for (const p of evaluated) {
    if (!p.bankId || !isTermDeposit(p)) continue;
    const [s, end] = span(p);
    for (let t = Math.max(0, s); t < end; t++) evaluatedByMonth[t]!.set(p.bankId, (evaluatedByMonth[t]!.get(p.bankId) ?? ZERO).plus(p.amount));
  }
  const { timeDeposit, largeCd } = scenario.products;
  const stepped = largeCd.lotIncrement !== undefined && !largeCd.lotIncrement.isZero();
  const maxCutFen = fenOf(ROUNDING_YUAN);
  const positions: number[] = [];
  const pieces: CutPiece[] = [];
  placements.forEach((p, k) => {
    if (!p.bankId || !isTermDeposit(p)) return;
    const [start, end] = span(p);
    if (start < 0) return;
    const fen = fenOf(new Decimal(p.amount));
    const floor = p.product === 'largeCd' ? (stepped ? fen : fenOf(largeCd.minimumLot)) : fenOf(timeDeposit.minimumAmount);
    const room = fen - floor;
    positions.push(k);
    pieces.push({ bankId: p.bankId, start, end, fen, maxCut: room <= 0n ? 0n : room < maxCutFen ? room : maxCutFen, maxRaise: p.product === 'largeCd' && stepped ? 0n : RAISE_FEN });
  });
  const cutOnly = pieces.map((p) => ({ ...p, maxRaise: 0n }));
  const rows = cutRows(scenario, months, cutOnly, evaluatedByMonth);
  if (!rows.some((r) => r.need > 0n)) return new Map();
  let net = await solveCuts(rows, cutOnly.map((p) => p.maxCut));
  if (!net) {
    // No cuts alone exist when a bank's only cuttable money in a month sits in a tranche it shares at exactly cap A
    // with the bank its cap C share is measured against: cutting it cuts that bank as well (the sample's safe plan at
    // reserveMonths=1, confidence 0.86: psbc, cib, citic and city at 25% each of the 2026-05 tranche, and in 2026-06
    // icbc and citic a fraction of a fen over 20% because city's three parts were each rounded down). Then a fen may
    // also be added to a placement: column n + k raises placement k, with the cut's coefficients negated.
    const both = cutRows(scenario, months, pieces, evaluatedByMonth);
    const n = pieces.length;
    const raised = both.map((r) => ({ ...r, terms: [...r.terms, ...r.terms.map(([k, coef]) => [n + k, -coef] as const)] }));
    const point = await solveCuts(raised, [...pieces.map((p) => p.maxCut), ...pieces.map((p) => p.maxRaise)], (k) => (k < n ? 1 : RAISE_COST));
    net = point?.slice(0, n).map((cut, k) => cut - point[n + k]!);
  }
  if (!net) return undefined;
  return new Map(net.flatMap((fen, k) => (fen !== 0n ? [[positions[k]!, fen] as [number, bigint]] : [])));
}

/**
 * The point of least cost (in whole fen, each column between 0 and its bound) that keeps every row, checked in exact
 * integers: the LP relaxation (HiGHS) rounded up, with margins on the rows the rounding left short, then mended fen by
 * fen ({@link mendRounding}), and only when all that fails the integer program.
 * @returns the point, or undefined when none exists (or the solver finds none in its time)
 */
async function solveCuts(rows: readonly CutRow[], bounds: readonly bigint[], cost: (k: number) => number = () => 1): Promise<bigint[] | undefined> {
  const keeps = (cuts: readonly bigint[]) => rows.every((r) => r.terms.reduce((acc, [k, coef]) => acc + coef * cuts[k]!, 0n) >= r.need);
  const clamp = (value: bigint, k: number) => (value < 0n ? 0n : value > bounds[k]! ? bounds[k]! : value);
  const lpRows = (margin: ReadonlyMap<number, bigint> = new Map()): LpRow[] => rows.map((r, i) => ({ name: r.name, lower: Number(r.need + (margin.get(i) ?? 0n)), upper: Infinity, terms: r.terms.map(([k, coef]) => [k, Number(coef)] as const), rule: r.rule }));
  const columns = (integer: boolean): LpVariable[] => bounds.map((bound, k) => ({ name: `cut[${k}]`, lower: 0, upper: Number(bound), cost: cost(k), integer }));
  // First the LP relaxation, each cut rounded up to the fen and checked exactly; a row the rounding left short gets a
  // margin of what rounding can cost it (Σ|coef|) and the LP is solved again, a few times; then the last point is
  // mended fen by fen ({@link mendRounding}); the integer program only when all that fails. Measured on the sample's
  // safe plan (129 cuts, 148 rows) the LPs take 10–40 ms against 2.5 s for the integer program, and on a 60-month ×
  // 8-bank safe plan (247 cuts, 246 rows) 13–20 s, at times past its time limit (then no plan at all).
  const margin = new Map<number, bigint>();
  let cuts: bigint[] | undefined;
  let lastPoint: bigint[] | undefined;
  for (let pass = 0; pass < MARGIN_PASSES && !cuts; pass++) {
    const relaxed = await highsBackend.solve({ sense: 'minimize', offset: 0, variables: columns(false), rows: lpRows(margin) }, { timeLimitSeconds: REPAIR_TIME_LIMIT_SECONDS });
    if (relaxed.primal !== 'feasiblePoint') break;
    const up = bounds.map((_, k) => clamp(BigInt(Math.ceil(relaxed.columnValues[k]! - 1e-6)), k));
    lastPoint = up;
    const short = rows.flatMap((r, i) => (r.terms.reduce((acc, [k, coef]) => acc + coef * up[k]!, 0n) < r.need ? [i] : []));
    if (!short.length) cuts = up;
    for (const i of short) margin.set(i, rows[i]!.terms.reduce((acc, [, coef]) => acc + (coef < 0n ? -coef : coef), 0n));
  }
  if (!cuts && lastPoint) {
    const mended = mendRounding(rows, lastPoint, bounds);
    if (mended && keeps(mended)) cuts = mended;
  }
  if (!cuts) {
    const report = await highsBackend.solve({ sense: 'minimize', offset: 0, variables: columns(true), rows: lpRows() }, { timeLimitSeconds: REPAIR_TIME_LIMIT_SECONDS });
    if (report.primal !== 'feasiblePoint') return undefined;
    const rounded = bounds.map((_, k) => clamp(BigInt(Math.round(report.columnValues[k]!)), k));
    // Exact check in integers: the solver's point, rounded, must keep every row.
    if (!keeps(rounded)) return undefined;
    cuts = rounded;
  }
  return cuts;
}

/**
 * Fen to take off the plan's bonds so that bonds are within `maxBondShare` of placed money again in every month where
 * the ledger found them over by no more than rounding ({@link ROUNDING_YUAN}). The LP keeps the share exactly
 * (docs/optimizer.md §5.7), but cutting its amounts to the fen, the solver's float tolerance and the cap cuts of
 * {@link capCuts} (which lower placed money, the share's denominator) can leave a month a few fen to a yuan over (a
 * sweep of `maxBondShare` 0.1–0.5 on the sample: 9 of 10 points refused for 0.01–0.57 yuan). Cutting x off a bond
 * held at a month end lowers both bonds and placed money by x there, so that month's excess (bonds − share × placed)
 * falls by (1 − share) × x, and no other rule gets worse: the money stays in its fund type's cash. Months are mended
 * in order, each from the largest bond held then, counting what earlier months' cuts already took.
 * @param breaks - month index → the excess in yuan, as the ledger reported it
 * @returns yuan to cut per placement index; a month no bond can mend (none held, or too small) is left out, for the
 * ledger to report
 */
export function bondShareCuts(share: DecimalType, placements: readonly WirePlacement[], monthIndex: ReadonlyMap<string, number>, breaks: ReadonlyMap<number, DecimalType>): Map<number, DecimalType> {
  const cuts = new Map<number, DecimalType>();
  const kept = new Decimal(1).minus(share);
  if (kept.lte(ZERO)) return cuts;
  const held = (p: WirePlacement, t: number) => {
    const start = monthIndex.get(p.month);
    return start !== undefined && start <= t && t < start + p.termMonths;
  };
  for (const [t, excess] of [...breaks].sort((a, b) => a[0] - b[0])) {
    const bonds = placements.flatMap((p, k) => (p.product === 'govBond' && held(p, t) ? [{ k, left: new Decimal(p.amount).minus(cuts.get(k) ?? ZERO) }] : []));
    const taken = bonds.reduce((acc, b) => acc.plus(cuts.get(b.k) ?? ZERO), ZERO);
    const residual = excess.minus(kept.times(taken));
    if (residual.lte(ZERO)) continue;
    // Up to the fen, and a fen more: the ledger's excess is itself shown to the fen.
    const need = residual.div(kept).toDecimalPlaces(2, Decimal.ROUND_UP).plus(FEN);
    const largest = bonds.sort((a, b) => b.left.comparedTo(a.left))[0];
    if (!largest || largest.left.lte(need)) continue;
    cuts.set(largest.k, (cuts.get(largest.k) ?? ZERO).plus(need));
  }
  return cuts;
}

/**
 * The LP enforces the caps exactly (docs/optimizer.md §5.4–5.6), but a plan's amounts are the LP's floats cut down to
 * the fen, per fund type, so a bank the LP left exactly at a cap can end a few fen over it in the exact ledger; and
 * where the LP left a fund type's cash at exactly zero, interest rounded per posting can leave it a fen below. This
 * moves those fen back to cash, with no margin anywhere: the ledger runs; a placement left a fen (≤ 1 yuan) below its
 * product's minimum (a split part at exactly the minimum) is raised to it; a fund type overdrawn by ≤ 1 yuan gives up
 * that much plus a fen from its latest placement on or before the day; the fewest fen that bring every cap within its
 * rule exactly are cut from the plan's time deposits ({@link capCuts}); the ledger runs again, a few times at most.
 * Anything a cut of at most {@link ROUNDING_YUAN} per placement cannot mend is left for the ledger to report.
 * @param evaluation - the ledger's evaluation of `plan` as given, if the caller has it (saves one ledger run)
 * @returns the repaired placements and their evaluation, or undefined when nothing needed repair
 */
export async function repairCapRounding(scenario: Scenario, plan: { schemaVersion: 1; name: string; placements: WirePlacement[] }, flows: readonly MonthlyFlow[], evaluation?: Evaluation): Promise<{ placements: WirePlacement[]; evaluation: Evaluation } | undefined> {
  let placements = plan.placements.map((p) => ({ ...p }));
  let changed = false;
  for (let round = 0; round < LEDGER_PASSES; round++) {
    // The caller's evaluation of the unchanged plan saves the first ledger run.
    const ev = round === 0 && evaluation ? { ok: true as const, value: evaluation } : evaluatePlan(scenario, { ...plan, placements }, flows);
    if (!ev.ok) return undefined;
    const capBreaks = ev.value.report.issues.filter((i) => CAP_RULES.has(i.rule) && i.amount !== undefined && new Decimal(i.amount).lte(ROUNDING_YUAN));
    // A fund type's cash a few fen below zero where the LP left it at exactly zero: interest is rounded to the fen
    // per posting, the LP's float is not. Its latest placement made on or before that day gives up the fen.
    const overdrawn = ev.value.report.issues.filter((i) => i.rule === 'cashNotNegative' && i.amount !== undefined && new Decimal(i.amount).lte(CASH_ROUNDING_YUAN));
    // A part the LP (or the split) left at exactly its product's minimum, a fen below it after the cut to the fen:
    // it takes the fen back from cash.
    const belowMinimum = ev.value.report.issues.filter((i) => MINIMUM_RULES.has(i.rule) && i.limit !== undefined && i.received !== undefined && new Decimal(i.limit).minus(i.received).lte(CASH_ROUNDING_YUAN) && typeof i.path[2] === 'number');
    // Bonds a few fen over their share of placed money (fen rounding, or the cap cuts below lowering placed money).
    const bondBreaks = ev.value.report.issues.filter((i) => i.rule === 'maxBondShare' && i.amount !== undefined && i.monthKey !== undefined && new Decimal(i.amount).lte(ROUNDING_YUAN));
    const done = () => (changed ? { placements, evaluation: ev.value } : undefined);
    if (!capBreaks.length && !overdrawn.length && !belowMinimum.length && !bondBreaks.length) return done();
    const evaluated = placements;
    placements = placements.map((p) => ({ ...p }));
    let cut = false;
    for (const i of belowMinimum) {
      const k = i.path[2] as number;
      placements[k] = { ...placements[k]!, amount: new Decimal(i.limit!).toFixed(2) };
      cut = true;
    }
    const cashTrims = new Map<string, { fundType: string; monthKey: string; yuan: DecimalType }>();
    for (const i of overdrawn) {
      const key = `${i.fundType}|${i.monthKey}`;
      const prev = cashTrims.get(key);
      if (!prev || prev.yuan.lt(new Decimal(i.amount!))) cashTrims.set(key, { fundType: i.fundType!, monthKey: i.monthKey!, yuan: new Decimal(i.amount!) });
    }
    for (const { fundType, monthKey, yuan } of cashTrims.values()) {
      const take = yuan.plus(FEN);
      const k = placements
        .map((p, idx) => ({ p, idx }))
        .filter(({ p }) => p.fundType === fundType && p.month <= monthKey && p.product !== 'largeCd' && new Decimal(p.amount).minus(take).gte(p.product === 'timeDeposit' ? scenario.products.timeDeposit.minimumAmount : FEN))
        .sort((a, b) => (a.p.month < b.p.month ? 1 : -1))[0]?.idx;
      if (k === undefined) continue;
      placements[k] = { ...placements[k]!, amount: new Decimal(placements[k]!.amount).minus(take).toFixed(2) };
      cut = true;
    }
    const monthIndex = new Map(ev.value.report.months.map((m, t) => [m.month as string, t]));
    const bondCuts = bondShareCuts(scenario.policy.maxBondShare, placements, monthIndex, new Map(bondBreaks.map((i) => [monthIndex.get(i.monthKey!) ?? -1, new Decimal(i.amount!)])));
    for (const [k, yuan] of bondCuts) {
      placements[k] = { ...placements[k]!, amount: new Decimal(placements[k]!.amount).minus(yuan).toFixed(2) };
      cut = true;
    }
    const cuts = await capCuts(scenario, ev.value.report.months, evaluated, placements);
    for (const [k, fen] of cuts ?? []) {
      placements[k] = { ...placements[k]!, amount: new Decimal(placements[k]!.amount).minus(new Decimal(fen.toString()).div(100)).toFixed(2) };
      cut = true;
    }
    // Nothing left that fen can mend: what remains is the ledger's to report.
    if (!cut) {
      placements = evaluated;
      return done();
    }
    changed = true;
  }
  return undefined;
}
