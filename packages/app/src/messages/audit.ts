// The interest audit (利息复核) and the replay in words, Chinese and English (docs/audit.md): the notes on an audited
// line, its outcome, and the report's column headings. The facts come from the jobs; the words live here.
import { type Decimal, formatYuan } from '@fundladder/core';
import type { AuditedLineWire } from '../jobs/auditInterest';
import { type Lang, type Names } from './names';
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
