// What the Overview's "fund today" part shows, from the API's overview and warnings by pure functions (tested beside
// this file): cover sorted lowest first against the warning line, and each open warning in words.
import type { Overview, Warning } from '../../api/overviewSchemas';
import { formatMoney, type Lang, percentOfProbability } from '../../format/money';
import { compareDecimal } from '../plan/planView';
import type { OverviewMessages } from './messages';

export interface CoverRow {
  readonly fundType: string;
  readonly liquid: string;
  readonly meanOutflow: string | undefined;
  /** Months covered to 2 places (truncated by the API), or undefined with no payout in the window. */
  readonly months: string | undefined;
  /** Below the warning threshold (compared exactly). */
  readonly low: boolean;
}

/**
 * The cover of every fund type, the lowest first (those without a payout last), each marked when below the threshold.
 * @example coverRows({ threshold: '3', byFundType: [{ fundType: 'a', monthsCovered: '5.00', … }, { fundType: 'b', monthsCovered: '2.50', … }] }).map((r) => [r.fundType, r.low]) //=> [['b', true], ['a', false]]
 */
export function coverRows(cover: Overview['cover']): CoverRow[] {
  const rows = cover.byFundType.map((c) => ({ fundType: c.fundType, liquid: c.liquid, meanOutflow: c.meanOutflow, months: c.monthsCovered, low: c.monthsCovered !== undefined && compareDecimal(c.monthsCovered, cover.threshold) < 0 }));
  return rows.sort((a, b) => (a.months === undefined ? 1 : b.months === undefined ? -1 : compareDecimal(a.months, b.months)));
}

const RULE_ORDER = ['structuralGap', 'monthsCovered', 'maturityUnplaced', 'bankCapNear', 'belowStatutoryRate'];

/**
 * The open warnings, the most pressing rules first (payouts before interest), then by subject.
 * @example openWarnings([{ rule: 'bankCapNear', state: 'open', … }, { rule: 'monthsCovered', state: 'open', … }, { state: 'cleared', … }]).map((w) => w.rule) //=> ['monthsCovered', 'bankCapNear']
 */
export function openWarnings(warnings: readonly Warning[]): Warning[] {
  const rank = (r: string) => (RULE_ORDER.includes(r) ? RULE_ORDER.indexOf(r) : RULE_ORDER.length);
  return warnings.filter((w) => w.state === 'open').sort((a, b) => rank(a.rule) - rank(b.rule) || (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0));
}

export interface WordContext {
  readonly m: OverviewMessages;
  readonly lang: Lang;
  readonly fundType: (id: string) => string;
  readonly bank: (id: string) => string;
  readonly capName: (rule: string) => string;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * One warning in the reader's words, from the facts the API stored with it (docs/api.md "Early warnings"); a rule the
 * app does not know is shown by its id and subject.
 * @example warningText({ rule: 'monthsCovered', subject: 'maternity', detail: { monthsCovered: '2.50', threshold: '3' } }, ctx) //=> '生育保险基金：账户余额只够支付 2.50 个月，低于 3 个月'
 */
export function warningText(w: Pick<Warning, 'rule' | 'subject' | 'detail'>, ctx: WordContext): string {
  const d = w.detail;
  const { m } = ctx;
  switch (w.rule) {
    case 'monthsCovered':
      return m.warnMonthsCovered(ctx.fundType(w.subject), text(d.monthsCovered) ?? '—', text(d.threshold) ?? '—');
    case 'bankCapNear': {
      const caps = Array.isArray(d.caps) ? d.caps.map((c) => ctx.capName(text((c as Record<string, unknown>).rule) ?? '')).join(ctx.lang === 'zh' ? '、' : ', ') : '—';
      return m.warnBankCapNear(text(d.bankName) ?? ctx.bank(w.subject), caps);
    }
    case 'maturityUnplaced': {
      const unplaced = text(d.unplaced);
      return m.warnMaturityUnplaced(w.subject, text(d.maturityDate) ?? '—', unplaced ? formatMoney(unplaced, ctx.lang) : '—');
    }
    case 'belowStatutoryRate':
      return m.warnBelowStatutory(w.subject, text(d.bankId) ? ctx.bank(text(d.bankId)!) : '—');
    case 'structuralGap':
      return m.warnStructural(ctx.fundType(w.subject), typeof d.structuralShortProbability === 'number' ? percentOfProbability(d.structuralShortProbability) : '—');
    default:
      return m.warnOther(w.rule, w.subject);
  }
}
