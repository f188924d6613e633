// A fund's position today, as the Overview shows it (docs/web.md §6, docs/api.md §2): what the exact ledger
// opens the horizon with (the accounts' balances and the existing deposits and bonds it holds), by fund type and by
// bank; the months of payouts each fund type's liquid money covers (warning rule (a)'s figure, for every fund type,
// not only those below the threshold); the next maturities with the interest the ledger pays on them; and the ledger's
// statutory-rate findings. Every figure is the ledger's (an evaluation of the scenario with nothing placed), never
// re-derived from the inputs.
import { type DomainIssue, type Evaluation, type Position, type Scenario, Decimal, ZERO, compareDates, sum } from '@fundladder/core';
import { COVER_DISPLAY_ROUNDING, MEAN_OUTFLOW_ROUNDING, type MonthOutflow } from '../warnings/rules';

/** Where the money sits: cash in accounts (demand), liquid deposits (agreed, call), term deposits (time, large CD), bonds. */
export type Bucket = 'cash' | 'liquidDeposits' | 'termDeposits' | 'bonds';

const BUCKET_OF: Record<Position['product'], Exclude<Bucket, 'cash'>> = { agreedDeposit: 'liquidDeposits', callDeposit1d: 'liquidDeposits', callDeposit7d: 'liquidDeposits', timeDeposit: 'termDeposits', largeCd: 'termDeposits', govBond: 'bonds' };

/** One row of the position: money by bucket (yuan, to the fen) and the total. */
export interface PositionRow {
  readonly cash: Decimal;
  readonly liquidDeposits: Decimal;
  readonly termDeposits: Decimal;
  readonly bonds: Decimal;
  readonly total: Decimal;
}

const emptyRow = (): PositionRow => ({ cash: ZERO, liquidDeposits: ZERO, termDeposits: ZERO, bonds: ZERO, total: ZERO });
const add = (row: PositionRow, bucket: Bucket, amount: Decimal): PositionRow => ({ ...row, [bucket]: row[bucket].plus(amount), total: row.total.plus(amount) });

/** The existing deposits and bonds the ledger held at the horizon's start (open at the end, or closed inside it). */
export function openingPositions(ev: Evaluation): Position[] {
  return [...ev.report.closedPositions.map((c) => c.position), ...ev.report.openPositions].filter((p) => p.origin === 'existing');
}

/**
 * The position at the horizon's start by fund type and by bank: each account's opening balance as cash at its bank,
 * each existing deposit or bond at its principal (bonds have no bank: key `null`). The totals equal the ledger's
 * first-month `openingTotal`.
 * @example positionOf(scenarioWithOneAccountOf100AndAHoldingOf50, ev).total.total.toFixed(2) //=> '150.00'
 */
export function positionOf(scenario: Pick<Scenario, 'accounts' | 'fundTypes'>, positions: readonly Position[]): { total: PositionRow; byFundType: Map<string, PositionRow>; byBank: Map<string | null, PositionRow> } {
  const byFundType = new Map<string, PositionRow>(scenario.fundTypes.map((f) => [f, emptyRow()]));
  const byBank = new Map<string | null, PositionRow>();
  let total = emptyRow();
  const put = (fundType: string, bankId: string | null, bucket: Bucket, amount: Decimal) => {
    byFundType.set(fundType, add(byFundType.get(fundType) ?? emptyRow(), bucket, amount));
    byBank.set(bankId, add(byBank.get(bankId) ?? emptyRow(), bucket, amount));
    total = add(total, bucket, amount);
  };
  for (const a of scenario.accounts) put(a.fundType, a.bankId, 'cash', a.openingBalance);
  for (const p of positions) put(p.fundType, p.bankId ?? null, BUCKET_OF[p.product], p.principal);
  return { total, byFundType, byBank };
}

/** One fund type's cover: liquid money ÷ mean monthly payout over the window (both as warning rule (a) takes them). */
export interface Cover {
  readonly fundType: string;
  readonly liquid: Decimal;
  /** Mean payout over the window's months, to the fen (absent with no payout in the window). */
  readonly meanOutflow?: Decimal;
  /** Truncated to 2 places, so the figure never overstates cover (absent with no payout). */
  readonly monthsCovered?: Decimal;
  readonly months: readonly MonthOutflow[];
}

/**
 * Months of payouts covered for every fund type, the same division warning rule (a) makes (`monthsCovered` in
 * warnings/rules.ts), reported for all fund types rather than only those below the threshold.
 * @example coverOf(new Map([['maternity', dec('25')]]), [{ month: '2026-01', fundType: 'maternity', outflow: dec('10'), source: 'forecast' }])[0].monthsCovered.toFixed(2) //=> '2.50'
 */
export function coverOf(liquidByFundType: ReadonlyMap<string, Decimal>, outflows: readonly MonthOutflow[]): Cover[] {
  return [...liquidByFundType].map(([fundType, liquid]) => {
    const months = outflows.filter((o) => o.fundType === fundType);
    const mean = months.length ? sum(months.map((o) => o.outflow)).div(months.length) : undefined;
    if (!mean || mean.lte(0)) return { fundType, liquid, months };
    return { fundType, liquid, meanOutflow: MEAN_OUTFLOW_ROUNDING.apply(mean), monthsCovered: COVER_DISPLAY_ROUNDING.apply(liquid.div(mean)), months };
  });
}

/** A deposit or bond that comes back inside the horizon, with the interest the ledger paid on it over its life there. */
export interface MaturityRow {
  readonly id: string;
  readonly fundType: string;
  readonly bankId: string | null;
  readonly product: string;
  readonly termMonths: number;
  readonly annualRate: Decimal;
  readonly principal: Decimal;
  readonly maturityDate: string;
  /** Interest the ledger posted on this position inside the horizon (yuan, to the fen). */
  readonly interest: Decimal;
}

/**
 * The existing deposits and bonds the ledger closes inside the horizon, earliest first (ties by id), the first `count`.
 * @example nextMaturities(ev, 2).map((m) => m.maturityDate) //=> ['2026-01-16', '2026-02-01']
 */
export function nextMaturities(ev: Evaluation, count: number): MaturityRow[] {
  return ev.report.closedPositions
    .filter((c) => c.position.origin === 'existing')
    .map((c) => ({ id: c.position.id, fundType: c.position.fundType, bankId: c.position.bankId ?? null, product: c.position.product, termMonths: c.position.termMonths, annualRate: c.position.annualRate, principal: c.position.principal, maturityDate: c.endDate, interest: c.interest }))
    .sort((a, b) => compareDates(a.maturityDate as never, b.maturityDate as never) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, count);
}

/** An account earning less than the statutory rate for its fund type (the ledger's `below_statutory_rate` finding). */
export interface StatutoryFinding {
  readonly accountId: string;
  readonly bankId: string | null;
  readonly fundType: string | null;
  readonly statutoryRule: string;
  readonly contractRate: string;
  readonly statutoryRate: string;
  /** The shortfall in basis points (statutory − contract) × 10,000, exact. */
  readonly gapBp: string;
  readonly message: string;
}

/**
 * The ledger's statutory-rate findings, one per account.
 * @example statutoryFindings([{ code: 'below_statutory_rate', rule: 'pensionDemandRate', subject: 'ep', bankId: 'icbc', received: '0.0035', limit: '0.011', … }])[0].gapBp //=> '75'
 */
export function statutoryFindings(findings: readonly DomainIssue[]): StatutoryFinding[] {
  return findings
    .filter((f) => f.code === 'below_statutory_rate' && f.received !== undefined && f.limit !== undefined)
    .map((f) => ({
      accountId: f.subject ?? f.path.join('.'),
      bankId: f.bankId ?? null,
      fundType: f.fundType ?? null,
      statutoryRule: f.rule,
      contractRate: f.received!,
      statutoryRate: f.limit!,
      gapBp: new Decimal(f.limit!).minus(f.received!).times(10_000).toString(),
      message: f.message,
    }));
}
