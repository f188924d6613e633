import type { Decimal, IsoDate } from '@fundladder/core';
import { type FieldSpec, dataRows, mapHeader } from '../import/columns';
import { type ReadContext, cellReader } from '../import/cellReader';
import { type ImportIssue, type ImportResult, byRow, importIssue } from '../import/importIssue';
import type { RawTable } from '../import/rawTable';
import type { AuditInterestRequest } from './auditInterest';

/** One line of a bank's interest statement as read from its file, with the row it came from. */
export interface StatementRecord {
  readonly account: string;
  readonly firstDay: IsoDate;
  readonly lastDay: IsoDate;
  readonly balance?: Decimal;
  readonly balanceDays?: Decimal;
  readonly annualRate?: Decimal;
  readonly interestPaid: Decimal;
  readonly file: string;
  readonly sheet?: string;
  readonly row: number;
}

/** The sheet-name fragments a statement workbook's sheet is picked by when none is named (`readTable`'s `prefer`). */
export const STATEMENT_SHEETS: readonly string[] = ['结息', '利息', '清单', 'interest', 'statement'];

/**
 * The columns of an interest statement (计息清单/利息清单), by the names banks print and the audit request's own field
 * names. The period is the first day counted (起息日) to the settlement day (结息日), both counted; the amount is the
 * balance held every day (余额, or the daily average 日均余额) or the 积数, or both.
 */
export const STATEMENT_FIELDS = {
  account: { names: ['账户', '账户编号', '账户标识', '账户代码', 'account'], required: true },
  firstDay: { names: ['起息日', '计息起日', '起始日期', '开始日期', '起日', 'firstDay'], required: true },
  lastDay: { names: ['结息日', '止息日', '计息止日', '截止日期', '终止日期', '止日', 'lastDay'], required: true },
  balance: { names: ['余额', '计息余额', '存款余额', '日均余额', 'balance'] },
  balanceDays: { names: ['积数', '计息积数', '累计积数', 'balanceDays'] },
  annualRate: { names: ['利率', '年利率', '执行利率', '计息利率', 'annualRate'] },
  interestPaid: { names: ['利息', '实付利息', '结息金额', '利息金额', '支付利息', '应付利息', 'interestPaid'], required: true },
} as const satisfies Record<string, FieldSpec>;

/**
 * Reads a bank's interest statement (CSV in UTF-8 or GBK, or a workbook sheet, read by `readTable`): one row per account
 * and period. Amounts in the unit each header declares (`余额（元）`, `积数（万元）`), else the note above the table, else
 * `--unit`; the bare request field names (`balance`, `balanceDays`, `interestPaid`) mean yuan. Rates in % where the
 * header or cell says so (`利率（%）`, `0.35%`). Every bad cell is an issue at `file:row:column`; a row with neither a
 * balance nor a 积数 is one too.
 * @param table - the rows of the statement
 * @param context - the unit of undeclared amount columns
 * @returns the lines, or every issue found (with notes either way)
 * @example readStatement(table) //=> { ok: true, value: [{ account: 'wi-fiscal', firstDay: '2025-03-21', lastDay: '2025-06-20', balance: 100000000, interestPaid: 88472.22, row: 2, … }] }
 */
export function readStatement(table: RawTable, context: ReadContext = {}): ImportResult<StatementRecord[]> {
  const mapped = mapHeader(table, STATEMENT_FIELDS);
  const notes: ImportIssue[] = [];
  if (!mapped.ok) return { ok: false, issues: mapped.issues, notes };
  const m = mapped.value;
  const f = m.fields;
  const issues: ImportIssue[] = [];
  const at = { file: table.file, ...(table.sheet !== undefined ? { sheet: table.sheet } : {}) };
  if (f.balance === undefined && f.balanceDays === undefined) {
    return { ok: false, issues: [importIssue({ ...at, row: table.rows[m.headerIndex]!.row }, 'missing_column', 'column', undefined, { limit: '余额/balance 或 积数/balanceDays' })], notes };
  }
  const read = cellReader(m, context, issues, notes);
  const lines: StatementRecord[] = [];
  for (const row of dataRows(m, notes, issues)) {
    const account = read.textAt(row, f.account!);
    const firstDay = read.dayAt(row, f.firstDay!);
    const lastDay = read.dayAt(row, f.lastDay!);
    const present = (column: number | undefined) => column !== undefined && read.cell(row, column) !== null;
    const balance = present(f.balance) ? read.amountAt(row, f.balance!, 'balance') : undefined;
    const balanceDays = present(f.balanceDays) ? read.amountAt(row, f.balanceDays!, 'balanceDays') : undefined;
    if (!present(f.balance) && !present(f.balanceDays)) read.raise(row, (f.balanceDays ?? f.balance)!, 'missing_cell', 'amount', null);
    const annualRate = present(f.annualRate) ? read.rateAt(row, f.annualRate!, ['annualRate']) : undefined;
    const interestPaid = read.amountAt(row, f.interestPaid!, 'interestPaid');
    if (!account || !firstDay || !lastDay || !interestPaid || (!balance && !balanceDays)) continue;
    if ((present(f.balance) && !balance) || (present(f.balanceDays) && !balanceDays) || (present(f.annualRate) && !annualRate)) continue;
    lines.push({ account, firstDay, lastDay, ...(balance ? { balance } : {}), ...(balanceDays ? { balanceDays } : {}), ...(annualRate ? { annualRate } : {}), interestPaid, ...at, row: row.row });
  }
  if (lines.length === 0 && issues.length === 0) issues.push(importIssue(at, 'no_rows', 'text'));
  return issues.length ? { ok: false, issues: byRow(issues), notes } : { ok: true, value: lines, notes };
}

/**
 * The audit request's `statement` from the lines {@link readStatement} read, as the CLI and the API both send it: the
 * file named as issues will name it (`file#sheet` for a workbook), its sha256 when the caller kept one, and each line in
 * the wire form (yuan to the fen and rates as decimal strings, with the row it came from).
 * @param table - the file (and sheet) the lines were read from
 * @param records - the lines read
 * @param sha256 - the file's digest (hex), recorded with the request
 * @returns the request's `statement`
 * @example statementOf({ file: 'q2.csv' }, lines).lines[0] //=> { account: 'ep-fiscal', firstDay: '2025-03-21', lastDay: '2025-06-20', balance: '100000000.00', annualRate: '0.011', interestPaid: '278055.56', row: 3 }
 */
export function statementOf(table: Pick<RawTable, 'file' | 'sheet'>, records: readonly StatementRecord[], sha256?: string): AuditInterestRequest['statement'] {
  return {
    file: table.sheet !== undefined ? `${table.file}#${table.sheet}` : table.file,
    ...(sha256 !== undefined ? { sha256 } : {}),
    lines: records.map((l) => ({
      account: l.account,
      firstDay: l.firstDay,
      lastDay: l.lastDay,
      ...(l.balance ? { balance: l.balance.toFixed(2) } : {}),
      ...(l.balanceDays ? { balanceDays: l.balanceDays.toFixed(2) } : {}),
      ...(l.annualRate ? { annualRate: l.annualRate.toFixed() } : {}),
      interestPaid: l.interestPaid.toFixed(2),
      row: l.row,
    })),
  };
}
