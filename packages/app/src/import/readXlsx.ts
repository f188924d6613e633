// exceljs is loaded when a workbook is read, not when the CLI starts (it costs ~0.5 s of every start-up otherwise).
import type ExcelJS from 'exceljs';
import { type ImportIssue, importIssue } from './importIssue';
import type { CellValue } from './parseAmount';
import type { RawRow, RawTable } from './rawTable';

/** The first bytes of a zip archive (an .xlsx) and of an OLE2 compound file (an .xls of Excel 97–2003). */
export function workbookKind(bytes: Uint8Array): 'xlsx' | 'xls' | undefined {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'xls';
  return undefined;
}

function plainValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return typeof value === 'string' && value.trim() === '' ? null : value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return plainValue((value as { result?: ExcelJS.CellValue }).result ?? null);
  if ('text' in value) return plainValue((value as { text: ExcelJS.CellValue }).text);
  if ('error' in value) return String((value as { error: string }).error);
  return null;
}

/**
 * Reads one sheet of an .xlsx workbook (exceljs) into rows: numbers stay numbers, dates stay dates, formulas give
 * their cached result, and cells formatted as percent are marked (their numbers are fractions).
 * @param bytes - the workbook's bytes
 * @param options - the file's name for messages; the sheet by name (default: `prefer`'s first match, else the first sheet)
 * @returns the rows, or the issue that the workbook or sheet cannot be read
 * @see https://github.com/exceljs/exceljs#value-types
 */
export async function readXlsx(bytes: Uint8Array, options: { file: string; sheet?: string; prefer?: readonly string[] }): Promise<{ ok: true; value: RawTable } | { ok: false; issues: ImportIssue[] }> {
  const at = { file: options.file };
  if (workbookKind(bytes) === 'xls') return { ok: false, issues: [importIssue(at, 'xls_binary', 'xlsx')] };
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (e) {
    return { ok: false, issues: [importIssue(at, 'invalid_xlsx', 'xlsx', (e as Error).message)] };
  }
  const names = workbook.worksheets.map((w) => w.name);
  const wanted = options.sheet;
  const sheet =
    wanted !== undefined
      ? workbook.worksheets.find((w) => w.name === wanted) ?? workbook.worksheets.find((w) => w.name.trim().toLowerCase() === wanted.trim().toLowerCase())
      : workbook.worksheets.find((w) => (options.prefer ?? []).some((p) => w.name.toLowerCase().includes(p.toLowerCase()))) ?? workbook.worksheets[0];
  if (!sheet) return { ok: false, issues: [importIssue(at, 'unknown_sheet', 'sheet', wanted ?? '', { limit: names.join(', ') || '—' })] };
  const rows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    const percentCells = new Set<number>();
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      // A merged range repeats its first cell's value in every cell; only the first keeps it.
      const value = cell.isMerged && cell.master.address !== cell.address ? null : plainValue(cell.value);
      cells[column - 1] = value;
      if (typeof value === 'number' && (cell.numFmt ?? '').includes('%')) percentCells.add(column - 1);
    });
    const filled = Array.from(cells, (c) => c ?? null);
    if (filled.some((c) => c !== null)) rows.push({ row: rowNumber, cells: filled, ...(percentCells.size ? { percentCells } : {}) });
  });
  return { ok: true, value: { file: options.file, sheet: sheet.name, rows } };
}
