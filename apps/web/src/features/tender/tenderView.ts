// The Tender screen's figures (docs/tender.md), pure and tested beside the screen: the request the form builds, the
// scores, the suspended banks, the split, the reserve warning and the two plans side by side, risk before interest.
// Money stays yuan text here (fen as BigInt); the screen prints it in 万元 / CNY millions.
import type { Issue } from '../../api/schemas';
import type { SuspensionReason, TenderBid, TenderResult } from '../../api/results';
import { fenOf, yuanTextOf, type YuanText } from '../../format/money';

/** The five criteria in the order the scores table shows them (core's TENDER_CRITERIA). */
export const CRITERIA = ['businessCondition', 'service', 'collateral', 'localContribution', 'quotedRate'] as const;
export type Criterion = (typeof CRITERIA)[number];

/**
 * 万元 as typed into the form, as yuan text to the fen; undefined when it is not a plain positive decimal of at most six
 * places (a fen is 0.000001 万元).
 * @example yuanOfWan('3000') //=> '30000000.00'
 * @example yuanOfWan('0.5') //=> '5000.00'
 * @example yuanOfWan('1.2345678') //=> undefined
 */
export function yuanOfWan(text: string): YuanText | undefined {
  const m = /^(\d+)(?:\.(\d{1,6}))?$/.exec(text.trim());
  if (!m) return undefined;
  const fen = BigInt(m[1]!) * 1_000_000n + BigInt((m[2] ?? '').padEnd(6, '0'));
  return fen > 0n ? yuanTextOf(fen) : undefined;
}

export interface TenderForm {
  /** 万元; empty = the scenario's tender total, else what the optimizer places that month. */
  readonly totalWan: string;
  /** Empty = the scenario's own. */
  readonly confidence: string;
  readonly paths: string;
  readonly planningPaths: string;
}

/** What is wrong with the form: the field's name, or none. */
export type FormProblem = 'total' | 'confidence' | 'paths' | 'planningPaths';

/**
 * The run request the form asks for (`POST /api/funds/{fundId}/runs`, the tender job's `tenderRequest`), or the first
 * field that is not a number it accepts. Empty fields are left out, so the scenario's own values apply.
 * @example tenderRequestOf('7', { totalWan: '3000', confidence: '', paths: '', planningPaths: '' })
 * //=> { ok: true, body: { kind: 'tender', scenario: { scenarioVersion: '7' }, options: { totalAmount: '30000000.00' } } }
 */
export function tenderRequestOf(versionId: string, form: TenderForm): { ok: true; body: { kind: 'tender'; scenario: { scenarioVersion: string }; options: { totalAmount?: string; confidence?: number; paths?: number; planningPaths?: number } } } | { ok: false; field: FormProblem } {
  const options: { totalAmount?: string; confidence?: number; paths?: number; planningPaths?: number } = {};
  if (form.totalWan.trim() !== '') {
    const yuan = yuanOfWan(form.totalWan);
    if (!yuan) return { ok: false, field: 'total' };
    options.totalAmount = yuan;
  }
  if (form.confidence.trim() !== '') {
    const c = Number(form.confidence);
    if (!/^0(\.\d+)?$/.test(form.confidence.trim()) || !(c >= 0 && c < 1)) return { ok: false, field: 'confidence' };
    options.confidence = c;
  }
  for (const key of ['paths', 'planningPaths'] as const) {
    const t = form[key].trim();
    if (t === '') continue;
    if (!/^\d{1,5}$/.test(t) || Number(t) > 20_000) return { ok: false, field: key };
    options[key] = Number(t);
  }
  return { ok: true, body: { kind: 'tender', scenario: { scenarioVersion: versionId }, options } };
}

/**
 * The run's issues about the total (path `options.totalAmount`, or the scenario's `tender.totalAmount`), which the
 * screen shows at the total field, and the rest.
 */
export function splitTotalIssues(issues: readonly Issue[]): { total: Issue[]; other: Issue[] } {
  const atTotal = (i: Issue) => i.path.join('.') === 'options.totalAmount' || i.path.join('.') === 'scenario.tender.totalAmount' || i.rule === 'tenderTotalWithinLiquidity';
  return { total: issues.filter(atTotal), other: issues.filter((i) => !atTotal(i)) };
}

export interface ScoreRow {
  readonly bankId: string;
  /** The rate quoted (a fraction, exact), if any, and where it came from. */
  readonly quote?: string;
  readonly quoteSource: TenderBid['quoteSource'];
  readonly marks: Partial<Record<Criterion, string>>;
  readonly score: string;
}

/**
 * The banks taking part, best score first (ties by bank id), each with its marks per criterion.
 */
export function scoreRows(result: Pick<TenderResult, 'bids'>): ScoreRow[] {
  return result.bids
    .filter((b) => !b.suspended && b.score !== undefined)
    .map((b) => ({ bankId: b.bankId, ...(b.quotedRate !== undefined ? { quote: b.quotedRate } : {}), quoteSource: b.quoteSource, marks: { ...(b.marks ?? {}) }, score: b.score! }))
    .sort((a, b) => compareDecimal(b.score, a.score) || a.bankId.localeCompare(b.bankId));
}

/** The banks that get no new money, each with every reason found. */
export function suspendedRows(result: Pick<TenderResult, 'bids'>): { bankId: string; reasons: SuspensionReason[] }[] {
  return result.bids.filter((b) => b.suspended).map((b) => ({ bankId: b.bankId, reasons: b.reasons }));
}

export interface AllocationRow {
  readonly bankId: string;
  readonly amount: string;
  /** A fraction, six places. */
  readonly share: string;
  readonly limit?: string;
  readonly limitRule?: NonNullable<TenderBid['limitRule']>;
  readonly capped: boolean;
  readonly optimizerAmount: string;
}

/** The split: every bank taking part, largest amount first, and a total row's amount (exact, in fen). */
export function allocationRows(result: Pick<TenderResult, 'bids'>): { rows: AllocationRow[]; total: YuanText; optimizerTotal: YuanText } {
  const rows = result.bids
    .filter((b) => !b.suspended)
    .map((b) => ({ bankId: b.bankId, amount: b.amount, share: b.share, ...(b.limit !== undefined ? { limit: b.limit } : {}), ...(b.limitRule !== undefined ? { limitRule: b.limitRule } : {}), capped: b.capped, optimizerAmount: b.optimizerAmount }))
    .sort((a, b) => compareDecimal(b.amount, a.amount) || a.bankId.localeCompare(b.bankId));
  const add = (xs: string[]) => yuanTextOf(xs.reduce((a, x) => a + fenOf(x), 0n));
  return { rows, total: add(rows.map((r) => r.amount)), optimizerTotal: add(result.bids.map((b) => b.optimizerAmount)) };
}

/**
 * Whether the total asked is above what leaves the reserve whole (`total.withinReserve`): then the reserve goes short
 * in that month, which the comparison's payout-gap rows price.
 * @example aboveReserve({ total: { asked: '30000000.00', withinReserve: { amount: '1544714.54', month: '2026-11' } } }) //=> true
 */
export function aboveReserve(result: { total: Pick<TenderResult['total'], 'asked' | 'withinReserve'> }): boolean {
  return fenOf(result.total.asked) > fenOf(result.total.withinReserve.amount);
}

export interface PlanFigures {
  readonly plan: 'optimizer' | 'tender';
  /** Display-only probabilities (0..1) from the forecast paths; undefined without paths or without a plan. */
  readonly planCaused?: number;
  readonly anyGap?: number;
  readonly interest?: string;
}

/**
 * The optimizer's plan and the tender plan from the comparison (matched by plan name, as the columns may come safe
 * first), risk figures first, and the tender plan's interest against the optimizer's.
 */
export function planComparison(result: Pick<TenderResult, 'comparison' | 'plans' | 'interestDifference'>): { plans: PlanFigures[]; interestDifference?: string } {
  const figures = (plan: 'optimizer' | 'tender'): PlanFigures => {
    const c = result.comparison.columns.find((x) => x.plan === result.plans[plan] || x.label === result.plans[plan]);
    const st = c?.stress;
    return { plan, ...(st?.planCausedShortProbability !== undefined ? { planCaused: st.planCausedShortProbability } : {}), ...(st?.payoutShortProbability !== undefined ? { anyGap: st.payoutShortProbability } : {}), ...(c?.ledger ? { interest: c.ledger.interest } : {}) };
  };
  return { plans: [figures('optimizer'), figures('tender')], ...(result.interestDifference !== undefined ? { interestDifference: result.interestDifference } : {}) };
}

/** The banks' names as the comparison's scenario gives them, by id (the id when unnamed). */
export function bankNamer(result: Pick<TenderResult, 'comparison'>): (id: string) => string {
  const names = result.comparison.scenarios[0]?.bankNames ?? {};
  return (id) => names[id] ?? id;
}

function compareDecimal(a: string, b: string): number {
  // Exact: both are plain decimals; scale to the longer fraction.
  const [ai, af = ''] = a.split('.');
  const [bi, bf = ''] = b.split('.');
  const n = Math.max(af.length, bf.length);
  const x = BigInt(`${ai}${af.padEnd(n, '0')}`);
  const y = BigInt(`${bi}${bf.padEnd(n, '0')}`);
  return x === y ? 0 : x > y ? 1 : -1;
}
