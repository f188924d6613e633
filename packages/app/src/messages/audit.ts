// The interest audit (利息复核) and the replay in words, Chinese and English (docs/audit.md): the notes on an audited
// line, its outcome, and the report's column headings. The facts come from the jobs; the words live here.
import { type Decimal, formatYuan } from '@fundladder/core';
import type { AuditedLineWire } from '../jobs/auditInterest';
import { type Lang, type Names, wanText } from './names';
import { ruleName } from './issues';

/** A rate fraction as a percentage, at least two places, exact up to four: 0.0035 → 0.35%. */
export function ratePercent(fraction: Decimal): string {
  const d = fraction.times(100);
  return `${d.toFixed(Math.min(4, Math.max(2, d.decimalPlaces())))}%`;
}

type Note = AuditedLineWire['notes'][number];

/**
 * One note on an audited line, in words.
 * @example auditNoteText({ kind: 'contractBelowStatutory', contractRate: dec('0.0065'), statutoryRate: dec('0.011'), rule: 'pensionDemandAtThreeMonth' }, 'zh') //=> '协议利率 0.65% 低于法定 1.10%（养老基金活期按三个月定期利率计息），按法定利率复核'
 */
export function auditNoteText(note: Note, lang: Lang): string {
  const zh = lang === 'zh';
  switch (note.kind) {
    case 'statedRateDiffers':
      return zh ? `对账单所列利率 ${ratePercent(note.statedRate)} 与协议利率 ${ratePercent(note.contractRate)} 不符` : `the statement's rate ${ratePercent(note.statedRate)} is not the contract rate ${ratePercent(note.contractRate)}`;
    case 'bankArithmetic':
      return zh ? `按银行自列积数与利率应为 ${formatYuan(note.statedInterest)} 元，实付 ${formatYuan(note.interestPaid)} 元` : `the bank's own 积数 and rate give ${formatYuan(note.statedInterest)} yuan; it paid ${formatYuan(note.interestPaid)}`;
    case 'balanceDaysDiffer':
      return zh
        ? `所列积数 ${note.printed.toFixed()} 与余额×天数 ${note.fromBalance.toFixed()} 不符，按${note.used === 'printed' ? '所列积数' : '余额×天数（计息期须分段）'}复核`
        : `the printed 积数 ${note.printed.toFixed()} is not balance × days ${note.fromBalance.toFixed()}; audited on ${note.used === 'printed' ? 'the printed 积数' : 'balance × days (the period had to be split)'}`;
    case 'contractBelowStatutory':
      return zh
        ? `协议利率 ${ratePercent(note.contractRate)} 低于法定 ${ratePercent(note.statutoryRate)}（${ruleName(note.rule, 'zh')}），按法定利率复核`
        : `the contract rate ${ratePercent(note.contractRate)} is below the statutory ${ratePercent(note.statutoryRate)} (${ruleName(note.rule, 'en')}); audited at the statutory rate`;
    case 'unconfirmedRuleAbove':
      return zh
        ? `未证实的规定（${ruleName(note.rule, 'zh')}）为 ${ratePercent(note.annualRate)}，据此应付 ${formatYuan(note.interest)} 元：仅供参考，未计入应补`
        : `an unconfirmed rule (${ruleName(note.rule, 'en')}) gives ${ratePercent(note.annualRate)}, i.e. ${formatYuan(note.interest)} yuan: for information, not claimed`;
  }
}

/** A line's outcome in words. */
export function auditOutcomeText(outcome: AuditedLineWire['outcome'], lang: Lang): string {
  const words = { match: ['相符', 'matches'], underpaid: ['少付', 'under-paid'], overpaid: ['多付', 'over-paid'] } as const;
  return words[outcome][lang === 'zh' ? 0 : 1];
}

/** The columns of the audit report, each named in both languages (Chinese first). */
export const AUDIT_COLUMNS = [
  ['row', '行', 'row'],
  ['account', '账户', 'account'],
  ['period', '计息期间（含首尾日）', 'period (both days counted)'],
  ['days', '天数', 'days'],
  ['balanceDays', '积数（元）', 'balance-days (yuan)'],
  ['contractRate', '协议利率', 'contract rate'],
  ['claimedRate', '复核利率', 'rate applied'],
  ['rule', '适用规则', 'rule applied'],
  ['source', '依据', 'source'],
  ['owed', '应付利息（元）', 'interest owed (yuan)'],
  ['paid', '实付利息（元）', 'interest paid (yuan)'],
  ['difference', '差额：应补（元）', 'difference: owed to the fund (yuan)'],
  ['outcome', '结论', 'outcome'],
  ['formula', '算式', 'formula'],
  ['notes', '说明', 'notes'],
] as const;

/** What a line's rule is called and where it comes from, in `lang`: the contract, or the statutory rule and its notice. */
export function auditRuleText(line: AuditedLineWire, lang: Lang): { rule: string; source: string } {
  if (line.rule === 'contractRate') return { rule: ruleName('contractRate', lang), source: lang === 'zh' ? '存款协议（情景 accounts[].contractRates）' : 'the deposit contract (scenario accounts[].contractRates)' };
  return { rule: ruleName(line.rule, lang), source: line.statutory.source };
}

/** The account in words, or its id. */
export const accountText = (line: AuditedLineWire, names: Names): string => names.account(line.account);

/**
 * The audit's one-line verdict: lines, lines that differ, the net owed to the fund and its two parts, yuan to the fen.
 * @example auditSummaryLine(result, 'zh') //=> '利息复核 示例县：statement.csv 共 3 行，2 行有差异；应补利息合计 26,055.55 元（少付 26,055.55，多付 0.00）'
 */
export function auditSummaryLine(r: { scenario: { name: string }; file?: string; lines: readonly unknown[]; differences: number; totals: { difference: Decimal; underpaid: Decimal; overpaid: Decimal } }, lang: Lang): string {
  const t = r.totals;
  return lang === 'zh'
    ? `利息复核 ${r.scenario.name}：${r.file ?? ''} 共 ${r.lines.length} 行，${r.differences} 行有差异；应补利息合计 ${formatYuan(t.difference)} 元（少付 ${formatYuan(t.underpaid)}，多付 ${formatYuan(t.overpaid)}）`
    : `Interest audit of ${r.scenario.name}: ${r.file ?? ''} ${r.lines.length} lines, ${r.differences} with a difference; net owed to the fund ${formatYuan(t.difference)} yuan (under-paid ${formatYuan(t.underpaid)}, over-paid ${formatYuan(t.overpaid)})`;
}

// ── the replay ──────────────────────────────────────────────────────────────────────────────────────────────────

/** The replay's rows and columns, Chinese and English (the amounts in 万元). */
export const REPLAY_LABELS = {
  actual: { zh: '过去的计划', en: 'past plan' },
  hindsight: { zh: '事后最优', en: 'hindsight' },
  rolling: { zh: '滚动重排', en: 'rolling' },
  interest: { zh: '赚取利息', en: 'interest earned' },
  interestReceived: { zh: '期内实收利息', en: 'interest received' },
  forgone: { zh: '过去计划少赚的利息', en: 'interest forgone by the past plan' },
  payoutGaps: { zh: '支付缺口（天次）', en: 'payout gaps (days)' },
  largestGap: { zh: '最大缺口', en: 'largest gap' },
  reserveBreaches: { zh: '储备不足（月）', en: 'reserve breaches (months)' },
  largestShort: { zh: '储备最大不足', en: 'largest reserve shortfall' },
  placements: { zh: '存放笔数', en: 'placements' },
} as const satisfies Record<string, Record<Lang, string>>;

/**
 * The replay's heading: the scenario, the months replayed and the unit.
 * @example replayHeading({ scenario: { name: '示例' }, months: { from: '2025-01', to: '2025-06', count: 6 } }, 'zh') //=> '回放 示例：2025-01 至 2025-06（6 个月），金额单位：万元'
 */
export function replayHeading(r: { scenario: { name: string }; months: { from: string; to: string; count: number }; droppedPlacements?: number }, lang: Lang): string {
  const head = lang === 'zh' ? `回放 ${r.scenario.name}：${r.months.from} 至 ${r.months.to}（${r.months.count} 个月），金额单位：万元` : `Replay of ${r.scenario.name}: ${r.months.from} to ${r.months.to} (${r.months.count} months), amounts in 万元`;
  if (!r.droppedPlacements) return head;
  return `${head}\n${lang === 'zh' ? `  计划中 ${r.droppedPlacements} 笔存放在实际收支覆盖的月份之后，未计入` : `  ${r.droppedPlacements} placement(s) of the plan fall after the months the actuals cover and are left out`}`;
}

/**
 * One payout gap: the day, the fund type by name, the amount in 万元.
 * @example replayGapLine({ date: '2025-03-01', fundType: 'employeePension', amount: dec('20000000') }, 'zh', names) //=> '2025-03-01 企业职工基本养老保险基金缺 2,000.00 万元'
 */
export function replayGapLine(gap: { date: string; fundType: string; amount: Decimal }, lang: Lang, names: Names): string {
  return lang === 'zh' ? `${gap.date} ${names.fundType(gap.fundType)}缺 ${wanText(gap.amount)} 万元` : `${gap.date} ${names.fundType(gap.fundType)} short by ${wanText(gap.amount)}万`;
}

/**
 * One reserve breach: the month, the fund type when the reserve is kept per fund type, liquid, required and short in 万元.
 * @example replayBreachLine({ month: '2025-02', liquid: dec(0), required: dec('20000000'), short: dec('20000000') }, 'zh', names) //=> '2025-02 末流动资金 0.00，储备要求 2,000.00，不足 2,000.00 万元'
 */
export function replayBreachLine(b: { month: string; fundType?: string; liquid: Decimal; required: Decimal; short: Decimal }, lang: Lang, names: Names): string {
  return lang === 'zh'
    ? `${b.month} 末${b.fundType ? names.fundType(b.fundType) : ''}流动资金 ${wanText(b.liquid)}，储备要求 ${wanText(b.required)}，不足 ${wanText(b.short)} 万元`
    : `${b.month}${b.fundType ? ` ${names.fundType(b.fundType)}` : ''}: liquid ${wanText(b.liquid)}, reserve ${wanText(b.required)}, short by ${wanText(b.short)}万`;
}

/**
 * One rolling re-plan: when, how it went, how many placements and what it planned on.
 * @example replayStepLine({ start: '2025-04', status: 'optimal', placements: 1, expected: 'budget' }, 'zh') //=> '2025-04 起：最优，新存 1 笔，依据预算现金流'
 */
export function replayStepLine(s: { start: string; status: 'optimal' | 'elastic' | 'infeasible' | 'error'; placements: number; expected: 'budget' | 'forecast' }, lang: Lang): string {
  const status = { optimal: ['最优', 'optimal'], elastic: ['无可行计划，按最少违规的计划', 'no plan kept every rule: the least bending one'], infeasible: ['无可行计划', 'infeasible'], error: ['失败', 'failed'] }[s.status];
  return lang === 'zh'
    ? `${s.start} 起：${status[0]}，新存 ${s.placements} 笔，依据${s.expected === 'forecast' ? '按已发生月份重新拟合的预测' : '预算现金流'}`
    : `from ${s.start}: ${status[1]}, ${s.placements} placement(s), planned on ${s.expected === 'forecast' ? 'the forecast refitted on the months so far' : 'the budget'}`;
}
