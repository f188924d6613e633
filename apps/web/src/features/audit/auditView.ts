// The interest audit screen's figures (docs/audit.md §2), pure and tested beside the screen: the upload the form sends,
// the verdict's totals in 元 and 万元, and the differences, each with its rule, source and notes in words. Money stays
// yuan text (fen as BigInt when added); the statement is read by the API (the CLI's reader), never here.
import type { AuditInterestResult, AuditedLine } from '../../api/auditResult';
import { moneyIn } from '../../format/money';
import type { AuditMessages } from './messages';

/** The units an amount column may be declared in (the API's `unit`: the app layer's AMOUNT_UNITS). */
export const AUDIT_UNITS = ['yuan', 'wan', 'yi'] as const;
/** The CSV encodings the API reads (the app layer's TEXT_ENCODINGS). */
export const AUDIT_ENCODINGS = ['auto', 'utf8', 'gbk'] as const;

export interface AuditUpload {
  readonly file: File | undefined;
  readonly versionId: string | undefined;
  /** '' = every amount header declares its unit. */
  readonly unit: '' | (typeof AUDIT_UNITS)[number];
  readonly encoding: (typeof AUDIT_ENCODINGS)[number];
}

/**
 * The multipart form of `POST /api/funds/{fundId}/audits`, or what is missing (the file, or a version to audit against).
 * The default encoding (`auto`) and an empty unit are left out, so the API's own defaults apply.
 * @example auditFormOf({ file, versionId: '7', unit: '', encoding: 'auto' }) //=> { ok: true, form: FormData { statement: file, scenarioVersion: '7' } }
 */
export function auditFormOf(upload: AuditUpload): { ok: true; form: FormData } | { ok: false; missing: 'file' | 'version' } {
  if (!upload.file) return { ok: false, missing: 'file' };
  if (!upload.versionId) return { ok: false, missing: 'version' };
  const form = new FormData();
  form.append('statement', upload.file, upload.file.name);
  form.append('scenarioVersion', upload.versionId);
  if (upload.unit !== '') form.append('unit', upload.unit);
  if (upload.encoding !== 'auto') form.append('encoding', upload.encoding);
  return { ok: true, form };
}

/**
 * Yuan text as "元 (万元)": to the fen with thousands separators, and in 万元 to two places (half up, exact).
 * @example yuanAndWan('26055.55', auditZh) //=> '26,055.55 元（2.61 万元）'
 */
export function yuanAndWan(yuan: string, t: Pick<AuditMessages, 'yuanAndWan'>): string {
  return t.yuanAndWan(moneyIn(yuan, 'yuan'), moneyIn(yuan, 'wan'));
}

/**
 * A rate fraction as a percentage, at least two places and exact up to four, as the report prints it.
 * @example ratePercent('0.0035') //=> '0.35%'
 * @example ratePercent('0.011') //=> '1.10%'
 * @example ratePercent('0.001875') //=> '0.1875%'
 */
export function ratePercent(fraction: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(fraction);
  if (!m) throw new Error(`not a decimal: ${JSON.stringify(fraction)}`);
  const digits = (m[3] ?? '').replace(/0+$/, '');
  // fraction × 100: the decimal point moves two places right.
  const places = Math.min(4, Math.max(2, digits.length - 2));
  const scaled = BigInt(`${m[2]}${digits.padEnd(places + 2, '0').slice(0, places + 2)}`);
  const rest = digits.slice(places + 2);
  const rounded = rest !== '' && Number(rest[0]) >= 5 ? scaled + 1n : scaled;
  const text = rounded.toString().padStart(places + 1, '0');
  return `${m[1] && rounded !== 0n ? '-' : ''}${text.slice(0, text.length - places)}.${text.slice(text.length - places)}%`;
}

/** The banks' names as the audit's scenario gives them, by id (the id when unnamed). */
export function bankNamer(result: Pick<AuditInterestResult, 'scenario'>): (id: string) => string {
  const names = result.scenario.bankNames as Record<string, string>;
  return (id) => names[id] ?? id;
}

/** An account in words, as the catalogue names it: its bank, fund type and kind; its id when the kind is unknown. */
export function accountName(line: Pick<AuditedLine, 'account' | 'bankId' | 'fundType' | 'accountKind'>, bank: (id: string) => string, fundType: (id: string) => string, t: Pick<AuditMessages, 'accountKind' | 'accountName'>): string {
  const kind = t.accountKind[line.accountKind];
  return kind ? t.accountName(bank(line.bankId), fundType(line.fundType), kind) : line.account;
}

/** The rule applied to a line and where it comes from: the contract, or the statutory rule with its notice. */
export function ruleOf(line: Pick<AuditedLine, 'rule' | 'statutory'>, t: Pick<AuditMessages, 'ruleName' | 'contractSource'>): { rule: string; source: string } {
  const rule = t.ruleName[line.rule] ?? line.rule;
  return line.rule === 'contractRate' ? { rule, source: t.contractSource } : { rule, source: line.statutory.source };
}

/** One note on an audited line, in words (the catalogue's auditNoteText). */
export function noteText(note: AuditedLine['notes'][number], t: Pick<AuditMessages, 'note' | 'ruleName'>): string {
  const yuan = (y: string) => moneyIn(y, 'yuan');
  switch (note.kind) {
    case 'statedRateDiffers':
      return t.note.statedRateDiffers(ratePercent(note.statedRate), ratePercent(note.contractRate));
    case 'bankArithmetic':
      return t.note.bankArithmetic(yuan(note.statedInterest), yuan(note.interestPaid));
    case 'balanceDaysDiffer':
      return t.note.balanceDaysDiffer(note.printed, note.fromBalance, note.used === 'printed');
    case 'contractBelowStatutory':
      return t.note.contractBelowStatutory(ratePercent(note.contractRate), ratePercent(note.statutoryRate), t.ruleName[note.rule] ?? note.rule);
    case 'unconfirmedRuleAbove':
      return t.note.unconfirmedRuleAbove(t.ruleName[note.rule] ?? note.rule, ratePercent(note.annualRate), yuan(note.interest));
  }
}

export interface DifferenceRow {
  /** The statement's row (1-based, as a spreadsheet numbers it), else the line's place in the request. */
  readonly row: number;
  readonly line: AuditedLine;
  /** The rates claimed over the period, each once (two when a contract change split it). */
  readonly rates: string[];
}

/**
 * The lines that differ from the recomputation (under- or over-paid), in the statement's order, and how many match.
 * @example differenceRows(fixture).rows.map((r) => r.row) //=> [3, 5]
 */
export function differenceRows(result: Pick<AuditInterestResult, 'lines'>): { rows: DifferenceRow[]; matching: number } {
  const rows = result.lines
    .filter((l) => l.outcome !== 'match')
    .map((line) => ({ row: line.row ?? line.index + 1, line, rates: [...new Set(line.segments.map((s) => ratePercent(s.claimedRate)))] }));
  return { rows, matching: result.lines.length - rows.length };
}
