// The early-warning rules (预警, docs/api.md, "Early warnings"). Each rule is a small pure function from the facts it needs to the
// subjects it finds; `warnings/evaluate.ts` gathers the facts from the store and the run results, and
// `repo/warnings.ts` opens and clears the stored warnings. A rule whose facts are missing is not evaluated at all
// (its stored warnings stay as they are), never evaluated on made-up inputs.
import { type DomainIssue, type IsoDate, type MonthKey, Decimal, ZERO, addDays, addMonthsToDate, addMonthsToKey, compareDates, down, halfUp, sum } from '@fundladder/core';

export const WARNING_RULES = ['monthsCovered', 'bankCapNear', 'maturityUnplaced', 'belowStatutoryRate', 'structuralGap'] as const;
export type WarningRule = (typeof WARNING_RULES)[number];

/** One subject a rule finds (a fund type, a bank, a deposit or account id) and the facts behind it, as JSON (money and shares as decimal strings). */
export interface WarningHit {
  readonly rule: WarningRule;
  readonly subject: string;
  readonly detail: Readonly<Record<string, unknown>>;
}

/** What one evaluation found for one rule: every subject in breach now (an empty list clears the rule's open warnings). */
export interface RuleOutcome {
  readonly rule: WarningRule;
  readonly hits: readonly WarningHit[];
}

/** The thresholds, with their defaults (docs/api.md, "Early warnings"). */
export interface WarningThresholds {
  /** (a) Warn when a fund type's liquid money covers fewer months of payouts than this (default 3). */
  readonly minMonthsCovered: Decimal;
  /** (a) Months of payouts ahead whose mean is the monthly payout (default 3). */
  readonly coverWindowMonths: number;
  /** (b) Warn when a bank uses at least this share of a cap (default 0.8 = 80%). */
  readonly capUseShare: Decimal;
  /** (c) Warn about deposits maturing within this many days after the as-of day (default 30). */
  readonly maturityWindowDays: number;
}

export const DEFAULT_WARNING_THRESHOLDS: WarningThresholds = { minMonthsCovered: new Decimal(3), coverWindowMonths: 3, capUseShare: new Decimal('0.8'), maturityWindowDays: 30 };

/** Months covered and shares in a warning's detail: truncated to 2 places, so a figure shown never overstates cover. */
export const COVER_DISPLAY_ROUNDING = down(2);
/** A mean monthly payout in a warning's detail, to the fen. */
export const MEAN_OUTFLOW_ROUNDING = halfUp(2);

/** One month's payout of one fund type, and whether it is the recorded actual or the scenario's forecast. */
export interface MonthOutflow {
  readonly month: MonthKey;
  readonly fundType: string;
  readonly outflow: Decimal;
  readonly source: 'actual' | 'forecast';
}

/**
 * The payouts of `months` months from `from` (inclusive) for each fund type: the actual where one is recorded, else
 * the scenario's forecast; a month with neither is left out.
 *
 * @example nextOutflows({ from: '2026-01', months: 2, forecast: [{ month: '2026-01', fundType: 'maternity', outflow: dec('10') }, { month: '2026-02', fundType: 'maternity', outflow: dec('12') }], actuals: [{ month: '2026-01', fundType: 'maternity', outflow: dec('11') }] }).map((o) => `${o.month} ${o.outflow} ${o.source}`) //=> ['2026-01 11 actual', '2026-02 12 forecast']
 */
export function nextOutflows(input: { from: MonthKey; months: number; forecast: readonly { month: string; fundType: string; outflow: Decimal }[]; actuals: readonly { month: string; fundType: string; outflow: Decimal }[] }): MonthOutflow[] {
  const window = new Set(Array.from({ length: input.months }, (_, i) => addMonthsToKey(input.from, i) as string));
  const key = (m: string, f: string) => `${m}|${f}`;
  const out = new Map<string, MonthOutflow>();
  for (const f of input.forecast) if (window.has(f.month)) out.set(key(f.month, f.fundType), { month: f.month as MonthKey, fundType: f.fundType, outflow: f.outflow, source: 'forecast' });
  for (const a of input.actuals) if (window.has(a.month)) out.set(key(a.month, a.fundType), { month: a.month as MonthKey, fundType: a.fundType, outflow: a.outflow, source: 'actual' });
  return [...out.values()].sort((a, b) => (a.fundType === b.fundType ? (a.month < b.month ? -1 : 1) : a.fundType < b.fundType ? -1 : 1));
}

/**
 * (a) Months of payouts covered: a fund type's liquid money ÷ its mean monthly payout over the window, below
 * `threshold` is a warning on the fund type. A fund type with no payouts in the window, or none at all, is not a hit.
 *
 * @example monthsCovered({ liquidByFundType: new Map([['maternity', dec('25')]]), outflows: [{ month: '2026-01', fundType: 'maternity', outflow: dec('10'), source: 'forecast' }], threshold: dec('3') })[0].detail.monthsCovered //=> '2.50'
 */
export function monthsCovered(input: { liquidByFundType: ReadonlyMap<string, Decimal>; outflows: readonly MonthOutflow[]; threshold: Decimal }): WarningHit[] {
  const hits: WarningHit[] = [];
  for (const [fundType, liquid] of input.liquidByFundType) {
    const months = input.outflows.filter((o) => o.fundType === fundType);
    if (!months.length) continue;
    const mean = sum(months.map((o) => o.outflow)).div(months.length);
    if (mean.lte(0)) continue;
    const covered = liquid.div(mean);
    if (covered.gte(input.threshold)) continue;
    hits.push({
      rule: 'monthsCovered',
      subject: fundType,
      detail: {
        fundType,
        liquid: liquid.toFixed(2),
        meanOutflow: MEAN_OUTFLOW_ROUNDING.apply(mean).toFixed(2),
        monthsCovered: COVER_DISPLAY_ROUNDING.apply(covered).toFixed(2),
        threshold: input.threshold.toFixed(),
        months: months.map((o) => ({ month: o.month, outflow: o.outflow.toFixed(2), source: o.source })),
      },
    });
  }
  return hits;
}

/** One bank's use of each cap, as a fraction of the cap (1 = at the cap); a cap that does not apply is absent. */
export interface CapUse {
  readonly bankId: string;
  readonly tranche?: Decimal | undefined;
  readonly localDeposits?: Decimal | undefined;
  readonly fundShare?: Decimal | undefined;
}

const CAP_RULES = { tranche: 'trancheShareCap', localDeposits: 'bankLocalDepositCap', fundShare: 'fundTimeDepositShareCap' } as const;

/**
 * (b) A bank near a cap: any of its caps used to at least `share` (default 0.8) in the ledger's worst month is a
 * warning on the bank, listing each cap so used.
 *
 * @example bankCapNear({ capUse: [{ bankId: 'icbc', tranche: dec('0.85'), fundShare: dec('0.5') }], share: dec('0.8') })[0].detail.caps //=> [{ cap: 'tranche', rule: 'trancheShareCap', use: '0.85' }]
 */
export function bankCapNear(input: { capUse: readonly CapUse[]; share: Decimal; bankNames?: ReadonlyMap<string, string> }): WarningHit[] {
  const hits: WarningHit[] = [];
  for (const u of input.capUse) {
    const caps = (['tranche', 'localDeposits', 'fundShare'] as const).flatMap((cap) => {
      const use = u[cap];
      return use !== undefined && use.gte(input.share) ? [{ cap, rule: CAP_RULES[cap], use: COVER_DISPLAY_ROUNDING.apply(use).toFixed(2) }] : [];
    });
    if (caps.length) hits.push({ rule: 'bankCapNear', subject: u.bankId, detail: { bankId: u.bankId, ...(input.bankNames?.get(u.bankId) ? { bankName: input.bankNames.get(u.bankId) } : {}), share: input.share.toFixed(), caps } });
  }
  return hits;
}

/** A deposit or bond the fund holds, with the day it matures. */
export interface Maturity {
  readonly id: string;
  readonly fundType: string;
  readonly bankId?: string | undefined;
  readonly product: string;
  readonly principal: Decimal;
  readonly maturityDate: IsoDate;
}

/** A planned placement: the day it is made, whose money (absent: every fund type's, in proportion), and its amount. */
export interface PlannedPlacement {
  readonly date: IsoDate;
  readonly fundType?: string | undefined;
  readonly amount: Decimal;
}

/**
 * (c) A holding maturing within `windowDays` after `asOf` whose money no placement takes up: a warning on the holding.
 * A placement takes up a maturity's money when it is of the same fund type (or of no named fund type) and is made on
 * or after the maturity day and within a month of it; maturities take placements up earliest first, so one placement
 * never covers two holdings. A partly covered holding is a hit with the part left (`unplaced`).
 *
 * @example maturityUnplaced({ asOf: '2025-12-31', windowDays: 30, maturities: [{ id: 'h1', fundType: 'maternity', product: 'timeDeposit', principal: dec('100'), maturityDate: '2026-01-16' }], placements: [{ date: '2026-02-01', fundType: 'maternity', amount: dec('60') }] })[0].detail.unplaced //=> '40.00'
 */
export function maturityUnplaced(input: { asOf: IsoDate; windowDays: number; maturities: readonly Maturity[]; placements: readonly PlannedPlacement[] }): WarningHit[] {
  const end = addDays(input.asOf, input.windowDays);
  const due = input.maturities
    .filter((m) => compareDates(m.maturityDate, input.asOf) > 0 && compareDates(m.maturityDate, end) <= 0)
    .sort((a, b) => compareDates(a.maturityDate, b.maturityDate) || (a.id < b.id ? -1 : 1));
  // What is left of each placement after earlier maturities took their part, earliest placement first.
  const left = [...input.placements].sort((a, b) => compareDates(a.date, b.date)).map((p) => ({ ...p, left: p.amount }));
  const hits: WarningHit[] = [];
  for (const m of due) {
    const last = addMonthsToDate(m.maturityDate, 1);
    let need = m.principal;
    for (const p of left) {
      if (need.lte(0)) break;
      if (compareDates(p.date, m.maturityDate) < 0 || compareDates(p.date, last) > 0 || (p.fundType !== undefined && p.fundType !== m.fundType) || p.left.lte(0)) continue;
      const take = Decimal.min(p.left, need);
      p.left = p.left.minus(take);
      need = need.minus(take);
    }
    if (need.gt(0)) {
      hits.push({
        rule: 'maturityUnplaced',
        subject: m.id,
        detail: { holdingId: m.id, fundType: m.fundType, ...(m.bankId ? { bankId: m.bankId } : {}), product: m.product, maturityDate: m.maturityDate, principal: m.principal.toFixed(2), unplaced: need.toFixed(2), asOf: input.asOf, windowDays: input.windowDays, placedBy: last },
      });
    }
  }
  return hits;
}

/**
 * (d) The ledger's statutory-rate findings (`below_statutory_rate`: an account earning less than the statutory rate
 * for its fund type): a warning on each account so found, listing its findings.
 *
 * @example belowStatutoryRate([{ code: 'below_statutory_rate', path: [], rule: 'pensionDemandRate', message: '…', subject: 'ep-fiscal', bankId: 'icbc', received: '0.0065', limit: '0.011' }])[0].subject //=> 'ep-fiscal'
 */
export function belowStatutoryRate(findings: readonly DomainIssue[]): WarningHit[] {
  const bySubject = new Map<string, DomainIssue[]>();
  for (const f of findings) {
    if (f.code !== 'below_statutory_rate') continue;
    const subject = f.subject ?? f.bankId ?? f.path.join('.');
    bySubject.set(subject, [...(bySubject.get(subject) ?? []), f]);
  }
  return [...bySubject].map(([subject, list]) => ({
    rule: 'belowStatutoryRate' as const,
    subject,
    detail: {
      ...(list[0]!.bankId ? { bankId: list[0]!.bankId } : {}),
      ...(list[0]!.fundType ? { fundType: list[0]!.fundType } : {}),
      findings: list.map((f) => ({ statutoryRule: f.rule, message: f.message, ...(f.received ? { contractRate: f.received } : {}), ...(f.limit ? { statutoryRate: f.limit } : {}) })),
    },
  }));
}

/** One fund type's structural risk on the optimizer's check paths. */
export interface FundTypeStructuralRisk {
  readonly fundType: string;
  readonly structuralShortProbability: number;
  readonly structuralMedianFirstMonth?: string | undefined;
  readonly structuralMedianShort?: Decimal | undefined;
}

/**
 * (e) A structural gap: a fund type whose own flows run short on some check paths whatever the plan does
 * (`structuralShortProbability` > 0 in the optimizer's stress summary): a warning on the fund type.
 *
 * @example structuralGap([{ fundType: 'residentMedical', structuralShortProbability: 0.12 }, { fundType: 'maternity', structuralShortProbability: 0 }]).map((h) => h.subject) //=> ['residentMedical']
 */
export function structuralGap(byFundType: readonly FundTypeStructuralRisk[]): WarningHit[] {
  return byFundType
    .filter((f) => f.structuralShortProbability > 0)
    .map((f) => ({
      rule: 'structuralGap' as const,
      subject: f.fundType,
      detail: { fundType: f.fundType, structuralShortProbability: f.structuralShortProbability, ...(f.structuralMedianFirstMonth ? { medianFirstMonth: f.structuralMedianFirstMonth } : {}), ...(f.structuralMedianShort ? { medianShort: f.structuralMedianShort.toFixed(2) } : {}) },
    }));
}

/** The liquid money of each fund type: the sum of its accounts' balances (demand, fiscal special, agreed: all callable at once). */
export function liquidByFundType(accounts: readonly { fundType: string; openingBalance: Decimal }[]): Map<string, Decimal> {
  const out = new Map<string, Decimal>();
  for (const a of accounts) out.set(a.fundType, (out.get(a.fundType) ?? ZERO).plus(a.openingBalance));
  return out;
}
