import type { TextEncoding } from './decodeText';
import { type ImportIssue, importIssue } from './importIssue';
import type { RawTable } from './rawTable';
import { readCsv } from './readCsv';
import { readXlsx, workbookKind } from './readXlsx';

/** Where a table comes from: the bytes, the name for messages and how to read them. */
export interface TableSource {
  readonly bytes: Uint8Array;
  /** The file as the user named it (messages say `file:row:column`). */
  readonly file: string;
  /** A workbook's sheet; absent: the first whose name contains one of `prefer`, else the first. */
  readonly sheet?: string;
  /** A CSV's encoding (default `auto`). */
  readonly encoding?: TextEncoding;
}

/**
 * Reads a CSV or an .xlsx workbook (told apart by their first bytes, not the file name) into rows.
 * @param source - bytes, file name, sheet, encoding
 * @param prefer - sheet-name fragments to look for when no sheet is named (e.g. `['报价', 'quote']`)
 * @returns the rows, or the issues that stop reading
 */
export async function readTable(source: TableSource, prefer: readonly string[] = []): Promise<{ ok: true; value: RawTable } | { ok: false; issues: ImportIssue[] }> {
  const kind = workbookKind(source.bytes);
  if (kind) return readXlsx(source.bytes, { file: source.file, ...(source.sheet !== undefined ? { sheet: source.sheet } : {}), prefer });
  if (/\.xlsx?$/i.test(source.file)) return { ok: false, issues: [importIssue({ file: source.file }, 'invalid_xlsx', 'xlsx', 'not a zip archive')] };
  return readCsv(source.bytes, { file: source.file, ...(source.encoding ? { encoding: source.encoding } : {}) });
}
