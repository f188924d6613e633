import { type Decimal, type FundType, type MonthKey, Decimal as Dec, addMonthsToKey, dec, monthOfDate } from '@fundladder/core';
import type { OptimizeResult } from '../optimize';

/** One deposit or bond that comes back in the quarter. */
export interface RolloverMaturity {
  readonly date: string;
  readonly id: string;
  readonly origin: 'existing' | 'plan';
  readonly fundType: FundType;
  readonly bankId?: string;
  readonly product: string;
  readonly principal: Decimal;
  /** Interest it paid over its life (yuan, from the ledger). */
  readonly interest: Decimal;
}

/** One placement to make in the quarter, with the reason in figures. */
export interface RolloverPlacement {
  readonly month: string;
  readonly fundType?: string;
  readonly bankId?: string;
  readonly product: string;
  readonly termMonths: number;
  readonly annualRate: Decimal;
  readonly amount: Decimal;
  /** The month it comes back. */
  readonly maturesIn: string;
  /** The best rate quoted that month for the same product and term by any eligible bank (or bond yield). */
  readonly bestRateForTerm: Decimal;
  /** Why this bank and term, as a fact: its rank, or the rule that kept money from a better-paying bank. */
  readonly reason: RolloverReason;
  /** The same in words (to be replaced by the application layer's message catalogue). */
  readonly why: { readonly zh: string; readonly en: string };
}

/** Why a placement went to its bank and term. */
export type RolloverReason =
  | { readonly kind: 'bestRate'; readonly rate: Decimal }
  | { readonly kind: 'heldByCap'; readonly belowBestBp: number; readonly bankId: string; readonly rule: string }
  | { readonly kind: 'atCapOrMinimum'; readonly belowBestBp: number };

/** The next quarter in the terms a fund manager acts on (docs/optimizer.md §9). */
export interface RolloverPlan {
  readonly months: readonly string[];
  readonly maturities: readonly RolloverMaturity[];
  readonly placements: readonly RolloverPlacement[];
  /** Per month of the quarter: liquid money at month end against the reserve, from the ledger. */
  readonly liquidity: ReadonlyArray<{ readonly month: string; readonly liquid: Decimal; readonly reserve: Decimal }>;
}

const pct = (r: Decimal) => `${r.times(100).toFixed(2)}%`;

/**
 * The first three months of an optimized plan as a to-do list: which deposits mature (and pay how much),
 * what to place where, for how long, and why — each placement's rate against the best quote for its
 * term that month, and, where a better-paying bank was passed over, the cap that binds at that bank in the
 * LP (a row with a non-zero shadow price). Every amount comes from the ledger or the plan.
 */
export function rolloverPlan(result: Extract<OptimizeResult, { status: 'optimal' }>, quarterMonths = 3): RolloverPlan {
  const { data, evaluation, plan } = result;
  const months = data.months.slice(0, quarterMonths) as readonly MonthKey[];
  const inQuarter = new Set<string>(months);
  const maturities: RolloverMaturity[] = evaluation.report.closedPositions
    .filter((c) => inQuarter.has(monthOfDate(c.endDate)))
    .map((c) => ({ date: c.endDate, id: c.position.id, origin: c.position.origin, fundType: c.position.fundType, ...(c.position.bankId ? { bankId: c.position.bankId } : {}), product: c.position.product, principal: c.position.principal, interest: c.interest }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));

  // Binding cap rows of the first round's LP, by bank and month.
  const binding = new Map<string, string>();
  const { model, report } = result.relaxed;
  model.rows.forEach((row, i) => {
    if (!row.meta?.bankId || Math.abs(report.rowDuals[i] ?? 0) < 1e-9) return;
    if (!['trancheShareCap', 'fundTimeDepositShareCap', 'bankLocalDepositCap'].includes(row.rule)) return;
    binding.set(`${row.meta.bankId}/${row.meta.monthKey}`, row.rule);
  });
  const ruleZh: Record<string, string> = { trancheShareCap: '上限A（当月新增25%）', fundTimeDepositShareCap: '上限C（基金定期20%）', bankLocalDepositCap: '上限B（其一般性存款20%）' };

  const placements: RolloverPlacement[] = plan.placements
    .filter((p) => inQuarter.has(p.month))
    .map((p) => {
      const t = data.months.indexOf(p.month as MonthKey);
      const peers = data.options.filter((o) => o.product === p.product && o.termMonths === p.termMonths && o.rateByMonth[t]);
      const best = peers.reduce<Decimal>((a, o) => (o.rateByMonth[t]!.gt(a) ? o.rateByMonth[t]! : a), new Dec(0));
      const rate = dec(p.annualRate ?? '0');
      const better = peers.filter((o) => o.rateByMonth[t]!.gt(rate));
      const blocked = better.map((o) => ({ bank: o.bankId, rule: o.bankId ? binding.get(`${o.bankId}/${p.month}`) : undefined })).filter((b) => b.rule);
      const belowBestBp = Number(best.minus(rate).times(10_000).toFixed(0));
      const b0 = blocked[0];
      const reason: RolloverReason = better.length === 0 ? { kind: 'bestRate', rate } : b0 ? { kind: 'heldByCap', belowBestBp, bankId: b0.bank!, rule: b0.rule! } : { kind: 'atCapOrMinimum', belowBestBp };
      let why: { zh: string; en: string };
      if (better.length === 0) why = { zh: `该期限当月最高利率 ${pct(rate)}`, en: `the best rate for this term that month, ${pct(rate)}` };
      else if (blocked.length) {
        const b = blocked[0]!;
        why = { zh: `比最高利率低 ${best.minus(rate).times(10_000).toFixed(0)} 个基点：利率更高的 ${b.bank} 受${ruleZh[b.rule!]}约束`, en: `${best.minus(rate).times(10_000).toFixed(0)} bp below the best: ${b.bank}, which pays more, is held by ${b.rule}` };
      } else why = { zh: `比最高利率低 ${best.minus(rate).times(10_000).toFixed(0)} 个基点：利率更高的银行已用足其上限或最低起存额`, en: `${best.minus(rate).times(10_000).toFixed(0)} bp below the best: the banks that pay more are at a cap or a minimum` };
      return { month: p.month, ...(p.fundType ? { fundType: p.fundType } : {}), ...(p.bankId ? { bankId: p.bankId } : {}), product: p.product, termMonths: p.termMonths, annualRate: rate, amount: dec(p.amount), maturesIn: addMonthsToKey(p.month as MonthKey, p.termMonths), bestRateForTerm: best, reason, why };
    });

  const liquidity = evaluation.report.months.slice(0, quarterMonths).map((m) => ({ month: m.month, liquid: m.closingLiquid, reserve: m.reserveRequired }));
  return { months, maturities, placements, liquidity };
}
