// The tables the workbook and the report share, derived once from the app layer's results so that both show the same
// figures: sums and shares of the plan's own amounts (Decimal), everything else read from the ledger's summary.
import { type Decimal, Decimal as Dec, ZERO, dec, sum } from '@fundladder/core';
import { type BindingFact, type EvaluationSummary, type Names, bindingLine, namesFor } from '@fundladder/app';
import type { ExportInput } from './input';

/** One month of the exact ledger as the app layer summarises it (yuan). */
export type LedgerMonth = EvaluationSummary['months'][number];

/** The Chinese names of the export's banks (the scenario's), fund types (statutory) and products. */
export function exportNames(input: ExportInput): Names {
  return namesFor(input.optimize.scenario.bankNames, 'zh');
}

/** One bank's part of the plan (分存方案); `bankId` undefined is the bonds, which sit at no bank. */
export interface BankAllocationRow {
  readonly bankId: string | undefined;
  readonly name: string;
  readonly status: 'eligible' | 'suspended' | 'bond';
  /** New money placed in the next quarter (the months of the rollover request), yuan. */
  readonly nextQuarter: Decimal;
  /** Its share of all new money placed in the next quarter (a fraction, exact). */
  readonly nextQuarterShare: Decimal;
  /** New money placed over the whole horizon (rollovers counted each time), yuan. */
  readonly horizon: Decimal;
  readonly horizonShare: Decimal;
  /** Interest received from the bank over the horizon by the ledger, every account and placement there (bonds: the bonds' interest). */
  readonly interest: Decimal;
  /** Cap B's limit at this bank: its local general deposits × the policy's share (yuan, exact). */
  readonly capBLimit: Decimal | undefined;
  /** The ledger's highest use of each cap over the horizon (1 = at the cap). */
  readonly capUse: { readonly tranche?: Decimal; readonly localDeposits?: Decimal; readonly fundShare?: Decimal } | undefined;
}

/**
 * Cap B's limit at a bank: its local general deposits × the policy's share, to the fen rounded down (a limit shown a
 * fen too high would allow a fen too much).
 * @example capBLimitOf(dec('9500000000.00'), dec('0.20')).toFixed(2) //=> '1900000000.00'
 * @see docs/domain.md §8 (cap B, [004])
 */
export function capBLimitOf(localGeneralDeposits: Decimal, share: Decimal): Decimal {
  return localGeneralDeposits.times(share).toDecimalPlaces(2, Dec.ROUND_DOWN);
}

const shareOf = (part: Decimal, whole: Decimal): Decimal => (whole.isZero() ? ZERO : part.div(whole));

/**
 * The per-bank allocation (分存方案): for every bank of the scenario, then the bonds if the plan buys any, the new
 * money of the next quarter and of the horizon with their shares (sums of the plan's amounts, exact), the ledger's
 * interest from the bank, cap B's limit and the ledger's highest use of each cap.
 * @param input - the export's input
 * @returns one row per bank, bonds last; the shares of each column add up to 1 (exactly, before display)
 * @example bankAllocation(input)[0] //=> { bankId: 'icbc', name: '中国工商银行示例县支行', nextQuarter: …, nextQuarterShare: … }
 * @see docs/exports.md §2
 */
export function bankAllocation(input: ExportInput): BankAllocationRow[] {
  const { optimize, scenario } = input;
  const names = exportNames(input);
  const quarter = new Set(optimize.rollover.months);
  const placements = optimize.plan.placements.map((p) => ({ bankId: p.bankId, month: p.month, amount: dec(p.amount) }));
  const totalQuarter = sum(placements.filter((p) => quarter.has(p.month)).map((p) => p.amount));
  const totalHorizon = sum(placements.map((p) => p.amount));
  const usage = new Map(optimize.evaluation.kpis.bankCapUsage.map((u) => [u.bankId, u]));
  const totals = optimize.evaluation.totals;
  const row = (bankId: string | undefined, status: BankAllocationRow['status'], capBLimit: Decimal | undefined, interest: Decimal): BankAllocationRow => {
    const mine = placements.filter((p) => p.bankId === bankId);
    const nextQuarter = sum(mine.filter((p) => quarter.has(p.month)).map((p) => p.amount));
    const horizon = sum(mine.map((p) => p.amount));
    const use = bankId === undefined ? undefined : usage.get(bankId);
    return {
      bankId,
      name: names.bank(bankId),
      status,
      nextQuarter,
      nextQuarterShare: shareOf(nextQuarter, totalQuarter),
      horizon,
      horizonShare: shareOf(horizon, totalHorizon),
      interest,
      capBLimit,
      capUse: use ? { ...(use.tranche ? { tranche: use.tranche } : {}), ...(use.localDeposits ? { localDeposits: use.localDeposits } : {}), ...(use.fundShare ? { fundShare: use.fundShare } : {}) } : undefined,
    };
  };
  const rows = scenario.banks.map((b) => row(b.id, b.status, capBLimitOf(b.localGeneralDeposits, scenario.policy.caps.bankLocalDepositShare), totals.interestByBank.get(b.id) ?? ZERO));
  if (placements.some((p) => p.bankId === undefined)) rows.push(row(undefined, 'bond', undefined, totals.interestByProduct.get('govBond') ?? ZERO));
  return rows;
}

/** One fund type's risk on the out-of-sample check paths (docs/optimizer.md §16). */
export interface FundTypeRiskRow {
  readonly fundType: string;
  readonly name: string;
  /** Share of paths on which the plan causes a payout gap for this fund type, over the horizon and in the first quarter. */
  readonly planCaused: number;
  readonly planCausedFirstQuarter: number;
  /** Share of paths on which its own money falls short even with nothing placed (no plan can cure it). */
  readonly structural: number;
  readonly structuralMedianFirstMonth: string | undefined;
  readonly structuralMedianShort: Decimal | undefined;
}

/**
 * The risk of every fund type of the scenario, in the scenario's order: a fund type the stress test does not list had
 * no gap of either kind on any path (optimizer `stressTest`: "every fund type with a gap"), so its shares are 0.
 * @returns one row per fund type; empty when the run has no stress test
 * @example riskByFundType(input).find((r) => r.fundType === 'maternity') //=> { planCaused: 0, structural: 0, … }
 */
export function riskByFundType(input: ExportInput): FundTypeRiskRow[] {
  const stress = input.optimize.stress;
  if (!stress) return [];
  const names = exportNames(input);
  const listed = new Map(stress.byFundType.map((f) => [f.fundType, f]));
  return input.scenario.fundTypes.map((fundType) => {
    const f = listed.get(fundType);
    return {
      fundType,
      name: names.fundType(fundType),
      planCaused: f?.planCausedShortProbability ?? 0,
      planCausedFirstQuarter: f?.planCausedShortFirstQuarterProbability ?? 0,
      structural: f?.structuralShortProbability ?? 0,
      structuralMedianFirstMonth: f?.structuralMedianFirstMonth,
      structuralMedianShort: f?.structuralMedianShort,
    };
  });
}

/** Whether the plan keeps its confidence out of sample: `safe`, `unsafe`, `meanFlows` (confidence 0) or `unchecked` (no stress test). */
export type Verdict = 'safe' | 'unsafe' | 'meanFlows' | 'unchecked';

/**
 * The verdict the report states first: safe when the out-of-sample share of paths with a plan-caused gap is at most
 * 1 − confidence (the CLI's verdict, apps/cli/src/render/optimize.ts `printVerdict`).
 * @example verdictOf({ safety: { confidence: 0.99 }, stress: { planCausedShortProbability: 0.01, … } }) //=> 'safe'
 */
export function verdictOf(input: ExportInput): Verdict {
  const { safety, stress } = input.optimize;
  if (safety.confidence === 0) return 'meanFlows';
  if (!stress) return 'unchecked';
  return (stress.planCausedShortProbability ?? 1) <= 1 - safety.confidence + 1e-12 ? 'safe' : 'unsafe';
}

/** The plan's placements in month order (stable: the plan's own order within a month), amounts as Decimals. */
export function planRows(input: ExportInput) {
  const names = exportNames(input);
  return input.optimize.plan.placements
    .map((p, index) => ({ index, p }))
    .sort((a, b) => a.p.month.localeCompare(b.p.month) || a.index - b.index)
    .map(({ p }) => ({
      month: p.month,
      fundType: p.fundType === undefined ? '—' : names.fundType(p.fundType),
      bank: names.bank(p.bankId),
      product: names.product(p.product),
      termMonths: p.termMonths,
      annualRate: p.annualRate === undefined ? undefined : dec(p.annualRate),
      amount: dec(p.amount),
    }));
}

/**
 * The binding rules in words, by the app layer's catalogue (`bindingLine`), except the count of the caps not listed:
 * the catalogue's line for it sends the reader to the CLI's `--json`, which an attachment has no use for.
 * @param facts - the optimize result's binding facts
 * @param names - the export's names
 * @returns one sentence per fact
 * @example bindingLines([{ kind: 'moreCaps', count: 3 }], names) //=> ['另有 3 条上限约束起作用，影响较小，未逐条列出。']
 */
export function bindingLines(facts: readonly BindingFact[], names: Names): string[] {
  return facts.map((f) => (f.kind === 'moreCaps' ? `另有 ${f.count} 条上限约束起作用，影响较小，未逐条列出。` : bindingLine(f, 'zh', names)));
}
