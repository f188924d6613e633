import type { DomainIssue } from '@fundladder/core';
import { importIssueText } from './messages';

/**
 * What a cell (or a column, or a file) should have held. Each has a Chinese and an English wording in
 * {@link ./messages}, so a rejected row can say what was expected in the user's language.
 */
export type Expected =
  | 'amount'
  | 'month'
  | 'period'
  | 'day'
  | 'fundType'
  | 'rate'
  | 'term'
  | 'product'
  | 'bankType'
  | 'bankStatus'
  | 'accountKind'
  | 'vintage'
  | 'bondKind'
  | 'couponFrequency'
  | 'boolean'
  | 'number'
  | 'id'
  | 'text'
  | 'bank'
  | 'unit'
  | 'rateUnit'
  | 'column'
  | 'encoding'
  | 'xlsx'
  | 'sheet'
  | 'cellCount'
  | 'uniqueRow'
  | 'scenarioPart';

/** Where an import issue is: the file as the user named it, the sheet of a workbook, the row (1-based, as a spreadsheet numbers it) and the column's header. */
export interface ImportLocation {
  readonly file: string;
  readonly sheet?: string;
  readonly row?: number;
  readonly column?: string;
}

/**
 * A problem found while importing: a {@link DomainIssue} (code, path, rule, received, limit) with its place in
 * the file and what was expected. `path` is `[file, row, column]` (with `file#sheet` for a workbook).
 */
export interface ImportIssue extends DomainIssue, ImportLocation {
  readonly expected: Expected;
  /** The candidates when a value fits more than one (a fund type `养老` in a file of several pension funds). */
  readonly candidates?: readonly string[];
}

/** A result with the issues that did not stop it: notes on defaults taken and rows skipped. */
export type ImportResult<T> = { ok: true; value: T; notes: ImportIssue[] } | { ok: false; issues: ImportIssue[]; notes: ImportIssue[] };

/**
 * Builds an import issue at a place, with its path and an English fallback message.
 * @param at - where (file, sheet, row, column)
 * @param code - the machine code, e.g. `invalid_cell`, `missing_unit`
 * @param expected - what should have been there
 * @param received - the text found, if any
 * @param facts - limit, candidates or the rule name when it differs from `expected`
 * @returns the issue
 * @example importIssue({ file: 'flows.csv', row: 17, column: '收入（万元）' }, 'invalid_cell', 'amount', 'n/a').path //=> ['flows.csv', 17, '收入（万元）']
 */
export function importIssue(
  at: ImportLocation,
  code: string,
  expected: Expected,
  received?: string,
  facts: { limit?: string; candidates?: readonly string[]; rule?: string } = {},
): ImportIssue {
  const where = at.sheet === undefined ? at.file : `${at.file}#${at.sheet}`;
  const path: (string | number)[] = [where];
  if (at.row !== undefined) path.push(at.row);
  if (at.column !== undefined) path.push(at.column);
  const issue: ImportIssue = {
    ...at,
    code,
    expected,
    path,
    rule: facts.rule ?? expected,
    message: '',
    ...(received !== undefined ? { received } : {}),
    ...(facts.limit !== undefined ? { limit: facts.limit } : {}),
    ...(facts.candidates !== undefined ? { candidates: facts.candidates } : {}),
  };
  return { ...issue, message: importIssueText(issue, 'en') };
}

/**
 * Issues in the order of the file: by row, the file-wide ones (no row) first; the sort is stable.
 * @example byRow([{ row: 7 }, { row: 2 }]) //=> [{ row: 2 }, { row: 7 }]
 */
export function byRow<T extends { row?: number }>(issues: readonly T[]): T[] {
  return [...issues].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}
