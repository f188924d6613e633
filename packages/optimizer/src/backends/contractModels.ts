import { mulberry32 } from '@fundladder/core';
import { LpBuilder, type LpModel } from '../model/lp';

/**
 * Seeded ladder-like LPs for the back-end contract suite, the jsls size measurement and the solver
 * benchmark's stand-in `build`. They have the shape and magnitudes of fundladder's model (months ×
 * banks × terms, a cash balance per month, per-bank caps, a reserve per month, money in 万元
 * 1e2..1e5, annual rates 0.005..0.03) but not its rules: the real model is `model/`'s.
 */

/** Term deposits offered at every bank, in months. */
export const LADDER_TERMS_MONTHS: readonly number[] = [3, 6, 12, 24, 36];

/** Size and seed of one generated ladder. */
export interface LadderSpec {
  readonly months: number;
  readonly banks: number;
  readonly seed: number;
}

/**
 * A small seeded generator (mulberry32, from core): the same seed gives the same model on every machine.
 * @example seededRandom(1)() //=> 0.6270739405881613
 */
export const seededRandom = mulberry32;

/**
 * A seeded ladder LP that is feasible by construction (keeping everything liquid meets every row).
 *
 * Variables (万元): `liquid[t]`, the demand balance at the end of month t, earning 0.005/12 a
 * month; `place[b][n][t]`, placed at bank b for `LADDER_TERMS_MONTHS[n]` months at the start of
 * month t, earning its quoted rate; interest of a placement that outlives the horizon counts only
 * up to the horizon's end. Rows: `balance[t]` (equality: previous liquid balance with its interest
 * + net flow + maturities with their interest − new placements − liquid balance = 0), `bankCap[b][t]`
 * (outstanding placements at bank b ≤ its cap, 20–40% of the fund), `reserve[t]` (liquid balance ≥
 * 1–2 × next month's outflow). Objective: maximise interest over the horizon.
 *
 * @param spec - Months, banks and seed.
 * @returns The model; `months × (1 + banks × 5)` variables and `months × (2 + banks)` rows.
 * @example
 * ladderModel({ months: 12, banks: 3, seed: 1 }).variables.length //=> 192
 */
export function ladderModel(spec: LadderSpec): LpModel {
  const { months, banks } = spec;
  const random = seededRandom(spec.seed);
  const between = (low: number, high: number): number => low + (high - low) * random();
  const demandMonthlyRate = 0.005 / 12;
  const inflowWan = Array.from({ length: months }, () => between(1e2, 1e4));
  const outflowWan = Array.from({ length: months + 1 }, () => between(1e2, 1e4));
  const openingWan = outflowWan.reduce((a, b) => a + b, 0) + 2e4 + between(1e4, 1e5);
  const capShare = Array.from({ length: banks }, () => between(0.2, 0.4));
  const bankSpread = Array.from({ length: banks }, () => between(-0.002, 0.004));

  const lp = new LpBuilder('maximize');
  const liquid = Array.from({ length: months }, (_, t) => lp.addVariable({ name: `liquid[${t}]`, lower: 0, upper: Infinity, cost: demandMonthlyRate }));
  interface Placement { readonly index: number; readonly bank: number; readonly start: number; readonly termMonths: number; readonly annualRate: number }
  const placements: Placement[] = [];
  for (let t = 0; t < months; t++) {
    for (let b = 0; b < banks; b++) {
      LADDER_TERMS_MONTHS.forEach((termMonths, n) => {
        const annualRate = Math.min(0.03, Math.max(0.005, 0.012 + 0.0035 * n + bankSpread[b]! + between(-0.001, 0.001)));
        const monthsInHorizon = Math.min(termMonths, months - t);
        const index = lp.addVariable({ name: `place[${b}][${termMonths}][${t}]`, lower: 0, upper: Infinity, cost: (annualRate * monthsInHorizon) / 12 });
        placements.push({ index, bank: b, start: t, termMonths, annualRate });
      });
    }
  }
  for (let t = 0; t < months; t++) {
    const terms: Array<readonly [number, number]> = [[liquid[t]!, -1]];
    if (t > 0) terms.push([liquid[t - 1]!, 1 + demandMonthlyRate]);
    for (const p of placements) {
      if (p.start === t) terms.push([p.index, -1]);
      if (p.start + p.termMonths === t) terms.push([p.index, 1 + (p.annualRate * p.termMonths) / 12]);
    }
    const netFlowWan = (t === 0 ? openingWan : 0) + inflowWan[t]! - outflowWan[t]!;
    lp.addRow({ name: `balance[${t}]`, lower: -netFlowWan, upper: -netFlowWan, terms, rule: 'cashBalance', meta: { monthKey: String(t) } });
  }
  for (let b = 0; b < banks; b++) {
    for (let t = 0; t < months; t++) {
      const terms = placements.filter((p) => p.bank === b && p.start <= t && t < p.start + p.termMonths).map((p) => [p.index, 1] as const);
      lp.addRow({ name: `bankCap[${b}][${t}]`, lower: -Infinity, upper: capShare[b]! * openingWan, terms, rule: 'bankCap', meta: { monthKey: String(t), bankId: String(b) } });
    }
  }
  for (let t = 0; t < months; t++) {
    lp.addRow({ name: `reserve[${t}]`, lower: outflowWan[t + 1]! * between(1, 2), upper: Infinity, terms: [[liquid[t]!, 1]], rule: 'liquidityReserve', meta: { monthKey: String(t) } });
  }
  return lp.build();
}
